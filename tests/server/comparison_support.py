"""Träff 1 and Träff 3 of the built-in project run and ended, with answers to
"Vem är du?" (one series) and to Träff 1's scale (a series of one run)."""

from dataclasses import dataclass

from server import live, models
from server.extensions import db

from .archive_support import builtin_project, start


@dataclass(frozen=True)
class Compared:
    project_id: int
    series_id: int  # "Vem är du?"
    traff_1: int  # its run in Träff 1 (activity id)
    traff_3: int  # and in Träff 3
    scale: int  # Träff 1's scale, no run of that series


def run_traff_1_and_3(app) -> Compared:
    """Träff 1: Samordnare 2, Lobbyist 1; Träff 3: Finansiär 2, Samordnare 1."""
    with app.app_context():
        traff_1 = start("Träff 1")
        traff_1.join("Anna", "Region Skåne")
        traff_1.join("Bo", "Vinnova")
        traff_1.open("roles")
        traff_1.answer("Anna", "roles", {"roles": ["Samordnare", "Lobbyist"]})
        traff_1.answer("Bo", "roles", {"roles": ["Samordnare"]})
        traff_1.open("scale")
        traff_1.answer("Anna", "scale", {"value": 2})
        live.end_session(traff_1.row)

        traff_3 = start("Träff 3")
        traff_3.join("Anna", "Region Skåne")
        traff_3.join("Cecilia", "Region Halland")
        traff_3.open("roles")
        traff_3.answer("Anna", "roles", {"roles": ["Samordnare", "Finansiär"]})
        traff_3.answer("Cecilia", "roles", {"roles": ["finansiär"]})
        live.end_session(traff_3.row)
        series_id = db.session.get(models.Activity, traff_1.ids["roles"]).series_id
        return Compared(
            builtin_project().id,
            series_id,
            traff_1.ids["roles"],
            traff_3.ids["roles"],
            traff_1.ids["scale"],
        )
