"""The report: every event's results, mergeable, printable, serialisable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claims._claim import Claim, Scope
from claims._converter import converter
from claims._counts import Figure
from claims._dossier import Dossier
from claims._errors import ClaimsError, UnknownReferenceError, ValidationError
from claims._event import Event
from claims._fast import paused_gc
from claims._io import VERSION
from claims._reconcile import Context, Summary, summarize
from claims._results import CountResult, EventResult, FactResult, Policy
from claims._source import Source
from claims._vocabulary import BUILTIN_PREDICATES, Vocabulary

_PREDICATE_ORDER = {p.id: i for i, p in enumerate(BUILTIN_PREDICATES)}


@attrs.frozen
class Report:
    """What can honestly be said about each event, built by :func:`reconcile`.

    A report is a set of :class:`Summary` objects, one per event and predicate. Two reports
    merge by merging their summaries, so ``reconcile(a + b) == reconcile(a).merge(
    reconcile(b))``; :meth:`add` settles again only the summaries the new claims touch.

    Args:
        summaries: One per event and predicate, in key order.
        context: The vocabulary and sources the claims were reconciled against.
        events: What is known of the events (titles); events without an entry show their id.
        as_of: Only claims published by this time were used.
        excluded: Claims left out because they were not (certainly) published by ``as_of``.
    """

    summaries: tuple[Summary, ...]
    context: Context = attrs.Factory(Context)
    events: tuple[Event, ...] = ()
    as_of: dt.datetime | None = None
    excluded: tuple[str, ...] = ()
    _by_id: dict[str, Claim] | None = attrs.field(init=False, default=None, repr=False,
                                                   eq=False)
    _by_event: dict[str, list[Summary]] | None = attrs.field(init=False, default=None,
                                                              repr=False, eq=False)
    _by_title: dict[str, str] | None = attrs.field(init=False, default=None, repr=False,
                                                   eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "summaries", tuple(sorted(self.summaries, key=lambda s: s.key)))

    # -- growing ------------------------------------------------------------------------

    def merge(self, other: Report) -> Report:
        """The report of both sides' claims; only summaries present on both are settled again.

        Raises:
            ClaimsError: when the sides used other vocabularies or ``as_of`` times, or a source,
                event or claim id means different things on each side.
        """
        if other.context.vocabulary != self.context.vocabulary:
            raise ClaimsError("cannot merge reports reconciled against different vocabularies")
        if other.as_of != self.as_of:
            raise ClaimsError(f"cannot merge reports with different as_of times: "
                              f"{self.as_of} and {other.as_of}")
        context = self.context.with_sources(other.context.sources)
        mine = {s.key: s for s in self._rebound(context)}
        for summary in other._rebound(context):
            existing = mine.get(summary.key)
            mine[summary.key] = summary if existing is None else existing.merge(summary)
        events = {e.id: e for e in self.events}
        for event in other.events:
            if events.setdefault(event.id, event) != event:
                raise ClaimsError(f"event {event.id!r} differs between the two sides: "
                                  f"{events[event.id]!r} and {event!r}")
        return Report(tuple(mine.values()), context, tuple(events.values()), self.as_of,
                      tuple(sorted(set(self.excluded) | set(other.excluded))))

    def _rebound(self, context: Context) -> tuple[Summary, ...]:
        if context == self.context:
            return self.summaries
        return tuple(Summary(s.event, s.predicate, s.claims, context) for s in self.summaries)

    def add(self, *claims: Claim) -> Report:
        """This report with more claims (same vocabulary and sources)."""
        return self.merge(reconcile(claims, vocabulary=self.context.vocabulary,
                                    sources=self.context.sources, as_of=self.as_of))

    # -- reading ------------------------------------------------------------------------

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim reconciled, by id."""
        return tuple(sorted((c for s in self.summaries for c in s.claims), key=lambda c: c.id))

    def claim(self, ident: str) -> Claim:
        """A reconciled claim by id."""
        if self._by_id is None:  # built on first use: most reports are never asked
            object.__setattr__(self, "_by_id",
                               {c.id: c for s in self.summaries for c in s.claims})
        assert self._by_id is not None
        try:
            return self._by_id[ident]
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
        if self._by_title is None:
            object.__setattr__(self, "_by_title", {e.id: e.title for e in self.events})
        assert self._by_title is not None
        return self._by_title

    def _summaries_of(self, event: str) -> list[Summary]:
        if self._by_event is None:  # built on first use, in one pass
            by_event: dict[str, list[Summary]] = {}
            for summary in self.summaries:
                by_event.setdefault(summary.event, []).append(summary)
            object.__setattr__(self, "_by_event", by_event)
        assert self._by_event is not None
        return self._by_event.get(event, [])

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

    def figures(self) -> Iterator[Figure]:
        """Every count group's numbers (range, feasible interval, contradiction flag), without
        building the explanations :meth:`count` and :attr:`results` carry: the quick way over
        a large collection."""
        for summary in self.summaries:
            yield from summary.settlement.figures

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
        from claims._render import infobox_lines

        events = [self.event(event)] if event is not None else list(self.results)
        return "\n".join(line for e in events for line in infobox_lines(e, self))

    def to_json(self) -> str:
        """The report as a JSON document (see :func:`report_data` for its shape)."""
        return json.dumps(report_data(self), indent=2, ensure_ascii=False) + "\n"

    def __str__(self) -> str:
        from claims._render import render_report

        return render_report(self)

    def _repr_html_(self) -> str:
        from claims._render import report_html

        return report_html(self)


