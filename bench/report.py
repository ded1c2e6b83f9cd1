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
    expected: dict[str, dict],
    leader_submissions: list[dict],
    db: dict,
    sends: dict,
    unacked: set[str],
) -> dict:
    """Lost: a phone whose last acked answer is not what the server holds, or an
    acked send without a receipt. Duplicated: an answer stored twice (two rows
    for one phone, or more receipts than sends). A send whose ack came too late
    (not_delivered) may or may not have been applied: it is neither, but when
    it is applied after a newer answer's ack, the phone's last acked answer is
    overwritten: counted apart as ``overwritten_late``."""
    held: dict[str, list[dict]] = {}
    for sub in leader_submissions:
        held.setdefault(sub["name"], []).append(sub["answer"])
    wrong = {name for name, answer in expected.items() if held.get(name) != [answer]}
    lost = len(wrong - unacked)
    lost += max(0, sends["applied"] - db["receipts"])
    duplicated = sum(len(v) - 1 for v in held.values())
    duplicated += max(0, db["receipts"] - sends["applied"] - sends["not_delivered"])
    return {
        "lost": lost,
        "duplicated": duplicated,
        "overwritten_late": len(wrong & unacked),
        **db,
        "acked_phones": len(expected),
        **sends,
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
