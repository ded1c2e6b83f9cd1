"""A reviewer's journey, in a real browser: the project's timeline, an archived
session, the comparison of "Vem är du?" between Träff 1 and Träff 4, and every
download (CSV, XLSX, JSON, and the report as HTML, Markdown and PDF).

The history is made through the server's own functions on the server's
database; the pages are read in English (the language switch)."""

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from server.extensions import db
from tests.conftest import make_app
from tests.server.archive_support import start
from tests.support.server_process import ServerProcess

from .test_live_session import PROMPT, assert_accessible

pytestmark = pytest.mark.browser


def run_two_meetings(server: ServerProcess) -> tuple[str, str]:
    """Träff 1 and Träff 4 ask "Vem är du?"; Träff 4 also collects a lesson.
    Träff 1's join code and Cecilia's participant token there."""
    app = make_app(f"sqlite:///{server.instance / 'mellanrum.db'}")
    # Tokens made here must be the server's: signed with its key.
    app.config["SECRET_KEY"] = server.env()["SECRET_KEY"]
    with app.app_context():
        first = start("Träff 1")
        first.join("Anna", "Region Skåne")
        first.join("Bo", "Länsstyrelsen Skåne")
        cecilia = first.join("Cecilia", "Region Halland")
        first.open("roles")
        first.answer("Anna", "roles", {"roles": ["Samordnare", "Lobbyist"]})
        first.answer("Bo", "roles", {"roles": ["Mäklare"]})
        first.answer("Cecilia", "roles", {"roles": ["Samordnare"]})
        first.close("roles")
        from server import live, models, tokens

        live.end_session(first.row)
        code = first.code
        token = tokens.participant_token(db.session.get(models.Participant, cecilia))

        last = start("Träff 4")
        last.join("Anna", "Region Skåne")
        last.join("Bo", "Länsstyrelsen Skåne")
        last.open("roles")
        last.answer("Anna", "roles", {"roles": ["Samordnare", "Nätverkare"]})
        last.answer("Bo", "roles", {"roles": ["Samordnare"]})
        last.open("lessons")
        lesson = {"lessons": [{"id": "l1", "text": "Det viktiga är att göra!"}]}
        last.answer("Anna", "lessons", {**lesson, "votes": {}})
        live.end_session(last.row)
        db.engine.dispose()
    return code, token


def signed_in_leader(browser: Browser, server: ServerProcess) -> Page:
    page = browser.new_context(
        base_url=server.base_url,
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    ).new_page()
    page.goto(server.login_link)
    expect(page).to_have_url(re.compile(r"/leader/$"))
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    return page


def download(page: Page, link, folder: Path) -> tuple[str, bytes]:
    with page.expect_download() as info:
        link.click()
    got = info.value
    target = folder / got.suggested_filename
    got.save_as(target)
    return got.suggested_filename, target.read_bytes()


def test_open_the_archive_compare_and_download_every_format(
    browser: Browser, server: ServerProcess, screenshot, tmp_path: Path
) -> None:
    code, token = run_two_meetings(server)
    page = signed_in_leader(browser, server)

    page.get_by_role("link", name="Timeline and archive").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integration – regionernas roll"
    )
    meeting_1 = page.get_by_role("region", name="Träff 1")
    expect(meeting_1.get_by_text("3 participants")).to_be_visible()
    screenshot(page, "review-timeline")
    assert_accessible(page)
    timeline = page.url

    # The archive of Träff 1: the frozen outcome, drawn as live.
    meeting_1.get_by_role("link", name="Open the archive").click()
    expect(page).to_have_url(re.compile(r"/archive/\d+$"))
    archived = page.get_by_role("region", name=PROMPT)
    expect(archived.get_by_text("3 answers")).to_be_visible()
    expect(archived.locator(".bar-word").first).to_have_text("Samordnare")
    expect(archived.locator("svg.cloud text").first).to_be_visible()
    assert_accessible(page)
    name, body = download(
        page, archived.get_by_role("link", name="Download CSV"), tmp_path
    )
    assert name.endswith(".csv")
    csv = body.decode("utf-8-sig")
    assert "Lobbyist" in csv and "Cecilia" in csv

    # Published to participants: Cecilia's phone shows it, nothing else.
    archived.get_by_role("button", name="Publish to participants").click()
    expect(archived.get_by_text("Published to participants")).to_be_visible()
    phone = browser.new_context(
        base_url=server.base_url, viewport={"width": 390, "height": 844}
    )
    phone.add_cookies([{"name": "lang", "value": "en", "url": server.base_url}])
    phone.add_init_script(
        f"localStorage.setItem({json.dumps('mellanrum:participant:' + code)}, "
        f"{json.dumps(token)})"
    )
    cecilias = phone.new_page()
    cecilias.goto(f"/join/{code}")
    expect(cecilias.get_by_role("status")).to_have_text(
        "The process leader has shared these results with you."
    )
    shared = cecilias.get_by_role("region", name=PROMPT)
    expect(shared.get_by_text("Samordnare").first).to_be_visible()
    assert "Anna" not in cecilias.locator("#published").inner_text()
    screenshot(cecilias, "review-published-phone")
    assert_accessible(cecilias)
    phone.close()

    # The comparison: Träff 1 against Träff 4.
    page.goto(timeline)
    page.get_by_role("link", name="Compare across meetings").click()
    # The series is titled by its latest asking, Träff 4's wording.
    series = page.get_by_role("region", name=re.compile(r"^Vem är du i dag\?"))
    expect(series.get_by_label(re.compile(r"^Träff 1"))).to_be_checked()
    expect(series.get_by_label(re.compile(r"^Träff 4"))).to_be_checked()
    series.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"/compare/\d+\?"))
    new = page.get_by_role("region", name="New and gone")
    appeared = new.locator("h3", has_text="New in Träff 4").locator("xpath=..")
    gone = new.locator("h3", has_text="Gone since Träff 1").locator("xpath=..")
    expect(appeared).to_contain_text("Nätverkare")
    expect(gone).to_contain_text("Lobbyist")
    expect(gone).to_contain_text("Mäklare")
    expect(page.get_by_role("region", name="Rank shifts")).to_contain_text("Samordnare")
    expect(page.get_by_role("region", name="Shares by organisation")).to_contain_text(
        "Region Skåne"
    )
    screenshot(page, "review-comparison")
    assert_accessible(page)

    # Every download from the project's page.
    page.goto(timeline)
    actions = page.get_by_role("navigation", name="The project's archive")
    name, body = download(
        page, actions.get_by_role("link", name="Download spreadsheet (XLSX)"), tmp_path
    )
    assert name.endswith(".xlsx")
    assert load_workbook(io.BytesIO(body)).sheetnames[0].startswith("Träff 1 – ")
    name, body = download(
        page, actions.get_by_role("link", name="Download archive (JSON)"), tmp_path
    )
    assert json.loads(body)["format"] == "mellanrum-project"
    name, body = download(page, actions.get_by_role("link", name="HTML"), tmp_path)
    assert name == "integration-regionernas-roll.html"
    html = body.decode()
    assert "Det viktiga är att göra!" in html and "<svg" in html
    name, body = download(page, actions.get_by_role("link", name="Markdown"), tmp_path)
    markdown = body.decode()
    assert name.endswith(".md") and "Träff 4" in markdown and "Nätverkare" in markdown
    name, body = download(page, actions.get_by_role("link", name="PDF"), tmp_path)
    assert body.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / name), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Träff 1" in text and "Det viktiga är att göra!" in text
