"""Join codes resist guessing: wrong codes are limited per client address, right
ones never count (server/join_limits.py, docs/security.md)."""

import pytest
from sqlalchemy import select

from server import live, models
from server.app import create_app
from server.cli import prepare_database
from server.config import TestConfig
from server.extensions import db

from .conftest import join

ROOM = {"REMOTE_ADDR": "203.0.113.7"}  # a venue's one public address


def limited_app(tmp_path, limit: str = "", storage: str = "memory://"):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'limits.db'}"
        RATELIMIT_ENABLED = True
        RATELIMIT_STORAGE_URI = storage
        JOIN_CODE_LIMIT = limit

    app = create_app(Config)
    with app.app_context():
        prepare_database()
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 1")
        )
        app.code = live.start_session(meeting, allow_anonymous=True).join_code
    return app


@pytest.fixture
def app(tmp_path):
    app = limited_app(tmp_path, "3 per minute")
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def room(app):
    return app.test_client()


def guess(client, code="ZZZZZZZZ"):
    return join(client, code)


def test_wrong_codes_are_refused_past_the_limit_with_retry_after(app, room):
    for _ in range(3):
        assert guess(room).status_code == 404
    refused = guess(room)
    assert refused.status_code == 429
    assert refused.json["ok"] is False
    assert refused.json["error"] == "rate_limited"
    assert "min" in refused.json["message"]
    assert 0 < int(refused.headers["Retry-After"]) <= 60


def test_once_refused_even_the_right_code_is_refused(app, room):
    """Answering the right code would tell a guesser which one it is."""
    for _ in range(3):
        guess(room)
    assert join(room, app.code).status_code == 429
    page = room.get(f"/join/{app.code}")
    assert page.status_code == 429
    assert page.headers["Retry-After"]
    html = page.get_data(as_text=True)
    assert 'role="alert"' in html and "min" in html  # the join page, in words
    # Another address is not affected.
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    assert join(other, app.code).status_code == 201


def test_right_codes_never_count(app, room):
    for i in range(20):
        assert join(room, app.code, name=f"Deltagare {i}").status_code == 201
        assert room.get(f"/join/{app.code}").status_code == 200
    assert guess(room).status_code == 404  # the count is still at zero


def test_every_lookup_of_a_code_shares_one_count(app, room):
    assert room.get("/join/ZZZZZZZZ").status_code == 404
    assert room.get("/api/sessions/ZZZZZZZZ/published").status_code == 404
    assert guess(room).status_code == 404
    assert room.get("/api/sessions/ZZZZZZZZ/published").status_code == 429


def test_my_data_shares_the_count_too(app, room):
    """A phone's My data looks its code up first: no way round the limit."""
    assert room.get("/api/sessions/ZZZZZZZZ/my-data").status_code == 404
    assert room.delete("/api/sessions/ZZZZZZZZ/my-data").status_code == 404
    assert guess(room).status_code == 404
    refused = room.get("/api/sessions/ZZZZZZZZ/my-data")
    assert refused.status_code == 429 and refused.json["error"] == "rate_limited"
    assert room.get(f"/api/sessions/{app.code}/my-data").status_code == 429


def test_refusals_that_are_no_guess_do_not_count(app, room):
    for _ in range(10):
        assert join(room, app.code, name="").status_code == 400
    assert guess(room).status_code == 404


def test_an_ipv6_client_is_counted_by_its_64(app):
    first, second = app.test_client(), app.test_client()
    first.environ_base["REMOTE_ADDR"] = "2001:db8:1:2::1"
    second.environ_base["REMOTE_ADDR"] = "2001:db8:1:2:ffff::9"
    for client in (first, second, first):
        assert guess(client).status_code == 404
    assert guess(second).status_code == 429


def test_a_room_behind_one_address_joins_with_the_default_limit(tmp_path):
    """300 phones from one address, one in five mistyping the code first."""
    app = limited_app(tmp_path)
    room = app.test_client()
    room.environ_base.update(ROOM)
    for i in range(300):
        if i % 5 == 0:
            assert room.get("/join/" + app.code[::-1] + "X").status_code == 404
        assert room.get(f"/join/{app.code}").status_code == 200
        assert join(room, app.code, name=f"Deltagare {i}").status_code == 201
    # A guesser from the same address is stopped within the minute.
    statuses = [guess(room).status_code for _ in range(60)]
    assert statuses[-1] == 429
    with app.app_context():
        db.engine.dispose()


def test_without_redis_the_limit_counts_in_memory(tmp_path):
    """Redis down (nothing listens on this port): joins still work, and wrong
    codes are still limited, in this process's memory."""
    app = limited_app(tmp_path, "3 per minute", storage="redis://127.0.0.1:9/0")
    room = app.test_client()
    assert join(room, app.code).status_code == 201
    assert [guess(room).status_code for _ in range(4)] == [404, 404, 404, 429]
    with app.app_context():
        db.engine.dispose()
