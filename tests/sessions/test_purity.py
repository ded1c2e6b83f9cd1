"""sessions/ is the pure domain: it must never import the frameworks."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import sessions

FORBIDDEN = ("flask", "flask_socketio", "socketio", "sqlalchemy", "eventlet", "server")


def test_no_module_in_sessions_imports_a_framework():
    root = Path(sessions.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN
            ]
    assert offenders == []


def test_importing_every_domain_module_loads_no_framework():
    modules = [m.name for m in pkgutil.walk_packages(sessions.__path__, "sessions.")]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
