"""Next steps at one meeting, and their status check at the next, through the
Socket.IO test client: commitments given, the session ended, the next meeting's
session started with them, owners marking theirs and others refused."""

import pytest
from sqlalchemy import func, select

from server import live, models
from server.extensions import db, socketio

from .conftest import call, join, received, sign_in

STEPS = "Nästa steg: vad gör din organisation, och till när?"
CHECK = "Hur har det gått med stegen från förra träffen?"


def add_item(app, title: str, kind: str, prompt: str, config=None) -> None:
    """Put an activity last in a meeting's programme."""
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == title)
        )
        position = max((i.position for i in meeting.items), default=0) + 1
        meeting.items.append(
            models.ProgrammeItem(
                position=position, kind=kind, prompt=prompt, config=config or {}
            )
        )
        db.session.commit()


def start(app, title: str) -> tuple[int, str, dict[str, int]]:
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == title)
        )
        started = live.start_session(meeting, allow_anonymous=True)
        return started.id, started.join_code, {a.kind: a.id for a in started.activities}


def config_of(app, activity_id: int) -> dict:
    with app.app_context():
        return db.session.get(models.Activity, activity_id).config


def stored(app, activity_id: int) -> list[dict]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(models.Submission.answer)
                .where(models.Submission.activity_id == activity_id)
                .order_by(models.Submission.id)
            )
        )


def version(app, activity_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(models.Activity.version).where(models.Activity.id == activity_id)
        )


@pytest.fixture
def console(app, client):
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


@pytest.fixture
def phone(app):
    made = []

    def make(code, name, organisation):
        response = join(app.test_client(), code, name, organisation)
        assert response.status_code == 201, response.json
        sock = socketio.test_client(app, auth={"participant": response.json["token"]})
        made.append(sock)
        return sock

    yield make
    for sock in made:
        if sock.is_connected():
            sock.disconnect()


def submit(sock, activity_id, client_id, answer):
    return call(
        sock,
        "submit",
        {"activity_id": activity_id, "client_id": client_id, "answer": answer},
    )


def step(what, organisation, by):
    return {"what": what, "organisation": organisation, "by": by}


