"""The reconciler's algebra, for any claims: order, merging, ranges and feasibility."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims.reconciler import Role
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY, reconcilable_claims

_SCOPES_FOR_REVISIONS = [claims.Scope(), claims.Scope("person"), claims.Scope("civilian"),
                         claims.Scope("child"), claims.Scope("militiaman"),
                         claims.Scope("militiaman", "faction")]


def rec(found: list[claims.Claim] | tuple[claims.Claim, ...]) -> claims.Report:
    return claims.reconcile(found, vocabulary=RECONCILE_VOCABULARY, sources=RECONCILE_SOURCES)


def same(first: claims.Report, second: claims.Report) -> None:
    assert first == second
    assert first.results == second.results
    assert str(first) == str(second)


@given(st.data())
def test_order_does_not_matter(data: st.DataObject) -> None:
    found = data.draw(reconcilable_claims())
    shuffled = data.draw(st.permutations(found))
    same(rec(found), rec(shuffled))


@given(reconcilable_claims(), st.data())
def test_reconciling_a_union_is_merging_the_parts(found: list[claims.Claim],
                                                  data: st.DataObject) -> None:
    sides = data.draw(st.lists(st.sampled_from("ab"), min_size=len(found),
                               max_size=len(found)))
    a = [c for c, side in zip(found, sides, strict=True) if side == "a"]
    b = [c for c, side in zip(found, sides, strict=True) if side == "b"]
    overlap = data.draw(st.lists(st.sampled_from(found), max_size=3)) if found else []
    whole = rec(found)
    same(whole, rec(a).merge(rec(b + overlap)))
    same(rec(a).merge(rec(b)), rec(b).merge(rec(a)))
    same(whole, rec(a).add(*b))


@given(reconcilable_claims(), reconcilable_claims(), reconcilable_claims())
def test_merging_is_associative(x: list[claims.Claim], y: list[claims.Claim],
                                z: list[claims.Claim]) -> None:
    y = [_renamed(c, "y") for c in y]
    z = [_renamed(c, "z") for c in z]
    left = rec(x).merge(rec(y)).merge(rec(z))
    right = rec(x).merge(rec(y).merge(rec(z)))
    same(left, right)
    same(left, rec(x + y + z))


def _key_order(key: claims.reconciler.GroupKey) -> tuple[str, str, str, str, str]:
    scope = key.scope
    return (key.event, key.predicate, scope.category or "", scope.actor or "",
            scope.place or "")


def _renamed(claim: claims.Claim, prefix: str) -> claims.Claim:
    """The claim under another id, as are the claims it revises."""
    revises = None if claim.revises is None else prefix + claim.revises
    return claim.__class__(**{**_fields(claim), "id": prefix + claim.id, "revises": revises})


def _fields(claim: claims.Claim) -> dict[str, object]:
    import attrs

    return attrs.asdict(claim, recurse=False)


def _count_results(report: claims.Report) -> list[claims.CountResult]:
    return [r for e in report.results for r in e.counts]


@given(reconcilable_claims())
def test_every_current_figure_lies_inside_the_reported_range(found: list[claims.Claim]) -> None:
    report = rec(found)
    for result in _count_results(report):
        only_parts = all(c.role is Role.PART for c in result.figures_from)
        for contribution in result.figures_from:
            for figure in contribution.figures:
                if only_parts:  # floors: the range is the largest of them, open above
                    assert result.high.open and min(contribution.figures) <= result.high.value
                else:
                    assert result.low.value <= figure <= result.high.value
    superseded = {r.superseded for event in report.results for r in event.revisions}
    used = {i for res in _count_results(report) for c in res.contributions for i in c.claims}
    assert not superseded & used
    for claim in found:
        if (isinstance(claim.value, claims.Count) and claim.status is claims.Status.ASSERTED
                and claim.id not in superseded):
            assert claim.id in used


@given(reconcilable_claims())
def test_feasible_lies_inside_every_claim_and_is_empty_exactly_on_contradiction(
    found: list[claims.Claim],
) -> None:
    for result in _count_results(rec(found)):
        if result.feasible is None:
            assert result.contradiction is not None
            involved = [c for c in result.contributions
                        if set(c.claims) & set(result.contradiction.claims)]
            ceilings = [c for c in involved if c.bounds.high is not None]
            if len(involved) == 2:
                first, second = involved
                assert first.bounds.intersection(second.bounds) is None
            else:  # one statement's parts, added up, against a ceiling
                floors = [c for c in involved if c not in ceilings[:1]]
                assert len({c.source for c in floors}) == 1
                assert sum(c.bounds.low for c in floors) > min(
                    c.bounds.high for c in ceilings if c.bounds.high is not None)
            assert (result.grade is claims.reconciler.Grade.CONTESTED) == (
                result.severity is claims.reconciler.Severity.CONTRADICTED)
        else:
            assert result.contradiction is None
            for contribution in result.contributions:
                assert result.feasible.within(contribution.bounds)


@given(reconcilable_claims())
def test_contradicting_facts_are_exclusive_or_disjoint(found: list[claims.Claim]) -> None:
    """Two values of a fact contradict only when the vocabulary declares their categories
    exclusive, their times do not overlap, or one source denies what another asserts."""
    report = rec(found)
    vocabulary = RECONCILE_VOCABULARY
    for event in report.results:
        for fact in event.facts:
            for contradiction in fact.contradictions:
                involved = [report.claim(i) for i in contradiction.claims]
                assert len(involved) >= 2 and contradiction.reason
                statuses = {c.status for c in involved}
                values = {c.value for c in involved}
                if claims.Status.DENIED in statuses:
                    assert claims.Status.ASSERTED in statuses
                    continue
                terms = [v for v in values if isinstance(v, claims.Term)]
                times = [v for v in values if isinstance(v, claims.TimeSpan)]
                assert any(vocabulary.exclusion_between(a.id, b.id) is not None
                           for a in terms for b in terms) or any(
                    not a.overlaps(b) for a in times for b in times), contradiction
            if fact.consensus is not None:
                assert not fact.contradictions


@settings(max_examples=50)
@given(reconcilable_claims())
def test_reports_serialise_to_json(found: list[claims.Claim]) -> None:
    report = rec(found)
    data = json.loads(report.to_json())
    assert data == report.to_data()
    assert len(data["events"]) == len({c.event for c in found})


@given(reconcilable_claims(), reconcilable_claims(max_size=3))
def test_adding_claims_settles_again_only_what_they_touch(
    found: list[claims.Claim], more: list[claims.Claim]
) -> None:
    more = [_renamed(c, "new-") for c in more]
    before = rec(found)
    after = before.add(*more)
    touched = {(c.event, c.predicate) for c in more}
    old = {s.key: s for s in before.summaries}
    for summary in after.summaries:
        if summary.key not in touched:
            assert summary is old[summary.key]
    same(after, rec(found + more))


@given(reconcilable_claims(), st.integers(0, 50), st.integers(0, 50))
def test_a_later_claim_from_the_same_source_supersedes_the_earlier(
    found: list[claims.Claim], first: int, second: int
) -> None:
    import datetime as dt

    def on(day: int, ident: str, n: int) -> claims.Claim:
        return claims.Claim(
            id=ident, event="e1", predicate="killed", value=claims.Count.exact(n),
            scope=claims.Scope("child"), provenance=claims.Provenance(
                source="agency", quote="generated",
                published=claims.TimeSpan.on(dt.date(2021, 7, day), dt.UTC)))

    found = [c for c in found if c.provenance.source != "agency"]
    report = rec([*found, on(1, "old", first), on(2, "new", second)])
    result = report.count("e1", "killed", claims.Scope("child"))
    assert claims.reconciler.Revision("old", "new") in result.revisions
    assert all("old" not in c.claims for c in result.contributions)
    assert any("new" in c.claims for c in result.contributions)


@given(reconcilable_claims())
def test_ranges_are_the_numbers_the_full_results_explain(found: list[claims.Claim]) -> None:
    """``Report.ranges()`` gives each count group's numbers without building its explanation;
    they are exactly the numbers of that group's full result, group for group."""
    report = rec(found)
    ranges = list(report.ranges())
    results = [r for event in report.results for r in event.counts]
    assert sorted((g.key for g in ranges), key=_key_order) == sorted(
        (r.key for r in results), key=_key_order)
    by_key = {r.key: r for r in results}
    for numbers in ranges:
        result = by_key[numbers.key]
        assert (numbers.low, numbers.high, numbers.high_open) == (
            result.low.value, result.high.value, result.high.open)
        assert numbers.contradicted == (result.contradiction is not None)
        if result.feasible is None:
            assert (numbers.feasible_low, numbers.feasible_high) == (None, None)
        else:
            assert numbers.feasible_low is not None
            assert (numbers.feasible_low, numbers.feasible_high) == (
                result.feasible.low, result.feasible.high)


