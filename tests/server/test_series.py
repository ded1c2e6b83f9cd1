"""Activity.series_id: set when a session starts, re-keyed when the first
asking is removed so old and new runs still compare, dissolved when no item of
the series is left."""

from sqlalchemy import select

from server import comparison, live, models, programme
from server.extensions import db

from .archive_support import builtin_project, start
from .comparison_support import run_traff_1_and_3


def item(title: str, kind: str) -> models.ProgrammeItem:
    return db.session.scalar(
        select(models.ProgrammeItem)
        .join(models.Meeting)
        .where(models.Meeting.title == title, models.ProgrammeItem.kind == kind)
    )


def series_of(activity_id: int) -> int | None:
    return db.session.get(models.Activity, activity_id).series_id


def test_starting_a_session_sets_the_series(app):
    with app.app_context():
        roles_1, roles_3 = item("Träff 1", "roles"), item("Träff 3", "roles")
        assert roles_3.origin_id == roles_1.id
        traff_1, traff_3 = start("Träff 1"), start("Träff 3")
        # Träff 3's "Vem är du?" joins Träff 1's series, its first asking.
        assert series_of(traff_1.ids["roles"]) == roles_1.id
        assert series_of(traff_3.ids["roles"]) == roles_1.id
        # An item asked once is a series of its own.
        assert series_of(traff_1.ids["scale"]) == item("Träff 1", "scale").id
        assert series_of(traff_3.ids["next_steps"]) == item("Träff 3", "next_steps").id


def test_removing_the_first_asking_rekeys_the_series_to_the_first_copy(app):
    compared = run_traff_1_and_3(app)
    with app.app_context():
        roles_3, roles_4 = item("Träff 3", "roles"), item("Träff 4", "roles")
        programme.remove_item(item("Träff 1", "roles"))
        assert roles_3.origin_id is None and roles_4.origin_id == roles_3.id
        # Both past runs now belong to Träff 3's item, as will Träff 4's.
        assert series_of(compared.traff_1) == roles_3.id
        assert series_of(compared.traff_3) == roles_3.id
        traff_4 = start("Träff 4")
        traff_4.join("Bo", "Vinnova")
        traff_4.open("roles")
        traff_4.answer("Bo", "roles", {"roles": ["Lobbyist"]})
        live.end_session(traff_4.row)
        assert series_of(traff_4.ids["roles"]) == roles_3.id

        (series,) = comparison.project_series(builtin_project().id)
        assert series.series_id == roles_3.id
        assert [r.label for r in series.runs] == ["Träff 1", "Träff 3", "Träff 4"]
        runs = comparison.runs_for(builtin_project().id, roles_3.id, None)
        assert [r.activity_id for r in runs] == [
            compared.traff_1,
            compared.traff_3,
            traff_4.ids["roles"],
        ]
        # The old key is gone: nothing answers to it any more.
        assert not any(
            s.series_id == compared.series_id
            for s in comparison.project_series(builtin_project().id)
        )


def test_removing_an_item_without_copies_dissolves_its_series(app):
    compared = run_traff_1_and_3(app)
    with app.app_context():
        scale = item("Träff 1", "scale")
        assert series_of(compared.scale) == scale.id
        programme.remove_item(scale)
        assert series_of(compared.scale) is None
        # Removing a copy leaves the series to the items that remain.
        programme.remove_item(item("Träff 3", "roles"))
        assert series_of(compared.traff_3) == compared.series_id
        assert series_of(compared.traff_1) == compared.series_id
