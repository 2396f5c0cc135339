"""The field's formats: external ids in the model, the dossier's JSON Schema, frames with a
fixed schema, and the exports (UCDP GED, Airwars, ACLED, Wikipedia, Wikidata, PROV)."""

from __future__ import annotations

import pytest

import claims

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
