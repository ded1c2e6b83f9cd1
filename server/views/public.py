"""What anyone may open: the join pages, the join API, the QR code, the language."""

import io
from urllib.parse import parse_qsl, urlencode, urlsplit

import segno
from flask import (
    Blueprint,
    abort,
    current_app,
    has_request_context,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import InternalServerError, NotFound

from sessions.errors import DomainError
from sessions.live import SessionMode, SessionStatus, normalise_join_code

from .. import broadcast, live, models, tokens
from ..database import invalidate_session
from ..extensions import db
from ..i18n import error_reply, translate
from ..join_limits import limit_wrong_codes, too_many_attempts
from ..present import participant_view, session_view

bp = Blueprint("public", __name__)

STATUS_FOR = {
    "unknown_code": 404,
    "session_ended": 409,
}


@bp.app_context_processor
def page_language() -> dict:
    """Every page's <html lang> and language switch need the chosen locale,
    and the switch the address it returns to."""
    return {"locale": str(get_locale() or "sv"), "here": page_address()}


def page_address() -> str:
    """This page; or, for a page answering a posted form (whose address may
    not answer GET), the page the form was on."""
    if not has_request_context():  # a document rendered for a download
        return "/"
    if request.method == "GET":
        return request.full_path.removesuffix("?")
    came_from = urlsplit(request.referrer or "")
    if came_from.netloc == request.host and came_from.path.startswith("/"):
        return came_from.path + (f"?{came_from.query}" if came_from.query else "")
    return "/"


@bp.get("/")
def index():
    return render_template("public/index.html")


@bp.get("/join")
def join_by_form():
    code = normalise_join_code(request.args.get("code", ""))
    if not code:
        return render_template(
            "public/index.html", error=_("Type the code shown on the screen.")
        ), 400
    return redirect(url_for("public.phone", code=code))


@bp.get("/join/<code>")
@limit_wrong_codes
def phone(code: str):
    try:
        live_session = live.find_session(code)
    except DomainError as error:
        return render_template("public/index.html", error=translate(error)), 404
    page = (
        "public/homework.html"
        if live_session.mode == SessionMode.HOMEWORK
        else "public/phone.html"
    )
    return render_template(
        page,
        live_session=live_session,
        ended=live_session.status == SessionStatus.ENDED,
    )


@bp.post("/api/join")
@limit_wrong_codes
def api_join():
    """Sent by the phone page's join form. Answers 201 with the participant's token,
    or an error whose message the page shows."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return error_reply(
            "invalid", _("The request was malformed. Reload the page.")
        ), 400
    try:
        participant = live.join(
            data.get("code"),
            data.get("name"),
            data.get("organisation"),
            data.get("anonymous", False),
            data.get("quote_by_name", False),
        )
    except DomainError as error:
        return error_reply(error.code, translate(error)), STATUS_FOR.get(
            error.code, 400
        )
    broadcast.presence_changed(participant.session_id)
    live_session = db.session.get(models.LiveSession, participant.session_id)
    return {
        "ok": True,
        "token": tokens.participant_token(participant),
        "participant": participant_view(participant),
        "session": session_view(live_session),
    }, 201


@bp.get("/qr/<code>.svg")
def qr(code: str):
    # Draws any code without looking it up, so it tells a guesser nothing and
    # needs no limit (docs/security.md).
    code = normalise_join_code(code)
    if not code:
        abort(404)
    url = url_for("public.phone", code=code, _external=True)
    # A standalone document, not svg_inline: an <img> shows an SVG only when it
    # has the SVG namespace, and scales it only when it has a viewBox.
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", scale=8, border=4, unit="px", light="#fff", title=url
    )
    return out.getvalue(), 200, {"Content-Type": "image/svg+xml; charset=utf-8"}


@bp.get("/lang/<lang>")
def set_language(lang: str):
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    target = request.args.get("next", "/")
    # Only a path of this site: browsers drop tabs and newlines, so "/\t/evil"
    # would become "//evil", another site.
    unsafe = any(ch < " " or ch == "\x7f" for ch in target)
    if (
        unsafe
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        target = "/"
    response = redirect(without_lang(target))
    # Read by the server only; Secure when the site is served over https.
    response.set_cookie(
        "lang",
        lang,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


def without_lang(target: str) -> str:
    """The same page without a ?lang= that would outvote the new cookie."""
    path, _sep, query = target.partition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    if all(key != "lang" for key, _value in pairs):
        return target
    kept = [(key, value) for key, value in pairs if key != "lang"]
    return f"{path}?{urlencode(kept)}" if kept else path


@bp.app_errorhandler(404)
def not_found(error: NotFound):
    """Werkzeug's own page is English only, with no language switch."""
    message = error.description
    if message == NotFound.description:
        message = _("There is no page at this address. Check the link you followed.")
    if request.path.startswith("/api/"):
        return error_reply("not_found", message), 404
    return render_template("error.html", message=message), 404


@bp.app_errorhandler(InternalServerError)
def server_failed(error: InternalServerError):
    """A bug, not the reader's doing: said in their language, with the switch."""
    message = _(
        "Something went wrong on the server. Try again, and if it happens again,"
        " tell the process leader what you were doing."
    )
    if request.path.startswith("/api/"):
        return error_reply("server_error", message), 500
    return render_template("error.html", message=message), 500


# The join routes' own refusal (the app-wide one is for sign-in): it says when
# to try again, and the join page shows the code form with it.
bp.register_error_handler(429, too_many_attempts)


@bp.app_errorhandler(CSRFError)
def csrf_failed(error: CSRFError):
    message = _("The page has expired. Reload it and try again.")
    if request.path.startswith("/api/"):
        return error_reply("csrf", message), 400
    return render_template("error.html", message=message), 400


@bp.app_errorhandler(OperationalError)
@bp.app_errorhandler(InterfaceError)
def database_unavailable(error: Exception):
    invalidate_session()
    message = _("The server cannot save right now. Nothing was saved; try again soon.")
    if request.path.startswith("/api/"):
        return error_reply("unavailable", message), 503
    return render_template("error.html", message=message), 503
