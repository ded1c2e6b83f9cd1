"""Project set-up over HTTP: a new project (blank or from the template), its
name and theme, organisations with their kinds, catalogues, and what a session
and a joining phone then get from them. Pages run in English (?lang=en)."""

import re

import pytest
from sqlalchemy import select

from server import live, models
from server.extensions import db
from sessions.builtin import INTEGRATION
from sessions.catalogue import ROLES

from .conftest import join, sign_in
from .editor_support import count, meeting_titled, project_named

ORGANISATIONS = {
    "org-count": "3",
    "org-0-name": "Region Norrbotten",
    "org-0-kind": "region",
    "org-1-name": "Länsstyrelsen Norrbotten",
    "org-1-kind": "agency",
    "org-2-name": "",
    "org-2-kind": "region",
}


def create(client, **form):
    data = {"name": "Norrlandsnätet", "theme": "Kompetens", "start": "template"}
    return client.post(
        "/leader/projects?lang=en", data={**ORGANISATIONS, **data, **form}
    )


@pytest.fixture
def signed_in(app, client):
    sign_in(app, client)
    return client


def test_the_project_pages_need_sign_in(client):
    for url in ("/leader/projects/new", "/leader/projects/1/settings"):
        assert "/login" in client.get(url).headers["Location"]
    assert "/login" in create(client).headers["Location"]
    with client.application.app_context():
        assert count(models.Project) == 1


def test_the_home_page_links_project_set_up(signed_in):
    home = signed_in.get("/leader/?lang=en").text
    assert 'href="/leader/projects/new"' in home
    assert 'href="/leader/projects/1/settings"' in home
    assert 'href="/leader/projects/1/programme"' in home
    assert signed_in.get("/leader/projects/new?lang=en").status_code == 200


def test_a_project_from_the_template_has_its_programme_and_own_organisations(
    app, signed_in
):
    response = create(signed_in)
    assert response.status_code == 302
    with app.app_context():
        project = project_named("Norrlandsnätet")
        assert response.headers["Location"].endswith(
            f"/leader/projects/{project.id}/programme"
        )
        assert project.description == "Kompetens"
        assert [(o.name, o.kind) for o in project.organisations] == [
            ("Länsstyrelsen Norrbotten", "agency"),
            ("Region Norrbotten", "region"),
        ]
        assert [m.title for m in project.meetings] == [
            m.title for m in INTEGRATION.meetings
        ]
        assert [[i.prompt for i in m.items] for m in project.meetings] == [
            [i.prompt for i in m.items] for m in INTEGRATION.meetings
        ]
        assert project.catalogues["roles"] == list(ROLES)
        # "Vem är du?" asked again in Träff 3 is linked to Träff 1's.
        first = meeting_titled("Träff 1", project.id).items[0]
        again = meeting_titled("Träff 3", project.id).items[0]
        assert again.origin_id == first.id and first.origin_id is None
        # The built-in project is untouched.
        assert len(db.session.get(models.Project, 1).organisations) == 24


def test_a_blank_project_has_no_meetings_and_the_built_in_catalogues(app, signed_in):
    assert create(signed_in, start="blank", name="Tomt").status_code == 302
    with app.app_context():
        project = project_named("Tomt")
        assert project.meetings == []
        assert project.catalogues == {}
        assert len(project.organisations) == 2
    page = signed_in.get(f"/leader/projects/{project.id}/programme?lang=en").text
    assert "This project has no meetings yet" in page
    assert 'value="Meeting 1"' in page


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"name": "  "}, "name", "Name is required."),
        ({"org-1-name": "region  NORRBOTTEN"}, "org-1-name", "is among the organ"),
        ({"org-0-kind": "county"}, "org-0-kind", "a region, an agency or a partner"),
        ({"start": "copy"}, "start", "Choose how the project starts."),
    ],
)
def test_a_refused_new_project_keeps_what_was_typed(
    app, signed_in, form, field, message
):
    response = create(signed_in, theme="Mitt tema", **form)
    assert response.status_code == 400
    assert message in response.text
    assert f'id="{field}-error"' in response.text
    assert 'value="Mitt tema"' in response.text
    assert 'value="Region Norrbotten"' in response.text
    with app.app_context():
        assert count(models.Project) == 1


def test_the_settings_page_saves_name_and_theme(app, signed_in):
    url = "/leader/projects/1/settings?lang=en"
    assert "Project settings" in signed_in.get(url).text
    refused = signed_in.post(url, data={"name": "", "theme": "Nytt tema"})
    assert refused.status_code == 400
    assert 'value="Nytt tema"' in refused.text
    saved = signed_in.post(url, data={"name": "Integration 2", "theme": "Nytt tema"})
    assert saved.status_code == 302
    with app.app_context():
        project = db.session.get(models.Project, 1)
        assert (project.name, project.description) == ("Integration 2", "Nytt tema")


