"""Leaders' comments on archived activities: written, edited and removed on the
archive page, beside the frozen outcome, which they never change."""

import html

import pytest
from sqlalchemy import func, select

from server import accounts, live, models, tokens
from server.extensions import db

from .archive_support import start
from .conftest import sign_in


@pytest.fixture
def ended(app):
    """Träff 1 run and ended: its Roles activity answered and frozen."""
    with app.app_context():
        run = start("Träff 1")
        run.join("Anna", "Region Skåne")
        run.open("roles")
        run.answer("Anna", "roles", {"roles": ["Samordnare"]})
        live.end_session(run.row)
        return run.id, run.ids["roles"]


def outcome(app, activity_id):
    with app.app_context():
        row = db.session.get(models.Activity, activity_id)
        return row.final_snapshot, row.version


def comments(app):
    with app.app_context():
        return [
            (a.activity_id, a.leader.name, a.text)
            for a in db.session.scalars(
                select(models.Annotation).order_by(models.Annotation.id)
            )
        ]


def add(client, activity_id, text):
    return client.post(
        f"/archive/activities/{activity_id}/annotations", data={"text": text}
    )


def test_signing_in_is_required(app, client, ended):
    _, activity_id = ended
    for response in (
        add(client, activity_id, "Bra"),
        client.post("/archive/annotations/1/edit", data={"text": "Bra"}),
        client.post("/archive/annotations/1/remove"),
    ):
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    assert comments(app) == []


def test_comments_are_added_edited_and_removed_beside_the_outcome(app, client, ended):
    session_id, activity_id = ended
    frozen = outcome(app, activity_id)
    assert frozen[0] is not None
    sign_in(app, client)
    client.set_cookie("lang", "en")
    page = f"/archive/{session_id}"

    first = add(client, activity_id, "  Samordnare  dominerar.\r\n\r\n\r\nVarför?  ")
    assert first.status_code == 302
    assert first.headers["Location"].endswith(f"{page}#archived-{activity_id}")
    add(client, activity_id, "<script>alert(1)</script> & mer")
    assert comments(app) == [
        (activity_id, "Processledare", "Samordnare dominerar.\n\nVarför?"),
        (activity_id, "Processledare", "<script>alert(1)</script> & mer"),
    ]
    shown = client.get(page).text
    assert "The comment is added." in shown
    # Escaped by Jinja, line breaks kept as written (CSS pre-wrap shows them).
    assert "<script>alert(1)</script>" not in shown
    assert html.escape("<script>alert(1)</script> & mer", quote=False) in shown
    assert '<p class="annotation-text">Samordnare dominerar.\n\nVarför?</p>' in shown
    assert shown.index("Samordnare dominerar.") < shown.index("alert(1)")
    assert "edited" not in shown

    with app.app_context():
        first_id, second_id = db.session.scalars(
            select(models.Annotation.id).order_by(models.Annotation.id)
        ).all()
    edited = client.post(
        f"/archive/annotations/{first_id}/edit", data={"text": "Ny\ntext"}
    )
    assert edited.headers["Location"].endswith(f"{page}#archived-{activity_id}")
    shown = client.get(page).text
    assert '<p class="annotation-text">Ny\ntext</p>' in shown
    assert "edited" in shown
    removed = client.post(f"/archive/annotations/{second_id}/remove")
    assert removed.headers["Location"].endswith(f"{page}#archived-{activity_id}")
    assert comments(app) == [(activity_id, "Processledare", "Ny\ntext")]
    assert "The comment is removed." in client.get(page).text
    # The outcome is exactly as it was frozen.
    assert outcome(app, activity_id) == frozen


def test_any_co_leader_may_edit_or_remove_and_the_author_stays(app, client, ended):
    _, activity_id = ended
    sign_in(app, client)
    add(client, activity_id, "Från Processledare")
    with app.app_context():
        other = models.Leader(name="Bo Ledare", email="bo@example.se")
        db.session.add(other)
        db.session.flush()
        project_id = db.session.scalar(select(models.ProjectLeader.project_id))
        accounts.add_member(project_id, other.id)  # a co-leader of the project
        db.session.commit()
        token = tokens.new_login_token(other)
        note_id = db.session.scalar(select(models.Annotation.id))
    second = app.test_client()
    assert second.get(f"/login/{token}").status_code == 302
    add(second, activity_id, "Från Bo")
    second.post(f"/archive/annotations/{note_id}/edit", data={"text": "Ändrad"})
    assert comments(app) == [
        (activity_id, "Processledare", "Ändrad"),
        (activity_id, "Bo Ledare", "Från Bo"),
    ]
    assert second.post(f"/archive/annotations/{note_id}/remove").status_code == 302
    assert comments(app) == [(activity_id, "Bo Ledare", "Från Bo")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Comment is required."),
        (" \r\n\t ", "Comment is required."),
        ("x" * 2001, "Comment is too long: at most 2000 characters."),
        (None, "Comment is required."),  # the field left out
    ],
)
def test_empty_and_too_long_comments_are_refused(app, client, ended, text, message):
    session_id, activity_id = ended
    frozen = outcome(app, activity_id)
    sign_in(app, client)
    client.set_cookie("lang", "en")
    data = {} if text is None else {"text": text}
    refused = client.post(f"/archive/activities/{activity_id}/annotations", data=data)
    # Back to the top of the page, where the refusal is shown.
    assert refused.headers["Location"].endswith(f"/archive/{session_id}")
    assert message in client.get(f"/archive/{session_id}").text
    assert comments(app) == []

    add(client, activity_id, "Kvar")
    with app.app_context():
        note_id = db.session.scalar(select(models.Annotation.id))
    refused = client.post(f"/archive/annotations/{note_id}/edit", data=data)
    assert refused.headers["Location"].endswith(f"/archive/{session_id}")
    assert message in client.get(f"/archive/{session_id}").text
    assert comments(app) == [(activity_id, "Processledare", "Kvar")]
    assert outcome(app, activity_id) == frozen


def test_unknown_and_oversized_ids_are_no_page(app, client, ended):
    _, activity_id = ended
    sign_in(app, client)
    add(client, activity_id, "Kvar")
    for target in ("0", "999999", str(2**31 - 1), str(2**31), str(2**70), "-1", "x"):
        assert add(client, target, "Bra").status_code == 404
        for action in ("edit", "remove"):
            response = client.post(
                f"/archive/annotations/{target}/{action}", data={"text": "Bra"}
            )
            assert response.status_code == 404, (target, action)
    assert comments(app) == [(activity_id, "Processledare", "Kvar")]


def test_a_running_sessions_activity_takes_no_comment(app, client, running):
    sign_in(app, client)
    client.set_cookie("lang", "en")
    frozen = outcome(app, running.activity_id)
    refused = add(client, running.activity_id, "För tidigt")
    assert refused.headers["Location"].endswith(f"/archive/{running.id}")
    page = client.get(f"/archive/{running.id}").text
    assert "Comments can be written once the session has ended." in page
    assert "Add a comment" not in page
    with app.app_context():
        count = select(func.count()).select_from(models.Annotation)
        assert db.session.scalar(count) == 0
    assert outcome(app, running.activity_id) == frozen


def test_text_no_database_stores_is_cleaned_first(app, client, ended):
    """NUL and other control characters (PostgreSQL refuses NUL) become spaces."""
    _, activity_id = ended
    sign_in(app, client)
    add(client, activity_id, "Noll\x00tecken\x1b här")
    assert comments(app) == [(activity_id, "Processledare", "Noll tecken här")]
