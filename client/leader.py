"""The process leader: signs in by link, starts a session, runs its activities.

Sign-in and starting a session are HTTP (a cookie session and a CSRF-protected
form); the console itself is a socket whose auth is ``{"leader": session_id}``,
recognised by the same signed-in cookie.
"""

import re
from typing import Self

import requests

from .errors import ProtocolError, Refused
from .http import find_csrf_token, read_page
from .socket import SocketClient

MEETING_FORM = re.compile(r"/leader/meetings/(\d+)/sessions$")
CONSOLE = re.compile(r"/leader/sessions/(\d+)$")
PROJECTOR_LINK = re.compile(r"/projector/([A-Za-z0-9_\-]+)")
ASSIGN_FORM = re.compile(r"/leader/items/(\d+)/homework$")
HOMEWORK_PAGE = re.compile(r"/leader/homework/(\d+)$")


class LeaderClient(SocketClient):
    """``sign_in(link)``, ``start_session()``, ``connect(session_id)``, then the
    console's events as methods. Each control returns its ack's payload and
    raises ``Refused`` on a refusal."""

    def __init__(self, base_url: str, **options: object) -> None:
        super().__init__(base_url, None, headers=self._cookie_header, **options)
        self.http = requests.Session()
        self.session_id: int | None = None

    def _cookie_header(self) -> dict[str, str]:
        # The socket is recognised by the same cookies the pages set.
        jar = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        return {"Cookie": jar} if jar else {}

    def close(self) -> None:
        super().close()
        self.http.close()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- HTTP -----------------------------------------------------------------

    def sign_in(self, login_link: str) -> Self:
        """Spend a one-time sign-in link. A used or expired link raises
        ``Refused("login_link")`` with the HTTP status (403)."""
        response = self.http.get(login_link, timeout=self.timeout)
        if response.status_code == 403:
            raise Refused("login_link", "used or expired sign-in link", 403)
        if not response.history:  # success redirects to the leader's home
            raise ProtocolError(
                f"sign-in answered {response.status_code} without a redirect"
            )
        return self

    def _page(self, path: str) -> str:
        response = self.http.get(self.base_url + path, timeout=self.timeout)
        if response.history and "/login" in response.url:
            raise Refused("not_signed_in", "sign in first", response.status_code)
        if response.status_code != 200:
            raise ProtocolError(f"GET {path} answered {response.status_code}")
        return response.text

    def meeting_ids(self) -> list[int]:
        """Meetings a session can be started for, as the home page lists them."""
        page = read_page(self._page("/leader/"))
        return [
            int(m.group(1))
            for form in page.forms
            if (m := MEETING_FORM.search(form.action))
        ]

    def start_session(
        self, meeting_id: int | None = None, *, allow_anonymous: bool = False
    ) -> int:
        """Start a session of ``meeting_id`` (default: the first on the home page,
        Träff 1) through the home page's form; returns the new session's id."""
        html = self._page("/leader/")
        page = read_page(html)
        forms = {
            int(m.group(1)): form
            for form in page.forms
            if (m := MEETING_FORM.search(form.action))
        }
        if meeting_id is None:
            if not forms:
                raise ProtocolError("the leader's home page lists no meeting forms")
            meeting_id = next(iter(forms))
        fields = dict(forms[meeting_id].fields) if meeting_id in forms else {}
        fields.pop("allow_anonymous", None)
        fields.setdefault("csrf_token", find_csrf_token(html) or "")
        if allow_anonymous:
            fields["allow_anonymous"] = "on"
        response = self.http.post(
            f"{self.base_url}/leader/meetings/{meeting_id}/sessions",
            data=fields,
            allow_redirects=False,
            timeout=self.timeout,
        )
        match = CONSOLE.search(response.headers.get("Location", ""))
        if response.status_code == 400:
            raise Refused("csrf", "the form's CSRF token was refused", 400)
        if response.status_code not in (302, 303) or not match:
            raise ProtocolError(f"starting a session answered {response.status_code}")
        self.session_id = int(match.group(1))
        return self.session_id

    def projector_token_from_console(self, session_id: int | None = None) -> str:
        """The projector link's token, read from the console page."""
        html = self._page(f"/leader/sessions/{session_id or self.session_id}")
        match = PROJECTOR_LINK.search(html)
        if not match:
            raise ProtocolError("the console page has no /projector/<token> link")
        return match.group(1)

    # -- the console's socket -------------------------------------------------

    def connect(
        self, session_id: int | None = None, timeout: float | None = None
    ) -> dict:
        """Open the console's socket for a session and ``sync``."""
        self.session_id = session_id or self.session_id
        self.auth = {"leader": self.session_id}
        return super().connect(timeout)

    @property
    def join_code(self) -> str:
        return self._synced()["session"]["join_code"]

    @property
    def projector_token(self) -> str:
        return (
            self._synced().get("projector_token") or self.projector_token_from_console()
        )

    def activity_ids(self) -> list[int]:
        """Every activity of the session, in programme order."""
        return [a["id"] for a in self._synced()["activities"]]

    def _synced(self) -> dict:
        if self.state is None:
            raise ProtocolError("connect() first: the leader has not synced")
        return self.state

    def open_activity(self, activity_id: int, timer_seconds: int | None = None) -> dict:
        payload: dict = {"activity_id": activity_id}
        if timer_seconds is not None:
            payload["timer_seconds"] = timer_seconds
        return self.request("open_activity", payload)["activity"]

    def close_activity(self, activity_id: int) -> dict:
        return self.request("close_activity", {"activity_id": activity_id})["activity"]

    def reveal_activity(self, activity_id: int) -> dict:
        return self.request("reveal_activity", {"activity_id": activity_id})["activity"]

    def set_hide_results(self, activity_id: int, hidden: bool) -> dict:
        payload = {"activity_id": activity_id, "hidden": hidden}
        return self.request("set_hide_results", payload)["activity"]

    def hide_submission(self, submission_id: int, hidden: bool) -> dict:
        return self.request(
            "hide_submission", {"submission_id": submission_id, "hidden": hidden}
        )

    def merge_words(
        self, activity_id: int, source: str, target: str, field: str = "role"
    ) -> dict:
        """``field``: "role", or "actor" or "area" in homework."""
        payload = {
            "activity_id": activity_id,
            "source": source,
            "target": target,
            "field": field,
        }
        return self.request("merge_words", payload)["activity"]

    def unmerge_word(self, activity_id: int, source: str, field: str = "role") -> dict:
        payload = {"activity_id": activity_id, "source": source, "field": field}
        return self.request("unmerge_word", payload)["activity"]

    def show_homework(self, activity_id: int) -> dict:
        """Put a homework of the project on this session's projector."""
        return self.request("show_homework", {"activity_id": activity_id})["activity"]

    def edit_lessons_board(
        self, activity_id: int, action: str, **change: object
    ) -> dict:
        """Change a lessons board (docs/kinds.md); returns the activity, whose
        ``merges`` is the new board. ``action`` and its fields: ``add_theme``
        (name), ``rename_theme`` (theme, name), ``merge_themes`` (source,
        target), ``place_lesson`` (lesson "<submission id>.<lesson id>", theme
        or None), ``start_voting`` (dots), ``reopen_collecting``."""
        payload = {"activity_id": activity_id, "change": {"action": action, **change}}
        return self.request("edit_lessons_board", payload)["activity"]

    # -- homework over HTTP -----------------------------------------------------

    def homework_items(self) -> list[int]:
        """Programme items that can be assigned as homework, from the home page."""
        page = read_page(self._page("/leader/"))
        return [
            int(m.group(1))
            for form in page.forms
            if (m := ASSIGN_FORM.search(form.action))
        ]

    def assign_homework(
        self, item_id: int, due_at: str, *, allow_anonymous: bool = True
    ) -> int:
        """Assign a homework item; ``due_at`` is the form's local date-time
        ("2030-01-20T17:00"). Returns the homework session's id."""
        html = self._page("/leader/")
        fields = {"csrf_token": find_csrf_token(html) or "", "due_at": due_at}
        if allow_anonymous:
            fields["allow_anonymous"] = "on"
        response = self.http.post(
            f"{self.base_url}/leader/items/{item_id}/homework",
            data=fields,
            allow_redirects=False,
            timeout=self.timeout,
        )
        match = HOMEWORK_PAGE.search(response.headers.get("Location", ""))
        if response.status_code not in (302, 303) or not match:
            raise Refused("invalid", "the homework was not assigned", 400)
        return int(match.group(1))

    def end_session(self) -> dict:
        return self.request("end_session", {})["session"]
