"""Every page type in Chromium, checked by axe-core (WCAG 2.1 AA rules): no
serious or critical violation, a page language, and the language switch.

One server holds a history (Träff 1 and Träff 4 ended, Träff 1's roles
published), a running Träff 2, an assigned homework and a review link, so each
page shows real content. Pages run in English (the lang cookie)."""

import json
import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import select

from client import LeaderClient
from server import models
from server.extensions import db
from tests.conftest import make_app
from tests.support.server_process import ServerProcess

from .test_live_session import PHONE, english_context
from .test_review import run_two_meetings

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(url="/vendor/axe.min.js")
    return page.evaluate(
        """(blocking) => axe.run({runOnly: {type: "tag",
              values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
            .then(result => result.violations
              .filter(v => blocking.includes(v.impact))
              .map(v => `${v.id} (${v.impact}): ` +
                   v.nodes.map(n => n.target.join(" ")).join(", ")))""",
        list(BLOCKING),
    )


# Controls whose visible text is a symbol or nothing (×, +, −, an icon) must be
# named for a screen reader by aria-label or aria-labelledby, in words.
ICON_ONLY = """() => {
  const words = /\\p{L}{2,}/u;
  const found = [];
  const controls = document.querySelectorAll(
    "button, a[href], [role=button], input[type=button], input[type=submit]");
  for (const el of controls) {
    if (words.test(el.textContent) || words.test(el.value || "")) continue;
    const by = (el.getAttribute("aria-labelledby") || "").split(/\\s+/)
      .map((id) => document.getElementById(id)).filter(Boolean)
      .map((n) => n.textContent).join(" ");
    if (!words.test(el.getAttribute("aria-label") || "") && !words.test(by)) {
      found.push(`unnamed ${el.tagName.toLowerCase()}: ${el.outerHTML.slice(0, 80)}`);
    }
  }
  return found;
}"""


# static/js/i18n.js's t() shows the key itself ("time_left") when the page's
# i18n block lacks it: visible text or a label shaped like a key is a miss.
SHOWN_KEYS = """() => {
  const key = /^[a-z]+(_[a-z0-9]+)+$/;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    if (key.test(text) && !n.parentElement.closest("script, style")) {
      found.push(`i18n key shown: ${text}`);
    }
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = (el.getAttribute(name) || "").trim();
      if (key.test(value)) found.push(`i18n key as ${name}: ${value}`);
    }
  }
  return found;
}"""


def shown_i18n_keys(page: Page) -> list[str]:
    return page.evaluate(SHOWN_KEYS)


def unnamed_icon_controls(page: Page) -> list[str]:
    return page.evaluate(ICON_ONLY)


def check_page(page: Page, found: dict[str, list[str]], name: str) -> None:
    """Collect the page's problems under ``name``, so one run lists them all."""
    problems = (
        axe_violations(page) + unnamed_icon_controls(page) + shown_i18n_keys(page)
    )
    if page.locator("html").get_attribute("lang") not in ("sv", "en"):
        problems.append("no page language")
    switch = page.locator("nav.language")
    if switch.count() != 1 or not switch.get_by_role("link", name="Svenska").count():
        problems.append("no language switch")
    if problems:
        found[name] = problems


class Site:
    """The ids and links of the server's history, read from its database."""

    def __init__(self, server: ServerProcess) -> None:
        app = make_app(f"sqlite:///{server.instance / 'mellanrum.db'}")
        with app.app_context():
            project = db.session.scalar(select(models.Project).order_by("id"))
            meetings = {m.title: m for m in project.meetings}
            self.project = project.id
            self.meeting = meetings["Träff 2"].id
            self.item = meetings["Träff 2"].items[0].id
            self.archived = db.session.scalar(
                select(models.LiveSession.id)
                .where(models.LiveSession.meeting_id == meetings["Träff 1"].id)
                .order_by(models.LiveSession.id)
            )
            self.series = db.session.scalar(
                select(models.Activity.series_id).where(
                    models.Activity.series_id.is_not(None)
                )
            )
            db.engine.dispose()


def leader_page(context: BrowserContext, server: ServerProcess) -> Page:
    page = context.new_page()
    page.goto(server.new_login_link())
    # A leader without a password is offered to choose one first.
    expect(page).to_have_url(re.compile(r"/leader/(password)?$"))
    return page


