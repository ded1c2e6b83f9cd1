"""A project with a history, for the archive's tests: the built-in programme run
through the server's own functions (no sockets). Träff 3 takes roles and next
steps; the "Andras ögon" homework is answered and drafted; Träff 4 checks the
steps, collects lessons onto the board, takes a starred quote, hides one answer
and merges two roles."""

from datetime import timedelta

from sqlalchemy import func, select

from server import control, homework, lessons, live, models, quotes, submit
from server.extensions import db
from server.timeutil import utcnow

from .homework_support import actor, others_view

TABLES = (
    models.Project,
    models.Organisation,
    models.Meeting,
    models.ProgrammeItem,
    models.LiveSession,
    models.Activity,
    models.Participant,
    models.Submission,
    models.Draft,
)


def counts() -> dict[str, int]:
    """Rows in each of the project's tables (inside an app context)."""
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in TABLES
    }


def builtin_project() -> models.Project:
    return db.session.scalar(select(models.Project).order_by(models.Project.id))


class Run:
    """One session, answered through the server's functions."""

    def __init__(self, started: models.LiveSession) -> None:
        self.id = started.id
        self.code = started.join_code
        self.ids = {a.kind: a.id for a in started.activities}
        self.people: dict[str, int] = {}

    @property
    def row(self) -> models.LiveSession:
        return db.session.get(models.LiveSession, self.id)

    def join(self, name: str, organisation: str, **extra: object) -> int:
        person = live.join(
            self.code, name, organisation, extra.pop("anonymous", False), **extra
        )
        self.people[name] = person.id
        return person.id

    def answer(self, name: str, kind: str, value: dict) -> int:
        accepted = submit.submit(
            self.people[name],
            self.id,
            self.ids[kind],
            f"{self.id}-{name}-{kind}",
            value,
        )
        return accepted.submission["id"]

    def open(self, kind: str) -> None:
        control.open_activity(self.row, self.ids[kind], None)

    def close(self, kind: str) -> None:
        control.close_activity(self.row, self.ids[kind])


def start(title: str) -> Run:
    meeting = db.session.scalar(
        select(models.Meeting).where(models.Meeting.title == title)
    )
    return Run(live.start_session(meeting, allow_anonymous=True))


def step(what: str, organisation: str) -> dict:
    return {"what": what, "organisation": organisation, "by": "2017-05-01"}


def run_history(app) -> int:
    """Run Träff 3, the homework and Träff 4, all ended; the project's id."""
    with app.app_context():
        traff_3 = start("Träff 3")
        traff_3.join("Anna", "Region Skåne", quote_by_name=True)
        traff_3.join("Bo", "Länsstyrelsen Skåne")
        traff_3.open("roles")
        traff_3.answer("Anna", "roles", {"roles": ["Samordnare", "Finansiär"]})
        traff_3.answer("Bo", "roles", {"roles": ["samordnare"]})
        traff_3.open("next_steps")  # closes the roles, freezing them
        traff_3.answer(
            "Anna", "next_steps", {"steps": [step("Bjud in", "Region Skåne")]}
        )
        traff_3.answer(
            "Bo", "next_steps", {"steps": [step("Kartlägg", "Länsstyrelsen")]}
        )
        live.end_session(traff_3.row)

        item = db.session.scalar(
            select(models.ProgrammeItem).where(
                models.ProgrammeItem.kind == "others_view"
            )
        )
        assigned = homework.assign(
            item, utcnow() + timedelta(days=14), allow_anonymous=True
        )
        task = Run(assigned)
        task.join("Cecilia", "Region Halland")
        task.join("David", "Region Halland")
        view = others_view(
            actor("Länsstyrelsen", "Länsstyrelsen Skåne", ["Samordnare"], 3)
        )
        homework.save_draft(
            task.people["Cecilia"], task.id, task.ids["others_view"], view
        )
        task.answer("Cecilia", "others_view", view)
        homework.save_draft(
            task.people["David"], task.id, task.ids["others_view"], {"actors": []}
        )
        live.end_session(task.row)

        traff_4 = start("Träff 4")
        traff_4.join("Anna", "Region Skåne", quote_by_name=True)
        traff_4.join("Bo", "Länsstyrelsen")
        traff_4.join("", "Region Halland", anonymous=True)
        (key,) = [
            c["key"]
            for c in traff_4.row.activities[0].config["commitments"]
            if c["organisation"] == "Region Skåne"
        ]
        traff_4.open("status_check")
        traff_4.answer("Anna", "status_check", {"marks": {key: "done"}})
        traff_4.open("lessons")
        lesson = {"lessons": [{"id": "l1", "text": "Möten bär"}], "votes": {}}
        sub = traff_4.answer("Anna", "lessons", lesson)
        traff_4.answer("Bo", "lessons", {"lessons": [{"id": "x", "text": "Våga"}]})
        lessons.edit_board(
            traff_4.row,
            traff_4.ids["lessons"],
            "place_lesson",
            {"lesson": f"{sub}.l1", "theme": "t1"},
        )
        traff_4.open("roles")
        traff_4.answer("Anna", "roles", {"roles": ["Samordnare"]})
        traff_4.answer("Bo", "roles", {"roles": ["Samordnar"]})
        control.merge_words(
            traff_4.row, traff_4.ids["roles"], "samordnar", "samordnare"
        )
        traff_4.open("text")
        quote = traff_4.answer("Anna", "text", {"text": "Det viktiga är att göra!"})
        hidden = traff_4.answer("Bo", "text", {"text": "Dumheter"})
        quotes.star(quote, True)
        control.hide_submission(traff_4.row, hidden, True)
        traff_4.open("scale")
        traff_4.answer("Bo", "scale", {"value": 4})
        traff_4.open("choice")
        traff_4.answer("", "choice", {"choices": ["Ja"]})
        control.reveal_activity(traff_4.row, traff_4.ids["choice"])
        live.end_session(traff_4.row)
        return builtin_project().id
