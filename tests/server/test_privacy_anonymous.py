"""Anonymous activities (docs/privacy.md): the leader marks an item in the
programme editor; its answers are then never shown or exported with a name or
organisation, while one answer per participant and idempotent submits hold."""

import io
from csv import DictReader

from sqlalchemy import select

from server import freeze, live, models, quotes, submit
from server.extensions import db

from .archive_support import start
from .conftest import sign_in
from .editor_support import item_asking, meeting_titled
from .homework_support import actor, assign, others_view

PROMPT = "Vad tar du med dig från lärprojektet?"


def mark_anonymous(app, title="Träff 4", prefix="Vad tar du med dig") -> int:
    with app.app_context():
        item = item_asking(prefix, meeting_titled(title))
        item.config = {**item.config, "anonymous": True}
        db.session.commit()
        return item.id


def run_text(app, *, anonymous: bool):
    """Träff 4's open text answered by Anna (who agreed to be quoted by name)
    and Bo, Anna's answer starred, the session ended."""
    if anonymous:
        mark_anonymous(app)
    with app.app_context():
        run = start("Träff 4")
        run.join("Anna", "Region Skåne", quote_by_name=True)
        run.join("Bo", "Länsstyrelsen")
        run.open("text")
        starred = run.answer("Anna", "text", {"text": "Att mötas lönar sig"})
        run.answer("Bo", "text", {"text": "Mer tid"})
        quotes.star(starred, True)
        row = db.session.get(models.Activity, run.ids["text"])
        _, for_leader = freeze.snapshots(row)
        live.end_session(run.row)
        frozen = db.session.get(models.Activity, run.ids["text"]).final_snapshot
        project_id = run.row.meeting.project_id
        return run, for_leader, frozen, project_id


def test_the_editor_marks_an_item_anonymous_and_a_session_copies_it(app, client):
    sign_in(app, client)
    item_id = mark_anonymous(app)  # then cleared and set again by the form
    with app.app_context():
        db.session.get(models.ProgrammeItem, item_id).config.pop("anonymous")
    form = {"kind": "text", "prompt": PROMPT, "max_length": "280"}
    form["display"] = "cloud"
    saved = client.post(f"/leader/items/{item_id}/edit", data={**form})
    assert saved.status_code == 302
    with app.app_context():
        assert "anonymous" not in db.session.get(models.ProgrammeItem, item_id).config
    saved = client.post(
        f"/leader/items/{item_id}/edit", data={**form, "anonymous": "on"}
    )
    assert saved.status_code == 302
    page = client.get(f"/leader/items/{item_id}/edit?lang=en").text
    assert (
        'name="anonymous"' in page
        and "checked" in page.split('name="anonymous"')[1][:40]
    )
    with app.app_context():
        item = db.session.get(models.ProgrammeItem, item_id)
        assert item.config["anonymous"] is True
        started = live.start_session(item.meeting, allow_anonymous=True)
        (activity,) = [a for a in started.activities if a.item_id == item_id]
        assert activity.config["anonymous"] is True
        assert activity.config["display"] == "cloud"  # the kind's own settings stay


def test_a_status_check_is_refused_anonymity(app, client):
    sign_in(app, client)
    with app.app_context():
        item = next(
            i for i in meeting_titled("Träff 4").items if i.kind == "status_check"
        )
        item_id, before = item.id, dict(item.config)
    response = client.post(
        f"/leader/items/{item_id}/edit?lang=en",
        data={"kind": "status_check", "prompt": item.prompt, "anonymous": "on"},
    )
    assert response.status_code == 400
    assert "needs to know each answer" in response.text
    with app.app_context():
        assert db.session.get(models.ProgrammeItem, item_id).config == before


def test_a_named_activity_shows_who_answered(app):
    """The control: without the mark, names and organisations are there."""
    _run, for_leader, frozen, project_id = run_text(app, anonymous=False)
    assert {s["name"] for s in for_leader["submissions"]} == {"Anna", "Bo"}
    assert "Region Skåne" in repr(frozen)
    with app.app_context():
        (quote,) = quotes.project_quotes(project_id)
        assert quote.signed == "Anna, Region Skåne"


def test_an_anonymous_activity_names_nobody_anywhere(app, client):
    run, for_leader, frozen, project_id = run_text(app, anonymous=True)
    # The console's list of answers, and the frozen outcome of the archive.
    assert [(s["name"], s["organisation"]) for s in for_leader["submissions"]] == [
        ("", ""),
        ("", ""),
    ]
    assert frozen["answer_count"] == 2
    for person in ("Anna", "Bo", "Region Skåne", "Länsstyrelsen"):
        assert person not in repr(frozen)
    with app.test_request_context("/?lang=sv"):
        (quote,) = quotes.project_quotes(project_id)
        assert quote.signed == "Deltagare"  # agreed to be named, but not here
    sign_in(app, client)
    csv = client.get(f"/leader/activities/{run.ids['text']}/export.csv").text
    assert "Att mötas lönar sig" in csv
    for person in ("Anna", "Bo", "Region Skåne", "Länsstyrelsen"):
        assert person not in csv
    report = client.get(f"/projects/{project_id}/report.md").text
    assert "Att mötas lönar sig" in report and "Anna" not in report


def test_an_anonymous_activity_keeps_one_answer_per_participant(app):
    mark_anonymous(app)
    with app.app_context():
        run = start("Träff 4")
        anna = run.join("Anna", "Region Skåne")
        run.open("text")
        args = (anna, run.id, run.ids["text"])
        first = submit.submit(*args, "client-0001", {"text": "Ett"})
        again = submit.submit(*args, "client-0001", {"text": "Ett"})
        assert again.duplicate and again.submission["id"] == first.submission["id"]
        changed = submit.submit(*args, "client-0002", {"text": "Två"})
        assert changed.submission["id"] == first.submission["id"]
        stored = db.session.scalars(
            select(models.Submission).where(
                models.Submission.activity_id == run.ids["text"]
            )
        ).all()
        assert [s.answer for s in stored] == [{"text": "Två"}]


def test_an_anonymous_export_has_no_times_to_match(app, client):
    run, *_ = run_text(app, anonymous=True)
    sign_in(app, client)
    csv = client.get(f"/leader/activities/{run.ids['text']}/export.csv").text
    rows = list(DictReader(io.StringIO(csv.lstrip("\ufeff"))))
    assert [r["text"] for r in rows] == ["Att mötas lönar sig", "Mer tid"]
    assert [r["answered_at"] for r in rows] == ["", ""]


def test_an_anonymous_homeworks_hand_ins_show_no_times_and_no_links(app, client):
    with app.app_context():
        item = db.session.scalar(
            select(models.ProgrammeItem).where(
                models.ProgrammeItem.kind == "others_view"
            )
        )
        item.config = {**item.config, "anonymous": True}
        db.session.commit()
    given = assign(app)
    with app.app_context():
        person = live.join(given.code, "Anna", "Region Skåne", False)
        submit.submit(
            person.id,
            given.id,
            given.activity_id,
            "anna-hemuppgift-1",
            others_view(actor(roles=["Samordnare"])),
        )
        person_id = person.id
    sign_in(app, client)
    page = client.get(
        f"/leader/homework/{given.id}?lang=en&continue_for={person_id}"
    ).text
    status = page.split('class="hand-in-status">', 1)[1].split("</td>", 1)[0]
    assert status.strip() == "Handed in"  # no time to match the exports' rows
    assert "#continue=" not in page  # no participant's token for the leader
    assert f"continue_for={person_id}" not in page
