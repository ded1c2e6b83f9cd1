"""Times are stored as naive UTC and sent as ISO 8601 with a Z."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="milliseconds") + "Z"


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The day a stored (naive UTC) time fell on in the room."""
    return moment.replace(tzinfo=UTC).astimezone(zone).date()


def room_zone() -> ZoneInfo:
    """The time zone the meetings are held in (TIMEZONE, Europe/Stockholm)."""
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
