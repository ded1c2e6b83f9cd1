"""Hostile text stays inert: every text a user can type holds markup, a
``</script>``, a template expression and a ``javascript:`` URL
(tests/browser/xss_support.py); every page that shows it is opened in Chromium,
where no script of it may run, no dialog open, no Content-Security-Policy
violation be reported, and the text must read literally (docs/security.md)."""

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.server_process import ServerProcess

from .xss_support import NAME, SHORT, make_history, said

pytestmark = pytest.mark.browser

# Runs before any script of the page: counts the violations CSP reports.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} `
    + `${event.sourceFile}:${event.lineNumber}`);
});
"""

# What a page shows: its text and the values of its fields.
SHOWN = """
() => [document.body.innerText,
  ...[...document.querySelectorAll("input, textarea, option")].map(
    (field) => field.value)].join("\\n")
"""


@dataclass
class Watch:
    """Dialogs and CSP messages of every page of a browser context."""

    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> BrowserContext:
        context.add_init_script(WATCH)
        context.on("page", self.page)
        return context

    def page(self, page: Page) -> None:
        page.on("dialog", self.dialog)
        page.on("console", self.message)

    def dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def message(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(message.text)


def context(browser: Browser, server: ServerProcess, watch: Watch, **options):
    made = browser.new_context(base_url=server.base_url, **options)
    made.add_cookies([{"name": "lang", "value": "en", "url": server.base_url}])
    return watch.attach(made)


def inert(page: Page, watch: Watch, path: str, *shown: str) -> str:
    """Open ``path``; nothing hostile ran, and each of ``shown`` reads literally."""
    response = page.goto(path)
    assert response is not None and response.status < 400, (path, response)
    page.wait_for_load_state("load")
    # The page's scripts draw what the socket or a fetch brings; a text that
    # never comes is reported below, with what the page shows.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            f"(shown) => shown.every((text) => ({SHOWN})().includes(text))",
            arg=list(shown),
            timeout=5000,
        )
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined", path
    assert page.evaluate("window.__csp") == [], path
    assert watch.console == [], path
    assert watch.dialogs == [], path
    links = page.locator('[href^="javascript:" i], [src^="javascript:" i]')
    assert links.count() == 0, path
    text = page.evaluate(SHOWN)
    for expected in shown:  # with its {{7*7}}: no template evaluated it
        assert expected in text, (path, expected)
    return text


def test_hostile_text_stays_inert_on_every_page(
    browser: Browser, server: ServerProcess, tmp_path: Path
) -> None:
    made = make_history(server)
    watch = Watch()
    leader = context(browser, server, watch, viewport={"width": 1280, "height": 900})
    page = leader.new_page()
    page.goto(server.login_link)
    pid = made.project_id
    for path in ("/", "/login", "/leader/projects/new", "/leader/projects/import"):
        inert(page, watch, path)  # no user text, but no violation either
    inert(page, watch, "/leader/", said("Project"))
    inert(page, watch, f"/leader/projects/{pid}/programme", said("Project"))
    inert(page, watch, f"/leader/projects/{pid}/settings", said("Org"))
    for meeting_id in made.meeting_ids:
        inert(page, watch, f"/leader/meetings/{meeting_id}/programme", SHORT)
        inert(page, watch, f"/leader/meetings/{meeting_id}/items/new")
    for item_id in made.item_ids:
        inert(page, watch, f"/leader/items/{item_id}/edit", said("Prompt"))
        inert(page, watch, f"/leader/items/{item_id}/preview", said("Prompt"))
    inert(
        page, watch, f"/leader/sessions/{made.running_id}", said("Prompt"), SHORT, NAME
    )
    for session_id in made.homework_ids:
        inert(page, watch, f"/leader/homework/{session_id}", said("Prompt"))
    inert(page, watch, f"/leader/projects/{pid}/quotes", said("Quote"))
    inert(page, watch, f"/leader/projects/{pid}/review-links", said("Label"))
    inert(page, watch, f"/leader/projects/{pid}/leaders", said("Leader"))
    inert(page, watch, "/leader/password")
    inert(page, watch, f"/projects/{pid}", said("Project"))
    third, fourth = made.ended_ids
    inert(page, watch, f"/archive/{third}", said("Prompt"), said("Step"))
    answers = (said("Annotation"), said("Lesson"), said("Board theme"))
    inert(page, watch, f"/archive/{fourth}", said("Prompt"), *answers)
    inert(page, watch, f"/projects/{pid}/compare")
    comparisons = page.locator('form[action*="/compare/"]').evaluate_all(
        "(forms) => forms.map((form) => form.getAttribute('action'))"
    )
    assert comparisons
    for path in dict.fromkeys(comparisons):
        inert(page, watch, path, said("Prompt"))
    inert(page, watch, f"/projector/{made.projector_token}", said("Prompt"), SHORT)

    # The report is a download, opened from disk: no policy protects it there.
    report = page.request.get(f"/projects/{pid}/report.html")
    assert report.ok
    saved = tmp_path / "report.html"
    saved.write_bytes(report.body())
    inert(page, watch, saved.as_uri(), said("Quote"), said("Lesson"))

    reviewer = context(browser, server, watch).new_page()
    inert(reviewer, watch, f"/review/{made.review_token}", said("Project"))
    inert(reviewer, watch, f"/archive/{fourth}", said("Option"))

    phone = context(browser, server, watch, viewport={"width": 390, "height": 844})
    stored = {
        made.running_code: made.phone_token,
        made.ended_code: made.ended_token,
        **dict(made.homework),
    }
    phone.add_init_script(
        "".join(
            f"localStorage.setItem({json.dumps('mellanrum:participant:' + code)}, "
            f"{json.dumps(token)});"
            for code, token in stored.items()
        )
    )
    device = phone.new_page()
    inert(device, watch, f"/join/{made.running_code}", said("Prompt"), SHORT)
    inert(device, watch, f"/join/{made.ended_code}", said("Lesson"))
    for code, _ in made.homework:
        inert(device, watch, f"/join/{code}", said("Prompt"), said("Actor"))
    newcomer = context(browser, server, watch).new_page()
    inert(newcomer, watch, f"/join/{made.running_code}", said("Org"))
