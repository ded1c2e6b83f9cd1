"""Homework shown at the next meeting, late answers live, and what it compares with."""

from server import accounts, models, seed
from server.extensions import db, socketio

from .conftest import call, received, roles
from .homework_support import actor, actor_map, assign, others_view
from .test_homework import homework_phone


def submit(sock, activity_id, client_id, answer):
    reply = call(
        sock,
        "submit",
        {"activity_id": activity_id, "client_id": client_id, "answer": answer},
    )
    assert reply["ok"], reply
    return reply


def test_the_meeting_shows_homework_and_follows_late_answers(
    app, running, leader, projector
):
    assigned = assign(app)
    early = homework_phone(app, assigned.code)
    submit(
        early,
        assigned.activity_id,
        "hw-early-1",
        others_view(actor("Länsstyrelsen", size=0)),
    )
    projector.get_received()
    reply = call(leader, "show_homework", {"activity_id": assigned.activity_id})
    assert reply["ok"], reply
    assert reply["activity"]["homework_code"] == assigned.code

    messages = projector.get_received()
    shown = [m["args"][0] for m in messages if m["name"] == "activity"]
    assert shown[-1]["id"] == assigned.activity_id
    first = [m["args"][0] for m in messages if m["name"] == "snapshot"]
    assert first[-1]["results"]["kinds"][0]["actors"] == 1

    # A late answer at home reaches the meeting's projector, newer than before.
    late = homework_phone(app, assigned.code, "Bo", "Region Halland")
    submit(
        late,
        assigned.activity_id,
        "hw-late-01",
        others_view(actor("Länsstyrelsen", size=3)),
    )
    after = received(projector, "snapshot")
    assert after[-1]["version"] > first[-1]["version"]
    spread = after[-1]["results"]["kinds"][0]
    assert spread["size_range"]["from_label"] == "Ingen roll"
    assert spread["size_range"]["to_label"] == "Stort ansvar"

    # A projector that reconnects gets the homework back with sync.
    again = socketio.test_client(app, auth={"projector": running.projector_token})
    state = call(again, "sync")
    assert state["activity"]["id"] == assigned.activity_id
    assert state["snapshot"]["answer_count"] == 2
    # So does the console, with the homework's results.
    console = call(leader, "sync")
    assert assigned.activity_id in [s["activity_id"] for s in console["snapshots"]]


def test_a_phone_in_the_room_is_pointed_to_the_homework(app, running, leader, phone):
    assigned = assign(app)
    sock = phone()
    sock.get_received()
    call(leader, "show_homework", {"activity_id": assigned.activity_id})
    told = received(sock, "activity")[-1]
    assert told["homework_code"] == assigned.code
    # It is not an activity of the meeting: answering it here is refused.
    refused = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "hw-in-room",
            "answer": others_view(actor()),
        },
    )
    assert refused["error"] == "unknown_activity"


def test_only_the_leader_shows_homework_and_only_its_own_projects(
    app, running, leader, phone
):
    assigned = assign(app)
    sock = phone()
    assert (
        call(sock, "show_homework", {"activity_id": assigned.activity_id})["error"]
        == "forbidden"
    )
    # An activity of the meeting itself is no homework.
    own = call(leader, "show_homework", {"activity_id": running.activity_id})
    assert own["error"] == "unknown_activity"
    with app.app_context():
        other = models.Project(name="Another project")
        meeting = models.Meeting(position=1, title="Möte")
        other.meetings.append(meeting)
        item = models.ProgrammeItem(
            position=1, kind="others_view", prompt="Andras ögon", config={}
        )
        meeting.items.append(item)
        db.session.add(other)
        db.session.flush()
        accounts.add_member(other.id, seed.default_leader().id)
        db.session.commit()
        from datetime import timedelta

        from server import homework
        from server.timeutil import utcnow

        foreign = homework.assign(
            item, utcnow() + timedelta(days=3), allow_anonymous=True
        )
        foreign_activity = foreign.activities[0].id
    refused = call(leader, "show_homework", {"activity_id": foreign_activity})
    assert refused["error"] == "unknown_activity"
    with app.app_context():
        live = db.session.get(models.LiveSession, running.id)
        assert live.current_activity_id is None


