"""Each kind's rows in an export, written out by hand (docs/exports.md)."""

from datetime import date, datetime

from sessions import exports
from sessions.kinds import get_kind

WHEN = datetime(2017, 3, 1, 10, 15, 30)
COMMON = ["Träff 1", date(2017, 3, 1), "Frågan", "Anna", "Region Skåne", WHEN, False]


def activity(kind, config=None, merges=None):
    return exports.ExportedActivity(
        kind=kind,
        prompt="Frågan",
        meeting="Träff 1",
        meeting_date=date(2017, 3, 1),
        config=get_kind(kind).validate_config(config or {})
        if kind != "unknown"
        else {},
        merges=merges or {},
    )


def answer(stored, sid=7, hidden=False, participant="Anna"):
    return exports.ExportedAnswer(
        sid, participant, "Region Skåne", WHEN, hidden, stored
    )


def own(kind, *stored, config=None, merges=None):
    """The kind's own cells of each row (the common ones checked once). A
    sheet's rows are the CSV's without the activity's three columns."""
    exported = activity(kind, config, merges)
    made = list(exports.rows(exported, [answer(s) for s in stored]))
    assert all(row[:7] == COMMON for row in made)
    in_sheet = list(exports.answer_rows(exported, [answer(s) for s in stored]))
    assert in_sheet == [row[3:] for row in made]
    assert len(exports.sheet_header_labels(kind)) == len(keys(kind)) + 4
    return [row[7:] for row in made]


def keys(kind):
    return exports.header_keys(kind)[7:]


def test_roles_one_row_per_answer_roles_joined():
    assert keys("roles") == ["roles"]
    assert own("roles", {"roles": ["Samordnare", "Finansiär"]}) == [
        ["Samordnare; Finansiär"]
    ]


def test_choice_one_row_per_answer_choices_joined():
    config = {"options": ["Ja", "Nej", "Vet ej"], "multiple": True}
    assert keys("choice") == ["choices"]
    assert own("choice", {"choices": ["Ja", "Vet ej"]}, config=config) == [
        ["Ja; Vet ej"]
    ]


def test_scale_value_and_its_label():
    config = {"min": 1, "max": 5, "labels": {"1": "Inte alls", "5": "Helt"}}
    assert keys("scale") == ["value", "label"]
    assert own("scale", {"value": 5}, {"value": 3}, config=config) == [
        [5, "Helt"],
        [3, ""],
    ]


def test_text_the_answer_as_written():
    assert keys("text") == ["text"]
    assert own("text", {"text": "Möten bär arbetet"}) == [["Möten bär arbetet"]]


def test_others_view_one_row_per_actor_asked():
    stored = {
        "actors": [
            {
                "kind": "Länsstyrelsen",
                "name": "Länsstyrelsen Östergötland",
                "roles": ["Samordnare", "Kunskapsförmedlare"],
                "size": 3,
                "quote": "Regionen ska hålla i helheten.",
            },
            {"kind": "Kommun", "name": "", "roles": [], "size": None, "quote": ""},
        ]
    }
    assert keys("others_view") == [
        "actor_kind",
        "actor_name",
        "expected_roles",
        "size",
        "quote",
    ]
    assert own("others_view", stored) == [
        [
            "Länsstyrelsen",
            "Länsstyrelsen Östergötland",
            "Samordnare; Kunskapsförmedlare",
            "Stort ansvar",
            "Regionen ska hålla i helheten.",
        ],
        ["Kommun", "", "", "", ""],
    ]


