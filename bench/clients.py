"""Why the benchmark's phones are asyncio: N sync ``client.Participant`` (threads)
against N asyncio phones (``client.aio``, one loop), on the bare server, where
the server is cheap and the load generator's own cost shows.

    python -m bench.clients --phones 500
"""

import argparse
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from client import Participant

from .fleet import Fleet
from .servers import bare_server


def sync_phones(url: str, count: int) -> dict:
    phones = [Participant(url, f"t{i}", timeout=30) for i in range(count)]
    wall, cpu = time.monotonic(), time.process_time()
    try:
        with ThreadPoolExecutor(32) as pool:
            list(pool.map(lambda p: p.connect(), phones))
        connected = (time.monotonic() - wall, time.process_time() - cpu)
        threads = threading.active_count()
        wall, cpu = time.monotonic(), time.process_time()
        with ThreadPoolExecutor(64) as pool:
            list(pool.map(lambda p: p.submit(1, {"roles": ["a"]}), phones))
        submitted = (time.monotonic() - wall, time.process_time() - cpu)
    finally:
        with ThreadPoolExecutor(32) as pool:
            list(pool.map(lambda p: p.close(), phones))
    return _figures(connected, submitted, threads)


async def aio_phones(url: str, count: int) -> dict:
    fleet = Fleet([url], 1, ["a"])
    await fleet.open()
    try:
        fleet.fake_tokens(count)
        wall, cpu = time.monotonic(), time.process_time()
        await fleet.connect_all()
        connected = (time.monotonic() - wall, time.process_time() - cpu)
        wall, cpu = time.monotonic(), time.process_time()
        await asyncio.gather(
            *(p.submit(1, {"roles": ["a"]}, timeout=30) for p in fleet.phones)
        )
        submitted = (time.monotonic() - wall, time.process_time() - cpu)
    finally:
        await fleet.close()
    return _figures(connected, submitted, threading.active_count())


def _figures(connected: tuple, submitted: tuple, threads: int) -> dict:
    return {
        "connect_s": round(connected[0], 2),
        "connect_cpu_s": round(connected[1], 2),
        "submit_all_s": round(submitted[0], 2),
        "submit_cpu_s": round(submitted[1], 2),
        "threads": threads,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=500)
    count = min(max(parser.parse_args().phones, 1), 2000)
    with bare_server() as (_, url):
        print("sync (threads):", sync_phones(url, count), flush=True)
    with bare_server() as (_, url):
        print("asyncio:       ", asyncio.run(aio_phones(url, count)), flush=True)


if __name__ == "__main__":
    main()
