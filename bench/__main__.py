"""``python -m bench``: K phones and a projector against the real eventlet
server, then the same pattern against the bare python-socketio stack, and the
ratio. All traffic stays on 127.0.0.1; servers are always stopped.
"""

import argparse
import asyncio
import resource
import sys
import time

from client import LeaderClient

from . import report
from .run import Options, Target, drive
from .servers import bare_server, real_servers


def parse() -> tuple[argparse.Namespace, Options]:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--phones", type=int, default=1000, help="K (default 1000)")
    parser.add_argument(
        "--scenarios",
        default="A,B,C,T",
        help="comma-separated: A burst, B trickle, C storm, T throughput, S soak",
    )
    parser.add_argument("--workers", type=int, choices=(1, 2), default=1)
    parser.add_argument("--burst", type=float, default=2.0, help="A's window (s)")
    parser.add_argument("--trickle", type=float, default=20.0, help="B's period (s)")
    parser.add_argument("--rounds", type=int, default=3, help="T: answers per phone")
    parser.add_argument("--hold", type=float, default=60.0, help="S: seconds held")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare stack")
    args = parser.parse_args()
    if not 1 <= args.phones <= 5000:
        parser.error("--phones must be 1 to 5000")
    opts = Options(
        args.phones,
        args.scenarios,
        args.burst,
        args.trickle,
        args.rounds,
        args.hold,
        args.seed,
    )
    return args, opts


def raise_fd_limit(phones: int) -> None:
    """Each phone is one socket here and one in the server (which inherits)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, phones * 2 + 1024))
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def run_real(args: argparse.Namespace, opts: Options) -> dict:
    with real_servers(args.workers) as (servers, database_url):
        first = servers[0]
        leader = LeaderClient(first.base_url, timeout=120)
        try:
            leader.sign_in(first.login_link)
            leader.connect(leader.start_session())
            activity = leader.state["activities"][0]

            async def open_activity() -> None:
                await asyncio.to_thread(leader.open_activity, activity["id"])

            target = Target(
                name=f"mellanrum ({args.workers} worker(s))",
                urls=[s.base_url for s in servers],
                pids=[s.proc.pid for s in servers],
                activity_id=activity["id"],
                catalogue=activity["config"]["catalogue"],
                projector_token=leader.state["projector_token"],
                join_code=leader.join_code,
                open_activity=open_activity,
            )
            figures, fleet, sends = asyncio.run(drive(target, opts))
            final = leader.sync(timeout=120)
            snaps = {s["activity_id"]: s for s in final["snapshots"]}
            stored = report.stored(database_url, activity["id"])
            figures["check"] = report.check(
                fleet.expected,
                snaps[activity["id"]]["submissions"],
                stored,
                sends,
                fleet.unacked,
            )
        finally:
            leader.close()
    return figures


def run_bare(opts: Options) -> dict:
    with bare_server() as (proc, url):
        target = Target(
            name="bare python-socketio",
            urls=[url],
            pids=[proc.pid],
            activity_id=1,
            catalogue=["a", "b", "c", "d", "e", "f", "g", "h"],
            projector_token="projector",
        )
        figures, _, _ = asyncio.run(drive(target, opts))
    return figures


def main() -> int:
    args, opts = parse()
    raise_fd_limit(opts.phones)
    print(f"bench: {' '.join(sys.argv[1:]) or '(defaults)'}", flush=True)
    began = time.monotonic()
    real = run_real(args, opts)
    report.print_run(f"mellanrum, {args.workers} worker(s), K={opts.phones}", real)
    if not args.no_bare:
        bare = run_bare(opts)
        report.print_run(f"bare python-socketio, K={opts.phones}", bare)
        mine = real.get("T_throughput", real.get("A_burst", {})).get("per_s")
        theirs = bare.get("T_throughput", bare.get("A_burst", {})).get("per_s")
        if mine and theirs:
            print(
                f"\nthroughput: mellanrum {mine:.0f}/s, bare {theirs:.0f}/s, "
                f"ratio {mine / theirs:.2f} (target >= 0.5)"
            )
    check = real.get("check", {})
    print(
        f"\ntotal {time.monotonic() - began:.0f} s; lost={check.get('lost')} "
        f"duplicated={check.get('duplicated')}"
    )
    return 0 if check.get("lost") == 0 and check.get("duplicated") == 0 else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # the servers were stopped on the way out
        sys.exit(130)
