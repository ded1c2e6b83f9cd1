"""A meeting's programme as the leader edits it: the meeting's own fields, the
kinds an activity may be, and each kind's settings form.

A settings form shows only what a leader sets by hand. Settings it does not show
(a role limit, the relation types, an item's own catalogue) are carried over as
they were, and catalogues are left out, so the project's fill them in when a
session starts (``project.with_catalogues``). Every kind's own
``validate_config`` has the last word before anything is saved.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from . import forms
from .errors import N_, DomainError
from .forms import FieldError
from .kinds import KINDS, get_kind
from .privacy import ANONYMOUS, is_anonymous, with_anonymous
from .project import CATALOGUE_SETTINGS, with_catalogues

MAX_TITLE = 200  # models.Meeting.title and .place
MAX_PROMPT = 500
SETTINGS_FIELD = "settings"  # a refusal about the settings as a whole

# The editor's order; a kind registered without a label here is offered last.
KIND_LABELS = {
    "roles": N_("Roles (“Who are you?”)"),
    "choice": N_("Multiple choice"),
    "scale": N_("Scale"),
    "text": N_("Open text"),
    "lessons": N_("Lessons (“What we learnt”)"),
    "next_steps": N_("Next steps"),
    "status_check": N_("Status check of last meeting's next steps"),
    "others_view": N_("Homework: how others see the region's role"),
    "actor_map": N_("Homework: actor mapping"),
}


@dataclass(frozen=True)
class Setting:
    """One field of a kind's settings form."""

    name: str
    label: str
    type: str  # number, flag, lines, select or label (a scale's end label)
    least: int = 0
    most: int = 0
    choices: tuple[tuple[str, str], ...] = ()  # select: (value, label)


ALLOW_OWN = N_("Participants may add their own words")
SETTINGS: dict[str, tuple[Setting, ...]] = {
    "choice": (
        Setting("options", N_("Options, one per line"), "lines"),
        Setting("multiple", N_("Participants may choose several options"), "flag"),
        Setting(
            "max_choices",
            N_("At most this many choices (blank: any number)"),
            "number",
            1,
            20,
        ),
    ),
    "scale": (
        Setting("min", N_("Lowest value"), "number", -100, 100),
        Setting("max", N_("Highest value"), "number", -100, 100),
        Setting("label_min", N_("Label of the lowest value"), "label"),
        Setting("label_max", N_("Label of the highest value"), "label"),
    ),
    "text": (
        Setting(
            "max_length",
            N_("Longest answer, in characters"),
            "number",
            1,
            1000,
        ),
        Setting(
            "display",
            N_("The projector first shows the answers as"),
            "select",
            choices=(("list", N_("A list")), ("cloud", N_("A word cloud"))),
        ),
    ),
    "roles": (Setting("allow_own", ALLOW_OWN, "flag"),),
    "others_view": (Setting("allow_own", ALLOW_OWN, "flag"),),
    "actor_map": (Setting("allow_own", ALLOW_OWN, "flag"),),
    "lessons": (
        Setting("max_length", N_("Longest lesson, in characters"), "number", 1, 1000),
        Setting("max_lessons", N_("Lessons per participant"), "number", 1, 10),
        Setting("dots", N_("Dots per participant for the voting"), "number", 1, 10),
    ),
    "next_steps": (
        Setting("max_steps", N_("Next steps per participant"), "number", 1, 10),
        Setting("max_length", N_("Longest step, in characters"), "number", 1, 1000),
    ),
}
SCALE_LABEL = 60  # sessions.kinds.scale.MAX_LABEL_LENGTH
# Settings a session fills in when it starts, so an item never stores them.
FILLED_AT_START = {"status_check": ("commitments",)}


def offered_kinds() -> list[str]:
    """The kinds registered now, so a kind appears in the editor once it lands."""
    return [k for k in KIND_LABELS if k in KINDS] + sorted(
        k for k in KINDS if k not in KIND_LABELS
    )


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def check_kind(kind: object) -> str:
    if kind not in offered_kinds():
        raise FieldError(
            "kind", "unknown_kind", N_("Choose one of the activity kinds.")
        )
    return str(kind)


@dataclass(frozen=True)
class MeetingFields:
    title: str
    held_on: date | None
    place: str


def check_meeting(title: object, held_on: object, place: object) -> MeetingFields:
    return MeetingFields(
        forms.short_text(title, "title", label=N_("Title"), max_length=MAX_TITLE),
        forms.day(held_on, "held_on"),
        forms.short_text(
            place, "place", label=N_("Place"), max_length=MAX_TITLE, required=False
        ),
    )


@dataclass(frozen=True)
class ItemFields:
    kind: str
    prompt: str
    config: dict
    hide_results: bool


