"""Homework between meetings: assigning, drafts, hand-ins, due dates, closing."""

import json
from datetime import timedelta
from urllib.parse import unquote

from sqlalchemy import func, select

from server import models
from server.extensions import db, socketio
from server.timeutil import utcnow

from .conftest import call, join, sign_in
from .homework_support import actor, assign, others_view

VIEW = others_view(actor("Länsstyrelsen", "Länsstyrelsen Skåne", ["Samordnare"], 3))


def homework_phone(app, code, name="Anna", organisation="Region Skåne"):
    response = join(app.test_client(), code, name, organisation)
    assert response.status_code == 201, response.json
    sock = socketio.test_client(app, auth={"participant": response.json["token"]})
    assert sock.is_connected()
    sock.token = response.json["token"]
    return sock


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def item_id(app, kind):
    with app.app_context():
        return db.session.scalar(
            select(models.ProgrammeItem.id).where(models.ProgrammeItem.kind == kind)
        )


def test_the_leader_assigns_homework_with_a_due_date(app, client):
    sign_in(app, client)
    response = client.post(
        f"/leader/items/{item_id(app, 'others_view')}/homework",
        data={"due_at": "2099-01-20T17:00", "allow_anonymous": "on"},
    )
    assert response.status_code == 302
    with app.app_context():
        live = db.session.scalar(
            select(models.LiveSession).where(models.LiveSession.mode == "homework")
        )
        row = live.activities[0]
        assert (row.kind, row.state) == ("others_view", "open")
        # 17:00 in Stockholm in winter is 16:00 UTC.
        assert row.due_at.isoformat() == "2099-01-20T16:00:00"
        assert response.headers["Location"].endswith(f"/leader/homework/{live.id}")
    page = client.get(f"/leader/homework/{live.id}")
    assert page.status_code == 200
    assert live.join_code in page.text


def test_a_due_date_in_the_past_or_malformed_is_refused(app, client):
    sign_in(app, client)
    for due in ("2001-01-01T10:00", "tomorrow"):
        response = client.post(
            f"/leader/items/{item_id(app, 'others_view')}/homework",
            data={"due_at": due},
            follow_redirects=True,
        )
        assert response.status_code == 200
        assert 'class="notice notice-error flash"' in response.text
    assert count(app, models.LiveSession) == 0


def test_only_homework_kinds_can_be_assigned(app, client):
    sign_in(app, client)
    response = client.post(
        f"/leader/items/{item_id(app, 'roles')}/homework",
        data={"due_at": "2099-01-20T17:00"},
    )
    assert response.status_code == 302
    assert count(app, models.LiveSession) == 0


def test_assigning_needs_a_signed_in_leader(app, client):
    response = client.post(
        f"/leader/items/{item_id(app, 'others_view')}/homework",
        data={"due_at": "2099-01-20T17:00"},
    )
    assert response.status_code in (302, 401)
    assert count(app, models.LiveSession) == 0


def test_the_join_link_opens_the_homework_page(app, client):
    assigned = assign(app)
    page = client.get(f"/join/{assigned.code}")
    assert page.status_code == 200
    assert 'id="homework-data"' in page.text or "homework" in page.text


def test_a_draft_is_saved_and_comes_back_on_sync(app):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    half = {"actors": [{"kind": "Läns"}]}  # incomplete, as typed so far
    reply = call(
        sock, "save_draft", {"activity_id": assigned.activity_id, "answer": half}
    )
    assert reply["ok"], reply
    state = call(sock, "sync")
    assert state["draft"]["answer"] == half
    assert state["submission"] is None
    assert state["activity"]["due_at"].endswith("Z")
    # A newer draft replaces the older one.
    call(sock, "save_draft", {"activity_id": assigned.activity_id, "answer": VIEW})
    assert call(sock, "sync")["draft"]["answer"] == VIEW
    assert count(app, models.Draft) == 1


def test_the_same_browser_is_known_on_another_day(app):
    """The token is all a page keeps: a new socket with it is the same person."""
    assigned = assign(app)
    first = homework_phone(app, assigned.code)
    call(first, "save_draft", {"activity_id": assigned.activity_id, "answer": VIEW})
    first.disconnect()
    later = socketio.test_client(app, auth={"participant": first.token})
    assert call(later, "sync")["draft"]["answer"] == VIEW


