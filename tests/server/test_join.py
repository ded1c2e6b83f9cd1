"""Joining over HTTP: the code, the identity, and every way it can go wrong."""

import pytest
from sqlalchemy import func, select

from server import live, models
from server.extensions import db

from .conftest import join


def participant_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count(models.Participant.id)))


def test_join_with_a_code_typed_loosely(app, client, running):
    loose = running.code.lower()[:3] + " - " + running.code.lower()[3:]
    response = join(client, loose)
    assert response.status_code == 201
    body = response.json
    assert body["ok"] is True
    assert body["participant"]["name"] == "Anna"
    assert body["session"]["join_code"] == running.code
    assert "Region Skåne" in body["session"]["organisations"]
    assert participant_count(app) == 1


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"code": "ZZZZZZ", "name": "Anna"}, 404, "unknown_code"),
        ({"code": "", "name": "Anna"}, 404, "unknown_code"),
        ({"code": 12, "name": "Anna"}, 404, "unknown_code"),
        ({"name": ""}, 400, "required"),
        ({"name": "A" * 81}, 400, "too_long"),
        ({"name": ["Anna"]}, 400, "invalid"),
        ({"name": "Anna", "organisation": "O" * 121}, 400, "too_long"),
        ({"name": "\x00\x07"}, 400, "required"),
    ],
)
def test_bad_joins_are_refused_in_words_and_change_nothing(
    app, client, running, body, status, code
):
    payload = {"code": running.code, "organisation": "", **body}
    response = client.post("/api/join", json=payload)
    assert response.status_code == status
    assert response.json["ok"] is False
    assert response.json["error"] == code
    assert response.json["message"]  # words the page shows
    assert participant_count(app) == 0


def test_malformed_json_is_refused(app, client, running):
    response = client.post(
        "/api/join", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json["error"] == "invalid"
    assert client.post("/api/join", json=["a", "list"]).status_code == 400
    assert participant_count(app) == 0


def test_an_oversized_body_is_refused(client, running):
    response = client.post(
        "/api/join", json={"code": running.code, "name": "x" * 300_000}
    )
    assert response.status_code == 413


def test_anonymous_only_where_the_session_allows_it(app, client, running):
    response = join(client, running.code, name="", anonymous=True)
    assert response.status_code == 201
    assert response.json["participant"] == {
        "id": response.json["participant"]["id"],
        "name": "",
        "organisation": "Region Skåne",
        "anonymous": True,
    }
    with app.app_context():
        row = db.session.get(models.LiveSession, running.id)
        row.allow_anonymous = False
        db.session.commit()
    refused = join(client, running.code, name="", anonymous=True)
    assert refused.status_code == 400
    assert refused.json["error"] == "anonymous_not_allowed"
    assert participant_count(app) == 1


def test_an_ended_session_cannot_be_joined(app, client, running):
    with app.app_context():
        live.end_session(db.session.get(models.LiveSession, running.id))
    response = join(client, running.code)
    assert response.status_code == 409
    assert response.json["error"] == "session_ended"
    assert participant_count(app) == 0


def test_messages_are_swedish_by_default_and_english_on_request(client, running):
    swedish = client.post("/api/join", json={"code": "ZZZZZZ", "name": "A"})
    client.set_cookie("lang", "en")
    english = client.post("/api/join", json={"code": "ZZZZZZ", "name": "A"})
    assert english.json["message"].startswith("There is no session")
    assert swedish.json["message"] != english.json["message"]


def test_control_characters_are_dropped_from_names(app, client, running):
    response = join(
        client, running.code, name="An\x00na\tEk", organisation="Reg\x1bion"
    )
    assert response.status_code == 201
    assert response.json["participant"]["name"] == "An na Ek"
    assert response.json["participant"]["organisation"] == "Reg ion"
