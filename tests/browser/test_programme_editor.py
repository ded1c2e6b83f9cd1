"""The programme editor in a real browser: copy "Vem är du?" from Träff 1 into
Träff 3, see where the copy comes from, move it with the keyboard's buttons,
and preview it as a phone shows it. Pages run in English."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.server_process import ServerProcess

from .test_live_session import PROMPT, assert_accessible

pytestmark = pytest.mark.browser


def sign_in(browser: Browser, server: ServerProcess) -> Page:
    page = browser.new_context(
        base_url=server.base_url, viewport={"width": 1280, "height": 900}
    ).new_page()
    page.goto(server.login_link)
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    return page


def open_meeting(page: Page, title: str) -> None:
    page.goto("/leader/")
    page.get_by_role("link", name="Edit meetings and programme").click()
    expect(page.get_by_role("heading", name="Meetings and programme")).to_be_visible()
    row = page.locator(".meeting-row").filter(
        has=page.get_by_role("heading", name=title, exact=True)
    )
    row.get_by_role("link", name="Edit meeting and programme").click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()


def test_copy_vem_ar_du_from_traff_1_into_traff_3(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    page = sign_in(browser, server)
    open_meeting(page, "Träff 3")
    items = page.locator(".item-row")
    # Träff 3's programme: "Vem är du nu?" and the next steps.
    expect(items).to_have_count(2)
    assert_accessible(page)

    # One action: pick the activity from Träff 1 and copy it.
    page.get_by_label("Activity", exact=True).select_option(label=f"Träff 1: {PROMPT}")
    page.get_by_role("button", name="Copy into Träff 3").click()
    expect(
        page.get_by_role("status").filter(has_text="is copied from Träff 1")
    ).to_be_visible()
    expect(items).to_have_count(3)
    copy = items.nth(2)
    expect(copy.locator(".item-prompt")).to_have_text(PROMPT)
    expect(copy).to_contain_text(f"Copied from Träff 1: {PROMPT}")
    # Träff 3's own "Vem är du nu?" is linked to the same first asking.
    expect(items.nth(0)).to_contain_text(f"Copied from Träff 1: {PROMPT}")
    screenshot(page, "editor-copied")

    # Reordered with buttons: the copy moves up twice, first in the programme.
    copy.get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    expect(items.nth(1).locator(".item-prompt")).to_have_text(PROMPT)
    items.nth(1).get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    expect(items.nth(0).locator(".item-prompt")).to_have_text(PROMPT)
    expect(items.nth(0).get_by_role("button", name="Move up")).to_be_disabled()
    assert_accessible(page)

    # Its edit form: the settings of a roles activity, the catalogue the
    # project's.
    items.nth(0).get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Edit the activity")).to_be_visible()
    expect(page.get_by_label("Question")).to_have_value(PROMPT)
    expect(page.get_by_label("Participants may add their own words")).to_be_checked()
    expect(page.get_by_text("Offers the project’s roles")).to_be_visible()
    assert_accessible(page)

    # The phone preview: the phone's own roles form, in a phone-sized frame.
    page.get_by_role("link", name="Preview on a phone").click()
    expect(page.get_by_role("heading", name="Preview on a phone")).to_be_visible()
    frame = page.locator(".phone-frame")
    expect(frame.get_by_role("heading", name=PROMPT)).to_be_visible()
    chip = frame.get_by_role("checkbox", name="Samordnare", exact=True)
    chip.check()
    expect(frame.locator(".chosen")).to_contain_text("Samordnare")
    expect(frame.get_by_role("button", name="Send answer")).to_be_disabled()
    width = frame.evaluate("node => node.getBoundingClientRect().width")
    assert width <= 390, width
    screenshot(page, "editor-preview")
    assert_accessible(page)


def test_a_refused_item_form_keeps_the_typed_values_and_focuses_the_error(
    browser: Browser, server: ServerProcess
) -> None:
    page = sign_in(browser, server)
    open_meeting(page, "Träff 2")
    page.get_by_label("Kind of activity").select_option(label="Multiple choice")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Question").fill("Hur går det?")
    page.get_by_label("Options, one per line").fill("Bra")
    page.get_by_role("button", name="Add to Träff 2").click()
    error = page.locator("#settings-error")
    expect(error).to_have_text(re.compile("Give 2 to 20 options"))
    expect(error).to_be_focused()
    expect(page.get_by_label("Question")).to_have_value("Hur går det?")
    assert_accessible(page)
    page.get_by_label("Options, one per line").fill("Bra\nSådär\nDåligt")
    page.get_by_role("button", name="Add to Träff 2").click()
    expect(page.locator(".item-row").last).to_contain_text("Hur går det?")
