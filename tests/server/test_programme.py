"""The programme editor over HTTP: meetings (add, edit, move, remove) and items
of every kind (add, edit, move). Copies, removal, the answers guard and the
phone preview are in test_programme_copies.py. Pages run in English (?lang=en)."""

import pytest

from server import models
from server.extensions import db
from sessions.builtin import INTEGRATION
from sessions.project import CATALOGUE_SETTINGS

from .conftest import sign_in
from .editor_support import count, ids, item_asking, meeting_titled

VEM = "Vem är du"
BUILT_IN_ITEMS = sum(len(m.items) for m in INTEGRATION.meetings)


@pytest.fixture
def signed_in(app, client):
    sign_in(app, client)
    return client


def test_the_editor_pages_need_sign_in(client):
    for url in (
        "/leader/projects/1/programme",
        "/leader/meetings/1/programme",
        "/leader/meetings/1/items/new?kind=text",
        "/leader/items/1/edit",
        "/leader/items/1/preview",
    ):
        assert "/login" in client.get(url).headers["Location"]
    assert "/login" in client.post("/leader/items/1/remove").headers["Location"]
    with client.application.app_context():
        assert count(models.ProgrammeItem) == BUILT_IN_ITEMS


def test_a_meeting_is_added_edited_and_refused_bad_input(app, signed_in):
    url = "/leader/projects/1/meetings?lang=en"
    refused = signed_in.post(
        url, data={"title": "Träff 5", "held_on": "juni", "place": "Umeå"}
    )
    assert refused.status_code == 400
    assert 'id="held_on-error"' in refused.text
    assert 'value="Umeå"' in refused.text
    assert signed_in.post(url, data={"title": " "}).status_code == 400
    with app.app_context():
        assert count(models.Meeting) == 4
    added = signed_in.post(
        url, data={"title": "Träff 5", "held_on": "2017-06-01", "place": "Umeå"}
    )
    assert added.status_code == 302
    with app.app_context():
        meeting = meeting_titled("Träff 5")
        assert (meeting.position, meeting.held_on.isoformat()) == (5, "2017-06-01")
        meeting_id = meeting.id
    details = f"/leader/meetings/{meeting_id}/details"
    assert signed_in.post(details, data={"title": "Avslutning"}).status_code == 302
    with app.app_context():
        meeting = db.session.get(models.Meeting, meeting_id)
        assert (meeting.title, meeting.held_on, meeting.place) == (
            "Avslutning",
            None,
            "",
        )
    assert signed_in.post(details, data={"title": ""}).status_code == 400


def test_meetings_move_and_one_without_sessions_is_removed(app, signed_in):
    second = ids(app, "Träff 2")
    signed_in.post(f"/leader/meetings/{second}/move", data={"direction": "up"})
    with app.app_context():
        assert [m.title for m in db.session.get(models.Project, 1).meetings] == [
            "Träff 2",
            "Träff 1",
            "Träff 3",
            "Träff 4",
        ]
    bad = signed_in.post(f"/leader/meetings/{second}/move", data={"direction": "x"})
    assert bad.status_code == 400
    assert signed_in.post(f"/leader/meetings/{second}/remove").status_code == 302
    with app.app_context():
        meetings = db.session.get(models.Project, 1).meetings
        assert [(m.position, m.title) for m in meetings] == [
            (1, "Träff 1"),
            (2, "Träff 3"),
            (3, "Träff 4"),
        ]


def test_removing_the_meeting_of_a_first_asking_relinks_the_copies(app, signed_in):
    assert signed_in.post(f"/leader/meetings/{ids(app)}/remove").status_code == 302
    with app.app_context():
        traff_3 = item_asking(VEM, meeting_titled("Träff 3"))
        traff_4 = item_asking(VEM, meeting_titled("Träff 4"))
        assert traff_3.origin_id is None
        assert traff_4.origin_id == traff_3.id
        assert meeting_titled("Träff 3").position == 2


def test_a_meeting_with_sessions_is_not_removed(app, signed_in):
    first = ids(app, "Träff 1")
    signed_in.post(f"/leader/meetings/{first}/sessions")
    # The refusal is flashed in the language of the request that made it.
    signed_in.post(f"/leader/meetings/{first}/remove?lang=en")
    page = signed_in.get("/leader/projects/1/programme?lang=en").text
    assert "Träff 1 has sessions (1)" in page
    with app.app_context():
        assert meeting_titled("Träff 1") is not None


