"""Fault tests: servers killed mid-burst, a database that goes away, a console
reloaded mid-session, and generated payloads against every event and route.

The live-server fixtures (``start_server``, ``closing``, ``database_url``) and the
browser ones come from tests/live and tests/browser, so these tests start and stop
servers, clients and Chromium exactly as those do.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.browser.conftest import browser_type_launch_args  # noqa: F401
from tests.browser.conftest import server as browser_server  # noqa: F401
from tests.live.conftest import closing, database_url, start_server  # noqa: F401
from tests.support.server_process import ServerProcess

from .proxy import DbProxy


@pytest.fixture
def db_proxy() -> Iterator[DbProxy]:
    """A cuttable TCP proxy in front of the local PostgreSQL."""
    proxy = DbProxy().start()
    yield proxy
    proxy.stop()


@pytest.fixture
def proxied_server(
    tmp_path: Path, postgres_url: str, db_proxy: DbProxy
) -> Iterator[ServerProcess]:
    """A real server whose DATABASE_URL goes through ``db_proxy``."""
    through = make_url(postgres_url).set(host="127.0.0.1", port=db_proxy.port)
    process = ServerProcess(
        tmp_path / "instance",
        database_url=through.render_as_string(hide_password=False),
    )
    try:
        yield process.start()
    finally:
        process.stop()
