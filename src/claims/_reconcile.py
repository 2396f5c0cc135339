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
from claims._count import Count
from claims._counts import CountGroup, Figure, Plan, count_groups, plan_groups
from claims._errors import ClaimsError
from claims._facts import fact_results
from claims._results import CountResult, FactResult, Revision
from claims._source import Source
from claims._vocabulary import Vocabulary


@attrs.frozen
class Context:
    """What reconciling needs besides the claims: the vocabulary, and the sources (for their
    names and for which party each speaks for)."""

    vocabulary: Vocabulary = attrs.Factory(Vocabulary)
    sources: tuple[Source, ...] = ()
    _by_id: dict[str, Source] = attrs.field(init=False, repr=False, eq=False)
    _plans: dict[frozenset[Scope], Plan] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.sources})
        object.__setattr__(self, "_plans", {})

    def name(self, source: str) -> str:
        """A source's display name (its id when it is not known)."""
        known = self._by_id.get(source)
        return known.name if known else source

    def party(self, source: str) -> str:
        """Whom a source speaks for: its affiliation, or itself. Sources of one party are not
        independent of one another (the U.S. government and the U.S. military)."""
        known = self._by_id.get(source)
        return known.affiliation if known and known.affiliation else source

    def plan(self, scopes: frozenset[Scope]) -> Plan:
        """The groups for a set of stated scopes (see :func:`plan_groups`), remembered."""
        plan = self._plans.get(scopes)
        if plan is None:
            plan = self._plans[scopes] = plan_groups(scopes, self.vocabulary)
        return plan

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
    """The results for one predicate of one event.

    Count groups keep their numbers ready (:attr:`figures`) and build their full
    :class:`CountResult` on first use (:attr:`counts`).
    """

    groups: tuple[CountGroup, ...] = ()
    facts: tuple[FactResult, ...] = ()
    non_claims: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()
    context: Context | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Each count group's numbers, without building its explanation."""
        return tuple(g.figure for g in self.groups)

    @property
    def counts(self) -> tuple[CountResult, ...]:
        """Each count group's full result (built once, then kept)."""
        context = self.context or Context()
        return tuple(g.result(context) for g in self.groups)


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
    """The claims by id, each once; one id for two different claims is refused."""
    ordered = sorted(claims, key=lambda c: c.id)
    kept: list[Claim] = []
    for claim in ordered:
        if kept and kept[-1].id == claim.id:
            if kept[-1] != claim:
                raise ClaimsError(f"claim id {claim.id!r} names two different claims: "
                                  f"{kept[-1]!r} and {claim!r}")
            continue
        kept.append(claim)
    return tuple(kept)


# -- settling one predicate of one event -------------------------------------------------


def settle(claims: Sequence[Claim], context: Context) -> Settlement:
    """Reconcile the claims about one predicate of one event (sorted by id, ids unique)."""
    current, revisions = _supersede(claims)
    asserted: list[Claim] = []
    others: list[Claim] = []  # denials and non-claims, the rare case
    counts = True
    for claim in current:
        (asserted if claim.status is Status.ASSERTED else others).append(claim)
        counts = counts and (claim.value is None or type(claim.value) is Count)
    non_claims = tuple(c.id for c in others if c.status is Status.NOT_DISCLOSED)
    if counts:
        denials = tuple(c.id for c in others if c.status is Status.DENIED)
        groups = count_groups(asserted, revisions, context)
        return Settlement(groups, non_claims=non_claims, denials=denials, context=context)
    stated = [c for c in current if c.value is not None]
    return Settlement(facts=fact_results(stated, revisions, context), non_claims=non_claims,
                      context=context)


def _supersede(claims: Sequence[Claim]) -> tuple[list[Claim], list[Revision]]:
    """Drop claims that their own source replaced, about the same scope, by a claim published
    wholly later; keep the history. Claims whose publication time is unknown, or that
    overlap in time, all stand."""
    by_voice: dict[tuple[str, Scope], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_voice[(claim.provenance.source, claim.scope)].append(claim)
    if len(by_voice) == len(claims):  # no source spoke twice of one scope
        return list(claims), []
    current: list[Claim] = []
    revisions: list[Revision] = []
    for voice in by_voice.values():
        if len(voice) == 1:
            current.extend(voice)
            continue
        dated = [c for c in voice if c.provenance.published is not None]
        for claim in voice:
            later = [c for c in dated if _published_before(claim, c)]
            if not later:
                current.append(claim)
                continue
            newest = [c for c in later if not any(_published_before(c, d) for d in dated)]
            revisions.append(Revision(claim.id, min(c.id for c in newest), claim.scope))
    current.sort(key=lambda c: c.id)
    revisions.sort(key=lambda r: (r.superseded, r.by))
    return current, revisions


def _published_before(first: Claim, second: Claim) -> bool:
    a, b = first.provenance.published, second.provenance.published
    return a is not None and b is not None and a.end <= b.start


def summarize(claims: Iterable[Claim], context: Context) -> dict[tuple[str, str], Summary]:
    """Claims grouped into one summary per event and predicate."""
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.event, claim.predicate)].append(claim)
    return {key: Summary(key[0], key[1], tuple(group), context)
            for key, group in grouped.items()}

