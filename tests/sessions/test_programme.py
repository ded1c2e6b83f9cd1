"""The programme editor's domain: meeting fields, kinds on offer, and each
kind's settings form read into settings its kind accepts (sessions/programme.py)."""

from datetime import date

import pytest

from sessions.catalogue import ROLES
from sessions.errors import DomainError
from sessions.forms import FieldError, lines, whole_number
from sessions.kinds import KINDS
from sessions.programme import (
    SETTINGS,
    check_item,
    check_meeting,
    form_values,
    offered_kinds,
    untouched_settings,
)


def item(kind, existing=None, catalogues=None, **form):
    return check_item(
        kind, form, existing=existing or {}, project_catalogues=catalogues or {}
    )


def test_a_meeting_needs_a_title_and_takes_a_date_and_place():
    fields = check_meeting(" Träff 5 ", "2017-06-01", "Umeå")
    assert fields.title == "Träff 5"
    assert fields.held_on == date(2017, 6, 1)
    assert check_meeting("Träff 5", "", "").held_on is None


@pytest.mark.parametrize(
    ("title", "held_on", "field"),
    [
        ("", "2017-06-01", "title"),
        ("T", "1 juni", "held_on"),
        ("T", "2017-02-30", "held_on"),
    ],
)
def test_bad_meeting_fields_are_refused_at_their_field(title, held_on, field):
    with pytest.raises(FieldError) as refused:
        check_meeting(title, held_on, "")
    assert refused.value.field == field


def test_every_registered_kind_is_offered_and_only_those():
    assert set(offered_kinds()) == set(KINDS)
    assert offered_kinds()[:4] == ["roles", "choice", "scale", "text"]
    with pytest.raises(FieldError) as refused:
        item("poll", prompt="Hej")
    assert refused.value.field == "kind"


def test_a_choice_from_its_form():
    fields = item(
        "choice", prompt=" Vill du? ", options="Ja\n\n Kanske \nNej", multiple="on"
    )
    assert fields.prompt == "Vill du?"
    assert fields.config == {
        "options": ["Ja", "Kanske", "Nej"],
        "multiple": True,
        "max_choices": None,
    }
    assert fields.hide_results is False


def test_the_kind_has_the_last_word_on_the_settings():
    with pytest.raises(FieldError) as refused:
        item("choice", prompt="Vill du?", options="Ja")
    assert refused.value.field == "settings"
    with pytest.raises(FieldError) as refused:
        item("scale", prompt="Hur?", min="5", max="1")
    assert refused.value.field == "settings"


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"max_length": "lång"}, "max_length"),
        ({"max_length": "2000"}, "max_length"),
        ({"display": "table"}, "display"),
        ({"prompt": ""}, "prompt"),
    ],
)
def test_bad_values_are_refused_at_their_field(form, field):
    with pytest.raises(FieldError) as refused:
        item("text", **{"prompt": "Vad?", "display": "list", **form})
    assert refused.value.field == field


def test_a_scale_with_end_labels_keeps_the_labels_between():
    fields = item(
        "scale",
        existing={"min": 1, "max": 5, "labels": {"1": "Inte", "3": "Mitt", "5": "Mkt"}},
        prompt="Hur?",
        min="1",
        max="4",
        label_min="Inte alls",
        label_max="",
    )
    assert fields.config == {
        "min": 1,
        "max": 4,
        "labels": {"1": "Inte alls", "3": "Mitt"},
    }


@pytest.mark.parametrize(("low", "high"), [("1", "7"), ("0", "5")])
def test_a_widened_scale_leaves_no_old_end_label_in_the_middle(low, high):
    fields = item(
        "scale",
        existing={"min": 1, "max": 5, "labels": {"1": "Otydligt", "5": "Tydligt"}},
        prompt="Hur?",
        min=low,
        max=high,
        label_min="Otydligt",
        label_max="Tydligt",
    )
    assert fields.config["labels"] == {low: "Otydligt", high: "Tydligt"}


def test_catalogues_are_left_to_the_project():
    fields = item("roles", catalogues={"roles": ["Brobyggare"]}, prompt="Vem?")
    assert "catalogue" not in fields.config
    assert fields.config["allow_own"] is False  # an unticked box


def test_an_items_own_catalogue_and_hidden_settings_are_carried_over():
    existing = {"catalogue": list(ROLES), "allow_own": False, "max_roles": 3}
    fields = item("roles", existing, prompt="Vem?", allow_own="on")
    assert fields.config == {
        "catalogue": list(ROLES),
        "allow_own": True,
        "max_roles": 3,
    }
    fields = item("roles", existing, prompt="Vem?", project_catalogues="on")
    assert "catalogue" not in fields.config


def test_form_values_show_the_settings_as_typed_text():
    assert form_values("choice", {"options": ["Ja", "Nej"], "multiple": True}) == {
        "options": "Ja\nNej",
        "multiple": True,
        "max_choices": "",
    }
    # A setting left out shows the kind's own default.
    assert form_values("scale", {}) == {
        "min": "1",
        "max": "5",
        "label_min": "",
        "label_max": "",
    }
    assert form_values("text", {"display": "cloud"}) == {
        "max_length": "280",
        "display": "cloud",
    }


@pytest.mark.parametrize(
    ("kind", "config"),
    [
        ("choice", {"options": ["Ja", "Nej"], "multiple": False}),
        ("scale", {"min": 1, "max": 5, "labels": {"1": "Otydligt", "5": "Tydligt"}}),
        ("text", {"max_length": 280, "display": "cloud"}),
        ("roles", {"allow_own": True}),
        ("roles", {"allow_own": False, "catalogue": ["A", "B"], "max_roles": 2}),
    ],
)
def test_an_untouched_form_saves_what_is_stored(kind, config):
    stored = untouched_settings(kind, config, {})
    assert untouched_settings(kind, stored, {}) == stored
    assert item(kind, config, **_form(kind, stored)).config == stored


def _form(kind, config):
    values = form_values(kind, config)
    form = {
        k: ("on" if v is True else "" if v is False else v) for k, v in values.items()
    }
    return {**form, "prompt": "Fråga"}


def test_every_form_setting_names_a_known_type():
    for settings in SETTINGS.values():
        for setting in settings:
            assert setting.type in {"number", "flag", "lines", "select", "label"}


def test_lines_and_numbers_as_typed():
    assert lines(" a \r\n\n b  c\n") == ["a", "b c"]
    assert lines(None) == []
    assert whole_number(" 7 ", "n", label="N", least=1, most=10) == 7
    assert whole_number("", "n", label="N", least=1, most=10) is None
    with pytest.raises(DomainError):
        whole_number("7.5", "n", label="N", least=1, most=10)
