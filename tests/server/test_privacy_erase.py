"""A participant's "My data" and erasing a participant (docs/privacy.md): from
their phone with its token, or by a leader from the archive page. A running
activity's snapshot is sent again without them; a frozen outcome keeps its
counts and loses their texts."""

from sqlalchemy import func, select

from server import live, models, submit, tokens
from server.extensions import db

from .archive_support import run_history, start
from .conftest import call, received, sign_in
from .lessons_support import World, edit, lessons_of
from .lessons_support import submit as send
from .review_support import make_link, reviewer


def my_data(client, code, token, method="get"):
    headers = {} if token is None else {"X-Participant-Token": token}
    return getattr(client, method)(
        f"/api/sessions/{code}/my-data?lang=en", headers=headers
    )


def rows_of(model, participant_id) -> int:
    column = model.id if model is models.Participant else model.participant_id
    return db.session.scalar(
        select(func.count()).select_from(model).where(column == participant_id)
    )


def ended_with_texts(app):
    """Träff 4's open text answered by Anna and Bo, then ended."""
    with app.app_context():
        run = start("Träff 4")
        run.join("Anna", "Region Skåne")
        run.join("Bo", "Länsstyrelsen")
        run.open("text")
        run.answer("Anna", "text", {"text": "Annas hemlighet"})
        run.answer("Bo", "text", {"text": "Bos tanke"})
        live.end_session(run.row)
        anna = db.session.get(models.Participant, run.people["Anna"])
        return run, tokens.participant_token(anna)


def frozen(app, activity_id):
    with app.app_context():
        return db.session.get(models.Activity, activity_id).final_snapshot


def test_my_data_lists_what_is_stored(app, client, running, phone, leader):
    anna = phone("Anna", "Region Skåne")
    call(leader, "open_activity", {"activity_id": running.activity_id})
    answer = {"roles": ["Samordnare"]}
    sent = {"activity_id": running.activity_id, "client_id": "c-000001"}
    assert call(anna, "submit", {**sent, "answer": answer})["ok"]
    reply = my_data(client, running.code, anna.token)
    assert reply.status_code == 200
    assert reply.headers["Cache-Control"] == "no-store"
    body = reply.json
    assert body["participant"]["name"] == "Anna"
    assert body["participant"]["organisation"] == "Region Skåne"
    (entry,) = body["answers"]
    assert (entry["activity_id"], entry["answer"]) == (running.activity_id, answer)
    assert body["drafts"] == []


def test_my_data_is_refused_without_the_sessions_token(app, client, running, phone):
    anna = phone("Anna", "Region Skåne")
    assert my_data(client, running.code, None).status_code == 403
    assert my_data(client, running.code, "forged").json["error"] == "bad_token"
    assert my_data(client, "ZZZZZZ", anna.token).status_code == 404
    other, _ = ended_with_texts(app)
    refused = my_data(client, other.code, anna.token)
    assert (refused.status_code, refused.json["error"]) == (403, "bad_token")
    assert my_data(client, other.code, anna.token, "delete").status_code == 403
    with app.app_context():
        assert db.session.scalar(select(func.count(models.Participant.id))) == 3


def test_erasing_from_the_phone_removes_everything_and_updates_the_room(
    app, client, running, phone, leader
):
    anna = phone("Anna", "Region Skåne")
    bo = phone("Bo", "SKL")
    call(leader, "open_activity", {"activity_id": running.activity_id})
    for sock, client_id in ((anna, "c-anna-1"), (bo, "c-bo-001")):
        sent = {"activity_id": running.activity_id, "client_id": client_id}
        assert call(sock, "submit", {**sent, "answer": {"roles": ["Samordnare"]}})
    before = received(leader, "snapshot")[-1]
    assert before["answer_count"] == 2
    with app.app_context():
        anna_id = tokens.participant_from_token(anna.token).id
    erased = my_data(client, running.code, anna.token, "delete")
    assert erased.status_code == 200 and erased.json["erased"] is True
    after = received(leader, "snapshot")[-1]
    assert after["answer_count"] == 1 and after["version"] > before["version"]
    assert [s["name"] for s in after["submissions"]] == ["Bo"]
    with app.app_context():
        for model in (models.Participant, models.Submission, models.SubmitReceipt):
            assert rows_of(model, anna_id) == 0
        assert rows_of(models.Submission, tokens.participant_from_token(bo.token).id)
    # The token names nobody now: the phone must join again, and it is told.
    assert my_data(client, running.code, anna.token).json["error"] == "bad_token"
    assert received(anna, "erased") and not received(bo, "erased")


def test_erasing_keeps_a_frozen_outcomes_counts_without_the_texts(app, client):
    run, token = ended_with_texts(app)
    assert "Annas hemlighet" in repr(frozen(app, run.ids["text"]))
    assert my_data(client, run.code, token, "delete").status_code == 200
    left = frozen(app, run.ids["text"])
    assert left["answer_count"] == 2  # as frozen
    assert "Annas hemlighet" not in repr(left) and "Region Skåne" not in repr(left)
    assert "Bos tanke" in repr(left)


