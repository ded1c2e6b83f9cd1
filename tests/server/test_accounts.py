"""Leaders' accounts: passwords (argon2id), sign-in with them, its limits and
its expiry, choosing a password, co-leaders invited from the console, and the
command that creates a leader (docs/accounts.md)."""

import re
import time

import pytest
from sqlalchemy import select

from server import accounts, models, seed, tokens
from server.extensions import db, limiter, socketio
from tests.conftest import make_app

PASSWORD = "korv med bröd i Visby"


def builtin_project_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(models.Project.id).order_by(models.Project.id))


def new_leader(app, email="bo@example.se", password=PASSWORD, project_id=None):
    with app.app_context():
        leader = accounts.create_leader("Bo Ledare", email, password)
        if project_id is not None:
            accounts.add_member(project_id, leader.id)
        db.session.commit()
        return leader.id


def sign_in(client, email="bo@example.se", password=PASSWORD):
    return client.post("/login", data={"email": email, "password": password})


def link_sign_in(app, client, leader_id=None, query=""):
    with app.app_context():
        leader = (
            db.session.get(models.Leader, leader_id)
            if leader_id
            else seed.default_leader()
        )
        token = tokens.new_login_token(leader)
    return client.get(f"/login/{token}{query}")


def test_a_password_is_stored_as_an_argon2id_hash_only(app):
    leader_id = new_leader(app)
    with app.app_context():
        stored = db.session.get(models.Leader, leader_id).password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_signing_in_with_a_password(app, client):
    new_leader(app, project_id=builtin_project_id(app))
    assert client.get("/leader/").status_code == 302
    signed = sign_in(client, email="  BO@example.se ")  # as people type it
    assert signed.status_code == 302 and signed.headers["Location"] == "/leader/"
    assert "Integration" in client.get("/leader/?lang=en").text
    # Signed in for this browser only: no remember-me cookie outliving it.
    assert client.get_cookie("remember_token") is None
    assert client.get_cookie("session").expires is not None


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("bo@example.se", "fel lösenord helt och hållet"),
        ("nobody@example.se", PASSWORD),
        ("bo@example.se", ""),
        ("bo@example.se", "x" * 10_000),
    ],
)
def test_a_wrong_email_or_password_says_so_and_signs_nobody_in(
    app, client, email, password
):
    new_leader(app)
    refused = client.post("/login?lang=en", data={"email": email, "password": password})
    assert refused.status_code == 401
    assert "Wrong email address or password." in refused.text
    assert client.get("/leader/").status_code == 302  # still signed out


def test_a_leader_without_a_password_cannot_sign_in_with_one(app, client):
    with app.app_context():
        leader = accounts.create_leader("Ny", "ny@example.se")  # invited, no password
        db.session.commit()
        assert leader.password_hash is None
    assert sign_in(client, "ny@example.se", "").status_code == 401


@pytest.fixture
def limited(tmp_path):
    """An app whose rate limits are on (TestConfig turns them off)."""
    app = make_app(f"sqlite:///{tmp_path / 'limited.db'}", RATELIMIT_ENABLED=True)
    with app.app_context():
        limiter.reset()
    yield app
    with app.app_context():
        limiter.reset()
        db.engine.dispose()


def test_guessing_passwords_is_stopped_after_ten_failures(limited):
    new_leader(limited)
    client = limited.test_client()
    for _ in range(10):
        assert sign_in(client, password="gissning nummer x").status_code == 401
    refused = client.post(
        "/login?lang=en", data={"email": "bo@example.se", "password": PASSWORD}
    )
    assert refused.status_code == 429  # even the right password, for now
    assert "Too many attempts." in refused.text
    assert int(refused.headers["Retry-After"]) > 0
    assert client.get("/leader/").status_code == 302


def test_signing_in_right_is_never_limited(limited):
    new_leader(limited)
    for _ in range(15):
        client = limited.test_client()
        assert sign_in(client).status_code == 302


