"""How far one claimed value, were it true, makes another true: the implication between facts
that truth discovery needs, for count intervals and for the values of facts.

A value is read as the set of states of the world it allows ("at least 9" allows 9, 10, ...;
"Abu Kamal" allows the places in Abu Kamal). Then, for ``first`` and ``second`` about one
thing:

- ``1``: ``first`` lies within ``second`` (its truth makes ``second`` true): "12" implies
  "at least 9", Abu Kamal implies Syria;
- ``1/2``: they overlap, neither within the other (``first`` leaves ``second`` possible):
  "at least 9" and "between 5 and 12"; Syria and Abu Kamal, read from Syria;
- ``0``: they cannot both hold: "4" and "at least 9", two different categories or
  actors (one thing has one true value), times that do not overlap.

The relation agrees with the reconciler's (``docs/reconciliation.md``, "Facts"): values it
says agree (equal or nested, overlapping times) give 1 or 1/2, values it says differ or
contradict give 0.
"""

from __future__ import annotations

from claims.model import (
    ActorRef,
    Count,
    PlaceRef,
    Term,
    TimeSpan,
    Value,
    Vocabulary,
)

WITHIN = 1.0
"""``first`` lies within ``second``."""
OVERLAP = 0.5
"""``first`` and ``second`` overlap, neither within the other."""
APART = 0.0
"""``first`` and ``second`` cannot both hold."""

Span = tuple[int, int | None]
"""A count interval as ``(low, high)``; ``high`` None when open above."""


def span_implication(first: Span, second: Span) -> float:
    """:data:`WITHIN`, :data:`OVERLAP` or :data:`APART` for two count intervals."""
    low, high = first
    other_low, other_high = second
    if low >= other_low and (other_high is None or (high is not None and high <= other_high)):
        return WITHIN
    if (other_high is None or low <= other_high) and (high is None or other_low <= high):
        return OVERLAP
    return APART


def span_distance(figure: int, span: Span) -> int:
    """How far ``figure`` lies outside ``span`` (0 inside it)."""
    low, high = span
    if figure < low:
        return low - figure
    if high is not None and figure > high:
        return figure - high
    return 0


def value_implication(first: Value, second: Value, vocabulary: Vocabulary) -> float:
    """:data:`WITHIN`, :data:`OVERLAP` or :data:`APART` for two values of one fact."""
    if first == second:
        return WITHIN
    if isinstance(first, Count) and isinstance(second, Count):
        return span_implication((first.low, first.high), (second.low, second.high))
    if isinstance(first, TimeSpan) and isinstance(second, TimeSpan):
        if second.contains(first):
            return WITHIN
        return OVERLAP if first.overlaps(second) else APART
    within = None
    if isinstance(first, Term) and isinstance(second, Term):
        within = vocabulary.category_within
    elif isinstance(first, ActorRef) and isinstance(second, ActorRef):
        within = vocabulary.actor_within
    elif isinstance(first, PlaceRef) and isinstance(second, PlaceRef):
        within = vocabulary.place_within
    if within is None:
        return APART  # free text, or values of two kinds: different answers
    assert isinstance(first, Term | ActorRef | PlaceRef)
    assert isinstance(second, Term | ActorRef | PlaceRef)
    if within(first.id, second.id):
        return WITHIN
    return OVERLAP if within(second.id, first.id) else APART
