"""Namespaced merges, for kinds that merge more than one field.

The homework kinds keep one dict of merges per activity, keyed
``"<field>:<key>"`` (field ``actor``, ``role`` or ``area``), each mapping to the
target as the leader typed it. One dict means one merge changes every aggregate
of the activity at once. Merges never rewrite a submission; the aggregates read
them through ``Words``. The roles kind keys its merges the same way.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable

from .. import text
from ..errors import N_, DomainError

# How each field is named in messages (marked for extraction in errors.py).
FIELD_LABELS: dict[str, str] = {
    "actor": N_("Actor"),
    "role": N_("Role"),
    "area": N_("Area"),
}


def slot(field: str, k: str) -> str:
    """The key a merge of ``k`` is stored under."""
    return f"{field}:{k}"


def resolve(merges: dict[str, str], field: str, k: str) -> str:
    """Follow ``field``'s merges from key ``k`` to the key it now counts as."""
    seen = {k}
    while (target := merges.get(slot(field, k))) is not None:
        k = text.key(target)
        if k in seen:  # merge() refuses cycles, but stored data must never hang us
            break
        seen.add(k)
    return k


def check_field(field: object, fields: Collection[str]) -> str:
    if not isinstance(field, str) or field not in fields:
        raise DomainError(
            "invalid", N_("Words of that sort cannot be merged in this activity.")
        )
    return field


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, N_("Name"))


def _source_key(field: str, source: object, max_length: int) -> str:
    return text.key(text.clean(source, field=_label(field), max_length=max_length))


def merge(
    merges: dict[str, str],
    field: object,
    source: object,
    target: object,
    *,
    fields: Collection[str],
    max_length: int,
) -> dict[str, str]:
    """Return new merges in which ``source`` counts as ``target`` in ``field``."""
    name = check_field(field, fields)
    src = _source_key(name, source, max_length)
    shown = text.clean(target, field=_label(name), max_length=max_length)
    dst = text.key(shown)
    if src == dst or resolve(merges, name, dst) == src:
        raise DomainError("invalid_merge", N_("A word cannot be merged into itself."))
    updated = dict(merges)
    updated[slot(name, src)] = shown
    return updated


def unmerge(
    merges: dict[str, str],
    field: object,
    source: object,
    *,
    fields: Collection[str],
    max_length: int,
) -> dict[str, str]:
    """Return new merges without ``source``'s own merge (a no-op if it has none)."""
    name = check_field(field, fields)
    gone = slot(name, _source_key(name, source, max_length))
    return {k: v for k, v in merges.items() if k != gone}


def merged_into(
    merges: dict[str, str], field: str, k: str, keys_seen: Iterable[str]
) -> list[str]:
    """The keys among ``keys_seen`` that now count as ``k``, sorted."""
    return sorted(
        s for s in set(keys_seen) if s != k and resolve(merges, field, s) == k
    )


class Memo(dict):
    """spelling → key, computed once; a hit costs one dict lookup in C."""

    def __init__(self, compute: Callable[[str], str]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, spelling: str) -> str:
        k = self[spelling] = self._compute(spelling)
        return k


class Words:
    """One field's words within one aggregate: what each spelling counts as,
    and how each key is shown.

    A key shows in its catalogue form, else its most typed spelling (ties go to
    the first seen), else the merge target as the leader typed it.

    Aggregates run for every snapshot over thousands of words, so the hot loops
    may use ``keys`` (a memo: ``keys[spelling]`` is the key it counts as) and
    ``uses`` (append each spelling used, counted once at the end) directly;
    ``add`` does both.
    """

    def __init__(
        self, merges: dict[str, str], field: str, catalogue: Iterable[str] = ()
    ) -> None:
        self._merges = merges
        self._field = field
        self._catalogue = {text.key(w): w for w in catalogue}
        prefix = f"{field}:"
        self._targets: dict[str, str] = {}
        for stored, target in merges.items():
            if stored.startswith(prefix):
                self._targets.setdefault(text.key(target), target)
        self._sources: dict[str, set[str]] = defaultdict(set)
        self.keys: dict[str, str] = Memo(self._resolve)
        self.uses: list[str] = []
        self._spellings: dict[str, str] | None = None  # own key → most typed
        self._labels: dict[str, str] = {}

    def _resolve(self, spelling: str) -> str:
        own = text.key(spelling)
        resolved = resolve(self._merges, self._field, own)
        if resolved != own:
            self._sources[resolved].add(own)
        return resolved

    def add(self, spelling: str) -> str:
        """Count one use of ``spelling``; return the key it counts as."""
        self.uses.append(spelling)
        return self.keys[spelling]

    def resolve(self, spelling: str) -> str:
        """The key ``spelling`` counts as, without counting it as a use."""
        return self.keys[spelling]

    def _most_typed(self) -> dict[str, str]:
        if self._spellings is None:
            best: dict[str, tuple[int, str]] = {}
            # Counter keeps first-seen order, and only a higher count replaces.
            for spelling, n in Counter(self.uses).items():
                own = text.key(spelling)
                if own not in best or n > best[own][0]:
                    best[own] = (n, spelling)
            self._spellings = {k: spelling for k, (_, spelling) in best.items()}
        return self._spellings

    def label(self, k: str) -> str:
        """Call once every use is counted."""
        try:
            return self._labels[k]
        except KeyError:
            pass
        if k in self._catalogue:
            shown = self._catalogue[k]
        else:
            shown = self._most_typed().get(k) or self._targets.get(k, k)
        self._labels[k] = shown
        return shown

    def merged(self, k: str) -> list[str]:
        """Labels of the words seen that were merged into ``k``, sorted by key."""
        return [self.label(s) for s in sorted(self._sources.get(k, ()))]
