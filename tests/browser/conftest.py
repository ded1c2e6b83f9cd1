"""Browser tests: Debian's Chromium, driven by pytest-playwright, on a real server."""

import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.server_process import ServerProcess

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def stop(process: ServerProcess) -> None:
    """Stop the server and close its output pipe, which ServerProcess leaves open
    (an unclosed file is a ResourceWarning, an error under our filterwarnings)."""
    process.stop()
    for thread in threading.enumerate():
        if thread.name.endswith("(_drain)"):
            thread.join(5)
    if process.proc and process.proc.stdout:
        process.proc.stdout.close()


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest) -> ServerProcess:
    process = ServerProcess(tmp_path / "instance")
    request.addfinalizer(lambda: stop(process))
    return process.start()


@pytest.fixture
def screenshot(tmp_path: Path):
    """Save a screenshot into $MELLANRUM_SCREENSHOTS (when set) to look at by eye."""
    folder = os.environ.get("MELLANRUM_SCREENSHOTS")

    def take(page, name: str) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"))

    return take


@pytest.fixture(autouse=True)
def no_csp_violations(monkeypatch: pytest.MonkeyPatch):
    """Every browser test fails when a page reports a Content-Security-Policy
    violation (docs/security.md): whatever state a test drives a page into,
    nothing of it may be refused."""
    reported: list[str] = []
    new_context = Browser.new_context

    def watched(self: Browser, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        context.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and reported.append(message.text)
            ),
        )
        return context

    monkeypatch.setattr(Browser, "new_context", watched)
    yield
    assert reported == []
