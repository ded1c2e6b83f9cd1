"""Percentiles, the check against what the server stored, and the printout."""

import math

from sqlalchemy import create_engine, text

from .fleet import Tally


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile of ``values`` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def tally_figures(tally: Tally) -> dict:
    span = tally.last_acked - tally.first_sent if tally.latencies else None
    return {
        "sent": tally.sent,
        "applied": tally.applied,
        "duplicate_acks": tally.duplicate_acks,
        "refused": tally.refused,
        "not_delivered": tally.not_delivered,
        "ack_p50": percentile(tally.latencies, 50),
        "ack_p95": percentile(tally.latencies, 95),
        "ack_p99": percentile(tally.latencies, 99),
        "per_s": (tally.applied / span) if span else None,
    }


def stored(database_url: str, activity_id: int) -> dict:
    """Rows the database holds for the activity: submissions and receipts."""
    url = database_url.replace("postgresql://", "postgresql+pg8000://", 1)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.scalar(
                text("SELECT count(*) FROM submission WHERE activity_id = :a"),
                {"a": activity_id},
            )
            receipts = conn.scalar(
                text(
                    "SELECT count(*) FROM submit_receipt r JOIN submission s "
                    "ON s.id = r.submission_id WHERE s.activity_id = :a"
                ),
                {"a": activity_id},
            )
    finally:
        engine.dispose()
    return {"rows": rows, "receipts": receipts}


def check(
    expected: dict[str, dict], leader_submissions: list[dict], db: dict, applied: int
) -> dict:
    """Lost: a phone whose last acked answer is not what the server holds.
    Duplicated: an answer stored twice (rows per phone, receipts per send)."""
    held: dict[str, list[dict]] = {}
    for sub in leader_submissions:
        held.setdefault(sub["name"], []).append(sub["answer"])
    lost = sum(1 for name, answer in expected.items() if held.get(name) != [answer])
    duplicated = sum(len(v) - 1 for v in held.values())
    duplicated += max(0, db["rows"] - len(expected))
    duplicated += max(0, db["receipts"] - applied)
    lost += max(0, applied - db["receipts"])
    return {
        "lost": lost,
        "duplicated": duplicated,
        **db,
        "acked_phones": len(expected),
        "applied_total": applied,
    }


def print_run(title: str, figures: dict) -> None:
    print(f"\n== {title} ==")
    for key, value in figures.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k}={fmt(k, v)}" for k, v in value.items())
            print(f"  {key}: {inner}")
        else:
            print(f"  {key}: {fmt(key, value)}")


def fmt(key: str, value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if key.startswith(("ack_", "converge", "reconnect")) or key.endswith("_ms"):
            return ms(value)
        return f"{value:.2f}"
    return str(value)
