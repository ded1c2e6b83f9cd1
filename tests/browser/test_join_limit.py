"""A phone refused for too many wrong codes from its address reads why, in
words, on the join page and in the join form (server/join_limits.py)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from server import live, models
from server.extensions import db
from tests.conftest import make_app
from tests.support.server_process import ServerProcess

from .conftest import stop

pytestmark = pytest.mark.browser

REFUSED = re.compile(r"Too many attempts from your network\. Try again in \d+ min\.")


@pytest.fixture
def limited(tmp_path: Path, request: pytest.FixtureRequest) -> ServerProcess:
    process = ServerProcess(
        tmp_path / "instance", extra_env={"JOIN_CODE_LIMIT": "3 per minute"}
    )
    request.addfinalizer(lambda: stop(process))
    return process.start()


def running_code(server: ServerProcess) -> str:
    app = make_app(f"sqlite:///{server.instance / 'mellanrum.db'}")
    with app.app_context():
        meeting = db.session.get(models.Meeting, 1)
        code = live.start_session(meeting, allow_anonymous=True).join_code
        db.engine.dispose()
    return code


def test_a_refused_phone_reads_why(browser: Browser, limited: ServerProcess) -> None:
    code = running_code(limited)
    phone = browser.new_context(
        base_url=limited.base_url, viewport={"width": 390, "height": 844}
    )
    phone.add_cookies([{"name": "lang", "value": "en", "url": limited.base_url}])
    page = phone.new_page()
    page.goto(f"/join/{code}")  # the right code: never counted
    form = page.locator("#join-form")
    expect(form).to_be_visible()

    # Three wrong codes from the same network: past the limit, the right one
    # is refused too.
    for wrong in ("ZZZZZZZZ", "YYYYYYYY", "XXXXXXXX"):
        assert page.request.get(f"/join/{wrong}").status == 404

    page.locator("#join-name").fill("Anna")
    page.locator("#join-organisation").fill("Region Skåne")
    form.get_by_role("button").click()
    expect(page.locator("#join-error")).to_have_text(REFUSED)

    page.goto(f"/join/{code}")
    expect(page.get_by_role("alert")).to_have_text(REFUSED)
    expect(page.get_by_label("Code shown on the screen")).to_be_visible()
    phone.close()
