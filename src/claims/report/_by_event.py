"""A report's summaries kept by event: the table built from summaries, grown by claims, and two
tables merged, settling again only the summaries both hold.

The table is a :class:`PersistentMap`, so the table a report grows into shares everything
untouched with the one it grew from: the same event entries, the same :class:`Summary`
objects. An event's entry is a tuple, and reports use its identity to know that the event's
results built before still hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from claims.model import BUILTIN_PREDICATES, Claim
from claims.reconciler import Context, Summary
from claims.report._persistent import PersistentMap

EventSummaries = tuple[Summary, ...]
"""One event's summaries, one per predicate, in the order its results show them."""
Table = PersistentMap[str, EventSummaries]

FEW = 64
"""A side with this many times fewer events than the other is merged in event by event (a
few node copies each, in proportion to that side); else both sides' tables are copied into
one dict, a C-level copy that is cheaper per event when many events are merged."""

_PREDICATE_ORDER = {p.id: i for i, p in enumerate(BUILTIN_PREDICATES)}


def predicate_rank(summary: Summary) -> tuple[int, str]:
    """Where a summary's results are shown in its event: built-in predicates first."""
    return (_PREDICATE_ORDER.get(summary.predicate, 99), summary.predicate)


def table_of(summaries: Iterable[Summary] | Table) -> Table:
    """The summaries by event; two for one event and predicate are merged."""
    if isinstance(summaries, PersistentMap):
        return summaries
    grouped: dict[str, list[Summary]] = {}
    for summary in summaries:
        grouped.setdefault(summary.event, []).append(summary)
    return PersistentMap({event: (group[0],) if len(group) == 1 else merged((), tuple(group))
                          for event, group in grouped.items()})


def merged_tables(bigger: Table, smaller: Table) -> Table:
    """Both tables as one (``bigger`` has at least as many events): an event on one side only
    keeps its entry, the same tuple; an event on both merges its summaries (:func:`merged`)."""
    if few(bigger, smaller):
        return bigger.update(
            (event, merged(found, summaries) if (found := bigger.get(event)) else summaries)
            for event, summaries in smaller.flat().items())
    ours, theirs = bigger.flat(), smaller.flat()
    whole = dict(ours)
    whole.update(theirs)
    for event in ours.keys() & theirs.keys():
        whole[event] = merged(ours[event], theirs[event])
    return PersistentMap(whole)


def few(bigger: Table, smaller: Table) -> bool:
    """Whether ``smaller`` is merged into ``bigger`` event by event (see :data:`FEW`)."""
    return len(smaller) * FEW <= len(bigger)


def with_claims(table: Table, claims: Iterable[Claim], context: Context) -> Table:
    """The table with ``claims`` in it: the summaries of their events and predicates settled
    again (new ones made for new ones), each other entry kept; ``table`` itself when it held
    every claim already."""
    grouped: dict[str, dict[str, list[Claim]]] = {}
    for claim in claims:
        grouped.setdefault(claim.event, {}).setdefault(claim.predicate, []).append(claim)
    changes = []
    for event, predicates in grouped.items():
        existing = table.get(event, ())
        by_predicate = {s.predicate: s for s in existing}
        for predicate, found in predicates.items():
            summary = by_predicate.get(predicate)
            by_predicate[predicate] = (Summary(event, predicate, tuple(found), context)
                                       if summary is None else _grown(summary, tuple(found)))
        if len(by_predicate) > len(existing) or any(
                by_predicate[s.predicate] is not s for s in existing):
            changes.append((event, tuple(sorted(by_predicate.values(), key=predicate_rank))))
    return table.update(changes) if changes else table


def merged(mine: EventSummaries, theirs: EventSummaries) -> EventSummaries:
    """One event's summaries from both sides: a predicate on one side keeps its summary (the
    same object), and so does one on both when a side holds all its claims; the others are
    settled again."""
    if mine is theirs:
        return mine
    by_predicate = {s.predicate: s for s in mine}
    for summary in theirs:
        existing = by_predicate.get(summary.predicate)
        by_predicate[summary.predicate] = (
            summary if existing is None or _holds(summary, existing.claims)
            else _grown(existing, summary.claims))
    return tuple(sorted(by_predicate.values(), key=predicate_rank))


def _holds(summary: Summary, claims: tuple[Claim, ...]) -> bool:
    held = {c.id: c for c in summary.claims}
    return all((known := held.get(c.id)) is c or known == c for c in claims)


def _grown(summary: Summary, claims: tuple[Claim, ...]) -> Summary:
    """``summary`` with ``claims`` too, settled again; itself when it holds them all.

    Raises:
        MergeError: when a claim's id names another claim of the summary.
    """
    if _holds(summary, claims):
        return summary
    return Summary(summary.event, summary.predicate, summary.claims + claims, summary.context)
