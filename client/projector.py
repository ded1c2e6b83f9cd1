"""The projector: follows an activity's snapshots and never goes back in time."""

from .socket import SocketClient


class Projector(SocketClient):
    """``Projector(base_url, projector_token)``, then ``connect()``.

    From the base class: ``snapshot(activity_id)`` is the newest snapshot (a
    lower version arriving later is ignored), ``snapshots.seen[activity_id]``
    every version the server pushed in arrival order, ``snapshots.pushed`` how
    many snapshots arrived, and ``wait_until(predicate, timeout)``.
    """

    def __init__(self, base_url: str, token: str, **options: object) -> None:
        super().__init__(base_url, {"projector": token}, **options)
        self.token = token

    def answer_count(self, activity_id: int) -> int | None:
        snap = self.snapshot(activity_id)
        return snap["answer_count"] if snap else None

    def top_word(self, activity_id: int) -> str | None:
        """The most named word, once results are visible (Roles)."""
        snap = self.snapshot(activity_id)
        if not snap or not snap.get("results") or not snap["results"].get("words"):
            return None
        return snap["results"]["words"][0]["word"]
