"""Security headers on every response (docs/security.md).

The pages run only the scripts the site serves: no inline script, no inline
event handler, no ``style`` attribute (JSON data blocks are not executed, so
CSP leaves them alone). A response that sets its own Content-Security-Policy
(the report download) keeps it.
"""

from flask import Flask, Response, current_app, request

# The downloaded report is one self-contained file: its own <style>, charts as
# inline SVG or data: images, and nothing that runs.
REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
)

# Review, sign-in and projector links carry tokens in their URLs: never send
# them to another site. Same-origin, not no-referrer: Flask-WTF checks the
# Referer of a form posted over https.
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

HSTS = "max-age=31536000"


def content_security_policy() -> str:
    # Socket.IO upgrades to a WebSocket on the same host; browsers that do not
    # count ws:/wss: as 'self' need them named.
    sockets = f"wss://{request.host}"
    if not request.is_secure:
        sockets = f"ws://{request.host} {sockets}"
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' {sockets}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def add_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", content_security_policy())
    for name, value in STATIC_HEADERS.items():
        response.headers.setdefault(name, value)
    # Only when the site is served over https (SECURE_COOKIES): HSTS on an
    # http-only site would lock browsers out of it.
    if current_app.config["SECURE_COOKIES"] and request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
