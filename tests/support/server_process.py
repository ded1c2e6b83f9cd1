"""A real eventlet server in a child process, on a free port, always stopped.

Used by the live-server, browser and fault tests. Each server gets its own
database, so tests never share state.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"(http://\S+/login/\S+)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ServerProcess:
    instance: Path
    database_url: str = ""
    extra_env: dict = field(default_factory=dict)
    port: int = 0
    login_link: str = ""
    proc: subprocess.Popen | None = None
    output: list[str] = field(default_factory=list)
    drain: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.database_url
            or f"sqlite:///{self.instance / 'mellanrum.db'}",
            SECRET_KEY="live-test-secret",
            SNAPSHOT_INTERVAL="0.1",
            PYTHONUNBUFFERED="1",
        )
        env.pop("REDIS_URL", None)
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 30) -> "ServerProcess":
        self.instance.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                break
            self.output.append(line)
            if match := LINK.search(line):
                self.login_link = match.group(1)
                # Keep draining the pipe, or a chatty server blocks on a full one.
                self.drain = threading.Thread(target=self._drain, daemon=True)
                self.drain.start()
                self._wait_for_port(deadline)
                return self
        self.stop()
        raise RuntimeError("server did not start:\n" + "".join(self.output))

    def _drain(self) -> None:
        for line in self.proc.stdout:
            self.output.append(line)

    def _wait_for_port(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("server never listened")

    def new_login_link(self) -> str:
        """Another one-time sign-in link for the same database."""
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "flask",
                "--app",
                "server.app:create_app",
                "mellanrum",
                "login-link",
                "--base-url",
                self.base_url,
            ],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            check=True,
        )
        return LINK.search(out.stdout).group(1)

    def kill(self) -> None:
        """SIGKILL: the server gets no chance to clean up."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self._close_output()

    def _close_output(self) -> None:
        # The pipe ends with the process; close it once the reader has seen the
        # end, or the unclosed file is a ResourceWarning.
        if self.drain is not None:
            self.drain.join(5)
        if self.proc and self.proc.stdout and not self.proc.stdout.closed:
            self.proc.stdout.close()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self._close_output()
