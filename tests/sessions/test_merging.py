"""Namespaced merges (sessions/kinds/merging.py) and the roles kind's field."""

import pytest

from sessions.errors import DomainError
from sessions.kinds import get_kind, merging, roles

FIELDS = ("actor", "role", "area")


def merge(merges, field, source, target):
    return merging.merge(merges, field, source, target, fields=FIELDS, max_length=60)


def unmerge(merges, field, source):
    return merging.unmerge(merges, field, source, fields=FIELDS, max_length=60)


def test_merges_are_stored_under_their_field_with_the_target_as_typed():
    merges = merge({}, "actor", "  Lst  Östra", "Länsstyrelsen")
    merges = merge(merges, "area", "Bostäder", "Boende")
    assert merges == {"actor:lst östra": "Länsstyrelsen", "area:bostäder": "Boende"}


def test_the_same_word_in_two_fields_is_two_merges():
    merges = merge({}, "actor", "Nav", "Regionen")
    merges = merge(merges, "role", "Nav", "Samordnare")
    assert merging.resolve(merges, "actor", "nav") == "regionen"
    assert merging.resolve(merges, "role", "nav") == "samordnare"
    assert merging.resolve(merges, "area", "nav") == "nav"


def test_chains_are_followed():
    merges = merge({}, "role", "samordning", "koordinering")
    merges = merge(merges, "role", "Koordinering", "Samordnare")
    assert merging.resolve(merges, "role", "samordning") == "samordnare"
    assert merging.resolve(merges, "role", "koordinering") == "samordnare"
    assert merging.resolve(merges, "role", "samordnare") == "samordnare"


@pytest.mark.parametrize(
    ("source", "target"),
    [("Nav", " nav"), ("samordnare", "Samordning"), ("Samordnare", "koordinering")],
)
def test_merging_into_itself_or_a_cycle_is_refused(source, target):
    merges = merge({}, "role", "samordning", "koordinering")
    merges = merge(merges, "role", "koordinering", "Samordnare")
    with pytest.raises(DomainError) as info:
        merge(merges, "role", source, target)
    assert info.value.code == "invalid_merge"
    assert info.value.message == "A word cannot be merged into itself."


def test_a_stored_cycle_never_loops():
    merges = {"actor:a": "B", "actor:b": "A"}
    assert merging.resolve(merges, "actor", "a") == "a"
    assert merging.resolve(merges, "actor", "b") == "b"


@pytest.mark.parametrize("field", ["region", "Actor", "", None, 1])
def test_an_unknown_field_is_refused(field):
    with pytest.raises(DomainError) as info:
        merge({}, field, "Nav", "Samordnare")
    assert info.value.code == "invalid"
    with pytest.raises(DomainError):
        unmerge({"role:nav": "Samordnare"}, field, "Nav")


@pytest.mark.parametrize(
    ("source", "target", "code"),
    [
        ("", "Nav", "required"),
        ("Nav", "  ", "required"),
        ("x" * 61, "Nav", "too_long"),
        ("Nav", "x" * 61, "too_long"),
        (3, "Nav", "invalid"),
        ("Nav", ["Samordnare"], "invalid"),
    ],
)
def test_bad_words_are_refused(source, target, code):
    with pytest.raises(DomainError) as info:
        merge({}, "role", source, target)
    assert info.value.code == code


def test_unmerge_removes_only_that_fields_merge_and_keeps_the_rest():
    merges = {"actor:nav": "Regionen", "role:nav": "Samordnare", "area:x": "Y"}
    assert unmerge(merges, "role", " NAV") == {
        "actor:nav": "Regionen",
        "area:x": "Y",
    }
    assert unmerge(merges, "role", "Okänd") == merges
    assert merges["role:nav"] == "Samordnare"  # the given dict is not changed


def test_re_merging_a_source_points_it_elsewhere():
    merges = merge({}, "actor", "Lst", "Länsstyrelsen")
    assert merge(merges, "actor", "lst", "Länsstyrelsen Östra") == {
        "actor:lst": "Länsstyrelsen Östra"
    }


def test_merged_into_lists_the_seen_keys_now_counted_as_a_key():
    merges = {
        "actor:lst": "Länsstyrelsen",
        "actor:lst östra": "lst",
        "role:länsstyrelse": "Länsstyrelsen",
    }
    seen = ["lst östra", "länsstyrelsen", "lst", "kommunerna", "lst"]
    assert merging.merged_into(merges, "actor", "länsstyrelsen", seen) == [
        "lst",
        "lst östra",
    ]
    assert merging.merged_into(merges, "role", "länsstyrelsen", seen) == []


def test_words_label_catalogue_form_then_most_typed_then_merge_target():
    merges = {"actor:lst": "Länsstyrelsen", "actor:spindel": "Spindeln i nätet"}
    words = merging.Words(merges, "actor", ["Länsstyrelsen", "Kommunerna"])
    assert words.add("kommunerna") == "kommunerna"
    assert words.add("Lst") == "länsstyrelsen"
    assert words.add("LST") == "länsstyrelsen"
    assert words.add("lst") == "länsstyrelsen"
    assert words.add("Spindel") == "spindeln i nätet"
    assert words.add("Nod") == "nod"
    assert words.add("nod") == "nod"
    assert words.resolve("Spindel") == "spindeln i nätet"
    assert words.label("kommunerna") == "Kommunerna"
    assert words.label("länsstyrelsen") == "Länsstyrelsen"
    assert words.label("spindeln i nätet") == "Spindeln i nätet"
    assert words.label("nod") == "Nod"  # a tie goes to the first seen
    assert words.label("lst") == "Lst"
    assert words.merged("länsstyrelsen") == ["Lst"]
    assert words.merged("spindeln i nätet") == ["Spindel"]
    assert words.merged("kommunerna") == []


def test_roles_key_merges_like_every_kind_and_refuse_other_fields():
    merges = roles.merge({}, "samordning", "Samordnare", "role")
    assert merges == {"role:samordning": "Samordnare"}
    assert roles.unmerge(merges, "Samordning", "role") == {}
    kind = get_kind("roles")
    assert kind.merge({}, "samordning", "Samordnare", "role") == merges
    for field in ("actor", "area", None):
        with pytest.raises(DomainError) as info:
            kind.merge({}, "samordning", "Samordnare", field)
        assert info.value.code == "invalid"
        with pytest.raises(DomainError) as info:
            kind.unmerge(merges, "samordning", field)
        assert info.value.code == "invalid"
