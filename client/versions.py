"""Keeping the newest of versioned objects (snapshots, activities) per activity.

The protocol's rule: a client never replaces an object with one of a lower
version. Snapshots are coalesced and may arrive late (a sync ack can cross a
broadcast), so this is where the rule is kept, once, for every role.
"""

from collections import defaultdict


class Newest:
    """Per id, the object with the highest ``version`` offered so far.

    ``seen`` lists every version *pushed* by the server, in arrival order, so a
    test can check that the server never sent one out of order; objects from a
    sync ack update ``latest`` but are not counted as pushed.
    """

    def __init__(self, id_field: str) -> None:
        self.id_field = id_field
        self.latest: dict[int, dict] = {}
        self.seen: dict[int, list[int]] = defaultdict(list)
        self.pushed = 0

    def offer(self, obj: object, *, pushed: bool) -> bool:
        """Keep ``obj`` if it is newer than what we have; True if it was kept."""
        if not isinstance(obj, dict):
            return False
        ident, version = obj.get(self.id_field), obj.get("version")
        if not isinstance(ident, int) or not isinstance(version, int):
            return False
        if pushed:
            self.seen[ident].append(version)
            self.pushed += 1
        current = self.latest.get(ident)
        if current is not None and current["version"] >= version:
            return False
        self.latest[ident] = obj
        return True

    def get(self, ident: int | None) -> dict | None:
        return self.latest.get(ident) if ident is not None else None
