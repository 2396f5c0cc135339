"""Growing a report a little at a time: any sequence of adds and merges is the report of all
the claims at once; what a step does not touch is kept (the same objects, not settled or built
again); what was read before a step never goes stale; and ``add`` checks what it adds.

The merge algebra itself (commutative, associative, idempotent, the union's report) is in
``test_reconcile_properties.py`` and ``test_report_merge.py``; this file adds the sequences,
the sharing between reports, and the mapping that makes sharing cheap."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims.report._by_event import FEW
from claims.report._persistent import PersistentMap
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY, reconcilable_claims
from tests.test_report_merge import renamed, same

EVENTS = tuple(claims.Event(id=ident, title=f"Event {ident}") for ident in ("e1", "e2", "e3"))
"""The events the generated claims are about, and one that no claim is about."""
CUTOFFS = st.none() | st.sampled_from([dt.datetime(2021, 6, d, 12, tzinfo=dt.UTC)
                                       for d in (27, 28, 30)])


def rec(found: list[claims.Claim], *, events: tuple[claims.Event, ...] = (),
        as_of: dt.datetime | None = None) -> claims.Report:
    return claims.reconcile(found, vocabulary=RECONCILE_VOCABULARY, sources=RECONCILE_SOURCES,
                            events=events, as_of=as_of)


def read(report: claims.Report) -> None:
    """Everything a report builds on first use, built: its results, its index of claims."""
    for summary in report.summaries:
        for claim in summary.claims:
            report.claim(claim.id)
    assert report.results is not None


def fresh(report: claims.Report, found: list[claims.Claim]) -> None:
    """``report`` says what the report of ``found`` built from nothing says, its results and
    its claims by id included (a cache gone stale would show here)."""
    whole = rec(found, events=report.events, as_of=report.as_of)
    same(report, whole)
    assert hash(report) == hash(whole)
    assert report.results == whole.results
    assert report.summaries == whole.summaries
    assert list(report.summaries) == sorted(report.summaries, key=lambda s: s.key)
    for claim in whole.claims:
        assert report.claim(claim.id) == claim
    with pytest.raises(claims.UnknownReferenceError):
        report.claim("no-such-claim")


def spread(found: list[claims.Claim], copies: int) -> list[claims.Claim]:
    """``found`` again about ``copies`` times as many events (ids and revisions renamed)."""
    return [attrs.evolve(c, event=f"{c.event}-{n}") for n in range(copies)
            for c in renamed(found, f"{n}-")]


# -- sequences ----------------------------------------------------------------------------


@settings(max_examples=150)
@given(reconcilable_claims(), st.data(), CUTOFFS, st.booleans())
def test_any_sequence_of_adds_and_merges_is_reconciling_everything_at_once(
        found: list[claims.Claim], data: st.DataObject, as_of: dt.datetime | None,
        knows_events: bool) -> None:
    """The claims arrive in parts, each added, merged in, or merged into; results and claims
    are read between the steps or not. After every step the report is the report of all the
    claims so far, whatever was read before."""
    events = EVENTS if knows_events else ()
    cuts = sorted(data.draw(st.lists(st.integers(0, len(found)), max_size=5)))
    parts = [found[a:b] for a, b in zip([0, *cuts], [*cuts, len(found)], strict=True)]
    report = rec(parts[0], events=events, as_of=as_of)
    so_far = list(parts[0])
    for part in parts[1:]:
        if data.draw(st.booleans()):
            read(report)
        step = data.draw(st.sampled_from(["add", "merge", "merged into"]))
        if step == "add":
            report = report.add(*part)
        elif step == "merge":
            report = report.merge(rec(part, events=events, as_of=as_of))
        else:
            report = rec(part, events=events, as_of=as_of).merge(report)
        so_far += part
        fresh(report, so_far)
    fresh(report, found)


@settings(max_examples=60)
@given(reconcilable_claims(max_size=8), reconcilable_claims(max_size=4),
       reconcilable_claims(max_size=4))
def test_reports_grown_apart_from_one_report_keep_their_own_results(
        found: list[claims.Claim], left: list[claims.Claim], right: list[claims.Claim]) -> None:
    """Two reports grown from one (which share what it built) under the same new ids for
    different claims: each reads its own claims and results, and so does the first, in any
    order of reading."""
    left, right = renamed(left, "new-"), renamed(right, "new-")
    base = rec(found, events=EVENTS)
    read(base)
    grown_left, grown_right = base.add(*left), base.add(*right)
    read(grown_right)
    fresh(grown_left, found + left)
    fresh(grown_right, found + right)
    fresh(base, found)
    for claim in left:
        if all(c.id != claim.id for c in right):
            with pytest.raises(claims.UnknownReferenceError):
                grown_right.claim(claim.id)
    fresh(grown_left.merge(base), found + left)
    fresh(base.merge(grown_right), found + right)


# -- what is not touched is kept ----------------------------------------------------------


def sides(merged: claims.Report, a: claims.Report, b: claims.Report) -> None:
    """Every summary and every event's results in ``merged`` that only one side had are that
    side's own objects; a summary both had is settled again only when neither holds all its
    claims."""
    mine = {s.key: s for s in a.summaries}
    theirs = {s.key: s for s in b.summaries}
    for summary in merged.summaries:
        if summary.key not in theirs:
            assert summary is mine[summary.key]
        elif summary.key not in mine:
            assert summary is theirs[summary.key]
        elif set(theirs[summary.key].claims) <= set(mine[summary.key].claims):
            assert summary is mine[summary.key] or summary is theirs[summary.key]
    a_events = {s.event for s in a.summaries}
    b_events = {s.event for s in b.summaries}
    for event in a_events ^ b_events:
        assert merged.event(event) is (a if event in a_events else b).event(event)


@settings(max_examples=40)
@given(reconcilable_claims(max_size=6), reconcilable_claims(max_size=6), st.booleans())
def test_merging_keeps_what_only_one_side_has(x: list[claims.Claim], y: list[claims.Claim],
                                              big: bool) -> None:
    """With sides of a few events each (both sides' tables copied into one) and with one side
    of far more events than the other (the small side written into the big side's table)."""
    x = spread(x, FEW + 2) if big else x
    y = [attrs.evolve(c, event="e2-0") if c.event == "e2" else c
         for c in renamed(y, "y")]  # some events on both sides, some on one
    a, b = rec(x), rec(y)
    read(a)
    read(b)
    for merged in (a.merge(b), b.merge(a)):
        sides(merged, a, b)
        fresh(merged, x + y)
    assert all(s is t for s, t in zip(a.merge(a).summaries, a.summaries, strict=True))
    assert a.merge(a).results == a.results


@given(reconcilable_claims(), reconcilable_claims(max_size=3))
def test_adding_builds_again_only_the_results_of_events_it_touches(
        found: list[claims.Claim], more: list[claims.Claim]) -> None:
    """``test_adding_claims_settles_again_only_what_they_touch`` checks the summaries; the
    events' results built before an add are kept too, the same objects, where untouched."""
    more = [attrs.evolve(c, event="e2") for c in renamed(more, "new-")]
    before = rec(found, events=EVENTS)
    read(before)
    after = before.add(*more)
    for event in ("e1", "e3"):  # e2 is the only event touched
        assert after.event(event) is before.event(event)
    fresh(after, found + more)
    fresh(before, found)


def test_adding_a_claim_the_report_holds_changes_nothing(seed: claims.Dossier) -> None:
    report = claims.reconcile(seed)
    read(report)
    again = report.add(*seed.claims[:3])
    assert again == report
    assert all(s is t for s, t in zip(again.summaries, report.summaries, strict=True))
    assert again.results == report.results
    assert all(r is s for r, s in zip(again.results, report.results, strict=True))


def test_summaries_given_in_any_order_or_twice_make_one_report(seed: claims.Dossier) -> None:
    report = claims.reconcile(seed)
    parts = [claims.reconcile(seed.claims[i::2], vocabulary=seed.vocabulary,
                              sources=seed.sources, events=seed.events) for i in (0, 1)]
    given_twice = [*reversed(parts[0].summaries), *parts[1].summaries]
    rebuilt = claims.Report(given_twice, report.context, seed.events)
    assert rebuilt == report
    assert rebuilt.summaries == report.summaries


# -- add checks what it adds --------------------------------------------------------------


def _claim(ident: str, event: str = "e1", **changes: object) -> claims.Claim:
    base = claims.Claim(id=ident, event=event, predicate="killed", value=claims.Count.exact(2),
                        provenance=claims.Provenance(source="monitor", quote="generated"))
    return attrs.evolve(base, **changes)


@pytest.mark.parametrize(("bad", "problem"), [
    (_claim("x", "e9"), "unknown event 'e9' @ $.claims[1].event"),
    (_claim("x", provenance=claims.Provenance(source="nobody", quote="q")),
     "unknown source 'nobody' @ $.claims[1].provenance.source"),
    (_claim("x", provenance=claims.Provenance(
        source="monitor", quote="q", relays=(claims.Relay(outlet="nowhere"),))),
     "unknown source 'nowhere' @ $.claims[1].provenance.relays[0].outlet"),
    (_claim("x", scope=claims.Scope("civilain")),
     "unknown category 'civilain' @ $.claims[1].scope.category"),
])
def test_adding_to_a_large_report_checks_each_claim(bad: claims.Claim, problem: str) -> None:
    """Only the claims' own events and sources are looked up, yet every unknown one is
    refused, and the report is as it was."""
    found = spread([_claim("c1"), _claim("c2", "e2")], 50)
    events = tuple(claims.Event(id=i, title=i) for i in sorted({c.event for c in found}))
    report = rec(found, events=(*events, claims.Event(id="e1", title="known, no claims")))
    read(report)
    with pytest.raises(claims.DossierError) as caught:
        report.add(_claim("fine", "e1"), bad)
    assert [str(p) for p in caught.value.problems] == [problem]
    fresh(report, found)
    grown = report.add(_claim("fine", "e1"))  # an event known without claims takes them
    assert grown.count("e1", "killed").low.claims == ("fine",)


def test_adding_another_claim_under_a_held_id_is_refused() -> None:
    report = rec([_claim("c1")])
    with pytest.raises(claims.MergeError, match=r"claim id 'c1' names two different claims"):
        report.add(_claim("c1", value=claims.Count.exact(3)))


# -- the persistent mapping ---------------------------------------------------------------


@attrs.frozen
class Clash:
    """A key whose hash every other Clash shares: the trie runs out of hash bits for it."""

    n: int

    def __hash__(self) -> int:
        return 7


keys = st.integers(-300, 300) | st.builds(Clash, st.integers(0, 40))


@given(st.dictionaries(keys, st.integers()),
       st.lists(st.lists(st.tuples(keys, st.integers()), max_size=120), max_size=8),
       st.data())
def test_every_version_of_a_persistent_map_keeps_its_entries(
        base: dict[object, int], updates: list[list[tuple[object, int]]],
        data: st.DataObject) -> None:
    versions = [PersistentMap(dict(base))]
    models = [dict(base)]
    for entries in updates:
        start = data.draw(st.integers(0, len(versions) - 1))  # grow from any version
        versions.append(versions[start].update(entries))
        models.append({**models[start], **dict(entries)})
        if data.draw(st.booleans()):
            versions[data.draw(st.integers(0, len(versions) - 1))].flat()
    for version, model in zip(versions, models, strict=True):
        assert len(version) == len(model)
        assert dict(version.items()) == model
        assert version.flat() == model
        for key in model:
            assert key in version and version[key] == model[key] and version.get(key) == model[key]
        assert Clash(-1) not in version and version.get(Clash(-1), "none") == "none"
        with pytest.raises(KeyError):
            version[Clash(-1)]
    for one, model in zip(versions, models, strict=True):
        for other, other_model in zip(versions, models, strict=True):
            assert (one == other) == (model == other_model)
            if one == other:
                assert hash(one) == hash(other)
