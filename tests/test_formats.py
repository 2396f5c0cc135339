"""The field's formats: external ids in the model, the dossier's JSON Schema, frames with a
fixed schema, and the exports (UCDP GED, Airwars, ACLED, Wikipedia, Wikidata, PROV)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import claims
from tests import strategies
from tests.conftest import ROOT, SEED

STRIKE = "us-strike-2021-06-28"


# -- external ids -----------------------------------------------------------------------


def test_external_ids_keep_the_other_collections_spelling(seed: claims.Dossier) -> None:
    event = seed.event(STRIKE)
    tagged = claims.Event(id=event.id, title=event.title,
                          external_ids=["acled:SYR12345", "ucdp-ged:423091",
                                        "wikidata:Q107095734"])
    assert tagged.external_ids == ("acled:SYR12345", "ucdp-ged:423091", "wikidata:Q107095734")
    data = claims.unstructure(tagged)
    assert data["external_ids"] == ["acled:SYR12345", "ucdp-ged:423091", "wikidata:Q107095734"]
    assert claims.structure(data, claims.Event) == tagged
    assert "external_ids" not in claims.unstructure(event)  # left out at its default


@pytest.mark.parametrize("bad", ["SYR12345", "ACLED:SYR12345", "acled:", "acled: SYR1",
                                 "acled:SYR1 ", ":SYR1", "acled:SYR\n1"])
def test_an_external_id_needs_a_scheme_and_an_identifier(bad: str) -> None:
    with pytest.raises(claims.ValidationError,
                       match=r"'external_ids\[0\]' must be 'scheme:identifier'"):
        claims.Claim(id="c", event="e", predicate="killed", value=claims.Count.exact(1),
                     provenance=claims.Provenance(source="s", quote="q"), external_ids=[bad])


def test_a_title_where_the_headline_is_known() -> None:
    relay = claims.Relay(outlet="reuters", title="U.S. strikes Iran-backed militias")
    provenance = claims.Provenance(source="sohr", quote="q", relays=[relay],
                                   title="SOHR bulletin")
    data = claims.unstructure(provenance)
    assert (data["title"], data["relays"][0]["title"]) == (
        "SOHR bulletin", "U.S. strikes Iran-backed militias")
    assert claims.structure(data, claims.Provenance) == provenance


# -- the JSON Schema --------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> Any:
    import jsonschema

    schema = claims.io.dossier_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_ships_with_the_package_and_in_the_docs() -> None:
    shipped = claims.io.dossier_schema()
    assert json.loads((ROOT / "docs" / "dossier.schema.json").read_text("utf-8")) == shipped
    assert shipped["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("fixture", sorted((ROOT / "fixtures").glob("*.json")),
                         ids=lambda p: p.name)
def test_every_fixture_meets_the_schema(fixture: Path, validator: Any) -> None:
    data = json.loads(fixture.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


@settings(max_examples=60)
@given(dossier=strategies.dossiers())
def test_every_dossier_the_library_writes_meets_the_schema(dossier: claims.Dossier,
                                                           validator: Any) -> None:
    data = json.loads(claims.dumps(dossier))
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)] == []


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["claims"][10]["value"].update(low="9"), "$.claims[10].value"),
    (lambda d: d["claims"][10]["value"].update(high=12), "$.claims[10].value"),
    (lambda d: d["claims"][10]["value"].update(bound="more"), "$.claims[10].value"),
    (lambda d: d["claims"][10].update(coverage="whole"), "$.claims[10].coverage"),
    (lambda d: d["claims"][10].update(external_ids=["SYR12345"]),
     "$.claims[10].external_ids[0]"),
    (lambda d: d["claims"][8].update(value={"type": "count", "low": 1, "high": 1}),
     "$.claims[8].value"),
    (lambda d: d["claims"][0].pop("provenance"), "$.claims[0]"),
    (lambda d: d["sources"][0].update(unexpected=1), "$.sources[0]"),
    (lambda d: d["events"][0]["time"].update(start="2021-06-28T00:00:00"),
     "$.events[0].time"),
    (lambda d: d["vocabulary"]["categories"][0].update(id="Person"),
     "$.vocabulary.categories[0].id"),
])
def test_the_schema_refuses_what_the_reader_refuses(change: Any, where: str, validator: Any,
                                                     tmp_path: Path) -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    change(data)
    assert where in {e.json_path for e in validator.iter_errors(data)}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(claims.DossierError):
        claims.load(path)


def test_the_schema_knows_the_bounds_the_format_has(validator: Any) -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    for count in (claims.Count.more_than(100, "more than 100"),
                  claims.Count.fewer_than(10, "fewer than ten"),
                  claims.Count.approximately(50, 45, 55, "about 50"),
                  claims.Count.between(100, 300), claims.Count.at_most(5)):
        data["claims"][10]["value"] = claims.unstructure(count, claims.model.Value)
        assert list(validator.iter_errors(data)) == []
