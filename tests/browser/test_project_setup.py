"""A new learning project set up from the template, with its own member
organisations; a session of its first meeting, where a phone joins, picks one
of them, and the leader sees it. Pages run in English."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.server_process import ServerProcess

from .test_live_session import PHONE, PROMPT, assert_accessible, english_context
from .test_programme_editor import sign_in

pytestmark = pytest.mark.browser

NAME = "Norrlandsnätet"
MEMBERS = [
    ("Region Norrbotten", "Region"),
    ("Länsstyrelsen Norrbotten", "Agency"),
    ("Luleå tekniska universitet", "Partner"),
]


def set_up_project(page: Page) -> None:
    page.get_by_role("link", name="New learning project").click()
    expect(page.get_by_role("heading", name="New learning project")).to_be_visible()
    page.get_by_label("Name", exact=True).fill(NAME)
    page.get_by_label("Theme", exact=True).fill("Kompetensförsörjning i norr")
    expect(
        page.get_by_role("radio", name="A copy of “Integration – regionernas roll”")
    ).to_be_checked()
    for number, (name, kind) in enumerate(MEMBERS, start=1):
        page.get_by_label(f"New organisation {number}").fill(name)
        page.get_by_label(f"Kind of organisation {number}").select_option(label=kind)
    assert_accessible(page)
    page.get_by_role("button", name="Create the project").click()
    expect(page.get_by_text(f"The project “{NAME}” is set up.")).to_be_visible()
    expect(page.locator(".meeting-row")).to_have_count(4)
    assert_accessible(page)


def test_a_phone_joins_a_new_project_and_picks_its_organisation(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    console = sign_in(browser, server)
    set_up_project(console)

    # Its settings page lists the organisations with their kinds.
    console.get_by_role("link", name=re.compile("^Project settings")).click()
    agency = console.locator("tr").filter(
        has=console.locator('input[value="Länsstyrelsen Norrbotten"]')
    )
    expect(agency.get_by_role("combobox")).to_have_value("agency")
    assert_accessible(console)

    # The leader starts a session of its first meeting from the home page.
    console.get_by_role("link", name="All meetings").click()
    project = console.get_by_role("region", name=NAME, exact=True)
    project.get_by_role("region", name="Träff 1").get_by_role(
        "button", name="Start session"
    ).click()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    code = console.locator("#join-code").inner_text().strip()

    # A phone (390 px) joins: the list offers the project's organisations only.
    phone = english_context(browser, server, **PHONE).new_page()
    phone.goto(f"/join/{code}")
    options = phone.locator("#organisations option")
    expect(options).to_have_count(3)
    assert sorted(options.evaluate_all("os => os.map(o => o.value)")) == sorted(
        name for name, _kind in MEMBERS
    )
    assert_accessible(phone)
    phone.get_by_label("Your name").fill("Anna")
    phone.locator("#join-organisation").fill("Länsstyrelsen Norrbotten")
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.get_by_role("heading", name="You are in")).to_be_visible()
    expect(console.locator("#joined-count")).to_have_text("1")

    # She answers "Vem är du?"; the leader sees her organisation.
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    card.get_by_role("button", name="Open", exact=True).click()
    expect(phone.get_by_role("heading", name=PROMPT)).to_be_visible()
    phone.get_by_role("checkbox", name="Samordnare", exact=True).check()
    phone.get_by_role("button", name="Send answer").click()
    expect(phone.locator("#answer-status")).to_contain_text("Received")
    card.get_by_role("button", name="Show live results").click()
    row = console.locator("#submission-rows tr").filter(has_text="Anna")
    expect(row).to_contain_text("Länsstyrelsen Norrbotten")
    screenshot(console, "new-project-console")
