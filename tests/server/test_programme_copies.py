"""The programme editor over HTTP: copies and their origin, removing an item,
the answers guard, and the phone preview. Pages run in English (?lang=en)."""

import json
import re

import pytest
from sqlalchemy import select

from server import accounts, models, seed
from server.extensions import db
from sessions.builtin import INTEGRATION

from .conftest import sign_in
from .editor_support import answer, count, ids, item_asking, meeting_titled, snapshot

VEM = "Vem är du"
BUILT_IN_ITEMS = sum(len(m.items) for m in INTEGRATION.meetings)


@pytest.fixture
def signed_in(app, client):
    sign_in(app, client)
    return client


def test_a_copy_links_to_the_first_asking_and_shows_it(app, signed_in):
    first = ids(app, "Träff 1", VEM)
    again = ids(app, "Träff 3", VEM)  # itself linked to Träff 1's
    traff_4 = ids(app, "Träff 4")
    for source in (first, again):
        copied = signed_in.post(
            f"/leader/meetings/{traff_4}/copy", data={"item_id": source}
        )
        assert copied.status_code == 302
    with app.app_context():
        copies = meeting_titled("Träff 4").items[-2:]
        assert [c.origin_id for c in copies] == [first, first]
        assert copies[0].prompt.startswith(VEM)
        assert copies[0].config == db.session.get(models.ProgrammeItem, first).config
    page = signed_in.get(f"/leader/meetings/{traff_4}/programme?lang=en").text
    assert "Copied from Träff 1: Vem är du? Vilka roller" in page
    origin = signed_in.get(f"/leader/meetings/{ids(app)}/programme?lang=en").text
    assert "Asked again in: Träff 3, Träff 4, Träff 4, Träff 4" in origin


def test_copying_from_another_project_or_nothing_is_refused(app, signed_in):
    with app.app_context():
        other = models.Project(name="Annat", catalogues={})
        meeting = models.Meeting(position=1, title="M")
        meeting.items.append(models.ProgrammeItem(position=1, kind="text", prompt="?"))
        other.meetings.append(meeting)
        db.session.add(other)
        db.session.flush()
        accounts.add_member(other.id, seed.default_leader().id)
        db.session.commit()
        foreign = meeting.items[0].id
    traff_3 = ids(app, "Träff 3")
    too_big = {"item_id": "99999999999999999999"}
    for data in ({"item_id": foreign}, {"item_id": "x"}, {}, too_big, {"item_id": -1}):
        response = signed_in.post(f"/leader/meetings/{traff_3}/copy", data=data)
        assert response.status_code == 302, data
    with app.app_context():
        assert count(models.ProgrammeItem) == BUILT_IN_ITEMS + 1


def test_removing_an_item_unlinks_its_activities_and_copies(app, signed_in):
    first = ids(app, "Träff 1", VEM)
    with app.app_context():
        activity_id = answer(db.session.get(models.ProgrammeItem, first)).id
    assert signed_in.post(f"/leader/items/{first}/remove").status_code == 302
    with app.app_context():
        assert db.session.get(models.ProgrammeItem, first) is None
        assert db.session.get(models.Activity, activity_id).item_id is None
        assert [i.position for i in meeting_titled("Träff 1").items] == [1, 2]
        # Träff 3's is now the first asking, and Träff 4's links to it.
        traff_3 = item_asking(VEM, meeting_titled("Träff 3"))
        traff_4 = item_asking(VEM, meeting_titled("Träff 4"))
        assert traff_3.origin_id is None
        assert traff_4.origin_id == traff_3.id


@pytest.mark.parametrize("draft", [False, True])
def test_an_answered_item_keeps_its_question_and_settings(app, signed_in, draft):
    item = ids(app, "Träff 1", VEM)
    with app.app_context():
        row = db.session.get(models.ProgrammeItem, item)
        answer(row, draft=draft)
        before = snapshot(row)
    edit = f"/leader/items/{item}/edit?lang=en"
    assert "This activity has answers from Träff 1" in signed_in.get(edit).text
    for data in (
        {"kind": "roles", "prompt": "Vem är du nu?", "allow_own": "on"},
        {"kind": "roles", "prompt": before[1]},  # allow_own unticked
        {"kind": "choice", "prompt": before[1], "options": "Ja\nNej"},
    ):
        refused = signed_in.post(edit, data={**data, "hide_results": "on"})
        assert refused.status_code == 409
        assert "already has answers, in the session of Träff 1" in refused.text
        assert "copy it and edit the copy" in refused.text
    with app.app_context():
        assert snapshot(db.session.get(models.ProgrammeItem, item)) == before
    # Whether results are hidden, and the position, may still change.
    shown = {"kind": "roles", "prompt": before[1], "allow_own": "on"}
    assert signed_in.post(edit, data=shown).status_code == 302
    signed_in.post(f"/leader/items/{item}/move", data={"direction": "down"})
    with app.app_context():
        after = snapshot(db.session.get(models.ProgrammeItem, item))
        assert after[:3] == before[:3]
        assert (after[3], after[4]) == (False, 2)


def test_the_phone_preview_renders_the_starting_settings(app, signed_in):
    item = ids(app, "Träff 1", VEM)
    page = signed_in.get(f"/leader/items/{item}/preview?lang=en")
    assert page.status_code == 200
    assert "js/programme_preview.js" in page.text
    data = json.loads(
        re.search(r'id="preview-data">(.*?)</script>', page.text, re.S).group(1)
    )
    assert data["kind"] == "roles"
    assert "Samordnare" in data["config"]["catalogue"]  # the project's roles
    with app.app_context():
        assert db.session.scalar(select(models.LiveSession)) is None


@pytest.mark.parametrize("kind", ["status_check", "lessons", "next_steps"])
def test_a_preview_of_a_new_kind_fills_what_a_session_would(app, signed_in, kind):
    from sessions.kinds import KINDS

    if kind not in KINDS:
        pytest.skip(f"{kind} is not registered yet")
    meeting = ids(app, "Träff 4")
    signed_in.post(
        f"/leader/meetings/{meeting}/items",
        data={"kind": kind, "prompt": "Hur gick det?"},
    )
    with app.app_context():
        item = meeting_titled("Träff 4").items[-1].id
    page = signed_in.get(f"/leader/items/{item}/preview?lang=en")
    assert page.status_code == 200
    data = json.loads(
        re.search(r'id="preview-data">(.*?)</script>', page.text, re.S).group(1)
    )
    assert data["kind"] == kind and data["config"] is not None
