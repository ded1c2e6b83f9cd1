"""The report as PDF: WeasyPrint draws the same HTML as the HTML download.

WeasyPrint is pure Python and CPU-bound: rendered in the request's green thread
it would hold the hub, and every live socket with it, for the whole render. So
it runs in a child process (``python -m server.report_pdf``, HTML in, PDF out).
Waiting on a child yields under eventlet and gevent alike, since both patch
``subprocess``; the render's memory goes back to the system when it ends; and
no server process ever loads Pango. Nothing is fetched: the HTML holds its
style and charts inline, and any URL is refused.
"""

import subprocess
import sys
import threading
import warnings

# A render of the built-in project takes about a second; a project far larger
# than any learning project still finishes well inside this.
TIMEOUT = 120
# Renders at once per worker: each child takes a core while it draws, and a
# review link must not let anyone start as many as they like. Patched into a
# green semaphore by eventlet's and gevent's monkey-patching.
RENDERS = threading.BoundedSemaphore(2)


class PdfError(RuntimeError):
    """The child could not draw the PDF; its message says why."""


def pdf(html: str) -> bytes:
    if not RENDERS.acquire(timeout=TIMEOUT):
        raise PdfError("too many PDFs are being drawn")
    try:
        return _in_child(html)
    finally:
        RENDERS.release()


def _in_child(html: str) -> bytes:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "server.report_pdf"],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfError(f"the PDF took longer than {TIMEOUT} s") from None
    if done.returncode != 0 or not done.stdout.startswith(b"%PDF"):
        raise PdfError(done.stderr.decode("utf-8", "replace")[-2000:])
    return done.stdout


def _refuse(url: str, *args: object, **kwargs: object) -> dict:
    raise ValueError(f"the report fetches nothing: {url}")


def render(html: str) -> bytes:
    # Without the system's HarfBuzz-Subset library WeasyPrint warns that a later
    # version will need it; it works without it (only the fonts are not subset).
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        from weasyprint import HTML

    return HTML(string=html, url_fetcher=_refuse).write_pdf()


if __name__ == "__main__":
    sys.stdout.buffer.write(render(sys.stdin.buffer.read().decode("utf-8")))
