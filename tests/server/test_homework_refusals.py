"""Bad homework answers over the socket: a clear error, and nothing stored."""

import pytest
from sqlalchemy import func, select

from server import models
from server.extensions import db

from .conftest import call
from .homework_support import actor, actor_map, assign, others_view
from .test_homework import homework_phone

TWO = [("Länsstyrelsen", [("Boende", "leads")]), ("Kommunerna", [])]

BAD_MAPS = {
    "unknown_actor": actor_map(
        actors=TWO, relations=[("Länsstyrelsen", "Migrationsverket", "uppdrag", True)]
    ),
    "self_relation": actor_map(
        actors=TWO, relations=[("Kommunerna", "kommunerna ", "samverkan", True)]
    ),
    "duplicate_relation": actor_map(
        actors=TWO,
        relations=[
            ("Länsstyrelsen", "Kommunerna", "samverkan", True),
            ("Kommunerna", "Länsstyrelsen", "samverkan", False),
        ],
    ),
    "duplicate_actor": actor_map(actors=[*TWO, ("länsstyrelsen", [])]),
    "too_many": actor_map(actors=[(f"Aktör {i}", []) for i in range(31)]),
    "too_long": actor_map(actors=[("x" * 121, [])]),
    "invalid": actor_map(
        actors=TWO, relations=[("Länsstyrelsen", "Kommunerna", "vänskap", True)]
    ),
}


def stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(models.Submission))


@pytest.mark.parametrize("code", sorted(BAD_MAPS))
def test_a_bad_actor_mapping_is_refused_with_its_reason(app, code):
    assigned = assign(app, kind="actor_map")
    sock = homework_phone(app, assigned.code)
    reply = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": f"bad-{code}-1",
            "answer": BAD_MAPS[code],
        },
    )
    assert reply["ok"] is False
    assert reply["error"] == code
    assert reply["message"]
    assert stored(app) == 0
    # The same client id can carry a corrected answer: the refusal kept nothing.
    fixed = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": f"bad-{code}-1",
            "answer": actor_map(actors=TWO),
        },
    )
    assert fixed["ok"], fixed


def test_an_oversized_andras_ogon_is_refused(app):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    many = others_view(*[actor(f"Aktör {i}") for i in range(16)])
    reply = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "too-many-1",
            "answer": many,
        },
    )
    assert (reply["ok"], reply["error"]) == (False, "too_many")
    long_quote = others_view(actor(quote="x" * 501))
    reply = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "too-long-1",
            "answer": long_quote,
        },
    )
    assert (reply["ok"], reply["error"]) == (False, "too_long")
    assert stored(app) == 0