def test_every_page_has_no_serious_accessibility_violation(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    code, token = run_two_meetings(server)
    site = Site(server)
    found: dict[str, list[str]] = {}
    desk = english_context(browser, server, viewport={"width": 1280, "height": 900})
    page = leader_page(desk, server)

    # The leader's own pages.
    leader_pages = {
        "home": "/leader/",
        "programme": f"/leader/projects/{site.project}/programme",
        "meeting programme": f"/leader/meetings/{site.meeting}/programme",
        "new activity": f"/leader/meetings/{site.meeting}/items/new?kind=choice",
        "edit activity": f"/leader/items/{site.item}/edit",
        "phone preview": f"/leader/items/{site.item}/preview",
        "new project": "/leader/projects/new",
        "import project": "/leader/projects/import",
        "project settings": f"/leader/projects/{site.project}/settings",
        "quotes": f"/leader/projects/{site.project}/quotes",
        "review links": f"/leader/projects/{site.project}/review-links",
        "co-leaders": f"/leader/projects/{site.project}/leaders",
        "password": "/leader/password",
        "timeline": f"/projects/{site.project}",
        "archive": f"/archive/{site.archived}",
        "comparison": f"/projects/{site.project}/compare",
        "comparison series": f"/projects/{site.project}/compare/{site.series}",
        "not found": "/no/such/page",
    }
    for name, path in leader_pages.items():
        response = page.goto(path)
        assert response.status == (404 if name == "not found" else 200), name
        check_page(page, found, name)

    # A review link: made on its page, then opened by a reviewer.
    page.goto(leader_pages["review links"])
    page.get_by_label("Label").fill("Utvärderare, Reglab")
    page.get_by_role("button", name="Make the link").click()
    review_url = page.locator("#new-link-url").input_value()
    check_page(page, found, "review link made")
    reviewer = english_context(browser, server).new_page()
    reviewer.goto(review_url)
    expect(reviewer).to_have_url(re.compile(rf"/projects/{site.project}$"))
    check_page(reviewer, found, "reviewer's timeline")
    reviewer.goto("/review/not-a-token")
    check_page(reviewer, found, "review link refused")

    # A running Träff 2 on the console, the projector and a phone.
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.new_login_link())
    session_id = leader.start_session(site.meeting, allow_anonymous=True)
    leader.connect(session_id)
    page.goto(f"/leader/sessions/{session_id}")
    expect(page.locator("#connection")).to_be_hidden()
    check_page(page, found, "console")
    projector = english_context(
        browser, server, viewport={"width": 1920, "height": 1080}
    ).new_page()
    projector.goto(f"/projector/{leader.projector_token}")
    check_page(projector, found, "projector idle")

    phone = english_context(browser, server, **PHONE).new_page()
    phone.goto("/")
    check_page(phone, found, "public start page")
    phone.goto(f"/join/{leader.join_code}")
    expect(phone.get_by_label("Your name")).to_be_visible()
    check_page(phone, found, "phone join")
    phone.get_by_label("Your name").fill("Anna")
    phone.get_by_label("Your organisation").fill("Region Skåne")
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.get_by_role("heading", name="You are in")).to_be_visible()
    check_page(phone, found, "phone waiting")

    text_activity = leader.activity_ids()[0]
    leader.open_activity(text_activity)
    expect(phone.locator("#activity-view")).to_be_visible()
    check_page(phone, found, "phone answering")
    phone.get_by_label("Your answer").fill("Vi samordnar kommunerna.")
    phone.get_by_role("button", name="Send answer").click()
    expect(phone.locator("#answer-status")).to_contain_text("Received")
    check_page(phone, found, "phone answered")
    expect(projector.locator("#activity-view")).to_be_visible()
    check_page(projector, found, "projector activity")
    check_page(page, found, "console activity")
    leader.close_activity(text_activity)
    leader.reveal_activity(text_activity)
    expect(phone.locator("#results-view")).to_be_visible()
    check_page(phone, found, "phone results")
    check_page(projector, found, "projector results")

    # Träff 1 ended, its roles published: Cecilia's phone shows them.
    page.goto(f"/archive/{site.archived}")
    page.get_by_role("button", name="Publish to participants").first.click()
    expect(page.get_by_text("Published to participants").first).to_be_visible()
    ended = english_context(browser, server, **PHONE)
    ended.add_init_script(
        f"localStorage.setItem({json.dumps('mellanrum:participant:' + code)}, "
        f"{json.dumps(token)})"
    )
    cecilia = ended.new_page()
    cecilia.goto(f"/join/{code}")
    expect(cecilia.locator("#published-list > *").first).to_be_visible()
    check_page(cecilia, found, "phone ended, published")

    # Homework: the leader's page and a participant's.
    homework_id = leader.assign_homework(leader.homework_items()[1], "2099-01-20T17:00")
    page.goto(f"/leader/homework/{homework_id}")
    check_page(page, found, "homework leader page")
    homework_code = page.locator("#join-code").inner_text().strip()
    task = english_context(browser, server, **PHONE).new_page()
    task.goto(f"/join/{homework_code}")
    check_page(task, found, "homework join")
    task.get_by_label("Your name").fill("Bo")
    task.get_by_label("Your organisation").fill("Region Halland")
    task.get_by_role("button", name="Start the homework").click()
    expect(task.get_by_label("Your region")).to_be_visible()
    check_page(task, found, "homework answering")

    # The sign-in page, signed out.
    signed_out = english_context(browser, server).new_page()
    signed_out.goto("/login")
    check_page(signed_out, found, "sign in")
    leader.close()
    screenshot(projector, "a11y-projector")
    assert found == {}


def test_the_check_finds_a_violation(browser: Browser, server: ServerProcess):
    """axe is really running: an unlabelled image button is critical."""
    page = english_context(browser, server).new_page()
    page.goto("/")
    page.evaluate(
        """() => { const b = document.createElement("button");
                   b.append(document.createElement("img"));
                   document.querySelector("main").append(b); }"""
    )
    assert any(v.startswith("button-name") for v in axe_violations(page))


def test_the_check_finds_an_icon_button_named_only_by_its_symbol(
    browser: Browser, server: ServerProcess
):
    page = english_context(browser, server).new_page()
    page.goto("/")
    assert unnamed_icon_controls(page) == []
    assert shown_i18n_keys(page) == []
    page.evaluate(
        """() => { const b = document.createElement("button");
                   b.textContent = "×";
                   document.querySelector("main").append(b); }"""
    )
    assert len(unnamed_icon_controls(page)) == 1
    page.locator("main button", has_text="×").evaluate(
        "b => b.setAttribute('aria-label', 'Ta bort Samordnare')"
    )
    assert unnamed_icon_controls(page) == []
    page.locator("main button", has_text="×").evaluate(
        "b => b.setAttribute('title', 'remove_role')"
    )
    assert shown_i18n_keys(page) == ["i18n key as title: remove_role"]
