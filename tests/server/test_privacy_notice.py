"""The privacy notice under the join form (docs/privacy.md): what is stored,
why, for how long, and how to see or delete it; on the phone and homework
pages."""

import pytest
from sqlalchemy import select

from server import models
from server.config import months_setting
from server.extensions import db

from .archive_support import run_history


def test_the_join_page_says_what_is_stored_and_for_how_long(app, client, running):
    page = client.get(f"/join/{running.code}?lang=en").text
    assert 'id="privacy-notice"' in page
    assert "We store the name and organisation you give" in page
    assert "until the process leader removes them" in page
    assert "“My data” on this page" in page
    assert 'id="my-data"' in page
    app.config["RETENTION_MONTHS"] = 18
    page = client.get(f"/join/{running.code}?lang=en").text
    assert "removed 18 months after the session has ended" in page


def test_the_homework_page_has_the_notice_and_my_data(app, client):
    run_history(app)
    with app.app_context():
        code = db.session.scalar(
            select(models.LiveSession.join_code).where(
                models.LiveSession.mode == "homework"
            )
        )
    page = client.get(f"/join/{code}?lang=en").text
    assert 'id="privacy-notice"' in page and 'id="my-data"' in page


def test_a_retention_setting_must_be_whole_months(monkeypatch):
    monkeypatch.setenv("RETENTION_MONTHS", "24")
    assert months_setting("RETENTION_MONTHS") == 24
    monkeypatch.setenv("RETENTION_MONTHS", "")
    assert months_setting("RETENTION_MONTHS") == 0
    monkeypatch.setenv("RETENTION_MONTHS", "två år")
    with pytest.raises(RuntimeError, match="whole number of months"):
        months_setting("RETENTION_MONTHS")
