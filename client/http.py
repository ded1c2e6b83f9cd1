"""The HTTP half of the protocol: CSRF tokens from pages, and joining a session."""

from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import quote

import requests

from .errors import ProtocolError, Refused

TIMEOUT = 10.0


class _PageReader(HTMLParser):
    """Reads what a client needs from a page: the CSRF token (the
    ``<meta name="csrf-token">`` every page carries, or a form's hidden
    ``csrf_token``; both come from the same cookie session) and the forms."""

    def __init__(self) -> None:
        super().__init__()
        self.meta_token: str | None = None
        self.forms: list[Form] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta" and found.get("name") == "csrf-token":
            self.meta_token = self.meta_token or found.get("content") or None
        elif tag == "form":
            self.forms.append(Form(found.get("action", ""), {}))
        elif (
            tag == "input"
            and self.forms
            and found.get("name")
            and found.get("type", "text") in ("hidden", "text")
        ):
            self.forms[-1].fields[found["name"]] = found.get("value", "")


class Form(NamedTuple):
    action: str
    fields: dict[str, str]  # hidden and text inputs with their values


def read_page(html: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader


def find_csrf_token(html: str) -> str | None:
    page = read_page(html)
    if page.meta_token:
        return page.meta_token
    tokens = (f.fields.get("csrf_token") for f in page.forms)
    return next((t for t in tokens if t), None)


def fetch_csrf_token(
    http: requests.Session, url: str, timeout: float = TIMEOUT
) -> str | None:
    """GET a page with ``http`` (whose cookies then hold the CSRF secret) and read
    its token. Error pages count too: a 404 page has the meta tag as well."""
    response = http.get(url, timeout=timeout)
    if "html" not in response.headers.get("Content-Type", ""):
        return None
    return find_csrf_token(response.text)


def reply_json(response: requests.Response) -> dict:
    """The JSON object of a reply; anything else is not our protocol."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ProtocolError(
            f"{response.request.method} {response.url} answered "
            f"{response.status_code} without a JSON object: {response.text[:200]!r}"
        )
    return body


class Joined(NamedTuple):
    token: str  # names the participant on the socket: auth {"participant": token}
    participant: dict  # Participant object
    session: dict  # Session object


def join(
    base_url: str,
    code: str,
    name: str,
    organisation: str = "",
    anonymous: bool = False,
    *,
    http: requests.Session | None = None,
    timeout: float = TIMEOUT,
) -> Joined:
    """Join a session as the phone page does: open /join/<code> for a CSRF token,
    then POST /api/join with it. A refusal raises ``Refused`` (its ``error`` is
    e.g. ``unknown_code``, its ``status`` the HTTP status)."""
    base = base_url.rstrip("/")
    own = http is None
    session = http or requests.Session()
    try:
        token = fetch_csrf_token(
            session, f"{base}/join/{quote(code, safe='')}", timeout
        )
        if token is None:  # e.g. a page without the meta tag: try the home page
            token = fetch_csrf_token(session, f"{base}/", timeout)
        response = session.post(
            f"{base}/api/join",
            json={
                "code": code,
                "name": name,
                "organisation": organisation,
                "anonymous": anonymous,
            },
            headers={"X-CSRFToken": token} if token else {},
            timeout=timeout,
        )
    finally:
        if own:
            session.close()
    body = reply_json(response)
    if response.status_code == 201 and body.get("ok") is True:
        return Joined(body["token"], body["participant"], body["session"])
    refused = Refused.from_reply(body, response.status_code)
    if refused.error == "csrf" and token is None:
        refused.message += " [client: no <meta name='csrf-token'> on /join/<code> or /]"
    raise refused