def test_a_homeworks_drafts_are_erased_too(app, client):
    from datetime import timedelta

    from server import homework
    from server.timeutil import utcnow

    from .homework_support import actor, others_view

    with app.app_context():
        item = db.session.scalar(
            select(models.ProgrammeItem).where(
                models.ProgrammeItem.kind == "others_view"
            )
        )
        task = homework.assign(item, utcnow() + timedelta(days=7), allow_anonymous=True)
        person = live.join(task.join_code, "Cecilia", "Region Halland", False)
        view = others_view(actor("Länsstyrelsen", "Lst", ["Samordnare"], 3))
        activity_id = task.activities[0].id
        homework.save_draft(person.id, task.id, activity_id, view)
        submit.submit(person.id, task.id, activity_id, "c-cecilia", view)
        code, person_id = task.join_code, person.id
        token = tokens.participant_token(person)
    listed = my_data(client, code, token).json
    assert len(listed["drafts"]) == 1 and len(listed["answers"]) == 1
    assert my_data(client, code, token, "delete").status_code == 200
    with app.app_context():
        assert rows_of(models.Draft, person_id) == 0


def test_a_leader_erases_a_participant_from_the_archive(app, client):
    run, _token = ended_with_texts(app)
    anna = run.people["Anna"]
    # Not signed in: sent to sign in, nothing erased.
    refused = client.post(f"/leader/participants/{anna}/erase")
    assert refused.status_code == 302 and "/login" in refused.headers["Location"]
    sign_in(app, client)
    page = client.get(f"/archive/{run.id}?lang=en").text
    assert f"/leader/participants/{anna}/erase" in page and "data-confirm" in page
    done = client.post(f"/leader/participants/{anna}/erase")
    assert done.status_code == 302 and done.headers["Location"].endswith(
        f"/archive/{run.id}"
    )
    with app.app_context():
        assert rows_of(models.Participant, anna) == 0
        assert rows_of(models.Submission, anna) == 0
    assert "Annas hemlighet" not in repr(frozen(app, run.ids["text"]))
    assert client.post(f"/leader/participants/{anna}/erase").status_code == 404


def test_a_reviewer_sees_no_participants_and_cannot_erase(app):
    run, _token = ended_with_texts(app)
    with app.app_context():
        project_id = run.row.meeting.project_id
    _link, token = make_link(app, project_id)
    visitor = reviewer(app, token)
    page = visitor.get(f"/archive/{run.id}?lang=en").text
    assert "/leader/participants/" not in page
    assert "participants-title" not in page
    refused = visitor.post(f"/leader/participants/{run.people['Anna']}/erase")
    assert refused.status_code == 302 and "/login" in refused.headers["Location"]
    with app.app_context():
        assert rows_of(models.Participant, run.people["Anna"]) == 1


def test_erasing_needs_the_csrf_token(app, client):
    run, token = ended_with_texts(app)
    app.config["WTF_CSRF_ENABLED"] = True
    refused = my_data(client, run.code, token, "delete")
    assert (refused.status_code, refused.json["error"]) == (400, "csrf")
    sign_in(app, client)
    refused = client.post(f"/leader/participants/{run.people['Bo']}/erase")
    assert refused.status_code == 400
    with app.app_context():
        assert rows_of(models.Participant, run.people["Anna"]) == 1
        assert rows_of(models.Participant, run.people["Bo"]) == 1


def test_erased_next_steps_leave_the_next_meetings_status_check(app, client):
    """Träff 4's status check copied Träff 3's next steps; Anna's go with her."""
    run_history(app)
    with app.app_context():
        rows = {
            (a.live_session.meeting.title, a.kind): a
            for a in db.session.scalars(select(models.Activity))
        }
        steps = rows[("Träff 3", "next_steps")]
        check = rows[("Träff 4", "status_check")]
        anna = db.session.scalar(
            select(models.Participant.id).where(
                models.Participant.session_id == steps.session_id,
                models.Participant.name == "Anna",
            )
        )
        steps_id, check_id = steps.id, check.id
        assert "Bjud in" in repr(check.config) and "Bjud in" in repr(
            check.final_snapshot
        )
    sign_in(app, client)
    assert client.post(f"/leader/participants/{anna}/erase").status_code == 302
    with app.app_context():
        check = db.session.get(models.Activity, check_id)
        assert [c["what"] for c in check.config["commitments"]] == ["Kartlägg"]
        assert "Bjud in" not in repr(check.final_snapshot)
        left = db.session.get(models.Activity, steps_id).final_snapshot
        assert "Bjud in" not in repr(left) and "Kartlägg" in repr(left)
        assert left["answer_count"] == 2


def test_erased_lessons_leave_the_board_and_the_ballot(app, client):
    world = World(app, client)
    try:
        leader, aid = world.leader, world.activity_id
        call(leader, "open_activity", {"activity_id": aid})
        anna, bo = world.phone("Anna"), world.phone("Bo", "SKL")
        a = send(anna, aid, {"lessons": lessons_of("Annas hemlighet")})
        b = send(bo, aid, {"lessons": lessons_of("Bos lärdom")})
        a, b = a["submission"]["id"], b["submission"]["id"]
        edit(leader, aid, action="place_lesson", lesson=f"{a}.l1", theme="t1")
        edit(leader, aid, action="place_lesson", lesson=f"{b}.l1", theme="t1")
        edit(leader, aid, action="start_voting", dots=2)
        with app.app_context():
            anna_id = db.session.scalar(
                select(models.Participant.id).where(models.Participant.name == "Anna")
            )
        erased = client.post(f"/leader/participants/{anna_id}/erase")
        assert erased.status_code == 302
        with app.app_context():
            board = db.session.get(models.Activity, aid).merges
        assert board["placed"] == {f"{b}.l1": "t1"}
        assert board["ballot"] == {"t1": ["Bos lärdom"]}
        assert "Annas hemlighet" not in str(board)
    finally:
        world.close()
