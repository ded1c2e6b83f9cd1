"""Generated payloads against every Socket.IO event, from every role, in-process.

Whatever arrives, the server acks in the protocol's shape, never fails with
``server_error``, refuses a role's foreign events as ``forbidden``, and a refused
event leaves every table as it was.
"""

from collections.abc import Iterator

import pytest
from flask import Flask
from hypothesis import event as note
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server import control, live, models, seed, tokens
from server.extensions import db, socketio

from .fuzzing import (
    FUZZ,
    answers,
    bad_client_ids,
    bad_ints,
    check_refusal,
    client_ids,
    contained,
    dump,
    ids,
    json_values,
    junk,
    mostly,
    near_valid,
    words,
)

# Hypothesis warns when the global random state changes while it draws. Our
# strategies never touch it, but the app's background threads (the coalescer
# and the group committer, threads under the test config) run during the draws
# and may; Hypothesis's own check admits another thread can trip it
# (hypothesis/control.py). Only that message is let through.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Do not use the `random` module inside strategies"
)

ROLES = ("participant", "projector", "leader")
LEADER = {"leader"}
ALLOWED = {
    "sync": set(ROLES),
    "submit": {"participant"},
    "open_activity": LEADER,
    "close_activity": LEADER,
    "reveal_activity": LEADER,
    "set_hide_results": LEADER,
    "hide_submission": LEADER,
    "merge_words": LEADER,
    "unmerge_word": LEADER,
    "end_session": LEADER,
    "star_submission": LEADER,
    "show_homework": LEADER,
    "edit_lessons_board": LEADER,
    "save_draft": {"participant"},
}

# Every event, with the answers and merges that write the most drawn more often.
EVENTS = [*sorted(ALLOWED), "submit", "submit", "merge_words"]


