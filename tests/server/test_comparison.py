"""The comparison pages: the project's series with runs to pick, and runs of
one series side by side, for leaders and reviewers; refusals are clear 400s
and 404s."""

import html
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from server import comparison, homework, live, models, programme
from server.access import REVIEW_KEY
from server.extensions import db
from server.timeutil import local_day, room_zone, utcnow
from sessions.errors import DomainError

from .archive_support import Run, builtin_project, start
from .comparison_support import run_traff_1_and_3
from .conftest import sign_in
from .homework_support import actor_map


@pytest.fixture
def compared(app):
    return run_traff_1_and_3(app)


@pytest.fixture
def reader(app, client):
    sign_in(app, client)
    client.set_cookie("lang", "en")
    return client


def page(client, url):
    response = client.get(url)
    return response, html.unescape(response.get_data(as_text=True))


def test_the_project_series_lists_runs_in_meeting_order(app, compared):
    with app.app_context():
        (series,) = comparison.project_series(compared.project_id)
        assert series.series_id == compared.series_id
        assert series.kind == "roles"
        assert series.title.startswith("Vem är du nu?")  # the latest prompt
        assert [(r.activity_id, r.label, r.answers) for r in series.runs] == [
            (compared.traff_1, "Träff 1", 2),
            (compared.traff_3, "Träff 3", 2),
        ]
        runs = comparison.runs_for(compared.project_id, compared.series_id, None)
        assert [r.activity_id for r in runs] == [compared.traff_1, compared.traff_3]
        assert runs[1].results["words"][0]["word"] == "Finansiär"
        # Asked in another order, the runs keep the meetings' order.
        picked = comparison.runs_for(
            compared.project_id,
            compared.series_id,
            [compared.traff_3, compared.traff_1],
        )
        assert [r.label for r in picked] == ["Träff 1", "Träff 3"]


def room_day(moment) -> str:
    """Labels show the day in the room, which is not the UTC day late at night."""
    return local_day(moment, room_zone()).isoformat()


def run_traff_3_again() -> Run:
    """Träff 3's Roles a second time, closed (so frozen) while the session runs."""
    again = start("Träff 3")
    again.join("Bo", "Vinnova")
    again.open("roles")
    again.answer("Bo", "roles", {"roles": ["Nav"]})
    again.close("roles")
    return again


def test_a_meeting_run_twice_labels_its_runs_with_the_date(app, compared):
    with app.app_context():
        again = run_traff_3_again()
        started = room_day(again.row.started_at)
        (series,) = comparison.project_series(compared.project_id)
        labels = [r.label for r in series.runs]
        assert labels[0] == "Träff 1"
        assert labels[1:] == [f"Träff 3 ({started})", f"Träff 3 ({started}) #2"]


def test_a_run_late_in_the_evening_is_labelled_with_the_day_in_the_room(app, compared):
    with app.app_context():
        run_traff_3_again()
        # 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm.
        for row in db.session.scalars(select(models.LiveSession)):
            row.started_at = datetime(2026, 3, 1, 23, 30)
        db.session.commit()
        (series,) = comparison.project_series(compared.project_id)
        assert [r.label for r in series.runs][1] == "Träff 3 (2026-03-02)"


def test_runs_for_refuses_strangers(app, compared):
    with app.app_context():
        with pytest.raises(DomainError) as unknown:
            comparison.runs_for(compared.project_id, 2_000_000, None)
        assert unknown.value.code == "unknown_series"
        with pytest.raises(DomainError) as stranger:
            comparison.runs_for(
                compared.project_id,
                compared.series_id,
                [compared.traff_1, compared.scale],
            )
        assert stranger.value.code == "not_in_series"
        with pytest.raises(DomainError) as elsewhere:
            comparison.runs_for(compared.project_id + 1, compared.series_id, None)
        assert elsewhere.value.code == "unknown_series"


def test_the_list_offers_every_run_ticked(reader, compared):
    response, text = page(reader, f"/projects/{compared.project_id}/compare")
    assert response.status_code == 200
    assert "Vem är du nu?" in text
    for activity_id in (compared.traff_1, compared.traff_3):
        assert f'name="run" value="{activity_id}" checked' in text
    assert f'value="{compared.scale}"' not in text  # a series of one run
    action = f"/projects/{compared.project_id}/compare/{compared.series_id}"
    assert f'action="{action}"' in text


def test_the_comparison_shows_the_runs_side_by_side(reader, compared):
    url = (
        f"/projects/{compared.project_id}/compare/{compared.series_id}"
        f"?picked=1&run={compared.traff_1}&run={compared.traff_3}"
    )
    response, text = page(reader, url)
    assert response.status_code == 200
    assert "New in Träff 3 (not in Träff 1)" in text
    appeared = text.split("New in Träff 3")[1].split("</ul>")[0]
    assert "Finansiär" in appeared and "Samordnare" not in appeared
    gone = text.split("Gone since Träff 1")[1].split("</ul>")[0]
    assert "Lobbyist" in gone
    # Samordnare: rank 1 of 2 answers, then rank 2; text says so, not colour.
    shifts = text.split("Rank shifts")[1]
    assert "Samordnare" in shifts and "down 1 place" in shifts
    assert "Shares by organisation" in text
    organisations = text.split("Shares by organisation")[1]
    # Träff 1: Region Skåne 2 of 3 mentions; Träff 3: 2 of 3.
    assert "Region Skåne" in organisations and "67 %" in organisations
    assert "Region Halland" in organisations
    # All runs when a plain link names none.
    plain, plain_text = page(
        reader, f"/projects/{compared.project_id}/compare/{compared.series_id}"
    )
    assert plain.status_code == 200
    assert "Rank shifts" in plain_text


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("picked=1&run={traff_1}", 400, "Pick at least two runs to compare."),
        ("picked=1", 400, "Pick at least two runs to compare."),
        ("run={traff_1}&run=1999999", 400, "Run 1999999 is not a run of this series."),
        ("run={traff_1}&run={scale}", 400, "is not a run of this series."),
        ("run={traff_1}&run=abc", 400, "“abc” is not a run of this series."),
        ("run={traff_1}&run=99999999999", 400, "is not a run of this series."),
    ],
)
def test_bad_picks_are_a_clear_400(reader, compared, query, status, message):
    url = f"/projects/{compared.project_id}/compare/{compared.series_id}?" + (
        query.format(traff_1=compared.traff_1, scale=compared.scale)
    )
    response, text = page(reader, url)
    assert response.status_code == status
    assert message in text
    assert "Rank shifts" not in text  # no comparison at all


