"""The stack's own limit: eventlet + python-socketio with Mellanrum's events and
nothing else (no Flask, no database, no domain).

Phones connect with ``{"participant": ...}``, the projector with
``{"projector": ...}``; any token is accepted. ``submit`` keeps the answer in a
dict, idempotent on ``client_id``, and acks as the real server does; a ticking
task sends one coalesced ``snapshot`` to the projector room per
SNAPSHOT_INTERVAL. ``python -m bench.bare_server --port N`` prints ``ready``.
"""

import warnings

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
import eventlet  # noqa: E402

eventlet.monkey_patch()

import argparse  # noqa: E402
import os  # noqa: E402

import socketio  # noqa: E402

ACTIVITY_ID = 1
PROJECTOR_ROOM = "projector"

sio = socketio.Server(async_mode="eventlet", max_http_buffer_size=256 * 1024)
answers: dict[str, dict] = {}  # participant token -> answer
receipts: dict[str, dict] = {}  # client_id -> submission
state = {"version": 0, "sent": -1, "next_id": 1}
roles: dict[str, str] = {}  # sid -> "participant:<token>" or "projector"


def snapshot() -> dict:
    return {
        "activity_id": ACTIVITY_ID,
        "version": state["version"],
        "state": "open",
        "results_visible": False,
        "answer_count": len(answers),
        "joined": len(answers),
        "results": None,
    }


@sio.event
def connect(sid: str, environ: dict, auth: object = None) -> None:
    auth = auth if isinstance(auth, dict) else {}
    if isinstance(auth.get("participant"), str):
        roles[sid] = "participant:" + auth["participant"]
    elif "projector" in auth:
        roles[sid] = "projector"
        sio.enter_room(sid, PROJECTOR_ROOM)
    else:
        raise socketio.exceptions.ConnectionRefusedError(
            "say who you are", {"error": "bad_auth"}
        )


@sio.event
def disconnect(sid: str, reason: object = None) -> None:
    roles.pop(sid, None)


@sio.event
def sync(sid: str, data: object = None) -> dict:
    return {
        "ok": True,
        "role": roles.get(sid, "").split(":")[0],
        "activity": {"id": ACTIVITY_ID, "state": "open", "version": state["version"]},
        "snapshot": snapshot(),
    }


@sio.event
def submit(sid: str, data: object = None) -> dict:
    role = roles.get(sid, "")
    if not role.startswith("participant:") or not isinstance(data, dict):
        return {"ok": False, "error": "forbidden", "message": ""}
    client_id = data.get("client_id")
    if not isinstance(client_id, str) or not isinstance(data.get("answer"), dict):
        return {"ok": False, "error": "invalid", "message": ""}
    if client_id in receipts:
        return {"ok": True, "submission": receipts[client_id], "duplicate": True}
    submission = {
        "id": state["next_id"],
        "activity_id": ACTIVITY_ID,
        "answer": data["answer"],
        "hidden": False,
        "updated_at": None,
    }
    state["next_id"] += 1
    state["version"] += 1
    answers[role] = submission
    receipts[client_id] = submission
    return {"ok": True, "submission": submission, "duplicate": False}


def tick(interval: float) -> None:
    while True:
        sio.sleep(interval)
        if state["version"] != state["sent"]:
            state["sent"] = state["version"]
            sio.emit("snapshot", snapshot(), to=PROJECTOR_ROOM)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    interval = float(os.environ.get("SNAPSHOT_INTERVAL", "0.2"))
    sio.start_background_task(tick, interval)
    app = socketio.WSGIApp(sio)
    listener = eventlet.listen(("127.0.0.1", args.port), backlog=1024)
    print("ready", flush=True)
    eventlet.wsgi.server(listener, app, log_output=False, max_size=100_000)


if __name__ == "__main__":
    main()
