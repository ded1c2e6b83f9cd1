"""The path a submission takes, and every way a phone can get it wrong."""

import pytest
from sqlalchemy import func, select

from server import models
from server.extensions import db

from .conftest import call, received, roles


def submission_rows(app):
    with app.app_context():
        return [
            (s.participant_id, s.answer)
            for s in db.session.scalars(
                select(models.Submission).order_by(models.Submission.id)
            )
        ]


def version(app, activity_id):
    with app.app_context():
        return db.session.get(models.Activity, activity_id).version


@pytest.fixture
def opened(leader, running):
    assert call(leader, "open_activity", {"activity_id": running.activity_id})["ok"]
    return running.activity_id


def submit(sock, activity_id, answer, client_id="client-0001"):
    return call(
        sock,
        "submit",
        {"activity_id": activity_id, "client_id": client_id, "answer": answer},
    )


def test_an_acked_submission_is_committed(app, phone, opened):
    anna = phone()
    ack = submit(anna, opened, roles(" samordnare ", "Mäklare"))
    assert ack["ok"] is True
    assert ack["duplicate"] is False
    assert ack["submission"]["answer"] == roles("samordnare", "Mäklare")
    # A fresh database session sees it: it was committed before the ack.
    assert [answer for _, answer in submission_rows(app)] == [
        roles("samordnare", "Mäklare")
    ]


def test_a_retry_with_the_same_client_id_is_applied_once(app, phone, opened, projector):
    anna = phone()
    first = submit(anna, opened, roles("Nav"), client_id="retry-0001")
    before = version(app, opened)
    projector.get_received()
    again = submit(anna, opened, roles("Something else"), client_id="retry-0001")
    assert again["ok"] is True
    assert again["duplicate"] is True
    assert again["submission"] == first["submission"]
    assert submission_rows(app) == [(first["submission"]["id"] and 1, roles("Nav"))]
    assert version(app, opened) == before  # nothing changed, nothing broadcast
    assert received(projector, "snapshot") == []


def test_a_late_retry_of_an_older_answer_does_not_overwrite_a_newer_one(
    app, phone, opened
):
    anna = phone()
    submit(anna, opened, roles("Nav"), client_id="older-0001")
    submit(anna, opened, roles("Lobbyist"), client_id="newer-0001")
    late = submit(anna, opened, roles("Nav"), client_id="older-0001")
    assert late["duplicate"] is True
    assert [answer for _, answer in submission_rows(app)] == [roles("Lobbyist")]


def test_changing_the_answer_replaces_it(app, phone, opened):
    anna = phone()
    submit(anna, opened, roles("Nav"), client_id="first-0001")
    ack = submit(anna, opened, roles("Visionär", "Nav"), client_id="second-001")
    assert ack["ok"] and not ack["duplicate"]
    assert [answer for _, answer in submission_rows(app)] == [roles("Visionär", "Nav")]


def test_another_participants_client_id_is_refused(app, phone, opened):
    submit(phone("Anna"), opened, roles("Nav"), client_id="shared-0001")
    ack = submit(phone("Bo"), opened, roles("Lobbyist"), client_id="shared-0001")
    assert ack["ok"] is False and ack["error"] == "invalid"
    assert len(submission_rows(app)) == 1


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ("not an object", "invalid"),
        ({}, "invalid"),
        (
            {"activity_id": "1", "client_id": "client-0001", "answer": roles("Nav")},
            "invalid",
        ),
        ({"activity_id": 1, "client_id": "short", "answer": roles("Nav")}, "invalid"),
        (
            {"activity_id": 1, "client_id": "has spaces!!", "answer": roles("Nav")},
            "invalid",
        ),
        (
            {
                "activity_id": 1,
                "client_id": "client-0001",
                "answer": roles("Nav"),
                "x": 1,
            },
            "invalid",
        ),
        (
            {"activity_id": 1, "client_id": "client-0001", "answer": {"roles": "Nav"}},
            "invalid",
        ),
        (
            {"activity_id": 1, "client_id": "client-0001", "answer": roles("x" * 61)},
            "too_long",
        ),
        ({"activity_id": 1, "client_id": "client-0001", "answer": roles()}, "required"),
        (
            {"activity_id": 999, "client_id": "client-0001", "answer": roles("Nav")},
            "unknown_activity",
        ),
        (
            {"activity_id": 2**70, "client_id": "client-0001", "answer": roles("Nav")},
            "invalid",
        ),
    ],
)
def test_malformed_or_invalid_submits_are_refused(app, phone, opened, payload, code):
    if isinstance(payload, dict) and payload.get("activity_id") == 1:
        payload = {**payload, "activity_id": opened}
    ack = call(phone(), "submit", payload)
    assert ack["ok"] is False
    assert ack["error"] == code
    assert ack["message"]
    assert submission_rows(app) == []