def test_next_steps_come_back_at_the_next_meeting(app, console, phone):
    add_item(app, "Träff 1", "next_steps", STEPS, {"max_steps": 2})
    add_item(app, "Träff 2", "status_check", CHECK)

    # Träff 1: commitments, and the refusals that change nothing.
    session_id, code, ids = start(app, "Träff 1")
    steps = ids["next_steps"]
    leader = console(session_id)
    assert call(leader, "open_activity", {"activity_id": steps})["ok"]
    anna = phone(code, "Anna", "Region Skåne")
    bo = phone(code, "Bo", "Region Halland")
    dan = phone(code, "Dan", "Vinnova")
    answer = {
        "steps": [
            step("Bjuda in Länsstyrelsen", "Region Skåne", "2017-03-15"),
            step("Karta över aktörerna", " region  skåne", "2017-02-01"),
        ]
    }
    assert submit(anna, steps, "anna-step-1", answer)["ok"]
    ownerless = {"steps": [{"what": "Skriva till SKL", "by": "2017-03-01"}]}
    refused = submit(bo, steps, "bo-step-01", ownerless)
    assert (refused["error"], bool(refused["message"])) == ("no_owner", True)
    blank = {"steps": [step("Skriva till SKL", "  ", "2017-03-01")]}
    assert submit(bo, steps, "bo-step-02", blank)["error"] == "no_owner"
    for i, by in enumerate(["1 mars", "2017-02-30", "20170301", ""]):
        bad = {"steps": [step("Skriva till SKL", "Region Halland", by)]}
        expected = "required" if by == "" else "invalid_date"
        assert submit(bo, steps, f"bo-date-{i:02}", bad)["error"] == expected
    three = {"steps": [step(f"Steg {i}", "Region Halland", "2017-03-01")] * 3}
    assert submit(bo, steps, "bo-too-many", three)["error"] == "too_many"
    assert len(stored(app, steps)) == 1
    halland = {"steps": [step("Skriva till SKL", "Region Halland", "2017-03-01")]}
    assert submit(bo, steps, "bo-step-03", halland)["ok"]
    hidden = submit(
        dan, steps, "dan-step-1", {"steps": [step("Dolt", "X", "2017-01-01")]}
    )
    assert call(
        leader,
        "hide_submission",
        {"submission_id": hidden["submission"]["id"], "hidden": True},
    )["ok"]
    results = received(leader, "snapshot")[-1]["results"]
    anna_id = stored_ids(app, steps)["Anna"]
    bo_id = stored_ids(app, steps)["Bo"]
    expected = [
        (f"{anna_id}.1", "Karta över aktörerna", "region skåne", "2017-02-01"),
        (f"{bo_id}.0", "Skriva till SKL", "Region Halland", "2017-03-01"),
        (f"{anna_id}.0", "Bjuda in Länsstyrelsen", "Region Skåne", "2017-03-15"),
    ]
    assert [
        (c["key"], c["what"], c["organisation"], c["by"])
        for c in results["commitments"]
    ] == expected
    assert results["organisations"] == [
        {"organisation": "region skåne", "count": 2},
        {"organisation": "Region Halland", "count": 1},
    ]
    assert call(leader, "end_session", {})["ok"]

    # Träff 2: the status check starts with Träff 1's commitments.
    session_id, code, ids = start(app, "Träff 2")
    check = ids["status_check"]
    assert config_of(app, check) == {
        "commitments": [
            {"key": key, "what": what, "organisation": org, "by": by}
            for key, what, org, by in expected
        ]
    }
    leader = console(session_id)
    assert call(leader, "open_activity", {"activity_id": check})["ok"]
    cecilia = phone(code, "Cecilia", "Region Skåne")
    bertil = phone(code, "Bertil", "Region Halland")
    mine = {"marks": {f"{anna_id}.0": "done", f"{anna_id}.1": "under_way"}}
    assert submit(cecilia, check, "cecilia-mark", mine)["ok"]
    assert submit(bertil, check, "bertil-mark", {"marks": {f"{bo_id}.0": "done"}})["ok"]

    # Bertil, of Halland, cannot mark Skåne's step; nothing changes.
    before = (stored(app, check), version(app, check))
    theirs = {"marks": {f"{bo_id}.0": "done", f"{anna_id}.0": "not_started"}}
    refused = submit(bertil, check, "bertil-theirs", theirs)
    assert refused["error"] == "not_owner"
    assert "Region Skåne" in refused["message"]
    unknown = submit(bertil, check, "bertil-unknown", {"marks": {"999.0": "done"}})
    assert unknown["error"] == "unknown_commitment"
    status = submit(bertil, check, "bertil-status", {"marks": {f"{bo_id}.0": "klar"}})
    assert status["error"] == "unknown_status"
    assert (stored(app, check), version(app, check)) == before

    results = received(leader, "snapshot")[-1]["results"]
    assert [(c["key"], c["status"]) for c in results["commitments"]] == [
        (f"{anna_id}.1", "under_way"),
        (f"{bo_id}.0", "done"),
        (f"{anna_id}.0", "done"),
    ]
    assert results["tally"] == {
        "done": 2,
        "under_way": 1,
        "not_started": 0,
        "unmarked": 0,
    }

    # A colleague of Cecilia's says otherwise: the least advanced mark counts.
    david = phone(code, "David", "region skåne")
    assert submit(david, check, "david-mark", {"marks": {f"{anna_id}.0": "under_way"}})[
        "ok"
    ]
    results = received(leader, "snapshot")[-1]["results"]
    row = results["commitments"][2]
    assert (row["status"], row["agreed"]) == ("under_way", False)
    assert results["tally"] == {
        "done": 1,
        "under_way": 2,
        "not_started": 0,
        "unmarked": 0,
    }


def stored_ids(app, activity_id: int) -> dict[str, int]:
    with app.app_context():
        rows = db.session.execute(
            select(models.Participant.name, models.Submission.id)
            .join(models.Participant)
            .where(models.Submission.activity_id == activity_id)
        )
        return {name: sid for name, sid in rows}


