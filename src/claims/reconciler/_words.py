"""The reconciler's English: words for scopes and values in a vocabulary's own labels, as its
reasons and reports use them ("militiamen of Kata'ib Hezbollah", "residential house")."""

from __future__ import annotations

from claims.model import ActorRef, PlaceRef, Scope, Term, TimeSpan, Value, Vocabulary


def describe_scope(vocabulary: Vocabulary, scope: Scope, n: int = 2) -> str:
    """Words for a scope, for a count of ``n``: "militiamen of Kata'ib Hezbollah"."""
    if scope.category is None:
        words = "person" if n == 1 else "people"
    elif vocabulary.has("categories", scope.category):
        words = vocabulary.category(scope.category).label_for(n)
    else:
        words = scope.category
    if scope.actor is not None:
        known = vocabulary.has("actors", scope.actor)
        words += f" of {vocabulary.actor(scope.actor).name if known else scope.actor}"
    if scope.place is not None:
        known = vocabulary.has("places", scope.place)
        words += f" in {vocabulary.place(scope.place).name if known else scope.place}"
    return words


def describe_value(vocabulary: Vocabulary, value: Value) -> str:
    """A value in the vocabulary's words: a category's label, an actor's or place's name."""
    if isinstance(value, Term) and vocabulary.has("categories", value.id):
        return vocabulary.category(value.id).label
    if isinstance(value, ActorRef) and vocabulary.has("actors", value.id):
        return vocabulary.actor(value.id).name
    if isinstance(value, PlaceRef) and vocabulary.has("places", value.id):
        return vocabulary.place(value.id).name
    if isinstance(value, TimeSpan):
        return value.describe()
    return str(value)


def predicate_label(vocabulary: Vocabulary, predicate: str) -> str:
    """A predicate's label ("killed"), or its id when the vocabulary does not know it."""
    if vocabulary.has("predicates", predicate):
        return vocabulary.predicate(predicate).label
    return predicate
