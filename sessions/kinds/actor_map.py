"""Actor mapping (actor_map): roles, responsibilities and interfaces of the
actors in one's own region.

Each answer is one region's map: its actors, the areas each leads or
contributes to, and the relations between them. This module checks settings
and answers; ``actor_map_aggregate`` counts them. See docs/homework.md.
"""

from .. import text
from ..catalogue import ACTORS, AREAS, RELATION_TYPES
from ..errors import N_, DomainError
from . import common, merging
from .actor_map_aggregate import DIRECTED, aggregate

__all__ = [
    "DIRECTED",
    "FIELDS",
    "aggregate",
    "merge",
    "unmerge",
    "validate_answer",
    "validate_config",
]

MAX_ACTORS = 30
MAX_ACTORS_LIMIT = 100
MAX_RELATIONS = 60
MAX_RELATIONS_LIMIT = 200
MAX_AREAS = 20
MAX_LENGTH = 120  # a region, an actor or an area
MODES = ("leads", "contributes")
FIELDS = ("actor", "area")


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    types = common.word_list(
        settings,
        "relation_types",
        RELATION_TYPES,
        field=N_("Relation type"),
        max_length=MAX_LENGTH,
        least=1,
    )
    known = {text.key(t): t for t in RELATION_TYPES}
    for t in types:
        # Direction is part of a type's meaning, so only known types can be used.
        if text.key(t) not in known:
            raise DomainError("invalid", N_("Unknown relation type: %(type)s."), type=t)
    return {
        "actor_catalogue": common.word_list(
            settings,
            "actor_catalogue",
            ACTORS,
            field=N_("Actor"),
            max_length=MAX_LENGTH,
        ),
        "area_catalogue": common.word_list(
            settings, "area_catalogue", AREAS, field=N_("Area"), max_length=MAX_LENGTH
        ),
        "relation_types": [known[text.key(t)] for t in types],
        "allow_own": common.flag(settings, "allow_own", True),
        "max_actors": common.number(
            settings, "max_actors", MAX_ACTORS, least=1, most=MAX_ACTORS_LIMIT
        ),
        "max_relations": common.number(
            settings, "max_relations", MAX_RELATIONS, least=0, most=MAX_RELATIONS_LIMIT
        ),
        "unclear_threshold": common.number(
            settings, "unclear_threshold", 2, least=1, most=1000
        ),
    }


def validate_answer(config: dict, answer: object) -> dict:
    """Return the answer cleaned: texts folded, relation ends and types spelled as
    the answer's actors and the settings spell them."""
    malformed = N_("The form is malformed. Reload the page and try again.")
    if not isinstance(answer, dict):
        raise DomainError("invalid", malformed)
    region = text.clean(answer.get("region"), field=N_("Region"), max_length=MAX_LENGTH)
    actors = common.items(answer, "actors", malformed)
    relations = common.items(answer, "relations", malformed, required=False)
    if not actors:
        raise DomainError("required", N_("Add at least one actor."))
    common.check_count(actors, config["max_actors"], N_("Add at most %(max)d actors."))
    common.check_count(
        relations, config["max_relations"], N_("Add at most %(max)d relations.")
    )
    catalogue_actors = {text.key(a) for a in config["actor_catalogue"]}
    catalogue_areas = {text.key(a) for a in config["area_catalogue"]}
    cleaned_actors = []
    names: dict[str, str] = {}  # key → the name as listed
    for n, raw in enumerate(actors, 1):
        actor = _actor(config, n, raw, catalogue_actors, catalogue_areas)
        k = text.key(actor["name"])
        if k in names:
            raise DomainError(
                "duplicate_actor",
                N_("%(actor)s is in your list twice. Keep it once."),
                actor=actor["name"],
            )
        names[k] = actor["name"]
        cleaned_actors.append(actor)
    types = {text.key(t): t for t in config["relation_types"]}
    seen: set[tuple[str, str, str]] = set()
    cleaned_relations = [
        _relation(n, raw, names, types, seen) for n, raw in enumerate(relations, 1)
    ]
    return {"region": region, "actors": cleaned_actors, "relations": cleaned_relations}


