"""The application factory."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import security
from .config import Config, fill_instance_defaults
from .cookie_session import CookieSessions
from .extensions import babel, csrf, db, limiter, login_manager, migrate, socketio
from .i18n import select_locale

# A Socket.IO message bigger than this is refused before any handler runs.
MAX_SOCKET_MESSAGE = 256 * 1024


def create_app(config: type[Config] | None = None) -> Flask:
    app = Flask(__name__, template_folder="../templates", static_folder="../static")
    app.config.from_object(config or Config)
    app.session_interface = CookieSessions()
    fill_instance_defaults(app)
    if app.config["BEHIND_PROXY"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    login_manager.init_app(app)
    login_manager.login_view = "leader.sign_in"
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    security.init_app(app)  # CSP and the other security headers

    from . import database, models  # noqa: F401  (registers models and pragmas)

    # Handlers must be registered before init_app: Flask-SocketIO binds the ones
    # it already knows to each new server, and a handler imported later would
    # reach only the first app's server.
    from .events import connection, leader, participant, sync  # noqa: F401

    socketio.init_app(
        app,
        async_mode=app.config["SOCKETIO_ASYNC_MODE"],
        message_queue=app.config["SOCKETIO_MESSAGE_QUEUE"],
        channel=app.config["SOCKETIO_CHANNEL"],
        max_http_buffer_size=MAX_SOCKET_MESSAGE,
        # One socket's events are handled in the order sent: an answer and the
        # change that follows it can never commit the other way round.
        async_handlers=False,
        cors_allowed_origins=app.config.get("CORS_ORIGINS"),
    )
    from .coalescer import Coalescer
    from .submit import Committer

    app.extensions["mellanrum.coalescer"] = Coalescer()
    app.extensions["mellanrum.committer"] = Committer()
    from .views import (
        archive,
        homework,
        items,
        programme,
        projector,
        projects,
        public,
        quotes,
        vendor,
    )
    from .views import leader as leader_views

    modules = (public, leader_views, homework, quotes, projector, archive, vendor)
    modules += (projects, programme, items)
    from .views import exports as export_views  # CSV and XLSX downloads

    modules += (export_views,)
    from .views import project_archive  # the JSON archive of a whole project

    modules += (project_archive,)
    from .views import annotations  # leaders' comments in the archive

    modules += (annotations,)
    # Review: the project's timeline, the comparison across meetings, the
    # documentation report, reviewer links and outcomes published to participants.
    from .views import comparison, published, report, review, timeline

    modules += (timeline, comparison, report, review, published)
    from .views import privacy  # my data, erasing a participant (docs/privacy.md)

    modules += (privacy,)

    from .views import accounts  # passwords, sign-in expiry, co-leaders

    modules += (accounts,)
    for module in modules:
        app.register_blueprint(module.bp)
    from .cli import register

    register(app)
    return app
