"""A participant's phone: answers activities, and never loses or doubles one.

Every answer gets a client id once. If its ack does not come back (a tunnel, a
killed server), the answer stays pending and is sent again after reconnecting
with the *same* client id, so the server applies it at most once.
"""

import threading
import uuid
from dataclasses import dataclass

from .errors import RETRY_LATER, NotDelivered, Refused
from .socket import SocketClient


@dataclass(frozen=True)
class Submitted:
    client_id: str
    submission: dict  # the Submission object the server stored
    duplicate: bool  # True when the server had applied this client id before


class Participant(SocketClient):
    """A phone's socket: ``Participant(base_url, token)``, then ``connect()``.

    ``pending`` holds, per activity, the last answer sent without an ack. A newer
    answer to the same activity replaces it: sending the older one later would
    overwrite the newer one on the server.
    """

    def __init__(self, base_url: str, token: str, **options: object) -> None:
        super().__init__(base_url, {"participant": token}, **options)
        self.token = token
        self.pending: dict[int, dict] = {}
        self.dropped: list[tuple[dict, Refused]] = []  # refused on resending
        self._pending_lock = threading.Lock()

    @property
    def participant(self) -> dict | None:
        return self.state.get("participant") if self.state else None

    @property
    def submission(self) -> dict | None:
        """Own answer to the current activity, as of the last sync."""
        return self.state.get("submission") if self.state else None

    def submit(
        self,
        activity_id: int,
        answer: dict,
        client_id: str | None = None,
        timeout: float | None = None,
    ) -> Submitted:
        """Send an answer; a refusal raises ``Refused``. No ack in time raises
        ``NotDelivered`` (with its ``client_id``) and keeps the answer pending."""
        payload = {
            "activity_id": activity_id,
            "client_id": client_id or uuid.uuid4().hex,
            "answer": answer,
        }
        with self._pending_lock:
            self.pending[activity_id] = payload
        return self._send(payload, timeout)

    def save_draft(
        self, activity_id: int, answer: dict, timeout: float | None = None
    ) -> str:
        """Keep a homework as typed so far; returns when the server saved it.
        A refusal raises ``Refused``."""
        ack = self.call(
            "save_draft", {"activity_id": activity_id, "answer": answer}, timeout
        )
        if not ack["ok"]:
            raise Refused.from_reply(ack)
        return ack["saved_at"]

    def _send(self, payload: dict, timeout: float | None) -> Submitted:
        try:
            ack = self.call("submit", payload, timeout)
        except NotDelivered:
            raise NotDelivered("submit", payload["client_id"]) from None
        if ack.get("error") == RETRY_LATER:
            # Not saved, and worth sending again: it stays pending.
            raise NotDelivered("submit", payload["client_id"])
        with self._pending_lock:
            # Only if no newer answer to the activity was sent meanwhile.
            if self.pending.get(payload["activity_id"]) is payload:
                del self.pending[payload["activity_id"]]
        if not ack["ok"]:
            raise Refused.from_reply(ack)
        return Submitted(payload["client_id"], ack["submission"], ack["duplicate"])

    def resend_pending(self, timeout: float | None = None) -> list[Submitted]:
        """Send every pending answer again with its own client id. Answers the
        server refuses now (say, the activity closed) move to ``dropped``; a
        resend without an ack raises ``NotDelivered`` and stays pending."""
        with self._pending_lock:
            waiting = list(self.pending.values())
        done = []
        for payload in waiting:
            try:
                done.append(self._send(payload, timeout))
            except Refused as refused:
                self.dropped.append((payload, refused))
        return done

    def after_resync(self) -> None:
        self.resend_pending()