def test_one_leaders_password_is_guarded_from_many_addresses(limited):
    new_leader(limited)
    for number in range(20):
        client = limited.test_client()
        address = {"REMOTE_ADDR": f"10.0.0.{number}"}
        guess = client.post(
            "/login",
            data={"email": "bo@example.se", "password": f"gissning {number:04}"},
            environ_base=address,
        )
        assert guess.status_code == 401
    late = limited.test_client().post(
        "/login", data={"email": "bo@example.se", "password": PASSWORD}
    )
    assert late.status_code == 429


def test_a_sign_in_expires(app, client):
    link_sign_in(app, client)
    assert client.get("/leader/").status_code == 200
    hours = app.config["SIGN_IN_HOURS"]
    with client.session_transaction() as cookie_session:
        cookie_session[accounts.SIGNED_IN_KEY] = int(time.time()) - hours * 3600 - 60
    expired = client.get("/leader/")
    assert expired.status_code == 302 and "/login" in expired.headers["Location"]


def test_an_expired_sign_in_opens_no_console_socket(app, client, running):
    link_sign_in(app, client)
    with client.session_transaction() as cookie_session:
        cookie_session[accounts.SIGNED_IN_KEY] = 0
    sock = socketio.test_client(
        app, flask_test_client=client, auth={"leader": running.id}
    )
    assert not sock.is_connected()


def test_a_link_signed_leader_chooses_a_password(app, client):
    leader_id = new_leader(app, password=None)
    # In English: the suggestion is flashed in the language of this request.
    opened = link_sign_in(app, client, leader_id, query="?lang=en")
    assert opened.headers["Location"] == "/leader/"
    home = client.get("/leader/?lang=en").text
    assert "Choose a password under Password" in home
    page = client.get("/leader/password?lang=en").text
    assert "Current password" not in page  # there is none yet
    short = client.post(
        "/leader/password?lang=en", data={"password": "kort", "again": "kort"}
    )
    assert short.status_code == 400 and "10 to 200 characters" in short.text
    differ = client.post(
        "/leader/password?lang=en", data={"password": PASSWORD, "again": "annat"}
    )
    assert differ.status_code == 400 and "differ" in differ.text
    saved = client.post(
        "/leader/password", data={"password": PASSWORD, "again": PASSWORD}
    )
    assert saved.status_code == 302
    assert sign_in(app.test_client()).status_code == 302


def test_changing_a_password_needs_the_current_one(app, client):
    new_leader(app)
    sign_in(client)
    new = "ett helt nytt lösenord"
    wrong = client.post(
        "/leader/password?lang=en",
        data={"current": "gissat", "password": new, "again": new},
    )
    assert wrong.status_code == 400 and "current password is not right" in wrong.text
    assert sign_in(app.test_client()).status_code == 302  # unchanged
    right = client.post(
        "/leader/password", data={"current": PASSWORD, "password": new, "again": new}
    )
    assert right.status_code == 302
    assert sign_in(app.test_client(), password=new).status_code == 302
    assert sign_in(app.test_client()).status_code == 401


def test_a_co_leader_is_invited_with_a_one_time_link(app, client):
    project_id = builtin_project_id(app)
    link_sign_in(app, client)
    page = client.post(
        f"/leader/projects/{project_id}/leaders?lang=en",
        data={"name": "Cia Ledare", "email": "cia@example.se"},
    )
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    link = re.search(r'value="(http://[^"]+/login/[^"]+)"', page.text).group(1)
    invited = app.test_client()
    assert invited.get(f"/leader/projects/{project_id}/programme").status_code == 302
    assert invited.get(link).headers["Location"] == "/leader/"
    assert invited.get(f"/leader/projects/{project_id}/programme").status_code == 200
    assert app.test_client().get(link).status_code == 403  # used once
    listed = client.get(f"/leader/projects/{project_id}/leaders").text
    assert "Cia Ledare" in listed and "Processledare" in listed


