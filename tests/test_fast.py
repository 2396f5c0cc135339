"""The fast claim builder builds exactly what the strict converter builds, or nothing."""

from __future__ import annotations

import copy
import gc
import json
import random
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import claims
from claims._memory import paused_gc
from claims.errors import Problem
from claims.io._builder import ClaimBuilder, loads_json
from claims.io._converter import structure_at
from tests import strategies
from tests.conftest import SEED

json_leaves = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**20), st.floats(),
                        st.text(max_size=5), st.just([]), st.just({}), st.just(["x"]))


def converter_claim(data: Any) -> claims.Claim | None:
    found: list[Problem] = []
    result: claims.Claim | None = structure_at(data, claims.Claim, "$", found)
    assert (result is None) == bool(found)
    return result


@given(strategies.claims())
def test_builds_what_the_converter_builds(claim: claims.Claim) -> None:
    data = claims.unstructure(claim)
    built = ClaimBuilder().build(data)
    assert built is not None  # the fast path covers every shape the model has
    assert built == claim == converter_claim(data)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


_OPTIONAL = ("hedge", "note", "scope", "status", "relays", "published", "url", "language",
             "wording", "best", "high", "category", "actor", "place", "bound", "precision")
_NULLABLE = ("hedge", "note", "published", "url", "language", "wording", "best", "high",
             "category", "actor", "place", "quote")


def mangle(data: Any, rng: random.Random) -> tuple[Any, str]:
    """A copy of a claim's JSON data with one change, most of them ones a valid file could
    hold (an optional key dropped or null, a text or number changed, keys reordered), the
    rest breaking it (a leaf of another JSON type, a key removed or added)."""
    mangled = copy.deepcopy(data)
    paths = _paths(mangled)[1:]
    path = rng.choice(paths)
    parent: Any = mangled
    for step in path[:-1]:
        parent = parent[step]
    key, value = path[-1], parent[path[-1]]
    kind = rng.choices(["drop", "null", "retext", "renumber", "reorder", "break"],
                       weights=[2, 2, 2, 1, 1, 2])[0]
    if kind == "drop" and isinstance(parent, dict) and key in _OPTIONAL:
        del parent[key]
    elif kind == "null" and isinstance(parent, dict) and key in _NULLABLE:
        parent[key] = None
    elif kind == "retext" and isinstance(value, str):
        parent[key] = value + rng.choice(["x", "-2", " more", "é"])
    elif kind == "renumber" and type(value) is int:
        parent[key] = value + rng.choice([-1, 1, 7])
    elif kind == "reorder" and isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        parent[key] = dict(items)
    elif kind == "break":
        action = rng.choice(["leaf", "delete", "extra"])
        if action == "leaf":
            parent[key] = rng.choice([None, True, 1.5, -3, "", "x", [], {}, ["x"], 10**20])
        elif action == "delete" and isinstance(parent, dict):
            del parent[key]
        elif isinstance(parent, dict):
            parent["unexpected"] = 1
        else:
            kind = "unchanged"
    else:
        kind = "unchanged"
    return mangled, kind


def test_the_fast_path_and_the_strict_reader_agree_on_mangled_claims(
        capsys: pytest.CaptureFixture[str]) -> None:
    """One truth for two readers: over mangled claims from the seed, whatever the builder
    builds is what the converter builds, and the builder builds most of what the converter
    accepts, so the comparison is made in most examples, not a few."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))["claims"]
    rng = random.Random(20210628)
    tried = compared = declined_valid = 0
    for _ in range(600):
        mangled, _kind = mangle(rng.choice(seed), rng)
        built = ClaimBuilder().build(mangled)
        strict = converter_claim(mangled)
        tried += 1
        if built is not None:
            assert built == strict, mangled
            compared += 1
        elif strict is not None:
            declined_valid += 1
    with capsys.disabled():
        print(f"\nfast vs strict: {compared} of {tried} mangled claims built by both and "
              f"compared ({compared / tried:.0%}); {declined_valid} valid ones declined")
    assert compared / tried >= 0.6
    assert declined_valid == 0


@given(strategies.claims(), st.randoms(use_true_random=False))
def test_never_builds_other_than_the_converter(claim: claims.Claim, rng: random.Random) -> None:
    mangled, kind = mangle(claims.unstructure(claim), rng)
    built = ClaimBuilder().build(mangled)
    event(f"mutation: {kind}; fast path {'built' if built is not None else 'declined'}")
    if built is not None:
        assert built == converter_claim(mangled)
    elif kind == "unchanged":
        assert converter_claim(mangled) is not None  # nothing changed: it must build
        raise AssertionError("the fast path declined a claim the model wrote")


def test_shared_values_do_not_mix_lookalikes() -> None:
    builder = ClaimBuilder()
    base = {"id": "c", "event": "e", "predicate": "killed",
            "provenance": {"source": "s", "quote": "q"},
            "value": {"type": "count", "low": 1, "high": 1}}
    assert builder.build(base) is not None
    for lookalike in (1.0, True):
        data = copy.deepcopy(base)
        data["value"]["low"] = lookalike
        assert builder.build(data) is None
        assert converter_claim(data) is None  # the strict reader refuses them too


def test_lines_mean_what_the_standard_parser_reads(tmp_path: Any) -> None:
    """orjson reads 10**30 as a float; the claim must still be the integer count json reads."""
    head = {"format": "claims.dossier.lines", "version": 1,
            "sources": [{"id": "s", "name": "S", "kind": "other"}],
            "events": [{"id": "e", "title": "E"}]}
    line = ('{"id": "c", "event": "e", "predicate": "killed", "provenance": {"source": "s", '
            f'"quote": "q"}}, "value": {{"type": "count", "low": {10**30}, "bound": "at_least"}}}}')
    assert isinstance(loads_json(line)["value"]["low"], int | float)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps(head) + "\n" + line + "\n", encoding="utf-8")
    (claim,) = claims.load(path).claims
    assert claim.value == claims.Count.at_least(10**30)


def test_the_collector_is_paused_and_restored() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a program that froze objects of its own keeps them frozen
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_equal_instants_in_other_zones_stay_apart() -> None:
    builder = ClaimBuilder()
    base = {"id": "c", "event": "e", "predicate": "killed",
            "provenance": {"source": "s", "quote": "q", "published": {
                "start": "2021-06-28T00:00:00+03:00", "end": "2021-06-29T00:00:00+03:00",
                "precision": "day"}},
            "value": {"type": "count", "low": 1, "high": 1}}
    first = builder.build(base)
    other = copy.deepcopy(base)
    other["provenance"]["published"] = {"start": "2021-06-27T21:00:00+00:00",
                                        "end": "2021-06-28T21:00:00+00:00", "precision": "day"}
    second = builder.build(other)
    assert first is not None and second is not None
    assert first.provenance.published is not None and second.provenance.published is not None
    assert first.provenance.published.start.utcoffset() != \
        second.provenance.published.start.utcoffset()
    assert claims.unstructure(second)["provenance"] == other["provenance"]
