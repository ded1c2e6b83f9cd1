"""Join codes resist guessing: each client address may try only so many codes
that do not exist (docs/security.md).

Only wrong codes count. A conference room's phones share one public address,
and hundreds of right codes from it must all get through; a guesser's
attempts are nearly all wrong. Once an address is over the limit every lookup
from it is refused, a right code too: answering the right one would tell the
guesser which code it is.
"""

import ipaddress
import math
import time

from flask import Response, current_app, render_template, request
from flask_babel import gettext as _

from .extensions import limiter
from .i18n import error_reply

# Wrong codes one address may send: a room of 300 phones with a typo each stays
# under the first, a guesser gets a few thousand a day out of 31^8 codes.
DEFAULT_LIMIT = "100 per minute;300 per hour;1000 per day"


def client_address() -> str:
    """The client's address (the real one behind nginx: BEHIND_PROXY); an IPv6
    client by its /64, since one host usually owns the whole /64."""
    address = request.remote_addr or ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return address


def wrong_code(response: Response) -> bool:
    """Every view under the limit answers 404 for a code that does not exist."""
    return response.status_code == 404


def _limit() -> str:
    return current_app.config.get("JOIN_CODE_LIMIT") or DEFAULT_LIMIT


# One count for every view that looks a join code up, so a guesser cannot
# spread attempts over them.
limit_wrong_codes = limiter.shared_limit(
    _limit, scope="join_code", key_func=client_address, deduct_when=wrong_code
)


def retry_minutes() -> int:
    current = limiter.current_limit
    seconds = current.reset_at - time.time() if current else 60
    return max(1, math.ceil(seconds / 60))


def too_many_attempts(_error: Exception):
    """A refusal by the join limit: the reply the page or the phone's script
    shows. Registered on the join routes' blueprints, which it overrides the
    app-wide handler for. Flask-Limiter adds Retry-After."""
    message = _(
        "Too many attempts from your network. Try again in %(minutes)s min.",
        minutes=retry_minutes(),
    )
    if request.path.startswith("/api/"):
        return error_reply("rate_limited", message), 429
    if request.endpoint == "public.phone":
        return render_template("public/index.html", error=message), 429
    return render_template("error.html", message=message), 429
