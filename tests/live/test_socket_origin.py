"""The Socket.IO side of CSRF: a leader's socket is recognised by the sign-in
cookie, so the server refuses a connection from another site's page (its
Origin), while the leader's own pages connect (docs/security.md)."""

import pytest
import socketio

from client import LeaderClient


def connect(server, leader: LeaderClient, origin: str) -> socketio.Client:
    sock = socketio.Client(reconnection=False, handle_sigint=False)
    sock.connect(
        server.base_url,
        headers={**leader._cookie_header(), "Origin": origin},
        auth={"leader": leader.session_id},
        transports=["polling"],
        wait_timeout=5,
    )
    return sock


# Over polling: the WebSocket client library sends an Origin of its own next to
# ours. The server checks the Origin of every request, the upgrade's too.
def test_a_signed_in_leaders_socket_is_refused_from_another_origin(server, leader):
    with pytest.raises(socketio.exceptions.ConnectionError):
        connect(server, leader, "http://evil.example")


def test_the_same_origin_connects(server, leader):
    sock = connect(server, leader, server.base_url)
    try:
        assert sock.connected
        assert sock.call("sync", {}, timeout=5)["ok"] is True
    finally:
        sock.disconnect()