@given(reconcilable_claims())
def test_a_part_sets_no_end_where_a_figure_is_given(found: list[claims.Claim]) -> None:
    """A narrower claim that is only a part of a group (not its source's whole account) never
    becomes an end of the group's range while a direct claim or an account gives a figure."""
    for result in _count_results(rec(found)):
        accounts = [c for c in result.contributions if c.role in (Role.DIRECT, Role.ACCOUNT)]
        parts = {i for c in result.contributions if c.role is Role.PART for i in c.claims}
        if accounts:
            assert not parts & set(result.low.claims)
            assert not parts & set(result.high.claims)
        for contribution in result.contributions:
            if contribution.role in (Role.ACCOUNT, Role.PART):
                assert RECONCILE_VOCABULARY.scope_within(contribution.scope, result.key.scope)


@given(st.lists(st.tuples(st.sampled_from(_SCOPES_FOR_REVISIONS), st.integers(0, 40),
                          st.booleans()), min_size=1, max_size=6))
def test_a_source_never_contradicts_itself_by_revising(
        statements: list[tuple[claims.Scope, int, bool]]) -> None:
    """One source's statements, each published a day after the last: whatever they say, the
    later ones replace the earlier ones they conflict with, and nothing is contradicted."""
    found = []
    for day, (scope, figure, at_least) in enumerate(statements):
        count = claims.Count.at_least(figure) if at_least else claims.Count.exact(figure)
        published = claims.TimeSpan.on(dt.date(2021, 7, 1) + dt.timedelta(days=day), dt.UTC)
        found.append(claims.Claim(
            id=f"r{day}", event="e1", predicate="killed", value=count, scope=scope,
            provenance=claims.Provenance(source="monitor", quote=f"bulletin {day}",
                                         published=published)))
    report = rec(found)
    assert not [c for event in report.results for c in event.contradictions]
    latest = found[-1].id
    assert latest not in {r.superseded for res in _count_results(report) for r in res.revisions}
