"""client/'s classes, with what fault tests need on top."""

from client import LeaderClient, Participant, Projector


class Console(LeaderClient):
    pass


class Screen(Projector):
    pass


class Phone(Participant):
    """A participant that also remembers what its reconnects sent again."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.resent: list = []

    def after_resync(self) -> None:
        self.resent.extend(self.resend_pending())
