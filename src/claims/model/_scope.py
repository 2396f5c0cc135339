"""Scopes: whom or what a claim is about, narrowing its predicate."""

from __future__ import annotations

import attrs

from claims.model import _checks


@attrs.frozen(cache_hash=True)
class Scope:
    """Whom or what a claim is about, narrowing its predicate.

    Each part is optional; ``None`` means "any". A scope lies within another when each part
    lies within the other's (child within civilian; a faction within its alliance).

    Args:
        category: Category id ("militiaman", "child").
        actor: Actor id the counted people belong to ("kataib-sayyid-al-shuhada").
        place: Place id the claim is limited to.
    """

    category: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    actor: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    place: str | None = attrs.field(default=None, validator=_checks.optional_slug)

    def __str__(self) -> str:
        """"militiaman / kataib-hezbollah / abu-kamal", "everyone"."""
        parts = [p for p in (self.category, self.actor, self.place) if p]
        return " / ".join(parts) or "everyone"


EVERYONE = Scope()
"""The unrestricted scope."""
