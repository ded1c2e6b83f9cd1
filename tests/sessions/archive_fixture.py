"""A small, valid project archive, for the domain's tests to break: two
meetings, an item copied from another, an ended session with a lessons board
and a status check, and a homework with a draft."""

import json
from datetime import datetime

from sessions.archive_format import project_key

CREATED = "2017-01-10T09:00:00.000000Z"
CREATED_AT = datetime(2017, 1, 10, 9, 0)


def moment(day: int) -> str:
    return f"2017-02-{day:02}T10:00:00.000000Z"


def activity(local_id: str, kind: str, item: str | None = None, **extra) -> dict:
    return {
        "id": local_id,
        "position": 1,
        "item": item,
        "series": item,
        "published": False,
        "kind": kind,
        "prompt": "Vem är du?",
        "config": {},
        "state": "closed",
        "hide_results": True,
        "due_at": None,
        "merges": {},
        "version": 3,
        "final_snapshot": None,
        **extra,
    }


def participant(local_id: str, name: str = "Anna") -> dict:
    return {
        "id": local_id,
        "name": name,
        "organisation": "Region Skåne",
        "anonymous": False,
        "quote_by_name": True,
        "joined_at": moment(1),
    }


def submission(number: int, activity: str, who: str, answer: dict) -> dict:
    return {
        "number": number,
        "activity": activity,
        "participant": who,
        "answer": answer,
        "hidden": False,
        "starred": False,
        "created_at": moment(1),
        "updated_at": moment(2),
    }


def session(activities: list, participants: list, submissions: list, **extra) -> dict:
    return {
        "status": "ended",
        "mode": "meeting",
        "allow_anonymous": True,
        "started_at": moment(1),
        "ended_at": moment(1),
        "current_activity": None,
        "activities": activities,
        "participants": participants,
        "submissions": submissions,
        "drafts": [],
        **extra,
    }


def item(local_id: str, kind: str, origin: str | None = None) -> dict:
    return {
        "id": local_id,
        "position": 1,
        "kind": kind,
        "prompt": "Vem är du?",
        "config": {},
        "hide_results": True,
        "origin": origin,
    }


def meeting(title: str, items: list, sessions: list) -> dict:
    return {
        "position": 1,
        "title": title,
        "held_on": "2017-02-01",
        "place": "Malmö",
        "items": items,
        "sessions": sessions,
    }


def document() -> dict:
    board = {"phase": "collect", "themes": [], "placed": {"1.l1": "t1"}}
    snapshot = {
        "activity_id": "a2",
        "results": {"unplaced": [{"key": "1.l1", "submission_id": 1}]},
    }
    check = {"commitments": [{"key": "2.0", "what": "Bjud in"}]}
    first = session(
        [
            activity("a1", "roles", "i1", final_snapshot={"activity_id": "a1"}),
            activity("a2", "lessons", merges=board, final_snapshot=snapshot),
            activity("a3", "next_steps"),
            activity("a4", "status_check", config=check),
        ],
        [participant("p1"), participant("p2", "Bo")],
        [
            submission(1, "a2", "p1", {"lessons": [{"id": "l1", "text": "Möten"}]}),
            submission(2, "a3", "p1", {"steps": [{"what": "Bjud in"}]}),
            submission(3, "a4", "p2", {"marks": {"2.0": "done"}}),
        ],
        current_activity="a1",
    )
    homework = session(
        [activity("a5", "others_view", "i2", state="open", due_at=moment(20))],
        [participant("p3")],
        [],
        mode="homework",
        status="running",
        ended_at=None,
        current_activity="a5",
        drafts=[
            {
                "activity": "a5",
                "participant": "p3",
                "answer": {"actors": []},
                "updated_at": moment(3),
            }
        ],
    )
    return {
        "format": "mellanrum-project",
        "schema_version": 2,
        "exported_at": moment(25),
        "project": {
            "key": project_key("Norrlandsnätet", CREATED_AT),
            "name": "Norrlandsnätet",
            "description": "Kompetens",
            "created_at": CREATED,
            "catalogues": {"roles": ["Samordnare"]},
            "organisations": [{"name": "Region Norrbotten", "kind": "region"}],
            "meetings": [
                meeting("Träff 1", [item("i1", "roles")], [first]),
                meeting("Träff 2", [item("i2", "others_view", "i1")], [homework]),
            ],
        },
    }


def encoded(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()
