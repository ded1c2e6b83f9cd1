"""Language choice and translation of domain errors. Swedish unless asked otherwise."""

from flask import current_app, request
from flask_babel import gettext

from sessions.errors import DomainError


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    for asked in (request.args.get("lang"), request.cookies.get("lang")):
        if asked in languages:
            return asked
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def translate(error: DomainError) -> str:
    params = {
        name: gettext(value) if name == "field" else value
        for name, value in error.params.items()
    }
    return gettext(error.message, **params)


def error_reply(code: str, message: str) -> dict:
    """The one shape of a refusal, in acks and in JSON responses."""
    return {"ok": False, "error": code, "message": message}
