"""The report: every event's results, mergeable, printable, serialisable."""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claims._memory import paused_gc
from claims.errors import DossierError, MergeError, UnknownReferenceError, ValidationError
from claims.model import Claim, Event, Scope, reference_problems
from claims.reconciler import (
    Context,
    CountResult,
    EventResult,
    FactResult,
    GroupRange,
    Summary,
    assess,
    perpetrators,
    summarize,
)
from claims.render import infobox_lines, render_report, report_html
from claims.report._by_event import (
    EventSummaries,
    Table,
    few,
    merged_tables,
    table_of,
    with_claims,
)
from claims.report._data import report_data
from claims.report._persistent import PersistentMap


def _check(claims: tuple[Claim, ...], context: Context, events: set[str] | None) -> None:
    """Every dangling reference of ``claims``, as a reader reports them (``$.claims[i]``, i
    counting the claims given). Sources are checked only against a context that names some,
    and events only against ``events`` when it is a set (None: any event will do): a report
    built from bare claims knows none. A ``revises`` may name a claim that is not here:
    reports of parts merge. The cost is in proportion to the claims given, not to how many
    sources and events are known."""
    named = {i for c in claims for i in (c.source, *(r.outlet for r in c.provenance.relays))}
    sources = {i for i in named if context.source(i) is not None} if context.sources else named
    # A claim may revise one reconciled in another part (reports merge); it is checked
    # against its own source when both are here.
    known = {"sources": sources, "events": {c.event for c in claims} if events is None else events,
             "claims": {c.id for c in claims} | {c.revises for c in claims if c.revises}}
    distinct = list({c.id: c for c in claims}.values())  # a claim given twice is one claim
    found = reference_problems(context.vocabulary, [], [], enumerate(distinct),
                               also_known=known)
    if found:
        raise DossierError(found)


def _published_by(claims: tuple[Claim, ...], as_of: dt.datetime | None,
                  ) -> tuple[tuple[Claim, ...], tuple[str, ...], tuple[str, ...]]:
    """The claims published by ``as_of``; the ids of the others, and of the undated ones."""
    if as_of is None:
        return claims, (), ()
    kept = tuple(c for c in claims if c.provenance.published is not None
                 and c.provenance.published.end <= as_of)
    excluded = tuple(sorted({c.id for c in claims} - {c.id for c in kept}))
    undated = tuple(sorted({c.id for c in claims if c.provenance.published is None}))
    return kept, excluded, undated


def _claim_id(claim: Claim) -> str:
    return claim.id


def _predicate(summary: Summary) -> str:
    return summary.predicate


_Built = tuple[EventSummaries, "str | None", EventResult]
"""An event's results, with the summaries and the title they were built from."""


@attrs.define
class _Lookups:
    """What a report builds on first use, kept. The claim index and the event results are
    shared with the reports :meth:`Report.add` and :meth:`Report.merge` make from this one,
    so that each is built once for a chain of reports: an entry is used only when it still
    holds for the report reading it."""

    ordered: tuple[Summary, ...] | None = None
    """The summaries in key order."""
    titles: dict[str, str] | None = None
    """The events' titles by id: shared between reports with the same ``events``."""
    claims: dict[str, Claim] | None = None
    """Claims by id: every claim of this report is in it, but an entry may have been written
    over by a report that shares the index and holds another claim under that id."""
    events: dict[str, _Built] = attrs.Factory(dict)
    """Each event's results once built, with what they were built from: grading an event's
    statements is done once, however often it is printed, shown or exported, and survives
    ``add`` and ``merge`` when the event was not touched."""

    def grown_from(self, report: Report, claims: Iterable[Claim]) -> None:
        """Share what ``report`` built, this report being ``report`` with ``claims`` added
        (same context and events)."""
        self.titles, self.events = report._lookups.titles, report._lookups.events
        self.claims = _grown_index(report._lookups.claims, claims)

    def merged_from(self, merged: Report, big: Report, small: Report, fewer: bool) -> None:
        """Take over what the sides of a merge built: with ``fewer`` (the small side merged
        in event by event), the big side's results and index, shared and grown by the small
        side's; else copies of both sides' (C-level copies). Results are taken only from a
        side of the same context; titles from a side with the same events."""
        for side in (big, small):
            if side.events is merged.events and side._lookups.titles is not None:
                self.titles = side._lookups.titles
        mine, theirs = ({} if side.context != merged.context else side._lookups.events
                        for side in (big, small))
        if fewer:
            for event, built in theirs.items():
                if event not in big._by_event:
                    mine.setdefault(event, built)
            self.events = mine
            self.claims = _grown_index(big._lookups.claims, (
                c for summaries in small._by_event.flat().values() for s in summaries
                for c in s.claims))
        else:
            self.events = {**theirs, **mine}
            if big._lookups.claims is not None and small._lookups.claims is not None:
                self.claims = {**small._lookups.claims, **big._lookups.claims}


