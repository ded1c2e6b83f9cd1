"""The newest-version rule every client keeps (docs/protocol.md, Snapshot)."""

from client.versions import Newest


def snap(version, activity_id=1, count=0):
    return {"activity_id": activity_id, "version": version, "answer_count": count}


def test_a_lower_or_equal_version_never_replaces_the_newest():
    newest = Newest("activity_id")
    assert newest.offer(snap(3, count=3), pushed=True)
    assert not newest.offer(snap(2, count=2), pushed=True)
    assert not newest.offer(snap(3, count=99), pushed=True)
    assert newest.get(1)["answer_count"] == 3
    assert newest.offer(snap(4, count=4), pushed=True)
    assert newest.get(1)["answer_count"] == 4


def test_every_pushed_version_is_recorded_in_arrival_order():
    newest = Newest("activity_id")
    for version in (1, 3, 2):
        newest.offer(snap(version), pushed=True)
    newest.offer(snap(9), pushed=False)  # from a sync ack: kept, not counted
    assert newest.seen[1] == [1, 3, 2]
    assert newest.pushed == 3
    assert newest.get(1)["version"] == 9


def test_activities_are_kept_apart():
    newest = Newest("activity_id")
    newest.offer(snap(5, activity_id=1), pushed=True)
    newest.offer(snap(1, activity_id=2), pushed=True)
    assert (newest.get(1)["version"], newest.get(2)["version"]) == (5, 1)
    assert newest.get(3) is None and newest.get(None) is None


def test_what_is_not_a_versioned_object_is_ignored():
    newest = Newest("id")
    for junk in (None, "x", {"id": 1}, {"id": "1", "version": 2}, {"version": 1}):
        assert not newest.offer(junk, pushed=True)
    assert newest.latest == {} and newest.pushed == 0