ITEMS = {
    "choice": {"options": "Ja\nNej", "multiple": "on"},
    "scale": {"min": "0", "max": "4", "label_min": "Inget", "label_max": "Allt"},
    "text": {"max_length": "200", "display": "cloud"},
    "roles": {"allow_own": "on"},
    "lessons": {"max_lessons": "3", "dots": "5"},
    "next_steps": {"max_steps": "3"},
    "status_check": {},
}


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_an_item_of_each_kind_is_added(app, signed_in, kind):
    from sessions.kinds import KINDS

    if kind not in KINDS:
        pytest.skip(f"{kind} is not registered yet")
    meeting = ids(app, "Träff 3")
    form = signed_in.get(f"/leader/meetings/{meeting}/items/new?kind={kind}&lang=en")
    assert form.status_code == 200
    added = signed_in.post(
        f"/leader/meetings/{meeting}/items",
        data={"kind": kind, "prompt": "Ny fråga", "hide_results": "on", **ITEMS[kind]},
    )
    assert added.status_code == 302
    with app.app_context():
        item = meeting_titled("Träff 3").items[-1]
        assert (item.kind, item.prompt) == (kind, "Ny fråga")
        assert item.position == len(meeting_titled("Träff 3").items)
        # Catalogues come from the project, commitments from the last meeting.
        left_out = {*CATALOGUE_SETTINGS.get(kind, {}), "commitments"}
        assert not left_out & set(item.config)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "choice", "options": "Ja"}, "Give 2 to 20 options."),
        ({"kind": "choice", "options": "Ja\nja"}, "is among the options twice"),
        ({"kind": "scale", "min": "5", "max": "1"}, "Set the lowest value below"),
        ({"kind": "scale", "min": "ett"}, "Lowest value: give a whole number."),
        ({"kind": "text", "max_length": "0", "display": "list"}, "from 1 to 1000"),
        ({"kind": "text", "prompt": " ", "display": "list"}, "Question is required."),
    ],
)
def test_bad_settings_are_refused_and_nothing_added(app, signed_in, data, message):
    meeting = ids(app, "Träff 3")
    response = signed_in.post(
        f"/leader/meetings/{meeting}/items?lang=en",
        data={"prompt": "Min fråga", **data},
    )
    assert response.status_code == 400
    assert message in response.text
    assert 'aria-invalid="true"' in response.text or "settings-error" in response.text
    with app.app_context():
        assert count(models.ProgrammeItem) == BUILT_IN_ITEMS


def test_an_unknown_kind_is_offered_nowhere(app, signed_in):
    meeting = ids(app, "Träff 3")
    page = signed_in.get(f"/leader/meetings/{meeting}/items/new?kind=poll&lang=en")
    assert page.status_code == 302
    posted = signed_in.post(
        f"/leader/meetings/{meeting}/items", data={"kind": "poll", "prompt": "X"}
    )
    assert posted.status_code == 400
    with app.app_context():
        assert count(models.ProgrammeItem) == BUILT_IN_ITEMS


def test_an_item_is_edited_and_its_kind_changed(app, signed_in):
    item = ids(app, "Träff 1", "Hur tydligt")
    page = signed_in.get(f"/leader/items/{item}/edit?lang=en").text
    assert 'value="Otydligt"' in page
    saved = signed_in.post(
        f"/leader/items/{item}/edit",
        data={"kind": "scale", "prompt": "Hur tydligt?", "min": "1", "max": "5",
              "label_min": "Otydligt", "label_max": "Tydligt"},
    )  # fmt: skip
    assert saved.status_code == 302
    changed = signed_in.get(f"/leader/items/{item}/edit?kind=choice&lang=en").text
    assert 'name="options"' in changed and "Hur tydligt?" in changed
    signed_in.post(
        f"/leader/items/{item}/edit",
        data={"kind": "choice", "prompt": "Hur tydligt?", "options": "Ja\nNej"},
    )
    with app.app_context():
        row = db.session.get(models.ProgrammeItem, item)
        assert (row.kind, row.config["options"]) == ("choice", ["Ja", "Nej"])


def test_items_move_up_and_down(app, signed_in):
    second = ids(app, "Träff 1", "Hur tydligt")
    signed_in.post(f"/leader/items/{second}/move", data={"direction": "up"})
    with app.app_context():
        assert meeting_titled("Träff 1").items[0].id == second
    signed_in.post(f"/leader/items/{second}/move", data={"direction": "up"})  # no-op
    signed_in.post(f"/leader/items/{second}/move", data={"direction": "down"})
    with app.app_context():
        assert [i.position for i in meeting_titled("Träff 1").items] == [1, 2, 3]
        assert meeting_titled("Träff 1").items[1].id == second
