"""The report: every event's results, mergeable, printable, serialisable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claims._memory import paused_gc
from claims.errors import DossierError, MergeError, UnknownReferenceError, ValidationError
from claims.model import BUILTIN_PREDICATES, Claim, Event, Scope, reference_problems
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
from claims.report._data import report_data

_PREDICATE_ORDER = {p.id: i for i, p in enumerate(BUILTIN_PREDICATES)}


def _check(claims: tuple[Claim, ...], context: Context, events: set[str]) -> None:
    """Every dangling reference of ``claims``, as a reader reports them (``$.claims[i]``, i
    counting the claims given). Sources and events are checked only against a context and
    events that name some: a report built from bare claims knows none. A ``revises`` may
    name a claim that is not here: reports of parts merge."""
    sources = {s.id for s in context.sources} or {
        i for c in claims for i in (c.source, *(r.outlet for r in c.provenance.relays))}
    # A claim may revise one reconciled in another part (reports merge); it is checked
    # against its own source when both are here.
    known = {"sources": sources, "events": events or {c.event for c in claims},
             "claims": {c.id for c in claims} | {c.revises for c in claims if c.revises}}
    distinct = list({c.id: c for c in claims}.values())  # a claim given twice is one claim
    found = reference_problems(context.vocabulary, [], [], enumerate(distinct),
                               also_known=known)
    if found:
        raise DossierError(found)


def _in_key_order(summaries: Iterable[Summary]) -> tuple[Summary, ...]:
    return tuple(sorted(summaries, key=lambda s: s.key))


@attrs.define
class _Lookups:
    claims: dict[str, Claim] | None = None
    titles: dict[str, str] | None = None
    summaries: dict[str, list[Summary]] | None = None
    events: dict[str, EventResult] = attrs.Factory(dict)
    """Each event's results once built: grading its statements is done once, however often
    the report is printed, shown or exported."""


def _as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _merged_events(mine: tuple[Event, ...], theirs: tuple[Event, ...]) -> tuple[Event, ...]:
    """Both sides' events, in an order that does not depend on which side is which."""
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


@attrs.frozen(repr=False)
class Report:
    """What can honestly be said about each event, built by :func:`reconcile`.

    A report is a set of :class:`Summary` objects, one per event and predicate. Two reports
    merge by merging their summaries, so ``reconcile(a + b) == reconcile(a).merge(
    reconcile(b))``; :meth:`add` settles again only the summaries the new claims touch.

    Args:
        summaries: One per event and predicate, in key order.
        context: The vocabulary and sources the claims were reconciled against.
        events: What is known of the events (titles), in the order to show them; events
            without an entry show their id.
        as_of: Only claims published by this time were used.
        excluded: Claims left out because they were not (certainly) published by ``as_of``:
            those published later, and the undated ones.
        undated: Those of ``excluded`` whose publication time is unknown (not "published
            later": their time is simply not known).
    """

    summaries: tuple[Summary, ...] = attrs.field(converter=_in_key_order)
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
        context = self.context.with_sources(other.context.sources)
        mine = {s.key: s for s in self._rebound(context)}
        for summary in other._rebound(context):
            existing = mine.get(summary.key)
            mine[summary.key] = summary if existing is None else existing.merge(summary)
        return Report(tuple(mine.values()), context, _merged_events(self.events, other.events),
                      self.as_of, tuple(sorted(set(self.excluded) | set(other.excluded))),
                      tuple(sorted(set(self.undated) | set(other.undated))))

    def _rebound(self, context: Context) -> tuple[Summary, ...]:
        if context == self.context:
            return self.summaries
        return tuple(Summary(s.event, s.predicate, s.claims, context) for s in self.summaries)

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
            _check(claims, context, {e.id for e in events})
        excluded: tuple[str, ...] = ()
        undated: tuple[str, ...] = ()
        if as_of is not None:
            if as_of.tzinfo is None or as_of.utcoffset() is None:
                raise ValidationError(f"'as_of' must carry a time zone: as_of={as_of!r}")
            kept = tuple(c for c in claims if c.provenance.published is not None
                         and c.provenance.published.end <= as_of)
            excluded = tuple(sorted({c.id for c in claims} - {c.id for c in kept}))
            undated = tuple(sorted({c.id for c in claims if c.provenance.published is None}))
            claims = kept
        with paused_gc():
            summaries = summarize(claims, context)
            return cls(tuple(summaries.values()), context, events, as_of, excluded, undated)

    def add(self, *claims: Claim) -> Report:
        """This report with more claims (same vocabulary and sources); only the summaries
        the claims touch are settled again.

        Raises:
            DossierError: for a claim that names an unknown predicate, category, actor or
                place, or a source or event the report does not know (when it knows any), as
                loading a file would.
        """
        known = {e.id for e in self.events} | {s.event for s in self.summaries}
        _check(claims, self.context, known if self.events else set())
        return self.merge(Report.build(claims, self.context, as_of=self.as_of, check=False))

    # -- reading ------------------------------------------------------------------------

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim reconciled, by id."""
        return tuple(sorted((c for s in self.summaries for c in s.claims), key=lambda c: c.id))

    def claim(self, ident: str) -> Claim:
        """A reconciled claim by id."""
        lookups = self._lookups
        if lookups.claims is None:
            lookups.claims = {c.id: c for s in self.summaries for c in s.claims}
        try:
            return lookups.claims[ident]
        except KeyError:
            raise UnknownReferenceError(f"unknown claim {ident!r}") from None

    @property
    def results(self) -> tuple[EventResult, ...]:
        """The results of every event: the known events in order, then any others by id."""
        order = [e.id for e in self.events]
        known = set(order)
        others = sorted({s.event for s in self.summaries if s.event not in known})
        return tuple(self.event(e) for e in order + others)

    def _titles(self) -> dict[str, str]:
        lookups = self._lookups
        if lookups.titles is None:
            lookups.titles = {e.id: e.title for e in self.events}
        return lookups.titles

    def _summaries_of(self, event: str) -> list[Summary]:
        lookups = self._lookups
        if lookups.summaries is None:  # built in one pass
            lookups.summaries = {}
            for summary in self.summaries:
                lookups.summaries.setdefault(summary.event, []).append(summary)
        return lookups.summaries.get(event, [])

    def event(self, ident: str) -> EventResult:
        """The results for one event, each count statement graded (interest, credibility)
        against what the event's claims say of its perpetrator."""
        known = self._lookups.events.get(ident)
        if known is None:
            known = self._lookups.events[ident] = self._event(ident)
        return known

    def _event(self, ident: str) -> EventResult:
        summaries = sorted(self._summaries_of(ident),
                           key=lambda s: (_PREDICATE_ORDER.get(s.predicate, 99), s.predicate))
        title = self._titles().get(ident)
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
        events = len({s.event for s in self.summaries})
        claims = sum(len(s.claims) for s in self.summaries)
        as_of = "" if self.as_of is None else f", as of {self.as_of.isoformat()}"
        return (f"<Report: {events} events, {claims} claims, {len(self.summaries)} "
                f"summaries{as_of}>")
