"""A project whose every user-typed text is hostile, for tests/browser/test_xss.py.

Made through the server's own functions on the running server's database, as
test_review.py does. Each text carries markup that would run (or break out of a
JSON block) if a page put it in unescaped, a template expression and a
``javascript:`` URL."""

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from server import (
    accounts,
    annotations,
    control,
    homework,
    lessons,
    live,
    models,
    quotes,
    review_links,
    seed,
    tokens,
)
from server.extensions import db
from server.published import set_published
from server.timeutil import utcnow
from tests.conftest import make_app
from tests.server.archive_support import Run, builtin_project, start
from tests.server.homework_support import actor, actor_map, others_view
from tests.support.server_process import ServerProcess

# Within 65 characters: a participant's name takes 80.
HOSTILE = '"><img src=x onerror=__xss=1>{{7*7}}</script><svg onload=__xss=1>'
# Within 60: roles, kinds of actor, scale labels.
SHORT = "<svg/onload=__xss=1>{{6*7}}<script>__xss=1</script>"
JS_URL = "javascript:__xss=1"


def said(tag: str) -> str:
    """A hostile text that says where it was typed, so a page can be checked for it."""
    return f"{tag} {HOSTILE}"


@dataclass
class History:
    project_id: int = 0
    running_id: int = 0  # Träff 1, running, roles open and revealed
    running_code: str = ""
    projector_token: str = ""
    phone_token: str = ""
    ended_ids: list[int] = field(default_factory=list)
    ended_code: str = ""  # Träff 4: an outcome is published there
    ended_token: str = ""
    homework_ids: list[int] = field(default_factory=list)
    homework: list[tuple[str, str]] = field(default_factory=list)  # (code, token)
    meeting_ids: list[int] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)
    review_token: str = ""


def poison_project() -> models.Project:
    """Hostile names, organisation, catalogue words, prompts and options."""
    project = builtin_project()
    project.name = said("Project")
    project.description = f"{JS_URL} {said('Theme')}"
    db.session.add(
        models.Organisation(project_id=project.id, name=said("Org"), kind="region")
    )
    from sessions.project import catalogues

    words = catalogues(project.catalogues)
    project.catalogues = {
        "roles": [*words["roles"], SHORT],
        "actors": [*words["actors"], SHORT],
        "areas": [*words["areas"], said("Area")],
        "themes": [*words["themes"], said("Catalogue theme")],
    }
    for meeting in project.meetings:
        meeting.place = said("Place")
        for item in meeting.items:
            item.prompt = f"{item.prompt} {said('Prompt')}"
            config = dict(item.config)
            if "options" in config:
                config["options"] = [*config["options"], said("Option")]
            if "labels" in config:
                config["labels"] = {"1": SHORT, "5": JS_URL}
            item.config = config
    db.session.commit()
    return project


def participant_token(run: Run, name: str) -> str:
    return tokens.participant_token(
        db.session.get(models.Participant, run.people[name])
    )


NAME = said("Name")[:80]
ORG = said("Org")


def run_meetings(made: History) -> None:
    """Träff 1 stays running; Träff 3 and 4 are answered and ended."""
    first = start("Träff 1")
    first.join(NAME, ORG, quote_by_name=True)
    first.open("roles")
    first.answer(NAME, "roles", {"roles": [SHORT, "Samordnare"]})
    control.reveal_activity(first.row, first.ids["roles"])
    made.running_id, made.running_code = first.id, first.code
    made.projector_token = first.row.projector_token
    made.phone_token = participant_token(first, NAME)

    third = start("Träff 3")
    third.join(NAME, ORG)
    third.open("roles")
    third.answer(NAME, "roles", {"roles": [SHORT]})
    third.open("next_steps")
    step = {"what": said("Step"), "organisation": ORG, "by": "2017-05-01"}
    third.answer(NAME, "next_steps", {"steps": [step]})
    live.end_session(third.row)

    fourth = start("Träff 4")
    fourth.join(NAME, ORG, quote_by_name=True)
    fourth.open("status_check")
    fourth.open("lessons")
    lesson = {"lessons": [{"id": "l1", "text": said("Lesson")}], "votes": {}}
    fourth.answer(NAME, "lessons", lesson)
    lessons.edit_board(
        fourth.row, fourth.ids["lessons"], "add_theme", {"name": said("Board theme")}
    )
    fourth.open("roles")
    fourth.answer(NAME, "roles", {"roles": [SHORT]})
    fourth.open("text")
    quote = fourth.answer(NAME, "text", {"text": said("Quote")})
    quotes.star(quote, True)
    fourth.open("choice")
    fourth.answer(NAME, "choice", {"choices": [said("Option")]})
    live.end_session(fourth.row)
    for kind in ("text", "roles", "lessons"):
        set_published(db.session.get(models.Activity, fourth.ids[kind]), True)
    leader_id = seed.default_leader().id
    annotations.add(
        db.session.get(models.Activity, fourth.ids["text"]),
        leader_id,
        said("Annotation"),
    )
    made.ended_ids = [third.id, fourth.id]
    made.ended_code = fourth.code
    made.ended_token = participant_token(fourth, NAME)


def assign_homework(made: History) -> None:
    """Both homework kinds, answered and drafted with hostile words."""
    due = utcnow() + timedelta(days=14)
    answers = {
        "others_view": others_view(
            actor(SHORT, said("Actor"), [SHORT, "Samordnare"], 3, said("Said"))
        ),
        "actor_map": actor_map(
            ORG,
            [(said("Actor"), [(said("Area"), "leads")]), ("Länsstyrelsen", [])],
            [(said("Actor"), "Länsstyrelsen", "finansiering", False)],
        ),
    }
    for kind, answer in answers.items():
        item = db.session.scalar(
            select(models.ProgrammeItem).where(models.ProgrammeItem.kind == kind)
        )
        task = Run(homework.assign(item, due, allow_anonymous=True))
        task.join(NAME, ORG)
        task.answer(NAME, kind, answer)
        made.homework_ids.append(task.id)
        made.homework.append((task.code, participant_token(task, NAME)))


def make_history(server: ServerProcess) -> History:
    app = make_app(f"sqlite:///{server.instance / 'mellanrum.db'}")
    # Tokens made here must be the server's: signed with its key.
    app.config["SECRET_KEY"] = server.env()["SECRET_KEY"]
    made = History()
    with app.app_context():
        project = poison_project()
        made.project_id = project.id
        run_meetings(made)
        assign_homework(made)
        leader_id = seed.default_leader().id
        _, made.review_token = review_links.create(project.id, leader_id, said("Label"))
        # A co-leader: the project's leaders page lists the name and email.
        co_leader = accounts.create_leader(said("Leader"), f"x{SHORT}@example.org")
        accounts.add_member(project.id, co_leader.id)
        db.session.commit()
        project = db.session.get(models.Project, made.project_id)
        for meeting in project.meetings:
            made.meeting_ids.append(meeting.id)
            made.item_ids += [item.id for item in meeting.items]
            meeting.title = f"{meeting.title} {SHORT}"
        db.session.commit()
        db.engine.dispose()
    return made
