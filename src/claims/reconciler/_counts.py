"""Count groups: the numbers of each group worked out eagerly and cheaply, the explanation
(which claims, in which role, why they conflict) built only when someone looks at it.

A million claims settle to a few hundred thousand groups; each needs only a handful of integer
comparisons to get its range and feasible interval, while its :class:`CountResult` holds a
dozen objects. :meth:`CountGroup.result` builds those on first use and keeps them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from claims.model import Bound, Claim, Count, Interval, Scope
from claims.reconciler._context import Context
from claims.reconciler._results import (
    Contradiction,
    Contribution,
    CountResult,
    GroupKey,
    GroupRange,
    RangeEnd,
    Revision,
    Role,
)
from claims.reconciler._words import describe_scope


class _Statement(NamedTuple):
    """Claims that say the same thing from the same source (relays of one statement)."""

    claims: tuple[str, ...]
    source: str
    scope: Scope
    value: Count
    hedged: bool

    def contribution(self, role: Role) -> Contribution:
        count = self.value
        stated = count.interval
        if role is Role.DIRECT:
            bounds = stated
        elif role is Role.NARROWER:
            bounds = Interval(count.low)
        else:
            bounds = Interval(0, count.high)
        return Contribution(
            claims=self.claims, source=self.source, scope=self.scope, role=role, stated=stated,
            figures=count.figures, bounds=bounds, wording=str(count), hedged=self.hedged,
            vague=count.bound is Bound.VAGUE,
        )


def _statements(claims: Iterable[Claim]) -> list[_Statement]:
    """One statement per source, scope, count and hedge; claims come in id order, and so do
    the ids of each statement."""
    grouped: dict[tuple[str, Scope, Count, bool], list[str]] = defaultdict(list)
    for claim in claims:
        assert isinstance(claim.value, Count)
        hedge = claim.hedge
        hedged = hedge is not None and hedge.weakens
        grouped[(claim.provenance.source, claim.scope, claim.value, hedged)].append(claim.id)
    return [_Statement(tuple(ids), *key) for key, ids in grouped.items()]


class CountGroup:
    """One count group: its :class:`GroupRange` now, its :class:`CountResult` when asked."""

    __slots__ = ("_result", "by_scope", "range", "revisions", "roles")

    def __init__(self, numbers: GroupRange, roles: tuple[tuple[Scope, Role], ...],
                 by_scope: dict[Scope, list[Claim]], revisions: tuple[Revision, ...]) -> None:
        self.range, self.roles, self.by_scope, self.revisions = (
            numbers, roles, by_scope, revisions)
        self._result: CountResult | None = None

    def result(self, context: Context) -> CountResult:
        """The full result, with every contribution, the claims at each end and any conflict."""
        if self._result is None:
            self._result = _explain(self, context)
        return self._result


def count_groups(claims: list[Claim], revisions: list[Revision],
                 context: Context) -> tuple[CountGroup, ...]:
    """The groups of one predicate of one event: every scope a claim states, and the summary
    category each lies within. A narrower statement bounds a group from below, a broader one
    from above."""
    if not claims:
        return ()
    event, predicate = claims[0].event, claims[0].predicate
    by_scope: dict[Scope, list[Claim]] = {}
    for claim in claims:
        by_scope.setdefault(claim.scope, []).append(claim)
    groups = []
    for scope, roles in context.plan(frozenset(by_scope)):
        low = high = floor = -1
        ceiling: int | None = None
        high_open = False
        for other, role in roles:
            for claim in by_scope[other]:
                count = claim.value
                assert isinstance(count, Count)
                if role is not Role.BROADER:
                    if low < 0 or count.least < low:
                        low = count.least
                    if count.most > high:
                        high, high_open = count.most, count.high is None
                    elif count.most == high and count.high is None:
                        high_open = True
                    if count.low > floor:
                        floor = count.low
                if role is not Role.NARROWER and count.high is not None and (
                        ceiling is None or count.high < ceiling):
                    ceiling = count.high
        if low < 0:
            continue  # only broader claims: nothing is said of this scope itself
        contradicted = ceiling is not None and floor > ceiling
        numbers = GroupRange(GroupKey(event, predicate, scope), low, high, high_open,
                             None if contradicted else floor, None if contradicted else ceiling,
                             contradicted)
        own = tuple(r for r in revisions if r.scope == scope) if revisions else ()
        groups.append(CountGroup(numbers, roles, by_scope, own))
    return tuple(groups)


def _ids(contributions: Iterable[Contribution]) -> tuple[str, ...]:
    return tuple(sorted(i for c in contributions for i in c.claims))


def _explain(group: CountGroup, context: Context) -> CountResult:
    numbers = group.range
    role_of = dict(group.roles)
    related = sorted(
        ((s, role_of[s.scope]) for s in _statements(
            c for scope in role_of for c in group.by_scope[scope]
            if role_of[scope] is not Role.BROADER or c.value.high is not None)),  # type: ignore[union-attr]
        key=lambda pair: pair[0].claims)
    contributions = [s.contribution(role) for s, role in related]
    figures = [c for c in contributions if c.role is not Role.BROADER]
    at_high = [c for c in figures if max(c.figures) == numbers.high]
    sources = tuple(sorted({c.source for c in figures}))
    feasible = None if numbers.contradicted else Interval(numbers.feasible_low or 0,
                                                          numbers.feasible_high)
    return CountResult(
        key=numbers.key,
        contributions=tuple(contributions),
        low=RangeEnd(numbers.low, _ids(c for c in figures if min(c.figures) == numbers.low)),
        high=RangeEnd(numbers.high, _ids(at_high), open=numbers.high_open),
        feasible=feasible,
        contradiction=_conflict(numbers.key, contributions, context)
        if numbers.contradicted else None,
        sources=sources,
        independent=len({context.party(s) for s in sources}),
        revisions=group.revisions,
    )


def _conflict(key: GroupKey, contributions: list[Contribution],
              context: Context) -> Contradiction:
    """The statement with the highest lower bound against the one with the lowest upper
    (the first in claim-id order on a tie)."""
    floor = max(contributions, key=lambda c: c.bounds.low)
    ceiling = min((c for c in contributions if c.bounds.high is not None),
                  key=lambda c: c.bounds.high or 0)
    vocabulary = context.vocabulary

    def describe(scope: Scope) -> str:
        return describe_scope(vocabulary, scope)

    def voice(c: Contribution) -> str:
        return (f"{context.name(c.source)} says {c.wording} {describe(c.scope)} "
                f"{key.predicate} ({', '.join(c.claims)})")

    reason = (f"{voice(floor)}, so at least {floor.bounds.low} {describe(key.scope)}; "
              f"{voice(ceiling)}, so at most {ceiling.bounds.high}")
    return Contradiction(key, _ids([floor, ceiling]), reason)
