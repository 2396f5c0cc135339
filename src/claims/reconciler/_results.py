"""What the reconciler returns: per-group results whose every statement names its claims."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from claims._html import table
from claims.errors import ValidationError
from claims.model import Bound, Interval, Scope, Status, Value
from claims.reconciler._severity import Severity


class Role(enum.Enum):
    """How a claim bears on a group's figure."""

    DIRECT = "direct"
    """About exactly the group's scope: one of its figures; bounds it from both sides."""
    ACCOUNT = "account"
    """About a part of it, but the source's whole account of the group (the militia's "four
    of our members" for militiamen killed): one of its figures; bounds it from below."""
    PART = "part"
    """About a part of it only (a medic's "three children" for civilians): a floor, never an
    end of the range unless nothing else gives a figure."""
    BROADER = "broader"
    """About something that contains it (all people): bounds it from above."""


@attrs.frozen
class GroupRange:
    """One group's numbers, worked out without building its explanation: the reported range
    (``low`` to ``high``, ``high_open`` when the claims there set no upper bound,
    ``high_more_than`` when they said "more than" it) and the interval every claim allows
    (``feasible_low`` to ``feasible_high``; both None when the claims contradict, and
    ``feasible_high`` None when nothing bounds the figure above).
    """

    key: GroupKey
    low: int
    high: int
    high_open: bool
    feasible_low: int | None
    feasible_high: int | None
    contradicted: bool
    high_more_than: bool = False


class Grade(enum.Enum):
    """How well a result is supported: by how many independent parties, and whether its
    claims contradict one another (figures that merely vary do not make it contested)."""

    CORROBORATED = "corroborated"
    """Two or more independent sources (Airwars "fair"; Admiralty credibility 1-2)."""
    SINGLE_SOURCE = "single_source"
    """One source only (Airwars "weak"; Admiralty credibility 3 at best)."""
    CONTESTED = "contested"
    """Sources contradict one another (severity ``contradicted``)."""


@attrs.frozen
class GroupKey:
    """What a result is about: one predicate of one scope in one event."""

    event: str
    predicate: str
    scope: Scope


@attrs.frozen
class Revision:
    """A claim its own source superseded with a later one, about the same scope or a nested
    one it conflicts with, or one that names it in ``revises``."""

    superseded: str
    by: str
    scope: Scope = attrs.field(factory=Scope, eq=False, repr=False)
    """The scope of the superseded claim (kept out of comparisons and output)."""
    by_scope: Scope = attrs.field(factory=Scope, eq=False, repr=False)
    """The scope of the claim that superseded it: the revision is shown in the groups of
    both scopes, so it is shown even when nothing else states the old one."""


