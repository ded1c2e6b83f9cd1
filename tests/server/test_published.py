"""Publishing archived outcomes to a session's participants: a leader's mark
that never touches the frozen outcome, and the endpoint the phone asks, which
shows only what is published, without names, to the session's own phones."""

import json
import re

import pytest
from sqlalchemy import select

from server import models, tokens
from server.extensions import db
from server.published import without_private

from .archive_support import run_history, start
from .review_support import (
    ended_session,
    leader_client,
    make_link,
    reviewer,
)


def activity_state(app, activity_id):
    with app.app_context():
        row = db.session.get(models.Activity, activity_id)
        return row.published, row.final_snapshot, row.version


def publish(client, activity_id, on=True):
    data = {"published": "on"} if on else {}
    return client.post(f"/archive/activities/{activity_id}/publish?lang=en", data=data)


def token_of(app, session_id, name=None):
    """A participant's token in the session: the one named, else the first."""
    with app.app_context():
        query = select(models.Participant).where(
            models.Participant.session_id == session_id
        )
        if name is not None:
            query = query.where(models.Participant.name == name)
        return tokens.participant_token(db.session.scalars(query).first())


def ask(client, code, token):
    headers = {} if token is None else {"X-Participant-Token": token}
    return client.get(f"/api/sessions/{code}/published?lang=en", headers=headers)


def session_code(app, session_id):
    with app.app_context():
        return db.session.get(models.LiveSession, session_id).join_code


def test_publishing_marks_the_activity_and_never_touches_its_outcome(app):
    ended = ended_session(app)
    _, frozen, version = activity_state(app, ended.activity_id)
    assert frozen["answer_count"] == 1
    leader = leader_client(app)
    response = publish(leader, ended.activity_id)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/archive/{ended.session_id}#archived-{ended.activity_id}"
    )
    assert activity_state(app, ended.activity_id) == (True, frozen, version)
    page = leader.get(f"/archive/{ended.session_id}?lang=en").text
    assert "Unpublish" in page
    assert publish(leader, ended.activity_id, on=False).status_code == 302
    assert activity_state(app, ended.activity_id) == (False, frozen, version)


def test_publishing_is_refused_while_running_and_for_what_was_not_run(app):
    ended = ended_session(app)
    with app.app_context():
        not_run = db.session.scalar(
            select(models.Activity).where(
                models.Activity.session_id == ended.session_id,
                models.Activity.id != ended.activity_id,
            )
        )
        not_run_id = not_run.id
        # Träff 2 left running, its first activity closed with an outcome.
        running = start("Träff 2")
        kind, running_id = next(iter(running.ids.items()))
        running.open(kind)
        running.close(kind)
        assert db.session.get(models.Activity, running_id).final_snapshot
    leader = leader_client(app)
    for activity_id, message in (
        (running_id, "Outcomes can be published once the session has ended."),
        (not_run_id, "This activity was not run: it has no outcome to publish."),
    ):
        before = activity_state(app, activity_id)
        response = publish(leader, activity_id)
        assert response.status_code == 302
        assert "#" not in response.headers["Location"]  # to the flashed refusal
        assert message in leader.get(response.headers["Location"]).text
        assert activity_state(app, activity_id) == before
    assert publish(leader, 2**31 - 1).status_code == 404


def test_only_leaders_publish(app):
    ended = ended_session(app)
    before = activity_state(app, ended.activity_id)
    _, token = make_link(app, ended.project_id)
    for client in (app.test_client(), reviewer(app, token)):
        response = publish(client, ended.activity_id)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")
    assert activity_state(app, ended.activity_id) == before


def test_publishing_needs_the_csrf_token(app):
    ended = ended_session(app)
    leader = leader_client(app)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = publish(leader, ended.activity_id)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    assert activity_state(app, ended.activity_id)[0] is False


@pytest.fixture
def history(app):
    """Träff 4 of the archive's history (every plain kind, a starred quote by a
    participant who agreed to be named, a hidden answer), ended."""
    run_history(app)
    with app.app_context():
        session = db.session.scalar(
            select(models.LiveSession)
            .join(models.Meeting)
            .where(models.Meeting.title == "Träff 4")
        )
        # Each kind's activity that was run (one of Träff 4's was not).
        run = {a.kind: a.id for a in session.activities if a.final_snapshot}
        assert len(run) < len(session.activities)
        return session.id, session.join_code, [a.id for a in session.activities], run


