"""What the reconciler returns: per-group results whose every statement names its claims."""

from __future__ import annotations

import enum

import attrs

from claims._html import table
from claims.model import Interval, Scope, Status, Value


class Role(enum.Enum):
    """How a claim bears on a group's figure."""

    DIRECT = "direct"
    """About exactly the group's scope: bounds it from both sides."""
    NARROWER = "narrower"
    """About a part of it (four of one faction's members): bounds it from below."""
    BROADER = "broader"
    """About something that contains it (all people): bounds it from above."""


@attrs.frozen
class GroupRange:
    """One group's numbers, worked out without building its explanation: the reported range
    (``low`` to ``high``, ``high_open`` when the claims there set no upper bound) and the
    interval every claim allows (``feasible_low`` to ``feasible_high``; both None when the
    claims contradict, and ``feasible_high`` None when nothing bounds the figure above).
    """

    key: GroupKey
    low: int
    high: int
    high_open: bool
    feasible_low: int | None
    feasible_high: int | None
    contradicted: bool


class Grade(enum.Enum):
    """How well a result is supported, after Airwars' grades and the Admiralty code."""

    CORROBORATED = "corroborated"
    """Two or more independent sources (Airwars "fair"; Admiralty credibility 1-2)."""
    SINGLE_SOURCE = "single_source"
    """One source only (Airwars "weak"; Admiralty credibility 3 at best)."""
    CONTESTED = "contested"
    """Sources contradict one another."""


@attrs.frozen
class GroupKey:
    """What a result is about: one predicate of one scope in one event."""

    event: str
    predicate: str
    scope: Scope


@attrs.frozen
class Revision:
    """A claim its own source superseded with a later one about the same scope."""

    superseded: str
    by: str
    scope: Scope = attrs.field(factory=Scope, eq=False, repr=False)
    """The scope both claims are about (kept out of comparisons and output)."""


@attrs.frozen
class Contribution:
    """One independent statement as it bears on a group's figure.

    Args:
        claims: Ids of the claims that make this statement (relays of one statement are one).
        source: The source that made it.
        scope: The scope the statement is about.
        role: Whether it is about the group itself, a part of it, or something containing it.
        stated: The numbers the statement itself allows.
        figures: The numbers it names (9 for "at least nine"), which the reported range spans.
        bounds: What it implies for the group (a narrower claim's high no longer binds).
        wording: The source's words for the figure.
        hedged: Whether the source hedged it ("presumably").
        vague: Whether the figure is a vague word ("many") rather than a number.
    """

    claims: tuple[str, ...]
    source: str
    scope: Scope
    role: Role
    stated: Interval
    figures: tuple[int, ...]
    bounds: Interval
    wording: str
    hedged: bool = False
    vague: bool = False


@attrs.frozen
class RangeEnd:
    """One end of a reported range and the claims that set it; ``open`` when those claims set
    no upper bound ("at least nine")."""

    value: int
    claims: tuple[str, ...]
    open: bool = False


@attrs.frozen
class Contradiction:
    """Claims that cannot all hold, and why, in words."""

    key: GroupKey
    claims: tuple[str, ...]
    reason: str


