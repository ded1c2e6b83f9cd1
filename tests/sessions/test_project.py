"""A project's own words: name and theme, member organisations and their
kinds, catalogues (sessions/project.py)."""

import pytest

from sessions.catalogue import ROLES
from sessions.errors import DomainError
from sessions.forms import FieldError
from sessions.project import (
    OrganisationRow,
    catalogues,
    check_catalogue,
    check_catalogues,
    check_organisation_kind,
    check_organisations,
    check_project,
    with_catalogues,
)


def test_a_project_needs_a_name_and_may_have_a_theme():
    fields = check_project("  Mitt   lärprojekt ", "")
    assert (fields.name, fields.theme) == ("Mitt lärprojekt", "")
    with pytest.raises(FieldError) as refused:
        check_project("   ", "Tema")
    assert (refused.value.field, refused.value.code) == ("name", "required")
    with pytest.raises(FieldError) as refused:
        check_project("Namn", "x" * 1001)
    assert (refused.value.field, refused.value.code) == ("theme", "too_long")


@pytest.mark.parametrize("kind", ["region", "agency", "partner"])
def test_the_three_kinds_of_organisation(kind):
    assert check_organisation_kind(kind) == kind


@pytest.mark.parametrize("kind", ["", "Region", "municipality", None, 1])
def test_an_unknown_kind_of_organisation_is_refused(kind):
    with pytest.raises(DomainError):
        check_organisation_kind(kind)


def test_organisation_rows_are_cleaned_and_blank_new_rows_skipped():
    rows = [
        OrganisationRow(4, " Region  Skåne ", "region"),
        OrganisationRow(None, "Vinnova", "agency"),
        OrganisationRow(None, "   ", "region"),
        OrganisationRow(7, "SKL", "partner", remove=True),
    ]
    assert check_organisations(rows) == [
        OrganisationRow(4, "Region Skåne", "region"),
        OrganisationRow(None, "Vinnova", "agency"),
    ]


def test_an_organisation_named_twice_is_refused_at_its_row():
    rows = [
        OrganisationRow(1, "Region Skåne", "region"),
        OrganisationRow(None, "region  skåne", "region"),
    ]
    with pytest.raises(FieldError) as refused:
        check_organisations(rows)
    assert refused.value.field == "org-1-name"
    assert refused.value.code == "duplicate"


def test_a_removed_row_does_not_count_as_a_duplicate():
    rows = [
        OrganisationRow(1, "Region Skåne", "region", remove=True),
        OrganisationRow(None, "Region Skåne", "region"),
    ]
    assert [r.name for r in check_organisations(rows)] == ["Region Skåne"]


def test_a_saved_organisation_left_blank_and_a_bad_kind_are_refused():
    with pytest.raises(FieldError) as refused:
        check_organisations([OrganisationRow(1, " ", "region")])
    assert refused.value.field == "org-0-name"
    with pytest.raises(FieldError) as refused:
        check_organisations([OrganisationRow(None, "X", "county")])
    assert refused.value.field == "org-0-kind"


def test_catalogues_default_to_the_built_in_ones():
    words = catalogues({"roles": ["Brobyggare"]})
    assert words["roles"] == ["Brobyggare"]
    assert words["actors"] and words["areas"] and words["themes"]


def test_catalogues_from_their_textareas():
    checked = check_catalogues(
        {
            "roles": "Brobyggare\n\n  Spindel  i nätet \n",
            "actors": "Kommunen",
            "areas": "Boende",
            "themes": "Bygg kunskap",
        }
    )
    assert checked["roles"] == ["Brobyggare", "Spindel i nätet"]
    assert checked["themes"] == ["Bygg kunskap"]


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ({"roles": "", "actors": "A", "areas": "B", "themes": "C"}, "roles"),
        ({"roles": "A\na", "actors": "A", "areas": "B", "themes": "C"}, "roles"),
        ({"roles": "A", "actors": "x" * 61, "areas": "B", "themes": "C"}, "actors"),
        ({"roles": "A", "actors": "A", "areas": "B"}, "themes"),
    ],
)
def test_a_bad_catalogue_is_refused_at_its_textarea(typed, field):
    with pytest.raises(FieldError) as refused:
        check_catalogues(typed)
    assert refused.value.field == field


def test_a_role_is_no_longer_than_a_roles_activity_takes():
    # A longer one would be refused when the session starts, not when saved.
    assert check_catalogue("roles", ["x" * 60]) == ["x" * 60]
    with pytest.raises(DomainError):
        check_catalogue("roles", ["x" * 61])


def test_the_project_fills_in_the_catalogues_an_item_leaves_out():
    project = {"roles": ["Brobyggare"]}
    assert with_catalogues("roles", {"allow_own": True}, project) == {
        "allow_own": True,
        "catalogue": ["Brobyggare"],
    }
    own = {"catalogue": list(ROLES)}
    assert with_catalogues("roles", own, project)["catalogue"] == list(ROLES)
    assert with_catalogues("scale", {"min": 1}, project) == {"min": 1}