class World:
    """A running session with a phone, a projector and a console connected, and
    another session whose ids ours must not reach."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.http = app.test_client()
        with app.app_context():
            login = tokens.new_login_token(seed.default_leader())
        assert self.http.get(f"/login/{login}").status_code == 302
        self.sockets: dict = {}
        self.client_ids: list[str] = []
        self.foreign_activities, self.foreign_submissions = self._session()
        self.start()

    def _session(self) -> tuple[list[int], list[int]]:
        """Start a session, open its first activity and answer it once."""
        with self.app.app_context():
            meeting = db.session.scalar(
                select(models.Meeting).where(models.Meeting.title == "Träff 1")
            )
            started = live.start_session(meeting, allow_anonymous=True)
            control.open_activity(started, started.activities[0].id, None)
            self.session_id = started.id
            self.projector_token = started.projector_token
            self.code = started.join_code
            activities = [a.id for a in started.activities]
        reply = self.http.post(
            "/api/join", json={"code": self.code, "name": "Anna", "organisation": "SKL"}
        )
        assert reply.status_code == 201, reply.json
        self.token = reply.json["token"]
        phone = socketio.test_client(self.app, auth={"participant": self.token})
        client_id = f"seed-{self.session_id:08d}"
        ack = phone.emit(
            "submit",
            {
                "activity_id": activities[0],
                "client_id": client_id,
                "answer": {"roles": ["Nav"]},
            },
            callback=True,
        )
        assert ack["ok"], ack
        phone.disconnect()
        self.client_ids.append(client_id)
        return activities, [ack["submission"]["id"]]

    def start(self) -> None:
        """(Again) a running session of our own, with all three connected."""
        self.close()
        self.activities, self.submissions = self._session()
        auth = {
            "participant": {"participant": self.token},
            "projector": {"projector": self.projector_token},
            "leader": {"leader": self.session_id},
        }
        for role, credential in auth.items():
            flask_client = self.http if role == "leader" else None
            sock = socketio.test_client(
                self.app, auth=credential, flask_test_client=flask_client
            )
            assert sock.is_connected(), role
            self.sockets[role] = sock

    def reopen(self) -> None:
        """Open our first activity again, so answers have somewhere to go."""
        with self.app.app_context():
            started = db.session.get(models.LiveSession, self.session_id)
            if started.activities[0].state != "open":
                control.open_activity(started, self.activities[0], None)

    def close(self) -> None:
        for sock in self.sockets.values():
            if sock.is_connected():
                sock.disconnect()

    def payloads(self, event: str) -> st.SearchStrategy:
        activity = ids(self.activities + self.foreign_activities)
        hidden = mostly(st.booleans(), junk)
        field = mostly(st.sampled_from(["role", "actor", "area"]), junk)
        fields = {
            "sync": {},
            "end_session": {},
            "submit": {
                "activity_id": activity,
                "client_id": mostly(
                    client_ids, st.sampled_from(self.client_ids), bad_client_ids
                ),
                "answer": answers,
            },
            "open_activity": {
                "activity_id": activity,
                "timer_seconds": mostly(
                    st.none() | st.integers(1, 3600), bad_ints, junk
                ),
            },
            "close_activity": {"activity_id": activity},
            "reveal_activity": {"activity_id": activity},
            "set_hide_results": {"activity_id": activity, "hidden": hidden},
            "hide_submission": {
                "submission_id": ids(self.submissions + self.foreign_submissions),
                "hidden": hidden,
            },
            "merge_words": {
                "activity_id": activity,
                "source": words,
                "target": words,
                "field": field,
            },
            "unmerge_word": {"activity_id": activity, "source": words, "field": field},
            "star_submission": {
                "submission_id": ids(self.submissions + self.foreign_submissions),
                "starred": hidden,
            },
            "show_homework": {"activity_id": activity},
            "edit_lessons_board": {
                "activity_id": activity,
                "change": near_valid(
                    {
                        "action": mostly(
                            st.sampled_from(
                                [
                                    "add_theme",
                                    "rename_theme",
                                    "merge_themes",
                                    "place_lesson",
                                    "start_voting",
                                    "reopen_collecting",
                                ]
                            ),
                            junk,
                        ),
                        "name": words,
                        "theme": mostly(st.sampled_from(["t1", "t2"]), junk),
                        "source": mostly(st.sampled_from(["t1", "t3"]), junk),
                        "target": mostly(st.sampled_from(["t2"]), junk),
                        "lesson": words,
                        "dots": mostly(st.integers(1, 10), bad_ints, junk),
                    }
                ),
            },
            "save_draft": {"activity_id": activity, "answer": answers},
        }[event]
        return near_valid(fields)


@pytest.fixture
def world(app: Flask) -> Iterator[World]:
    made = World(app)
    yield made
    made.close()


def arguments(world: World, event: str) -> st.SearchStrategy:
    """What follows the event name: mostly one payload, sometimes none or two."""
    one = mostly(world.payloads(event), json_values)
    return mostly(st.tuples(one), st.just(()), st.tuples(json_values, json_values))


@FUZZ
@given(data=st.data())
def test_no_event_fails_and_a_refused_one_changes_nothing(world, data):
    event = data.draw(st.sampled_from(EVENTS), label="event")
    role = data.draw(
        mostly(st.sampled_from(sorted(ALLOWED[event])), st.sampled_from(ROLES)),
        label="role",
    )
    if data.draw(st.booleans(), label="reopen first"):
        world.reopen()
    args = data.draw(arguments(world, event), label="args")
    sock = world.sockets[role]
    before = dump(world.app)

    with contained(world.app):
        reply = sock.emit(event, *args, callback=True)
    sock.get_received()  # keep the queues short

    check_refusal(reply)
    note(f"{event} from {role}: {reply.get('error', 'ok')}")
    if role not in ALLOWED[event]:
        assert reply["error"] == "forbidden", reply
    if not reply["ok"] or event == "sync" or reply.get("duplicate"):
        assert dump(world.app) == before, reply
    elif event == "submit":
        world.client_ids.append(args[0]["client_id"])
    elif event == "end_session":
        world.start()


def credentials(world: World) -> st.SearchStrategy:
    token = st.sampled_from([world.token, world.token[:-2], world.projector_token])
    session = ids([world.session_id, world.session_id + 1000])
    return st.one_of(
        st.fixed_dictionaries({"participant": st.one_of(token, json_values)}),
        st.fixed_dictionaries({"projector": st.one_of(token, json_values)}),
        st.fixed_dictionaries({"leader": st.one_of(session, json_values)}),
        # Not a bare number: "40" + "1.5" cannot be told from a packet id, and
        # python-socketio's own decoder fails on it before any handler runs.
        json_values.filter(lambda v: not isinstance(v, int | float)),
    )


@settings(FUZZ, max_examples=200)
@given(data=st.data())
def test_a_connect_with_any_auth_succeeds_or_is_refused_and_writes_nothing(world, data):
    auth = data.draw(credentials(world), label="auth")
    signed_in = data.draw(st.booleans(), label="signed in")
    before = dump(world.app)
    with contained(world.app):
        sock = socketio.test_client(
            world.app, auth=auth, flask_test_client=world.http if signed_in else None
        )
    connected = sock.is_connected()
    note(f"connected: {connected}")
    if connected:
        reply = sock.emit("sync", {}, callback=True)
        check_refusal(reply)
        assert reply["ok"], reply
        sock.disconnect()
    assert dump(world.app) == before
