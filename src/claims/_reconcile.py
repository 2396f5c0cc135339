"""The reconciler: from the claims about one predicate of one event, what can be said.

Everything here is a pure function of a set of claims (plus the vocabulary and sources), so
results do not depend on the order claims arrive in, and the union of two sets reconciles to
the merge of their summaries (see :class:`Summary`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from claims._claim import Claim, Scope, Status
from claims._count import Bound, Count, Interval
from claims._errors import ClaimsError
from claims._results import (
    Contradiction,
    Contribution,
    CountResult,
    FactResult,
    FactValue,
    GroupKey,
    RangeEnd,
    Revision,
    Role,
)
from claims._source import Source
from claims._time import TimeSpan
from claims._values import ActorRef, PlaceRef, Term, Text, Value
from claims._vocabulary import Vocabulary


@attrs.frozen
class Context:
    """What reconciling needs besides the claims: the vocabulary, and the sources (for their
    names and for which party each speaks for)."""

    vocabulary: Vocabulary = attrs.Factory(Vocabulary)
    sources: tuple[Source, ...] = ()
    _by_id: dict[str, Source] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.sources})

    def name(self, source: str) -> str:
        """A source's display name (its id when it is not known)."""
        known = self._by_id.get(source)
        return known.name if known else source

    def party(self, source: str) -> str:
        """Whom a source speaks for: its affiliation, or itself. Sources of one party are not
        independent of one another (the U.S. government and the U.S. military)."""
        known = self._by_id.get(source)
        return known.affiliation if known and known.affiliation else source

    def with_sources(self, sources: Iterable[Source]) -> Context:
        """This context with more sources; an id that means two different sources is refused."""
        merged = dict(self._by_id)
        for source in sources:
            if merged.setdefault(source.id, source) != source:
                raise ClaimsError(f"source {source.id!r} differs between the two sides: "
                                  f"{merged[source.id]!r} and {source!r}")
        if len(merged) == len(self._by_id):
            return self
        return Context(self.vocabulary, tuple(sorted(merged.values(), key=lambda s: s.id)))


@attrs.frozen
class Settlement:
    """The results for one predicate of one event."""

    counts: tuple[CountResult, ...] = ()
    facts: tuple[FactResult, ...] = ()
    non_claims: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()


@attrs.frozen
class Summary:
    """All claims about one predicate of one event, and what they settle to.

    Summaries are the mergeable unit: merging two is taking the union of their claims
    (associative, commutative and idempotent), and only the merged summary is settled again.
    """

    event: str
    predicate: str
    claims: tuple[Claim, ...]
    context: Context = attrs.field(eq=False, repr=False)
    settlement: Settlement = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "claims", _unique(self.claims))
        object.__setattr__(self, "settlement", settle(self.claims, self.context))

    @property
    def key(self) -> tuple[str, str]:
        return (self.event, self.predicate)

    def merge(self, other: Summary) -> Summary:
        """The summary of both sides' claims."""
        if other.key != self.key:
            raise ClaimsError(f"cannot merge summaries of {self.key} and {other.key}")
        return Summary(self.event, self.predicate, self.claims + other.claims, self.context)