def test_an_event_with_two_payloads_is_refused(app, phone, opened):
    sock = phone()
    ack = sock.emit("submit", {"activity_id": opened}, {"extra": 1}, callback=True)
    assert ack["error"] == "invalid"


def test_a_closed_or_unopened_activity_takes_no_answers(app, leader, phone, running):
    anna = phone()
    ack = submit(anna, running.activity_id, roles("Nav"))
    assert ack["error"] == "closed"
    call(leader, "open_activity", {"activity_id": running.activity_id})
    assert submit(anna, running.activity_id, roles("Nav"), "open-00001")["ok"]
    call(leader, "close_activity", {"activity_id": running.activity_id})
    late = submit(anna, running.activity_id, roles("Lobbyist"), "late-00001")
    assert late["error"] == "closed"
    assert [answer for _, answer in submission_rows(app)] == [roles("Nav")]


def test_an_activity_of_another_session_is_unknown(app, phone, opened):
    from server import live

    with app.app_context():
        other = live.start_session(
            db.session.scalar(
                select(models.Meeting).where(models.Meeting.title == "Träff 3")
            ),
            allow_anonymous=True,
        )
        other_activity = other.activities[0].id
        other.activities[0].state = "open"
        db.session.commit()
    ack = submit(phone(), other_activity, roles("Nav"))
    assert ack["error"] == "unknown_activity"
    assert submission_rows(app) == []


def test_a_participant_cannot_send_leader_events(app, phone, opened):
    anna = phone()
    for event, payload in [
        ("open_activity", {"activity_id": opened}),
        ("close_activity", {"activity_id": opened}),
        ("reveal_activity", {"activity_id": opened}),
        ("merge_words", {"activity_id": opened, "source": "a", "target": "b"}),
        ("hide_submission", {"submission_id": 1, "hidden": True}),
        ("end_session", {}),
    ]:
        ack = call(anna, event, payload)
        assert ack["ok"] is False and ack["error"] == "forbidden", event
    with app.app_context():
        row = db.session.get(models.Activity, opened)
        assert row.state == "open"
        assert db.session.get(models.LiveSession, row.session_id).status == "running"


def test_projector_cannot_submit(projector, opened):
    ack = submit(projector, opened, roles("Nav"))
    assert ack["error"] == "forbidden"


def test_every_submit_bumps_the_version_once(app, phone, opened):
    start = version(app, opened)
    for i, sock in enumerate([phone("A"), phone("B"), phone("C")]):
        submit(sock, opened, roles("Nav"), client_id=f"client-{i:04d}")
    assert version(app, opened) == start + 3
    with app.app_context():
        assert (
            db.session.scalar(select(func.count(models.SubmitReceipt.client_id))) == 3
        )


def test_control_characters_in_roles_are_dropped(app, phone, opened):
    ack = submit(phone(), opened, roles("Sam\x00ordnare", "Nav\x07"))
    assert ack["ok"], ack
    assert [answer for _, answer in submission_rows(app)] == [
        roles("Sam ordnare", "Nav")
    ]
