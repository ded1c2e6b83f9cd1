"""The projector read from the back of a room: at 1920×1080 every piece of text
has a contrast of at least 7:1 against what is behind it (WCAG's AAA level,
because a projector washes colours out) and is at least 28 px high; headings
are at least 32 px. The language switch in the corner is for the person at
the laptop, not the room, so it is left out. Checked on the waiting screen and
on live results."""

import pytest
from playwright.sync_api import Browser, Page, expect

from client import LeaderClient, Participant, join
from tests.support.server_process import ServerProcess

from .test_accessibility import axe_violations
from .test_homework import HALLAND
from .test_live_session import english_context

pytestmark = pytest.mark.browser

MIN_CONTRAST = 7.0
MIN_TEXT_PX = 28
MIN_HEADING_PX = 32

# Every visible element with text of its own (HTML and SVG): its size, its
# contrast against the first opaque background behind it, blended upwards.
MEASURE = """() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r, g, b, a};
  };
  const over = (top, below) => ({
    r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a), a: 1,
  });
  const background = (node) => {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a === 1) break; }
    }
    return layers.reduceRight((below, top) => over(top, below),
                              {r: 255, g: 255, b: 255, a: 1});
  };
  const luminance = ({r, g, b}) => {
    const [R, G, B] = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const found = [];
  for (const node of document.querySelectorAll("body *")) {
    const own = [...node.childNodes]
      .filter((c) => c.nodeType === 3).map((c) => c.textContent.trim()).join("");
    const skipped = "script, style, [hidden], .visually-hidden, nav.language";
    if (!own || node.closest(skipped)) continue;
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom < 0 ||
        box.right < 0 || box.top > innerHeight || box.left > innerWidth) continue;
    const style = getComputedStyle(node);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const svg = node instanceof SVGElement;
    const ink = parse(svg ? style.fill : style.color);
    const behind = background(svg ? node.closest("svg") : node);
    found.push({
      text: own.slice(0, 40), tag: node.tagName.toLowerCase(),
      heading: /^h[1-6]$/.test(node.tagName.toLowerCase()),
      size: parseFloat(style.fontSize),
      contrast: ink ? ratio(over(ink, behind), behind) : 0,
    });
  }
  return found;
}"""


def problems(page: Page) -> list[str]:
    texts = page.evaluate(MEASURE)
    assert texts, "no text measured"
    found = []
    for t in texts:
        least = MIN_HEADING_PX if t["heading"] else MIN_TEXT_PX
        if t["size"] < least - 0.5:  # rem and vw arithmetic rounds
            found.append(f"{t['tag']} {t['text']!r}: {t['size']:.0f}px < {least}px")
        if t["contrast"] < MIN_CONTRAST:
            found.append(f"{t['tag']} {t['text']!r}: contrast {t['contrast']:.1f}")
    return found