def test_others_expectations_beside_the_roles_taken(app, running, leader, phone):
    """Roles taken in the meeting's "Vem är du?" against the roles others expect."""
    call(leader, "open_activity", {"activity_id": running.activity_id})
    taker = phone()
    submit(taker, running.activity_id, "roles-taken", roles("Samordnare", "Lobbyist"))
    assigned = assign(app)
    home = homework_phone(app, assigned.code)
    submit(
        home,
        assigned.activity_id,
        "hw-expects",
        others_view(actor("Länsstyrelsen", roles=["Samordnare", "Finansiär"], size=2)),
    )
    with app.app_context():
        from server import freeze

        row = db.session.get(models.Activity, assigned.activity_id)
        comparison = freeze.current_snapshot(row)["results"]["comparison"]
    assert comparison["source"]["activity_id"] == running.activity_id
    assert comparison["both"] == ["Samordnare"]
    assert comparison["expected_not_taken"] == ["Finansiär"]
    assert comparison["taken_not_expected"] == ["Lobbyist"]


def test_an_alias_merge_applies_to_the_network_and_is_undone(app, client):
    from .conftest import sign_in

    assigned = assign(app, kind="actor_map")
    sock = homework_phone(app, assigned.code)
    answer = actor_map(
        "Region Skåne",
        actors=[
            ("Länsstyrelsen Skåne", [("Boende", "leads")]),
            ("Kommunerna", [("Boende", "contributes")]),
        ],
        relations=[("Länsstyrelsen Skåne", "Kommunerna", "samverkan", False)],
    )
    submit(sock, assigned.activity_id, "hw-map-01", answer)
    sign_in(app, client)
    console = socketio.test_client(
        app, flask_test_client=client, auth={"leader": assigned.id}
    )
    merged = call(
        console,
        "merge_words",
        {
            "activity_id": assigned.activity_id,
            "source": "Länsstyrelsen Skåne",
            "target": "Länsstyrelsen",
            "field": "actor",
        },
    )
    assert merged["ok"], merged
    snapshot = received(console, "snapshot")[-1]
    labels = {n["label"] for n in snapshot["results"]["network"]["nodes"]}
    assert labels == {"Länsstyrelsen", "Kommunerna"}
    matrix_actors = set(snapshot["results"]["matrix"]["actors"])
    assert "länsstyrelsen" in matrix_actors
    undone = call(
        console,
        "unmerge_word",
        {
            "activity_id": assigned.activity_id,
            "source": "Länsstyrelsen Skåne",
            "field": "actor",
        },
    )
    assert undone["ok"], undone
    labels = {
        n["label"]
        for n in received(console, "snapshot")[-1]["results"]["network"]["nodes"]
    }
    assert labels == {"Länsstyrelsen Skåne", "Kommunerna"}
    # Roles keep their own field: an area merge on a Roles activity is refused.
    wrong = call(
        console,
        "merge_words",
        {
            "activity_id": assigned.activity_id,
            "source": "Boende",
            "target": "Boende",
            "field": "area",
        },
    )
    assert not wrong["ok"]


def test_the_meeting_console_merges_aliases_of_the_homework_it_shows(
    app, running, leader, projector
):
    assigned = assign(app, kind="others_view")
    home = homework_phone(app, assigned.code)
    submit(
        home,
        assigned.activity_id,
        "hw-alias-1",
        others_view(actor("Lst Skåne", size=1), actor("Länsstyrelsen", size=3)),
    )
    merge = {
        "activity_id": assigned.activity_id,
        "source": "Lst Skåne",
        "target": "Länsstyrelsen",
        "field": "actor",
    }
    # Not while another activity is on the projector.
    assert call(leader, "merge_words", merge)["error"] == "unknown_activity"
    call(leader, "show_homework", {"activity_id": assigned.activity_id})
    projector.get_received()
    merged = call(leader, "merge_words", merge)
    assert merged["ok"], merged
    assert merged["activity"]["merges"] == {"actor:lst skåne": "Länsstyrelsen"}
    kinds = received(projector, "snapshot")[-1]["results"]["kinds"]
    assert [(k["kind"], k["actors"]) for k in kinds] == [("Länsstyrelsen", 2)]