def test_inviting_someone_with_an_account_adds_them_and_makes_no_link(app, client):
    """A link to an existing account would let the inviter in as them."""
    project_id = builtin_project_id(app)
    leader_id = new_leader(app)
    link_sign_in(app, client)
    page = client.post(
        f"/leader/projects/{project_id}/leaders?lang=en",
        data={"name": "", "email": "BO@example.se"},
    )
    assert page.status_code == 200 and "/login/" not in page.text
    assert "already have an account here" in page.text
    with app.app_context():
        assert accounts.is_member(leader_id, project_id)
        assert db.session.scalar(select(db.func.count(models.Leader.id))) == 2
        unused = select(db.func.count(models.LoginToken.id)).where(
            models.LoginToken.leader_id == leader_id
        )
        assert db.session.scalar(unused) == 0


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"name": "Utan adress", "email": "inte-en-adress"}, "Write an email address."),
        ({"name": "", "email": "ny@example.se"}, "Write a name of at most 120"),
        ({"name": "x" * 121, "email": "ny@example.se"}, "Write a name of at most 120"),
        ({}, "Write a name of at most 120"),
    ],
)
def test_a_bad_invitation_is_refused_and_changes_nothing(app, client, form, message):
    project_id = builtin_project_id(app)
    link_sign_in(app, client)
    refused = client.post(f"/leader/projects/{project_id}/leaders?lang=en", data=form)
    assert refused.status_code == 400 and message in refused.text
    with app.app_context():
        assert len(accounts.leaders_of(project_id)) == 1
        assert db.session.scalar(select(db.func.count(models.Leader.id))) == 1


def test_removing_someone_who_leads_nothing_here_is_not_found(app, client):
    project_id = builtin_project_id(app)
    other = new_leader(app)  # leads no project
    link_sign_in(app, client)
    for leader_id in (other, 999999):
        gone = client.post(f"/leader/projects/{project_id}/leaders/{leader_id}/remove")
        assert gone.status_code == 404
    with app.app_context():
        assert len(accounts.leaders_of(project_id)) == 1


def test_the_last_leader_stays_and_a_co_leader_can_leave(app, client):
    project_id = builtin_project_id(app)
    with app.app_context():
        me = seed.default_leader().id
    link_sign_in(app, client)
    kept = client.post(f"/leader/projects/{project_id}/leaders/{me}/remove")
    assert kept.status_code == 302
    with app.app_context():
        assert accounts.is_member(me, project_id)
    new_leader(app, project_id=project_id)
    left = client.post(f"/leader/projects/{project_id}/leaders/{me}/remove")
    assert left.headers["Location"] == "/leader/"
    assert client.get(f"/leader/projects/{project_id}/programme").status_code == 403
    assert "Integration" not in client.get("/leader/").text


def test_a_leader_of_another_project_is_kept_out(app, client, running):
    new_leader(app)  # leads no project here
    sign_in(client)
    project_id = builtin_project_id(app)
    assert "Integration" not in client.get("/leader/").text
    for url in (
        f"/leader/projects/{project_id}/programme",
        f"/leader/sessions/{running.id}",
        f"/projects/{project_id}",
        f"/leader/projects/{project_id}/leaders",
    ):
        assert client.get(url).status_code == 403, url
    assert client.get("/projects/999999").status_code == 404
    sock = socketio.test_client(
        app, flask_test_client=client, auth={"leader": running.id}
    )
    assert not sock.is_connected()


