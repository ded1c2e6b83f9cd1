"""Homework in real browsers: a phone fills in the actor mapping, saves a draft,
reloads and hands in; the next meeting's projector shows the network and the
mellanrum. Pages run in English (the lang cookie)."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from client import LeaderClient, Participant, join
from tests.support.server_process import ServerProcess

from .test_live_session import PHONE, assert_accessible, english_context

pytestmark = pytest.mark.browser

HALLAND = {
    "region": "Region Halland",
    "actors": [
        {"name": "Länsstyrelsen", "areas": []},
        {"name": "Kommunerna", "areas": [{"area": "Boende", "mode": "contributes"}]},
        {"name": "Migrationsverket", "areas": []},
    ],
    "relations": [
        {
            "from": "Kommunerna",
            "to": "Länsstyrelsen",
            "type": "samverkan",
            "clear": False,
        },
        {
            "from": "Migrationsverket",
            "to": "Kommunerna",
            "type": "uppdrag",
            "clear": True,
        },
    ],
}


def fill_actor_map(page: Page) -> None:
    """Two actors with their areas, and an unclear interface between them."""
    cards = page.locator("details.hw-card")
    cards.nth(0).get_by_label("Actor", exact=True).select_option("Länsstyrelsen")
    cards.nth(0).get_by_role("button", name="Add an area").click()
    area = cards.nth(0).locator("li.hw-area").nth(0)
    area.get_by_label("Area", exact=True).select_option("Boende")
    area.get_by_label("leads").check()
    page.get_by_role("button", name="Add an actor").click()
    cards.nth(1).get_by_label("Actor", exact=True).select_option("Kommunerna")
    cards.nth(1).get_by_role("button", name="Add an area").click()
    area = cards.nth(1).locator("li.hw-area").nth(0)
    area.get_by_label("Area", exact=True).select_option("Boende")
    area.get_by_label("contributes").check()
    page.get_by_role("button", name="Add a relation").click()
    relation = page.locator("li.hw-relation").nth(0)
    relation.get_by_label("Between").select_option(label="Länsstyrelsen")
    relation.get_by_label("And", exact=True).select_option(label="Kommunerna")
    relation.get_by_label("Unclear").check()


def test_a_phone_drafts_reloads_and_hands_in_and_the_projector_shows_it(
    browser: Browser, server: ServerProcess, screenshot
):
    leader = LeaderClient(server.base_url)
    leader.sign_in(server.login_link)
    homework_id = leader.assign_homework(leader.homework_items()[1], "2099-01-20T17:00")
    leader.connect(homework_id)
    code = leader.join_code
    activity_id = leader.activity_ids()[0]
    token, _, _ = join(server.base_url, code, "Bo", "Region Halland")
    other = Participant(server.base_url, token)
    other.connect()
    other.submit(activity_id, HALLAND)

    phone = english_context(browser, server, **PHONE).new_page()
    phone.goto(f"/join/{code}")
    phone.get_by_label("Your name").fill("Anna")
    phone.get_by_label("Your organisation").fill("Region Skåne")
    phone.get_by_role("button", name="Start the homework").click()
    expect(phone.get_by_label("Your region")).to_have_value("Region Skåne")
    fill_actor_map(phone)
    expect(phone.locator("#draft-status")).to_contain_text("Draft saved")
    assert_accessible(phone)
    screenshot(phone, "homework-phone")

    # The draft is on the server: a reload brings the whole form back.
    phone.reload()
    relation = phone.locator("li.hw-relation").nth(0)
    expect(relation.get_by_label("Between").locator("option:checked")).to_have_text(
        "Länsstyrelsen"
    )
    expect(
        relation.get_by_label("And", exact=True).locator("option:checked")
    ).to_have_text("Kommunerna")
    expect(relation.get_by_label("Unclear")).to_be_checked()
    phone.get_by_role("button", name="Hand in").click()
    expect(phone.locator("#hand-in-status")).to_contain_text("Handed in")
    other.sync()

    # The next meeting's console shows it on the projector.
    console = english_context(
        browser, server, viewport={"width": 1280, "height": 900}
    ).new_page()
    console.goto(server.new_login_link())
    console.get_by_role("region", name="Träff 3").get_by_role(
        "button", name="Start session"
    ).click()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    projector = english_context(
        browser, server, viewport={"width": 1280, "height": 720}
    ).new_page()
    projector.goto(
        console.get_by_role("link", name="Open projector").get_attribute("href")
    )
    show = console.locator(f'[data-show-homework="{activity_id}"]')
    show.click()
    expect(show).to_have_attribute("aria-pressed", "true")
    expect(projector.locator(".network-canvas canvas").first).to_be_attached()
    gaps = projector.get_by_role("heading", name="Mellanrum: gaps and overlaps")
    expect(gaps).to_be_visible()
    mellanrum = projector.locator("section.am-mellanrum")
    expect(mellanrum.get_by_text("Areas no actor leads")).to_be_visible()
    expect(mellanrum.get_by_text("Unclear interfaces")).to_be_visible()
    expect(mellanrum).to_contain_text("Boende")
    expect(mellanrum).to_contain_text("Region Halland")
    expect(mellanrum).to_contain_text("Kommunerna")
    screenshot(projector, "homework-projector")

    # On the leader's homework page the network filters by region and type.
    page = english_context(
        browser, server, viewport={"width": 1280, "height": 900}
    ).new_page()
    page.goto(server.new_login_link())
    page.goto(f"/leader/homework/{homework_id}")
    summary = page.locator(".network-summary")
    expect(summary).to_have_text("3 actors · 2 relations")
    page.get_by_label("Region", exact=True).select_option("Region Skåne")
    expect(summary).to_have_text("2 actors · 1 relation")
    page.get_by_label("Region", exact=True).select_option("")
    page.get_by_label("samverkan").uncheck()
    expect(summary).to_contain_text("· 1 relation")
    assert_accessible(page)
    for client in (other, leader):
        client.close()
