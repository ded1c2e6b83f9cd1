"""client/ knows only the wire protocol: it never imports the server or domain."""

import subprocess
import sys
from pathlib import Path

FORBIDDEN = ("server", "sessions", "flask", "flask_socketio", "sqlalchemy", "eventlet")


def test_importing_the_client_loads_nothing_of_the_server():
    code = (
        "import sys, client\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        f"print(sorted(loaded & set({FORBIDDEN!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"
