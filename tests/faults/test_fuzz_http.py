"""Generated requests against every HTTP route, in-process with Flask's client.

No request gets a 500; the join API always answers a protocol object; nothing
but a successful join writes to the database; redirects stay on this site.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import pytest
from flask import Flask
from hypothesis import event as note
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from server import live, models, seed, tokens
from server.extensions import db

from .fuzzing import (
    FUZZ,
    check_refusal,
    contained,
    dump,
    json_values,
    mostly,
    texts,
)

ROUTES = [
    "/join/{}",
    "/qr/{}.svg",
    "/projector/{}",
    "/login/{}",
    "/lang/{}",
    "/archive/{}",
    "/leader/sessions/{}",
    "/leader/homework/{}",
    "/leader/projects/{}/quotes",
    "/leader/projects/{}/settings",
    "/leader/projects/{}/programme",
    "/leader/meetings/{}/programme",
    "/leader/meetings/1/items/new?kind={}",
    "/leader/items/{}/edit",
    "/leader/items/1/edit?kind={}",
    "/leader/items/{}/preview",
    "/vendor/{}",
    "/join?code={}",
    # Review (docs/review.md); the PDF is the HTML drawn in a child process.
    "/projects/{}",
    "/projects/{}/compare",
    "/projects/1/compare/{}",
    "/projects/1/compare/1?run={}",
    "/projects/{}/report.md",
    "/projects/{}/report.html",
    "/review/{}",
    "/api/sessions/{}/published",
    "/leader/projects/{}/review-links",
    "/leader/activities/{}/export.csv",
]
JOIN_STATUS = {201, 400, 404, 409}


@dataclass
class Site:
    app: Flask
    code: str
    projector_token: str
    session_id: int
    signed_in: object  # a Flask test client with the leader's cookie


@pytest.fixture
def site(app: Flask) -> Iterator[Site]:
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 1")
        )
        started = live.start_session(meeting, allow_anonymous=False)
        login = tokens.new_login_token(seed.default_leader())
        made = Site(app, started.join_code, started.projector_token, started.id, None)
    made.signed_in = app.test_client()
    assert made.signed_in.get(f"/login/{login}").status_code == 302
    yield made


def segments(site: Site) -> st.SearchStrategy:
    """A path segment: a real code, token or id, or anything at all."""
    real = st.sampled_from(
        [site.code, site.code.lower(), site.projector_token, str(site.session_id)]
    )
    numbers = st.integers(min_value=0, max_value=2**70).map(str)
    return mostly(st.one_of(real, numbers, st.sampled_from(["sv", "en"])), texts)


@FUZZ
@given(data=st.data())
def test_no_page_fails_or_writes(site, data):
    route = data.draw(st.sampled_from(ROUTES), label="route")
    raw = data.draw(segments(site), label="segment")
    safe = data.draw(st.sampled_from(["", "/?#&="]), label="left unquoted")
    # A lone surrogate goes out as the bytes a browser would percent-encode.
    path = route.format(quote(raw, safe=safe, errors="surrogatepass"))
    nxt = data.draw(st.one_of(st.none(), texts, st.just("/\\evil.example")))
    if nxt is not None:
        path += "&" if "?" in path else "?"
        path += "next=" + quote(nxt, safe="", errors="surrogatepass")
    client = site.signed_in if data.draw(st.booleans()) else site.app.test_client()
    before = dump(site.app)

    with contained(site.app):
        response = client.get(path)

    note(f"{route}: {response.status_code}")
    assert response.status_code < 500, (path, response.status_code)
    assert dump(site.app) == before
    if 300 <= response.status_code < 400:
        # Where a browser goes: it reads "\" as "/" and drops tabs and newlines.
        location = response.headers["Location"]
        for dropped in "\t\n\r":
            location = location.replace(dropped, "")
        target = urljoin("http://localhost/x", location.replace("\\", "/"))
        assert urlsplit(target).netloc == "localhost", (path, nxt, location)


def join_bodies(site: Site) -> st.SearchStrategy:
    code = mostly(
        st.sampled_from([site.code, f" {site.code.lower()} ", site.code[:3]]), texts
    )
    near = st.fixed_dictionaries(
        {},
        optional={
            "code": code,
            "name": mostly(texts, json_values),
            "organisation": mostly(texts, json_values),
            "anonymous": mostly(st.booleans(), json_values),
        },
    )
    return mostly(near, json_values)


@FUZZ
@given(data=st.data())
def test_the_join_api_answers_every_body_in_protocol_form(site, data):
    client = site.app.test_client()
    if data.draw(st.booleans(), label="as JSON"):
        body = data.draw(join_bodies(site), label="json")
        request = {"json": body}
    else:
        raw = data.draw(st.binary(max_size=300), label="bytes")
        kind = data.draw(
            st.sampled_from(["application/json", "text/plain", "", "multipart/x"])
        )
        request = {"data": raw, "content_type": kind}
    before = dump(site.app)

    with contained(site.app):
        response = client.post("/api/join", **request)

    note(f"/api/join: {response.status_code}")
    assert response.status_code in JOIN_STATUS, (request, response.data[:300])
    reply = response.get_json(silent=True)
    check_refusal(reply)
    assert reply["ok"] is (response.status_code == 201)
    after = dump(site.app)
    if reply["ok"]:
        assert len(after["participant"]) == len(before["participant"]) + 1
        after["participant"] = before["participant"]
    assert after == before


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "\ud800"},
        {"organisation": "Region \udfff"},
        {"name": "Anna\x00", "organisation": "\x00"},
    ],
)
def test_a_join_with_unsendable_text_is_answered(site, fields):
    """What the fuzzer found, kept as examples: text a client can send in JSON
    but the database drivers cannot store (lone surrogates) or PostgreSQL
    refuses (NUL)."""
    body = {"code": site.code, "name": "Anna", "organisation": "SKL", **fields}
    with contained(site.app):
        response = site.app.test_client().post("/api/join", json=body)
    assert response.status_code in JOIN_STATUS, response.data[:300]
    check_refusal(response.get_json(silent=True))
