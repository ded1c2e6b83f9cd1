"""Answers committed as one group: each gets its own outcome, as if alone."""

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from server import control, models
from server import submit as submit_module
from server import submit_store as store
from server.extensions import db
from server.submit import Accepted, Answer, commit_group, submit
from sessions.errors import DomainError

from .conftest import join, roles


def anna_and_bo(app, running) -> tuple[int, int]:
    """Two participants' ids, with the running session's activity open."""
    client = app.test_client()
    anna, bo = (
        join(client, running.code, name=n).json["participant"]["id"]
        for n in ("Anna", "Bo")
    )
    with app.app_context():
        live = db.session.get(models.LiveSession, running.id)
        control.open_activity(live, running.activity_id, None)
    return anna, bo


def test_a_group_commits_each_answer_as_if_alone(app, running):
    anna, bo = anna_and_bo(app, running)
    act, sid = running.activity_id, running.id
    with app.app_context():
        start = db.session.get(models.Activity, act).version
        group = [
            Answer(anna, sid, act, "anna-first", roles("Nav")),
            Answer(anna, sid, act, "anna-first", roles("Nav")),  # a retry, same group
            Answer(bo, sid, act, "anna-first", roles("Lobbyist")),  # someone else's id
            Answer(bo, sid, act, "bo-000001", roles("x" * 61)),  # too long
            Answer(bo, sid, act, "bo-000002", roles("Lobbyist")),
            Answer(anna, sid, act, "anna-second", roles("Visionär")),  # a change
            Answer(anna, sid, 999_999, "anna-third", roles("Nav")),  # no such activity
        ]
        commit_group(group)
        outcomes = [a.outcome for a in group]
        stored = {
            s.participant_id: s.answer
            for s in db.session.scalars(select(models.Submission))
        }
        receipts = db.session.scalar(select(func.count(models.SubmitReceipt.client_id)))
        version = db.session.get(models.Activity, act).version
    assert isinstance(outcomes[0], Accepted) and not outcomes[0].duplicate
    assert outcomes[1] == Accepted(outcomes[0].submission, True)
    assert [o.code for o in (outcomes[2], outcomes[3], outcomes[6])] == [
        "invalid",
        "too_long",
        "unknown_activity",
    ]
    assert all(
        isinstance(o, DomainError) for o in (outcomes[2], outcomes[3], outcomes[6])
    )
    assert not outcomes[4].duplicate and not outcomes[5].duplicate
    assert stored == {anna: roles("Visionär"), bo: roles("Lobbyist")}
    assert receipts == 3  # anna-first, bo-000002, anna-second
    assert version == start + 1  # one bump for the group's activity


def test_a_group_with_nothing_new_changes_nothing(app, running):
    client = app.test_client()
    anna = join(client, running.code).json["participant"]["id"]
    act, sid = running.activity_id, running.id
    with app.app_context():
        control.open_activity(db.session.get(models.LiveSession, sid), act, None)
        commit_group([Answer(anna, sid, act, "anna-first", roles("Nav"))])
        before = db.session.get(models.Activity, act).version
        group = [
            Answer(anna, sid, act, "anna-first", roles("Nav")),
            Answer(anna, sid, act, "anna-late1", roles()),
        ]
        commit_group(group)
        db.session.expire_all()
        assert db.session.get(models.Activity, act).version == before
    assert group[0].outcome.duplicate is True
    assert group[1].outcome.code == "required"


def test_a_group_finds_the_receipts_of_earlier_groups(app, running):
    anna, bo = anna_and_bo(app, running)
    act, sid = running.activity_id, running.id
    with app.app_context():
        first = [
            Answer(anna, sid, act, "anna-first", roles("Nav")),
            Answer(bo, sid, act, "bo-first", roles("Lobbyist")),
        ]
        commit_group(first)
        group = [
            Answer(bo, sid, act, "bo-first", roles("Lobbyist")),  # a late retry
            Answer(anna, sid, act, "bo-first", roles("Nav")),  # Bo's id
            Answer(anna, sid, act, "anna-second", roles("Mäklare")),
            Answer(anna, sid, act, "anna-first", roles("Nav")),  # an older retry
        ]
        commit_group(group)
        stored = {
            s.participant_id: s.answer
            for s in db.session.scalars(select(models.Submission))
        }
        receipts = db.session.scalar(select(func.count(models.SubmitReceipt.client_id)))
    assert group[0].outcome == Accepted(first[1].outcome.submission, True)
    assert group[1].outcome.code == "invalid"
    assert group[2].outcome.duplicate is False
    # The retry acks what anna-first stored; it does not undo the change.
    # The retry is acked with Anna's stored answer as it now is: anna-second's.
    assert group[3].outcome.duplicate is True
    assert group[3].outcome.submission["id"] == first[0].outcome.submission["id"]
    assert group[3].outcome.submission["answer"] == roles("Mäklare")
    assert stored == {anna: roles("Mäklare"), bo: roles("Lobbyist")}
    assert receipts == 3