def reconcile(
    data: Dossier | Iterable[Claim],
    *,
    vocabulary: Vocabulary | None = None,
    sources: Iterable[Source] = (),
    events: Iterable[Event] = (),
    as_of: dt.datetime | None = None,
) -> Report:
    """Say what the claims allow: ranges that name their claims, and contradictions.

    Args:
        data: A dossier, or claims (then give the vocabulary and sources they use).
        vocabulary: For claims given alone; a dossier brings its own.
        sources: For claims given alone: names, and which party each speaks for.
        events: For claims given alone: the events' titles.
        as_of: Use only claims whose publication was over by this (zone-aware) time; the
            others are listed in :attr:`Report.excluded`.

    Raises:
        ValidationError: for a naive ``as_of``.
        ClaimsError: when one claim id names two different claims.
    """
    if isinstance(data, Dossier):
        vocabulary, sources, events, claims = (data.vocabulary, data.sources, data.events,
                                               data.claims)
    else:
        claims = tuple(data)
    context = Context(vocabulary or Vocabulary(), tuple(sorted(sources, key=lambda s: s.id)))
    excluded: tuple[str, ...] = ()
    if as_of is not None:
        if as_of.tzinfo is None or as_of.utcoffset() is None:
            raise ValidationError(f"'as_of' must carry a time zone: as_of={as_of!r}")
        kept = tuple(c for c in claims
                     if c.provenance.published is not None and c.provenance.published.end <= as_of)
        excluded = tuple(sorted({c.id for c in claims} - {c.id for c in kept}))
        claims = kept
    with paused_gc():
        summaries = summarize(claims, context)
        return Report(tuple(summaries.values()), context, tuple(events), as_of, excluded)


REPORT_FORMAT = "claims.report"


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain JSON data: every result with its claims, grades and estimates."""
    from claims._render import infobox_lines

    unstructured = converter().unstructure
    events = []
    for event in report.results:
        data = unstructured(event)
        for result, plain in zip(event.counts, data.get("counts", []), strict=True):
            plain["grade"] = result.grade.value
            plain["range"] = result.range_text()
            plain["estimates"] = [unstructured(result.estimate(p)) for p in Policy]
        for fact, plain in zip(event.facts, data.get("facts", []), strict=True):
            plain["grade"] = fact.grade.value
        data["contradictions"] = [unstructured(c) for c in event.contradictions]
        data["infobox"] = infobox_lines(event, report)
        events.append(data)
    return {
        "format": REPORT_FORMAT,
        "version": VERSION,
        "as_of": None if report.as_of is None else report.as_of.isoformat(),
        "excluded": list(report.excluded),
        "events": events,
    }


converter().register_unstructure_hook(Report, report_data)
