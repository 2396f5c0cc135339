"""The seed fixture holds every claim of the seed article, in its own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import claims
from claims import Count, Hedge, Status

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed"
STRIKE = "us-strike-2021-06-28"


def test_at_least_fifteen_claims_each_quoted_verbatim(seed: claims.Dossier) -> None:
    assert len(seed.claims) >= 15
    articles = list(SEED_ARTICLE.glob("*.txt"))
    if articles:  # the article itself sits beside the project in the team's checkout
        text = articles[0].read_text(encoding="utf-8")
        for claim in seed.claims:
            assert claim.provenance.quote in text, claim.id


def test_every_row_of_the_brief(seed: claims.Dossier) -> None:
    by_id = {c.id: c for c in seed.claims}
    assert by_id["sohr-killed"].value == Count.at_least(9, "at least nine")
    assert by_id["sohr-killed"].scope.category == "militiaman"
    assert by_id["sohr-killed"].coverage is claims.model.Coverage.COMPLETE
    assert by_id["militia-killed"].coverage is None  # a party's own dead: complete, derived
    assert by_id["sohr-injured"].value == Count.vague("many", 2)
    militia = by_id["militia-killed"]
    assert militia.value == Count.exact(4, "four")
    assert militia.scope == claims.Scope("faction-member", "kataib-sayyid-al-shuhada")
    assert by_id["sana-killed"].value == Count.exact(1, "a child")
    # "an air missile attack, presumably by American warplanes, killed a child": the hedge
    # governs who attacked, not the figures.
    assert by_id["sana-killed"].hedge is None and by_id["sana-injured"].hedge is None
    assert by_id["sana-injured"].value == Count.exact(3, "three civilians")
    assert by_id["sana-perpetrator"].hedge is Hedge.PRESUMABLY
    assert by_id["us-killed-not-disclosed"].status is Status.NOT_DISCLOSED
    assert by_id["us-killed-not-disclosed"].value is None
    assert by_id["us-target"].value == claims.Term(
        "weapons-storage-facility", "operational and weapons storage facilities")
    assert by_id["sana-target"].value == claims.Term("residential-building", "residential houses")
    assert by_id["iraqi-pm-evaluation"].source == "iraqi-prime-minister"
    assert by_id["oir-injured"].event == "al-omar-rocket-attack-2021-06-28"
    assert by_id["oir-injured"].value == Count.exact(0, "no injuries")
    infobox = "4–9 militiamen killed"
    assert not any(infobox in (c.provenance.quote or "") for c in seed.claims)


def test_the_aftermath_is_its_own_event(seed: claims.Dossier) -> None:
    aftermath = seed.event("al-omar-rocket-attack-2021-06-28")
    assert aftermath.links == (claims.model.EventLink("in_response_to", STRIKE),)
    assert {c.event for c in seed.claims} == {STRIKE, aftermath.id}


def test_vocabularies_know_the_seed_relations(seed: claims.Dossier) -> None:
    v = seed.vocabulary
    assert v.category_within("child", "civilian") and v.category_within("civilian", "person")
    assert v.category_within("faction-member", "militiaman")
    assert v.category_within("militiaman", "combatant")
    assert not v.category_within("civilian", "child")
    assert v.place_within("abu-kamal", "deir-ez-zor-governorate")
    assert v.place_within("abu-kamal", "syria") and not v.place_within("syria", "abu-kamal")
    assert v.actor_within("kataib-sayyid-al-shuhada", "iran-backed-militias")
    for spelling in ("Kata'ib Sayyid al-Shuhada", "Kataib Sayyed al-Shuhada", "KSS",
                     "kata’ib sayyid al shuhada"):
        assert v.resolve_actor(spelling).id == "kataib-sayyid-al-shuhada"
    exclusion = v.exclusion_between("residential-building", "weapons-storage-facility")
    assert exclusion is not None and "cannot both be right" in (exclusion.reason or "")
    assert v.exclusion_between("f-15e", "f-16") is None


def test_times_compare_across_zones(seed: claims.Dossier) -> None:
    by_id = {c.id: c for c in seed.claims}
    day = by_id["us-time"].value
    night = by_id["sana-time"].value
    assert isinstance(day, claims.TimeSpan) and isinstance(night, claims.TimeSpan)
    assert day.contains(night)
    in_utc = night.in_zone(dt.UTC)
    assert in_utc.start == night.start
    assert in_utc.start.day == 27  # 00:00 at UTC+3 is 21:00 UTC the day before
    assert day.overlaps(in_utc)
    assert day.describe() == "2021-06-28 (UTC+03:00)"
