"""A Python client of Mellanrum's wire protocol (docs/protocol.md).

It speaks only HTTP and Socket.IO, never imports the server, and serves the
live tests, the load benchmark and scripts alike::

    leader = LeaderClient(base_url).sign_in(login_link)
    leader.connect(leader.start_session())
    token, _, _ = join(base_url, leader.join_code, "Anna", "Region Skåne")
    with Participant(base_url, token) as phone:
        phone.connect()
        phone.submit(activity_id, {"roles": ["Samordnare"]})
"""

from .errors import ClientError, ConnectRefused, NotDelivered, ProtocolError, Refused
from .http import Joined, join
from .leader import LeaderClient
from .participant import Participant, Submitted
from .projector import Projector
from .socket import SocketClient, WaitTimeout

__all__ = [
    "ClientError",
    "ConnectRefused",
    "Joined",
    "LeaderClient",
    "NotDelivered",
    "Participant",
    "Projector",
    "ProtocolError",
    "Refused",
    "SocketClient",
    "Submitted",
    "WaitTimeout",
    "join",
]