def check_item(
    kind: object,
    form: Mapping[str, str],
    *,
    existing: dict,
    project_catalogues: dict,
) -> ItemFields:
    """An item as its form describes it. ``existing`` is the item's current
    settings when it keeps its kind (empty for a new item)."""
    kind = check_kind(kind)
    prompt = forms.short_text(
        form.get("prompt"), "prompt", label=N_("Question"), max_length=MAX_PROMPT
    )
    config = settings_from_form(kind, form, existing)
    checked = check_settings(kind, config, project_catalogues)
    try:  # the anonymous mark is no setting of the kind's (sessions/privacy.py)
        checked = with_anonymous(kind, checked, bool(form.get(ANONYMOUS)))
    except DomainError as error:
        raise forms.on_field(ANONYMOUS, error) from None
    return ItemFields(
        kind, prompt, checked, hide_results=bool(form.get("hide_results"))
    )


def settings_from_form(kind: str, form: Mapping[str, str], existing: dict) -> dict:
    """The settings the form sets, over those it does not show."""
    shown = SETTINGS.get(kind, ())
    config = {k: v for k, v in existing.items() if k not in {s.name for s in shown}}
    if form.get("project_catalogues"):  # drop the item's own catalogues
        for setting in CATALOGUE_SETTINGS.get(kind, {}):
            config.pop(setting, None)
    for setting in shown:
        raw = form.get(setting.name)
        if setting.type == "number":
            number = forms.whole_number(
                raw,
                setting.name,
                label=setting.label,
                least=setting.least,
                most=setting.most,
            )
            if number is None:
                config.pop(setting.name, None)  # the kind's default
            else:
                config[setting.name] = number
        elif setting.type == "flag":
            config[setting.name] = bool(raw)
        elif setting.type == "lines":
            config[setting.name] = forms.lines(raw)
        elif setting.type == "select":
            if raw not in {value for value, _label in setting.choices}:
                raise FieldError(setting.name, "invalid", N_("Choose one of the list."))
            config[setting.name] = raw
    if kind == "scale":
        config["labels"] = _scale_labels(form, config, existing)
    return config


def _scale_labels(form: Mapping[str, str], config: dict, existing: dict) -> dict:
    """The end labels as typed; a label between the ends is kept as it was.
    Only a label that was between the old ends counts as one: widening 1–5 to
    1–7 must not leave the old top label on step 5."""
    low, high = config.get("min", 1), config.get("max", 5)
    old_low, old_high = existing.get("min", 1), existing.get("max", 5)
    old = existing.get("labels")
    labels = {}
    if isinstance(old, dict):
        labels = {
            k: v
            for k, v in old.items()
            if isinstance(k, str)
            and k.lstrip("-").isdigit()
            and low < int(k) < high
            and old_low < int(k) < old_high
        }
    for name, step in (("label_min", low), ("label_max", high)):
        label = forms.short_text(
            form.get(name),
            name,
            label=N_("Scale label"),
            max_length=SCALE_LABEL,
            required=False,
        )
        if label:
            labels[str(step)] = label
    return labels


def check_settings(kind: str, config: dict, project_catalogues: dict) -> dict:
    """``config`` as the kind checks it, without the catalogues it takes from
    the project and what else a session fills in when it starts."""
    from_project = set(CATALOGUE_SETTINGS.get(kind, {})) - set(config)
    from_project |= set(FILLED_AT_START.get(kind, ()))
    try:
        checked = get_kind(kind).validate_config(
            with_catalogues(kind, config, project_catalogues)
        )
    except FieldError:
        raise
    except DomainError as error:
        raise forms.on_field(SETTINGS_FIELD, error) from None
    return {k: v for k, v in checked.items() if k not in from_project}


def kind_defaults(kind: str) -> dict:
    """The settings ``kind`` takes when none are given ({} when it needs some)."""
    try:
        return get_kind(kind).validate_config(with_catalogues(kind, {}, {}))
    except DomainError:
        return {}


def form_values(kind: str, config: dict) -> dict[str, object]:
    """What the settings form shows for ``config``: text for numbers and lines,
    and the kind's default for a setting ``config`` leaves out."""
    defaults = kind_defaults(kind)
    values: dict[str, object] = {}
    labels = config.get("labels") if isinstance(config.get("labels"), dict) else {}
    for setting in SETTINGS.get(kind, ()):
        value = config.get(setting.name)
        if value is None:
            value = defaults.get(setting.name)
        if setting.type == "lines":
            values[setting.name] = "\n".join(str(v) for v in value or ())
        elif setting.type == "flag":
            values[setting.name] = bool(value)
        elif setting.type == "label":
            end = setting.name.removeprefix("label_")
            step = config.get(end, defaults.get(end))
            values[setting.name] = labels.get(str(step), "")
        else:
            values[setting.name] = "" if value is None else str(value)
    return values


def untouched_settings(
    kind: str, config: dict, project_catalogues: dict
) -> dict | None:
    """What the settings form saves for ``config`` when the leader changes
    nothing (None when the kind would refuse it): to tell a real change from
    a form that only normalises."""
    form = {
        name: "on" if value is True else "" if value is False else str(value)
        for name, value in form_values(kind, config).items()
    }
    try:
        checked = check_settings(
            kind, settings_from_form(kind, form, config), project_catalogues
        )
        return with_anonymous(kind, checked, is_anonymous(config))
    except DomainError:
        return None
