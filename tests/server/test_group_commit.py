"""Answers committed as one group: each gets its own outcome, as if alone."""

from sqlalchemy import func, select

from server import control, models
from server.extensions import db
from server.submit import Accepted, Answer, commit_group
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
    assert group[3].outcome.duplicate is True
    assert group[3].outcome.submission["id"] == first[0].outcome.submission["id"]
    assert stored == {anna: roles("Mäklare"), bo: roles("Lobbyist")}
    assert receipts == 3