@attrs.frozen
class Contribution:
    """One independent statement as it bears on a group's figure.

    Args:
        claims: Ids of the claims that make this statement (relays of one statement are one).
        source: The source that made it.
        scope: The scope the statement is about.
        role: Whether it is about the group itself, the source's account of it in narrower
            words, a part of it, or something containing it.
        stated: The numbers the statement itself allows.
        figures: The numbers it names (9 for "at least nine"), which the reported range spans.
        bounds: What it implies for the group (a narrower claim's high no longer binds).
        wording: The source's words for the figure ("denies ..." for a denial).
        hedged: Whether the source hedged it ("presumably").
        vague: Whether the figure is a vague word ("many") rather than a number.
        reading: Why a narrower statement is read as it is ("the source's own dead",
            "marked complete", "a part"); empty otherwise.
        denied: Whether the statement denies a figure (``stated`` is then what the denial
            leaves: denying "at least one" leaves 0).
        bound: How the source bounded its figure.
        interested: Why the source is an interested party ("speaks for the perpetrator",
            "the party's own losses"), or empty; filled in by the report, which knows the
            event's perpetrator.
        credibility: Its Admiralty-style grade ("B2") and the reasons, filled in by the
            report.
        name: The source's display name.
        published: When its latest claim was published, if known.
        quote: The words of its first claim, verbatim.
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
    reading: str = ""
    denied: bool = False
    bound: Bound = Bound.EXACT
    interested: str = ""
    credibility: Credibility | None = None
    name: str = ""
    published: dt.datetime | None = None
    quote: str = ""

    def assessed(self, interested: str, credibility: Credibility | None) -> Contribution:
        """This statement with its interest and grade filled in: ``attrs.evolve`` without
        looking its fields up each time (a million claims' results make hundreds of thousands
        of statements)."""
        return Contribution(
            claims=self.claims, source=self.source, scope=self.scope, role=self.role,
            stated=self.stated, figures=self.figures, bounds=self.bounds, wording=self.wording,
            hedged=self.hedged, vague=self.vague, reading=self.reading, denied=self.denied,
            bound=self.bound, interested=interested, credibility=credibility, name=self.name,
            published=self.published, quote=self.quote)


@attrs.frozen
class Credibility:
    """An Admiralty-style grade: the source's reliability (A-F, F when not judged) and the
    information's credibility (1 confirmed by independent sources ... 6 cannot be judged),
    judged apart, with the reasons that derive them."""

    reliability: str
    credibility: int
    reasons: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"


@attrs.frozen
class RangeEnd:
    """One end of a reported range and the claims that set it; ``open`` when those claims set
    no upper bound ("at least nine"), ``more_than`` when they said "more than" the value (so
    the value is the number said, and the count lies above it)."""

    value: int
    claims: tuple[str, ...]
    open: bool = False
    more_than: bool = False

    def words(self) -> str:
        """The end as the sources put it: "9", "at least 9", "more than 100"."""
        if self.more_than:
            return f"more than {self.value}"
        return f"at least {self.value}" if self.open else str(self.value)


class ContradictionKind(enum.Enum):
    """What a contradiction is about."""

    COUNTS = "counts"
    """Figures for one group that no number satisfies (0 against at least 80)."""
    IDENTITY = "identity"
    """Who the dead were: one source counts them in one category and none in another, the
    other source the reverse (2 militants and no civilians, against 10 civilians)."""
    OWN_TOTAL = "own_total"
    """A source's own parts add up to more than its own total, in one statement."""
    FACTS = "facts"
    """Values of a fact that cannot both hold (exclusive categories, times that do not
    overlap, an assertion and its denial)."""


