"""Assigning homework in server tests, and answers of both homework kinds."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from server import homework, models
from server.extensions import db
from server.timeutil import utcnow


@dataclass
class Assigned:
    id: int
    code: str
    activity_id: int


def assign(app, kind: str = "others_view", days: int = 14) -> Assigned:
    """Assign the built-in programme's homework of ``kind``."""
    with app.app_context():
        item = db.session.scalar(
            select(models.ProgrammeItem).where(models.ProgrammeItem.kind == kind)
        )
        live = homework.assign(
            item, utcnow() + timedelta(days=days), allow_anonymous=True
        )
        return Assigned(live.id, live.join_code, live.activities[0].id)


def others_view(*actors: dict) -> dict:
    return {"actors": list(actors)}


def actor(kind="Länsstyrelsen", name="", roles=(), size=None, quote="") -> dict:
    return {
        "kind": kind,
        "name": name,
        "roles": list(roles),
        "size": size,
        "quote": quote,
    }


def actor_map(region="Region Skåne", actors=(), relations=()) -> dict:
    return {
        "region": region,
        "actors": [
            {"name": name, "areas": [{"area": a, "mode": m} for a, m in areas]}
            for name, areas in actors
        ],
        "relations": [
            {"from": f, "to": t, "type": kind, "clear": clear}
            for f, t, kind, clear in relations
        ],
    }
