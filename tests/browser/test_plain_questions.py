"""Träff 4's evaluation in real browsers: a scale, multiple choice and open text,
answered on two phones and shown on the projector. Pages run in English."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.server_process import ServerProcess

from .test_live_session import PHONE, assert_accessible, english_context, join

pytestmark = pytest.mark.browser

VALUE = "Hur värdefullt har lärprojektet varit för dig och din organisation?"
TAKE_AWAY = "Vad tar du med dig från lärprojektet?"
AGAIN = "Vill du vara med i ett nytt lärprojekt?"


def start_traff_4(browser: Browser, server: ServerProcess) -> tuple[Page, str]:
    console = browser.new_context(
        base_url=server.base_url, viewport={"width": 1280, "height": 900}
    ).new_page()
    console.goto(server.login_link)
    console.get_by_role("link", name="English").click()
    console.get_by_role("region", name="Träff 4").get_by_role(
        "button", name="Start session"
    ).click()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    return console, console.locator("#join-code").inner_text().strip()


def open_activity(console: Page, phones: list[Page], prompt: str) -> None:
    card = console.locator(".activity-card").filter(has_text=prompt)
    card.get_by_role("button", name="Open", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Open")
    card.get_by_role("button", name="Show live results").click()
    for phone in phones:
        expect(phone.get_by_role("heading", name=prompt)).to_be_visible()


def send(phone: Page) -> None:
    phone.get_by_role("button", name="Send answer").click()
    expect(phone.locator("#answer-status")).to_contain_text("Received")


def test_an_evaluation_on_phones_and_the_projector(
    browser: Browser, server, screenshot
):
    console, code = start_traff_4(browser, server)
    projector = english_context(
        browser, server, viewport={"width": 1280, "height": 720}
    ).new_page()
    projector.goto(
        console.get_by_role("link", name="Open projector").get_attribute("href")
    )
    anna = join(english_context(browser, server, **PHONE), code, "Anna", "Region Skåne")
    small = {**PHONE, "viewport": {"width": 320, "height": 640}}
    bo = join(english_context(browser, server, **small), code, "Bo", "Region Halland")
    phones = [anna, bo]

    open_activity(console, phones, VALUE)
    anna.get_by_role("radio", name=re.compile(r"^4")).check()
    bo.get_by_role("radio", name=re.compile(r"^5")).check()
    assert_accessible(bo)
    for phone in phones:
        send(phone)
    bo.reload()
    expect(bo.get_by_role("radio", name=re.compile(r"^5"))).to_be_checked()
    console.locator(".activity-card").filter(has_text=VALUE).get_by_role(
        "button", name="Reveal"
    ).click()
    expect(projector.locator(".scale-column")).to_have_count(5)
    expect(projector.get_by_text("Median")).to_be_visible()
    screenshot(projector, "scale-projector")

    open_activity(console, phones, AGAIN)
    anna.get_by_role("radio", name="Ja").check()
    bo.get_by_role("radio", name="Kanske").check()
    for phone in phones:
        send(phone)
    console.locator(".activity-card").filter(has_text=AGAIN).get_by_role(
        "button", name="Reveal"
    ).click()
    bars = projector.locator(".results-choice .bar-row")
    expect(bars).to_have_count(3)
    expect(bars.filter(has_text="Ja")).to_contain_text("1")

    open_activity(console, phones, TAKE_AWAY)
    anna.get_by_label("Your answer").fill("Det viktiga är att göra!")
    send(anna)
    bo.get_by_label("Your answer").fill("Mellanrummen mellan aktörerna.")
    send(bo)
    # Results of this one show live: the projector starts on its word cloud.
    projector.get_by_role("button", name="List").click()
    items = projector.locator(".text-item")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Det viktiga är att göra!")
    assert_accessible(projector)
    screenshot(projector, "text-projector")
    row = console.locator("#submission-rows tr").filter(has_text="Bo")
    expect(row).to_contain_text("Mellanrummen")
    # The leader stars it for the documentation; the quotes page gathers it.
    star = row.get_by_role("button", name="Star the answer from Bo as a quote")
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")
    console.goto("/leader/")
    console.get_by_role("link", name="Quotes for the documentation").click()
    expect(console.locator("blockquote")).to_contain_text(
        "Mellanrummen mellan aktörerna."
    )
    expect(console.locator("blockquote footer")).to_contain_text("Participant")
    assert_accessible(console)