@attrs.frozen
class Contradiction:
    """Claims that cannot all hold, and why, in words.

    Args:
        key: The group it was found in (the first, when it touches several).
        claims: The claims in conflict.
        reason: Why, in a sentence that names the sources, their words and the claims.
        kind: What it is about.
        groups: Every group of the event it touches, when more than one (the report lists
            it once, naming them).
        severity: ``vary`` when the figures merely differ within the tolerance of casualty
            counting (38 and 49), ``contradicted`` when they cannot both be true.
    """

    key: GroupKey
    claims: tuple[str, ...]
    reason: str
    kind: ContradictionKind = ContradictionKind.COUNTS
    groups: tuple[GroupKey, ...] = ()
    severity: Severity = Severity.CONTRADICTED


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
        disputed_within: Contradictions in the groups that lie within this one (the civilian
            figures, on the line for people), so a dispute shows where the total is read.
        severity: How much the claims disagree: consistent, figures that vary, or
            contradicted (``docs/reconciliation.md``, "How much sources disagree").
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
    disputed_within: tuple[Contradiction, ...] = ()
    severity: Severity = Severity.CONSISTENT

    @property
    def grade(self) -> Grade:
        """Contested (the claims contradict one another), single source, or corroborated."""
        if self.severity is Severity.CONTRADICTED:
            return Grade.CONTESTED
        return Grade.CORROBORATED if self.independent >= 2 else Grade.SINGLE_SOURCE

    @property
    def hedged_claims(self) -> tuple[str, ...]:
        """Ids of the hedged claims this result rests on."""
        return tuple(i for c in self.contributions if c.hedged for i in c.claims)

    @property
    def figures_from(self) -> tuple[Contribution, ...]:
        """The statements the range spans: direct ones and accounts, or, when there are none,
        the parts whose floors it shows."""
        accounts = tuple(c for c in self.contributions
                         if c.role is Role.DIRECT or c.role is Role.ACCOUNT)
        return accounts or tuple(c for c in self.contributions if c.role is Role.PART)

    @property
    def vague(self) -> str | None:
        """The vague wording when the range rests on one vague statement only ("many")."""
        figures = self.figures_from
        if len(figures) == 1 and figures[0].vague:
            return figures[0].wording
        return None

    def range_text(self, open_ends: str = "words") -> str:
        """The reported range in words.

        Args:
            open_ends: How an open high end is written when the range has two ends:
                ``"words"`` in the sources' terms ("0 to at least 80", "4 to more than 100"),
                ``"dash"`` as encyclopedia infoboxes often do ("4–9"), ``"plus"`` ("4–9+").
                A range of one end always keeps its words ("at least 9", "more than 100").
        """
        if self.vague is not None:
            return self.vague
        low, high = self.low, self.high
        if low.value == high.value:
            return high.words()
        if not (high.open or high.more_than):
            return f"{low.value}–{high.value}"
        if open_ends == "dash":
            return f"{low.value}–{high.value}"
        if open_ends == "plus":
            return f"{low.value}–{high.value}+"
        if open_ends == "words":
            return f"{low.value} to {high.words()}"
        raise ValidationError(
            f"'open_ends' must be 'words', 'dash' or 'plus': open_ends={open_ends!r}")

    def __str__(self) -> str:
        """"4 to at least 9 killed (militiaman) [corroborated; consistent]"."""
        return (f"{self.range_text()} {self.key.predicate} ({self.key.scope}) "
                f"[{self.grade.value}; {self.severity.value}]")

    def _repr_html_(self) -> str:
        """Each statement with its role, source, words, scope, reading, grade and quote; the
        contradiction and its reason under it."""
        html = table(("role", "source", "words", "scope", "claims", "allows", "reading",
                      "grade", "quote"), (
            (c.role.value, c.name or c.source, c.wording, str(c.scope), ", ".join(c.claims),
             str(c.stated), "; ".join(n for n in (c.reading, c.interested and
                                                    f"interested: {c.interested}") if n),
             c.credibility, c.quote) for c in self.contributions),
            f"{self.range_text()} {self.key.predicate} of {self.key.scope} "
            f"({self.grade.value.replace('_', ' ')}; {self.severity.value})")
        if self.contradiction is not None:
            html += table(("claims", "why"), [(", ".join(self.contradiction.claims),
                                               self.contradiction.reason)],
                          "Why the claims cannot all hold" if self.severity is
                          Severity.CONTRADICTED else "Why the figures vary")
        return html


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

    def __str__(self) -> str:
        """"target (everyone): residential-building, weapons-storage-facility [contested]"."""
        values = ", ".join(str(v.value) for v in self.values)
        return f"{self.key.predicate} ({self.key.scope}): {values} [{self.grade.value}]"

    @property
    def severity(self) -> Severity:
        """Contradicted when values cannot both hold; figures that vary when asserted values
        differ without excluding each other (two places neither within the other);
        consistent otherwise."""
        if self.contradictions:
            return Severity.CONTRADICTED
        asserted = [v for v in self.values if v.status is Status.ASSERTED]
        return Severity.VARY if self.consensus is None and len(asserted) > 1 else (
            Severity.CONSISTENT)

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
    revisions: tuple[Revision, ...] = ()
    """Every claim its own source superseded, and by which (the results show each where its
    scope is reported)."""
    denials: tuple[str, ...] = ()
    """Ids of count claims that deny a figure whose denial leaves no single range (denying
    "exactly 5" leaves 0-4 and 6 or more); they bound nothing and are listed here. Other
    denials bound their group (see ``docs/reconciliation.md``)."""

    def __str__(self) -> str:
        """"June 2021 ... (us-strike-2021-06-28): 9 figures, 7 facts, 1 contradiction"."""
        found = [c for c in self.contradictions if c.severity is Severity.CONTRADICTED]
        return (f"{self.title} ({self.event}): {len(self.counts)} figures, "
                f"{len(self.facts)} facts, {len(found)} contradiction"
                f"{'' if len(found) == 1 else 's'}")

    @property
    def contradictions(self) -> tuple[Contradiction, ...]:
        """Every contradiction in the event, counts first; one that several groups share (the
        same claims in conflict for civilians and for people) is listed once, with every
        group in ``groups``."""
        found = [r.contradiction for r in self.counts if r.contradiction is not None]
        merged: dict[tuple[str, tuple[str, ...]], Contradiction] = {}
        for contradiction in found:
            key = (contradiction.key.predicate, contradiction.claims)
            first = merged.get(key)
            if first is None:
                merged[key] = attrs.evolve(contradiction, groups=(contradiction.key,))
            else:
                merged[key] = attrs.evolve(first, groups=(*first.groups, contradiction.key))
        listed = [c if len(c.groups) > 1 else attrs.evolve(c, groups=())
                  for c in merged.values()]
        return (*listed, *(c for r in self.facts for c in r.contradictions))