def _unique(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    by_id: dict[str, Claim] = {}
    for claim in claims:
        if by_id.setdefault(claim.id, claim) != claim:
            raise ClaimsError(
                f"claim id {claim.id!r} names two different claims: "
                f"{by_id[claim.id]!r} and {claim!r}"
            )
    return tuple(sorted(by_id.values(), key=lambda c: c.id))


# -- settling one predicate of one event -------------------------------------------------


def settle(claims: Sequence[Claim], context: Context) -> Settlement:
    """Reconcile the claims about one predicate of one event (sorted by id, ids unique)."""
    current, revisions = _supersede(claims)
    non_claims = tuple(c.id for c in current if c.status is Status.NOT_DISCLOSED)
    stated = [c for c in current if c.value is not None]
    if not stated:
        return Settlement(non_claims=non_claims)
    if all(isinstance(c.value, Count) for c in stated):
        denials = tuple(c.id for c in stated if c.status is Status.DENIED)
        asserted = [c for c in stated if c.status is Status.ASSERTED]
        counts = _count_results(asserted, revisions, context)
        return Settlement(counts=counts, non_claims=non_claims, denials=denials)
    return Settlement(facts=_fact_results(stated, revisions, context), non_claims=non_claims)


def _supersede(claims: Sequence[Claim]) -> tuple[list[Claim], list[Revision]]:
    """Drop claims that their own source replaced, about the same scope, by a claim published
    wholly later; keep the history. Claims whose publication time is unknown, or that
    overlap in time, all stand."""
    by_voice: dict[tuple[str, Scope], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_voice[(claim.source, claim.scope)].append(claim)
    current: list[Claim] = []
    revisions: list[Revision] = []
    for voice in by_voice.values():
        dated = [c for c in voice if c.provenance.published is not None]
        for claim in voice:
            later = [c for c in dated if _published_before(claim, c)]
            if not later:
                current.append(claim)
                continue
            newest = [c for c in later if not any(_published_before(c, d) for d in dated)]
            revisions.append(Revision(claim.id, min(c.id for c in newest)))
    current.sort(key=lambda c: c.id)
    revisions.sort(key=lambda r: (r.superseded, r.by))
    return current, revisions


def _published_before(first: Claim, second: Claim) -> bool:
    a, b = first.provenance.published, second.provenance.published
    return a is not None and b is not None and a.end <= b.start


# -- counts ----------------------------------------------------------------------------------


@attrs.frozen
class _Statement:
    """Claims that say the same thing from the same source (relays of one statement)."""

    claims: tuple[str, ...]
    source: str
    scope: Scope
    count: Count
    hedged: bool


def _statements(claims: Iterable[Claim]) -> list[_Statement]:
    grouped: dict[tuple[str, Scope, Count, bool], list[str]] = defaultdict(list)
    for claim in claims:
        assert isinstance(claim.value, Count)
        grouped[(claim.source, claim.scope, claim.value, claim.hedged)].append(claim.id)
    return sorted(
        (_Statement(tuple(sorted(ids)), source, scope, count, hedged)
         for (source, scope, count, hedged), ids in grouped.items()),
        key=lambda s: s.claims,
    )


def _scope_order(scope: Scope) -> tuple[str, str, str]:
    return (scope.category or "", scope.actor or "", scope.place or "")


def _count_results(claims: list[Claim], revisions: list[Revision],
                   context: Context) -> tuple[CountResult, ...]:
    if not claims:
        return ()
    event, predicate = claims[0].event, claims[0].predicate
    statements = _statements(claims)
    vocabulary = context.vocabulary
    scopes = {s.scope for s in statements}
    for scope in list(scopes):
        summary = vocabulary.summary_category(scope.category)
        if summary is not None:
            scopes.add(Scope(category=summary))
    scope_of = {c.id: c.scope for c in claims}
    results = []
    for scope in sorted(scopes, key=_scope_order):
        key = GroupKey(event, predicate, scope)
        own = tuple(r for r in revisions if scope_of.get(r.by) == scope)
        result = _count_result(key, statements, own, context)
        if result is not None:
            results.append(result)
    return tuple(results)


def _contribution(statement: _Statement, scope: Scope,
                  vocabulary: Vocabulary) -> Contribution | None:
    stated = statement.count.interval
    if statement.scope == scope:
        role, bounds = Role.DIRECT, stated
    elif vocabulary.scope_within(statement.scope, scope):
        role, bounds = Role.NARROWER, Interval(stated.low, None)
    elif vocabulary.scope_within(scope, statement.scope) and stated.high is not None:
        role, bounds = Role.BROADER, Interval(0, stated.high)
    else:
        return None
    return Contribution(
        claims=statement.claims, source=statement.source, scope=statement.scope, role=role,
        stated=stated,
        bounds=bounds, wording=str(statement.count), hedged=statement.hedged,
        vague=statement.count.bound is Bound.VAGUE,
    )


def _count_result(key: GroupKey, statements: list[_Statement], revisions: tuple[Revision, ...],
                  context: Context) -> CountResult | None:
    contributions = [
        c for c in (_contribution(s, key.scope, context.vocabulary) for s in statements)
        if c is not None
    ]
    figures = [c for c in contributions if c.role is not Role.BROADER]
    if not figures:
        return None
    low = min(c.stated.low for c in figures)
    tops = {id(c): c.stated.high if c.stated.high is not None else c.stated.low
            for c in figures}
    high = max(tops.values())
    at_high = [c for c in figures if tops[id(c)] == high]
    feasible: Interval | None = Interval(0, None)
    for contribution in contributions:
        feasible = feasible.intersection(contribution.bounds) if feasible else None
    sources = tuple(sorted({c.source for c in figures}))
    return CountResult(
        key=key,
        contributions=tuple(contributions),
        low=RangeEnd(low, _ids(c for c in figures if c.stated.low == low)),
        high=RangeEnd(high, _ids(at_high), open=any(c.stated.high is None for c in at_high)),
        feasible=feasible,
        contradiction=None if feasible is not None else _count_conflict(key, contributions,
                                                                        context),
        sources=sources,
        independent=len({context.party(s) for s in sources}),
        revisions=revisions,
    )


def _ids(contributions: Iterable[Contribution]) -> tuple[str, ...]:
    return tuple(sorted(i for c in contributions for i in c.claims))


def _count_conflict(key: GroupKey, contributions: list[Contribution],
                    context: Context) -> Contradiction:
    """The statement with the highest lower bound against the one with the lowest upper
    (the first in claim-id order on a tie)."""
    floor = max(contributions, key=lambda c: c.bounds.low)
    ceiling = min((c for c in contributions if c.bounds.high is not None),
                  key=lambda c: c.bounds.high or 0)
    describe = context.vocabulary.describe_scope

    def voice(c: Contribution) -> str:
        return (f"{context.name(c.source)} says {c.wording} {describe(c.scope)} "
                f"{key.predicate} ({', '.join(c.claims)})")

    reason = (f"{voice(floor)}, so at least {floor.bounds.low} {describe(key.scope)}; "
              f"{voice(ceiling)}, so at most {ceiling.bounds.high}")
    return Contradiction(key, _ids([floor, ceiling]), reason)


# -- facts (terms, actors, places, times, text) ------------------------------------------


def _bare(value: Value) -> Value:
    """The value without the source's wording, so that spellings of one value group together."""
    if isinstance(value, Text | Count):
        return value
    return attrs.evolve(value, wording=None)


def _fact_results(claims: list[Claim], revisions: list[Revision],
                  context: Context) -> tuple[FactResult, ...]:
    by_scope: dict[Scope, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_scope[claim.scope].append(claim)
    scope_of = {c.id: c.scope for c in claims}
    results = []
    for scope in sorted(by_scope, key=_scope_order):
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
            revisions=tuple(r for r in revisions if scope_of.get(r.by) == scope),
        ))
    return tuple(results)


def _fact_values(claims: list[Claim]) -> tuple[FactValue, ...]:
    grouped: dict[tuple[Value, Status], list[Claim]] = defaultdict(list)
    for claim in claims:
        assert claim.value is not None
        grouped[(_bare(claim.value), claim.status)].append(claim)
    return tuple(
        FactValue(value, tuple(c.id for c in group), tuple(sorted({c.source for c in group})),
                  status, any(c.hedged for c in group))
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
    for index, first in enumerate(values):
        for second in values[index + 1:]:
            relation, why = _relation(first.value, second.value, vocabulary)
            denial = Status.DENIED in (first.status, second.status)
            if denial and first.status != second.status and relation == "agree":
                asserted, denied = (first, second) if second.status is Status.DENIED else (
                    second, first)
                why = (f"{_voices(asserted, context)}: "
                       f"{vocabulary.describe_value(asserted.value)}; "
                       f"{_voices(denied, context)} deny it")
            elif denial or relation != "contradict":
                continue
            else:
                words = vocabulary.describe_value
                why = (f"{_voices(first, context)}: {words(first.value)}, but "
                       f"{_voices(second, context)}: {words(second.value)} ({why})")
            found.append(Contradiction(key, tuple(sorted(first.claims + second.claims)), why))
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
        return TimeSpan(start.astimezone(finest.start.tzinfo), end.astimezone(finest.end.tzinfo),
                        finest.precision)
    # Pairwise agreement of references means they form a chain; the deepest is within all.
    return max(asserted, key=lambda v: _depth(v, vocabulary))


def _depth(value: Value, vocabulary: Vocabulary) -> int:
    if isinstance(value, Term):
        return len(vocabulary.category_lineage(value.id))
    if isinstance(value, ActorRef):
        return len(vocabulary.actor_lineage(value.id))
    if isinstance(value, PlaceRef):
        return len(vocabulary.place_lineage(value.id))
    return 0


def summarize(claims: Iterable[Claim], context: Context) -> dict[tuple[str, str], Summary]:
    """Claims grouped into one summary per event and predicate."""
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.event, claim.predicate)].append(claim)
    return {key: Summary(key[0], key[1], tuple(group), context)
            for key, group in grouped.items()}

