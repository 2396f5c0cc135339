"""The report: every event's results, mergeable, printable, serialisable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claims._memory import paused_gc
from claims.errors import MergeError, UnknownReferenceError, ValidationError
from claims.model import BUILTIN_PREDICATES, Claim, Event, Scope
from claims.reconciler import (
    Context,
    CountResult,
    EventResult,
    FactResult,
    GroupRange,
    Summary,
    summarize,
)
from claims.render import infobox_lines, render_report, report_html
from claims.report._data import report_data

_PREDICATE_ORDER = {p.id: i for i, p in enumerate(BUILTIN_PREDICATES)}


def _in_key_order(summaries: Iterable[Summary]) -> tuple[Summary, ...]:
    return tuple(sorted(summaries, key=lambda s: s.key))


@attrs.define
class _Lookups:
    claims: dict[str, Claim] | None = None
    titles: dict[str, str] | None = None
    summaries: dict[str, list[Summary]] | None = None


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


@attrs.frozen
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
        excluded: Claims left out because they were not (certainly) published by ``as_of``.
    """

    summaries: tuple[Summary, ...] = attrs.field(converter=_in_key_order)
    context: Context = attrs.Factory(Context)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_as_tuple, eq=frozenset)
    """In the order results are shown; reports that know the same events are equal."""
    as_of: dt.datetime | None = None
    excluded: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
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
        if other.as_of != self.as_of:
            raise MergeError(f"cannot merge reports with different as_of times: "
                              f"{self.as_of} and {other.as_of}")
        context = self.context.with_sources(other.context.sources)
        mine = {s.key: s for s in self._rebound(context)}
        for summary in other._rebound(context):
            existing = mine.get(summary.key)
            mine[summary.key] = summary if existing is None else existing.merge(summary)
        return Report(tuple(mine.values()), context, _merged_events(self.events, other.events),
                      self.as_of, tuple(sorted(set(self.excluded) | set(other.excluded))))

    def _rebound(self, context: Context) -> tuple[Summary, ...]:
        if context == self.context:
            return self.summaries
        return tuple(Summary(s.event, s.predicate, s.claims, context) for s in self.summaries)

    @classmethod
    def build(cls, claims: Iterable[Claim], context: Context, *, events: tuple[Event, ...] = (),
              as_of: dt.datetime | None = None) -> Report:
        """The report of ``claims`` against ``context`` (what :func:`claims.reconcile` does
        once it has the claims, vocabulary and sources apart).

        Raises:
            ValidationError: for a naive ``as_of``.
            MergeError: when one claim id names two different claims.
        """
        claims = tuple(claims)
        excluded: tuple[str, ...] = ()
        if as_of is not None:
            if as_of.tzinfo is None or as_of.utcoffset() is None:
                raise ValidationError(f"'as_of' must carry a time zone: as_of={as_of!r}")
            kept = tuple(c for c in claims if c.provenance.published is not None
                         and c.provenance.published.end <= as_of)
            excluded = tuple(sorted({c.id for c in claims} - {c.id for c in kept}))
            claims = kept
        with paused_gc():
            summaries = summarize(claims, context)
            return cls(tuple(summaries.values()), context, events, as_of, excluded)

    def add(self, *claims: Claim) -> Report:
        """This report with more claims (same vocabulary and sources); only the summaries
        the claims touch are settled again."""
        return self.merge(Report.build(claims, self.context, as_of=self.as_of))

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
        """The results for one event."""
        summaries = sorted(self._summaries_of(ident),
                           key=lambda s: (_PREDICATE_ORDER.get(s.predicate, 99), s.predicate))
        title = self._titles().get(ident)
        if title is None and not summaries:
            raise UnknownReferenceError(f"unknown event {ident!r}")
        return EventResult(
            event=ident,
            title=title or ident,
            counts=tuple(r for s in summaries for r in s.settlement.counts),
            facts=tuple(r for s in summaries for r in s.settlement.facts),
            non_claims=tuple(i for s in summaries for i in s.settlement.non_claims),
            denials=tuple(i for s in summaries for i in s.settlement.denials),
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

    def infobox(self, event: str | None = None) -> str:
        """Encyclopedia-style casualty lines, one per figure ("4–9 militiamen killed")."""
        events = [self.event(event)] if event is not None else list(self.results)
        return "\n".join(line for e in events for line in infobox_lines(e, self))

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
