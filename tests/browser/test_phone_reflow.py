"""Phone pages at 320 CSS px wide (WCAG 1.4.10 reflow) and at 200 % zoom
(WCAG 1.4.4): no horizontal scrolling, and every control is inside the page's
width and can be reached (scrolled to, it is the element under its own centre,
not covered by anything), with axe finding nothing serious. Checked on the
join page, the waiting page, each answer kind of Träff 4 and the homework page.

200 % zoom is simulated the way Chromium zooms: a 1280×800 window at 200 %
lays the page out in 640×400 CSS px at 2 device pixels per CSS px, so the
context has that viewport and device scale factor."""

import pytest
from playwright.sync_api import Browser, Page, expect

from client import LeaderClient
from tests.support.server_process import ServerProcess

from .test_accessibility import (
    axe_violations,
    shown_i18n_keys,
    unnamed_icon_controls,
)
from .test_live_session import english_context

pytestmark = pytest.mark.browser

SIZES = {
    "320px": {
        "viewport": {"width": 320, "height": 640},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "zoom 200%": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

# Problems with the page's layout: a horizontal scrollbar, or a control that
# sticks out sideways or is covered where a finger or a click would land.
LAYOUT = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width) {
    found.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary");
  for (const el of controls) {
    // The skip link is placed on screen only while it has the focus.
    if (!el.checkVisibility({visibilityProperty: true}) ||
        el.matches(".skip-link")) continue;
    const name = `${el.tagName.toLowerCase()} ${(el.textContent || el.id || el.name)
      .trim().slice(0, 30)}`;
    el.scrollIntoView({block: "center", inline: "nearest"});
    const box = el.getBoundingClientRect();
    if (box.left < -0.5 || box.right > width + 0.5) {
      found.push(`${name}: from ${box.left} to ${box.right} of ${width}`);
      continue;
    }
    // A checkbox or radio hidden inside its chip is reached through its label.
    const target = el.labels && el.labels.length && box.width < 2 ? el.labels[0] : el;
    const at = target.getBoundingClientRect();
    const [x, y] = [at.left + at.width / 2, at.top + at.height / 2];
    const hit = document.elementFromPoint(x, y);
    const reached = hit && (target.contains(hit) || hit.contains(target) ||
      (hit.closest("label") && hit.closest("label").control === el));
    if (!reached) {
      found.push(`${name}: covered by ${hit ? hit.outerHTML.slice(0, 60) : "nothing"}`);
    }
  }
  window.scrollTo(0, 0);
  return found;
}"""


def layout_problems(page: Page) -> list[str]:
    return page.evaluate(LAYOUT)


def check(page: Page, found: dict, name: str) -> None:
    """The layout, axe, the names of icon-only controls (×, +, −) and the words."""
    problems = layout_problems(page) + axe_violations(page)
    if problems := problems + unnamed_icon_controls(page) + shown_i18n_keys(page):
        found[name] = problems


@pytest.mark.parametrize("size", SIZES)
def test_phone_pages_reflow_without_sideways_scrolling(
    browser: Browser, server: ServerProcess, size: str
) -> None:
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    meetings = leader.meeting_ids()
    leader.connect(leader.start_session(meetings[3], allow_anonymous=True))
    found: dict[str, list[str]] = {}
    phone = english_context(browser, server, **SIZES[size]).new_page()

    phone.goto("/")
    check(phone, found, "start page")
    phone.goto(f"/join/{leader.join_code}")
    expect(phone.get_by_label("Your name")).to_be_visible()
    check(phone, found, "join")
    phone.get_by_label("Your name").fill("Anna")
    phone.get_by_label("Your organisation").fill("Region Skåne")
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.get_by_role("heading", name="You are in")).to_be_visible()
    check(phone, found, "waiting")

    # Each answer kind of Träff 4, opened in turn.
    kinds = []
    for activity_id in leader.activity_ids():
        kind = leader.open_activity(activity_id)["kind"]
        expect(phone.locator("#activity-view")).to_be_visible()
        expect(phone.locator("#activity-body > *").first).to_be_visible()
        check(phone, found, kind)
        kinds.append(kind)
        if kind == "roles":  # a chosen role gets a × to remove it
            phone.get_by_label("Add your own role").fill("Brobyggare")
            phone.get_by_label("Add your own role").press("Enter")
            expect(
                phone.get_by_role("button", name="Remove Brobyggare")
            ).to_be_visible()
            check(phone, found, "roles chosen")
        if kind == "text":  # operated for real, at this size
            phone.get_by_label("Your answer").fill("Nätverket.")
            phone.get_by_role("button", name="Send answer").click()
            expect(phone.locator("#answer-status")).to_contain_text("Received")
            check(phone, found, "text sent")

    assert set(kinds) == {
        "status_check", "lessons", "next_steps", "roles", "scale", "text", "choice"
    }  # fmt: skip

    # The homework page.
    homework_id = leader.assign_homework(leader.homework_items()[0], "2099-01-20T17:00")
    homework = LeaderClient(server.base_url)
    homework.sign_in(server.new_login_link())
    homework.connect(homework_id)
    phone.goto(f"/join/{homework.join_code}")
    check(phone, found, "homework join")
    phone.get_by_label("Your name").fill("Anna")
    phone.get_by_label("Your organisation").fill("Region Skåne")
    phone.get_by_role("button", name="Start the homework").click()
    expect(phone.locator("#homework-view")).to_be_visible()
    check(phone, found, "homework")
    homework.close()
    leader.close()
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_layout_check_sees_overflow_and_covered_controls(
    browser: Browser, server: ServerProcess
) -> None:
    page = english_context(browser, server, **SIZES["320px"]).new_page()
    page.goto("/")
    assert layout_problems(page) == []
    page.evaluate(
        """() => { const wide = document.createElement("button");
                   wide.textContent = "Bred";
                   wide.style.width = "500px";
                   const cover = document.createElement("div");
                   cover.style.cssText = "position:fixed;inset:0;z-index:9";
                   document.querySelector("main").append(wide, cover); }"""
    )
    found = layout_problems(page)
    assert any(f.startswith("scrolls sideways") for f in found)
    assert any(f.startswith("button Bred") for f in found)
    assert any("covered by <div" in f for f in found)