def _actor(
    config: dict, n: int, raw: object, catalogue_actors: set, catalogue_areas: set
) -> dict:
    if not isinstance(raw, dict):
        raise DomainError(
            "invalid",
            N_("Actor %(n)d is malformed. Reload the page and try again."),
            n=n,
        )
    name = text.clean(raw.get("name"), field=N_("Actor"), max_length=MAX_LENGTH)
    if not config["allow_own"] and text.key(name) not in catalogue_actors:
        raise DomainError(
            "not_in_catalogue", N_("Pick actors from the list: %(actor)s."), actor=name
        )
    raw_areas = common.items(
        raw,
        "areas",
        N_("The areas of %(actor)s are malformed. Reload the page."),
        required=False,
    )
    common.check_count(
        raw_areas, MAX_AREAS, N_("Give %(actor)s at most %(max)d areas."), actor=name
    )
    areas = []
    seen: set[str] = set()
    for entry in raw_areas:
        if not isinstance(entry, dict):
            raise DomainError(
                "invalid",
                N_("The areas of %(actor)s are malformed. Reload the page."),
                actor=name,
            )
        area = text.clean(entry.get("area"), field=N_("Area"), max_length=MAX_LENGTH)
        k = text.key(area)
        if not config["allow_own"] and k not in catalogue_areas:
            raise DomainError(
                "not_in_catalogue", N_("Pick areas from the list: %(area)s."), area=area
            )
        if entry.get("mode") not in MODES:
            raise DomainError(
                "invalid",
                N_("Choose whether %(actor)s leads or contributes to %(area)s."),
                actor=name,
                area=area,
            )
        if k in seen:
            raise DomainError(
                "duplicate_area",
                N_("%(area)s is listed twice for %(actor)s. Keep it once."),
                actor=name,
                area=area,
            )
        seen.add(k)
        areas.append({"area": area, "mode": entry["mode"]})
    return {"name": name, "areas": areas}


def _relation(
    n: int,
    raw: object,
    names: dict[str, str],
    types: dict[str, str],
    seen: set[tuple[str, str, str]],
) -> dict:
    if not isinstance(raw, dict):
        raise DomainError(
            "invalid",
            N_("Relation %(n)d is malformed. Reload the page and try again."),
            n=n,
        )
    ends = []
    for end in ("from", "to"):
        actor = text.clean(raw.get(end), field=N_("Actor"), max_length=MAX_LENGTH)
        if text.key(actor) not in names:
            raise DomainError(
                "unknown_actor",
                N_(
                    "Relation %(n)d names an actor that is not in your list: %(actor)s."
                ),
                n=n,
                actor=actor,
            )
        ends.append(text.key(actor))
    source, target = ends
    if source == target:
        raise DomainError(
            "self_relation",
            N_("Relation %(n)d goes from %(actor)s to itself. Choose two actors."),
            n=n,
            actor=names[source],
        )
    kind = text.clean(raw.get("type"), field=N_("Relation type"), max_length=MAX_LENGTH)
    type_key = text.key(kind)
    if type_key not in types:
        raise DomainError(
            "invalid",
            N_("Relation %(n)d has a type that is not in the list: %(type)s."),
            n=n,
            type=kind,
        )
    clear = raw.get("clear", True)
    if not isinstance(clear, bool):
        raise DomainError(
            "invalid",
            N_("Relation %(n)d is malformed. Reload the page and try again."),
            n=n,
        )
    identity = (type_key, *((source, target) if type_key in DIRECTED else sorted(ends)))
    if identity in seen:
        raise DomainError(
            "duplicate_relation",
            N_("Relation %(n)d repeats an earlier one: %(source)s – %(target)s."),
            n=n,
            source=names[source],
            target=names[target],
            type=types[type_key],
        )
    seen.add(identity)
    return {
        "from": names[source],
        "to": names[target],
        "type": types[type_key],
        "clear": clear,
    }


def merge(
    merges: dict[str, str], source: object, target: object, field: str
) -> dict[str, str]:
    return merging.merge(
        merges, field, source, target, fields=FIELDS, max_length=MAX_LENGTH
    )


def unmerge(merges: dict[str, str], source: object, field: str) -> dict[str, str]:
    return merging.unmerge(merges, field, source, fields=FIELDS, max_length=MAX_LENGTH)
