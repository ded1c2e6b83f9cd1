"""nginx and a private Redis as child processes of a test, always stopped.

nginx runs the deployed site config (deploy/nginx/mellanrum.conf) with only its
worker addresses and its listening port replaced, so CI tests what is deployed.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.server_process import ROOT, free_port

SITE = ROOT / "deploy/nginx/mellanrum.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WORKER_LINE = re.compile(r"^(\s*)server 127\.0\.0\.1:\d+( .*)?;$", re.MULTILINE)
LISTEN = re.compile(r"^\s*listen (80|\[::\]:80);$", re.MULTILINE)
# Which worker answered, per request: tests read it to check the routing.
LOG_FORMAT = (
    "log_format routed 'route=$mellanrum_route $status $request_method "
    '"$request_uri" upstream=$upstream_addr\';'
)


def wait_for_port(port: int, deadline: float, proc: subprocess.Popen) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on {port} in time")


def stop_process(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def render_site(worker_ports: list[int], port: int) -> str:
    """The deployed site config, for these workers, listening on 127.0.0.1:port."""
    site = SITE.read_text()
    lines = WORKER_LINE.findall(site)
    listens = LISTEN.findall(site)
    if len(lines) < 1 or sorted(listens) != ["80", "[::]:80"]:
        raise AssertionError(
            f"{SITE} no longer has the shape tests/scale/processes.py expects: "
            "`server 127.0.0.1:PORT ...;` lines in the upstream, `listen 80;` and "
            "`listen [::]:80;`"
        )
    indent, options = lines[0]
    workers = "\n".join(f"{indent}server 127.0.0.1:{p}{options};" for p in worker_ports)
    first = True

    def worker(_: re.Match) -> str:
        nonlocal first
        out, first = (workers if first else ""), False
        return out

    site = WORKER_LINE.sub(worker, site)
    site = LISTEN.sub(
        lambda m: f"    listen 127.0.0.1:{port};" if m.group(1) == "80" else "", site
    )
    return site


@dataclass
class Nginx:
    """``nginx -g 'daemon off;'`` in the foreground, everything under ``root``."""

    root: Path
    worker_ports: list[int]
    port: int = 0
    proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.root / "access.log"

    def config(self) -> str:
        r = self.root
        temps = "\n".join(
            f"    {kind}_temp_path {r / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        # As root, nginx's workers would run as nobody, who cannot enter
        # pytest's private tmp_path.
        user = "user root;\n" if os.geteuid() == 0 else ""
        return (
            f"{user}worker_processes 1;\npid {r / 'nginx.pid'};\n"
            f"error_log {r / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            f"    {LOG_FORMAT}\n    access_log {self.access_log} routed;\n"
            f"{temps}\n    include {r / 'mellanrum.conf'};\n}}\n"
        )

    def start(self, timeout: float = 15) -> "Nginx":
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        (self.root / "mellanrum.conf").write_text(
            render_site(self.worker_ports, self.port)
        )
        conf = self.root / "nginx.conf"
        conf.write_text(self.config())
        command = [NGINX, "-c", str(conf), "-p", str(self.root)]
        checked = subprocess.run(
            [*command, "-t", "-q"], capture_output=True, text=True, check=False
        )
        if checked.returncode:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        with (self.root / "stderr.log").open("w") as out:
            self.proc = subprocess.Popen(
                [*command, "-g", "daemon off;"],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            wait_for_port(self.port, time.monotonic() + timeout, self.proc)
        except RuntimeError:
            self.stop()
            raise RuntimeError("nginx did not start:\n" + self.logs()) from None
        return self

    def logs(self) -> str:
        return "\n".join(
            p.read_text()[-3000:]
            for p in (self.root / "stderr.log", self.root / "error.log")
            if p.exists()
        )

    def routed(self) -> list[tuple[str, str, str]]:
        """(route id, request URI, the worker that answered) per request so far;
        after a failed try nginx lists several workers, the last answered."""
        if not self.access_log.exists():
            return []
        found = []
        for line in self.access_log.read_text().splitlines():
            if m := re.match(r'route=(\S*) \d+ \S+ "([^"]*)" upstream=(.*)$', line):
                route, uri, upstreams = m.groups()
                found.append((route, uri, upstreams.split(",")[-1].strip()))
        return found

    def stop(self) -> None:
        stop_process(self.proc, signal.SIGQUIT)  # graceful: lets workers finish


@dataclass
class RedisServer:
    """A private redis-server on a free port, without persistence."""

    root: Path
    port: int = 0
    proc: subprocess.Popen | None = None
    starts: int = field(default=0)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 15) -> "RedisServer":
        """Start, or start again on the same port after ``stop``."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.starts += 1
        with (self.root / f"redis-{self.starts}.log").open("w") as out:
            self.proc = subprocess.Popen(
                [
                    shutil.which("redis-server") or "redis-server",
                    "--port", str(self.port),
                    "--bind", "127.0.0.1",
                    "--save", "",
                    "--appendonly", "no",
                    "--dir", str(self.root),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
        wait_for_port(self.port, time.monotonic() + timeout, self.proc)
        return self

    def stop(self) -> None:
        """SIGTERM: with no persistence, Redis exits at once and forgets all."""
        stop_process(self.proc)
