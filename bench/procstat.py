"""A process's memory and CPU time, read from /proc (Linux)."""

import os
import time

TICKS = os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    """VmRSS of ``pid`` in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def cpu_seconds(pid: int) -> float:
    """utime + stime of ``pid``, in seconds."""
    with open(f"/proc/{pid}/stat") as stat:
        # The command name may hold spaces; the fields after it are fixed.
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class Meter:
    """CPU seconds of some processes (servers) and of this one (the load
    generator) between ``start()`` and ``stop()``, and the wall time."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.server = self.own = self.wall = 0.0

    def start(self) -> "Meter":
        self._server0 = sum(cpu_seconds(p) for p in self.pids)
        self._own0 = time.process_time()
        self._wall0 = time.monotonic()
        return self

    def stop(self) -> "Meter":
        self.server = sum(cpu_seconds(p) for p in self.pids) - self._server0
        self.own = time.process_time() - self._own0
        self.wall = time.monotonic() - self._wall0
        return self
