"""``python -m bench.exports``: how long the CSV and XLSX exports take, and how
much memory they take, for projects of growing size (docs/exports.md).

For each participant count it bulk-inserts a project of 4 meetings × 10
activities (one of every kind and a second open text) into a temporary SQLite
database, every participant answering every activity. Then each download runs
in a fresh Python process, through the real route (Flask's test client, the
response read a chunk at a time as a browser would): the CSV of one activity
(the actor mapping, the kind with the most rows per answer) and the project's
workbook. The child reports the time and its peak resident memory above what it
held before the download (``VmHWM`` − ``VmRSS``), so nothing the build left
behind hides or inflates it. Memory that does not grow with the participants
shows the streaming works. With ``--runs N`` each download is measured N times
and the median time is printed (the largest memory): the machine is shared,
and one run says little.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from server import seed, tokens
from server.app import create_app
from server.cli import prepare_database
from server.config import TestConfig
from server.extensions import db

from .export_data import PROGRAMME, build_project

TARGET_SECONDS = 10.0
MEETINGS = 4
CSV_KIND = "actor_map"


def make_app(path: Path) -> Flask:
    class BenchConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{path}"

    app = create_app(BenchConfig)
    with app.app_context():
        prepare_database()
    return app


def signed_in(app: Flask) -> FlaskClient:
    client = app.test_client()
    with app.app_context():
        token = tokens.new_login_token(seed.default_leader())
    assert client.get(f"/login/{token}").status_code == 302
    return client


def memory_kib(field: str) -> int:
    """VmRSS (resident now) or VmHWM (its peak) of this process, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(database: str, url: str) -> None:
    """One download in this process; prints seconds, MiB and bytes as JSON."""
    client = signed_in(make_app(Path(database)))
    before = memory_kib("VmRSS")
    start = time.perf_counter()
    response = client.get(url, buffered=False)
    assert response.status_code == 200, (url, response.status_code)
    size = 0
    try:
        for chunk in response.iter_encoded():
            size += len(chunk)
    finally:
        response.close()
    seconds = time.perf_counter() - start
    grown = (memory_kib("VmHWM") - before) / 1024
    print(json.dumps({"seconds": seconds, "mib": grown, "bytes": size}))


def measure_once(database: Path, url: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.exports", "--child", str(database), url],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(database: Path, url: str, runs: int) -> dict:
    """The median time of ``runs`` downloads, each in a fresh process."""
    found = [measure_once(database, url) for _ in range(runs)]
    return {
        "seconds": statistics.median(r["seconds"] for r in found),
        "all": [r["seconds"] for r in found],
        "mib": max(r["mib"] for r in found),
        "bytes": found[0]["bytes"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.exports", description=__doc__
    )
    parser.add_argument(
        "--participants",
        default="500,2000",
        help="participant counts to compare, comma-separated (default 500,2000)",
    )
    parser.add_argument("--meetings", type=int, default=MEETINGS)
    parser.add_argument(
        "--runs", type=int, default=1, help="downloads of each, median time (1)"
    )
    parser.add_argument(
        "--child", nargs=2, metavar=("DATABASE", "URL"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    counts = [int(n) for n in args.participants.split(",")]
    activities = args.meetings * len(PROGRAMME)
    print(
        f"{args.meetings} meetings × {len(PROGRAMME)} activities; CSV of one "
        f"{CSV_KIND} activity; MiB = peak RSS above the start of the download; "
        f"median of {args.runs} run(s)"
    )
    print(
        f"{'participants':>12} {'answers':>8} {'build s':>8} | {'csv s':>6} "
        f"{'MiB':>5} {'KiB':>7} | {'xlsx s':>7} {'MiB':>5} {'KiB':>7} | "
        f"{'total s':>7}"
    )
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="mellanrum-bench-") as folder:
        database = Path(folder) / "bench.db"
        app = make_app(database)
        for count in counts:
            start = time.perf_counter()
            with app.app_context():
                project_id, ids = build_project(
                    f"Benchmark {count}", args.meetings, count
                )
                db.session.remove()
            built = time.perf_counter() - start
            csv_id = ids[[kind for kind, _p, _c in PROGRAMME].index(CSV_KIND)]
            csv = measure(
                database, f"/leader/activities/{csv_id}/export.csv", args.runs
            )
            xlsx = measure(
                database, f"/leader/projects/{project_id}/export.xlsx", args.runs
            )
            total = csv["seconds"] + xlsx["seconds"]
            worst = max(worst, total)
            print(
                f"{count:>12} {count * activities:>8} {built:>8.1f} | "
                f"{csv['seconds']:>6.2f} {csv['mib']:>5.1f} "
                f"{csv['bytes'] / 1024:>7.0f} | "
                f"{xlsx['seconds']:>7.2f} {xlsx['mib']:>5.1f} "
                f"{xlsx['bytes'] / 1024:>7.0f} | {total:>7.2f}",
                flush=True,
            )
            if args.runs > 1:
                each = " / ".join(f"{s:.2f}" for s in xlsx["all"])
                print(f"{'':>12} xlsx runs: {each}", flush=True)
        with app.app_context():
            db.engine.dispose()
    verdict = "within" if worst < TARGET_SECONDS else "OVER"
    print(
        f"slowest CSV + XLSX: {worst:.2f} s, "
        f"{verdict} the {TARGET_SECONDS:.0f} s target"
    )
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
