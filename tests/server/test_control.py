"""The leader's controls, what each audience then receives, and the archive."""

from datetime import timedelta

from server import broadcast, models
from server.extensions import db
from server.timeutil import utcnow

from .conftest import call, received, roles


def submit(sock, activity_id, *words, client_id):
    ack = call(
        sock,
        "submit",
        {"activity_id": activity_id, "client_id": client_id, "answer": roles(*words)},
    )
    assert ack["ok"], ack
    return ack


def test_open_close_reveal_reach_every_audience(leader, phone, projector, running):
    anna = phone()
    anna.get_received()
    projector.get_received()
    ack = call(
        leader,
        "open_activity",
        {"activity_id": running.activity_id, "timer_seconds": 60},
    )
    assert ack["activity"]["state"] == "open"
    assert ack["activity"]["timer_ends_at"].endswith("Z")
    for sock in (anna, projector):
        [activity] = received(sock, "activity")
        assert activity["state"] == "open"
        assert activity["prompt"].startswith("Vem är du?")
    assert call(leader, "close_activity", {"activity_id": running.activity_id})["ok"]
    assert received(anna, "activity")[-1]["state"] == "closed"
    assert call(leader, "reveal_activity", {"activity_id": running.activity_id})["ok"]
    assert received(projector, "activity")[-1]["state"] == "revealed"


def test_results_are_hidden_from_projector_and_phones_until_reveal(
    leader, phone, projector, running
):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    anna, bo = phone("Anna"), phone("Bo", "Region Halland")
    for sock in (anna, bo, projector, leader):
        sock.get_received()
    submit(anna, act, "Samordnare", client_id="anna-00001")
    submit(bo, act, "samordnare ", "Lobbyist", client_id="bo-0000001")

    projector_snaps = received(projector, "snapshot")
    assert projector_snaps[-1]["answer_count"] == 2
    assert projector_snaps[-1]["results"] is None
    leader_snaps = received(leader, "snapshot")
    assert leader_snaps[-1]["results"]["words"][0] == {
        "key": "samordnare",
        "word": "Samordnare",
        "count": 2,
        "by_organisation": {"Region Halland": 1, "Region Skåne": 1},
        "merged": [],
    }
    assert {s["name"] for s in leader_snaps[-1]["submissions"]} == {"Anna", "Bo"}
    assert received(anna, "snapshot") == []  # phones see results only once revealed

    call(leader, "reveal_activity", {"activity_id": act})
    revealed = received(projector, "snapshot")[-1]
    assert revealed["state"] == "revealed"
    assert revealed["results"]["words"][0]["word"] == "Samordnare"
    assert received(anna, "snapshot")[-1]["results"] == revealed["results"]


def test_live_results_when_the_leader_does_not_hide_them(
    leader, phone, projector, running
):
    act = running.activity_id
    ack = call(leader, "set_hide_results", {"activity_id": act, "hidden": False})
    assert ack["activity"]["hide_results"] is False
    call(leader, "open_activity", {"activity_id": act})
    submit(phone(), act, "Nav", client_id="anna-00001")
    assert received(projector, "snapshot")[-1]["results"]["words"][0]["word"] == "Nav"


def test_snapshot_versions_only_grow(leader, phone, projector, running):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    for i in range(4):
        submit(phone(f"P{i}"), act, "Nav", client_id=f"client-{i:04d}")
    call(
        leader,
        "merge_words",
        {"activity_id": act, "source": "nav", "target": "Samordnare"},
    )
    versions = [s["version"] for s in received(projector, "snapshot")]
    assert versions == sorted(versions)
    assert len(set(versions)) == len(versions)


def test_hiding_a_submission_takes_it_out_of_the_count(leader, phone, running):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    submit(phone("Anna"), act, "Nav", client_id="anna-00001")
    bad = submit(phone("Troll"), act, "Rude word", client_id="troll-0001")
    ack = call(
        leader,
        "hide_submission",
        {"submission_id": bad["submission"]["id"], "hidden": True},
    )
    assert ack == {"ok": True, "submission_id": bad["submission"]["id"], "hidden": True}
    last = received(leader, "snapshot")[-1]
    assert last["answer_count"] == 1
    assert [w["word"] for w in last["results"]["words"]] == ["Nav"]
    assert [s["hidden"] for s in last["submissions"] if s["name"] == "Troll"] == [True]
    assert call(leader, "hide_submission", {"submission_id": 999, "hidden": True})[
        "error"
    ] == ("unknown_submission")


def test_merge_and_unmerge_words(leader, phone, running):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    submit(phone("A"), act, "Samordnare", client_id="a-00000001")
    submit(phone("B"), act, "samordning", client_id="b-00000001")
    ack = call(
        leader,
        "merge_words",
        {"activity_id": act, "source": "samordning", "target": "Samordnare"},
    )
    assert ack["ok"]
    words = received(leader, "snapshot")[-1]["results"]["words"]
    assert [(w["word"], w["count"], w["merged"]) for w in words] == [
        ("Samordnare", 2, ["samordning"])
    ]
    refused = call(
        leader,
        "merge_words",
        {"activity_id": act, "source": "Samordnare", "target": "samordning"},
    )
    assert refused["error"] == "invalid_merge"
    call(leader, "unmerge_word", {"activity_id": act, "source": "samordning"})
    words = received(leader, "snapshot")[-1]["results"]["words"]
    assert sorted(w["count"] for w in words) == [1, 1]