def _grown_index(index: dict[str, Claim] | None, claims: Iterable[Claim],
                 ) -> dict[str, Claim] | None:
    """A shared index of claims by id with ``claims`` written in (None stays None)."""
    if index is not None:
        for claim in claims:
            index[claim.id] = claim
    return index


def _as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _merged_events(mine: tuple[Event, ...], theirs: tuple[Event, ...]) -> tuple[Event, ...]:
    """Both sides' events, in an order that does not depend on which side is which."""
    if not theirs or mine is theirs:
        return mine
    if not mine:
        return theirs
    known = {e.id: e for e in mine}
    for event in theirs:
        if known.setdefault(event.id, event) != event:
            raise MergeError(f"event {event.id!r} differs between the two sides: "
                             f"{known[event.id]!r} and {event!r}")
    mine_ids, their_ids = [e.id for e in mine], [e.id for e in theirs]
    if mine_ids == their_ids or set(their_ids) < set(mine_ids):
        return mine
    if set(mine_ids) < set(their_ids):
        return theirs
    return tuple(known[ident] for ident in sorted(known))


def _union(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """Two sorted tuples of ids as one, each id once."""
    if not theirs or mine is theirs:
        return mine
    if not mine:
        return theirs
    return tuple(sorted(set(mine).union(theirs)))


@attrs.frozen(repr=False)
class Report:
    """What can honestly be said about each event, built by :func:`reconcile`.

    A report is a set of :class:`Summary` objects, one per event and predicate. Two reports
    merge by merging their summaries, so ``reconcile(a + b) == reconcile(a).merge(
    reconcile(b))``; :meth:`add` settles again only the summaries the new claims touch, and
    costs what it touches, not the size of the report.

    Args:
        summaries: One per event and predicate, in any order (two for the same event and
            predicate are merged).
        context: The vocabulary and sources the claims were reconciled against.
        events: What is known of the events (titles), in the order to show them; events
            without an entry show their id.
        as_of: Only claims published by this time were used.
        excluded: Claims left out because they were not (certainly) published by ``as_of``:
            those published later, and the undated ones.
        undated: Those of ``excluded`` whose publication time is unknown (not "published
            later": their time is simply not known).
    """

    _by_event: Table = attrs.field(alias="summaries", converter=table_of)
    """Each event's summaries. A new report shares this with the one it grew from."""
    context: Context = attrs.Factory(Context)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_as_tuple, eq=frozenset)
    """In the order results are shown; reports that know the same events are equal."""
    as_of: dt.datetime | None = None
    excluded: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    undated: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    _lookups: _Lookups = attrs.field(init=False, factory=lambda: _Lookups(), repr=False,
                                     eq=False)
    """Indexes built on first use: most reports are never asked for a claim by id."""

    # -- growing ------------------------------------------------------------------------

    def merge(self, other: Report) -> Report:
        """The report of both sides' claims; only summaries present on both are settled again.

        Merging is commutative, associative and idempotent. The events keep the order of the
        side that knows all the other knows (as after :meth:`add`), else they go in id order.

        Cost: the summaries on both sides are settled again (unless one side holds all their
        claims); the others are kept as they are, the same objects, and so are the results
        already built for events only one side has. When one side has far fewer events than
        the other, the rest costs what that side holds; else it is a C-level copy of both
        sides' tables of events. A side reconciled against other sources is settled again
        whole, since sources bear on the results (which party each speaks for).

        Raises:
            MergeError: when the sides used other vocabularies or ``as_of`` times, or a source,
                event or claim id means different things on each side.
        """
        if other.context.vocabulary != self.context.vocabulary:
            raise MergeError("cannot merge reports reconciled against different vocabularies")
        if other.context.tolerance != self.context.tolerance:
            raise MergeError(f"cannot merge reports reconciled with different tolerances: "
                             f"{self.context.tolerance} and {other.context.tolerance}")
        if other.as_of != self.as_of:
            raise MergeError(f"cannot merge reports with different as_of times: "
                              f"{self.as_of} and {other.as_of}")
        with paused_gc():
            context = (self.context if other.context.sources == self.context.sources
                       else self.context.with_sources(other.context.sources))
            mine, theirs = self._rebound(context), other._rebound(context)
            if len(mine) >= len(theirs):
                big, small, bigger, smaller = self, other, mine, theirs
            else:
                big, small, bigger, smaller = other, self, theirs, mine
            report = Report(merged_tables(bigger, smaller), context,
                            _merged_events(self.events, other.events), self.as_of,
                            _union(self.excluded, other.excluded),
                            _union(self.undated, other.undated))
            report._lookups.merged_from(report, big, small, few(bigger, smaller))
            return report

    def _rebound(self, context: Context) -> Table:
        if context == self.context:
            return self._by_event
        return PersistentMap({
            event: tuple(Summary(s.event, s.predicate, s.claims, context) for s in summaries)
            for event, summaries in self._by_event.flat().items()})

    @classmethod
    def build(cls, claims: Iterable[Claim], context: Context, *, events: tuple[Event, ...] = (),
              as_of: dt.datetime | None = None, check: bool = True) -> Report:
        """The report of ``claims`` against ``context`` (what :func:`claims.reconcile` does
        once it has the claims, vocabulary and sources apart).

        Args:
            claims: The claims.
            context: The vocabulary and sources.
            events: The events, for their titles.
            as_of: Use only claims published by then.
            check: Check the claims' references as a reader does: predicates, categories,
                actors and places against the vocabulary always; sources and events when
                the context and ``events`` name any (a dossier's claims are checked already).

        Raises:
            DossierError: listing every reference to something unknown.
            ValidationError: for a naive ``as_of``.
            MergeError: when one claim id names two different claims.
        """
        claims = tuple(claims)
        if check:
            _check(claims, context, {e.id for e in events} or None)
        if as_of is not None and (as_of.tzinfo is None or as_of.utcoffset() is None):
            raise ValidationError(f"'as_of' must carry a time zone: as_of={as_of!r}")
        claims, excluded, undated = _published_by(claims, as_of)
        with paused_gc():
            summaries = summarize(claims, context)
            report = cls(summaries.values(), context, events, as_of, excluded, undated)
            report._titles()  # indexed now, so that no add pays for it
            return report

    def add(self, *claims: Claim) -> Report:
        """This report with more claims (same vocabulary and sources); only the summaries
        the claims touch are settled again.

        Cost: checking the claims (against their own events and sources only), settling
        again the summaries they touch (those of their event and predicate), and copying a
        few trie nodes per touched event: what the claims touch, not the size of the report
        (about 0.1 ms a claim at a million claims). The new report shares the rest with
        this one: the other summaries (the same objects), the results already built for the
        other events, the index of claims by id and the events' titles, so reading an
        untouched event's results after an ``add`` costs nothing new. Two things cost more,
        once: the first ``add`` to a report made by :meth:`merge` from sides that knew
        different events indexes the events' titles, and a claim published after ``as_of``
        is written into a copy of the sorted ids in :attr:`excluded`.

        Raises:
            DossierError: for a claim that names an unknown predicate, category, actor or
                place, or a source or event the report does not know (when it knows any), as
                loading a file would.
            MergeError: when a claim's id names another claim of the report.
        """
        titles = self._titles()
        known = ({c.event for c in claims if c.event in titles or c.event in self._by_event}
                 if self.events else None)
        _check(claims, self.context, known)
        with paused_gc():  # a few objects: no collection walks the report for them
            kept, excluded, undated = _published_by(claims, self.as_of)
            report = Report(with_claims(self._by_event, kept, self.context), self.context,
                            self.events, self.as_of, _union(self.excluded, excluded),
                            _union(self.undated, undated))
            report._lookups.grown_from(self, kept)
            return report

    # -- reading ------------------------------------------------------------------------

    @property
    def summaries(self) -> tuple[Summary, ...]:
        """Every summary, one per event and predicate, in key order (sorted on first use,
        then kept)."""
        lookups = self._lookups
        if lookups.ordered is None:
            by_event = self._by_event.flat()
            lookups.ordered = tuple(s for event in sorted(by_event)
                                    for s in sorted(by_event[event], key=_predicate))
        return lookups.ordered

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim reconciled, by id."""
        return tuple(sorted((c for s in self.summaries for c in s.claims), key=lambda c: c.id))

    def claim(self, ident: str) -> Claim:
        """A reconciled claim by id."""
        index = self._lookups.claims
        if index is None:
            index = self._lookups.claims = self._claim_index()
        found = index.get(ident)
        if found is not None and not self._holds(found):
            # Written over by a report sharing the index: this report takes an index of its own.
            index = self._lookups.claims = self._claim_index()
            found = index.get(ident)
        if found is None:
            raise UnknownReferenceError(f"unknown claim {ident!r}")
        return found

    def _claim_index(self) -> dict[str, Claim]:
        return {c.id: c for s in self.summaries for c in s.claims}

    def _holds(self, claim: Claim) -> bool:
        """Whether this report reconciled ``claim`` (looked for in its own summary)."""
        for summary in self._by_event.get(claim.event, ()):
            if summary.predicate == claim.predicate:
                held = summary.claims  # sorted by id, each once
                at = bisect.bisect_left(held, claim.id, key=_claim_id)
                return at < len(held) and (held[at] is claim or held[at] == claim)
        return False

    @property
    def results(self) -> tuple[EventResult, ...]:
        """The results of every event: the known events in order, then any others by id
        (built with the garbage collector paused, as loading is: explaining every group of a
        large report took twice as long with it walking the results built so far)."""
        titles = self._titles()
        others = sorted(e for e in self._by_event if e not in titles)
        with paused_gc():
            return tuple(self.event(e) for e in [*(e.id for e in self.events), *others])

    def _titles(self) -> dict[str, str]:
        lookups = self._lookups
        if lookups.titles is None:
            lookups.titles = {e.id: e.title for e in self.events}
        return lookups.titles

    def event(self, ident: str) -> EventResult:
        """The results for one event, each count statement graded (interest, credibility)
        against what the event's claims say of its perpetrator (built on first use, then
        kept, across :meth:`add` and :meth:`merge` too while the event is untouched)."""
        summaries = self._by_event.get(ident, ())
        title = self._titles().get(ident)
        built = self._lookups.events.get(ident)
        if built is not None and built[0] is summaries and built[1] == title:
            return built[2]
        result = self._event(ident, summaries, title)
        self._lookups.events[ident] = (summaries, title, result)
        return result

    def _event(self, ident: str, summaries: EventSummaries, title: str | None) -> EventResult:
        if title is None and not summaries:
            raise UnknownReferenceError(f"unknown event {ident!r}")
        facts = tuple(r for s in summaries for r in s.settlement.facts)
        accused = perpetrators(facts)
        claims = {c.id: c for s in summaries if s.settlement.groups for c in s.claims}
        return EventResult(
            event=ident,
            title=title or ident,
            counts=tuple(assess(r, claims, accused, self.context)
                         for s in summaries for r in s.settlement.counts),
            facts=facts,
            non_claims=tuple(i for s in summaries for i in s.settlement.non_claims),
            denials=tuple(i for s in summaries for i in s.settlement.denials),
            revisions=tuple(r for s in summaries for r in s.settlement.revisions),
        )

    def ranges(self) -> Iterator[GroupRange]:
        """Every count group's numbers (range, feasible interval, contradiction flag), without
        building the explanations :meth:`count` and :attr:`results` carry: the quick way over
        a large collection."""
        for summary in self.summaries:
            yield from summary.settlement.ranges

    def count(self, event: str, predicate: str, scope: Scope | None = None) -> CountResult:
        """The count result for one event, predicate and scope (``Scope()`` when omitted).

        Raises:
            UnknownReferenceError: when there is no such result.
        """
        scope = scope or Scope()
        for result in self.event(event).counts:
            if result.key.predicate == predicate and result.key.scope == scope:
                return result
        raise UnknownReferenceError(f"no {predicate!r} figure for {scope} in event {event!r}")

    def fact(self, event: str, predicate: str, scope: Scope | None = None) -> FactResult:
        """The fact result for one event, predicate and scope (``Scope()`` when omitted)."""
        scope = scope or Scope()
        for result in self.event(event).facts:
            if result.key.predicate == predicate and result.key.scope == scope:
                return result
        raise UnknownReferenceError(f"no {predicate!r} result for {scope} in event {event!r}")

    def infobox(self, event: str | None = None, *, open_ends: str = "dash") -> str:
        """Encyclopedia-style casualty lines ("4–9 militiamen killed"): each total with the
        summary categories within it, or each summary category where no total is stated.

        Args:
            event: One event, or every event.
            open_ends: How an open high end is written in a range of two ends: ``"dash"``
                ("4–9", as the seed's encyclopedia article writes 4 and "at least nine"),
                ``"plus"`` ("4–9+") or ``"words"`` ("4 to at least 9").
        """
        events = [self.event(event)] if event is not None else list(self.results)
        return "\n".join(line for e in events for line in infobox_lines(e, self, open_ends))

    def to_data(self) -> dict[str, Any]:
        """The report as plain JSON data: every result with its claims, grades and
        estimates (``"format": "claims.report"``)."""
        return report_data(self)

    def to_json(self) -> str:
        """The report as a JSON document (:meth:`to_data`, indented)."""
        return json.dumps(self.to_data(), indent=2, ensure_ascii=False) + "\n"

    def __str__(self) -> str:
        return render_report(self)

    def _repr_html_(self) -> str:
        return report_html(self)

    def __repr__(self) -> str:
        events = len(self._by_event)
        claims = sum(len(s.claims) for s in self.summaries)
        as_of = "" if self.as_of is None else f", as of {self.as_of.isoformat()}"
        return (f"<Report: {events} events, {claims} claims, {len(self.summaries)} "
                f"summaries{as_of}>")
