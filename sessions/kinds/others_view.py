"""'Andras ögon' (others_view): how other actors see the region's role.

Each participant asks actors what they expect of the region and records, per
actor, its kind, the roles it expects, how large it sees the region's role and
a quote. The aggregate groups the records by kind of actor; see
docs/homework.md for the shapes.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import text
from ..catalogue import ACTORS, ROLES, SIZES
from ..errors import N_, DomainError
from ..submission import Submission
from . import common, merging
from .merging import Words

MAX_ACTORS = 15
MAX_ACTORS_LIMIT = 50
MAX_ROLES = 12
MAX_WORD_LENGTH = 60  # a kind of actor or a role
MAX_NAME_LENGTH = 120
MAX_QUOTE_LENGTH = 500
MAX_SIZE_LABEL_LENGTH = 40
FIELDS = ("actor", "role")


def validate_config(config: object) -> dict:
    settings = common.settings(config)
    return {
        "actor_catalogue": common.word_list(
            settings,
            "actor_catalogue",
            ACTORS,
            field=N_("Kind of actor"),
            max_length=MAX_WORD_LENGTH,
        ),
        "role_catalogue": common.word_list(
            settings,
            "role_catalogue",
            ROLES,
            field=N_("Role"),
            max_length=MAX_WORD_LENGTH,
        ),
        "sizes": common.word_list(
            settings,
            "sizes",
            SIZES,
            field=N_("Size label"),
            max_length=MAX_SIZE_LABEL_LENGTH,
            least=2,
            most=10,
        ),
        "allow_own": common.flag(settings, "allow_own", True),
        "max_actors": common.number(
            settings, "max_actors", MAX_ACTORS, least=1, most=MAX_ACTORS_LIMIT
        ),
    }


def validate_answer(config: dict, answer: object) -> dict:
    """Return the answer cleaned: texts folded, roles de-duplicated, in given order."""
    actors = common.items(
        answer, "actors", N_("The form is malformed. Reload the page and try again.")
    )
    if not actors:
        raise DomainError("required", N_("Add at least one actor."))
    common.check_count(actors, config["max_actors"], N_("Add at most %(max)d actors."))
    kinds = {text.key(w) for w in config["actor_catalogue"]}
    roles = {text.key(w) for w in config["role_catalogue"]}
    seen: set[tuple[str, str]] = set()
    cleaned = []
    for n, raw in enumerate(actors, 1):
        actor = _actor(config, n, raw, kinds, roles)
        # Kind and name together make an actor: two Länsstyrelsen may be asked.
        identity = (text.key(actor["kind"]), text.key(actor["name"]))
        if identity in seen:
            raise DomainError(
                "duplicate_actor",
                N_("%(actor)s is in your list twice. Keep it once."),
                actor=actor["name"] or actor["kind"],
            )
        seen.add(identity)
        cleaned.append(actor)
    return {"actors": cleaned}


def _actor(config: dict, n: int, raw: object, kinds: set, roles: set) -> dict:
    if not isinstance(raw, dict):
        raise DomainError(
            "invalid",
            N_("Actor %(n)d is malformed. Reload the page and try again."),
            n=n,
        )
    kind = text.clean(
        raw.get("kind"), field=N_("Kind of actor"), max_length=MAX_WORD_LENGTH
    )
    if not config["allow_own"] and text.key(kind) not in kinds:
        raise DomainError(
            "not_in_catalogue",
            N_("Pick kinds of actor from the list: %(kind)s."),
            kind=kind,
        )
    name = text.clean(
        raw.get("name"), field=N_("Name"), max_length=MAX_NAME_LENGTH, required=False
    )
    raw_roles = common.items(
        raw,
        "roles",
        N_("The roles of actor %(n)d are malformed. Reload the page."),
        required=False,
    )
    common.check_count(
        raw_roles,
        MAX_ROLES,
        N_("Pick at most %(max)d roles for %(actor)s."),
        actor=kind,
    )
    picked: list[str] = []
    keys: set[str] = set()
    for value in raw_roles:
        role = text.clean(value, field=N_("Role"), max_length=MAX_WORD_LENGTH)
        k = text.key(role)
        if k in keys:
            continue
        if not config["allow_own"] and k not in roles:
            raise DomainError(
                "not_in_catalogue", N_("Pick roles from the list: %(role)s."), role=role
            )
        keys.add(k)
        picked.append(role)
    size = raw.get("size")
    if size is not None and (
        isinstance(size, bool)
        or not isinstance(size, int)
        or not 0 <= size < len(config["sizes"])
    ):
        raise DomainError(
            "invalid", N_("Choose a size from the list for %(actor)s."), actor=kind
        )
    quote = text.clean(
        raw.get("quote"),
        field=N_("Quote"),
        max_length=MAX_QUOTE_LENGTH,
        required=False,
    )
    return {"kind": kind, "name": name, "roles": picked, "size": size, "quote": quote}


def merge(
    merges: dict[str, str], source: object, target: object, field: str
) -> dict[str, str]:
    return merging.merge(
        merges, field, source, target, fields=FIELDS, max_length=MAX_WORD_LENGTH
    )


def unmerge(merges: dict[str, str], source: object, field: str) -> dict[str, str]:
    return merging.unmerge(
        merges, field, source, fields=FIELDS, max_length=MAX_WORD_LENGTH
    )


@dataclass
class _Kind:
    sizes: list[int]
    actors: int = 0
    names: dict[str, str] = field(default_factory=dict)  # key → first spelling
    roles: list[str] = field(default_factory=list)  # one per record expecting it
    quotes: list[dict] = field(default_factory=list)


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """Group the actor records of visible submissions by kind of actor."""
    sizes = config["sizes"]
    kinds = Words(merges, "actor", config["actor_catalogue"])
    roles = Words(merges, "role", config["role_catalogue"])
    # The hot loop of every snapshot: memo lookups, and lists counted once in C.
    kind_keys, kind_uses = kinds.keys, kinds.uses
    role_key, role_uses = roles.keys.__getitem__, roles.uses
    name_keys = merging.Memo(text.key)
    by_kind: dict[str, _Kind] = {}
    expected: list[str] = []
    answers = 0
    for sub in submissions:
        if sub.hidden:
            continue
        answers += 1
        for actor in sub.answer.get("actors", ()):
            kind = actor["kind"]
            kind_uses.append(kind)
            k = kind_keys[kind]
            group = by_kind.get(k)
            if group is None:
                group = by_kind[k] = _Kind([0] * len(sizes))
            group.actors += 1
            name = actor.get("name") or ""
            if name:
                group.names.setdefault(name_keys[name], name)
            listed = actor.get("roles")
            if listed:
                role_uses.extend(listed)
                # A set: two roles merged into one still count once per record.
                taken = set(map(role_key, listed))
                group.roles.extend(taken)
                expected.extend(taken)
            size = actor.get("size")
            if type(size) is int and 0 <= size < len(sizes):  # settings may shrink
                group.sizes[size] += 1
            if actor.get("quote"):
                group.quotes.append(
                    {
                        "text": actor["quote"],
                        "name": name,
                        "organisation": sub.organisation,
                    }
                )
    ranked = sorted(by_kind.items(), key=lambda item: (-item[1].actors, item[0]))
    return {
        "answers": answers,
        "kinds": [
            {
                "key": k,
                "kind": kinds.label(k),
                "actors": group.actors,
                "names": list(group.names.values()),
                "roles": _ranked(Counter(group.roles), roles),
                "sizes": group.sizes,
                "size_range": _size_range(group.sizes, sizes),
                "quotes": group.quotes,
                "merged": kinds.merged(k),
            }
            for k, group in ranked
        ],
        "expected_roles": [
            {**word, "merged": roles.merged(word["key"])}
            for word in _ranked(Counter(expected), roles)
        ],
        "comparison": None,
    }


def _ranked(counts: Counter[str], words: Words) -> list[dict]:
    return [
        {"key": k, "word": words.label(k), "count": n}
        for k, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _size_range(counts: list[int], labels: list[str]) -> dict | None:
    given = [i for i, n in enumerate(counts) if n]
    if not given:
        return None
    return {
        "from": given[0],
        "to": given[-1],
        "from_label": labels[given[0]],
        "to_label": labels[given[-1]],
    }


def with_context(results: dict, context: dict) -> dict:
    """Set the roles others expect beside those participants took.

    ``context["roles_taken"]`` is the project's latest Roles activity with
    answers, as ``{"activity_id", "prompt", "words": [{"key", "word", "count"}]}``
    (its words already counted under its own merges), or None.
    """
    taken = context.get("roles_taken")
    if not taken:
        return {**results, "comparison": None}
    expected = {w["key"]: w["word"] for w in results["expected_roles"]}
    took: dict[str, str] = {}
    for word in taken.get("words", ()):
        if word.get("count", 1) > 0:
            took.setdefault(word.get("key") or text.key(word["word"]), word["word"])
    both = expected.keys() & took.keys()
    return {
        **results,
        "comparison": {
            "source": {"activity_id": taken["activity_id"], "prompt": taken["prompt"]},
            # Shown as this activity shows them, since it is the one on screen.
            "both": [expected[k] for k in sorted(both)],
            "expected_not_taken": [expected[k] for k in sorted(expected.keys() - both)],
            "taken_not_expected": [took[k] for k in sorted(took.keys() - both)],
        },
    }
