"""The export benchmark's project, bulk-inserted: meetings × activities ×
participants, every participant answering every activity (bench/exports.py)."""

import itertools
import random
from datetime import date, datetime, timedelta

from sqlalchemy import insert

from server import accounts, models
from server.extensions import db
from server.seed import default_leader
from sessions.catalogue import ACTORS, AREAS, RELATION_TYPES, ROLES
from sessions.kinds import get_kind

BATCH = 2000
START = datetime(2017, 3, 1, 8, 0)
ORGANISATIONS = (
    "Region Skåne",
    "Region Östergötland",
    "Region Örebro län",
    "Västra Götalandsregionen",
    "Vinnova",
    "Länsstyrelsen Skåne",
)
WORDS = ("möten", "mod", "samverkan", "uppdrag", "ansvar", "kunskap", "region", "plan")
THEMES = ["Definiera mera", "Mod", "Bygg kunskap", "Samverkan"]
# The ten activities of each meeting, one of each kind and a second open text.
PROGRAMME: tuple[tuple[str, str, dict], ...] = (
    ("roles", "Vem är du?", {}),
    ("choice", "Har regionen ett uppdrag?", {"options": ["Ja", "Nej", "Vet ej"]}),
    ("scale", "Hur tydligt är uppdraget?", {"labels": {"1": "Inte alls"}}),
    ("text", "Så här gör vi", {}),
    ("others_view", "Andras ögon", {}),
    ("actor_map", "Aktörskartläggning", {}),
    ("lessons", "Vad vi lärt", {"themes": THEMES}),
    ("next_steps", "Konkreta steg", {}),
    ("status_check", "Hur gick det?", {}),
    ("text", "Utvärdering", {"max_length": 1000}),
)
COMMITMENTS = [
    {"key": f"1.{i}", "what": f"Steg {i}", "organisation": org, "by": "2017-06-30"}
    for i, org in enumerate(ORGANISATIONS)
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def answer(kind: str, rng: random.Random, organisation: str) -> dict:
    """A plausible stored answer of each kind, of a realistic size."""
    if kind == "roles":
        return {"roles": rng.sample(ROLES, 3)}
    if kind == "choice":
        return {"choices": [rng.choice(["Ja", "Nej", "Vet ej"])]}
    if kind == "scale":
        return {"value": rng.randint(1, 5)}
    if kind == "text":
        return {"text": sentence(rng, rng.randint(5, 30))}
    if kind == "others_view":
        return {
            "actors": [
                {
                    "kind": kind,
                    "name": f"{kind} Norra",
                    "roles": rng.sample(ROLES, 2),
                    "size": rng.randint(0, 3),
                    "quote": sentence(rng, 8),
                }
                for kind in rng.sample(ACTORS, 3)
            ]
        }
    if kind == "actor_map":
        names = rng.sample(ACTORS, 5)
        return {
            "region": organisation,
            "actors": [
                {"name": n, "areas": [{"area": a, "mode": "leads"} for a in areas]}
                for n, areas in ((n, rng.sample(AREAS, 2)) for n in names)
            ],
            "relations": [
                {"from": a, "to": b, "type": rng.choice(RELATION_TYPES), "clear": True}
                for a, b in itertools.pairwise(names)
            ],
        }
    if kind == "lessons":
        return {
            "lessons": [{"id": f"a{i}", "text": sentence(rng, 6)} for i in range(3)],
            "votes": {"t1": 2, "t2": 1},
        }
    if kind == "next_steps":
        return {
            "steps": [
                {"what": sentence(rng, 5), "organisation": organisation, "by": by}
                for by in ("2017-04-01", "2017-06-30")
            ]
        }
    return {"marks": {"1.0": "done", "1.1": "under_way", "1.2": "not_started"}}


def build_project(
    name: str, meetings: int, participants: int, seed: int = 1
) -> tuple[int, list[int]]:
    """A project whose every meeting ran one session of the programme above,
    answered by every participant; returns its id and its activities' ids."""
    rng = random.Random(seed)
    project = models.Project(name=name)
    db.session.add(project)
    db.session.flush()
    # Led by the leader the benchmark downloads as.
    accounts.add_member(project.id, default_leader().id)
    activity_ids = []
    for position in range(meetings):
        meeting = models.Meeting(
            project_id=project.id,
            position=position,
            title=f"Träff {position + 1}",
            held_on=date(2017, 3, 1) + timedelta(days=60 * position),
        )
        db.session.add(meeting)
        db.session.flush()
        live = models.LiveSession(
            meeting_id=meeting.id,
            join_code=f"B{project.id}X{position}",
            projector_token=f"bench-{project.id}-{position}",
            status="ended",
            started_at=START,
            ended_at=START + timedelta(hours=3),
        )
        db.session.add(live)
        db.session.flush()
        rows = []
        for index, (kind, prompt, settings) in enumerate(PROGRAMME):
            if kind == "status_check":
                settings = {"commitments": COMMITMENTS}
            row = models.Activity(
                session_id=live.id,
                position=index,
                kind=kind,
                prompt=prompt,
                config=get_kind(kind).validate_config(settings),
                state="closed",
                merges={},
            )
            db.session.add(row)
            rows.append(row)
        db.session.flush()
        activity_ids += [row.id for row in rows]
        people = _insert_participants(live.id, participants)
        for row in rows:
            _insert_answers(row.id, row.kind, people, rng)
    db.session.commit()
    return project.id, activity_ids


def _insert_participants(session_id: int, count: int) -> list[tuple[int, str]]:
    values = [
        {
            "session_id": session_id,
            "name": f"Deltagare {i} Åberg",
            "organisation": ORGANISATIONS[i % len(ORGANISATIONS)],
            "anonymous": i % 10 == 0,
            "joined_at": START,
        }
        for i in range(count)
    ]
    ids = db.session.scalars(
        insert(models.Participant).returning(
            models.Participant.id, sort_by_parameter_order=True
        ),
        values,
    ).all()
    return [(pid, v["organisation"]) for pid, v in zip(ids, values, strict=True)]


def _insert_answers(
    activity_id: int, kind: str, people: list[tuple[int, str]], rng: random.Random
) -> None:
    for start in range(0, len(people), BATCH):
        db.session.execute(
            insert(models.Submission),
            [
                {
                    "activity_id": activity_id,
                    "participant_id": pid,
                    "answer": answer(kind, rng, organisation),
                    "hidden": pid % 50 == 0,
                    "created_at": START,
                    "updated_at": START + timedelta(seconds=pid % 3600),
                }
                for pid, organisation in people[start : start + BATCH]
            ],
        )
