"""Fault tests: servers killed mid-burst, a database that goes away, a console
reloaded mid-session, and generated payloads against every event and route.

The live-server fixtures (``start_server``, ``closing``, ``database_url``) and the
browser ones come from tests/live and tests/browser, so these tests start and stop
servers, clients and Chromium exactly as those do.
"""

from tests.browser.conftest import (  # noqa: F401  (fixtures)
    browser_type_launch_args,
    screenshot,
)
from tests.browser.conftest import server as browser_server  # noqa: F401
from tests.live.conftest import closing, database_url, start_server  # noqa: F401