def test_an_oversized_draft_is_refused_and_the_saved_one_kept(app):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    call(sock, "save_draft", {"activity_id": assigned.activity_id, "answer": VIEW})
    huge = {"actors": [actor(quote="x" * 240_000)]}
    reply = call(
        sock, "save_draft", {"activity_id": assigned.activity_id, "answer": huge}
    )
    assert reply["error"] == "too_long"
    assert reply["message"]
    assert call(sock, "sync")["draft"]["answer"] == VIEW


def test_a_draft_from_another_participants_token_is_refused(app, running, phone):
    """A participant of another session, or a forged token, cannot save here."""
    assigned = assign(app)
    stranger = phone()  # joined the meeting session, not the homework
    reply = call(
        stranger, "save_draft", {"activity_id": assigned.activity_id, "answer": VIEW}
    )
    assert reply["error"] == "unknown_activity"
    forged = socketio.test_client(app, auth={"participant": stranger.token + "x"})
    assert not forged.is_connected()
    assert count(app, models.Draft) == 0


def test_submit_and_edit_until_the_due_date(app):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    first = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "hw-first-1",
            "answer": VIEW,
        },
    )
    assert first["ok"], first
    changed = others_view(actor("Arbetsförmedlingen", roles=["Mäklare"], size=1))
    second = call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "hw-second",
            "answer": changed,
        },
    )
    assert second["ok"], second
    assert call(sock, "sync")["submission"]["answer"]["actors"][0]["kind"] == (
        "Arbetsförmedlingen"
    )


def test_after_the_due_date_answers_and_drafts_are_refused_and_kept(app):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    call(sock, "save_draft", {"activity_id": assigned.activity_id, "answer": VIEW})
    call(
        sock,
        "submit",
        {"activity_id": assigned.activity_id, "client_id": "hw-before", "answer": VIEW},
    )
    with app.app_context():
        row = db.session.get(models.Activity, assigned.activity_id)
        row.due_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    late = others_view(actor("Kommunerna"))
    refused = call(
        sock,
        "submit",
        {"activity_id": assigned.activity_id, "client_id": "hw-late-1", "answer": late},
    )
    assert refused["error"] == "past_due"
    assert refused["message"] and refused["message"] != "past_due"
    draft = call(
        sock, "save_draft", {"activity_id": assigned.activity_id, "answer": late}
    )
    assert draft["error"] == "past_due"
    state = call(sock, "sync")
    assert state["draft"]["answer"] == VIEW
    assert state["submission"]["answer"] == VIEW


def test_the_leader_moves_the_due_date(app, client):
    assigned = assign(app, days=1)
    sign_in(app, client)
    response = client.post(
        f"/leader/homework/{assigned.id}/due", data={"due_at": "2099-03-01T12:00"}
    )
    assert response.status_code == 302
    with app.app_context():
        row = db.session.get(models.Activity, assigned.activity_id)
        assert row.due_at.isoformat() == "2099-03-01T11:00:00"
    past = client.post(
        f"/leader/homework/{assigned.id}/due",
        data={"due_at": "2001-03-01T12:00"},
        follow_redirects=True,
    )
    assert past.status_code == 200
    with app.app_context():
        assert db.session.get(models.Activity, assigned.activity_id).due_at.year == 2099


def test_closing_freezes_the_outcome_and_refuses_answers(app, client):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "hw-closed-1",
            "answer": VIEW,
        },
    )
    sign_in(app, client)
    assert client.post(f"/leader/homework/{assigned.id}/close").status_code == 302
    with app.app_context():
        row = db.session.get(models.Activity, assigned.activity_id)
        assert row.final_snapshot["results"]["answers"] == 1
        assert row.live_session.status == "ended"
    # The socket was told; a reconnecting phone is refused as the session ended,
    # or its answer refused as closed: either way nothing changes.
    with app.app_context():
        before = db.session.get(models.Activity, assigned.activity_id).version
    page = client.get(f"/leader/homework/{assigned.id}")
    assert page.status_code == 200
    with app.app_context():
        assert db.session.get(models.Activity, assigned.activity_id).version == before


