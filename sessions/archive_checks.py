"""Whether every reference inside a project archive resolves.

Local ids are unique in the file among their sort (items, activities,
participants; submissions by number). A programme item's origin and an
activity's item may be anywhere in the project; an answer's or a draft's
activity and participant must be of its own session. The ids the kinds keep in
their own data (sessions/archive_refs.py) must name an activity or an answer of
the project. Each problem names its place in the document.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import archive_refs
from .archive_schema import Project, Session
from .errors import N_

MISSING = "missing_reference"
INVALID = "invalid"


@dataclass(frozen=True)
class Problem:
    """What is wrong (an English msgid with ``params``), and where."""

    path: str
    message: str
    params: dict = field(default_factory=dict)
    code: str = INVALID

    def __str__(self) -> str:
        said = self.message % self.params if self.params else self.message
        return f"{self.path}: {said}"


def _sessions(project: Project) -> Iterator[tuple[Session, str]]:
    for m, meeting in enumerate(project.meetings):
        for s, session in enumerate(meeting.sessions):
            yield session, f"project.meetings[{m}].sessions[{s}]"


def _twice(ids: list[tuple[str, str]]) -> list[Problem]:
    """``(id, path)`` pairs: each id used more than once, at its second use."""
    seen: set[str] = set()
    problems = []
    for local_id, path in ids:
        if local_id in seen:
            problems.append(
                Problem(path, N_("the id %(ref)s is used twice"), {"ref": local_id})
            )
        seen.add(local_id)
    return problems


def _missing(path: str, message: str, ref: object) -> Problem:
    return Problem(path, message, {"ref": ref}, MISSING)


class _Checker:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.problems: list[Problem] = []
        self.items = {
            item.id: item for meeting in project.meetings for item in meeting.items
        }
        self.activities = {
            a.id for session, _ in _sessions(project) for a in session.activities
        }
        self.numbers = {
            sub.number
            for session, _ in _sessions(project)
            for sub in session.submissions
        }

    def run(self) -> list[Problem]:
        self.unique()
        for m, meeting in enumerate(self.project.meetings):
            for i, item in enumerate(meeting.items):
                self.origin(item.id, item.origin, f"project.meetings[{m}].items[{i}]")
        for session, path in _sessions(self.project):
            self.session(session, path)
        return self.problems

    def unique(self) -> None:
        items, activities, participants, numbers = [], [], [], []
        for m, meeting in enumerate(self.project.meetings):
            for i, item in enumerate(meeting.items):
                items.append((item.id, f"project.meetings[{m}].items[{i}].id"))
        for session, path in _sessions(self.project):
            for a, act in enumerate(session.activities):
                activities.append((act.id, f"{path}.activities[{a}].id"))
            for p, person in enumerate(session.participants):
                participants.append((person.id, f"{path}.participants[{p}].id"))
            for n, sub in enumerate(session.submissions):
                numbers.append((str(sub.number), f"{path}.submissions[{n}].number"))
        for ids in (items, activities, participants, numbers):
            self.problems += _twice(ids)

    def origin(self, item_id: str, origin: str | None, path: str) -> None:
        if origin is None:
            return
        if origin not in self.items:
            self.problems.append(
                _missing(f"{path}.origin", N_("no programme item %(ref)s"), origin)
            )
            return
        seen = {item_id}
        while origin is not None and origin in self.items:
            if origin in seen:
                self.problems.append(
                    Problem(f"{path}.origin", N_("the origins go round in a loop"))
                )
                return
            seen.add(origin)
            origin = self.items[origin].origin

    def session(self, session: Session, path: str) -> None:
        own_activities = {a.id: a for a in session.activities}
        people = {p.id for p in session.participants}
        if session.mode == "homework" and len(session.activities) != 1:
            self.problems.append(
                Problem(
                    f"{path}.activities",
                    N_("a homework session holds exactly one activity"),
                )
            )
        current = session.current_activity
        if current is not None and current not in self.activities:
            self.problems.append(
                _missing(
                    f"{path}.current_activity",
                    N_("no activity %(ref)s in this project"),
                    current,
                )
            )
        for a, act in enumerate(session.activities):
            at = f"{path}.activities[{a}]"
            if act.item is not None and act.item not in self.items:
                self.problems.append(
                    _missing(f"{at}.item", N_("no programme item %(ref)s"), act.item)
                )
            if act.series is not None and act.series not in self.items:
                self.problems.append(
                    _missing(
                        f"{at}.series", N_("no programme item %(ref)s"), act.series
                    )
                )
            self.kind_data(act.kind, act.config, archive_refs.config, f"{at}.config")
            self.kind_data(act.kind, act.merges, archive_refs.merges, f"{at}.merges")
            self.kind_data(
                act.kind,
                act.final_snapshot,
                archive_refs.snapshot,
                f"{at}.final_snapshot",
            )
        for name, rows in (
            ("submissions", session.submissions),
            ("drafts", session.drafts),
        ):
            pairs: Counter[tuple[str, str]] = Counter()
            for n, row in enumerate(rows):
                at = f"{path}.{name}[{n}]"
                activity = own_activities.get(row.activity)
                if activity is None:
                    self.problems.append(
                        _missing(
                            f"{at}.activity",
                            N_("no activity %(ref)s in this session"),
                            row.activity,
                        )
                    )
                else:
                    self.kind_data(
                        activity.kind, row.answer, archive_refs.answer, f"{at}.answer"
                    )
                if row.participant not in people:
                    self.problems.append(
                        _missing(
                            f"{at}.participant",
                            N_("no participant %(ref)s in this session"),
                            row.participant,
                        )
                    )
                pairs[row.activity, row.participant] += 1
                if pairs[row.activity, row.participant] == 2:
                    self.problems.append(
                        Problem(
                            at,
                            N_("%(participant)s has a second one for %(activity)s"),
                            {"participant": row.participant, "activity": row.activity},
                        )
                    )

    def kind_data(
        self, kind: str, data: dict | None, rewrite: Callable, path: str
    ) -> None:
        if data is not None:
            rewrite(kind, data, archive_refs.Rewrites(self.answer, self.activity), path)

    def answer(self, number: object, path: str) -> object:
        known = isinstance(number, int) and not isinstance(number, bool)
        if not known or (number != 0 and number not in self.numbers):
            self.problems.append(
                _missing(path, N_("no submission %(ref)s in this project"), number)
            )
        return number

    def activity(self, local_id: object, path: str) -> object:
        if local_id is not None and (
            not isinstance(local_id, str) or local_id not in self.activities
        ):
            self.problems.append(
                _missing(path, N_("no activity %(ref)s in this project"), local_id)
            )
        return local_id


def check_references(project: Project) -> list[Problem]:
    """Every problem with the archive's references, in document order."""
    return _Checker(project).run()
