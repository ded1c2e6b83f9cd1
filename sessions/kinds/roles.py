"""Roles ("Vem är du?"): each participant names the roles they take.

Words are compared by ``text.key`` so "Samordnare" and "samordnare " count as one
without any action; the leader's merges ("samordning" → "Samordnare") map one key
onto another. Merges never rewrite the submissions, only how they are counted.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import text
from ..catalogue import ROLES
from ..errors import N_, DomainError
from ..submission import Submission
from . import merging

MAX_ROLES = 12
MAX_ROLE_LENGTH = 60


def validate_config(config: object) -> dict:
    if not isinstance(config, dict):
        raise DomainError("invalid", N_("The activity's settings are malformed."))
    catalogue = config.get("catalogue", list(ROLES))
    if not isinstance(catalogue, list) or not all(
        isinstance(r, str) for r in catalogue
    ):
        raise DomainError("invalid", N_("The role catalogue must be a list of words."))
    return {
        "catalogue": [
            text.clean(r, field="Role", max_length=MAX_ROLE_LENGTH) for r in catalogue
        ],
        "allow_own": bool(config.get("allow_own", True)),
        "max_roles": int(config.get("max_roles", MAX_ROLES)),
    }


def validate_answer(config: dict, answer: object) -> dict:
    """Return the answer cleaned: its roles folded, de-duplicated, in given order."""
    if not isinstance(answer, dict) or not isinstance(answer.get("roles"), list):
        raise DomainError("invalid", N_("An answer must list roles."))
    catalogue_keys = {text.key(r) for r in config["catalogue"]}
    roles: list[str] = []
    seen: set[str] = set()
    for raw in answer["roles"]:
        role = text.clean(raw, field="Role", max_length=MAX_ROLE_LENGTH)
        k = text.key(role)
        if k in seen:
            continue
        if not config["allow_own"] and k not in catalogue_keys:
            raise DomainError(
                "not_in_catalogue", N_("Pick roles from the list: %(role)s."), role=role
            )
        seen.add(k)
        roles.append(role)
    if not roles:
        raise DomainError("required", N_("Pick at least one role."))
    if len(roles) > config["max_roles"]:
        raise DomainError(
            "too_many", N_("Pick at most %(max)d roles."), max=config["max_roles"]
        )
    return {"roles": roles}


FIELDS = ("role",)


def resolve(merges: dict[str, str], k: str) -> str:
    """Follow merges from ``k`` to the key it now counts as. Merges map a source
    key to the target as the leader typed it, so a target nobody else spelled
    still shows as the leader wrote it (see merging.py)."""
    return merging.resolve(merges, "role", k)


def merge(
    merges: dict[str, str], source: object, target: object, field: str = "role"
) -> dict[str, str]:
    """Return new merges in which ``source`` counts as ``target``."""
    return merging.merge(
        merges, field, source, target, fields=FIELDS, max_length=MAX_ROLE_LENGTH
    )


def unmerge(
    merges: dict[str, str], source: object, field: str = "role"
) -> dict[str, str]:
    return merging.unmerge(
        merges, field, source, fields=FIELDS, max_length=MAX_ROLE_LENGTH
    )


def aggregate(
    config: dict, submissions: Sequence[Submission], merges: dict[str, str]
) -> dict:
    """Count each role once per visible submission, ranked by count."""
    catalogue = {text.key(r): r for r in config["catalogue"]}
    counts: Counter[str] = Counter()
    by_org: dict[str, Counter[str]] = defaultdict(Counter)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    answers = 0
    for sub in submissions:
        if sub.hidden:
            continue
        answers += 1
        keys = set()
        for role in sub.answer.get("roles", []):
            k = text.key(role)
            spellings[k][role] += 1
            keys.add(resolve(merges, k))
        for k in keys:
            counts[k] += 1
            by_org[k][sub.organisation or ""] += 1

    def display(k: str) -> str:
        if k in catalogue:
            return catalogue[k]
        if spellings[k]:
            # The most used spelling; ties go to the first seen.
            return spellings[k].most_common(1)[0][0]
        return next(t for t in merges.values() if text.key(t) == k)

    words = [
        {
            "key": k,
            "word": display(k),
            "count": n,
            "by_organisation": dict(sorted(by_org[k].items())),
            "merged": sorted(
                display(s) for s in spellings if s != k and resolve(merges, s) == k
            ),
        }
        for k, n in counts.items()
    ]
    words.sort(key=lambda w: (-w["count"], text.key(w["word"])))
    return {"answers": answers, "words": words}
