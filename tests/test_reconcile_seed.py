"""The seed event's report: what it must say, word for word where it matters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import claims
from claims import Count, Policy, Scope
from claims.cli import main
from claims.reconciler import Role

STRIKE = "us-strike-2021-06-28"
ALOMAR = "al-omar-rocket-attack-2021-06-28"
UTC3 = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture(scope="module")
def report(seed: claims.Dossier) -> claims.Report:
    return claims.reconcile(seed)


def claim(id: str, predicate: str, value: claims.model.Value | None, source: str = "sohr",
          scope: Scope = claims.model.EVERYONE, provenance: claims.Provenance | None = None,
          status: claims.Status = claims.Status.ASSERTED) -> claims.Claim:
    """A claim for an illustration; the quotes say so, none is a fact about the event."""
    return claims.Claim(
        id=id, event=STRIKE, predicate=predicate, value=value, scope=scope, status=status,
        provenance=provenance or claims.Provenance(source=source, quote="illustration"))


def test_militiamen_killed_four_to_nine(report: claims.Report) -> None:
    result = report.count(STRIKE, "killed", Scope("militiaman"))
    assert result.range_text() == "4 to at least 9"  # in the sources' terms
    assert result.range_text("dash") == "4–9"  # as the encyclopedia's infobox writes it
    assert result.low == claims.reconciler.RangeEnd(4, ("militia-killed",))
    assert result.high == claims.reconciler.RangeEnd(9, ("sohr-killed",), open=True)
    assert result.contradiction is None
    assert result.feasible == claims.model.Interval(9, None)
    # Both are accounts of the militiamen killed: the militia's of its own dead (derived
    # from its affiliation), SOHR's as coded in the fixture; neither is a mere floor.
    assert {c.claims: (c.role, c.reading) for c in result.contributions} == {
        ("militia-killed",): (Role.ACCOUNT, "the source's own dead"),
        ("sohr-killed",): (Role.ACCOUNT, "marked as the source's whole account")}
    assert result.sources == ("iraqi-militias", "sohr")
    assert result.grade is claims.reconciler.Grade.CORROBORATED
    assert "4–9 militiamen killed" in report.infobox(STRIKE).splitlines()


def test_the_faction_figure_is_bounded_by_nothing_above(report: claims.Report) -> None:
    faction = report.count(STRIKE, "killed", Scope("faction-member", "kataib-sayyid-al-shuhada"))
    assert faction.range_text() == "4"
    assert faction.feasible == claims.model.Interval(4, 4)


def test_civilians_killed_one_child_single_source(report: claims.Report) -> None:
    result = report.count(STRIKE, "killed", Scope("civilian"))
    assert result.range_text() == "1"
    assert result.low.claims == result.high.claims == ("sana-killed",)
    assert result.sources == ("sana",)
    assert result.grade is claims.reconciler.Grade.SINGLE_SOURCE
    # SANA's "presumably" qualifies who attacked, not the child's death.
    assert result.hedged_claims == ()
    assert report.fact(STRIKE, "perpetrator").hedged_claims == ("sana-perpetrator",)
    assert report.count(STRIKE, "killed", Scope("child")).range_text() == "1"
    assert "1 civilian killed" in report.infobox(STRIKE).splitlines()


def test_injured(report: claims.Report) -> None:
    civilians = report.count(STRIKE, "injured", Scope("civilian"))
    assert civilians.range_text() == "3" and civilians.sources == ("sana",)
    militiamen = report.count(STRIKE, "injured", Scope("militiaman"))
    assert militiamen.vague == "many" and militiamen.range_text() == "many"
    assert militiamen.high.open and militiamen.sources == ("sohr",)
    assert report.infobox(STRIKE).splitlines() == [
        "1 civilian killed",
        "4–9 militiamen killed",
        "3 civilians injured",
        "many militiamen injured",
    ]


def test_what_was_hit_is_contradicted(report: claims.Report) -> None:
    (contradiction,) = report.event(STRIKE).contradictions
    assert contradiction.claims == ("sana-target", "us-target")
    assert contradiction.key.predicate == "target"
    assert contradiction.reason == (
        "Syrian Arab News Agency (sana-target): residential house, but United States military "
        "(us-target): operational and weapons storage facility (a site described as civilian "
        "homes and one described as military facilities cannot both be right about what was "
        "hit)"
    )
    assert report.fact(STRIKE, "target").grade is claims.reconciler.Grade.CONTESTED


def test_places_times_actors_agree(report: claims.Report) -> None:
    place = report.fact(STRIKE, "place")
    assert place.contradictions == () and place.consensus == claims.PlaceRef("abu-kamal")
    time = report.fact(STRIKE, "time")
    assert time.contradictions == ()
    assert isinstance(time.consensus, claims.TimeSpan)
    assert time.consensus.start == dt.datetime(2021, 6, 28, 0, 0, tzinfo=UTC3)
    assert time.consensus.end == dt.datetime(2021, 6, 28, 6, 0, tzinfo=UTC3)
    perpetrator = report.fact(STRIKE, "perpetrator")
    assert perpetrator.consensus == claims.ActorRef("united-states")
    assert perpetrator.hedged_claims == ("sana-perpetrator",)
    assert perpetrator.independent == 2


def test_non_disclosure_is_listed(report: claims.Report) -> None:
    event = report.event(STRIKE)
    assert event.non_claims == ("us-killed-not-disclosed", "us-injured-not-disclosed")
    text = str(report)
    assert "Not disclosed\n  killed: United States government (us-killed-not-disclosed): " \
           "\"Despite the U.S. not disclosing" in text


def test_the_aftermath_does_not_touch_the_strike(report: claims.Report) -> None:
    strike = report.event(STRIKE)
    assert all("oir-injured" not in c.claims for r in strike.counts for c in r.contributions)
    assert report.count(ALOMAR, "injured").range_text() == "0"
    assert report.infobox(ALOMAR) == "0 people injured"
    with pytest.raises(claims.UnknownReferenceError, match=r"no 'injured' figure"):
        report.count(STRIKE, "injured")


def test_policies(report: claims.Report) -> None:
    result = report.count(STRIKE, "killed", Scope("militiaman"))
    conservative = Policy.CONSERVATIVE.estimate(result)
    assert (conservative.low, conservative.best, conservative.high) == (4, 4, 4)
    ucdp = Policy.LOW_BEST_HIGH.estimate(result)
    assert (ucdp.low, ucdp.best, ucdp.high) == (4, 9, 9)
    airwars = Policy.MIN_MAX.estimate(result)
    assert (airwars.low, airwars.best, airwars.high) == (4, None, 9)


def test_report_text_shows_each_end_and_its_claims(report: claims.Report) -> None:
    text = str(report)
    assert "  4 to at least 9 militiamen killed  [corroborated; 2 independent sources]\n" in text
    assert ('    account  Syrian Observatory for Human Rights: "at least nine" (militiamen of '
            'Iran-backed Iraqi militias; sohr-killed) [marked as the source\'s whole account; '
            'F1] <- high, open above') in text
    assert ('    account  Iraqi militia groups aligned with Iran (statement): "four" (faction '
            'members of Kata\'ib Sayyid al-Shuhada; militia-killed) [the source\'s own dead; '
            'interested: the party\'s own losses; F1] <- low') in text
    assert "    consistent with every claim: 9 or more" in text
    assert "[presumably]" in text  # on SANA's perpetrator and weapon


def test_report_json(report: claims.Report) -> None:
    import json

    data = json.loads(report.to_json())
    assert data["format"] == "claims.report"
    (strike,) = [e for e in data["events"] if e["event"] == STRIKE]
    assert "4–9 militiamen killed" in strike["infobox"]
    (militia,) = [r for r in strike["counts"] if r["key"]["predicate"] == "killed"
                  and r["key"]["scope"] == {"category": "militiaman"}]
    assert militia["low"] == {"value": 4, "claims": ["militia-killed"]}
    assert militia["high"] == {"value": 9, "claims": ["sohr-killed"], "open": True}
    assert militia["grade"] == "corroborated" and militia["range"] == "4 to at least 9"
    assert strike["contradictions"][0]["claims"] == ["sana-target", "us-target"]
    assert report.to_data() == data


# -- the seed, extended with illustrations -----------------------------------------------


def test_a_source_revising_its_toll_supersedes_itself(seed: claims.Dossier) -> None:
    day = lambda d: claims.TimeSpan.on(dt.date(2021, 6, d), UTC3)  # noqa: E731
    first = seed.claim("sohr-killed")
    dated = attrs.evolve(first, provenance=attrs.evolve(first.provenance, published=day(28)))
    raised = claim("sohr-killed-later", "killed", Count.at_least(12, "at least 12"),
                   scope=first.scope, provenance=claims.Provenance(
                       source="sohr", quote="illustration", published=day(29)))
    dossier = attrs.evolve(seed, claims=(
        *(dated if c.id == first.id else c for c in seed.claims), raised))
    report = claims.reconcile(dossier)
    result = report.count(STRIKE, "killed", first.scope)
    assert result.high == claims.reconciler.RangeEnd(12, ("sohr-killed-later",), open=True)
    assert result.revisions == (claims.reconciler.Revision("sohr-killed", "sohr-killed-later"),)
    assert "superseded: sohr-killed by sohr-killed-later" in str(report)
    before = claims.reconcile(dossier, as_of=dt.datetime(2021, 6, 29, tzinfo=UTC3))
    assert before.count(STRIKE, "killed", first.scope).high.value == 9
    assert "sohr-killed-later" in before.excluded and "militia-killed" in before.excluded


def test_relays_of_one_statement_count_once(seed: claims.Dossier) -> None:
    original = seed.claim("sohr-killed")
    relayed = attrs.evolve(original, id="sohr-killed-via-agency", provenance=attrs.evolve(
        original.provenance, relays=(claims.Relay(outlet="wikipedia", url="https://x.test"),)))
    report = claims.reconcile(seed.add(relayed))
    result = report.count(STRIKE, "killed", Scope("militiaman"))
    assert result.high.claims == ("sohr-killed", "sohr-killed-via-agency")
    assert len(result.contributions) == 2  # the militia's and SOHR's: two statements
    assert result.independent == 2


def test_sources_of_one_party_are_not_independent(seed: claims.Dossier) -> None:
    gov = claim("ill-gov", "killed", Count.exact(10), source="us-government")
    mil = claim("ill-mil", "killed", Count.exact(10), source="us-military")
    alone = claims.reconcile([gov, mil], vocabulary=seed.vocabulary, sources=seed.sources)
    result = alone.count(STRIKE, "killed")
    assert result.sources == ("us-government", "us-military")
    assert result.independent == 1 and result.grade is claims.reconciler.Grade.SINGLE_SOURCE
    everyone = claims.reconcile(seed.add(gov, mil)).count(STRIKE, "killed")
    # The others' figures are parts of everyone killed (a child; militiamen): floors, not
    # figures for the total, so the total rests on one party.
    assert everyone.sources == ("us-government", "us-military")
    assert everyone.independent == 1
    assert {i for c in everyone.contributions if c.role is Role.PART for i in c.claims} == {
        "militia-killed", "sana-killed", "sohr-killed"}


def test_a_count_contradiction_names_both_claims_and_why(seed: claims.Dossier) -> None:
    capped = claim("ill-capped", "killed", Count.at_most(5, "no more than five"),
                   source="sana", scope=Scope("militiaman"))
    report = claims.reconcile(seed.add(capped))
    result = report.count(STRIKE, "killed", Scope("militiaman"))
    assert result.feasible is None
    assert result.contradiction is not None
    assert result.contradiction.claims == ("ill-capped", "sohr-killed")
    assert result.contradiction.reason == (
        "Syrian Observatory for Human Rights (sohr-killed) says “at least nine” of militiamen "
        "of Iran-backed Iraqi militias, so at least 9 militiamen; but Syrian Arab News Agency "
        "(ill-capped) says “no more than five”, so at most 5"
    )
    assert result.contradiction.kind is claims.reconciler.ContradictionKind.COUNTS
    assert result.grade is claims.reconciler.Grade.CONTESTED
    assert "4–9 militiamen killed (disputed)" in report.infobox(STRIKE).splitlines()
    estimate = Policy.LOW_BEST_HIGH.estimate(result)  # UCDP's best: the most credible
    assert estimate.best == 9 and estimate.reasons[0].startswith(
        "best 9: Syrian Observatory for Human Rights (“at least nine”; sohr-killed)")
    # The broader cap bounds the faction's figure from above, and four still fits under it.
    faction = report.count(STRIKE, "killed", Scope("faction-member", "kataib-sayyid-al-shuhada"))
    assert [(c.claims, c.role, c.bounds) for c in faction.contributions] == [
        (("ill-capped",), Role.BROADER, claims.model.Interval(0, 5)),
        (("militia-killed",), Role.DIRECT, claims.model.Interval(4, 4)),
    ]
    assert faction.feasible == claims.model.Interval(4, 4) and faction.contradiction is None


def test_times_are_compared_in_one_zone(seed: claims.Dossier) -> None:
    late_utc = claim("ill-utc", "time", claims.TimeSpan.at(
        dt.datetime(2021, 6, 27, 22, 30, tzinfo=dt.UTC)), source="sohr")
    report = claims.reconcile(seed.add(late_utc))
    assert report.fact(STRIKE, "time").contradictions == ()
    next_day = claim("ill-next", "time", claims.TimeSpan.on(dt.date(2021, 6, 29), UTC3))
    conflicts = claims.reconcile(seed.add(next_day)).fact(STRIKE, "time").contradictions
    assert sorted(c.claims for c in conflicts) == [("ill-next", "sana-time"),
                                                   ("ill-next", "us-time")]
    assert all("do not overlap, compared in one time zone" in c.reason for c in conflicts)


def test_times_at_the_end_of_the_calendar_reconcile(seed: claims.Dossier,
                                                     tmp_path: Path) -> None:
    """The consensus of two spans is written in the finest span's zones; where that zone
    would put it past 9999-12-31, it keeps its own (a file ``check`` takes must reconcile)."""
    data = claims.unstructure(seed)
    times = [c for c in data["claims"] if c["predicate"] == "time"]
    times[0]["value"] = {"type": "time", "start": "9999-12-31T20:00:00+14:00",
                         "end": "9999-12-31T23:59:59+00:00", "precision": "hour"}
    times[1]["value"] = {"type": "time", "start": "9999-12-31T12:00:00+00:00",
                         "end": "9999-12-31T23:59:59-14:00", "precision": "day"}
    path = tmp_path / "late.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    consensus = claims.reconcile(claims.load(path)).fact(STRIKE, "time").consensus
    assert consensus == claims.TimeSpan(
        dt.datetime(9999, 12, 31, 12, tzinfo=dt.UTC), dt.datetime(9999, 12, 31, 23, 59, 59,
                                                                   tzinfo=dt.UTC),
        claims.model.Precision.HOUR)
    assert main(["report", str(path)]) == 0


def test_a_denial_contradicts_the_assertion(seed: claims.Dossier) -> None:
    denial = claim("ill-denial", "perpetrator", claims.ActorRef("united-states"),
                   source="iraqi-prime-minister", status=claims.Status.DENIED)
    fact = claims.reconcile(seed.add(denial)).fact(STRIKE, "perpetrator")
    (conflict,) = fact.contradictions
    assert conflict.claims == ("ill-denial", "sana-perpetrator", "us-perpetrator")
    assert conflict.reason.endswith("Prime Minister of Iraq, Mustafa Al-Kadhimi (ill-denial) "
                                    "deny it")
    assert fact.consensus is None


def test_as_of_needs_a_zone(seed: claims.Dossier) -> None:
    with pytest.raises(claims.ValidationError, match=r"'as_of' must carry a time zone"):
        claims.reconcile(seed, as_of=dt.datetime(2021, 6, 29))


def test_one_id_for_two_claims_is_refused(seed: claims.Dossier) -> None:
    twin = attrs.evolve(seed.claim("sohr-killed"), value=Count.exact(3))
    with pytest.raises(claims.ClaimsError, match=r"claim id 'sohr-killed' names two different"):
        claims.reconcile(seed).add(twin)


def test_merging_refuses_ids_that_mean_two_things(seed: claims.Dossier) -> None:
    report = claims.reconcile(seed)
    other_event = attrs.evolve(seed.event(STRIKE), title="Another title")
    other = claims.reconcile([], vocabulary=seed.vocabulary, sources=seed.sources,
                             events=[other_event])
    with pytest.raises(claims.ClaimsError, match=r"event 'us-strike-2021-06-28' differs"):
        report.merge(other)
    renamed = attrs.evolve(seed.source("sohr"), name="Someone else")
    with pytest.raises(claims.ClaimsError, match=r"source 'sohr' differs between the two sides"):
        report.merge(claims.reconcile([], vocabulary=seed.vocabulary, sources=[renamed]))
    with pytest.raises(claims.ClaimsError, match=r"different vocabularies"):
        report.merge(claims.reconcile([]))
