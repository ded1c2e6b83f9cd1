"""A lessons round ("Vad vi lärt") in real browsers: three phones write
lessons, the leader groups them on the console's board (by drag and drop and
by keyboard), adds, renames and merges themes, starts the voting; the phones
vote with their dots; the projector ranks the themes. Pages run in English."""

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.support.programme_items import add_item
from tests.support.server_process import ServerProcess

from .test_live_session import PHONE, assert_accessible, english_context, join

pytestmark = pytest.mark.browser

PROMPT = "Vad har vi lärt oss i lärprojektet?"


def start_traff_4(browser: Browser, server: ServerProcess) -> tuple[Page, str]:
    # Tall enough that a lesson and the theme it is dragged to show together:
    # Träff 4's programme is long. (The keyboard way has no such limit.)
    console = browser.new_context(
        base_url=server.base_url, viewport={"width": 1280, "height": 1400}
    ).new_page()
    console.goto(server.login_link)
    console.get_by_role("link", name="English").click()
    console.get_by_role("region", name="Träff 4").get_by_role(
        "button", name="Start session"
    ).click()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    return console, console.locator("#join-code").inner_text().strip()


def write(phone: Page, *lessons: str) -> None:
    for i, lesson in enumerate(lessons, start=1):
        field = phone.get_by_label(f"Lesson {i}", exact=True)
        if i > 1:
            phone.get_by_role("button", name="Add a lesson").click()
            expect(field).to_be_focused()  # a new field takes the focus
        field.fill(lesson)
    send(phone)


def send(phone: Page) -> None:
    phone.locator("#send-bar .send").click()
    expect(phone.locator("#answer-status")).to_contain_text("Received")


def column(console: Page, title: str) -> Locator:
    heading = console.locator(".board-theme-head h4", has_text=re.compile(f"^{title}"))
    return console.locator(".board-theme").filter(has=heading)


def lesson_card(console: Page, text: str) -> Locator:
    return console.locator(".board-card").filter(has_text=text)


def dot(phone: Page, theme: str, times: int = 1, *, add: bool = True) -> None:
    verb = "Add a dot to" if add else "Take a dot from"
    for _ in range(times):
        phone.get_by_role("button", name=f"{verb} {theme}", exact=True).click()