def organisation_form(project: models.Project, **changes: str) -> dict:
    """The organisations form as the page sends it, with ``changes``."""
    form = {"org-count": str(len(project.organisations) + 1)}
    for i, o in enumerate(project.organisations):
        form |= {f"org-{i}-id": o.id, f"org-{i}-name": o.name, f"org-{i}-kind": o.kind}
    form |= {f"org-{len(project.organisations)}-kind": "region"}
    return form | changes


def test_organisations_are_renamed_rekinded_added_and_removed(app, signed_in):
    with app.app_context():
        project = db.session.get(models.Project, 1)
        names = [o.name for o in project.organisations]
        form = organisation_form(
            project,
            **{
                "org-0-name": "Region Blekinge län",
                "org-1-kind": "partner",
                "org-2-remove": "on",
                "org-24-name": "Migrationsverket",
                "org-24-kind": "agency",
            },
        )
    response = signed_in.post("/leader/projects/1/organisations", data=form)
    assert response.status_code == 302
    with app.app_context():
        saved = {
            o.name: o.kind for o in db.session.get(models.Project, 1).organisations
        }
    assert saved["Region Blekinge län"] == "region"
    assert saved[names[1]] == "partner"
    assert names[2] not in saved
    assert saved["Migrationsverket"] == "agency"
    assert len(saved) == 24


def test_a_duplicate_organisation_changes_nothing(app, signed_in):
    with app.app_context():
        project = db.session.get(models.Project, 1)
        before = [(o.id, o.name, o.kind) for o in project.organisations]
        form = organisation_form(
            project, **{"org-0-kind": "agency", "org-24-name": "vinnova"}
        )
    response = signed_in.post("/leader/projects/1/organisations?lang=en", data=form)
    assert response.status_code == 400
    assert 'id="org-24-name-error"' in response.text
    assert "Vinnova is among the organisations twice" in response.text
    with app.app_context():
        project = db.session.get(models.Project, 1)
        assert [(o.id, o.name, o.kind) for o in project.organisations] == before


def catalogue_form(**changes: str) -> dict:
    form = {"roles": "Brobyggare\nSpindel", "actors": "Kommunen", "areas": "Boende"}
    return {"themes": "Bygg kunskap", **form, **changes}


def test_catalogues_are_prefilled_and_saved(app, signed_in):
    page = signed_in.get("/leader/projects/1/settings?lang=en").text
    assert re.search(r'<textarea id="roles"[^>]*>Analysförmedlare\nInnovatör', page)
    assert (
        signed_in.post(
            "/leader/projects/1/catalogues", data=catalogue_form()
        ).status_code
        == 302
    )
    with app.app_context():
        assert db.session.get(models.Project, 1).catalogues["roles"] == [
            "Brobyggare",
            "Spindel",
        ]


def test_an_empty_catalogue_is_refused_and_nothing_saved(app, signed_in):
    response = signed_in.post(
        "/leader/projects/1/catalogues?lang=en",
        data=catalogue_form(areas="\n \n", roles="Ny roll"),
    )
    assert response.status_code == 400
    assert 'id="areas-error"' in response.text
    assert ">Ny roll</textarea>" in response.text
    with app.app_context():
        assert db.session.get(models.Project, 1).catalogues == {}


def test_a_session_offers_the_projects_roles(app, signed_in):
    create(signed_in)
    with app.app_context():
        project_id = project_named("Norrlandsnätet").id
        meeting_id = meeting_titled("Träff 1", project_id).id
    signed_in.post(f"/leader/projects/{project_id}/catalogues", data=catalogue_form())
    started = signed_in.post(f"/leader/meetings/{meeting_id}/sessions")
    assert started.status_code == 302
    with app.app_context():
        session = db.session.scalar(select(models.LiveSession))
        roles = next(a for a in session.activities if a.kind == "roles")
        assert roles.config["catalogue"] == ["Brobyggare", "Spindel"]


def test_a_phone_joins_with_one_of_the_projects_organisations(app, signed_in):
    create(signed_in)
    with app.app_context():
        meeting = meeting_titled("Träff 1", project_named("Norrlandsnätet").id)
        code = live.start_session(meeting, allow_anonymous=False).join_code
    page = signed_in.get(f"/join/{code}?lang=en").text
    options = re.findall(r'<option value="([^"]+)" label="([^"]+)">', page)
    # Regions first, then agencies; the built-in project's are not offered.
    assert options == [
        ("Region Norrbotten", "Region"),
        ("Länsstyrelsen Norrbotten", "Agency"),
    ]
    response = join(app.test_client(), code, "Anna", "Länsstyrelsen Norrbotten")
    assert response.status_code == 201
    with app.app_context():
        person = db.session.scalar(select(models.Participant))
        assert person.organisation == "Länsstyrelsen Norrbotten"
