"""The documentation report as a document model, built from plain data.

It follows the seed booklet: the project, each meeting with its activities'
outcomes, the comparison across meetings, then the lessons ("Vad vi lärt"), the
next steps and the starred quotes. Only ended sessions are in it, each
activity as its outcome was frozen (never recounted); an activity never run is
listed as not run. The server reads the database into ``ProjectData``
(server/report.py); the renderers draw a ``Report`` (report_markdown.py,
templates/report/). See docs/report.md.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .errors import N_
from .programme import kind_label
from .report_blocks import STATUS, Block, Msg, outcome

# --- What the server reads ---------------------------------------------------


@dataclass(frozen=True)
class ActivityData:
    kind: str
    prompt: str
    config: dict
    results: dict | None  # the frozen results; None: never run
    answer_count: int = 0


@dataclass(frozen=True)
class SessionData:
    mode: str  # "meeting" or "homework" (sessions.live.SessionMode)
    ended: bool
    started_on: date
    ended_on: date | None
    activities: tuple[ActivityData, ...]


@dataclass(frozen=True)
class MeetingData:
    title: str
    held_on: date | None
    place: str
    sessions: tuple[SessionData, ...]


@dataclass(frozen=True)
class QuoteData:
    text: str
    signed: str  # "Deltagare" unless its author agreed to be named
    meeting: str
    prompt: str


@dataclass(frozen=True)
class ComparisonData:
    """One series of linked askings compared (sessions/comparison.py)."""

    prompt: str
    kind: str
    runs: tuple[str, ...]  # each run's label, in order
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ProjectData:
    name: str
    description: str
    organisations: tuple[str, ...]
    meetings: tuple[MeetingData, ...]
    quotes: tuple[QuoteData, ...] = ()
    comparisons: tuple[ComparisonData, ...] = ()


# --- The document ------------------------------------------------------------


@dataclass(frozen=True)
class ActivityPart:
    kind: str
    kind_label: str  # an msgid
    prompt: str
    run: bool
    answer_count: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class SessionPart:
    homework: bool
    started_on: date
    ended_on: date | None
    activities: tuple[ActivityPart, ...]


@dataclass(frozen=True)
class MeetingPart:
    title: str
    held_on: date | None
    place: str
    sessions: tuple[SessionPart, ...]
    running: int  # sessions still running, left out


@dataclass(frozen=True)
class Theme:
    name: str
    votes: int
    lessons: tuple[str, ...]


@dataclass(frozen=True)
class LessonsPart:
    meeting: str
    prompt: str
    themes: tuple[Theme, ...]
    unplaced: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    what: str
    organisation: str
    by: str
    status: str | None = None  # an msgid, for a status check's steps


@dataclass(frozen=True)
class StepsPart:
    meeting: str
    prompt: str
    checked: bool  # a status check: the steps carry their status
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Report:
    title: str
    description: str
    organisations: tuple[str, ...]
    meetings: tuple[MeetingPart, ...]
    comparisons: tuple[ComparisonData, ...]
    lessons: tuple[LessonsPart, ...]
    steps: tuple[StepsPart, ...]
    quotes: tuple[QuoteData, ...]


def _activity(data: ActivityData) -> ActivityPart:
    run = data.results is not None
    return ActivityPart(
        kind=data.kind,
        kind_label=kind_label(data.kind),
        prompt=data.prompt,
        run=run,
        answer_count=data.answer_count if run else 0,
        blocks=outcome(data.kind, data.config, data.results) if run else (),
    )


def _lessons(meeting: str, data: ActivityData) -> LessonsPart:
    results = data.results or {}
    themes = tuple(
        Theme(t["name"], t["votes"], tuple(x["text"] for x in t["lessons"]))
        for t in results.get("themes") or []
        if t["lessons"] or t["votes"]
    )
    unplaced = tuple(x["text"] for x in results.get("unplaced") or [])
    return LessonsPart(meeting, data.prompt, themes, unplaced)


# An organisation left out of a frozen outcome (retention, docs/privacy.md).
LEFT_OUT = "–"


def _steps(meeting: str, data: ActivityData) -> StepsPart:
    checked = data.kind == "status_check"
    steps = tuple(
        Step(
            c["what"],
            c["organisation"] or LEFT_OUT,
            c["by"],
            STATUS.get(c.get("status") or "unmarked") if checked else None,
        )
        for c in (data.results or {}).get("commitments") or []
    )
    return StepsPart(meeting, data.prompt, checked, steps)


def build(project: ProjectData) -> Report:
    """The report of ``project``: running sessions are counted, not shown."""
    meetings = []
    lessons: list[LessonsPart] = []
    steps: list[StepsPart] = []
    for meeting in project.meetings:
        ended = [s for s in meeting.sessions if s.ended]
        for session in ended:
            for act in session.activities:
                if act.results is None:
                    continue
                if act.kind == "lessons":
                    lessons.append(_lessons(meeting.title, act))
                elif act.kind in ("next_steps", "status_check"):
                    steps.append(_steps(meeting.title, act))
        meetings.append(
            MeetingPart(
                title=meeting.title,
                held_on=meeting.held_on,
                place=meeting.place,
                sessions=tuple(
                    SessionPart(
                        homework=s.mode == "homework",
                        started_on=s.started_on,
                        ended_on=s.ended_on,
                        activities=tuple(_activity(a) for a in s.activities),
                    )
                    for s in ended
                ),
                running=len(meeting.sessions) - len(ended),
            )
        )
    return Report(
        title=project.name,
        description=project.description,
        organisations=project.organisations,
        meetings=tuple(meetings),
        comparisons=project.comparisons,
        lessons=tuple(part for part in lessons if part.themes or part.unplaced),
        steps=tuple(part for part in steps if part.steps),
        quotes=project.quotes,
    )


# --- Words: how a renderer says things in the reader's language --------------


def _format(message: str, **params: object) -> str:
    return message % params if params else message


@dataclass(frozen=True)
class Words:
    """Translation and date formatting, given by the server (Flask-Babel); the
    defaults keep English msgids and ISO dates, for tests."""

    gettext: Callable[..., str] = _format
    date: Callable[[date], str] = date.isoformat

    def __call__(self, label: Msg | str) -> str:
        if isinstance(label, Msg):
            params = {
                k: self(v) if isinstance(v, Msg) else v for k, v in label.params.items()
            }
            return self.gettext(label.id, **params)
        return self.gettext(label)

    def day(self, value: str) -> str:
        """A date written ``YYYY-MM-DD`` (a step's "by"), formatted."""
        try:
            return self.date(date.fromisoformat(value))
        except ValueError:
            return value


# The report's headings and recurring phrases, for both renderers.
HEADINGS = {
    "meetings": N_("The meetings"),
    "comparisons": N_("Comparison across meetings"),
    "lessons": N_("What we learned"),
    "steps": N_("Next steps"),
    "quotes": N_("Quotes"),
    "members": N_("Member organisations"),
    "homework": N_("Homework"),
    "session": N_("Session"),
    "not_run": N_("Not run."),
    "no_session": N_("No session of this meeting has ended."),
    "unplaced": N_("Not placed in a theme"),
    "status": N_("Status at the next meeting"),
    "no_answers": N_("No answers."),
}
RUNNING = N_("Sessions still running, left out of the report: %(num)d.")
ANSWERS = N_("Answers: %(num)d")
DOTS = N_("Dots: %(num)d")
MEAN = N_("Mean %(mean)s, median %(median)s")
BY = N_("by %(date)s")