def test_a_lessons_round(browser: Browser, server: ServerProcess, screenshot):
    add_item(server, "Träff 4", "lessons", PROMPT, {"max_lessons": 2, "dots": 3})
    console, code = start_traff_4(browser, server)
    projector = english_context(
        browser, server, viewport={"width": 1280, "height": 720}
    ).new_page()
    projector.goto(
        console.get_by_role("link", name="Open projector").get_attribute("href")
    )
    people = [("Anna", "Region Skåne"), ("Bo", "SKL"), ("Cecilia", "Vinnova")]
    anna, bo, cecilia = [
        join(english_context(browser, server, **PHONE), code, name, organisation)
        for name, organisation in people
    ]

    card = console.locator(".activity-card").filter(has_text=PROMPT)
    card.get_by_role("button", name="Open", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Open")
    for phone in (anna, bo, cecilia):
        expect(phone.get_by_role("heading", name=PROMPT)).to_be_visible()

    # 1. The phones write lessons (at most two each), with a counter.
    anna.get_by_label("Lesson 1", exact=True).fill("Möten bär arbetet")
    expect(anna.get_by_text("17 of 280 characters")).to_be_visible()
    anna.get_by_role("button", name="Add a lesson").click()
    expect(anna.get_by_role("button", name="Add a lesson")).to_be_hidden()
    anna.get_by_label("Lesson 2", exact=True).fill("Läs regionens plan")
    assert_accessible(anna)
    send(anna)
    write(bo, "Civilsamhället vet mest")
    write(cecilia, "Våga leda", "Slängs bort")
    cecilia.get_by_role("button", name="Remove lesson 2").click()
    expect(cecilia.get_by_label("Lesson 2", exact=True)).to_have_count(0)
    send(cecilia)
    screenshot(anna, "lessons-phone-writing")

    # 2. The leader groups them: by dragging, and with the theme list (keyboard).
    unplaced = console.locator(".board-unplaced")
    expect(unplaced.locator(".board-card")).to_have_count(4)
    lesson_card(console, "Möten bär arbetet").drag_to(
        column(console, "Skapa möten och dialog")
    )
    expect(
        column(console, "Skapa möten och dialog").locator(".board-card")
    ).to_have_text(re.compile("Möten bär arbetet"))
    # The list only chooses (arrowing through it moves nothing); Move moves.
    move = console.get_by_label("Theme of “Civilsamhället vet mest”")
    move.focus()
    console.keyboard.press("ArrowDown")
    console.keyboard.type("Involvera")  # picks the option the letters begin
    expect(move.locator("option:checked")).to_have_text(
        "Involvera det civila samhället"
    )
    expect(unplaced).to_contain_text("Civilsamhället vet mest")  # not moved yet
    move_button = console.get_by_role("button", name="Move “Civilsamhället vet mest”")
    console.keyboard.press("Tab")
    expect(move_button).to_be_focused()
    console.keyboard.press("Enter")
    expect(
        column(console, "Involvera det civila samhället").locator(".board-card")
    ).to_contain_text("Civilsamhället vet mest")
    expect(console.locator("#console-status")).to_have_text(
        "Moved to Involvera det civila samhället."
    )
    expect(move_button).to_be_focused()  # focus follows the card
    console.get_by_label("Theme of “Läs regionens plan”").select_option(
        label="Använd strategiska dokument"
    )
    console.get_by_role("button", name="Move “Läs regionens plan”").click()

    console.get_by_label("New theme").fill("Ledarskap")
    console.get_by_role("button", name="Add theme").click()
    expect(column(console, "Ledarskap")).to_have_count(1)
    console.get_by_label("Theme to rename").select_option(label="Ledarskap")
    console.get_by_label("New name").fill("Ledarskap och mod")
    console.get_by_role("button", name="Rename").click()
    expect(column(console, "Ledarskap och mod")).to_have_count(1)
    lesson_card(console, "Våga leda").drag_to(column(console, "Ledarskap och mod"))
    expect(column(console, "Ledarskap och mod")).to_contain_text("Våga leda")

    # A merge starts on no theme, and asks first: it cannot be undone.
    expect(console.get_by_label("Merge the theme")).to_have_value("")
    expect(console.get_by_label("into")).to_have_value("")
    console.get_by_label("Merge the theme").select_option(
        label="Använd strategiska dokument"
    )
    console.get_by_label("into").select_option(label="Definiera mera")
    questions = []

    def dismiss(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    console.once("dialog", dismiss)
    console.get_by_role("button", name="Merge themes").click()
    expect(column(console, "Använd strategiska dokument")).to_have_count(1)
    assert questions == [
        "Merge “Använd strategiska dokument” into “Definiera mera”? Its lessons"
        " and dots will count for “Definiera mera”. This cannot be undone."
    ]
    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="Merge themes").click()
    expect(column(console, "Använd strategiska dokument")).to_have_count(0)
    expect(column(console, "Definiera mera")).to_contain_text("Läs regionens plan")
    expect(unplaced.locator(".board-card")).to_have_count(0)
    expect(console.get_by_label("Merge the theme")).to_have_value("")
    console.locator(".lessons-board h3").scroll_into_view_if_needed()
    screenshot(console, "lessons-console-board")
    assert_accessible(console)

    # 3. Voting starts; the phones switch to their dots without a reload, and
    # say so. Focus that was in the form moves to the voting's hint.
    bo.get_by_label("Lesson 1", exact=True).focus()
    console.get_by_label("Dots per participant").fill("3")
    console.get_by_role("button", name="Start voting").click()
    expect(console.locator(".lessons-phase")).to_contain_text("3 dots")
    for phone in (anna, bo, cecilia):
        expect(phone.get_by_text("3 of 3 dots left")).to_be_visible()
        expect(phone.locator(".lessons-answer [aria-live]")).to_have_text(
            re.compile("^Voting has begun")
        )
    expect(bo.locator(".lessons-phase-hint")).to_be_focused()
    expect(bo.locator(".lessons-phase-hint")).to_have_text(re.compile("^Voting has"))
    theme = anna.locator(".vote-theme").filter(has_text="Ledarskap och mod")
    theme.get_by_text("1 lesson").click()
    expect(theme.get_by_text("Våga leda")).to_be_visible()
    dot(anna, "Ledarskap och mod", 2)
    dot(anna, "Skapa möten och dialog")
    expect(anna.get_by_text("0 of 3 dots left")).to_be_visible()
    plus = anna.get_by_role("button", name="Add a dot to Definiera mera")
    expect(plus).to_have_attribute("aria-disabled", "true")
    assert_accessible(anna)
    screenshot(anna, "lessons-phone-voting")
    send(anna)
    dot(bo, "Ledarskap och mod", 3)
    send(bo)
    dot(cecilia, "Involvera det civila samhället")
    dot(cecilia, "Ledarskap och mod", 2)
    send(cecilia)
    # Dots move until the voting closes.
    dot(cecilia, "Ledarskap och mod", add=False)
    dot(cecilia, "Definiera mera")
    send(cecilia)
    cecilia.reload()
    expect(cecilia.get_by_text("0 of 3 dots left")).to_be_visible()
    expect(
        cecilia.locator(".vote-theme")
        .filter(has_text="Definiera mera")
        .locator(".dot-count")
    ).to_have_text("1 dot")

    # Collecting again: the phones say so, the dots wait, a lesson may change.
    console.get_by_role("button", name="Collect lessons again").click()
    expect(anna.locator(".lessons-answer [aria-live]")).to_have_text(
        re.compile("^The leader is collecting lessons again")
    )
    expect(anna.locator("#answer-status")).to_contain_text("Received")
    anna.get_by_label("Lesson 2", exact=True).fill("Läs regionens plan noga")
    send(anna)
    console.get_by_role("button", name="Start voting").click()
    expect(anna.get_by_text("0 of 3 dots left")).to_be_visible()

    # 4. The leader reveals: the projector ranks the themes, ties in board order.
    card.get_by_role("button", name="Reveal").click()
    expect(card.locator(".state-badge")).to_have_text("Revealed")
    ranked = projector.locator(".lessons-rank")
    expect(ranked.locator(".lessons-theme")).to_have_text(
        [
            "Ledarskap och mod",
            "Definiera mera",
            "Skapa möten och dialog",
            "Involvera det civila samhället",
        ]
    )
    expect(ranked.locator(".lessons-votes")).to_have_text(
        ["6 dots", "1 dot", "1 dot", "1 dot"]
    )
    expect(ranked.first).to_contain_text("Våga leda")
    expect(ranked.nth(1)).to_contain_text("Includes: Använd strategiska dokument")
    assert_accessible(projector)
    screenshot(projector, "lessons-projector")
    # The phones see the ranking as bars, and can no longer move their dots.
    expect(anna.locator("#results-bars .bar-row").first).to_contain_text("6")
    expect(plus).to_have_attribute("aria-disabled", "true")

    # 5. The archive keeps the ranking, with each theme's lessons.
    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="End session").click()
    expect(console).to_have_url(re.compile(r"/archive/\d+$"))
    archived = console.get_by_role("region", name=PROMPT)
    expect(archived.locator(".lessons-rank").first).to_contain_text("6 dots")
    expect(archived.locator(".lessons-rank").first).to_contain_text("Våga leda")
    assert_accessible(console)