def test_the_command_line_creates_a_leader(app):
    project_id = builtin_project_id(app)
    runner = app.test_cli_runner()
    made = runner.invoke(
        args=[
            "mellanrum",
            "create-leader",
            "--name",
            "Dag",
            "--email",
            "dag@example.se",
            "--project",
            str(project_id),
            "--password",
            PASSWORD,
        ]
    )
    assert made.exit_code == 0, made.output
    with app.app_context():
        leader = accounts.leader_by_email("dag@example.se")
        assert accounts.is_member(leader.id, project_id)
    again = runner.invoke(
        args=[
            "mellanrum",
            "create-leader",
            "--name",
            "Dag",
            "--email",
            "DAG@example.se",
            "--password",
            PASSWORD,
        ]
    )
    assert again.exit_code != 0 and "already exists" in again.output
    short = runner.invoke(
        args=[
            "mellanrum",
            "create-leader",
            "--name",
            "E",
            "--email",
            "e@example.se",
            "--password",
            "kort",
        ]
    )
    assert short.exit_code != 0 and "10 to 200 characters" in short.output
    with app.app_context():
        assert accounts.leader_by_email("e@example.se") is None


def test_a_removed_co_leaders_open_console_stops_obeying(app, client, running):
    project_id = builtin_project_id(app)
    leader_id = new_leader(app, project_id=project_id)
    sign_in(client)
    sock = socketio.test_client(
        app, flask_test_client=client, auth={"leader": running.id}
    )
    assert sock.is_connected()
    opened = sock.emit(
        "open_activity", {"activity_id": running.activity_id}, callback=True
    )
    assert opened["ok"] is True
    with app.app_context():
        db.session.delete(db.session.get(models.ProjectLeader, (project_id, leader_id)))
        db.session.commit()
    closed = sock.emit(
        "close_activity", {"activity_id": running.activity_id}, callback=True
    )
    assert closed["error"] == "forbidden"
    with app.app_context():
        assert db.session.get(models.Activity, running.activity_id).state == "open"
    sock.disconnect()


def test_an_expired_sign_in_stops_an_open_console(app, client, running):
    link_sign_in(app, client)
    sock = socketio.test_client(
        app, flask_test_client=client, auth={"leader": running.id}
    )
    assert sock.emit("sync", {}, callback=True)["ok"] is True
    hours = app.config["SIGN_IN_HOURS"]
    later = time.time() + hours * 3600 + 60
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "datetime", _Clock(later))
        refused = sock.emit(
            "open_activity", {"activity_id": running.activity_id}, callback=True
        )
    assert refused["error"] == "forbidden"
    sock.disconnect()


class _Clock:
    """datetime, with ``now`` at a chosen moment."""

    def __init__(self, timestamp: float) -> None:
        self._timestamp = timestamp

    def now(self, zone):
        from datetime import datetime

        return datetime.fromtimestamp(self._timestamp, zone)

    def fromtimestamp(self, timestamp, zone):
        from datetime import datetime

        return datetime.fromtimestamp(timestamp, zone)


def test_a_new_password_ends_every_other_sign_in_and_unused_link(app, client):
    leader_id = new_leader(app)
    elsewhere = app.test_client()
    sign_in(elsewhere)
    with app.app_context():
        spare = tokens.new_login_token(db.session.get(models.Leader, leader_id))
    sign_in(client)
    new = "ett helt annat lösenord"
    saved = client.post(
        "/leader/password", data={"current": PASSWORD, "password": new, "again": new}
    )
    assert saved.status_code == 302
    assert client.get("/leader/").status_code == 200  # this browser stays
    gone = elsewhere.get("/leader/")
    assert gone.status_code == 302 and "/login" in gone.headers["Location"]
    assert app.test_client().get(f"/login/{spare}").status_code == 403


def test_a_signed_in_page_loading_its_files_does_not_rewrite_the_cookie(app, client):
    """A file's answer must not send the cookie session again: one fetched
    while a form was answered would write back the older cookie and drop the
    form's flash (seen as a flaky browser test of removing a comment)."""
    link_sign_in(app, client)
    assert client.get("/leader/").status_code == 200
    for path in ("/static/css/app.css", "/leader/"):
        response = client.get(path)
        response.close()  # the file's handle
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers, path
