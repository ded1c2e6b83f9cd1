"""Retention (docs/privacy.md): `mellanrum apply-retention` removes the
personal data of sessions that ended RETENTION_MONTHS ago, and their archive
still shows every frozen outcome with its counts."""

from datetime import timedelta

from sqlalchemy import select

from server import live, models
from server.exports import member_organisations
from server.extensions import db
from server.timeutil import utcnow
from sessions.privacy import members_only

from .archive_support import run_history, start
from .conftest import sign_in


def sessions_by_title(project_id: int) -> dict[str, models.LiveSession]:
    rows = db.session.scalars(
        select(models.LiveSession)
        .join(models.Meeting)
        .where(models.Meeting.project_id == project_id)
    )
    return {f"{row.meeting.title}:{row.mode}": row for row in rows}


def people(session_id: int) -> list[tuple]:
    return [
        (p.name, p.organisation, p.anonymous, p.quote_by_name)
        for p in db.session.scalars(
            select(models.Participant)
            .where(models.Participant.session_id == session_id)
            .order_by(models.Participant.id)
        )
    ]


def age(app, project_id: int, days: int, *keys: str) -> dict[str, int]:
    """End the named sessions ``days`` ago; every session's id by its key."""
    with app.app_context():
        found = sessions_by_title(project_id)
        for key in keys:
            found[key].ended_at = utcnow() - timedelta(days=days)
        db.session.commit()
        return {key: row.id for key, row in found.items()}


def apply(app, months: int | None):
    app.config["RETENTION_MONTHS"] = months
    return app.test_cli_runner().invoke(args=["mellanrum", "apply-retention"])


def frozen(app, session_id: int) -> list:
    with app.app_context():
        row = db.session.get(models.LiveSession, session_id)
        return [a.final_snapshot for a in row.activities]


def test_old_sessions_lose_names_and_keep_their_outcomes(app, client):
    project_id = run_history(app)
    homework_key = next(k for k in age(app, project_id, 0) if k.endswith(":homework"))
    ids = age(app, project_id, 400, "Träff 3:meeting", homework_key)
    old, recent = ids["Träff 3:meeting"], ids["Träff 4:meeting"]
    sign_in(app, client)
    archive_before = client.get(f"/archive/{old}?lang=en").text
    report_before = client.get(f"/projects/{project_id}/report.md?lang=en").text
    outcomes_before = frozen(app, old)
    with app.app_context():
        recent_people = people(recent)
        assert ("Anna", "Region Skåne", False, True) in people(old)

    done = apply(app, 12)
    assert done.exit_code == 0, done.output
    assert "4 participants" in done.output  # Anna and Bo, Cecilia and David

    with app.app_context():
        assert people(old) == [("", "", True, False)] * 2
        assert people(ids[homework_key]) == [("", "", True, False)] * 2
        assert people(recent) == recent_people  # ended too lately
        assert db.session.scalars(select(models.Draft)).all() == []
        answers = db.session.scalars(
            select(models.Submission)
            .join(models.Participant)
            .where(models.Participant.session_id == old)
        ).all()
        assert len(answers) == 4  # kept, tied to no one
    # The outcomes keep their counts; only organisations that are no member of
    # the project ("Länsstyrelsen Skåne" here) may have named someone, and go.
    with app.app_context():
        members = member_organisations(project_id)
    assert frozen(app, old) == [members_only(o, members) for o in outcomes_before]
    assert frozen(app, old) != outcomes_before
    archive_after = client.get(f"/archive/{old}?lang=en").text
    assert "2 answers" in archive_after and "Samordnare" in archive_after
    assert "Anna" in archive_before and "Anna" not in archive_after
    # The same report, but for the step of an organisation that is no member.
    assert client.get(f"/projects/{project_id}/report.md?lang=en").text == (
        report_before.replace("- Länsstyrelsen: 1\n", "- –: 1\n").replace(
            "— Länsstyrelsen, by May 1, 2017\n", "— –, by May 1, 2017\n"
        )
    )
    # Again: nothing is left to remove.
    assert "0 participants" in apply(app, 12).output


def test_without_a_setting_nothing_is_removed(app):
    project_id = run_history(app)
    ids = age(app, project_id, 4000, "Träff 3:meeting")
    with app.app_context():
        before = people(ids["Träff 3:meeting"])
    for months in (None, 0):
        done = apply(app, months)
        assert done.exit_code == 0 and "nothing removed" in done.output
    with app.app_context():
        assert people(ids["Träff 3:meeting"]) == before


def test_a_typed_organisation_leaves_old_outcomes_and_forgotten_sessions_too(app):
    """An organisation no member of the project may name its one person; a
    session never ended is cleared once it began long enough ago."""
    with app.app_context():
        old = start("Träff 1")
        old.join("Ensam Person", "Byns Syförening")
        old.open("roles")
        old.answer("Ensam Person", "roles", {"roles": ["Samordnare"]})
        live.end_session(old.row)
        old_id = old.id
        forgotten = start("Träff 2")
        forgotten.join("Glömd Person", "Region Skåne")
        forgotten_id = forgotten.id
        for row in (db.session.get(models.LiveSession, old_id),):
            row.ended_at = utcnow() - timedelta(days=400)
        db.session.get(models.LiveSession, forgotten_id).started_at = utcnow() - (
            timedelta(days=400)
        )
        db.session.commit()
    assert "Byns Syförening" in str(frozen(app, old_id))
    done = apply(app, 12)
    assert done.exit_code == 0, done.output
    outcome = str(frozen(app, old_id))
    assert "Byns Syförening" not in outcome and "Samordnare" in outcome
    with app.app_context():
        assert people(forgotten_id) == [("", "", True, False)]
