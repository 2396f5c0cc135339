"""Events: what the claims are about, and how events relate to one another."""

from __future__ import annotations

import attrs

from claims.model import _checks
from claims.model._time import TimeSpan


@attrs.frozen
class EventLink:
    """A relation to another event: ``EventLink("in_response_to", "us-strike-2021-06-28")``."""

    relation: str = attrs.field(validator=_checks.slug)
    event: str = attrs.field(validator=_checks.slug)


@attrs.frozen(kw_only=True)
class Event:
    """One event. Claims about different events never mix, however alike they look.

    Args:
        id: Slug.
        title: Display title.
        time: When it happened, as the coder dates it (claims about the time are separate).
        place: Id of the place, as the coder locates it.
        links: Relations to other events (a retaliation is "in_response_to" its cause).
        external_ids: The event's ids in other collections, as ``scheme:identifier``
            (``ucdp-ged:423091``, ``acled:SYR12345``, ``wikidata:Q107095734``); importers
            attach their records to the event that carries the record's id.
    """

    id: str = attrs.field(validator=_checks.slug)
    title: str = attrs.field(validator=_checks.text)
    time: TimeSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.of_type(TimeSpan, "a TimeSpan")))
    place: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    links: tuple[EventLink, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(EventLink, "an EventLink"))
    external_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple, validator=_checks.external_ids)
