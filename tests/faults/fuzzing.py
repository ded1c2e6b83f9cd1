"""What the fuzz tests share: generated values, the database as data, and the
properties every reply must have."""

import gc
import string
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server.extensions import db

# The app is built once per test function, not per example.
FUZZ = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any character a client can send in JSON, lone surrogates and controls included.
any_char = st.characters(exclude_categories=())
texts = st.one_of(
    st.text(any_char, max_size=80),
    st.text(any_char, min_size=55, max_size=70),  # around the 60-character limit
    st.sampled_from(
        ["", " ", "\x00", "\ud800", "Samordnare", " samordnare ", "Nav", "x" * 61]
    ),
)
# Words a leader or a phone might really send, and now and then anything.
words = st.integers(0, 3).flatmap(
    lambda n: (
        texts
        if n == 3
        else st.sampled_from(
            ["Samordnare", "Nav", " samordnare ", "samordning", "Mäklare"]
        )
        | st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=20)
    )
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too: Python's json reads them
    | texts,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
bad_ints = st.one_of(
    st.integers(),
    st.integers(min_value=2**31 - 3, max_value=2**64),
    st.sampled_from([0, -1, 2**31, 2**63, -(2**63) - 1]),
)
junk = st.one_of(st.none(), st.booleans(), st.floats(), texts, st.just([]), st.just({}))


def mostly(usual: st.SearchStrategy, *rare: st.SearchStrategy) -> st.SearchStrategy:
    """``usual`` three times in four, else one of ``rare``. (Giving ``one_of``
    the same strategy three times does not weight it so.)"""
    other = st.one_of(*rare)
    return st.integers(0, 3).flatmap(lambda n: other if n == 3 else usual)


def ids(known: list[int]) -> st.SearchStrategy:
    """An id: one that exists (ours or another session's), or anything else."""
    return mostly(st.sampled_from(known), bad_ints, junk)


CLIENT_ID = string.ascii_letters + string.digits + "_-"
client_ids = st.text(CLIENT_ID, min_size=8, max_size=64)
bad_client_ids = st.one_of(
    st.text(CLIENT_ID, max_size=7),
    st.text(CLIENT_ID, min_size=65, max_size=70),
    texts,
    junk,
)
answers = mostly(
    st.fixed_dictionaries({"roles": st.lists(words, max_size=14)}),
    st.fixed_dictionaries({"roles": json_values}),
    json_values,
)


def near_valid(fields: dict[str, st.SearchStrategy]) -> st.SearchStrategy:
    """Payloads with an event's own keys, some missing, and now and then more."""
    complete = st.fixed_dictionaries(fields)
    partial = st.fixed_dictionaries({}, optional=fields)
    extra = st.builds(
        lambda base, more: {**more, **base},
        complete,
        st.dictionaries(st.text(max_size=12), json_values, min_size=1, max_size=2),
    )
    return mostly(complete, partial, extra)


def dump(app: Flask) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: the state to compare."""
    with app.app_context():
        state = {}
        for table in db.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            state[table.name] = [tuple(r) for r in db.session.execute(query)]
        return state


def check_refusal(reply: object) -> None:
    """The protocol's reply shape, and no server error."""
    assert isinstance(reply, dict), reply
    assert isinstance(reply.get("ok"), bool), reply
    if not reply["ok"]:
        assert isinstance(reply.get("error"), str) and reply["error"], reply
        assert reply["error"] != "server_error", reply
        assert isinstance(reply.get("message"), str) and reply["message"].strip()


@contextmanager
def contained(app: Flask) -> Iterator[None]:
    """Run one request; if it fails with an exception instead of an answer,
    clean up before the failure is reported.

    A request that fails inside the database driver (say, text the driver
    cannot encode) can leave its connection unusable and never returned to the
    pool. Its socket would then be reported unclosed at some later garbage
    collection; when that lands inside pytest's own AST work, Python 3.11 turns
    the warning into an INTERNALERROR (CPython gh-106905) that ends the whole
    run. The failure itself is still raised and reported."""
    try:
        yield
    except BaseException:
        with app.app_context():
            db.engine.dispose()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()
        raise
