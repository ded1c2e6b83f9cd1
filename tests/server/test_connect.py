"""Who may connect, and as what."""

import pytest

from server.extensions import socketio

from .conftest import join


def refused(app, auth, flask_client=None):
    sock = socketio.test_client(app, auth=auth, flask_test_client=flask_client)
    return not sock.is_connected()


@pytest.mark.parametrize(
    "auth",
    [
        None,
        {},
        "a string",
        {"participant": "forged.token"},
        {"participant": 42},
        {"projector": "not-the-token"},
        {"projector": ["x"]},
        {"leader": 1},  # not signed in
    ],
)
def test_unknown_or_forged_credentials_are_refused(app, running, auth):
    assert refused(app, auth)


def test_a_token_signed_with_another_key_is_refused(app, running):
    from itsdangerous import URLSafeSerializer

    forged = URLSafeSerializer("guessed-key", salt="participant").dumps(
        {"p": 1, "s": running.id}
    )
    join(app.test_client(), running.code)  # participant 1 exists
    assert refused(app, {"participant": forged})


def test_a_token_for_a_participant_of_another_session_is_refused(app, running):
    from itsdangerous import URLSafeSerializer

    token = join(app.test_client(), running.code).json["token"]
    data = URLSafeSerializer(app.config["SECRET_KEY"], salt="participant").loads(token)
    moved = URLSafeSerializer(app.config["SECRET_KEY"], salt="participant").dumps(
        {"p": data["p"], "s": data["s"] + 1}
    )
    assert refused(app, {"participant": moved})


def test_a_signed_in_leader_of_an_unknown_session_is_refused(
    app, client, leader, running
):
    assert refused(app, {"leader": running.id + 100}, client)
    assert refused(app, {"leader": str(running.id)}, client)


def test_projector_and_phone_connect_with_their_tokens(app, running):
    token = join(app.test_client(), running.code).json["token"]
    assert not refused(app, {"participant": token})
    assert not refused(app, {"projector": running.projector_token})
