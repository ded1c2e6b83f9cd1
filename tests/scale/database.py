"""The database the workers share, read directly: the source of truth that every
client must converge to."""

from collections import Counter, defaultdict

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from server.config import database_url


class Database:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(database_url(url), poolclass=NullPool)

    def close(self) -> None:
        self.engine.dispose()

    def _rows(self, sql: str, **params: object) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(sql), params)]

    def version(self, activity_id: int) -> int:
        rows = self._rows("SELECT version FROM activity WHERE id = :id", id=activity_id)
        return rows[0]["version"]

    def joined(self, session_id: int) -> int:
        rows = self._rows(
            "SELECT count(*) AS n FROM participant WHERE session_id = :id",
            id=session_id,
        )
        return rows[0]["n"]

    def submissions(self, activity_id: int) -> list[dict]:
        """Every stored answer with its participant, as the leader's snapshot
        lists them: {id, name, organisation, answer, hidden, starred}."""
        return self._rows(
            "SELECT s.id, p.name, p.organisation, s.answer, s.hidden, s.starred "
            "FROM submission s JOIN participant p ON p.id = s.participant_id "
            "WHERE s.activity_id = :id ORDER BY s.id",
            id=activity_id,
        )

    def client_ids(self, activity_id: int) -> set[str]:
        """Client ids of every submit the server applied to the activity."""
        rows = self._rows(
            "SELECT r.client_id FROM submit_receipt r "
            "JOIN submission s ON s.id = r.submission_id WHERE s.activity_id = :id",
            id=activity_id,
        )
        return {r["client_id"] for r in rows}

    def words(self, activity_id: int) -> dict[str, tuple[int, dict[str, int]]]:
        """Per role, how many visible answers name it and from which
        organisations: what the results must show (no merges, catalogue roles)."""
        counts: Counter[str] = Counter()
        by_org: dict[str, Counter[str]] = defaultdict(Counter)
        for sub in self.submissions(activity_id):
            if sub["hidden"]:
                continue
            for role in set(sub["answer"]["roles"]):
                counts[role] += 1
                by_org[role][sub["organisation"]] += 1
        return {role: (n, dict(by_org[role])) for role, n in counts.items()}


def shown_words(snapshot: dict) -> dict[str, tuple[int, dict[str, int]]]:
    """The same, as a snapshot's results show it."""
    return {
        w["word"]: (w["count"], w["by_organisation"])
        for w in snapshot["results"]["words"]
    }


def shown_submissions(leader_snapshot: dict) -> list[dict]:
    return sorted(leader_snapshot["submissions"], key=lambda s: s["id"])
