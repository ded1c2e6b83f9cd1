"""The built-in project as the data file describes it, loaded into the database."""

from sqlalchemy import select

from server import live, models
from server.extensions import db
from sessions.catalogue import ROLES


def _meeting(title: str) -> models.Meeting:
    return db.session.scalar(
        select(models.Meeting).where(models.Meeting.title == title)
    )


def test_vem_ar_du_in_traff_3_and_4_is_linked_to_traff_1(app):
    with app.app_context():
        first = _meeting("Träff 1").items[0]
        assert first.kind == "roles" and first.origin_id is None
        again = [
            item
            for title in ("Träff 3", "Träff 4")
            for item in _meeting(title).items
            if item.kind == "roles"
        ]
        assert [item.origin_id for item in again] == [first.id, first.id]


def test_the_members_keep_their_kinds(app):
    with app.app_context():
        kinds = {
            o.name: o.kind
            for o in db.session.scalars(select(models.Organisation))
            if o.kind != "region"
        }
        assert kinds == {
            "Vinnova": "agency",
            "SKL": "partner",
            "Tillväxtverket": "agency",
        }


def test_a_session_offers_the_projects_catalogue_and_remembers_its_item(app):
    with app.app_context():
        meeting = _meeting("Träff 1")
        item = meeting.items[0]
        assert "catalogue" not in item.config  # the project's fills it
        started = live.start_session(meeting, allow_anonymous=True)
        activity = started.activities[0]
        assert activity.config["catalogue"] == list(ROLES)
        assert activity.item_id == item.id

        meeting.project.catalogues = {"roles": ["Nav", "Mäklare"]}
        db.session.commit()
        again = live.start_session(meeting, allow_anonymous=True)
        assert again.activities[0].config["catalogue"] == ["Nav", "Mäklare"]
