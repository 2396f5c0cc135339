"""Headlines: which of an event's count results an infobox or a one-row-per-event export
shows."""

from __future__ import annotations

from claims.model import Vocabulary
from claims.reconciler._results import CountResult, EventResult


def headlines(event: EventResult, vocabulary: Vocabulary
              ) -> list[tuple[CountResult, tuple[CountResult, ...]]]:
    """The results an infobox shows, per predicate: each total (a result no other result of
    the predicate contains), with the summary categories within it (people killed, with the
    civilians among them). A total stated for everyone keeps its breakdown; a summary
    category with no total above it stands alone."""
    chosen: list[tuple[CountResult, tuple[CountResult, ...]]] = []
    within = vocabulary.scope_within
    predicates = list(dict.fromkeys(r.key.predicate for r in event.counts))
    for predicate in predicates:
        results = [r for r in event.counts if r.key.predicate == predicate]
        totals = [r for r in results if not any(
            o is not r and within(r.key.scope, o.key.scope) for o in results)]
        for total in totals:
            parts = tuple(
                r for r in results if r is not total and within(r.key.scope, total.key.scope)
                and _summary(r, vocabulary))
            chosen.append((total, parts))
    return chosen


def headline_counts(event: EventResult, vocabulary: Vocabulary) -> list[CountResult]:
    """Every result :func:`headlines` shows, totals and their breakdowns, in order."""
    return [r for total, parts in headlines(event, vocabulary) for r in (total, *parts)]


def _summary(result: CountResult, vocabulary: Vocabulary) -> bool:
    scope = result.key.scope
    return (scope.actor is None and scope.place is None and scope.category is not None
            and vocabulary.summary_category(scope.category) == scope.category)
