"""The built-in learning project, *Integration – regionernas roll*, read from
its data file, sessions/programmes/integration.toml (docs/programme-file.md)."""

from .programme_file import BUILTIN, load
from .project_spec import ItemSpec, MeetingSpec, OrganisationSpec, ProjectSpec

__all__ = [
    "INTEGRATION",
    "ItemSpec",
    "MeetingSpec",
    "OrganisationSpec",
    "ProjectSpec",
]

INTEGRATION = load(BUILTIN)
