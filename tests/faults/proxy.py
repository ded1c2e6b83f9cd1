"""A TCP proxy between the server and PostgreSQL that a test can cut and restore.

``cut()`` closes every connection through it and stops listening, so the server's
next connection attempt is refused, as when the database is down; ``restore()``
listens again on the same port. Everything runs on 127.0.0.1 in daemon threads
that ``stop()`` ends and joins.
"""

import socket
import threading
from contextlib import suppress

CHUNK = 65536
JOIN = 5.0  # seconds to wait for each thread on stop


class DbProxy:
    def __init__(self, upstream_port: int = 5432, upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.port = 0
        self.accepted = 0  # connections passed through, over the proxy's life
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._open: set[socket.socket] = set()
        self._pumps: list[threading.Thread] = []

    # -- life ---------------------------------------------------------------------

    def start(self) -> "DbProxy":
        self._listen()
        return self

    def cut(self) -> None:
        """The database goes away: live connections drop, new ones are refused."""
        self._stop_listening()
        with self._lock:
            doomed = list(self._open)
            self._open.clear()
        for sock in doomed:
            _close(sock)
        self._join_pumps()

    def restore(self) -> None:
        """The database is back, on the same port."""
        if self._listener is None:
            self._listen()

    def stop(self) -> None:
        self.cut()

    @property
    def is_cut(self) -> bool:
        return self._listener is None

    # -- inside -------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._acceptor = threading.Thread(
            target=self._accept, args=(listener,), name="db-proxy-accept", daemon=True
        )
        self._acceptor.start()

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is None:
            return
        # shutdown wakes the thread blocked in accept(); close alone may not.
        with suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        if self._acceptor is not None:
            self._acceptor.join(JOIN)
            assert not self._acceptor.is_alive(), "proxy accept thread hangs"
            self._acceptor = None

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # the listener was closed: cut or stopped
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                if self._listener is not listener:  # cut meanwhile
                    _close(client)
                    _close(server)
                    return
                self._open.update((client, server))
                self.accepted += 1
                for source, target in ((client, server), (server, client)):
                    pump = threading.Thread(
                        target=self._pump,
                        args=(source, target),
                        name="db-proxy-pump",
                        daemon=True,
                    )
                    self._pumps.append(pump)
                    pump.start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(CHUNK):
                target.sendall(data)
        except OSError:
            pass
        finally:
            # One side ended: end the other too, so its pump returns as well.
            with self._lock:
                self._open.discard(source)
                self._open.discard(target)
            _close(source)
            _close(target)

    def _join_pumps(self) -> None:
        with self._lock:
            pumps, self._pumps = self._pumps, []
        for pump in pumps:
            pump.join(JOIN)
            assert not pump.is_alive(), "a proxy pump thread hangs"


def _close(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with suppress(OSError):
        sock.close()