def test_opening_one_activity_closes_the_other(app, leader, running):
    with app.app_context():
        live_session = db.session.get(models.LiveSession, running.id)
        second = models.Activity(
            session_id=running.id,
            position=2,
            kind="roles",
            prompt="Igen?",
            config={"catalogue": ["Nav"], "allow_own": True, "max_roles": 12},
            merges={},
        )
        live_session.activities.append(second)
        db.session.commit()
        second_id = second.id
    call(leader, "open_activity", {"activity_id": running.activity_id})
    leader.get_received()
    call(leader, "open_activity", {"activity_id": second_id})
    states = {a["id"]: a["state"] for a in received(leader, "activity")}
    assert states == {running.activity_id: "closed", second_id: "open"}


def test_bad_leader_input_is_refused(leader, running):
    act = running.activity_id
    for event, payload, code in [
        ("open_activity", {"activity_id": act, "timer_seconds": 0}, "invalid_timer"),
        ("open_activity", {"activity_id": 12345}, "unknown_activity"),
        ("open_activity", {"activity_id": act, "timer_seconds": "60"}, "invalid"),
        ("close_activity", {"activity_id": act}, "not_open"),
        ("reveal_activity", {"activity_id": act}, "not_closed"),
        ("merge_words", {"activity_id": act, "source": "", "target": "x"}, "required"),
        ("set_hide_results", {"activity_id": act}, "invalid"),
    ]:
        ack = call(leader, event, payload)
        assert (ack["ok"], ack["error"]) == (False, code), event
        assert ack["message"]


def test_a_timer_closes_the_activity_when_it_runs_out(app, leader, phone, running):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act, "timer_seconds": 30})
    anna = phone()
    with app.app_context():
        row = db.session.get(models.Activity, act)
        row.timer_ends_at = utcnow() - timedelta(seconds=5)
        db.session.commit()
    late = call(
        anna,
        "submit",
        {"activity_id": act, "client_id": "late-00001", "answer": roles("Nav")},
    )
    assert late["error"] == "closed"
    anna.get_received()
    with app.test_request_context():
        broadcast.close_expired(app)
    assert received(anna, "activity")[-1]["state"] == "closed"


def test_ending_the_session_archives_it_read_only(
    app, client, leader, phone, projector, running
):
    act = running.activity_id
    call(leader, "open_activity", {"activity_id": act})
    anna = phone()
    submit(anna, act, "Samordnare", client_id="anna-00001")
    anna.get_received()
    ack = call(leader, "end_session")
    assert ack["session"]["status"] == "ended"
    assert received(anna, "session_ended")[0]["status"] == "ended"
    with app.app_context():
        row = db.session.get(models.Activity, act)
        assert row.state == "closed"
        frozen = row.final_snapshot
    assert frozen["answer_count"] == 1
    assert frozen["results"]["words"][0]["word"] == "Samordnare"

    # Read-only: no answer, no control and no second end changes it.
    late = call(
        anna,
        "submit",
        {"activity_id": act, "client_id": "late-00001", "answer": roles("Nav")},
    )
    assert late["error"] == "closed"
    for event, payload in [
        ("open_activity", {"activity_id": act}),
        ("merge_words", {"activity_id": act, "source": "Samordnare", "target": "Nav"}),
        ("end_session", {}),
    ]:
        assert call(leader, event, payload)["error"] == "session_ended", event
    with app.app_context():
        assert db.session.get(models.Activity, act).final_snapshot == frozen


def test_sync_gives_each_audience_its_state(leader, phone, projector, running):
    act = running.activity_id
    anna = phone()
    assert call(anna, "sync")["activity"] is None
    call(leader, "open_activity", {"activity_id": act})
    submit(anna, act, "Nav", client_id="anna-00001")
    mine = call(anna, "sync")
    assert mine["participant"]["name"] == "Anna"
    assert mine["submission"]["answer"] == roles("Nav")
    assert mine["activity"]["state"] == "open"
    assert mine["snapshot"] is None
    shown = call(projector, "sync")
    assert (
        shown["snapshot"]["answer_count"] == 1 and shown["snapshot"]["results"] is None
    )
    assert "participant" not in shown
    console = call(leader, "sync")
    assert console["projector_token"] == running.projector_token
    # Träff 1's programme in order; the homework it assigns is not run here.
    assert [a["kind"] for a in console["activities"]] == ["roles", "scale"]
    assert console["activities"][0]["id"] == act
    assert console["snapshots"][0]["submissions"][0]["name"] == "Anna"
