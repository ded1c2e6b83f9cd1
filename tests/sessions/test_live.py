import math

import pytest

from sessions import snapshot
from sessions.activity import Activity, ActivityState
from sessions.errors import DomainError
from sessions.kinds import roles
from sessions.live import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    SessionStatus,
    check_can_join,
    check_identity,
    new_join_code,
    normalise_join_code,
)
from sessions.submission import Submission


def test_join_codes_use_an_unambiguous_alphabet():
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == JOIN_CODE_LENGTH
        assert set(code) <= set(JOIN_CODE_ALPHABET)
        assert not set(code) & set("01OIL")


def test_join_codes_carry_enough_entropy_to_resist_guessing():
    # docs/security.md: at least 39 bits, with wrong guesses limited per address
    assert JOIN_CODE_LENGTH * math.log2(len(set(JOIN_CODE_ALPHABET))) >= 39


@pytest.mark.parametrize(
    ("typed", "code"),
    [("k7p q2m", "K7PQ2M"), ("K7P-Q2M", "K7PQ2M"), ("a0b1", "AOBI"), (None, "")],
)
def test_typed_codes_are_normalised(typed, code):
    assert normalise_join_code(typed) == code


def test_an_ended_session_cannot_be_joined():
    check_can_join(SessionStatus.RUNNING)
    with pytest.raises(DomainError) as info:
        check_can_join(SessionStatus.ENDED)
    assert info.value.code == "session_ended"


def test_identity_rules():
    who = check_identity("  Anna  Ek ", "Region Skåne", False, allow_anonymous=False)
    assert (who.name, who.organisation, who.anonymous) == (
        "Anna Ek",
        "Region Skåne",
        False,
    )
    anon = check_identity("ignored", "", True, allow_anonymous=True)
    assert (anon.name, anon.anonymous) == ("", True)
    for args, code in [
        (("", "Region", False), "required"),
        (("x" * 81, "", False), "too_long"),
        ((None, "", False), "invalid"),
        (("Anna", "y" * 121, False), "too_long"),
    ]:
        with pytest.raises(DomainError) as info:
            check_identity(*args, allow_anonymous=True)
        assert info.value.code == code
    with pytest.raises(DomainError) as info:
        check_identity("", "", True, allow_anonymous=False)
    assert info.value.code == "anonymous_not_allowed"


def test_public_snapshot_hides_results_until_visible():
    act = Activity(
        id=7,
        kind="roles",
        prompt="?",
        config=roles.validate_config({}),
        state=ActivityState.OPEN,
        hide_results=True,
    )
    subs = [
        Submission(1, "A", {"roles": ["Nav"]}),
        Submission(2, "B", {"roles": ["Nav"]}, True),
    ]
    full = snapshot.build(act, 5, subs, joined=3)
    assert (full["version"], full["answer_count"], full["joined"]) == (5, 1, 3)
    assert full["results"]["words"][0]["count"] == 1
    assert snapshot.public(full)["results"] is None
    act.state = ActivityState.REVEALED
    revealed = snapshot.build(act, 6, subs, joined=3)
    assert snapshot.public(revealed)["results"] == revealed["results"]


def test_control_characters_and_lone_surrogates_never_reach_storage():
    who = check_identity(
        "An\x00na \ud800Ek", "Reg\udfffion", False, allow_anonymous=False
    )
    assert (who.name, who.organisation) == ("An na Ek", "Reg ion")
    who.name.encode("utf-8")  # storable
