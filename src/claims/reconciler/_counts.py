"""Count groups: the numbers of each group worked out eagerly and cheaply, the explanation
(which claims, in which role, why they conflict) built only when someone looks at it.

A million claims settle to a few hundred thousand groups; each needs only a handful of integer
comparisons to get its range and feasible interval, while its :class:`CountResult` holds a
dozen objects. :meth:`CountGroup.result` builds those on first use and keeps them.

The rules (``docs/reconciliation.md`` states them with worked examples):

- The range spans the group's *figures*: direct statements, and narrower statements that are
  their source's whole account of the group (:attr:`Role.ACCOUNT`). A part of the group
  (:attr:`Role.PART`) is only a floor; it sets the range only when nothing else gives one.
- The feasible interval is what every statement allows: direct statements bound it from both
  sides, narrower ones from below (the parts one statement gives on different branches of the
  hierarchy add up), broader ones from above.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import attrs

from claims.model import Bound, Claim, Count, Interval, Scope, Status
from claims.reconciler._context import Context
from claims.reconciler._plans import Reach
from claims.reconciler._results import (
    Contradiction,
    ContradictionKind,
    Contribution,
    CountResult,
    GroupKey,
    GroupRange,
    RangeEnd,
    Revision,
    Role,
)
from claims.reconciler._severity import POINT_BOUNDS, Severity
from claims.reconciler._words import describe_scope

Statement = tuple[str, str]
"""(source, quote): the claims read from one statement."""


def _statement(claim: Claim) -> Statement:
    return (claim.provenance.source, claim.provenance.quote)


class _Voice(NamedTuple):
    """Claims that say the same thing from the same source (relays of one statement)."""

    claims: tuple[str, ...]
    source: str
    scope: Scope
    value: Count
    hedged: bool
    denied: bool
    published: dt.datetime | None = None
    quote: str = ""

    def contribution(self, role: Role, reading: str, name: str = "") -> Contribution:
        count = self.value
        stated = count.interval
        if role is Role.DIRECT:
            bounds = stated
        elif role is Role.BROADER:
            bounds = Interval(0, count.high)
        else:
            bounds = Interval(count.low)
        return Contribution(
            claims=self.claims, source=self.source, scope=self.scope, role=role, stated=stated,
            figures=count.figures, bounds=bounds, wording=str(count), hedged=self.hedged,
            vague=count.bound is Bound.VAGUE, reading=reading, denied=self.denied,
            bound=count.bound, name=name or self.source, published=self.published,
            quote=self.quote,
        )


def _voices(claims: Iterable[Claim]) -> list[_Voice]:
    """One voice per source, scope, count and hedge; claims come in id order, and so do
    the ids of each voice. A voice was published when its latest claim was."""
    grouped: dict[tuple[str, Scope, Count, bool, bool], list[Claim]] = defaultdict(list)
    for claim in claims:
        assert isinstance(claim.value, Count)
        hedge = claim.hedge
        hedged = hedge is not None and hedge.weakens
        key = (claim.provenance.source, claim.scope, claim.value, hedged,
               claim.status is Status.DENIED)
        grouped[key].append(claim)
    voices = []
    for key, members in grouped.items():
        ends = [c.provenance.published.end for c in members if c.provenance.published]
        voices.append(_Voice(tuple(c.id for c in members), *key, max(ends) if ends else None,
                             members[0].provenance.quote))
    return voices


class CountGroup:
    """One count group: its :class:`GroupRange` now, its :class:`CountResult` when asked."""

    __slots__ = ("_result", "by_scope", "range", "revisions", "roles")

    def __init__(self, numbers: GroupRange, roles: tuple[tuple[Scope, Reach], ...],
                 by_scope: dict[Scope, list[Claim]], revisions: tuple[Revision, ...]) -> None:
        self.range, self.roles, self.by_scope, self.revisions = (
            numbers, roles, by_scope, revisions)
        self._result: CountResult | None = None

    def result(self, context: Context) -> CountResult:
        """The full result, with every contribution, the claims at each end and any conflict."""
        if self._result is None:
            self._result = _explain(self, context)
        return self._result

    def keep(self, result: CountResult) -> None:
        """Keep ``result`` as this group's result (the settlement adds what it alone knows:
        the disputes in the groups within this one)."""
        self._result = result


def count_groups(claims: list[Claim], revisions: list[Revision],
                 context: Context) -> tuple[CountGroup, ...]:
    """The groups of one predicate of one event: every scope a claim states, and the summary
    category each lies within (claims hold counts; a denial holds what it leaves)."""
    if not claims:
        return ()
    event, predicate = claims[0].event, claims[0].predicate
    by_scope: dict[Scope, list[Claim]] = {}
    for claim in claims:
        by_scope.setdefault(claim.scope, []).append(claim)
    complete = context.complete
    groups = []
    for scope, roles in context.plan(frozenset(by_scope)):
        low = high = floor = part = -1
        ceiling: int | None = None
        high_open = more_than = False
        parts: dict[Statement, list[Claim]] | None = None
        for other, reach in roles:
            for claim in by_scope[other]:
                count = claim.value
                assert isinstance(count, Count)
                if reach is Reach.BROADER:
                    if count.high is not None and (ceiling is None or count.high < ceiling):
                        ceiling = count.high
                    continue
                if count.low > floor:
                    floor = count.low
                if reach is Reach.DIRECT or (reach is Reach.ACCOUNT and complete(claim)):
                    if low < 0 or count.least < low:
                        low = count.least
                    if count.most > high:
                        high, high_open = count.most, count.high is None
                        more_than = count.bound is Bound.MORE_THAN
                    elif count.most == high and count.high is None:
                        high_open = True
                        more_than = more_than or count.bound is Bound.MORE_THAN
                    if reach is Reach.DIRECT and count.high is not None and (
                            ceiling is None or count.high < ceiling):
                        ceiling = count.high
                    continue
                if count.least > part:
                    part = count.least
                if parts is None:
                    parts = {}
                parts.setdefault(_statement(claim), []).append(claim)
        if parts:
            for statement in parts.values():
                if len(statement) > 1:
                    total = _sum_of_parts(statement, context)[1]
                    floor = max(floor, total)
                    part = max(part, total)
        if low < 0:
            if part <= 0:
                continue  # only broader claims, or parts that say none: nothing to report
            low = high = part  # only parts: the largest figure they name, open above
            high_open, more_than = True, False
        contradicted = ceiling is not None and floor > ceiling
        numbers = GroupRange(GroupKey(event, predicate, scope), low, high, high_open,
                             None if contradicted else floor, None if contradicted else ceiling,
                             contradicted, more_than)
        own = tuple(r for r in revisions if scope in (r.scope, r.by_scope)) if revisions else ()
        groups.append(CountGroup(numbers, roles, by_scope, own))
    return tuple(groups)


def _sum_of_parts(claims: list[Claim], context: Context) -> tuple[list[Claim], int]:
    """The parts one statement gives that count different people (their scopes on different
    branches of the hierarchy, none within another), and what they add up to. Parts within
    another part of the same statement ("two children" of "five civilians") are not added."""
    scopes = {c.scope for c in claims}
    within = context.vocabulary.scope_within
    top = [c for c in claims if not any(o != c.scope and within(c.scope, o) for o in scopes)]
    disjoint = context.vocabulary.scopes_disjoint
    if any(not disjoint(a.scope, b.scope) for i, a in enumerate(top) for b in top[i + 1:]):
        return [], 0
    if len({c.scope for c in top}) != len(top):  # one scope said twice: no sum
        return [], 0
    return top, sum(c.value.low for c in top if isinstance(c.value, Count))


def _ids(contributions: Iterable[Contribution]) -> tuple[str, ...]:
    return tuple(sorted(i for c in contributions for i in c.claims))


def _explain(group: CountGroup, context: Context) -> CountResult:
    numbers = group.range
    contributions: list[Contribution] = []
    for scope, reach in group.roles:
        claims = [c for c in group.by_scope[scope]
                  if reach is not Reach.BROADER or c.value.high is not None]  # type: ignore[union-attr]
        if reach is Reach.ACCOUNT:
            accounts = [c for c in claims if context.complete(c)]
            parts = [c for c in claims if not context.complete(c)]
            by_id = {c.id: c for c in accounts}
            contributions += [v.contribution(Role.ACCOUNT, context.reading(by_id[v.claims[0]]),
                                             context.name(v.source))
                              for v in _voices(accounts)]
            contributions += [v.contribution(Role.PART, "a part", context.name(v.source))
                              for v in _voices(parts)]
        elif reach is Reach.PART:
            contributions += [v.contribution(Role.PART, "a part", context.name(v.source))
                              for v in _voices(claims)]
        else:
            role = Role.DIRECT if reach is Reach.DIRECT else Role.BROADER
            contributions += [v.contribution(role, "", context.name(v.source))
                              for v in _voices(claims)]
    contributions.sort(key=lambda c: c.claims)
    figures = [c for c in contributions if c.role in (Role.DIRECT, Role.ACCOUNT)]
    if not figures:  # only parts: the range is the largest figure they name (or add up to)
        figures = [c for c in contributions if c.role is Role.PART]
        at_floor = [c for c in figures if min(c.figures) == numbers.high]
        summed = _summed_floor(group, contributions, context)
        if summed is not None and summed[1] == numbers.high:
            at_floor = summed[0]
        return _result(group, contributions, figures, RangeEnd(numbers.low, _ids(at_floor)),
                       RangeEnd(numbers.high, _ids(at_floor), open=True), context)
    at_high = [c for c in figures if max(c.figures) == numbers.high]
    low = RangeEnd(numbers.low, _ids(c for c in figures if min(c.figures) == numbers.low))
    high = RangeEnd(numbers.high, _ids(at_high), open=numbers.high_open,
                    more_than=numbers.high_more_than)
    return _result(group, contributions, figures, low, high, context)


def _result(group: CountGroup, contributions: list[Contribution], figures: list[Contribution],
            low: RangeEnd, high: RangeEnd, context: Context) -> CountResult:
    numbers = group.range
    sources = tuple(sorted({c.source for c in figures}))
    feasible = None if numbers.contradicted else Interval(numbers.feasible_low or 0,
                                                          numbers.feasible_high)
    contradiction, severity = (_conflict(group, contributions, context)
                               if numbers.contradicted else (None, Severity.CONSISTENT))
    if contradiction is not None and severity is not contradiction.severity:
        contradiction = attrs.evolve(contradiction, severity=severity)
    return CountResult(
        key=numbers.key,
        contributions=tuple(contributions),
        low=low,
        high=high,
        feasible=feasible,
        contradiction=contradiction,
        sources=sources,
        independent=len({context.party(s) for s in sources}),
        revisions=group.revisions,
        severity=severity,
    )


def _severity(floors: list[Contribution], floor: int, ceiling: Contribution,
              context: Context) -> Severity:
    """Figures that merely vary, or a contradiction (``docs/reconciliation.md``)."""
    stated = [*floors, ceiling]
    if any(c.denied or c.bound not in POINT_BOUNDS for c in stated):
        return Severity.CONTRADICTED
    high = ceiling.bounds.high
    if high is not None and context.tolerance.varies(floor, high):
        return Severity.VARY
    return Severity.CONTRADICTED


def _conflict(group: CountGroup, contributions: list[Contribution],
              context: Context) -> tuple[Contradiction, Severity]:
    """The statement (or one statement's parts, added up) with the highest lower bound,
    against the one with the lowest upper bound (the first in claim-id order on a tie)."""
    key = group.range.key
    vocabulary = context.vocabulary

    def words(scope: Scope) -> str:
        return describe_scope(vocabulary, scope)

    def voice(c: Contribution) -> str:
        about = "" if c.scope == key.scope else f" of {words(c.scope)}"
        return f"{context.name(c.source)} ({', '.join(c.claims)}) says “{c.wording}”{about}"

    ceiling = min((c for c in contributions if c.bounds.high is not None),
                  key=lambda c: c.bounds.high or 0)
    floor = max(contributions, key=lambda c: c.bounds.low)
    summed = _summed_floor(group, contributions, context)
    if summed is not None and summed[1] > floor.bounds.low:
        parts, total = summed
        ids = _ids([*parts, ceiling])
        said = " and ".join(f"“{p.wording}” ({words(p.scope)})" for p in parts)
        source = context.name(parts[0].source)
        if ceiling.source == parts[0].source:
            reason = (f"{source}'s own figures do not add up: {said} make {total}, but it "
                      f"also says “{ceiling.wording}” ({', '.join(ids)})")
            return (Contradiction(key, ids, reason, ContradictionKind.OWN_TOTAL),
                    Severity.CONTRADICTED)
        reason = (f"{source} ({', '.join(_ids(parts))}) says {said}, so at least {total} "
                  f"{words(key.scope)}; but {voice(ceiling)}, so {_at_most(ceiling)}")
        return Contradiction(key, ids, reason), _severity(parts, total, ceiling, context)
    reason = (f"{voice(floor)}, so {_at_least(floor)} {words(key.scope)}; "
              f"but {voice(ceiling)}, so {_at_most(ceiling)}")
    identity = _identity(group, floor, ceiling, context)
    if identity:
        return (Contradiction(key, _ids([floor, ceiling]), f"{identity}: {reason}",
                              ContradictionKind.IDENTITY), Severity.CONTRADICTED)
    return (Contradiction(key, _ids([floor, ceiling]), reason),
            _severity([floor], floor.bounds.low, ceiling, context))


def _at_least(c: Contribution) -> str:
    """The floor a statement sets, in its own terms: "more than 100" rather than "at least
    101", a number nobody said."""
    if c.stated.high is None and c.figures and c.bounds.low == c.figures[0] + 1:
        return f"more than {c.figures[0]}"
    return f"at least {c.bounds.low}"


def _at_most(c: Contribution) -> str:
    """The ceiling a statement sets, in its own terms ("fewer than 10", not "at most 9")."""
    high = c.bounds.high
    if high is not None and c.stated.low == 0 and c.figures and high == c.figures[-1] - 1:
        return f"fewer than {c.figures[-1]}"
    return f"at most {high}"


def _summed_floor(group: CountGroup, contributions: list[Contribution],
                  context: Context) -> tuple[list[Contribution], int] | None:
    """The largest sum of one statement's parts, with those parts, if any statement gives
    more than one."""
    by_statement: dict[Statement, list[Claim]] = defaultdict(list)
    for scope, reach in group.roles:
        if reach in (Reach.ACCOUNT, Reach.PART):
            for claim in group.by_scope[scope]:
                if reach is Reach.PART or not context.complete(claim):
                    by_statement[_statement(claim)].append(claim)
    best: tuple[list[Contribution], int] | None = None
    for claims in by_statement.values():
        if len(claims) < 2:
            continue
        parts, total = _sum_of_parts(claims, context)
        if parts and (best is None or total > best[1]):
            ids = {c.id for c in parts}
            best = ([c for c in contributions if ids & set(c.claims)], total)
    return best


def _identity(group: CountGroup, floor: Contribution, ceiling: Contribution,
              context: Context) -> str:
    """Words for a dispute over who the dead were, or "": the source that says none (or few)
    of this group counts dead in another group that excludes it, of which the other source
    says nothing ("2 militants and no civilians" against "10 civilians")."""
    if ceiling.bounds.high != 0 or ceiling.source == floor.source:
        return ""  # only a source that says none of these died can put the dead elsewhere
    vocabulary = context.vocabulary
    key = group.range.key
    disjoint = vocabulary.scopes_disjoint
    elsewhere = [c for scope, claims in group.by_scope.items() if disjoint(scope, key.scope)
                 for c in claims if c.source == ceiling.source and c.value.low > 0]  # type: ignore[union-attr]
    if not elsewhere:
        return ""
    other_scopes = {c.scope for c in elsewhere}
    if any(c.source == floor.source and c.scope in other_scopes
           for claims in group.by_scope.values() for c in claims):
        return ""
    counted = ", ".join(f"“{c.value}” ({describe_scope(vocabulary, c.scope)}; {c.id})"
                        for c in sorted(elsewhere, key=lambda c: c.id))
    return (f"who the dead were is disputed ({context.name(ceiling.source)} counts {counted} "
            f"instead)")
