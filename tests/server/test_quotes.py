"""Starred quotes: the leader stars open texts; the project gathers them, signed
"Participant" unless the author agreed to be named."""

from sqlalchemy import select

from server import live, models
from server.extensions import db, socketio

from .conftest import call, join, sign_in


def start_traff_4(app):
    with app.app_context():
        meeting = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 4")
        )
        started = live.start_session(meeting, allow_anonymous=True)
        ids = {a.kind: a.id for a in started.activities}
        return started.id, started.join_code, ids, meeting.project_id


def participant(app, code, name, **extra):
    response = join(app.test_client(), code, name, "Region Skåne", **extra)
    assert response.status_code == 201, response.json
    return socketio.test_client(app, auth={"participant": response.json["token"]})


def test_starred_texts_gather_for_the_documentation(app, client):
    session_id, code, ids, project_id = start_traff_4(app)
    sign_in(app, client)
    leader = socketio.test_client(
        app, flask_test_client=client, auth={"leader": session_id}
    )
    call(leader, "open_activity", {"activity_id": ids["text"]})
    named = participant(app, code, "Anna", quote_by_name=True)
    shy = participant(app, code, "Bo")
    hidden = participant(app, code, "", anonymous=True, quote_by_name=True)
    texts = {}
    for sock, words in (
        (named, "Det viktiga är att göra!"),
        (shy, "Vi behöver definiera mera."),
        (hidden, "Agera i mellanrummen."),
    ):
        reply = call(
            sock,
            "submit",
            {
                "activity_id": ids["text"],
                "client_id": f"quote-{len(texts):04}",
                "answer": {"text": words},
            },
        )
        texts[words] = reply["submission"]["id"]
    for sub_id in texts.values():
        starred = call(
            leader, "star_submission", {"submission_id": sub_id, "starred": True}
        )
        assert starred == {"ok": True, "submission_id": sub_id, "starred": True}
    console = call(leader, "sync")["snapshots"]
    rows = next(s for s in console if s["activity_id"] == ids["text"])["submissions"]
    assert all(r["starred"] for r in rows)

    client.set_cookie("lang", "en")
    page = client.get(f"/leader/projects/{project_id}/quotes").text
    assert "Det viktiga är att göra!" in page
    assert "— Anna, Region Skåne" in page
    # Not agreed, or anonymous (whatever it ticked): signed "Participant".
    assert page.count("— Participant") == 2
    assert "Bo," not in page

    # Unstarring from the quotes page.
    removed = client.post(f"/leader/submissions/{texts['Agera i mellanrummen.']}/star")
    assert removed.status_code == 302
    assert (
        "Agera i mellanrummen."
        not in client.get(f"/leader/projects/{project_id}/quotes").text
    )


def test_only_open_text_of_ones_own_session_can_be_starred(app, client, running):
    session_id, code, ids, _ = start_traff_4(app)
    sign_in(app, client)
    leader = socketio.test_client(
        app, flask_test_client=client, auth={"leader": session_id}
    )
    call(leader, "open_activity", {"activity_id": ids["choice"]})
    anna = participant(app, code, "Anna")
    chosen = call(
        anna,
        "submit",
        {
            "activity_id": ids["choice"],
            "client_id": "choice-q1",
            "answer": {"choices": ["Ja"]},
        },
    )["submission"]["id"]
    refused = call(
        leader, "star_submission", {"submission_id": chosen, "starred": True}
    )
    assert refused["error"] == "not_quotable"
    other = socketio.test_client(
        app, flask_test_client=client, auth={"leader": running.id}
    )
    foreign = call(other, "star_submission", {"submission_id": chosen, "starred": True})
    assert foreign["error"] == "unknown_submission"
    forbidden = call(
        anna, "star_submission", {"submission_id": chosen, "starred": True}
    )
    assert forbidden["error"] == "forbidden"
    with app.app_context():
        assert db.session.get(models.Submission, chosen).starred is False


def test_the_star_form_refuses_what_is_no_quote(app, client):
    session_id, code, ids, _ = start_traff_4(app)
    sign_in(app, client)
    leader = socketio.test_client(
        app, flask_test_client=client, auth={"leader": session_id}
    )
    call(leader, "open_activity", {"activity_id": ids["choice"]})
    chosen = call(
        participant(app, code, "Anna"),
        "submit",
        {
            "activity_id": ids["choice"],
            "client_id": "choice-q2",
            "answer": {"choices": ["Ja"]},
        },
    )["submission"]["id"]
    assert client.post("/leader/submissions/999999/star").status_code == 404
    assert (
        client.post(f"/leader/submissions/{chosen}/star", data={"starred": "on"})
    ).status_code == 404
    with app.app_context():
        assert db.session.get(models.Submission, chosen).starred is False
    # Not signed in: nothing changes either.
    assert app.test_client().post(f"/leader/submissions/{chosen}/star").status_code in (
        302,
        401,
    )