@attrs.frozen
class CountResult:
    """What can honestly be said of one count (killed, injured, ...) of one scope.

    Args:
        key: Event, predicate and scope.
        contributions: Every independent statement that bears on it, with its role.
        low: The lowest figure any direct or narrower claim names, and its claims.
        high: The highest, and its claims; ``open`` when they set no upper bound.
        feasible: The numbers every statement allows (their intersection), or None when
            they contradict.
        contradiction: The two statements that cannot both hold, when ``feasible`` is None.
        sources: The sources behind the figures (direct and narrower claims).
        independent: How many independent parties those sources are (sources affiliated with
            the same actor count once).
        revisions: Claims superseded by a later claim from the same source.
    """

    key: GroupKey
    contributions: tuple[Contribution, ...]
    low: RangeEnd
    high: RangeEnd
    feasible: Interval | None
    contradiction: Contradiction | None
    sources: tuple[str, ...]
    independent: int
    revisions: tuple[Revision, ...] = ()

    @property
    def grade(self) -> Grade:
        """Contested, single source, or corroborated."""
        if self.contradiction is not None:
            return Grade.CONTESTED
        return Grade.CORROBORATED if self.independent >= 2 else Grade.SINGLE_SOURCE

    @property
    def hedged_claims(self) -> tuple[str, ...]:
        """Ids of the hedged claims this result rests on."""
        return tuple(i for c in self.contributions if c.hedged for i in c.claims)

    @property
    def vague(self) -> str | None:
        """The vague wording when the range rests on one vague statement only ("many")."""
        figures = [c for c in self.contributions if c.role is not Role.BROADER]
        if len(figures) == 1 and figures[0].vague:
            return figures[0].wording
        return None

    def range_text(self) -> str:
        """The reported range as an infobox writes it: "4–9", "at least 9", "1", "many"."""
        if self.vague is not None:
            return self.vague
        if self.low.value == self.high.value:
            return f"at least {self.low.value}" if self.high.open else str(self.low.value)
        return f"{self.low.value}–{self.high.value}"

    def _repr_html_(self) -> str:
        """Each contribution with its role, source, words, scope and the numbers it allows."""
        return table(("role", "source", "words", "scope", "claims", "allows", "hedged"), (
            (c.role.value, c.source, c.wording, str(c.scope), ", ".join(c.claims),
             str(c.stated), "yes" if c.hedged else "") for c in self.contributions),
            f"{self.range_text()} {self.key.predicate} ({self.grade.value})")


@attrs.frozen
class FactValue:
    """One value claimed for a fact, with the claims and sources behind it."""

    value: Value
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    status: Status = Status.ASSERTED
    hedged: tuple[str, ...] = ()
    """Ids of the claims among ``claims`` that the source hedged."""


@attrs.frozen
class FactResult:
    """What the sources say of a non-numeric predicate (target, place, time, perpetrator).

    Args:
        key: Event, predicate and scope.
        values: Each distinct value claimed, with its claims.
        consensus: The most specific value every asserted value agrees with (Abu Kamal when
            the others say Syria; for times, the span they share), or None.
        contradictions: Pairs of values that cannot both hold, with the reason.
        sources: Every source that spoke to it.
        independent: How many independent parties those are.
        revisions: Claims superseded by a later claim from the same source.
    """

    key: GroupKey
    values: tuple[FactValue, ...]
    consensus: Value | None
    contradictions: tuple[Contradiction, ...]
    sources: tuple[str, ...]
    independent: int
    revisions: tuple[Revision, ...] = ()

    @property
    def grade(self) -> Grade:
        """Contested, single source, or corroborated."""
        if self.contradictions:
            return Grade.CONTESTED
        return Grade.CORROBORATED if self.independent >= 2 else Grade.SINGLE_SOURCE

    @property
    def hedged_claims(self) -> tuple[str, ...]:
        """Ids of the hedged claims among the values."""
        return tuple(i for v in self.values for i in v.hedged)


@attrs.frozen
class EventResult:
    """Everything reconciled for one event."""

    event: str
    title: str
    counts: tuple[CountResult, ...] = ()
    facts: tuple[FactResult, ...] = ()
    non_claims: tuple[str, ...] = ()
    """Ids of claims that record a refusal to give a value ("casualties not disclosed")."""
    denials: tuple[str, ...] = ()
    """Ids of count claims that deny a figure; they bound nothing and are listed here."""

    @property
    def contradictions(self) -> tuple[Contradiction, ...]:
        """Every contradiction in the event, counts first."""
        found = [r.contradiction for r in self.counts if r.contradiction is not None]
        return (*found, *(c for r in self.facts for c in r.contradictions))
