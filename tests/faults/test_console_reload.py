"""The leader reloads the console mid-session, in Chromium: it comes back with the
same activity open and the same answers, and its buttons still run the session.
Phones and the projector are client/ objects on the same real server."""

import re
from collections import Counter

import pytest
from playwright.sync_api import Browser, Page, expect

from client import Refused, join
from tests.browser.test_live_session import PROMPT, start_session
from tests.support.server_process import ServerProcess

from . import db
from .clients import Phone, Screen

pytestmark = pytest.mark.browser

ANSWERS = [["Samordnare", "Nav"], ["Samordnare"], ["Lobbyist"], ["Nav"], ["Mäklare"]]


def console_shows(console: Page, state: str, answers: int, joined: int) -> None:
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    expect(card.locator(".state-badge")).to_have_text(state)
    expect(card.locator(".card-count")).to_have_text(f"{answers} answers")
    expect(console.locator("#submission-rows tr")).to_have_count(answers)
    expect(console.locator("#joined-count")).to_have_text(str(joined))


def test_a_reloaded_console_shows_everything_and_keeps_control(
    browser: Browser, browser_server: ServerProcess, closing
) -> None:
    server = browser_server
    console, code = start_session(browser, server)
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    card.get_by_role("button", name="Open", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Open")
    link = console.get_by_role("link", name="Open projector").get_attribute("href")
    projector = closing(Screen(server.base_url, link.rsplit("/", 1)[1]))
    projector.connect()

    phones = []
    for i in range(len(ANSWERS)):
        token, _, _ = join(server.base_url, code, f"Deltagare {i}", "Region Skåne")
        phones.append(closing(Phone(server.base_url, token)))
        phones[-1].connect()
    activity_id = phones[0].state["activity"]["id"]
    for device, roles in list(zip(phones, ANSWERS, strict=True))[:3]:
        device.submit(activity_id, {"roles": roles})
    console_shows(console, "Open", answers=3, joined=len(ANSWERS))
    hidden = card.get_by_label("Hide results until reveal").is_checked()

    # Reload; an answer arrives while the new page is still loading.
    console.reload(wait_until="commit")
    phones[3].submit(activity_id, {"roles": ANSWERS[3]})
    console.wait_for_load_state()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    console_shows(console, "Open", answers=4, joined=len(ANSWERS))
    expect(card.get_by_label("Hide results until reveal")).to_be_checked(checked=hidden)
    # The reloaded console follows new answers live.
    phones[4].submit(activity_id, {"roles": ANSWERS[4]})
    console_shows(console, "Open", answers=5, joined=len(ANSWERS))

    # Its buttons work: close, and every phone sees its answer locked.
    card.get_by_role("button", name="Close", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Closed")
    for device in phones:
        device.wait_until(
            lambda d: (d.activities.get(activity_id) or {}).get("state") == "closed", 5
        )
    with pytest.raises(Refused) as refused:
        phones[0].submit(activity_id, {"roles": ["Visionär"]})
    assert refused.value.error == "closed"

    # Reveal: the projector shows every answer given, none lost.
    card.get_by_role("button", name="Reveal", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Revealed")
    projector.wait_until(lambda p: p.top_word(activity_id) is not None, 5)
    results = projector.snapshot(activity_id)["results"]
    assert results["answers"] == len(ANSWERS)
    words = {w["word"]: w["count"] for w in results["words"]}
    assert words == Counter(role for roles in ANSWERS for role in roles)
    stored = db.submissions(server, activity_id)
    assert sorted(answers[0]["roles"] for answers in stored.values()) == sorted(ANSWERS)
    console_shows(console, "Revealed", answers=5, joined=len(ANSWERS))
