"""Facts: what sources say of targets, actors, places, times and evaluations, where those agree
(the same value, or one within the other) and where they cannot all be right."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import attrs

from claims.model import (
    ActorRef,
    Claim,
    Count,
    PlaceRef,
    Scope,
    Status,
    Term,
    Text,
    TimeSpan,
    Value,
    Vocabulary,
)
from claims.reconciler._context import Context
from claims.reconciler._plans import scope_order
from claims.reconciler._results import (
    Contradiction,
    ContradictionKind,
    FactResult,
    FactValue,
    GroupKey,
    Revision,
)
from claims.reconciler._words import describe_value


def _bare(value: Value) -> Value:
    """The value without the source's wording, so that spellings of one value group together."""
    if isinstance(value, Text | Count):
        return value
    return attrs.evolve(value, wording=None)


def fact_results(claims: list[Claim], revisions: list[Revision],
                  context: Context) -> tuple[FactResult, ...]:
    by_scope: dict[Scope, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_scope[claim.scope].append(claim)
    results = []
    for scope in sorted(by_scope, key=scope_order):
        group = by_scope[scope]
        key = GroupKey(group[0].event, group[0].predicate, scope)
        values = _fact_values(group)
        contradictions = _fact_conflicts(key, values, context)
        sources = tuple(sorted({c.source for c in group}))
        results.append(FactResult(
            key=key,
            values=values,
            consensus=None if contradictions else _consensus(values, context.vocabulary),
            contradictions=contradictions,
            sources=sources,
            independent=len({context.party(s) for s in sources}),
            revisions=tuple(r for r in revisions if scope in (r.scope, r.by_scope)),
        ))
    return tuple(results)


def _fact_values(claims: list[Claim]) -> tuple[FactValue, ...]:
    grouped: dict[tuple[Value, Status], list[Claim]] = defaultdict(list)
    for claim in claims:
        assert claim.value is not None
        grouped[(_bare(claim.value), claim.status)].append(claim)
    return tuple(
        FactValue(value, tuple(c.id for c in group), tuple(sorted({c.source for c in group})),
                  status, tuple(c.id for c in group if c.hedged))
        for (value, status), group in grouped.items()
    )


def _relation(first: Value, second: Value, vocabulary: Vocabulary) -> tuple[str, str]:
    """("agree" | "differ" | "contradict", why) for two values of one fact."""
    if first == second:
        return "agree", "the same value"
    if isinstance(first, Term) and isinstance(second, Term):
        within = vocabulary.category_within
        if within(first.id, second.id) or within(second.id, first.id):
            return "agree", "one is a kind of the other"
        exclusion = vocabulary.exclusion_between(first.id, second.id)
        if exclusion is not None:
            return "contradict", exclusion.reason or (
                f"{' and '.join(exclusion.categories)} exclude one another")
        return "differ", "different categories"
    if isinstance(first, ActorRef) and isinstance(second, ActorRef):
        within = vocabulary.actor_within
        if within(first.id, second.id) or within(second.id, first.id):
            return "agree", "one belongs to the other"
        return "differ", "different actors"
    if isinstance(first, PlaceRef) and isinstance(second, PlaceRef):
        within = vocabulary.place_within
        if within(first.id, second.id) or within(second.id, first.id):
            return "agree", "one place lies within the other"
        return "differ", "different places"
    if isinstance(first, TimeSpan) and isinstance(second, TimeSpan):
        if first.overlaps(second):
            return "agree", "the times overlap"
        return "contradict", (f"{first.describe()} and {second.describe()} do not overlap, "
                              "compared in one time zone")
    return "differ", "different values"


def _fact_conflicts(key: GroupKey, values: tuple[FactValue, ...],
                    context: Context) -> tuple[Contradiction, ...]:
    vocabulary = context.vocabulary
    found = []
    accounts: dict[str, list[Value]] = {}
    for value in values:
        if value.status is Status.ASSERTED:
            for source in value.sources:
                accounts.setdefault(source, []).append(value.value)

    def reconcilable(first: FactValue, second: FactValue) -> bool:
        """Whether every pair of sources behind the two values has some value in common:
        an account may name several sites, and one that names the airport and the army post
        agrees with one that names the airport."""
        return all(s == t or any(_relation(a, b, vocabulary)[0] == "agree"
                                 for a in accounts.get(s, ()) for b in accounts.get(t, ()))
                   for s in first.sources for t in second.sources)

    for index, first in enumerate(values):
        for second in values[index + 1:]:
            relation, why = _relation(first.value, second.value, vocabulary)
            if relation == "contradict" and reconcilable(first, second):
                continue
            denial = Status.DENIED in (first.status, second.status)
            if denial and first.status != second.status and relation == "agree":
                asserted, denied = (first, second) if second.status is Status.DENIED else (
                    second, first)
                why = (f"{_voices(asserted, context)}: "
                       f"{describe_value(vocabulary, asserted.value)}; "
                       f"{_voices(denied, context)} deny it")
            elif denial or relation != "contradict":
                continue
            else:
                why = (f"{_voices(first, context)}: {describe_value(vocabulary, first.value)}, "
                       f"but {_voices(second, context)}: "
                       f"{describe_value(vocabulary, second.value)} ({why})")
            found.append(Contradiction(key, tuple(sorted(first.claims + second.claims)), why,
                                       ContradictionKind.FACTS))
    return tuple(found)


def _voices(value: FactValue, context: Context) -> str:
    return " and ".join(context.name(s) for s in value.sources) + f" ({', '.join(value.claims)})"


def _consensus(values: tuple[FactValue, ...], vocabulary: Vocabulary) -> Value | None:
    """The most specific value that every asserted value agrees with, if they all agree."""
    asserted = [v.value for v in values if v.status is Status.ASSERTED]
    if not asserted:
        return None
    if any(_relation(a, b, vocabulary)[0] != "agree"
           for i, a in enumerate(asserted) for b in asserted[i + 1:]):
        return None
    if all(isinstance(v, TimeSpan) for v in asserted):
        spans = [v for v in asserted if isinstance(v, TimeSpan)]
        start = max(s.start for s in spans)
        end = min(s.end for s in spans)
        finest = min(spans, key=lambda s: s.end - s.start)
        return TimeSpan(_in_zone(start, finest.start.tzinfo), _in_zone(end, finest.end.tzinfo),
                        finest.precision)
    # Pairwise agreement of references means they form a chain; the deepest is within all.
    return max(asserted, key=lambda v: _depth(v, vocabulary))


def _in_zone(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """``moment`` written in ``zone``, as the finest span writes it; in its own zone where
    that one would put it past the year 9999 (or before the year 1), which no datetime holds
    (a span ending at 9999-12-31T23:59:59+00:00 is 10000-01-01 at +14:00)."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment


def _depth(value: Value, vocabulary: Vocabulary) -> int:
    if isinstance(value, Term):
        return len(vocabulary.category_lineage(value.id))
    if isinstance(value, ActorRef):
        return len(vocabulary.actor_lineage(value.id))
    if isinstance(value, PlaceRef):
        return len(vocabulary.place_lineage(value.id))
    return 0
