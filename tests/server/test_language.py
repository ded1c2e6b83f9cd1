"""The language switch: on every page, keeping the reader on the page they were
on, and Swedish unless asked otherwise."""

import re
from pathlib import Path

import pytest

from .conftest import sign_in

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
INCLUDE = re.compile(r"""{%-?\s*include\s+["']([^"']+)["']""")
HEADER_BLOCK = re.compile(r"{%-?\s*block header\s*-?%}(.*?){%-?\s*endblock", re.S)


def includes_switch(source: str, seen: frozenset = frozenset()) -> bool:
    """Whether this template text, or a template it includes, has the switch."""
    for name in INCLUDE.findall(source):
        if name == "_language.html":
            return True
        if name not in seen and includes_switch(
            (TEMPLATES / name).read_text(), seen | {name}
        ):
            return True
    return False


def pages() -> list[Path]:
    return [
        path
        for path in sorted(TEMPLATES.rglob("*.html"))
        if '{% extends "base.html" %}' in path.read_text()
    ]


def test_every_page_template_keeps_a_language_switch():
    """base.html's header has the switch; a page that replaces the header must
    bring its own, in the header or elsewhere. (report/report.html is a
    standalone download, not a page.)"""
    assert includes_switch((TEMPLATES / "base.html").read_text())
    assert len(pages()) > 20
    lacking = [
        str(path.relative_to(TEMPLATES))
        for path in pages()
        if (block := HEADER_BLOCK.search(path.read_text()))
        and not includes_switch(block.group(1))
        and not includes_switch(path.read_text())
    ]
    assert lacking == []


def test_the_check_sees_a_header_without_a_switch():
    assert not includes_switch('<header><a href="/">Mellanrum</a></header>')
    assert includes_switch('{% include "leader/_header.html" %}')


@pytest.mark.parametrize(
    ("asked", "landing"),
    [
        ("/join/ABCDEF", "/join/ABCDEF"),
        ("/leader/?lang=sv", "/leader/"),
        ("/compare/2?run=1&lang=sv&run=3", "/compare/2?run=1&run=3"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("/\t/evil.example/", "/"),  # a browser drops the tab: //evil.example
        ("/\n/evil.example/", "/"),
        ("/\x7f/x", "/"),
    ],
)
def test_switching_lands_on_the_same_page_in_the_new_language(client, asked, landing):
    response = client.get("/lang/en", query_string={"next": asked})
    assert response.status_code == 302
    assert response.headers["Location"] == landing
    assert "lang=en" in response.headers["Set-Cookie"]
    assert 'lang="en"' in client.get("/").get_data(as_text=True)


def test_an_unknown_language_changes_nothing(client):
    assert client.get("/lang/de", query_string={"next": "/"}).status_code == 404
    assert 'lang="sv"' in client.get("/").get_data(as_text=True)


def test_a_missing_page_is_translated_and_has_the_switch(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert 'lang="sv"' in html and 'class="language"' in html
    assert "Det finns ingen sida" in html or "There is no page" in html
    client.set_cookie("lang", "en")
    assert "There is no page at this address" in client.get("/nowhere").get_data(
        as_text=True
    )
    api = client.get("/api/nowhere")
    assert api.status_code == 404 and api.get_json()["error"] == "not_found"


def test_a_server_failure_is_translated_and_has_the_switch(app, client):
    def broken():
        raise RuntimeError("a bug")

    app.add_url_rule("/broken", "broken", broken)
    app.add_url_rule("/api/broken", "api_broken", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production
    client.set_cookie("lang", "en")
    response = client.get("/broken")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong on the server" in html
    assert 'class="language"' in html and "a bug" not in html
    api = client.get("/api/broken")
    assert api.status_code == 500 and api.get_json()["error"] == "server_error"


def test_after_a_refused_form_the_switch_returns_to_the_form_page(app, client):
    """/leader/projects answers only POST: switching there would be a 405."""
    sign_in(app, client)
    refused = client.post(
        "/leader/projects",
        data={"name": " "},
        headers={"Referer": "http://localhost/leader/projects/new?x=1"},
    )
    assert refused.status_code == 400
    assert "/lang/en?next=/leader/projects/new?x%3D1" in refused.text
    elsewhere = client.post(
        "/leader/projects",
        data={"name": " "},
        headers={"Referer": "https://evil.example/leader/projects/new"},
    )
    assert '/lang/en?next=/"' in elsewhere.text
    page = client.get("/leader/projects/new?x=1")
    assert "/lang/en?next=/leader/projects/new?x%3D1" in page.text
