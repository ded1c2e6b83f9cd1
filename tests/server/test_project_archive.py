"""The project archive on the server: a project with a history exported, imported
into an empty instance on the other database engine and exported again gives
the same document; an instance that holds the project refuses it or makes a
copy; a failed import leaves nothing; a running session comes in ended."""

import json

import pytest
from sqlalchemy import select

from server import models, quotes
from server.extensions import db
from server.project_archive import copy_name, export, import_archive
from sessions.archive_format import ArchiveError, read
from sessions.live import JOIN_CODE_LENGTH
from tests.conftest import make_app

from .archive_support import builtin_project, counts, run_history, start


@pytest.fixture
def other_app(request, app, tmp_path):
    """A second instance, empty, on the other database engine than ``app``."""
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        url = request.getfixturevalue("postgres_url")
    else:
        url = f"sqlite:///{tmp_path / 'other.db'}"
    other = make_app(url)
    with other.app_context():
        db.session.delete(builtin_project())  # loaded on start-up
        db.session.commit()
    yield other
    with other.app_context():
        db.engine.dispose()


def without_time(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


def sessions_of(document: dict) -> list[dict]:
    return [s for m in document["project"]["meetings"] for s in m["sessions"]]


def test_a_project_comes_back_the_same_in_an_empty_instance(app, other_app):
    project_id = run_history(app)
    with app.app_context():
        first = export(db.session.get(models.Project, project_id))
        codes = list(db.session.scalars(select(models.LiveSession.join_code)))
    text = json.dumps(first, ensure_ascii=False)
    assert [len(s["submissions"]) for s in sessions_of(first)] == [1, 4, 9]
    assert "join_code" not in text and "projector_token" not in text
    assert not any(code in text for code in codes)
    read(text.encode())  # what the export writes, the import reads

    with other_app.app_context():
        assert counts()["Project"] == 0
        imported = import_archive(json.loads(text), as_copy=False)
        second = export(imported)
        check_the_ids_inside_the_kinds_data(imported)
        (quote,) = quotes.project_quotes(imported.id)
        assert (quote.text, quote.signed) == (
            "Det viktiga är att göra!",
            "Anna, Region Skåne",
        )
    assert without_time(second) == without_time(first)


def activities(project: models.Project, title: str) -> dict[str, models.Activity]:
    """A meeting's activities by kind (its one session's)."""
    return {
        row.kind: row
        for meeting in project.meetings
        if meeting.title == title
        for live in meeting.live_sessions
        for row in live.activities
    }


def check_the_ids_inside_the_kinds_data(project: models.Project) -> None:
    """The new rows' ids where the kinds keep ids: the board's lesson, the
    status check's steps, each frozen outcome's activity."""
    rows = activities(project, "Träff 4")
    frozen = [r for r in rows.values() if r.final_snapshot is not None]
    assert len(frozen) == 6
    assert all(r.final_snapshot["activity_id"] == r.id for r in frozen)
    (placed,) = rows["lessons"].merges["placed"]
    sub = db.session.get(models.Submission, int(placed.split(".")[0]))
    assert (sub.activity_id, sub.answer["lessons"][0]["text"]) == (
        rows["lessons"].id,
        "Möten bär",
    )
    check = rows["status_check"]
    keys = [c["key"] for c in check.config["commitments"]]
    steps = [db.session.get(models.Submission, int(k.split(".")[0])) for k in keys]
    next_steps = activities(project, "Träff 3")["next_steps"]
    assert {s.activity_id for s in steps} == {next_steps.id}
    assert [s.participant.organisation for s in steps] == [
        "Länsstyrelsen Skåne",
        "Region Skåne",
    ]
    (marked,) = db.session.scalars(
        select(models.Submission).where(models.Submission.activity_id == check.id)
    )
    assert marked.answer == {"marks": {keys[1]: "done"}}
    outcome = check.final_snapshot["results"]["commitments"]
    assert [(c["key"], c["status"]) for c in outcome] == [
        (keys[0], "unmarked"),
        (keys[1], "done"),
    ]


def test_an_instance_that_holds_the_project_refuses_it_or_makes_a_copy(app):
    with app.app_context():
        document = export(builtin_project())
        before = counts()
        with pytest.raises(ArchiveError) as refused:
            import_archive(document, as_copy=False)
        assert refused.value.code == "already_present"
        assert counts() == before

        copy = import_archive(document, as_copy=True)
        name = document["project"]["name"]
        assert copy.name == copy_name(name) != name
        again = export(copy)
        assert again["project"]["key"] != document["project"]["key"]
        for part in ("key", "name", "created_at"):
            del again["project"][part], document["project"][part]
        assert without_time(again) == without_time(document)
        # Not held (any more): "as a copy" imports it under its own name.
        copied, copy_name_ = export(copy), copy.name
        db.session.delete(copy)
        db.session.commit()
        assert import_archive(copied, as_copy=True).name == copy_name_


def test_a_copys_name_stays_within_the_column(app):
    with app.test_request_context("/?lang=en"):
        assert copy_name("Norrland") == "Norrland (copy)"
        long = copy_name("x" * 200)
        assert len(long) == 200 and long.endswith(" (copy)")


def test_a_failed_import_leaves_nothing_half_imported(app, monkeypatch):
    run_history(app)
    with app.app_context():
        document = export(builtin_project())
        before = counts()

    def fail(self) -> None:  # the last step, after every row was written
        assert counts()["Submission"] > before["Submission"]
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("server.archive_import.Importer.end_running", fail)
    with app.app_context():
        with pytest.raises(RuntimeError):
            import_archive(document, as_copy=True)
        assert counts() == before
    with app.app_context():
        assert counts() == before


def test_a_bad_archive_is_refused_before_anything_is_written(app):
    with app.app_context():
        document = export(builtin_project())
        document["project"]["meetings"][0]["items"][0]["origin"] = "i999"
        before = counts()
        with pytest.raises(ArchiveError) as refused:
            import_archive(document, as_copy=True)
        assert refused.value.code == "missing_reference"
        assert str(refused.value.problems[0]) == (
            "project.meetings[0].items[0].origin: no programme item i999"
        )
        assert counts() == before


def test_a_running_session_is_imported_ended_with_its_outcome_frozen(app):
    with app.app_context():
        traff_1 = start("Träff 1")
        traff_1.join("Anna", "Region Skåne")
        traff_1.open("roles")
        traff_1.answer("Anna", "roles", {"roles": ["Samordnare"]})
        document = export(builtin_project())
        (running,) = sessions_of(document)
        assert (running["status"], running["ended_at"]) == ("running", None)

        copy = import_archive(document, as_copy=True)
        (live,) = [s for m in copy.meetings for s in m.live_sessions]
        assert live.status == "ended"
        assert live.ended_at.isoformat() + "Z" == document["exported_at"]
        roles, scale = live.activities[:2]
        assert roles.state == "closed"
        assert roles.final_snapshot["activity_id"] == roles.id
        assert roles.final_snapshot["answer_count"] == 1
        assert (scale.state, scale.final_snapshot) == ("draft", None)
        # never a code a live session draws
        assert len(live.join_code) > JOIN_CODE_LENGTH


def test_published_outcomes_and_series_come_back(app, other_app):
    """A published outcome stays published, and a run whose item was removed
    keeps comparing with the other runs of its series after the import."""
    from server import programme

    project_id = run_history(app)
    with app.app_context():
        roles_3, roles_4 = db.session.scalars(
            select(models.Activity)
            .where(models.Activity.kind == "roles")
            .order_by(models.Activity.id)
        ).all()
        assert roles_3.series_id == roles_4.series_id is not None
        roles_4.published = True
        db.session.commit()
        # Träff 3's "Vem är du?" goes from the programme; its run stays.
        programme.remove_item(db.session.get(models.ProgrammeItem, roles_3.item_id))
        document = export(db.session.get(models.Project, project_id))
    with other_app.app_context():
        imported = import_archive(document, as_copy=False)
        runs = db.session.scalars(
            select(models.Activity)
            .where(models.Activity.kind == "roles")
            .order_by(models.Activity.id)
        ).all()
        assert [run.published for run in runs] == [False, True]
        assert runs[0].item_id is None
        assert runs[0].series_id == runs[1].series_id is not None
        series_item = db.session.get(models.ProgrammeItem, runs[0].series_id)
        assert series_item.meeting.project_id == imported.id
