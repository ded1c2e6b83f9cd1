"""The language switch in real browsers: Swedish by default, and switching keeps
the reader where they were, a phone still joined and answering, the projector
still showing the session, the console still running it."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from client import LeaderClient
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.browser


def switch(page: Page, language: str, lang: str) -> None:
    before = page.url
    page.get_by_role("navigation", name=re.compile("^(Språk|Language)$")).get_by_role(
        "link", name=language
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert page.url == before


def test_switching_keeps_each_screen_where_it_was(
    browser: Browser, server: ServerProcess
) -> None:
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    session_id = leader.start_session()
    leader.connect(session_id)

    # A phone joins in Swedish, the default, then switches mid-activity.
    phone = browser.new_context(
        base_url=server.base_url, viewport={"width": 390, "height": 844}
    ).new_page()
    phone.goto(f"/join/{leader.join_code}")
    expect(phone.locator("html")).to_have_attribute("lang", "sv")
    phone.get_by_label("Ditt namn").fill("Anna")
    phone.get_by_label("Din organisation").fill("Region Skåne")
    phone.get_by_role("button", name="Gå med", exact=True).click()
    expect(phone.get_by_role("heading", name="Du är med")).to_be_visible()
    roles = leader.activity_ids()[0]
    leader.open_activity(roles)
    phone.get_by_role("checkbox", name="Samordnare", exact=True).check()
    phone.get_by_role("button", name="Skicka svar").click()
    expect(phone.locator("#answer-status")).to_contain_text("Mottaget")
    switch(phone, "English", "en")
    # Still joined, the answer still there: no join form, the chip still ticked.
    expect(phone.locator("#join-view")).to_be_hidden()
    expect(phone.get_by_role("checkbox", name="Samordnare", exact=True)).to_be_checked()
    expect(phone.get_by_role("button", name="Update answer")).to_be_visible()
    switch(phone, "Svenska", "sv")
    expect(phone.get_by_role("checkbox", name="Samordnare", exact=True)).to_be_checked()

    # The projector: still this session's projector.
    projector = browser.new_context(base_url=server.base_url).new_page()
    projector.goto(f"/projector/{leader.projector_token}")
    expect(projector.locator("#activity-prompt")).to_be_visible()
    switch(projector, "English", "en")
    expect(projector.locator("#answer-count")).to_have_text("1 answer")

    # The console: still this session's console.
    console = browser.new_context(base_url=server.base_url).new_page()
    console.goto(server.new_login_link())
    console.goto(f"/leader/sessions/{session_id}")
    switch(console, "English", "en")
    expect(
        console.locator(".activity-card").first.locator(".state-badge")
    ).to_have_text("Open")
    leader.close()
