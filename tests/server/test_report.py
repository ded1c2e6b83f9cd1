"""The documentation report of the built-in project, run through the server's
own functions (archive_support.run_history): HTML, Markdown and PDF downloads,
who may read them, and a golden Markdown file.

Regenerate the golden file after a deliberate change with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/server/test_report.py``
and read the diff before keeping it.
"""

import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from server import accounts, models, seed
from server.extensions import db

from .archive_support import run_history, start
from .conftest import sign_in

GOLDEN = Path(__file__).parent / "golden" / "report.md"
SVG = "{http://www.w3.org/2000/svg}"


def pin_times(app) -> None:
    """Fixed start and end for every session, so the report is the same on
    every run (the homework spans two days, the meetings one)."""
    with app.app_context():
        for row in db.session.scalars(select(models.LiveSession)):
            homework = row.mode == "homework"
            row.started_at = (
                datetime(2017, 1, 10, 9) if homework else datetime(2017, 3, 2, 9)
            )
            row.ended_at = (
                datetime(2017, 2, 1, 9) if homework else datetime(2017, 3, 2, 15)
            )
        db.session.commit()


@pytest.fixture
def history(app):
    project_id = run_history(app)
    pin_times(app)
    return project_id


def test_markdown_matches_the_golden_file(app, client, history):
    sign_in(app, client)
    client.set_cookie("lang", "en")
    response = client.get(f"/projects/{history}/report.md")
    assert response.status_code == 200
    assert response.mimetype == "text/markdown"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="integration-regionernas-roll.md"'
    )
    text = response.get_data(as_text=True)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_html_is_self_contained_and_shows_frozen_outcomes(app, client, history):
    sign_in(app, client)
    response = client.get(f"/projects/{history}/report.html")  # Swedish: default
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.startswith("<!doctype html>")
    assert '<html lang="sv">' in page
    # Self-contained: no script, no stylesheet or image fetched from anywhere.
    for fetched in ("<script", "<link", "src=", "@import", "url("):
        assert fetched not in page
    assert "13 oktober 2016" in page  # Träff 1's date, in Swedish
    assert "Integration – regionernas roll" in page
    assert "Det viktiga är att göra!" in page  # the starred quote
    assert "Anna, Region Skåne" in page  # she agreed to be named
    assert "Dumheter" not in page  # the hidden answer
    assert "Möten bär" in page and "Våga" in page  # lessons
    assert "Bjud in" in page and "Kartlägg" in page  # next steps
    # Every chart parses as SVG, and each says what it shows.
    charts = page.count("<svg")
    assert charts >= 4
    start_at = 0
    for _ in range(charts):
        begin = page.index("<svg", start_at)
        end = page.index("</svg>", begin) + len("</svg>")
        root = ET.fromstring(page[begin:end])
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title").text
        start_at = end


def test_pdf_text_holds_the_headings_lessons_and_quote(app, client, history, tmp_path):
    sign_in(app, client)
    client.set_cookie("lang", "en")
    response = client.get(f"/projects/{history}/report.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].endswith(
        'filename="integration-regionernas-roll.pdf"'
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "Integration – regionernas roll",
        "Träff 1",
        "Träff 3",
        "Träff 4",
        "What we learned",
        "Möten bär",
        "Våga",
        "Next steps",
        "Det viktiga är att göra!",
        "Comparison across meetings",
    ):
        assert expected in text, expected
    assert "Dumheter" not in text


def test_a_running_session_is_left_out_with_a_note(app, client, history):
    with app.app_context():
        run = start("Träff 2")
        run.join("Eva", "Region Gotland")
        run.open("text")
        run.answer("Eva", "text", {"text": "Pågår fortfarande"})
    sign_in(app, client)
    client.set_cookie("lang", "en")
    text = client.get(f"/projects/{history}/report.md").get_data(as_text=True)
    assert "Pågår fortfarande" not in text
    assert "Sessions still running, left out of the report: 1." in text


def test_readers_only(app, client, history):
    for fmt in ("html", "md", "pdf"):
        response = client.get(f"/projects/{history}/report.{fmt}")
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    sign_in(app, client)
    for fmt in ("html", "md", "pdf"):
        assert client.get(f"/projects/9999/report.{fmt}").status_code == 404
        assert client.get(f"/projects/{2**31}/report.{fmt}").status_code == 404


def test_a_non_ascii_name_gets_an_rfc_5987_file_name(app, client):
    with app.app_context():
        project = models.Project(name="Träff på Öland", description="")
        db.session.add(project)
        db.session.flush()
        accounts.add_member(project.id, seed.default_leader().id)
        db.session.commit()
        project_id = project.id
    sign_in(app, client)
    response = client.get(f"/projects/{project_id}/report.md")
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="traff-pa-oland.md"; '
        "filename*=UTF-8''tr%C3%A4ff-p%C3%A5-%C3%B6land.md"
    )
    assert response.get_data(as_text=True).startswith("# Träff på Öland\n")


def test_a_pdf_that_cannot_be_made_says_so_and_points_at_the_html(
    app, client, history, monkeypatch
):
    """The child process fails (here: the renderer's module cannot be run):
    a clear message, not a broken download."""
    from server import report_pdf

    real_run = subprocess.run

    def broken(command, **options):
        return real_run([command[0], "-c", "raise SystemExit('no fonts')"], **options)

    monkeypatch.setattr(report_pdf.subprocess, "run", broken)
    sign_in(app, client)
    response = client.get(f"/projects/{history}/report.pdf")
    assert response.status_code == 500
    assert response.mimetype == "text/html"
    assert "report.html" not in response.headers.get("Content-Disposition", "")
    assert "HTML" in response.get_data(as_text=True)


def test_pdfs_beyond_the_limit_wait_and_then_say_so(app, client, history, monkeypatch):
    """Every render slot taken for longer than a request waits: a clear 500
    pointing at the HTML, not a pile of renders."""
    from server import report_pdf

    monkeypatch.setattr(report_pdf, "TIMEOUT", 0.05)
    sign_in(app, client)
    taken = [report_pdf.RENDERS.acquire(blocking=False) for _ in range(2)]
    try:
        assert taken == [True, True]
        response = client.get(f"/projects/{history}/report.pdf")
    finally:
        for _ in taken:
            report_pdf.RENDERS.release()
    assert response.status_code == 500
    assert "HTML" in response.get_data(as_text=True)
