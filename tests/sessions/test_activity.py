from datetime import datetime, timedelta

import pytest

from sessions.activity import (
    Activity,
    ActivityState,
    check_accepts_submissions,
    close_activity,
    open_activity,
    results_visible,
    reveal_activity,
    timer_expired,
)
from sessions.errors import DomainError

NOW = datetime(2026, 11, 25, 10, 0, 0)


def roles_activity(**kw):
    return Activity(id=1, kind="roles", prompt="Vem är du?", **kw)


def test_lifecycle_draft_open_closed_revealed_and_reopen():
    act = roles_activity()
    with pytest.raises(DomainError):
        check_accepts_submissions(act, NOW)
    open_activity(act, NOW)
    check_accepts_submissions(act, NOW)
    close_activity(act)
    assert act.state is ActivityState.CLOSED
    with pytest.raises(DomainError) as info:
        check_accepts_submissions(act, NOW)
    assert info.value.code == "closed"
    reveal_activity(act)
    assert act.state is ActivityState.REVEALED
    open_activity(act, NOW)
    assert act.state is ActivityState.OPEN


def test_illegal_transitions_are_refused():
    act = roles_activity()
    with pytest.raises(DomainError) as info:
        close_activity(act)
    assert info.value.code == "not_open"
    with pytest.raises(DomainError) as info:
        reveal_activity(act)
    assert info.value.code == "not_closed"
    open_activity(act, NOW)
    with pytest.raises(DomainError) as info:
        open_activity(act, NOW)
    assert info.value.code == "already_open"


def test_revealing_an_open_activity_closes_it_first():
    act = roles_activity()
    open_activity(act, NOW, timer_seconds=60)
    reveal_activity(act)
    assert act.state is ActivityState.REVEALED
    assert act.timer_ends_at is None


def test_timer_closes_for_answers_after_a_short_grace():
    act = roles_activity()
    open_activity(act, NOW, timer_seconds=30)
    assert act.timer_ends_at == NOW + timedelta(seconds=30)
    check_accepts_submissions(act, NOW + timedelta(seconds=31))  # within grace
    assert timer_expired(act, NOW + timedelta(seconds=33))
    with pytest.raises(DomainError):
        check_accepts_submissions(act, NOW + timedelta(seconds=33))


@pytest.mark.parametrize("seconds", [0, -5, 3601])
def test_timer_bounds(seconds):
    with pytest.raises(DomainError) as info:
        open_activity(roles_activity(), NOW, timer_seconds=seconds)
    assert info.value.code == "invalid_timer"


def test_results_hidden_until_reveal():
    act = roles_activity(hide_results=True)
    open_activity(act, NOW)
    assert not results_visible(act)
    reveal_activity(act)
    assert results_visible(act)
    live = roles_activity(hide_results=False)
    assert not results_visible(live)  # a draft shows nothing
    open_activity(live, NOW)
    assert results_visible(live)
