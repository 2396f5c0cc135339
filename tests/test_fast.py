"""The fast claim builder builds exactly what the strict converter builds, or nothing."""

from __future__ import annotations

import copy
import gc
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims._memory import paused_gc
from claims.errors import Problem
from claims.io._builder import ClaimBuilder, loads_json
from claims.io._converter import structure_at
from tests import strategies

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


@given(strategies.claims(), st.data())
def test_never_accepts_what_the_converter_refuses(claim: claims.Claim,
                                                  data: st.DataObject) -> None:
    mangled = copy.deepcopy(claims.unstructure(claim))
    path = data.draw(st.sampled_from(_paths(mangled)[1:] or [("id",)]))
    parent = mangled
    for step in path[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "delete", "extra"]))
    if action == "replace":
        parent[path[-1]] = data.draw(json_leaves)
    elif action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent["unexpected"] = data.draw(json_leaves)
    built = ClaimBuilder().build(mangled)
    if built is not None:
        assert built == converter_claim(mangled)


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
        with pytest.raises(AssertionError):
            assert converter_claim(data) is not None


def test_lines_mean_what_the_standard_parser_reads(tmp_path: Any) -> None:
    """orjson reads 10**30 as a float; the claim must still be the integer count json reads."""
    head = {"format": "claims.dossier.lines", "version": 1,
            "sources": [{"id": "s", "name": "S", "kind": "other"}],
            "events": [{"id": "e", "title": "E"}]}
    line = ('{"id": "c", "event": "e", "predicate": "killed", "provenance": {"source": "s", '
            f'"quote": "q"}}, "value": {{"type": "count", "low": {10**30}, "bound": "at_least"}}}}')
    assert isinstance(loads_json(line)["value"]["low"], int | float)
    path = tmp_path / "big.jsonl"
    import json

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