def test_unknown_series_and_projects_are_404(reader, compared):
    for url in (
        f"/projects/{compared.project_id}/compare/1999999",
        f"/projects/{compared.project_id}/compare/99999999999",
        "/projects/1999999/compare",
        f"/projects/1999999/compare/{compared.series_id}",
    ):
        assert reader.get(url).status_code == 404, url
    _, text = page(reader, f"/projects/{compared.project_id}/compare/1999999")
    assert "This project has no such series of runs to compare." in text


def test_signing_in_is_required(client, compared):
    for url in (
        f"/projects/{compared.project_id}/compare",
        f"/projects/{compared.project_id}/compare/{compared.series_id}",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]


def test_a_reviewer_reads_the_comparison(app, client, compared):
    with app.app_context():
        leader = db.session.get(models.Leader, 1)
        link = models.ReviewLink(
            project_id=compared.project_id,
            token_hash="0" * 64,
            label="Utvärderare",
            created_by=leader.id,
        )
        db.session.add(link)
        db.session.commit()
        link_id = link.id
    with client.session_transaction() as cookie:
        cookie[REVIEW_KEY] = {str(compared.project_id): link_id}
    client.set_cookie("lang", "en")
    response, text = page(
        client, f"/projects/{compared.project_id}/compare/{compared.series_id}"
    )
    assert response.status_code == 200
    assert "Rank shifts" in text
    assert "All meetings" not in text  # no leader's header
    # Another project's comparison is closed to this reviewer.
    assert client.get("/projects/1999999/compare").status_code == 403


def test_a_scale_asked_again_shows_its_distributions_side_by_side(app, reader):
    with app.app_context():
        source = db.session.scalar(
            select(models.ProgrammeItem).where(models.ProgrammeItem.kind == "scale")
        )
        traff_3 = db.session.scalar(
            select(models.Meeting).where(models.Meeting.title == "Träff 3")
        )
        programme.copy_item(source, traff_3)
        ids = []
        for title, values in (("Träff 1", [2, 4]), ("Träff 3", [4, 4, 5])):
            run = start(title)
            run.open("scale")
            for n, value in enumerate(values):
                run.join(f"P{n}", "Region Skåne")
                run.answer(f"P{n}", "scale", {"value": value})
            live.end_session(run.row)
            ids.append(run.ids["scale"])
        project_id, series_id = builtin_project().id, source.id
    response, text = page(reader, f"/projects/{project_id}/compare/{series_id}")
    assert response.status_code == 200
    assert "Distributions side by side" in text
    assert 'role="img"' in text and "<svg" in text
    # Value 4: 1 of 2 answers, then 2 of 3; means 3 and 4.33.
    row = text.split('<th scope="row">4')[1].split("</tr>")[0]
    assert "50 %" in row and "67 %" in row
    assert ">3.0<" in text and ">4.33<" in text


def test_actor_mapping_assigned_twice_shows_what_changed(app, reader):
    with app.app_context():
        item_row = db.session.scalar(
            select(models.ProgrammeItem).where(models.ProgrammeItem.kind == "actor_map")
        )
        answers = (
            actor_map("Region Skåne", [("Länsstyrelsen", [("Boende", "contributes")])]),
            actor_map(
                "Region Skåne",
                [
                    ("Länsstyrelsen", [("Boende", "leads")]),
                    ("Kommunerna", [("Boende", "contributes")]),
                ],
                [("Länsstyrelsen", "Kommunerna", "samverkan", True)],
            ),
        )
        for answer in answers:
            task = Run(
                homework.assign(
                    item_row, utcnow() + timedelta(days=7), allow_anonymous=True
                )
            )
            task.join("Anna", "Region Skåne")
            task.answer("Anna", "actor_map", answer)
            live.end_session(task.row)
        project_id, series_id = builtin_project().id, item_row.id
        (listed,) = comparison.project_series(project_id)
        day = room_day(task.row.started_at)
        assert [r.label for r in listed.runs] == [
            f"Träff 2 ({day})",
            f"Träff 2 ({day}) #2",
        ]
        assert all(r.homework for r in listed.runs)
    response, text = page(reader, f"/projects/{project_id}/compare/{series_id}")
    assert response.status_code == 200
    added = text.split("Actors: ")[1].split("Removed")[0]
    assert "Kommunerna" in added
    relations = text.split("Relations: ")[1].split("Mellanrum")[0]
    assert "Kommunerna" in relations and "Länsstyrelsen" in relations
    mellanrum = text.split("Mellanrum: ")[1]
    resolved = mellanrum.split("Resolved")[1].split("Remained")[0]
    assert "Boende" in resolved