def test_which_session_the_commitments_come_from(app, console, phone):
    add_item(app, "Träff 1", "next_steps", STEPS)
    add_item(app, "Träff 1", "status_check", CHECK)
    add_item(app, "Träff 2", "status_check", CHECK)
    # The first meeting has nothing before it.
    first, code, ids = start(app, "Träff 1")
    assert config_of(app, ids["status_check"]) == {"commitments": []}
    leader = console(first)
    call(leader, "open_activity", {"activity_id": ids["next_steps"]})
    anna = phone(code, "Anna", "Region Skåne")
    done = {"steps": [step("Första", "Region Skåne", "2017-03-01")]}
    assert submit(anna, ids["next_steps"], "anna-first", done)["ok"]
    call(leader, "end_session", {})

    # A later run of Träff 1 whose only answer was hidden is passed over.
    later, code, ids = start(app, "Träff 1")
    leader = console(later)
    call(leader, "open_activity", {"activity_id": ids["next_steps"]})
    bo = phone(code, "Bo", "Region Halland")
    reply = submit(bo, ids["next_steps"], "bo-hidden", done)
    call(
        leader,
        "hide_submission",
        {"submission_id": reply["submission"]["id"], "hidden": True},
    )
    _, _, ids = start(app, "Träff 2")
    commitments = config_of(app, ids["status_check"])["commitments"]
    assert [c["what"] for c in commitments] == ["Första"]

    # Unhidden, the later run's commitments are the ones taken.
    call(
        leader,
        "hide_submission",
        {"submission_id": reply["submission"]["id"], "hidden": False},
    )
    _, _, ids = start(app, "Träff 2")
    commitments = config_of(app, ids["status_check"])["commitments"]
    assert [c["key"] for c in commitments] == [f"{reply['submission']['id']}.0"]
    with app.app_context():
        sessions = db.session.scalar(select(func.count(models.LiveSession.id)))
    assert sessions == 4


def test_a_status_check_with_nothing_to_check(app, console, phone):
    add_item(app, "Träff 2", "status_check", CHECK)
    session_id, code, ids = start(app, "Träff 2")
    check = ids["status_check"]
    assert config_of(app, check) == {"commitments": []}
    leader = console(session_id)
    call(leader, "open_activity", {"activity_id": check})
    anna = phone(code, "Anna", "Region Skåne")
    refused = submit(anna, check, "anna-nothing", {"marks": {"1.0": "done"}})
    assert refused["error"] == "unknown_commitment"
    assert received(leader, "snapshot")[-1]["results"]["tally"] == {
        "done": 0,
        "under_way": 0,
        "not_started": 0,
        "unmarked": 0,
    }


def test_too_many_commitments_refuse_the_start_with_a_reason(
    app, client, console, phone, monkeypatch
):
    from sessions.kinds import status_check

    add_item(app, "Träff 1", "next_steps", STEPS)
    add_item(app, "Träff 2", "status_check", CHECK)
    session_id, code, ids = start(app, "Träff 1")
    leader = console(session_id)
    assert call(leader, "open_activity", {"activity_id": ids["next_steps"]})["ok"]
    two = {
        "steps": [
            step("Ett", "Region Skåne", "2017-03-01"),
            step("Två", "Region Skåne", "2017-03-02"),
        ]
    }
    assert submit(
        phone(code, "Anna", "Region Skåne"), ids["next_steps"], "anna-step-1", two
    )["ok"]
    assert call(leader, "end_session", {})["ok"]
    monkeypatch.setattr(status_check, "MAX_COMMITMENTS", 1)

    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 2")
        )
        meeting_id, before = meeting.id, len(meeting.live_sessions)
    # The refusal is flashed in the language of the request that made it.
    response = client.post(f"/leader/meetings/{meeting_id}/sessions?lang=en")
    assert response.status_code == 302 and response.location.endswith("/leader/")
    page = client.get("/leader/").get_data(as_text=True)
    assert "more than 1 commitments" in page
    with app.app_context():
        assert len(db.session.get(models.Meeting, meeting_id).live_sessions) == before
