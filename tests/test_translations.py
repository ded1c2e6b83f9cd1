"""Every message in code and templates has a Swedish translation."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
SWEDISH = ROOT / "server/translations/sv/LC_MESSAGES/messages.po"


def extracted(tmp_path: Path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract",
            "-F", "babel.cfg", "-k", "N_", "-k", "_", "-k", "gettext",
            "-k", "ngettext:1,2", "-k", "lazy_gettext", "-o", str(pot), ".",
        ],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as f:
        return read_po(f)


def test_the_swedish_catalogue_translates_every_message(tmp_path):
    with SWEDISH.open("rb") as f:
        swedish = read_po(f)
    missing = [
        m.id
        for m in extracted(tmp_path)
        if m.id
        and (
            (found := swedish.get(m.id, context=m.context)) is None
            or not found.string
            or found.fuzzy
        )
    ]
    assert missing == [], "run `make extract` and translate these"


def test_extraction_reaches_every_kind_of_source(tmp_path):
    """babel.cfg covers templates (their own words and the i18n blocks JS reads),
    the server's gettext and the domain's N_() marks."""
    ids = {m.id for m in extracted(tmp_path) if m.id}
    assert "Skip to content" in ids  # templates/base.html
    assert "Reconnecting… your answers are kept on this phone." in ids  # phone JS
    assert "The page has expired. Reload it and try again." in ids  # server/
    assert "The activity's settings are malformed." in ids  # sessions/
