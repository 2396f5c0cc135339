"""Headlines: which of an event's count results an infobox or a one-row-per-event export
shows."""

from __future__ import annotations

from claims.model import Vocabulary
from claims.reconciler._results import CountResult, EventResult


def headline_counts(event: EventResult, vocabulary: Vocabulary) -> list[CountResult]:
    """The results an infobox shows: per predicate, those about a summary category (or about
    everyone); failing that, those no other result of the predicate contains."""
    chosen: list[CountResult] = []
    predicates = list(dict.fromkeys(r.key.predicate for r in event.counts))
    for predicate in predicates:
        results = [r for r in event.counts if r.key.predicate == predicate]
        headline = [
            r for r in results
            if r.key.scope.actor is None and r.key.scope.place is None and (
                r.key.scope.category is None
                or vocabulary.summary_category(r.key.scope.category) == r.key.scope.category)
        ]
        if not headline:
            headline = [r for r in results if not any(
                o is not r and vocabulary.scope_within(r.key.scope, o.key.scope)
                for o in results)]
        chosen.extend(headline)
    return chosen
