"""Submissions racing each other, as on a real server with many greenlets/workers."""

import threading

from sqlalchemy import func, select

from server import control, models
from server.extensions import db
from server.submit import submit

from .conftest import join, roles


def run_all(targets):
    errors = []

    def guard(fn):
        try:
            fn()
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=guard, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []


def test_racing_retries_and_tabs_are_applied_once(app, running):
    client = app.test_client()
    ids = [
        join(client, running.code, name=f"P{i}").json["participant"]["id"]
        for i in range(6)
    ]
    with app.app_context():
        live = db.session.get(models.LiveSession, running.id)
        control.open_activity(live, running.activity_id, None)
        start = db.session.get(models.Activity, running.activity_id).version

    def send(participant_id, client_id, word):
        def go():
            with app.app_context():
                submit(
                    participant_id,
                    running.id,
                    running.activity_id,
                    client_id,
                    roles(word),
                )

        return go

    targets = []
    for pid in ids:
        # The same client id three times (lost acks), and a second tab's answer.
        targets += [send(pid, f"retry-{pid:04d}", "Nav") for _ in range(3)]
        targets.append(send(pid, f"tab2-{pid:04d}x", "Nav"))
    run_all(targets)

    with app.app_context():
        subs = db.session.scalar(select(func.count(models.Submission.id)))
        receipts = db.session.scalar(select(func.count(models.SubmitReceipt.client_id)))
        version = db.session.get(models.Activity, running.activity_id).version
    assert subs == len(ids)  # one answer per participant
    assert receipts == 2 * len(ids)  # each distinct client id once
    assert version == start + 2 * len(ids)  # bumped once per applied submit
