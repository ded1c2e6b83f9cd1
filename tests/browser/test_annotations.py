"""A leader's comment on an archived activity, in a real browser: written with
its line breaks, edited in place, removed after confirming; the page stays
accessible and the outcome stays as it was."""

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.support.server_process import ServerProcess

from .test_live_session import PROMPT, assert_accessible, start_session

pytestmark = pytest.mark.browser


def test_a_comment_beside_the_archived_outcome(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    console, _ = start_session(browser, server)
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    expect(card.locator(".state-badge")).to_have_text("Not started")  # connected
    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="End session").click()
    expect(console).to_have_url(re.compile(r"/archive/\d+$"))
    archived = console.get_by_role("region", name=PROMPT)
    expect(archived.get_by_text("This activity was not run.")).to_be_visible()

    archived.get_by_label("Add a comment").fill("Vi hann inte.\n\nTa den i Träff 2.")
    archived.get_by_role("button", name="Add comment").click()
    expect(console).to_have_url(re.compile(r"/archive/\d+#archived-\d+$"))
    expect(console.get_by_role("status")).to_have_text("The comment is added.")
    text = archived.locator(".annotation-text")
    expect(text).to_have_css("white-space", "pre-wrap")
    assert text.inner_text() == "Vi hann inte.\n\nTa den i Träff 2."
    expect(archived.locator(".annotation-author")).to_have_text("Processledare")
    screenshot(console, "archive-comment")
    assert_accessible(console)

    archived.locator("summary", has_text="Edit").click()
    archived.get_by_label("Comment", exact=True).fill("Flyttad till Träff 2.")
    archived.get_by_role("button", name="Save comment").click()
    expect(text).to_have_text("Flyttad till Träff 2.")
    expect(archived.locator(".annotation-meta")).to_contain_text("edited")

    console.once("dialog", lambda dialog: dialog.accept())
    archived.get_by_role("button", name="Remove").click()
    expect(console.get_by_role("status")).to_have_text("The comment is removed.")
    expect(archived.locator(".annotation")).to_have_count(0)
    expect(archived.get_by_text("This activity was not run.")).to_be_visible()
