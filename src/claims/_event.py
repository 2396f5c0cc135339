"""Events: what the claims are about, and how events relate to one another."""

from __future__ import annotations

import attrs

from claims._checks import check_id, check_optional_id, check_text
from claims._time import TimeSpan


@attrs.frozen
class EventLink:
    """A relation to another event: ``EventLink("in_response_to", "us-strike-2021-06-28")``."""

    relation: str
    event: str

    def __attrs_post_init__(self) -> None:
        check_id("relation", self.relation)
        check_id("event", self.event)


@attrs.frozen(kw_only=True)
class Event:
    """One event. Claims about different events never mix, however alike they look.

    Args:
        id: Slug.
        title: Display title.
        time: When it happened, as the coder dates it (claims about the time are separate).
        place: Id of the place, as the coder locates it.
        links: Relations to other events (a retaliation is "in_response_to" its cause).
    """

    id: str
    title: str
    time: TimeSpan | None = None
    place: str | None = None
    links: tuple[EventLink, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_text("title", self.title)
        check_optional_id("place", self.place)
