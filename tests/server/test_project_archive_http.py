"""The project archive over HTTP and on the command line: sign-in, the download,
the import form with its refusals, and the two commands. Pages in English."""

import io
import json

import pytest

from server.extensions import db
from server.project_archive import export
from sessions.archive_format import read

from .archive_support import builtin_project, counts
from .conftest import sign_in

EXPORT = "/leader/projects/1/export.json"
IMPORT = "/leader/projects/import?lang=en"


@pytest.fixture
def signed_in(app, client):
    sign_in(app, client)
    return client


def archive(app) -> dict:
    with app.app_context():
        return export(builtin_project())


def upload(client, raw: bytes, **form: str):
    data = {"archive": (io.BytesIO(raw), "archive.json"), **form}
    return client.post(IMPORT, data=data, content_type="multipart/form-data")


def projects(app) -> int:
    with app.app_context():
        return counts()["Project"]


def test_the_archive_pages_need_sign_in(app, client):
    for url in (EXPORT, IMPORT):
        assert "/login" in client.get(url).headers["Location"]
    refused = upload(client, json.dumps(archive(app)).encode(), as_copy="on")
    assert "/login" in refused.headers["Location"]
    assert projects(app) == 1


def test_the_home_page_links_the_download_and_the_import(signed_in):
    home = signed_in.get("/leader/?lang=en").text
    assert f'href="{EXPORT}"' in home
    assert 'href="/leader/projects/import"' in home
    form = signed_in.get(IMPORT)
    assert form.status_code == 200
    assert 'enctype="multipart/form-data"' in form.text
    assert 'name="as_copy"' in form.text


def test_the_download_is_the_projects_archive(signed_in):
    response = signed_in.get(EXPORT)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Integration_')
    assert disposition.endswith('.json"')
    assert read(response.data).project.name == "Integration – regionernas roll"
    assert signed_in.get("/leader/projects/99/export.json").status_code == 404


def test_an_import_adds_the_project_and_goes_home(app, signed_in):
    response = upload(signed_in, signed_in.get(EXPORT).data, as_copy="on")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/leader/")
    home = signed_in.get("/leader/?lang=en").text
    assert "is imported" in home
    assert "Integration – regionernas roll (copy)" in home
    assert projects(app) == 2


def test_a_project_already_here_is_refused_on_the_form(app, signed_in):
    response = upload(signed_in, signed_in.get(EXPORT).data)
    assert response.status_code == 400
    assert "already holds the project" in response.text
    assert 'role="alert"' in response.text
    assert projects(app) == 1


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b'{"format": "mellanrum-project", "schema', "it was cut off"),
        (b"{'format': 1}", "not valid JSON"),
        (b'{"format": "mellanrum-project", "schema_version": 7}', "reads version 1"),
        (b"[]", "not a Mellanrum project archive"),
    ],
)
def test_a_bad_file_is_refused_on_the_form(app, signed_in, raw, said):
    response = upload(signed_in, raw)
    assert response.status_code == 400
    assert said in response.text
    assert projects(app) == 1


def test_the_form_lists_where_the_file_is_wrong(app, signed_in):
    document = archive(app)
    document["project"]["meetings"][0]["items"][1]["origin"] = "i404"
    document["project"]["meetings"][1]["title"] = 17
    response = upload(signed_in, json.dumps(document).encode(), as_copy="on")
    assert response.status_code == 400
    assert "<code>project.meetings[1].title</code>" in response.text
    del document["project"]["meetings"][1]["title"]
    response = upload(signed_in, json.dumps(document).encode(), as_copy="on")
    assert "<code>project.meetings[1].title</code>: Field required" in response.text
    document["project"]["meetings"][1]["title"] = "Träff 2"
    response = upload(signed_in, json.dumps(document).encode(), as_copy="on")
    assert "refers to objects it does not hold" in response.text
    assert (
        "<code>project.meetings[0].items[1].origin</code>: no programme item i404"
        in response.text
    )
    assert projects(app) == 1


def test_no_file_is_refused_on_the_form(signed_in):
    response = signed_in.post(IMPORT, data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Choose an archive file" in response.text


def test_an_archive_bigger_than_other_requests_is_taken(app, signed_in):
    document = archive(app)
    document["project"]["meetings"][0]["items"][0]["config"]["note"] = "x" * 400_000
    raw = json.dumps(document).encode()
    assert len(raw) > app.config["MAX_CONTENT_LENGTH"]
    assert upload(signed_in, raw, as_copy="on").status_code == 302
    assert projects(app) == 2


def test_a_file_over_the_limit_is_refused_on_the_form(app, signed_in, monkeypatch):
    monkeypatch.setattr("server.views.project_archive.MAX_ARCHIVE_BYTES", 1024)
    response = upload(signed_in, b" " * 70_000 + json.dumps(archive(app)).encode())
    assert response.status_code == 413
    assert "larger than" in response.text
    assert projects(app) == 1


def test_the_commands_export_and_import(app, tmp_path):
    runner = app.test_cli_runner()
    target = tmp_path / "project.json"
    done = runner.invoke(args=["mellanrum", "export-project", "1", str(target)])
    assert done.exit_code == 0, done.output
    assert read(target.read_bytes()).project.name == "Integration – regionernas roll"
    refused = runner.invoke(args=["mellanrum", "import-project", str(target)])
    assert refused.exit_code == 1
    assert "already holds the project" in refused.output
    cut = tmp_path / "cut.json"
    cut.write_bytes(target.read_bytes()[:500])
    truncated = runner.invoke(args=["mellanrum", "import-project", str(cut)])
    assert "cut off" in truncated.output
    copied = runner.invoke(args=["mellanrum", "import-project", "--copy", str(target)])
    assert copied.exit_code == 0, copied.output
    assert "Imported project 2" in copied.output
    missing = runner.invoke(args=["mellanrum", "export-project", "9", str(target)])
    assert "There is no project 9" in missing.output
    with app.app_context():
        assert counts()["Project"] == 2
        db.session.remove()
