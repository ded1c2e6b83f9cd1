"""PostgreSQL goes away under a running server (a proxy between them is cut) and
comes back. Meanwhile every write is refused as ``unavailable``, in words, and
nothing is acknowledged as saved; afterwards the same requests simply work."""

import re
import time
from itertools import pairwise

import pytest
import requests

from client import ConnectRefused, NotDelivered, Refused, join
from client.http import find_csrf_token

from . import db
from .clients import Console, Phone, Screen

pytestmark = [pytest.mark.live, pytest.mark.postgres]

OUTAGE = 3.0  # seconds of outage in which the log is watched
SETTLE = 15.0


def origins(output: list[str]) -> list[str]:
    """The log line before each logged traceback (chained ones not counted)."""
    return [
        before.strip()
        for before, line in pairwise(output)
        if line.startswith("Traceback") and before.strip()
    ]


def test_a_database_outage_refuses_writes_and_service_resumes(
    proxied_server, db_proxy, closing
):
    server = proxied_server
    leader = closing(Console(server.base_url)).sign_in(server.login_link)
    session_id = leader.start_session()
    leader.connect(session_id)
    activity_id = leader.activity_ids()[0]
    projector = closing(Screen(server.base_url, leader.projector_token))
    projector.connect()
    phones = []
    for name in ("Anna", "Bo", "Cecilia"):
        token, _, _ = join(server.base_url, leader.join_code, name, "SKL")
        phones.append(closing(Phone(server.base_url, token)))
    anna, bo, cecilia = phones
    anna.connect()
    bo.connect()  # Cecilia's phone is off for now
    leader.open_activity(activity_id)
    kept = anna.submit(activity_id, {"roles": ["Nav"]})
    projector.wait_until(lambda p: p.answer_count(activity_id) == 1, 5)

    db_proxy.cut()

    # A submit is refused in words and not acknowledged as saved.
    payload = {"activity_id": activity_id, "client_id": "outage-0001"}
    payload["answer"] = {"roles": ["Samordnare"]}
    ack = bo.call("submit", payload)
    assert (ack["ok"], ack["error"]) == (False, "unavailable"), ack
    assert "submission" not in ack
    assert re.search(r"\w{3,} \w{3,}", ack["message"]), ack["message"]
    # client/ keeps it pending, with its client id, to send again later.
    with pytest.raises(NotDelivered):
        bo.submit(activity_id, payload["answer"], client_id=payload["client_id"])
    assert bo.pending[activity_id]["client_id"] == "outage-0001"
    # Anna's changed answer is refused too, and hers stays as it was.
    with pytest.raises(NotDelivered):
        anna.submit(activity_id, {"roles": ["Lobbyist"]})

    # Joining over HTTP: 503 with the same code and a message.
    with requests.Session() as http:
        page = http.get(f"{server.base_url}/join/{leader.join_code}", timeout=10)
        assert page.status_code == 503, page.text
        response = http.post(
            f"{server.base_url}/api/join",
            json={"code": leader.join_code, "name": "Dan", "organisation": "SKL"},
            headers={"X-CSRFToken": find_csrf_token(page.text)},
            timeout=10,
        )
    assert response.status_code == 503, response.text
    body = response.json()
    assert (body["ok"], body["error"]) == (False, "unavailable")
    assert body["message"]
    with pytest.raises(Refused) as refused:
        join(server.base_url, leader.join_code, "Dan", "SKL")
    assert (refused.value.error, refused.value.status) == ("unavailable", 503)
    # A phone connecting now is refused as worth retrying.
    with pytest.raises(ConnectRefused) as refused:
        cecilia.connect()
    assert refused.value.error == "unavailable"
    assert refused.value.message
    # The leader's controls are refused the same way and change nothing.
    ack = leader.call("close_activity", {"activity_id": activity_id})
    assert (ack["ok"], ack["error"]) == (False, "unavailable")

    time.sleep(1)  # the server's background ticks meet the outage too
    assert server.proc.poll() is None, "the server died with its database"

    db_proxy.restore()
    # Nothing refused was saved: Anna's first answer is the only one.
    assert db.submissions(server, activity_id) == {
        anna.participant["id"]: [{"roles": ["Nav"]}]
    }

    # The pending answers land once, with their own client ids.
    resent = bo.resend_pending() + anna.resend_pending()
    assert [r.duplicate for r in resent] == [False, False]
    assert bo.submit(activity_id, payload["answer"], "outage-0001").duplicate is True
    assert (bo.pending, anna.pending) == ({}, {})
    cecilia.connect()
    late = cecilia.submit(activity_id, {"roles": ["Nav"]})
    joined = join(server.base_url, leader.join_code, "Dan", "SKL")
    assert joined.participant["name"] == "Dan"

    stored = db.submissions(server, activity_id)
    assert sorted(stored.values(), key=str) == sorted(
        [[{"roles": ["Lobbyist"]}], [{"roles": ["Samordnare"]}], [{"roles": ["Nav"]}]],
        key=str,
    )
    receipts = db.receipts(server, session_id)
    assert "outage-0001" in receipts
    assert kept.client_id in receipts and late.client_id in receipts
    assert len(receipts) == 4  # Anna twice, Bo once, Cecilia once

    # The activity is still open (the refused close changed nothing), and the
    # projector converges on the database.
    version = db.activity_version(server, activity_id)
    projector.wait_until(
        lambda p: (p.snapshot(activity_id) or {}).get("version") == version, SETTLE
    )
    shown = projector.snapshot(activity_id)
    assert (shown["state"], shown["answer_count"]) == ("open", 3)
    # Dan's join came after the last answer: presence says so.
    projector.wait_until(
        lambda p: p.events["presence"] and p.events["presence"][-1]["joined"] == 4, 5
    )
    assert leader.close_activity(activity_id)["state"] == "closed"
    assert server.proc.poll() is None


def test_an_outage_is_not_logged_as_a_traceback_per_tick(
    proxied_server, db_proxy, closing
):
    """The server ticks every SNAPSHOT_INTERVAL (0.1 s here). While the database
    is away it may say so, but a traceback per tick buries everything else."""
    server = proxied_server
    leader = closing(Console(server.base_url)).sign_in(server.login_link)
    leader.connect(leader.start_session())
    activity_id = leader.activity_ids()[0]
    leader.open_activity(activity_id)

    db_proxy.cut()
    time.sleep(1)  # the outage is noticed, and may be reported
    settled = len(server.output)
    time.sleep(OUTAGE)
    steady = server.output[settled:]
    assert server.proc.poll() is None, "the server died with its database"
    db_proxy.restore()

    assert leader.close_activity(activity_id)["state"] == "closed"
    logged = origins(steady)
    assert logged == [], (
        f"{len(logged)} tracebacks logged in {OUTAGE} s of one outage, after: "
        f"{sorted(set(logged))}\n" + "".join(steady[-80:])
    )