def test_the_projector_is_readable_from_the_back_of_the_room(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    leader.connect(leader.start_session())
    projector = english_context(
        browser, server, viewport={"width": 1920, "height": 1080}
    ).new_page()
    projector.goto(f"/projector/{leader.projector_token}")
    expect(projector.get_by_role("heading", name="Welcome!")).to_be_visible()
    expect(projector.locator("#connection")).to_be_hidden()
    assert (found := problems(projector)) == [], "\n".join(found)

    roles = leader.activity_ids()[0]
    leader.open_activity(roles)
    answers = [["Samordnare", "Lobbyist"], ["Samordnare"], ["Mäklare"]]
    for number, chosen in enumerate(answers):
        token, _, _ = join(server.base_url, leader.join_code, f"P{number}", "Region")
        phone = Participant(server.base_url, token)
        phone.connect()
        phone.submit(roles, {"roles": chosen})
        phone.close()
    leader.reveal_activity(roles)
    expect(projector.locator("#bars li")).to_have_count(3)
    expect(projector.locator("svg.cloud text").first).to_be_visible()
    screenshot(projector, "projector-readability")
    assert (found := problems(projector)) == [], "\n".join(found)
    leader.close()


ANSWERS = {
    "roles": {"roles": ["Samordnare", "Brobyggare"]},
    "scale": {"value": 4},
    "text": {"text": "Nätverket och modet att fråga."},
    "choice": {"choices": ["Ja"]},
    "lessons": {"lessons": [{"id": "l1", "text": "Det viktiga är att göra!"}]},
    "next_steps": {
        "steps": [
            {"what": "Bjud in", "organisation": "Region Skåne", "by": "2030-05-01"}
        ]
    },
}


def test_every_kind_of_results_is_readable_on_the_projector(
    browser: Browser, server: ServerProcess
) -> None:
    """Träff 4's kinds, each answered, revealed and measured; axe checks the
    projector and the console with each kind's results too."""
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    leader.connect(leader.start_session(leader.meeting_ids()[3]))
    projector = english_context(
        browser, server, viewport={"width": 1920, "height": 1080}
    ).new_page()
    projector.goto(f"/projector/{leader.projector_token}")
    expect(projector.locator("#connection")).to_be_hidden()
    console = english_context(
        browser, server, viewport={"width": 1280, "height": 900}
    ).new_page()
    console.goto(server.new_login_link())
    console.goto(f"/leader/sessions/{leader.session_id}")
    phones = []
    for name in ("Anna", "Bo"):
        token, _, _ = join(server.base_url, leader.join_code, name, "Region Skåne")
        phones.append(Participant(server.base_url, token))
        phones[-1].connect()
    found = {}
    for number, activity_id in enumerate(leader.activity_ids()):
        kind = leader.open_activity(activity_id)["kind"]
        for phone in phones:
            if kind in ANSWERS:
                phone.submit(activity_id, ANSWERS[kind])
        leader.reveal_activity(activity_id)
        expect(projector.locator("#results")).to_be_visible()
        projector.wait_for_timeout(500)  # the snapshot drawn
        problems_here = problems(projector) + axe_violations(projector)
        card = console.locator(".activity-card").nth(number)
        expect(card.locator(".state-badge")).to_have_text("Revealed")
        if problems_here := problems_here + axe_violations(console):
            found[kind] = problems_here
    for phone in phones:
        phone.close()
    leader.close()
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_homework_on_the_projector_is_readable(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    """The actor mapping homework, handed in and put on the projector."""
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    homework_id = leader.assign_homework(leader.homework_items()[1], "2099-01-20T17:00")
    leader.connect(homework_id)
    activity_id = leader.activity_ids()[0]
    token, _, _ = join(server.base_url, leader.join_code, "Bo", "Region Halland")
    phone = Participant(server.base_url, token)
    phone.connect()
    phone.submit(activity_id, HALLAND)
    phone.close()
    leader.close()

    meeting = LeaderClient(server.base_url)
    meeting.sign_in(server.new_login_link())
    meeting.connect(meeting.start_session(meeting.meeting_ids()[2]))
    projector = english_context(
        browser, server, viewport={"width": 1920, "height": 1080}
    ).new_page()
    projector.goto(f"/projector/{meeting.projector_token}")
    expect(projector.locator("#connection")).to_be_hidden()
    meeting.show_homework(activity_id)
    expect(projector.locator("section.am-mellanrum")).to_be_visible()
    projector.wait_for_timeout(500)  # the network drawn
    screenshot(projector, "projector-homework-readability")
    found = problems(projector)
    meeting.close()
    assert found == [], "\n".join(found)


def test_the_measure_sees_small_and_faint_text(
    browser: Browser, server: ServerProcess
) -> None:
    page = english_context(
        browser, server, viewport={"width": 1920, "height": 1080}
    ).new_page()
    page.goto("/")
    page.evaluate(
        """() => { const p = document.createElement("p");
                   p.textContent = "Liten grå text";
                   p.style.color = "#888";
                   p.style.fontSize = "16px";
                   document.querySelector("main").append(p); }"""
    )
    found = problems(page)
    assert any("'Liten grå text'" in f and "px" in f for f in found)
    assert any("'Liten grå text'" in f and "contrast" in f for f in found)