def test_actor_map_one_row_per_actor_then_per_relation():
    stored = {
        "region": "Region Östergötland",
        "actors": [
            {
                "name": "Länsstyrelsen",
                "areas": [
                    {"area": "Etablering", "mode": "leads"},
                    {"area": "Boende", "mode": "contributes"},
                    {"area": "Arbete", "mode": "leads"},
                ],
            },
            {"name": "Kommunerna", "areas": []},
        ],
        "relations": [
            {"from": "Länsstyrelsen", "to": "Kommunerna", "type": "samverkan"},
            {
                "from": "Kommunerna",
                "to": "Länsstyrelsen",
                "type": "uppdrag",
                "clear": False,
            },
        ],
    }
    assert keys("actor_map") == [
        "region",
        "entry",
        "actor",
        "leads",
        "contributes",
        "related_actor",
        "relation_type",
        "clear",
    ]
    region = "Region Östergötland"
    actor, relation = [region, "actor"], [region, "relation"]
    assert own("actor_map", stored) == [
        [*actor, "Länsstyrelsen", "Etablering; Arbete", "Boende", None, None, None],
        [*actor, "Kommunerna", "", "", None, None, None],
        [*relation, "Länsstyrelsen", None, None, "Kommunerna", "samverkan", True],
        [*relation, "Kommunerna", None, None, "Länsstyrelsen", "uppdrag", False],
    ]


def test_lessons_a_row_per_lesson_with_its_theme_and_per_theme_dotted():
    config = {"themes": ["Definiera mera", "Mod", "Bygg kunskap"]}
    board = {
        "phase": "vote",
        "dots": 3,
        "themes": [
            {"key": "t1", "name": "Definiera mera"},
            {"key": "t2", "name": "Mod"},
            {"key": "t3", "name": "Bygg kunskap"},
        ],
        "merged": {"t3": "t2"},
        "placed": {"7.a1": "t1", "7.b2": "t3"},
    }
    stored = {
        "lessons": [
            {"id": "a1", "text": "Läs regionens plan"},
            {"id": "b2", "text": "Våga leda"},
            {"id": "c3", "text": "Fråga tidigt"},
        ],
        "votes": {"t1": 1, "t3": 2},
    }
    assert keys("lessons") == ["entry", "lesson", "theme", "dots"]
    assert own("lessons", stored, config=config, merges=board) == [
        ["lesson", "Läs regionens plan", "Definiera mera", None],
        # Placed in a theme since merged: its target's name.
        ["lesson", "Våga leda", "Mod", None],
        ["lesson", "Fråga tidigt", "", None],  # not placed yet
        ["dots", None, "Definiera mera", 1],
        ["dots", None, "Mod", 2],
    ]


def test_lessons_on_the_first_board_are_unplaced():
    stored = {"lessons": [{"id": "a1", "text": "Mod"}], "votes": {}}
    assert own("lessons", stored) == [["lesson", "Mod", "", None]]


def test_next_steps_one_row_per_step_with_a_date():
    stored = {
        "steps": [
            {"what": "Bjuda in", "organisation": "Region Skåne", "by": "2017-06-30"},
            {"what": "Ringa", "organisation": "Vinnova", "by": "2017-04-01"},
        ]
    }
    assert keys("next_steps") == ["what", "step_organisation", "by"]
    assert own("next_steps", stored) == [
        ["Bjuda in", "Region Skåne", date(2017, 6, 30)],
        ["Ringa", "Vinnova", date(2017, 4, 1)],
    ]


def test_status_check_one_row_per_mark_with_the_step():
    config = {
        "commitments": [
            {
                "key": "12.0",
                "what": "Bjuda in",
                "organisation": "Region Skåne",
                "by": "2017-06-30",
            },
            {
                "key": "12.1",
                "what": "Ringa",
                "organisation": "Region Skåne",
                "by": "2017-04-01",
            },
        ]
    }
    stored = {"marks": {"12.0": "done", "12.1": "under_way"}}
    assert keys("status_check") == ["what", "step_organisation", "by", "status"]
    assert own("status_check", stored, config=config) == [
        ["Bjuda in", "Region Skåne", date(2017, 6, 30), "done"],
        ["Ringa", "Region Skåne", date(2017, 4, 1), "under_way"],
    ]


def test_an_answer_without_records_still_shows_as_one_row():
    assert own("next_steps", {}) == [[None, None, None]]
    assert own("status_check", {"marks": {}}) == [[None, None, None, None]]


def test_an_unknown_kind_exports_the_answer_as_json():
    assert keys("unknown") == ["answer"]
    assert own("unknown", {"x": "å"}) == [['{"x": "å"}']]
