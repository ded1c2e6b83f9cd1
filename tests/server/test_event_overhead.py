"""What every Socket.IO event costs besides its handler (docs/performance.md):
no signed cookie read once the socket has connected, and no reference cycle
left for the garbage collector."""

import gc

from flask.ctx import RequestContext
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import NotFound

from .conftest import call, roles


def submit_twenty(sock, activity_id: int) -> None:
    for n in range(20):
        ack = call(
            sock,
            "submit",
            {
                "activity_id": activity_id,
                "client_id": f"overhead-{n:04d}",
                "answer": roles(f"Roll {n}"),
            },
        )
        assert ack["ok"], ack


def test_an_event_leaves_no_request_for_the_garbage_collector(
    app, running, leader, phone
):
    sock = phone()
    call(leader, "open_activity", {"activity_id": running.activity_id})
    gc.collect()
    gc.disable()
    try:
        submit_twenty(sock, running.activity_id)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        kinds = {type(thing) for thing in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    # Flask's NotFound for the /socket.io/ URL referred back to the request.
    assert RequestContext not in kinds
    assert NotFound not in kinds


def test_events_after_connect_do_not_open_the_cookie(
    app, running, leader, phone, monkeypatch
):
    sock = phone()
    call(leader, "open_activity", {"activity_id": running.activity_id})
    opened = []
    real = SecureCookieSessionInterface.open_session

    def counting(self, flask_app, request):
        opened.append(request.path)
        return real(self, flask_app, request)

    monkeypatch.setattr(SecureCookieSessionInterface, "open_session", counting)
    submit_twenty(sock, running.activity_id)
    assert opened == []
    # The leader's console still knows who it is: its socket kept the cookie's
    # sign-in from connecting.
    assert call(leader, "close_activity", {"activity_id": running.activity_id})["ok"]
    assert opened == []
    # A new connection reads the cookie.
    assert app.test_client().get("/").status_code in (200, 302)
    assert opened == ["/"]


def test_a_changed_secret_key_signs_with_the_new_key(app):
    client = app.test_client()
    with client.session_transaction() as cookie_session:
        cookie_session["probe"] = "old"
    app.secret_key = "another key, as after a rotation"
    with client.session_transaction() as cookie_session:
        # Signed with the old key: not readable under the new one.
        assert "probe" not in cookie_session
