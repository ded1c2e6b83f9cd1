"""The whole live Roles session, in real browsers: the leader's console, the
projector and three phones, from sign-in to the archive.

Every page runs in English (the lang cookie) so the assertions read the msgids,
whatever the Swedish catalogue says.
"""

import json
import re

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    WebSocketRoute,
    expect,
)

from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.browser

PROMPT = "Vem är du? Vilka roller tar du i integrationsarbetet?"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def english_context(
    browser: Browser, server: ServerProcess, **options: object
) -> BrowserContext:
    context = browser.new_context(base_url=server.base_url, **options)
    context.add_cookies([{"name": "lang", "value": "en", "url": server.base_url}])
    return context


def join(context: BrowserContext, code: str, name: str, organisation: str) -> Page:
    phone = context.new_page()
    phone.goto(f"/join/{code}")
    phone.get_by_label("Your name").fill(name)
    phone.get_by_label("Your organisation").fill(organisation)
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.get_by_role("heading", name="You are in")).to_be_visible()
    expect(phone.get_by_text(f"Welcome, {name}")).to_be_visible()
    return phone


def start_session(browser: Browser, server: ServerProcess) -> tuple[Page, str]:
    """Sign in as the leader, switch to English, start Träff 1's session; the
    console page and the join code."""
    console = browser.new_context(
        base_url=server.base_url, viewport={"width": 1280, "height": 900}
    ).new_page()
    console.goto(server.login_link)
    expect(console).to_have_url(re.compile(r"/leader/$"))
    console.get_by_role("link", name="English").click()  # the language switch
    expect(console.locator("html")).to_have_attribute("lang", "en")
    meeting = console.get_by_role("region", name="Träff 1")
    expect(meeting.get_by_text(PROMPT)).to_be_visible()
    meeting.get_by_role("button", name="Start session").click()
    expect(console).to_have_url(re.compile(r"/leader/sessions/\d+$"))
    code = console.locator("#join-code").inner_text().strip()
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{8}", code), code
    return console, code


def assert_accessible(page: Page) -> None:
    """axe-core finds no violation: labels, names, contrast, landmarks..."""
    page.add_script_tag(url="/vendor/axe.min.js")
    violations = page.evaluate(
        """() => axe.run().then(result => result.violations.map(v =>
            `${v.id} (${v.impact}): ` + v.nodes.map(n => n.target.join(" ")).join()))"""
    )
    assert violations == [], f"{page.url}: {violations}"


def role(phone: Page, name: str) -> Locator:
    return phone.get_by_role("checkbox", name=name, exact=True)


def bar(scope: Page | Locator, word: str) -> Locator:
    """The count on the bar of ``word`` in the ranked bars within ``scope``."""
    page = scope if isinstance(scope, Page) else scope.page
    word_cell = page.locator(".bar-word", has_text=re.compile(f"^{re.escape(word)}$"))
    return scope.locator("li.bar-row").filter(has=word_cell).locator(".bar-count")


