"""A claim as one flat row and back (``claims.io._columns``): the inverse holds on every claim
of every fixture and on generated claims, keys in the writer's order."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

import claims
from claims.io import CLAIM_COLUMNS, flatten_claim, nest_claim
from tests import strategies
from tests.conftest import ROOT

FIXTURES = sorted(p for p in (ROOT / "fixtures").glob("*.json")
                  if json.loads(p.read_text(encoding="utf-8")).get("format") == "claims.dossier")


def _same(nested: dict[str, Any], original: dict[str, Any]) -> None:
    """Equal, and equal as JSON text: the same keys in the same order at every level."""
    assert nested == original
    assert json.dumps(nested, ensure_ascii=False) == json.dumps(original, ensure_ascii=False)


def test_the_fixtures_are_found() -> None:
    assert len(FIXTURES) >= 2


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_claim_round_trips_as_written(path: Any) -> None:
    written = claims.unstructure(claims.load(path))["claims"]
    assert written
    for data in written:
        row = flatten_claim(data)
        assert list(row) == [name for name, _ in CLAIM_COLUMNS]
        _same(nest_claim(row), data)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_claim_round_trips_as_in_the_file(path: Any) -> None:
    for data in json.loads(path.read_text(encoding="utf-8"))["claims"]:
        _same(nest_claim(flatten_claim(data)), data)


@given(strategies.claims())
def test_generated_claims_round_trip(claim: claims.Claim) -> None:
    data = claims.unstructure(claim)
    row = flatten_claim(data)
    _same(nest_claim(row), data)
    assert claims.structure(nest_claim(row), claims.Claim) == claim


def test_a_row_holds_each_leaf_in_its_column(seed: claims.Dossier) -> None:
    data = claims.unstructure(seed.claim("sohr-killed"))
    row = flatten_claim(data)
    assert (row["value_type"], row["value_low"], row["value_high"], row["value_bound"],
            row["value_wording"]) == ("count", 9, None, "at_least", "at least nine")
    assert (row["scope_category"], row["scope_actor"]) == ("militiaman", "iran-backed-militias")
    assert row["coverage"] == "complete" and row["status"] is None
    assert row["relays"] == [{"outlet": "wikipedia", "url": data["provenance"]["relays"][0]["url"],
                              "published_start": None, "published_end": None,
                              "published_precision": None, "published_wording": None,
                              "quote": None, "title": None}]
    assert row["external_ids"] == []


def test_times_stay_the_strings_they_were() -> None:
    data = {"id": "t", "event": "e", "predicate": "time",
            "provenance": {"source": "s", "quote": "q",
                           "published": {"start": "2021-06-28T00:00:00+03:00",
                                         "end": "2021-06-29T00:00:00+03:00",
                                         "precision": "day"}},
            "value": {"type": "time", "start": "2021-06-28T00:00:00+03:00",
                      "end": "2021-06-28T06:00:00+03:00", "precision": "part_of_day",
                      "wording": "after midnight"}}
    row = flatten_claim(data)
    assert row["value_start"] == "2021-06-28T00:00:00+03:00"
    assert row["published_end"] == "2021-06-29T00:00:00+03:00"
    assert row["published_wording"] is None
    _same(nest_claim(row), data)


def test_false_and_zero_are_kept() -> None:
    data = {"id": "z", "event": "e", "predicate": "killed",
            "provenance": {"source": "s", "quote": "none"},
            "value": {"type": "count", "low": 0, "high": 0, "best": 0}, "interested": False}
    _same(nest_claim(flatten_claim(data)), data)


@pytest.mark.parametrize(("data", "message"), [
    ({"id": "x", "colour": "red"}, r"claim 'x': no column holds \$\.colour"),
    ({"id": "x", "scope": {"category": "a", "age": 3}}, r"no column holds \$\.scope\.age"),
    ({"id": "x", "value": {"type": "count", "low": 1, "unit": "m"}},
     r"no column holds \$\.value\.unit"),
    ({"id": "x", "provenance": {"source": "s", "quote": "q", "relays": [{"outlet": "o",
                                                                         "via": "p"}]}},
     r"no column holds \$\.provenance\.relays\[0\]\.via"),
    ({"id": "x", "provenance": "somebody"}, r"expected an object at \$\.provenance"),
])
def test_flattening_refuses_what_no_column_holds(data: dict[str, Any], message: str) -> None:
    with pytest.raises(claims.ValidationError, match=message):
        flatten_claim(data)


def test_nesting_passes_on_what_does_not_belong_for_the_reader_to_refuse() -> None:
    row = flatten_claim({"id": "x", "event": "e", "predicate": "target",
                         "provenance": {"source": "s", "quote": "q"},
                         "value": {"type": "term", "id": "house"}})
    row["value_low"] = 5
    row["relays"] = [None]
    row["order"] = 17  # a column other than the claim's is not looked at
    nested = nest_claim(row)
    assert nested["value"] == {"type": "term", "low": 5, "id": "house"}
    assert nested["provenance"]["relays"] == [None]
    assert "order" not in nested
    with pytest.raises(claims.ValidationError) as caught:
        claims.structure(nested, claims.Claim)
    paths = {p.path for p in caught.value.problems}
    assert "$.provenance.relays[0]" in paths
    assert any(p.path.startswith("$.value") and "low" in p.message
               for p in caught.value.problems)


def test_a_row_without_a_column_reads_it_as_null() -> None:
    assert nest_claim({"id": "x"}) == {"id": "x"}
