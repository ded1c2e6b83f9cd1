"""A fixed project for the export tests: one meeting, one ended session, four
activities and three participants, every time and text written out, so its
CSV can be compared byte for byte with a golden file."""

from dataclasses import dataclass
from datetime import date, datetime

from server import accounts, models, seed
from server.extensions import db

# Stored as UTC: 09:15 is 10:15 on a Stockholm clock in March.
FIRST = datetime(2017, 3, 1, 9, 15, 30)
LATER = datetime(2017, 3, 1, 9, 42, 5)
PEOPLE = (
    # name, organisation, anonymous
    ("Anna Åström", "Region Skåne", False),
    ("Hemlig", "Region Örebro län", True),  # the name is never exported
    ('=HYPERLINK("http://evil")', "@Vinnova", False),
)


def step(what: str, organisation: str, by: str) -> dict:
    return {"what": what, "organisation": organisation, "by": by}


ANSWERS = {
    "text": (
        {"text": 'Möten bär arbetet, "tillsammans"; alltid'},
        {"text": "Mod\noch tålamod"},
        {"text": "-2+3 är ingen formel här"},
    ),
    "scale": ({"value": 5}, {"value": 2}, {"value": 1}),
    "lessons": (
        {
            "lessons": [
                {"id": "a1", "text": "Läs regionens plan"},
                {"id": "b2", "text": "Våga leda"},
            ],
            "votes": {"t1": 2, "t3": 1},
        },
        {"lessons": [{"id": "a1", "text": "Fråga tidigt"}], "votes": {}},
        {"lessons": [{"id": "x", "text": "+ fler möten"}], "votes": {"t2": 3}},
    ),
    "next_steps": (
        {
            "steps": [
                step("Bjuda in Länsstyrelsen", "Region Skåne", "2017-06-30"),
                step("Ringa kommunerna", "Region Skåne", "2017-04-01"),
            ]
        },
        {"steps": [step("Skriva", "Vinnova", "2017-05-02")]},
        {"steps": [step("=1+1", "Vinnova", "2017-05-02")]},
    ),
}
CONFIGS = {
    "text": {"max_length": 280, "display": "list"},
    "scale": {"min": 1, "max": 5, "labels": {"1": "Inte alls", "5": "Helt"}},
    "lessons": {
        "max_length": 280,
        "max_lessons": 3,
        "dots": 3,
        "themes": ["Definiera mera", "Mod", "Bygg kunskap"],
    },
    "next_steps": {"max_steps": 3, "max_length": 200},
}
PROMPTS = {
    "text": "Vad tar du med dig?",
    "scale": "Hur tydligt är regionens uppdrag?",
    "lessons": "Vad vi lärt",
    "next_steps": "Konkreta steg",
}


@dataclass(frozen=True)
class Exported:
    project_id: int
    session_id: int
    activity_ids: dict[str, int]  # by kind


def make_project(app) -> Exported:
    with app.app_context():
        project = models.Project(name="Exportprojekt – Öst", description="")
        meeting = models.Meeting(
            position=1, title="Träff 1", held_on=date(2017, 3, 1), place="Lund"
        )
        project.meetings.append(meeting)
        live = models.LiveSession(
            meeting=meeting,
            join_code="EXPORT1",
            projector_token="export-projector-token",
            status="ended",
            started_at=FIRST,
            ended_at=LATER,
        )
        db.session.add(project)
        db.session.flush()
        accounts.add_member(project.id, seed.default_leader().id)
        db.session.add(live)
        db.session.flush()
        people = [
            models.Participant(
                session_id=live.id, name=name, organisation=org, anonymous=anonymous
            )
            for name, org, anonymous in PEOPLE
        ]
        db.session.add_all(people)
        ids = {}
        for position, kind in enumerate(ANSWERS):
            row = models.Activity(
                session_id=live.id,
                position=position,
                kind=kind,
                prompt=PROMPTS[kind],
                config=CONFIGS[kind],
                state="closed",
                merges={},
            )
            db.session.add(row)
            db.session.flush()
            ids[kind] = row.id
            subs = [
                models.Submission(
                    activity_id=row.id,
                    participant_id=person.id,
                    answer=answer,
                    hidden=index == 1,  # the second answer was hidden
                    created_at=FIRST,
                    updated_at=LATER if index == 2 else FIRST,
                )
                for index, (person, answer) in enumerate(
                    zip(people, ANSWERS[kind], strict=True)
                )
            ]
            db.session.add_all(subs)
            db.session.flush()
            if kind == "lessons":
                row.merges = _board(subs[0].id, subs[2].id)
        db.session.commit()
        return Exported(project.id, live.id, ids)


def _board(first: int, third: int) -> dict:
    """Voting; "Bygg kunskap" merged into "Mod"; two lessons placed."""
    return {
        "phase": "vote",
        "dots": 3,
        "themes": [
            {"key": "t1", "name": "Definiera mera"},
            {"key": "t2", "name": "Mod"},
            {"key": "t3", "name": "Bygg kunskap"},
        ],
        "merged": {"t3": "t2"},
        "placed": {f"{first}.a1": "t1", f"{first}.b2": "t3", f"{third}.x": "t2"},
    }
