"""The settings a live activity starts with, copied from its programme item."""

from sessions.kinds import get_kind
from sessions.privacy import is_anonymous, with_anonymous
from sessions.project import with_catalogues

from . import models, status_check


def activity_config(item: models.ProgrammeItem) -> dict:
    """The item's settings, with the project's catalogues where it names none;
    checked, so a session never runs an activity its kind would refuse."""
    project = item.meeting.project
    config = with_catalogues(item.kind, dict(item.config or {}), project.catalogues)
    if item.kind == "status_check":  # the previous meeting's next steps
        config["commitments"] = status_check.previous_commitments(item.meeting)
    checked = get_kind(item.kind).validate_config(config)
    # The kind checks its own settings only; the anonymous mark rides along.
    return with_anonymous(item.kind, checked, is_anonymous(item.config))