def test_participants_see_only_what_is_published(app, history):
    session_id, code, _, run = history
    client = app.test_client()
    token = token_of(app, session_id, "Anna")
    nothing = ask(client, code, token)
    assert nothing.status_code == 200
    assert nothing.headers["Cache-Control"] == "no-store"
    assert nothing.json == {"ok": True, "ended": True, "activities": []}
    leader = leader_client(app)
    picked = [run["roles"], run["lessons"]]
    for activity_id in picked:
        publish(leader, activity_id)
    shown = ask(client, code.lower(), token).json["activities"]
    assert [a["id"] for a in shown] == sorted(picked)  # in programme order
    with app.app_context():
        row = db.session.get(models.Activity, run["roles"])
        assert shown[1] == {
            "id": row.id,
            "position": row.position,
            "kind": "roles",
            "prompt": row.prompt,
            "config": row.config,
            "answer_count": 2,
            "results": row.final_snapshot["results"],
        }
    publish(leader, run["lessons"], on=False)
    assert [a["id"] for a in ask(client, code, token).json["activities"]] == [
        run["roles"]
    ]


def test_published_outcomes_name_no_participant(app, history):
    session_id, code, activity_ids, _ = history
    leader = leader_client(app)
    for activity_id in activity_ids:  # the one not run is refused
        publish(leader, activity_id)
    reply = ask(app.test_client(), code, token_of(app, session_id))
    kinds = [a["kind"] for a in reply.json["activities"]]
    assert kinds == ["status_check", "lessons", "roles", "scale", "text", "choice"]
    written = json.dumps(reply.json, ensure_ascii=False)
    # Anna agreed to be named under her starred quote; Bo's answer is hidden.
    assert "Det viktiga är att göra!" in written
    assert "Region Skåne" in written  # organisations stay
    assert not re.search(r"\bAnna\b|\bBo\b", written)
    assert "Dumheter" not in written
    assert "submission_id" not in written and "participant_id" not in written


def test_private_keys_are_left_out_at_any_depth():
    frozen = {
        "texts": [{"submission_id": 4, "text": "Hej", "organisation": "Vinnova"}],
        "themes": [{"lessons": [{"submission_id": 5, "text": "Våga"}]}],
        "submissions": [{"name": "Anna"}],
        "participant_id": 7,
    }
    assert without_private(frozen) == {
        "texts": [{"text": "Hej", "organisation": "Vinnova"}],
        "themes": [{"lessons": [{"text": "Våga"}]}],
    }


def test_a_foreign_or_missing_token_is_refused(app, history):
    session_id, code, _, run = history
    leader = leader_client(app)
    publish(leader, run["roles"])
    with app.app_context():
        other = db.session.scalar(
            select(models.LiveSession)
            .join(models.Meeting)
            .where(models.Meeting.title == "Träff 3")
        )
        other_id = other.id
    client = app.test_client()
    for token in (token_of(app, other_id), None, "forged", "x" * 600):
        response = ask(client, code, token)
        assert response.status_code == 403
        assert response.json["ok"] is False
        assert response.json["error"] == "bad_token"
        assert "join again" in response.json["message"]
        assert "activities" not in response.json
    unknown = ask(client, "ZZZZZZ", token_of(app, session_id))
    assert unknown.status_code == 404
    assert unknown.json["error"] == "unknown_code"


def test_a_running_session_shows_nothing(app, running, phone):
    participant = phone()
    reply = ask(app.test_client(), running.code, participant.token)
    assert reply.status_code == 200
    assert reply.json == {"ok": True, "ended": False, "activities": []}


def test_the_phone_page_of_an_ended_session_can_draw_outcomes(app, client):
    ended = ended_session(app)
    code = session_code(app, ended.session_id)
    page = client.get(f"/join/{code}?lang=en").text
    assert 'id="published"' in page
    assert "/vendor/d3.layout.cloud.js" in page
    strings = json.loads(re.search(r'id="i18n">(.*?)</script>', page, re.S).group(1))
    assert strings["published_none"].startswith("The process leader has not")
    assert strings["most_named"] == "Most named"  # the renderers' words


def test_a_running_phone_page_is_as_before(app, client, running):
    page = client.get(f"/join/{running.code}?lang=en").text
    strings = json.loads(re.search(r'id="i18n">(.*?)</script>', page, re.S).group(1))
    assert "published_none" in strings
    assert "most_named" not in strings
    assert "d3.layout.cloud" not in page
