"""The built-in programme is a data file; a broken file says where it breaks."""

from datetime import date
from pathlib import Path

import pytest

from sessions.programme_file import BUILTIN, ProgrammeFileError, load, parse


def test_the_built_in_project_has_the_four_meetings_of_the_brief():
    spec = load(BUILTIN)
    assert spec.name == "Integration – regionernas roll"
    assert [m.title for m in spec.meetings] == [
        "Träff 1",
        "Träff 2",
        "Träff 3",
        "Träff 4",
    ]
    kinds = [[item.kind for item in m.items] for m in spec.meetings]
    assert "roles" in kinds[0] and "scale" in kinds[0] and "others_view" in kinds[0]
    assert "text" in kinds[1] and "actor_map" in kinds[1]
    assert kinds[2] == ["roles", "next_steps"]
    # Träff 4 checks on Träff 3's steps, then gathers lessons and new steps.
    assert kinds[3][0] == "status_check"
    assert {"lessons", "next_steps", "roles", "scale", "text", "choice"} <= set(
        kinds[3]
    )
    # "Vem är du?" in Träff 1, 3 and 4 is one question asked again.
    origins = [i.origin for m in spec.meetings for i in m.items if i.kind == "roles"]
    assert origins == ["vem-ar-du"] * 3


def test_the_members_are_21_regions_two_agencies_and_a_partner():
    spec = load(BUILTIN)
    kinds = [o.kind for o in spec.organisations]
    assert kinds.count("region") == 21
    assert {o.name: o.kind for o in spec.organisations if o.kind != "region"} == {
        "Vinnova": "agency",
        "Tillväxtverket": "agency",
        "SKL": "partner",
    }


def _minimal(**changes) -> dict:
    data = {
        "name": "Test",
        "meetings": [
            {
                "title": "Träff 1",
                "date": date(2026, 1, 1),
                "activities": [{"kind": "scale", "prompt": "Hur?"}],
            }
        ],
    }
    data.update(changes)
    return data


def test_a_minimal_programme_reads():
    spec = parse(_minimal())
    assert spec.meetings[0].items[0].kind == "scale"
    assert spec.organisations == () and spec.catalogues == {}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (_minimal(colour="red"), "unknown key colour"),
        (_minimal(name=""), "name must be a text"),
        (_minimal(organisations=[{"name": "X", "kind": "club"}]), "organisations[0]"),
        (_minimal(catalogues={"roles": "Samordnare"}), "catalogues.roles"),
        (_minimal(catalogues={"colours": []}), "unknown key colours"),
        (_minimal(catalogues={"roles": ["Nav", "nav"]}), "catalogues.roles"),
        (_minimal(catalogues={"areas": []}), "catalogues.areas"),
        (
            _minimal(meetings=[{"title": "T", "date": "13 oktober"}]),
            "date must be a date",
        ),
        (
            _minimal(
                meetings=[
                    {
                        "title": "Träff 9",
                        "date": date(2026, 1, 1),
                        "activities": [{"kind": "poll", "prompt": "?"}],
                    }
                ]
            ),
            "(Träff 9): activities[0]: Unknown activity kind: poll.",
        ),
        (
            _minimal(
                meetings=[
                    {
                        "title": "Träff 9",
                        "date": date(2026, 1, 1),
                        "activities": [
                            {"kind": "scale", "prompt": "?", "config": {"max": 99}}
                        ],
                    }
                ]
            ),
            "activities[0]",
        ),
    ],
)
def test_a_broken_programme_names_the_place(data, says):
    with pytest.raises(ProgrammeFileError) as raised:
        parse(data, where="x.toml")
    assert says in str(raised.value)
    assert str(raised.value).startswith("x.toml")


def test_a_file_that_is_no_toml_is_refused(tmp_path: Path):
    path = tmp_path / "broken.toml"
    path.write_text('name = "unterminated\n', encoding="utf-8")
    with pytest.raises(ProgrammeFileError, match=r"broken\.toml"):
        load(path)