def test_a_group_that_meets_another_commit_does_each_answer_alone(
    app, running, monkeypatch
):
    anna, bo = anna_and_bo(app, running)
    act, sid = running.activity_id, running.id
    with app.app_context():
        first = Answer(anna, sid, act, "anna-first", roles("Nav"))
        commit_group([first])
        # As if another worker committed anna-first after this group looked.
        real = store.receipts
        calls = []

        def receipts(client_ids):
            calls.append(client_ids)
            return {} if len(calls) == 1 else real(client_ids)

        monkeypatch.setattr(store, "receipts", receipts)
        group = [
            Answer(anna, sid, act, "anna-first", roles("Nav")),
            Answer(bo, sid, act, "bo-first", roles("Lobbyist")),
        ]
        commit_group(group)
        receipts = db.session.scalar(select(func.count(models.SubmitReceipt.client_id)))
    assert len(calls) == 3  # the group, then each answer alone
    assert group[0].outcome == Accepted(first.outcome.submission, True)
    assert group[1].outcome.duplicate is False
    assert receipts == 2


def submit_at_once(app, running, sends: list[tuple]) -> list:
    """Each send from its own thread, all released together, with group commit
    on as in production; returns each one's Accepted or exception."""
    app.config["GROUP_COMMIT"] = True
    gate = threading.Barrier(len(sends))

    def send(participant_id, client_id, answer):
        with app.app_context():
            gate.wait()
            try:
                return submit(
                    participant_id, running.id, running.activity_id, client_id, answer
                )
            except Exception as error:
                return error

    with ThreadPoolExecutor(len(sends)) as pool:
        futures = [pool.submit(send, *one) for one in sends]
        return [future.result(timeout=30) for future in futures]


def test_answers_sent_together_each_get_their_own_outcome(app, running):
    anna, bo = anna_and_bo(app, running)
    outcomes = submit_at_once(
        app,
        running,
        [
            (anna, "anna-0001", roles("Nav")),
            (anna, "anna-0001", roles("Nav")),  # a retry
            (bo, "bo-000001", roles("Lobbyist")),
            (bo, "bo-000002", roles("x" * 61)),  # too long
        ],
    )
    assert sorted(o.duplicate for o in outcomes[:2]) == [False, True]
    assert outcomes[0].submission["id"] == outcomes[1].submission["id"]
    assert outcomes[2].duplicate is False
    assert isinstance(outcomes[3], DomainError) and outcomes[3].code == "too_long"
    with app.app_context():
        stored = {
            s.participant_id: s.answer
            for s in db.session.scalars(select(models.Submission))
        }
    assert stored == {anna: roles("Nav"), bo: roles("Lobbyist")}


def test_a_failed_group_wakes_everyone_and_the_next_one_commits(
    app, running, monkeypatch
):
    anna, bo = anna_and_bo(app, running)
    real = submit_module.commit_group

    def fails(answers):
        for answer in answers:
            answer.outcome = Accepted({}, False)  # as if _apply had got far
        raise RuntimeError("boom")

    monkeypatch.setattr(submit_module, "commit_group", fails)
    outcomes = submit_at_once(
        app, running, [(anna, "anna-0001", roles("Nav")), (bo, "bo-000001", roles())]
    )
    # Nobody is told it was saved.
    assert [str(o) for o in outcomes] == ["boom", "boom"]
    monkeypatch.setattr(submit_module, "commit_group", real)
    (accepted,) = submit_at_once(app, running, [(anna, "anna-0001", roles("Nav"))])
    assert accepted.duplicate is False
