"""Retention (docs/privacy.md): `mellanrum apply-retention` removes the
personal data of sessions that ended RETENTION_MONTHS ago, and their archive
still shows every frozen outcome with its counts."""

from datetime import timedelta

from sqlalchemy import select

from server import models
from server.extensions import db
from server.timeutil import utcnow

from .archive_support import run_history
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
    assert frozen(app, old) == outcomes_before
    archive_after = client.get(f"/archive/{old}?lang=en").text
    assert "2 answers" in archive_after and "Samordnare" in archive_after
    assert "Anna" in archive_before and "Anna" not in archive_after
    assert client.get(f"/projects/{project_id}/report.md?lang=en").text == (
        report_before
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
