"""Reading a project archive: what a good one gives, and the clear refusal of a
file that is malformed, truncated, of an unknown schema version, of the wrong
types or sizes, or that refers to objects it does not hold."""

import json
from datetime import datetime

import pytest

from sessions import archive_format
from sessions.archive_format import ArchiveError, parse, project_key, read, validate

from .archive_fixture import CREATED_AT, document, encoded


def refusal(doc: object) -> ArchiveError:
    with pytest.raises(ArchiveError) as refused:
        validate(doc)
    return refused.value


def problems(doc: object) -> list[str]:
    return [str(p) for p in refusal(doc).problems]


def test_a_good_archive_reads_into_its_objects():
    archive = read(encoded(document()))
    project = archive.project
    assert project.name == "Norrlandsnätet"
    assert project.created_at == CREATED_AT  # naive UTC, as stored
    first, homework = (m.sessions[0] for m in project.meetings)
    assert [a.kind for a in first.activities][:2] == ["roles", "lessons"]
    assert first.submissions[2].answer == {"marks": {"2.0": "done"}}
    assert homework.drafts[0].participant == "p3"
    assert project.meetings[1].items[0].origin == "i1"


def test_times_in_another_zone_are_kept_as_utc():
    doc = document()
    doc["project"]["created_at"] = "2017-01-10T10:00:00+01:00"
    assert validate(doc).project.created_at == CREATED_AT


def test_the_key_is_a_hash_of_the_name_and_the_creation():
    key = project_key("Norrlandsnätet", CREATED_AT)
    assert key == project_key("Norrlandsnätet", CREATED_AT)
    assert key != project_key("Norrlandsnätet (kopia)", CREATED_AT)
    assert key != project_key("Norrlandsnätet", datetime(2017, 1, 10, 9, 0, 0, 1))
    assert len(key) == 36 and key.count("-") == 4


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "malformed"),
        (b"  \n", "malformed"),
        (b"\xff\xfe{}", "malformed"),
        (b"{'format': 1}", "malformed"),
        (b'{"a": 1,}', "malformed"),
        (b'{"a": NaN}', "malformed"),
        (b'{"a": 1e999}', "malformed"),
        (b"[" * 100_000, "malformed"),
        (b'{"format": "mellanrum-project", "project": {"name": "Nor', "truncated"),
        (b'{"format": "mellanrum-project", "project": ', "truncated"),
    ],
)
def test_a_file_that_is_no_json_or_cut_off_is_refused(raw, code):
    with pytest.raises(ArchiveError) as refused:
        parse(raw)
    assert refused.value.code == code


def test_a_truncated_export_says_it_was_cut_off():
    whole = encoded(document())
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 1):
        with pytest.raises(ArchiveError) as refused:
            read(whole[:cut])
        assert refused.value.code == "truncated", cut
        assert "cut off" in str(refused.value)


def test_malformed_json_says_where():
    with pytest.raises(ArchiveError) as refused:
        parse(b'{\n  "format": "mellanrum-project",\n  oops\n}')
    assert refused.value.params["line"] == 3
    assert "line 3, column 3" in str(refused.value)


def test_a_file_over_the_size_limit_is_refused_unread(monkeypatch):
    monkeypatch.setattr(archive_format, "MAX_ARCHIVE_BYTES", 100)
    with pytest.raises(ArchiveError) as refused:
        parse(b" " * 101)
    assert refused.value.code == "too_large"


@pytest.mark.parametrize("doc", [[], "x", {"format": "csv"}, {"project": {}}])
def test_json_that_is_no_archive_is_refused(doc):
    assert refusal(doc).code == "not_an_archive"


@pytest.mark.parametrize("version", [3, 0, "1", 1.5, True])
def test_an_unknown_schema_version_names_the_supported_ones(version):
    doc = {**document(), "schema_version": version}
    error = refusal(doc)
    assert error.code == "unknown_version"
    assert error.params["supported"] == "1, 2"
    assert f"version is {json.dumps(version)}" in str(error)


