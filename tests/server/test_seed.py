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


def test_traff_4_checks_on_the_steps_taken_at_traff_3(app):
    with app.app_context():
        traff_3 = live.start_session(_meeting("Träff 3"), allow_anonymous=True)
        steps = next(a for a in traff_3.activities if a.kind == "next_steps")
        someone = models.Participant(
            session_id=traff_3.id, name="Ann", organisation="Region Skåne"
        )
        db.session.add(someone)
        db.session.flush()
        answer = {
            "steps": [
                {
                    "what": "Bjud in Länsstyrelsen",
                    "organisation": "Region Skåne",
                    "by": "2017-04-01",
                }
            ]
        }
        db.session.add(
            models.Submission(
                activity_id=steps.id, participant_id=someone.id, answer=answer
            )
        )
        live.end_session(traff_3)

        traff_4 = live.start_session(_meeting("Träff 4"), allow_anonymous=True)
        check = traff_4.activities[0]
        assert check.kind == "status_check"
        assert [
            (c["what"], c["organisation"]) for c in check.config["commitments"]
        ] == [("Bjud in Länsstyrelsen", "Region Skåne")]
