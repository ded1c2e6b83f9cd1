"""A status check of next steps across two meetings, in real browsers: phones
commit at Träff 1, the session ends, the leader starts Träff 2, the owners
mark their steps and the projector shows the tally. Pages run in English."""

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from tests.support.server_process import ServerProcess

from .test_live_session import PHONE, assert_accessible, english_context, join
from .test_plain_questions import open_activity, send

pytestmark = pytest.mark.browser

STEPS = "Nästa steg: vad gör din organisation, och till när?"
CHECK = "Hur har det gått med stegen från förra träffen?"


def add_items(server: ServerProcess, items: list[tuple[str, str, str]]) -> None:
    """Put (meeting title, kind, prompt) last in each meeting's programme, in
    the running server's database."""
    from server import models
    from server.app import create_app
    from server.config import TestConfig
    from server.extensions import db

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{server.instance / 'mellanrum.db'}"

    app = create_app(Config)
    with app.app_context():
        for title, kind, prompt in items:
            meeting = db.session.scalar(
                select(models.Meeting).where(models.Meeting.title == title)
            )
            position = max((i.position for i in meeting.items), default=0) + 1
            meeting.items.append(
                models.ProgrammeItem(
                    position=position, kind=kind, prompt=prompt, config={}
                )
            )
        db.session.commit()
        db.engine.dispose()


def start(browser: Browser, server: ServerProcess, title: str) -> tuple[Page, str]:
    console = browser.new_context(
        base_url=server.base_url, viewport={"width": 1280, "height": 900}
    ).new_page()
    console.goto(server.login_link)
    console.get_by_role("link", name="English").click()
    start_again(console, title)
    return console, console.locator("#join-code").inner_text().strip()


def start_again(console: Page, title: str) -> str:
    console.goto("/leader/")
    console.get_by_role("region", name=title).get_by_role(
        "button", name="Start session"
    ).click()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    return console.locator("#join-code").inner_text().strip()


def projector_for(browser: Browser, server: ServerProcess, console: Page) -> Page:
    projector = english_context(
        browser, server, viewport={"width": 1280, "height": 720}
    ).new_page()
    projector.goto(
        console.get_by_role("link", name="Open projector").get_attribute("href")
    )
    return projector


def open_live(console: Page, phones: list[Page], prompt: str) -> None:
    """Open the activity with its results shown live on the projector."""
    open_activity(console, phones, prompt)
    card = console.locator(".activity-card").filter(has_text=prompt)
    card.get_by_label("Hide results until reveal").uncheck()


def fill_step(card: Locator, what: str, by: str) -> None:
    card.get_by_label("What will be done").fill(what)
    card.get_by_label("Done by").fill(by)


def tally(projector: Page, status: str) -> Locator:
    return projector.locator(f'.sc-row[data-status="{status}"] .bar-count')