def test_a_live_roles_session_from_sign_in_to_archive(
    browser: Browser, server: ServerProcess, screenshot
) -> None:
    # 1. The leader signs in, starts Träff 1's session and reads the join code.
    console, code = start_session(browser, server)
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    expect(card.locator(".state-badge")).to_have_text("Not started")

    # 2. The projector, from the console's link, shows the code and the QR code.
    link = console.get_by_role("link", name="Open projector")
    expect(link).to_have_attribute("target", "_blank")
    projector_context = english_context(
        browser, server, viewport={"width": 1920, "height": 1080}
    )
    projector = projector_context.new_page()
    projector.goto(link.get_attribute("href"))
    expect(projector.locator("#join-code")).to_have_text(code)
    expect(projector.get_by_text(f"/join/{code}")).to_be_visible()
    qr = projector.get_by_role("img", name=re.compile("QR code"))
    expect(qr).to_be_visible()
    # The SVG really loads and decodes as an image.
    assert qr.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    screenshot(projector, "projector-waiting")

    # 3. Three phones join and wait for the leader.
    people = [
        ("Anna", "Region Skåne"),
        ("Bo", "Region Halland"),
        ("Cecilia", "Region Uppsala"),
    ]
    phones = [
        join(english_context(browser, server, **PHONE), code, name, organisation)
        for name, organisation in people
    ]
    anna, bo, cecilia = phones
    screenshot(anna, "phone-waiting")
    assert_accessible(anna)
    expect(projector.locator("#joined-count")).to_have_text("3")
    expect(console.locator("#joined-count")).to_have_text("3")

    # 4. The leader opens Roles with results hidden; the phones answer.
    hide_results = card.get_by_label("Hide results until reveal")
    expect(hide_results).to_be_checked()
    card.get_by_role("button", name="Open", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Open")
    expect(projector.locator("#activity-prompt")).to_have_text(PROMPT)

    for phone in (anna, bo):
        expect(phone.get_by_role("heading", name=PROMPT)).to_be_visible()
        role(phone, "Samordnare").check()
        phone.get_by_role("button", name="Send answer").click()
        expect(phone.locator("#answer-status")).to_contain_text("Received")

    own = cecilia.get_by_label("Add your own role")
    own.fill(" samordnare ")
    cecilia.get_by_role("button", name="Add", exact=True).click()
    # Typed in any case and spacing, a catalogue role is that role's chip.
    expect(role(cecilia, "Samordnare")).to_be_checked()
    own.fill("Lobbyist")
    own.press("Enter")
    own.fill("Brobyggare")
    own.press("Enter")
    chosen = cecilia.locator(".chosen li")
    expect(chosen).to_have_text(["Samordnare×", "Lobbyist×", "Brobyggare×"])
    screenshot(cecilia, "phone-answering")
    assert_accessible(cecilia)
    cecilia.get_by_role("button", name="Send answer").click()
    expect(cecilia.locator("#answer-status")).to_contain_text("Received")
    screenshot(cecilia, "phone-received")

    # 5. The projector counts 3 answers, hides the results, then shows them live.
    expect(projector.locator("#answer-count")).to_have_text("3 answers")
    expect(
        projector.get_by_text("Results are hidden until the leader reveals them")
    ).to_be_visible()
    expect(projector.locator("#bars li")).to_have_count(0)
    screenshot(projector, "projector-hidden")
    hide_results.uncheck()
    expect(projector.locator("#bars li").first.locator(".bar-word")).to_have_text(
        "Samordnare"
    )
    expect(bar(projector, "Samordnare")).to_have_text("3")
    expect(bar(projector, "Lobbyist")).to_have_text("1")
    expect(bar(projector, "Brobyggare")).to_have_text("1")
    expect(projector.locator("#cloud text", has_text="Samordnare")).to_have_count(1)
    expect(
        projector.get_by_text("Results are hidden until the leader reveals them")
    ).to_be_hidden()
    screenshot(projector, "projector-results")
    assert_accessible(projector)

    # 6. A phone reloads mid-activity: its answer is still there, counted once;
    # it changes the answer and it replaces the old one.
    cecilia.reload()
    expect(role(cecilia, "Samordnare")).to_be_checked()
    expect(role(cecilia, "Lobbyist")).to_be_checked()
    expect(cecilia.locator(".chosen")).to_contain_text("Brobyggare")
    status = cecilia.locator("#answer-status")
    expect(status).to_contain_text("Received")
    expect(cecilia.get_by_role("button", name="Update answer")).to_be_disabled()
    expect(projector.locator("#answer-count")).to_have_text("3 answers")
    expect(projector.locator("#joined-count")).to_have_text("3")  # not a new person
    role(cecilia, "Nätverkare").check()
    expect(status).to_contain_text("Not sent yet")
    cecilia.get_by_role("button", name="Update answer").click()
    expect(status).to_contain_text("Received")
    expect(bar(projector, "Nätverkare")).to_have_text("1")
    expect(projector.locator("#answer-count")).to_have_text("3 answers")
    expect(bar(projector, "Samordnare")).to_have_text("3")
    outbox = cecilia.evaluate(f"localStorage.getItem('mellanrum:outbox:{code}')")
    assert outbox in (None, "null"), "the acknowledged answer left the outbox"

    # The console sees every answer, with who gave it.
    rows = console.locator("#submission-rows tr")
    expect(rows).to_have_count(3)
    expect(rows.filter(has_text="Cecilia")).to_contain_text("Region Uppsala")
    expect(bar(console, "Samordnare")).to_have_text("3")
    screenshot(console, "console-open")
    assert_accessible(console)

    # 7. The leader closes the activity and ends the session; the archive keeps it.
    card.get_by_role("button", name="Close", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Closed")
    for phone in phones:
        expect(phone.locator("#answer-status")).to_contain_text(
            "This activity is closed"
        )
        expect(phone.get_by_role("button", name="Update answer")).to_be_hidden()
    expect(cecilia.locator(".chosen")).to_contain_text("Nätverkare")
    screenshot(anna, "phone-closed")

    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="End session").click()
    expect(console).to_have_url(re.compile(r"/archive/\d+$"))
    archived = console.get_by_role("region", name=PROMPT)
    expect(archived.get_by_text("3 answers")).to_be_visible()
    expect(archived.locator("ol.bars li").first.locator(".bar-word")).to_have_text(
        "Samordnare"
    )
    expect(bar(archived, "Samordnare")).to_have_text("3")
    expect(archived.locator("svg.cloud text", has_text="Samordnare")).to_have_count(1)
    screenshot(console, "archive")
    assert_accessible(console)
    for phone in phones:
        expect(
            phone.get_by_role("heading", name="The session has ended, thank you")
        ).to_be_visible()
    expect(projector.get_by_text("The session has ended, thank you")).to_be_visible()


def submits(frames: list[str]) -> list[dict]:
    """The submit payloads among Socket.IO packets a page sent (websocket
    frames and long-polling bodies, whose packets are split by \\x1e)."""
    found = []
    for frame in frames:
        for packet in frame.split("\x1e"):
            if match := re.fullmatch(r"42\d+(\[.*\])", packet, re.DOTALL):
                event, *args = json.loads(match.group(1))
                if event == "submit":
                    found.append(args[0])
    return found


def test_a_lost_ack_is_resent_with_the_same_client_id_and_counted_once(
    browser: Browser, server: ServerProcess
) -> None:
    console, code = start_session(browser, server)
    card = console.locator(".activity-card").filter(has_text=PROMPT)
    card.get_by_role("button", name="Open", exact=True).click()
    expect(card.locator(".state-badge")).to_have_text("Open")

    phone = english_context(browser, server, **PHONE).new_page()
    sent: list[str] = []  # every Socket.IO packet the phone sent, either transport
    over_websocket: list[str] = []
    dropped: list[str] = []
    phone.on(
        "request",
        lambda request: (
            "/socket.io/" in request.url
            and request.method == "POST"
            and sent.append(request.post_data or "")
        ),
    )

    def flaky_wifi(ws: WebSocketRoute) -> None:
        """Pass frames both ways, but lose the first submit's ack and the
        connection with it, as a phone entering a tunnel would."""
        server_side = ws.connect_to_server()
        submit_acks: set[str] = set()

        def to_server(message: str | bytes) -> None:
            text = message if isinstance(message, str) else ""
            sent.append(text)
            over_websocket.append(text)
            if match := re.match(r'42(\d+)\["submit"', text):
                submit_acks.add(match.group(1))
            server_side.send(message)

        def to_page(message: str | bytes) -> None:
            ack = re.match(r"43(\d+)", message) if isinstance(message, str) else None
            if ack and ack.group(1) in submit_acks and not dropped:
                dropped.append(message)
                server_side.close()
                ws.close(code=4000, reason="tunnel")
                return
            ws.send(message)

        ws.on_message(to_server)
        server_side.on_message(to_page)

    phone.route_web_socket(re.compile(r"/socket\.io/"), flaky_wifi)
    phone.goto(f"/join/{code}")
    phone.get_by_label("Your name").fill("Anna")
    phone.get_by_label("Your organisation").fill("Region Skåne")
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.get_by_role("heading", name=PROMPT)).to_be_visible()
    # Socket.IO starts on long-polling; submit once it has upgraded ("5").
    for _ in range(50):
        if "5" in over_websocket:
            break
        phone.wait_for_timeout(100)
    assert "5" in over_websocket, "the socket never upgraded to a websocket"
    role(phone, "Samordnare").check()
    phone.get_by_role("button", name="Send answer").click()

    expect(phone.locator("#answer-status")).to_contain_text("Received", timeout=20_000)
    assert dropped, "the submit's ack was not lost: the test proved nothing"
    payloads = submits(sent)
    assert len(payloads) >= 2, "\n".join(sent)
    assert {p["client_id"] for p in payloads} == {payloads[0]["client_id"]}
    assert all(p["answer"] == {"roles": ["Samordnare"]} for p in payloads)
    outbox = phone.evaluate(f"localStorage.getItem('mellanrum:outbox:{code}')")
    assert outbox in (None, "null")
    expect(card.locator(".card-count")).to_have_text("1 answer")
    expect(console.locator("#submission-rows tr")).to_have_count(1)