def test_hand_ins_by_organisation_and_a_personal_link(app, client):
    assigned = assign(app)
    anna = homework_phone(app, assigned.code, "Anna", "Region Skåne")
    homework_phone(app, assigned.code, "Bo", "Region Halland")
    carl = homework_phone(app, assigned.code, "Carl", "Region Uppsala")
    call(
        anna,
        "submit",
        {"activity_id": assigned.activity_id, "client_id": "hw-anna-1", "answer": VIEW},
    )
    call(carl, "save_draft", {"activity_id": assigned.activity_id, "answer": VIEW})
    sign_in(app, client)
    page = client.get(f"/leader/homework/{assigned.id}").text
    assert page.index("Region Halland") < page.index("Region Skåne")
    assert page.index("Region Skåne") < page.index("Region Uppsala")
    assert "1 of 3" in page or "1 av 3" in page
    # The link again, for a reminder e-mail.
    mailto = page.split('href="mailto:?subject=')[1].split('"')[0]
    assert f"/join/{assigned.code}" in unquote(mailto)
    with app.app_context():
        bo = db.session.scalar(
            select(models.Participant).where(models.Participant.name == "Bo")
        )
    linked = client.get(f"/leader/homework/{assigned.id}?continue_for={bo.id}").text
    token = linked.split("#continue=")[1].split("<")[0].strip()
    again = socketio.test_client(app, auth={"participant": token})
    assert call(again, "sync")["participant"]["name"] == "Bo"


def test_homework_items_are_not_run_in_the_room(app, running):
    with app.app_context():
        live = db.session.get(models.LiveSession, running.id)
        assert [a.kind for a in live.activities] == ["roles", "scale"]


def test_open_pages_hear_of_a_new_due_date_and_of_closing(app, client):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    sock.get_received()
    sign_in(app, client)
    client.post(
        f"/leader/homework/{assigned.id}/due", data={"due_at": "2099-03-01T12:00"}
    )
    told = [m["args"][0] for m in sock.get_received() if m["name"] == "activity"]
    assert told[-1]["due_at"] == "2099-03-01T11:00:00.000Z"
    client.post(f"/leader/homework/{assigned.id}/close")
    assert "session_ended" in [m["name"] for m in sock.get_received()]


def test_joining_after_the_due_date_is_refused(app):
    assigned = assign(app)
    with app.app_context():
        row = db.session.get(models.Activity, assigned.activity_id)
        row.due_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    response = join(app.test_client(), assigned.code)
    assert response.status_code == 400
    assert response.json["error"] == "past_due"
    assert count(app, models.Participant) == 0


def test_an_activity_in_the_room_keeps_no_drafts(app, running, phone, leader):
    call(leader, "open_activity", {"activity_id": running.activity_id})
    sock = phone()
    reply = call(
        sock,
        "save_draft",
        {"activity_id": running.activity_id, "answer": {"roles": ["Nav"]}},
    )
    assert reply["error"] == "not_homework"
    assert count(app, models.Draft) == 0


def test_the_console_assigns_and_shows_the_projects_homework(app, client, running):
    sign_in(app, client)
    client.set_cookie("lang", "en")
    console = client.get(f"/leader/sessions/{running.id}").text
    # Träff 1's own homework item can be assigned from its console.
    assert f'action="/leader/items/{item_id(app, "others_view")}/homework"' in console
    assigned = assign(app, kind="actor_map")
    console = client.get(f"/leader/sessions/{running.id}").text
    assert f'data-show-homework="{assigned.activity_id}"' in console


def test_a_closed_homework_is_in_the_archive(app, client):
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    call(
        sock,
        "submit",
        {
            "activity_id": assigned.activity_id,
            "client_id": "hw-archive",
            "answer": VIEW,
        },
    )
    sign_in(app, client)
    client.post(f"/leader/homework/{assigned.id}/close")
    home = client.get("/leader/").text
    assert f"/leader/homework/{assigned.id}" in home
    archive = client.get(f"/archive/{assigned.id}")
    assert archive.status_code == 200
    marker = f'id="results-{assigned.activity_id}">'
    frozen = json.loads(archive.text.split(marker)[1].split("</script>")[0])
    assert frozen["kind"] == "others_view"
    assert frozen["results"]["kinds"][0]["names"] == ["Länsstyrelsen Skåne"]


def test_a_draft_with_a_lone_surrogate_is_refused(app):
    """Found by the fuzzing: such text cannot be encoded, let alone stored."""
    assigned = assign(app)
    sock = homework_phone(app, assigned.code)
    reply = call(
        sock,
        "save_draft",
        {"activity_id": assigned.activity_id, "answer": {"quote": "\ud800"}},
    )
    assert reply["error"] == "invalid"
    assert count(app, models.Draft) == 0


def test_closing_twice_says_so_and_changes_nothing(app, client):
    assigned = assign(app)
    sign_in(app, client)
    client.post(f"/leader/homework/{assigned.id}/close")
    again = client.post(f"/leader/homework/{assigned.id}/close", follow_redirects=True)
    assert again.status_code == 200
    assert 'class="notice notice-error flash"' in again.text
    # Not a homework, or no such one: no page.
    assert client.post("/leader/homework/999999/close").status_code == 404
