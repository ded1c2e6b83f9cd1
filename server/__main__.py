"""The production entry point: ``python -m server`` runs one eventlet worker.

eventlet must patch the standard library before anything else is imported.
"""

import warnings

# eventlet announces its maintenance mode on import; we know, and stay portable
# to gevent by using only Flask-SocketIO's own abstractions.
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
import eventlet  # noqa: E402

eventlet.monkey_patch()

import argparse  # noqa: E402
import gc  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402

from server.app import create_app  # noqa: E402
from server.broadcast import start as start_broadcasting  # noqa: E402
from server.cli import login_link, prepare_database  # noqa: E402
from server.extensions import socketio  # noqa: E402

# Python's first garbage collection runs after 700 more objects were made than
# freed. Under a burst of answers, a thousand events are in flight at once, so
# their objects outlive those collections, get promoted, and trigger full
# collections of the whole heap (every connected phone's objects): they took
# half the server's time. At 50,000 they are rare; the two older generations
# keep Python's defaults (docs/performance.md#garbage-collection).
GC_THRESHOLDS = (50_000, 10, 10)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run Mellanrum's server.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "5000")))
    parser.add_argument(
        "--no-login-link", action="store_true", help="do not print a sign-in link"
    )
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(name)s: %(message)s"
    )
    app = create_app()
    with app.app_context():
        prepare_database()
    base = f"http://{args.host}:{args.port}"
    if not args.no_login_link:
        with app.test_request_context():
            link = login_link(base)
        print(f"\n  Mellanrum is running on {base}/", flush=True)
        print(
            f"  Sign in as process leader (one-time link):\n\n    {link}\n", flush=True
        )
    gc.set_threshold(*GC_THRESHOLDS)
    start_broadcasting(app)
    socketio.run(
        app,
        host=args.host,
        port=args.port,
        log_output=False,
        max_size=app.config["MAX_CONNECTIONS"],
    )


if __name__ == "__main__":
    main()
