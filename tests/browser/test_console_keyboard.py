"""The leader's console with the keyboard alone: Tab, Shift+Tab, Enter and
Space open an activity, hide and reveal its results, close it and open the
next, while a projector follows. Every control that takes the focus shows it
(an outline of at least 2 px on it or on the chip around it)."""

import pytest
from playwright.sync_api import Browser, Page, expect

from client import LeaderClient
from tests.support.server_process import ServerProcess

from .test_live_session import PROMPT, english_context

pytestmark = pytest.mark.browser

# The focused element, the card it is in, and whether a focus ring is drawn on
# it or on its parent (a chip draws it around its checkbox).
FOCUSED = """() => {
  const el = document.activeElement;
  const ring = (node) => {
    const s = getComputedStyle(node);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) ||
           (s.boxShadow !== "none" && s.boxShadow !== "");
  };
  const cards = [...document.querySelectorAll(".activity-card")];
  return {
    tag: el.tagName.toLowerCase(),
    name: (el.getAttribute("aria-label") || (el.labels && el.labels.length &&
           el.labels[0].textContent) || el.textContent || "").trim(),
    card: cards.indexOf(el.closest(".activity-card")),
    visible: ring(el) || (el.parentElement !== null && ring(el.parentElement)),
  };
}"""


class Keyboard:
    """Moves the focus with Tab only, checking each stop shows it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.unseen: list[str] = []

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED)

    def tab_to(self, name: str, card: int, backwards: bool = False) -> None:
        for _ in range(120):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            now = self.focused()
            if now["tag"] != "body" and not now["visible"]:
                self.unseen.append(f"{now['tag']} {now['name']!r}")
            if now["name"] == name and now["card"] == card:
                return
        raise AssertionError(f"Tab never reached {name!r} in card {card}")


def test_the_console_runs_a_session_with_the_keyboard_alone(
    browser: Browser, server: ServerProcess
) -> None:
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    session_id = leader.start_session()
    console = english_context(
        browser, server, viewport={"width": 1280, "height": 900}
    ).new_page()
    console.goto(server.new_login_link())
    console.goto(f"/leader/sessions/{session_id}")
    expect(console.locator(".activity-card")).not_to_have_count(0)
    expect(console.locator("#connection")).to_be_hidden()
    projector = english_context(browser, server).new_page()
    projector.goto(
        console.get_by_role("link", name="Open projector").get_attribute("href")
    )
    cards = console.locator(".activity-card")
    first, second = cards.nth(0), cards.nth(1)
    keys = Keyboard(console)

    # Open the first activity with Enter; its results start hidden.
    keys.tab_to("Open", 0)
    console.keyboard.press("Enter")
    expect(first.locator(".state-badge")).to_have_text("Open")
    expect(projector.locator("#activity-prompt")).to_have_text(PROMPT)
    expect(first.get_by_label("Hide results until reveal")).to_be_checked()

    # Space on the checkbox shows the results live.
    keys.tab_to("Hide results until reveal", 0)
    console.keyboard.press("Space")
    expect(first.get_by_label("Hide results until reveal")).not_to_be_checked()
    expect(projector.locator("#results-hidden")).to_be_hidden()

    # Back with Shift+Tab to Close (Space), then Reveal (Enter).
    keys.tab_to("Close", 0, backwards=True)
    console.keyboard.press("Space")
    expect(first.locator(".state-badge")).to_have_text("Closed")
    keys.tab_to("Reveal", 0)
    console.keyboard.press("Enter")
    expect(first.locator(".state-badge")).to_have_text("Revealed")
    expect(projector.locator("#results")).to_be_visible()

    # Next: open the second activity.
    keys.tab_to("Open", 1)
    console.keyboard.press("Enter")
    expect(second.locator(".state-badge")).to_have_text("Open")
    second_prompt = second.locator(".card-prompt").inner_text()
    expect(projector.locator("#activity-prompt")).to_have_text(second_prompt)
    assert keys.focused()["card"] == 1, "the focus stays on the pressed button"

    assert keys.unseen == [], "these took the focus without showing it"
    leader.close()


def test_the_focus_check_sees_a_missing_ring(browser: Browser, server) -> None:
    page = english_context(browser, server).new_page()
    page.goto("/")
    page.locator("#code").focus()
    assert Keyboard(page).focused()["visible"]
    # Through the CSSOM, which a Content-Security-Policy does not block.
    page.evaluate(
        """() => document.styleSheets[0].insertRule(
            ":focus-visible { outline: none !important; }",
            document.styleSheets[0].cssRules.length)"""
    )
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert Keyboard(page).focused()["tag"] == "input"
    assert not Keyboard(page).focused()["visible"]