def _version_1(doc: dict) -> dict:
    """``doc`` as version 1 wrote it: activities without published and series."""
    old = json.loads(json.dumps(doc))
    old["schema_version"] = 1
    for meeting in old["project"]["meetings"]:
        for session in meeting["sessions"]:
            for act in session["activities"]:
                del act["published"], act["series"]
    return old


def test_a_version_1_archive_is_read_with_nothing_published():
    archive = validate(_version_1(document()))
    assert archive.schema_version == 2
    runs = [
        act
        for meeting in archive.project.meetings
        for session in meeting.sessions
        for act in session.activities
    ]
    assert not any(act.published for act in runs)
    # Each run joins its item's series: i2 was copied from i1, so its run too.
    assert [(act.item, act.series) for act in runs if act.item] == [
        ("i1", "i1"),
        ("i2", "i1"),
    ]


def test_a_version_1_archive_of_the_wrong_shape_is_named_not_crashed():
    doc = _version_1(document())
    doc["project"]["meetings"][0]["sessions"] = "none"
    error = refusal(doc)
    assert error.code == "invalid"
    assert any("sessions" in p.path for p in error.problems)


def test_a_series_naming_no_item_is_a_missing_reference():
    doc = document()
    doc["project"]["meetings"][0]["sessions"][0]["activities"][0]["series"] = "i9"
    error = refusal(doc)
    assert error.code == "missing_reference"
    assert [p.path for p in error.problems] == [
        "project.meetings[0].sessions[0].activities[0].series"
    ]


def test_no_schema_version_is_refused():
    doc = document()
    del doc["schema_version"]
    assert refusal(doc).code == "unknown_version"


def change(doc: dict, path: str, value: object) -> dict:
    """``doc`` with the value at ``path`` (dots and [n]) set; DELETE removes it."""
    parts = path.replace("[", ".").replace("]", "").split(".")
    target = doc
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = int(parts[-1]) if parts[-1].isdigit() else parts[-1]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return doc


DELETE = object()
FIRST = "project.meetings[0].sessions[0]"


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        ("project.name", 17, "project.name: Input should be a valid string"),
        ("project.name", "", "project.name: String should have at least 1 character"),
        ("project.name", "x" * 201, "project.name: String should have at most 200"),
        ("project.name", "a\x00b", "project.name: Value error, must not contain"),
        ("project.meetings[0].position", "1", "position: Input should be a valid int"),
        ("project.meetings[0].position", True, "position: Input should be a valid int"),
        ("project.meetings[0].position", -1, "position: Input should be greater"),
        ("project.meetings[0].held_on", "someday", "held_on: Input should be a valid"),
        ("project.meetings[0].held_on", 20170201, "held_on: Value error, must be an"),
        ("project.created_at", 1484038800, "created_at: Value error, must be an ISO"),
        ("project.organisations[0].kind", "city", "kind: Value error, should be one"),
        ("project.meetings[0].items[0].kind", "poll", "kind: Value error, should be"),
        (f"{FIRST}.activities[0].state", "paused", "state: Value error, should be"),
        (f"{FIRST}.activities[0].config", [], "config: Input should be a valid dict"),
        (f"{FIRST}.mode", "webinar", "mode: Value error, should be one of: meeting"),
        (f"{FIRST}.submissions[0].hidden", "no", "hidden: Input should be a valid bo"),
        (f"{FIRST}.participants[0].id", "p 1", "id: String should match pattern"),
        (f"{FIRST}.participants[0].extra", 1, "extra: Extra inputs are not permitted"),
        (f"{FIRST}.participants[0].name", DELETE, "name: Field required"),
        ("project.key", "not-a-key", "project.key: String should match pattern"),
        ("project.catalogues", {"colours": []}, "catalogues.colours.[key]: Value err"),
    ],
)
def test_a_field_of_the_wrong_type_is_named_by_its_path(path, value, said):
    error = refusal(change(document(), path, value))
    assert error.code == "invalid"
    assert any(said in str(p) for p in error.problems), [str(p) for p in error.problems]


