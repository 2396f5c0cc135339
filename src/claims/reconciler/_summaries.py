"""Summaries: the claims about one predicate of one event, and what they settle to.

Everything here is a pure function of a set of claims (plus the vocabulary and sources), so
results do not depend on the order claims arrive in, and the union of two sets reconciles to
the merge of their summaries (see :class:`Summary`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import attrs

from claims.errors import MergeError
from claims.model import Bound, Claim, Count, Scope, Status
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
    revisions: tuple[Revision, ...] = ()
    context: Context | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ranges(self) -> tuple[GroupRange, ...]:
        """Each count group's numbers, without building its explanation."""
        return tuple(g.range for g in self.groups)

    @property
    def counts(self) -> tuple[CountResult, ...]:
        """Each count group's full result (built once, then kept), with the disputes in the
        groups within it (``disputed_within``)."""
        context = self.context or Context()
        results = [g.result(context) for g in self.groups]
        disputed = [r for r in results if r.contradiction is not None]
        if not disputed or len(results) < 2:
            return tuple(results)
        within = context.vocabulary.scope_within
        for group, result in zip(self.groups, results, strict=True):
            found = tuple({
                other.contradiction.claims: other.contradiction for other in disputed
                if other is not result and other.contradiction is not None
                and within(other.key.scope, result.key.scope)
                and (result.contradiction is None
                     or other.contradiction.claims != result.contradiction.claims)}.values())
            if found != result.disputed_within:
                group.keep(attrs.evolve(result, disputed_within=found))
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
    if all(c.value is None or type(c.value) is Count for c in claims):
        return _settle_counts(claims, context)
    non_claims = tuple(c.id for c in claims if c.status is Status.NOT_DISCLOSED)
    stated = [c for c in claims if c.value is not None]
    current, revisions = _supersede(stated, counts=False, context=context)
    return Settlement(facts=fact_results(current, revisions, context), non_claims=non_claims,
                      revisions=tuple(revisions), context=context)


def _settle_counts(claims: Sequence[Claim], context: Context) -> Settlement:
    standing: list[Claim] = []
    non_claims: list[str] = []
    unbounded: list[str] = []  # denials whose complement is no single range
    for claim in claims:
        if claim.status is Status.ASSERTED:
            standing.append(claim)
        elif claim.status is Status.NOT_DISCLOSED:
            non_claims.append(claim.id)
        else:
            assert isinstance(claim.value, Count)
            left = denial_leaves(claim.value)
            if left is None:
                unbounded.append(claim.id)
            else:
                standing.append(attrs.evolve(claim, value=left))
    current, revisions = _supersede(standing, counts=True, context=context)
    groups = count_groups(current, revisions, context)
    return Settlement(groups, non_claims=tuple(non_claims), denials=tuple(unbounded),
                      revisions=tuple(revisions), context=context)


def denial_leaves(count: Count) -> Count | None:
    """What a denial of ``count`` still allows, when that is one range: denying "at least 1"
    (or "any deaths") leaves exactly 0; denying "more than 10" leaves at most 10; denying "at
    most 5" leaves at least 6. Denying an exact figure above 0 or a range that starts above 0
    leaves two ranges ("not 5": 0-4 or 6 and more); that bounds nothing (None)."""
    words = f"denies {count}"
    if count.high is None:
        if count.low == 0:
            return None  # denying "0 or more" denies every number: nothing left to bound
        if count.low == 1:
            return Count.exact(0, words)
        return Count(0, count.low - 1, Bound.AT_MOST, wording=words)
    if count.low == 0:
        return Count(count.high + 1, None, Bound.AT_LEAST, wording=words)
    return None


def _supersede(claims: Sequence[Claim], *, counts: bool,
               context: Context) -> tuple[list[Claim], list[Revision]]:
    """Drop claims that their own source replaced by a later one, and keep the history.

    A later claim (published wholly after, or naming the earlier one in ``revises``)
    replaces its source's earlier claim about the same scope; about a nested scope, it
    replaces the earlier one only when the two conflict ("17 people" on day 1, "22 fighters"
    on day 2). Claims whose order is unknown all stand; a non-claim replaces nothing, since
    declining to repeat a figure is no retraction.
    """
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.provenance.source].append(claim)
    if len(by_source) == len(claims):  # no source spoke twice
        return list(claims), []
    current: list[Claim] = []
    revisions: list[Revision] = []
    within = context.vocabulary.scope_within
    for voice in by_source.values():
        if len(voice) == 1:
            current.extend(voice)
            continue
        for claim in voice:
            later = [c for c in voice if c is not claim and _before(claim, c)
                     and _replaces(c, claim, counts, within)]
            if not later:
                current.append(claim)
                continue
            newest = [c for c in later if not any(_before(c, d) for d in later)]
            by = min(newest or later, key=lambda c: c.id)
            revisions.append(Revision(claim.id, by.id, claim.scope, by.scope))
    current.sort(key=lambda c: c.id)
    revisions.sort(key=lambda r: (r.superseded, r.by))
    return current, revisions


def _before(first: Claim, second: Claim) -> bool:
    """Whether ``second`` came after ``first``: it says it revises it, or it was published
    wholly after it."""
    if second.revises == first.id:
        return True
    a, b = first.provenance.published, second.provenance.published
    return a is not None and b is not None and a.end <= b.start and first.revises != second.id


def _replaces(later: Claim, earlier: Claim, counts: bool,
              within: Callable[[Scope, Scope], bool]) -> bool:
    if later.revises == earlier.id or later.scope == earlier.scope:
        return True
    if not counts:
        return False
    new, old = later.value, earlier.value
    assert isinstance(new, Count) and isinstance(old, Count)
    if within(later.scope, earlier.scope):  # narrower now: more than the whole said before
        return old.high is not None and new.low > old.high
    if within(earlier.scope, later.scope):  # broader now: less than a part said before
        return new.high is not None and old.low > new.high
    return False


def summarize(claims: Iterable[Claim], context: Context) -> dict[tuple[str, str], Summary]:
    """Claims grouped into one summary per event and predicate."""
    grouped: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.event, claim.predicate)].append(claim)
    return {key: Summary(key[0], key[1], tuple(group), context)
            for key, group in grouped.items()}