def test_a_status_check_of_next_steps_across_two_meetings(
    browser: Browser, server: ServerProcess, screenshot
):
    add_items(
        server,
        [("Träff 1", "next_steps", STEPS), ("Träff 2", "status_check", CHECK)],
    )

    # Träff 1: two phones commit.
    console, code = start(browser, server, "Träff 1")
    projector = projector_for(browser, server, console)
    anna = join(english_context(browser, server, **PHONE), code, "Anna", "Region Skåne")
    bo = join(english_context(browser, server, **PHONE), code, "Bo", "Region Halland")
    open_live(console, [anna, bo], STEPS)

    cards = anna.locator(".step-card")
    # The organisation starts as the participant's own.
    expect(cards.nth(0).get_by_label("Which organisation does it")).to_have_value(
        "Region Skåne"
    )
    fill_step(cards.nth(0), "Bjuda in Länsstyrelsen till samråd", "2017-03-15")
    anna.get_by_role("button", name="Add a step").click()
    expect(cards).to_have_count(2)
    expect(cards.nth(1).get_by_label("What will be done")).to_be_focused()
    fill_step(cards.nth(1), "Kartlägga aktörerna i länet", "2017-02-01")
    screenshot(anna, "next-steps-phone")
    assert_accessible(anna)
    send(anna)

    # A commitment without an owner is refused with words Bo can act on.
    step = bo.locator(".step-card").nth(0)
    fill_step(step, "Skriva till SKL", "2017-03-01")
    step.get_by_label("Which organisation does it").fill("")
    bo.get_by_role("button", name="Send answer").click()
    expect(bo.locator("#answer-status")).to_contain_text(
        "say which organisation will do it"
    )
    step.get_by_label("Which organisation does it").fill("Region Halland")
    send(bo)

    expect(projector.locator(".ns-step")).to_have_count(3)
    expect(projector.locator(".ns-day").first).to_contain_text("Kartlägga aktörerna")
    expect(projector.locator(".ns-orgs .bar-row").first).to_contain_text("Region Skåne")
    screenshot(projector, "next-steps-projector")
    assert_accessible(projector)
    expect(
        console.locator("#submission-rows tr").filter(has_text="Bo")
    ).to_contain_text("Skriva till SKL (Region Halland, 2017-03-01)")

    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="End session").click()
    expect(console).to_have_url(re.compile(r"/archive/\d+$"))
    archived = console.get_by_role("region", name=STEPS)
    expect(archived.locator(".ns-step")).to_have_count(3)
    assert_accessible(console)

    # Träff 2: the status check lists Träff 1's commitments.
    code = start_again(console, "Träff 2")
    projector = projector_for(browser, server, console)
    anna = join(english_context(browser, server, **PHONE), code, "Anna", "Region Skåne")
    bo = join(english_context(browser, server, **PHONE), code, "Bo", "Region Halland")
    cecilia = join(
        english_context(browser, server, **PHONE), code, "Cecilia", "Region Uppsala"
    )
    open_live(console, [anna, bo, cecilia], CHECK)

    # Anna marks Skåne's two steps; Halland's is listed, not hers to mark.
    mine = anna.locator("fieldset.status-step")
    expect(mine).to_have_count(2)
    anna.get_by_role("group", name=re.compile("Kartlägga aktörerna")).get_by_role(
        "radio", name="Done"
    ).check()
    anna.get_by_role("group", name=re.compile("Bjuda in Länsstyrelsen")).get_by_role(
        "radio", name="Under way"
    ).check()
    others = anna.locator("details.status-others")
    expect(others.locator("summary")).to_have_text("Other organisations’ steps (1)")
    others.locator("summary").click()
    expect(others).to_contain_text("Skriva till SKL")
    expect(others.get_by_role("radio")).to_have_count(0)
    screenshot(anna, "status-check-phone")
    assert_accessible(anna)
    send(anna)

    bo.get_by_role("radio", name="Not started").check()
    send(bo)

    # Cecilia's organisation had no steps: nothing to mark, nothing to send.
    expect(cecilia.get_by_text("Region Uppsala had no steps")).to_be_visible()
    # Then the others' steps are all there is: unfolded.
    expect(cecilia.locator("details.status-others")).to_have_attribute("open", "")
    expect(cecilia.get_by_role("radio")).to_have_count(0)
    expect(cecilia.get_by_role("button", name="Send answer")).to_be_disabled()
    screenshot(cecilia, "status-check-nothing")
    assert_accessible(cecilia)

    expect(tally(projector, "done")).to_have_text("1")
    expect(tally(projector, "under_way")).to_have_text("1")
    expect(tally(projector, "not_started")).to_have_text("1")
    expect(tally(projector, "unmarked")).to_have_text("0")
    status = projector.locator(".ns-step").filter(has_text="Skriva till SKL")
    expect(status.locator(".sc-status")).to_have_text("Not started")
    screenshot(projector, "status-check-projector")
    assert_accessible(projector)

    # Anna reloads: her marks are still hers.
    anna.reload()
    expect(
        anna.get_by_role("group", name=re.compile("Kartlägga aktörerna")).get_by_role(
            "radio", name="Done"
        )
    ).to_be_checked()
    expect(anna.locator("#answer-status")).to_contain_text("Received")
    row = console.locator("#submission-rows tr").filter(has_text="Bo")
    expect(row).to_contain_text("Skriva till SKL: Not started")
    screenshot(console, "status-check-console")
    assert_accessible(console)

    # Revealed, the phones show the tally too.
    card = console.locator(".activity-card").filter(has_text=CHECK)
    card.get_by_role("button", name="Reveal").click()
    expect(card.locator(".state-badge")).to_have_text("Revealed")
    bars = cecilia.locator("#results-bars li")
    expect(bars.filter(has_text="Done")).to_contain_text("1")
    expect(bars.filter(has_text="Not marked")).to_contain_text("0")
    assert_accessible(cecilia)