def test_too_many_objects_are_refused():
    doc = document()
    doc["project"]["organisations"] *= 201
    (problem,) = problems(doc)
    assert problem.startswith("project.organisations: List should have at most 200")


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (
            f"{FIRST}.submissions[0].participant",
            "p17",
            f"{FIRST}.submissions[0].participant: no participant p17 in this session",
        ),
        (
            f"{FIRST}.submissions[0].participant",
            "p3",  # of the homework session
            "no participant p3 in this session",
        ),
        (
            f"{FIRST}.submissions[0].activity",
            "a5",
            f"{FIRST}.submissions[0].activity: no activity a5 in this session",
        ),
        (
            "project.meetings[1].sessions[0].drafts[0].participant",
            "p1",
            "drafts[0].participant: no participant p1 in this session",
        ),
        (
            "project.meetings[1].items[0].origin",
            "i9",
            "project.meetings[1].items[0].origin: no programme item i9",
        ),
        (f"{FIRST}.activities[0].item", "i9", "item: no programme item i9"),
        (
            f"{FIRST}.current_activity",
            "a9",
            "current_activity: no activity a9 in this project",
        ),
        (
            f"{FIRST}.activities[1].merges.placed",
            {"9.l1": "t1"},
            "activities[1].merges.placed['9.l1']: no submission 9 in this project",
        ),
        (
            f"{FIRST}.activities[3].config.commitments[0].key",
            "8.0",
            "config.commitments[0].key: no submission 8 in this project",
        ),
        (
            f"{FIRST}.submissions[2].answer.marks",
            {"7.0": "done"},
            "answer.marks['7.0']: no submission 7 in this project",
        ),
        (
            f"{FIRST}.activities[1].final_snapshot.activity_id",
            "a8",
            "final_snapshot.activity_id: no activity a8 in this project",
        ),
        (
            f"{FIRST}.activities[1].final_snapshot.results.unplaced[0].submission_id",
            "1",
            "unplaced[0].submission_id: no submission 1 in this project",
        ),
    ],
)
def test_a_reference_to_a_missing_object_is_named(path, value, said):
    error = refusal(change(document(), path, value))
    assert error.code == "missing_reference"
    assert "refers to objects it does not hold" in str(error)
    assert [str(p) for p in error.problems if said in str(p)], str(error)


def test_an_answer_of_no_longer_known_origin_may_be_numbered_zero():
    doc = change(document(), f"{FIRST}.activities[1].merges.placed", {"0.l1": "t1"})
    assert validate(doc).project.name == "Norrlandsnätet"


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (f"{FIRST}.activities[1].id", "a1", "activities[1].id: the id a1 is used"),
        (
            "project.meetings[1].sessions[0].participants[0].id",
            "p1",
            "participants[0].id: the id p1 is used twice",
        ),
        ("project.meetings[1].items[0].id", "i1", "items[0].id: the id i1 is used"),
        (f"{FIRST}.submissions[1].number", 1, "number: the id 1 is used twice"),
        (
            f"{FIRST}.submissions[1].activity",
            "a2",
            "p1 has a second one for a2",
        ),
        ("project.meetings[0].items[0].origin", "i1", "origins go round in a loop"),
        ("project.meetings[0].items[0].origin", "i2", "origins go round in a loop"),
    ],
)
def test_objects_that_do_not_fit_together_are_named(path, value, said):
    # A renamed id also leaves the references to its old one unresolved.
    error = refusal(change(document(), path, value))
    assert [str(p) for p in error.problems if said in str(p)], str(error)


def test_a_homework_holds_one_activity():
    doc = document()
    homework = doc["project"]["meetings"][1]["sessions"][0]
    homework["activities"].append({**homework["activities"][0], "id": "a6"})
    error = refusal(doc)
    assert error.code == "invalid"
    assert "objects do not fit together" in str(error)
    assert "sessions[0].activities: a homework session holds exactly" in str(error)


def test_many_problems_are_listed_up_to_a_limit():
    doc = document()
    first = doc["project"]["meetings"][0]["sessions"][0]
    first["submissions"] = [
        {**first["submissions"][0], "number": n, "participant": f"x{n}"}
        for n in range(1, 31)
    ]
    error = refusal(doc)
    assert len(error.problems) == archive_format.MAX_PROBLEMS
    assert error.more == 30 - archive_format.MAX_PROBLEMS
    assert f"… {error.more} more" in str(error)
