"""Plain questions in a live session: a scale, multiple choice and open text."""

import pytest
from sqlalchemy import func, select

from server import live, models
from server.extensions import db, socketio

from .conftest import call, join, received


def start(app, title: str) -> tuple[int, str, dict[str, int]]:
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == title)
        )
        started = live.start_session(meeting, allow_anonymous=True)
        return started.id, started.join_code, {a.kind: a.id for a in started.activities}


def phone_for(app, code, name):
    response = join(app.test_client(), code, name, "Region Skåne")
    return socketio.test_client(app, auth={"participant": response.json["token"]})


def answer(sock, activity_id, client_id, value):
    return call(
        sock,
        "submit",
        {"activity_id": activity_id, "client_id": client_id, "answer": value},
    )


def stored(app, activity_id) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(models.Submission)
            .where(models.Submission.activity_id == activity_id)
        )


@pytest.fixture
def console(app, client):
    from .conftest import sign_in

    sign_in(app, client)
    made = []

    def make(session_id):
        sock = socketio.test_client(
            app, flask_test_client=client, auth={"leader": session_id}
        )
        made.append(sock)
        return sock

    yield make
    for sock in made:
        sock.disconnect()


def test_the_mandate_scale_in_traff_1(app, console):
    session_id, code, ids = start(app, "Träff 1")
    leader = console(session_id)
    scale = ids["scale"]
    call(leader, "open_activity", {"activity_id": scale})
    for i, value in enumerate([2, 4, 4, 5]):
        assert answer(
            phone_for(app, code, f"P{i}"), scale, f"scale-{i:04}", {"value": value}
        )["ok"]
    outside = answer(phone_for(app, code, "Q"), scale, "scale-out1", {"value": 6})
    assert (outside["error"], bool(outside["message"])) == ("out_of_range", True)
    flag = answer(phone_for(app, code, "R"), scale, "scale-bool", {"value": True})
    assert flag["ok"] is False
    assert stored(app, scale) == 4
    results = received(leader, "snapshot")[-1]["results"]
    assert [(d["value"], d["count"]) for d in results["distribution"]] == [
        (1, 0),
        (2, 1),
        (3, 0),
        (4, 2),
        (5, 1),
    ]
    assert results["distribution"][0]["label"] == "Otydligt"
    assert (results["mean"], results["median"]) == (3.75, 4)


def test_the_evaluation_in_traff_4(app, console):
    session_id, code, ids = start(app, "Träff 4")
    leader = console(session_id)
    choice, text = ids["choice"], ids["text"]
    call(leader, "open_activity", {"activity_id": choice})
    anna = phone_for(app, code, "Anna")
    assert answer(anna, choice, "choice-001", {"choices": ["ja"]})["ok"]
    refused = answer(anna, choice, "choice-002", {"choices": ["Kanske", "Nej"]})
    assert refused["error"] == "too_many"
    unknown = answer(anna, choice, "choice-003", {"choices": ["Absolut"]})
    assert unknown["error"] == "unknown_option"
    options = received(leader, "snapshot")[-1]["results"]["options"]
    assert [(o["option"], o["count"]) for o in options] == [
        ("Ja", 1),
        ("Kanske", 0),
        ("Nej", 0),
    ]

    call(leader, "open_activity", {"activity_id": text})
    assert answer(anna, text, "text-00001", {"text": "Möten  och dialog!"})["ok"]
    assert answer(anna, text, "text-00002", {"text": "   "})["error"] == "required"
    assert answer(anna, text, "text-00003", {"text": "x" * 281})["error"] == "too_long"
    results = received(leader, "snapshot")[-1]["results"]
    assert [t["text"] for t in results["texts"]] == ["Möten och dialog!"]
    assert {w["word"] for w in results["words"]} == {"Möten", "dialog"}
    assert stored(app, text) == 1
