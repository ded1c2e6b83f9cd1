"""A participant sees and deletes their own data from the phone (docs/privacy.md):
the privacy notice under the join form, "My data" listing their name and
answer, and deleting it after a confirmation, which the console's count
follows live."""

import pytest
from playwright.sync_api import Browser, expect

from tests.support.server_process import ServerProcess

from .test_live_session import (
    PHONE,
    PROMPT,
    assert_accessible,
    english_context,
    join,
    role,
    start_session,
)

pytestmark = pytest.mark.browser


def test_a_participant_sees_and_deletes_their_data(
    browser: Browser, server: ServerProcess
) -> None:
    console, code = start_session(browser, server)
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    context = english_context(browser, server, **PHONE)

    notice = context.new_page()
    notice.goto(f"/join/{code}")
    notice.get_by_text("About your data").click()
    expect(notice.get_by_text("We store the name and organisation")).to_be_visible()
    expect(notice.locator("#my-data")).to_be_hidden()  # nothing stored yet
    notice.close()

    phone = join(context, code, "Anna Andersson", "Region Skåne")
    card.get_by_role("button", name="Open", exact=True).click()
    expect(phone.get_by_role("heading", name=PROMPT)).to_be_visible()
    role(phone, "Samordnare").check()
    phone.get_by_role("button", name="Send answer").click()
    expect(phone.locator("#answer-status")).to_contain_text("Received")
    expect(card.locator(".card-count")).to_have_text("1 answer")

    phone.get_by_role("button", name="Show my data").click()
    listed = phone.locator("#my-data-list")
    expect(listed).to_contain_text("Anna Andersson")
    expect(listed).to_contain_text("Region Skåne")
    expect(listed).to_contain_text("Samordnare")
    assert_accessible(phone)

    phone.get_by_role("button", name="Delete my data").click()
    phone.get_by_role("button", name="Cancel").click()  # a change of mind
    expect(listed).to_contain_text("Anna Andersson")
    phone.get_by_role("button", name="Delete my data").click()
    phone.get_by_role("button", name="Yes, delete my data").click()
    expect(phone.locator("#my-data-status")).to_contain_text("are deleted")
    expect(listed).to_be_empty()
    expect(phone.get_by_role("heading", name="Join the session")).to_be_visible()
    expect(card.locator(".card-count")).to_have_text("0 answers")

    # The phone forgot its token: a reload asks to join again.
    phone.reload()
    expect(phone.get_by_role("heading", name="Join the session")).to_be_visible()
    expect(phone.locator("#my-data")).to_be_hidden()
