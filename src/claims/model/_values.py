"""The values a claim can assert: a count, a category term, an actor, a place, a time, text."""

from __future__ import annotations

import enum

import attrs

from claims.model import _checks
from claims.model._count import Count
from claims.model._time import TimeSpan


@attrs.frozen
class _Reference:
    """An id in one of the dossier's vocabularies, with the source's own words for it."""

    id: str = attrs.field(validator=_checks.slug)
    wording: str | None = attrs.field(default=None, validator=_checks.optional_text)

    def __str__(self) -> str:
        return self.wording if self.wording is not None else self.id


@attrs.frozen
class Term(_Reference):
    """A category from the vocabulary ("residential-building"), with the source's words."""


@attrs.frozen
class ActorRef(_Reference):
    """An actor from the vocabulary ("kataib-sayyid-al-shuhada"), with the source's spelling."""


@attrs.frozen
class PlaceRef(_Reference):
    """A place from the vocabulary ("abu-kamal"), with the source's words."""


@attrs.frozen
class Text:
    """Free text for what no vocabulary types, e.g. an evaluation ("a blatant violation")."""

    text: str = attrs.field(validator=_checks.text)

    def __str__(self) -> str:
        return self.text


Value = Count | Term | ActorRef | PlaceRef | TimeSpan | Text
"""Anything a claim can assert."""


class ValueKind(enum.Enum):
    """The kind of value a predicate takes; also the ``"type"`` tag of a value in files."""

    COUNT = "count"
    TERM = "term"
    ACTOR = "actor"
    PLACE = "place"
    TIME = "time"
    TEXT = "text"

    @property
    def type(self) -> type[Value]:
        """The value class of this kind."""
        return _KIND_TYPES[self]

    @classmethod
    def of(cls, value: Value) -> ValueKind:
        """The kind of a value."""
        return _TYPE_KINDS[type(value)]


_KIND_TYPES: dict[ValueKind, type[Value]] = {
    ValueKind.COUNT: Count,
    ValueKind.TERM: Term,
    ValueKind.ACTOR: ActorRef,
    ValueKind.PLACE: PlaceRef,
    ValueKind.TIME: TimeSpan,
    ValueKind.TEXT: Text,
}
_TYPE_KINDS = {cls: kind for kind, cls in _KIND_TYPES.items()}
