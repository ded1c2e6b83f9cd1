"""Configuration from the environment, with defaults that need no set-up.

What depends on the instance folder (the SQLite file, a generated secret key) is
filled in by ``create_app`` through ``fill_instance_defaults``.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

from flask import Flask


def database_url(url: str) -> str:
    """Route PostgreSQL through pg8000, the driver that yields to eventlet."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg://"):
        if url.startswith(prefix):
            return "postgresql+pg8000://" + url.removeprefix(prefix)
    return url


def months_setting(name: str) -> int:
    """A whole number of months from the environment; unset is 0."""
    raw = os.environ.get(name, "").strip() or "0"
    if not raw.isdigit():
        raise RuntimeError(f"{name} must be a whole number of months, not {raw!r}.")
    return int(raw)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes"}


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = (
        database_url(os.environ["DATABASE_URL"])
        if os.environ.get("DATABASE_URL")
        else None
    )
    # None lets Flask-SocketIO pick eventlet, the production server.
    SOCKETIO_ASYNC_MODE: str | None = None
    # Commit answers that arrive together in one transaction (one fsync).
    GROUP_COMMIT = os.environ.get("GROUP_COMMIT", "1") != "0"
    # Simultaneous connections one worker serves (eventlet's default is 1,024).
    MAX_CONNECTIONS = int(os.environ.get("MAX_CONNECTIONS", "10000"))
    # A connection that died with its database is replaced, not handed out.
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    # Redis lets several workers broadcast to each other's clients.
    SOCKETIO_MESSAGE_QUEUE = os.environ.get("REDIS_URL") or None
    # The Redis channel; several deployments (or test runs) can share a Redis.
    SOCKETIO_CHANNEL = os.environ.get("SOCKETIO_CHANNEL", "mellanrum")
    # Seconds between aggregate snapshots of one activity; 0 sends at once.
    SNAPSHOT_INTERVAL = float(os.environ.get("SNAPSHOT_INTERVAL", "0.2"))
    # Seconds between re-sends of each running session's current state, which
    # heal whatever a client missed (a Redis restart drops messages).
    SNAPSHOT_HEARTBEAT = float(os.environ.get("SNAPSHOT_HEARTBEAT", "10"))
    BABEL_DEFAULT_LOCALE = "sv"
    # Times are stored in UTC and shown as the people in the room read a clock.
    BABEL_DEFAULT_TIMEZONE = os.environ.get("TIMEZONE", "Europe/Stockholm")
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).parent / "translations")
    LANGUAGES = ("sv", "en")
    # A phone may keep its page open all day; its CSRF token must not expire.
    WTF_CSRF_TIME_LIMIT = None
    # Cookies are for the server only (HttpOnly) and not sent along with another
    # site's requests (SameSite). Secure, over https only, when SECURE_COOKIES
    # is set: the site is served over https (docs/security.md).
    SECURE_COOKIES = _flag(os.environ.get("SECURE_COOKIES"))
    SESSION_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = SECURE_COOKIES
    REMEMBER_COOKIE_SECURE = SECURE_COOKIES
    LOGIN_LINK_MINUTES = 60 * 24
    # A leader's sign-in ends after SIGN_IN_HOURS, busy or not: a long meeting
    # day fits, a forgotten laptop does not (docs/accounts.md).
    SIGN_IN_HOURS = int(os.environ.get("SIGN_IN_HOURS", "16"))
    PERMANENT_SESSION_LIFETIME = timedelta(hours=SIGN_IN_HOURS)
    # The cookie is sent again only when the session changed. Refreshed on
    # every response, a script's or stylesheet's request that began before a
    # form's answer would write back the older cookie and drop what the form
    # put there (its flash message, say).
    SESSION_REFRESH_EACH_REQUEST = False
    # Behind nginx: trust its X-Forwarded-* headers, so join links and QR codes
    # say https:// and the public host. Never set it without a proxy in front.
    BEHIND_PROXY = _flag(os.environ.get("BEHIND_PROXY"))
    MAX_CONTENT_LENGTH = 256 * 1024
    # Rate limits (Flask-Limiter) count in Redis when there is one, so every
    # worker sees the same count; in this process's memory otherwise.
    RATELIMIT_STORAGE_URI = (
        os.environ.get("RATELIMIT_STORAGE_URI")
        or os.environ.get("REDIS_URL")
        or "memory://"
    )
    RATELIMIT_HEADERS_ENABLED = True  # Retry-After on a refusal
    # Months after a session ends before `mellanrum apply-retention` removes
    # its participants' names and organisations; 0 keeps them (docs/privacy.md).
    RETENTION_MONTHS = months_setting("RETENTION_MONTHS")
    # Redis gone (a restart): each worker counts in its own memory until it is
    # back, rather than failing every limited request.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    # Wrong join codes one client address may send (server/join_limits.py);
    # empty for the default there.
    JOIN_CODE_LIMIT = os.environ.get("JOIN_CODE_LIMIT", "")


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    SOCKETIO_ASYNC_MODE = "threading"  # the test clients run without eventlet
    SOCKETIO_MESSAGE_QUEUE = None  # the Socket.IO test client refuses a queue
    SNAPSHOT_INTERVAL = 0.0
    # Tests sign in and join hundreds of times from one address; the tests of
    # the limits themselves turn them on.
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    GROUP_COMMIT = False  # each answer alone, in the test client's thread
    WTF_CSRF_ENABLED = False


def fill_instance_defaults(app: Flask) -> None:
    instance = Path(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        instance.mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'mellanrum.db'}"
    if not app.config.get("SECRET_KEY"):
        # Kept on disk so participants' tokens survive a restart. Created
        # exclusively: workers starting together must all read the same key.
        path = instance / "secret_key"
        instance.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
        app.config["SECRET_KEY"] = path.read_text().strip()
