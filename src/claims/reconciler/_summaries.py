"""Summaries: the claims about one predicate of one event, and what they settle to.

Everything here is a pure function of a set of claims (plus the vocabulary and sources), so
results do not depend on the order claims arrive in, and the union of two sets reconciles to
the merge of their summaries (see :class:`Summary`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from claims.errors import MergeError
from claims.model import Claim, Count, Scope, Status
from claims.reconciler._context import Context
from claims.reconciler._counts import CountGroup, count_groups
from claims.reconciler._facts import fact_results
from claims.reconciler._results import CountResult, FactResult, GroupRange, Revision


@attrs.frozen
class Settlement:
    """The results for one predicate of one event.

    Count groups keep their numbers ready (:attr:`ranges`) and build their full
    :class:`CountResult` on first use (:attr:`counts`).
    """

    groups: tuple[CountGroup, ...] = ()
    facts: tuple[FactResult, ...] = ()
    non_claims: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()
    context: Context | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ranges(self) -> tuple[GroupRange, ...]:
        """Each count group's numbers, without building its explanation."""
        return tuple(g.range for g in self.groups)

    @property
    def counts(self) -> tuple[CountResult, ...]:
        """Each count group's full result (built once, then kept)."""
        context = self.context or Context()
        return tuple(g.result(context) for g in self.groups)


def _unique(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """The claims by id, each once; one id for two different claims is refused."""
    ordered = sorted(claims, key=lambda c: c.id)
    kept: list[Claim] = []
    for claim in ordered:
        if kept and kept[-1].id == claim.id:
            if kept[-1] != claim:
                raise MergeError(f"claim id {claim.id!r} names two different claims: "
                                  f"{kept[-1]!r} and {claim!r}")
            continue
        kept.append(claim)
    return tuple(kept)


@attrs.frozen
class Summary:
    """All claims about one predicate of one event, and what they settle to.

    Summaries are the mergeable unit: merging two is taking the union of their claims
    (associative, commutative and idempotent), and only the merged summary is settled again.
    """

    event: str
    predicate: str
    claims: tuple[Claim, ...] = attrs.field(converter=_unique)
    """Sorted by id, each once."""
    context: Context = attrs.field(eq=False, repr=False)
    settlement: Settlement = attrs.field(
        init=False, eq=False, repr=False,
        default=attrs.Factory(lambda self: settle(self.claims, self.context), takes_self=True))

    @property
    def key(self) -> tuple[str, str]:
        return (self.event, self.predicate)

    def merge(self, other: Summary) -> Summary:
        """The summary of both sides' claims."""
        if other.key != self.key:
            raise MergeError(f"cannot merge summaries of {self.key} and {other.key}")
        return Summary(self.event, self.predicate, self.claims + other.claims, self.context)


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

