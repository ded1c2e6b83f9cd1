"""The settings a live activity starts with, copied from its programme item."""

from sessions.kinds import get_kind
from sessions.project import with_catalogues

from . import models, status_check


def activity_config(item: models.ProgrammeItem) -> dict:
    """The item's settings, with the project's catalogues where it names none;
    checked, so a session never runs an activity its kind would refuse."""
    project = item.meeting.project
    config = with_catalogues(item.kind, dict(item.config or {}), project.catalogues)
    if item.kind == "status_check":  # the previous meeting's next steps
        config["commitments"] = status_check.previous_commitments(item.meeting)
    return get_kind(item.kind).validate_config(config)
