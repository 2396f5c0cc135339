"""Sources: who asserts a claim, what kind of body they are, and whose side they speak for."""

from __future__ import annotations

import enum

import attrs

from claims.model import _checks


class Reliability(enum.Enum):
    """Source reliability on the NATO / Admiralty scale, judged apart from each claim."""

    A = "A"
    """Completely reliable."""
    B = "B"
    """Usually reliable."""
    C = "C"
    """Fairly reliable."""
    D = "D"
    """Not usually reliable."""
    E = "E"
    """Unreliable."""
    F = "F"
    """Reliability cannot be judged."""


@attrs.frozen(kw_only=True)
class Source:
    """Someone who asserts claims: a ministry, a monitoring group, a militia, a news agency.

    Args:
        id: Stable slug ("sohr").
        name: Display name.
        kind: One of :data:`claims.BUILTIN_SOURCE_KINDS` or a kind the vocabulary adds.
        aliases: Other names the source goes by.
        affiliation: The actor (party to the event) the source belongs to or speaks for.
        reliability: Admiralty grade A-F, if one has been judged.
    """

    id: str = attrs.field(validator=_checks.slug)
    name: str = attrs.field(validator=_checks.text)
    kind: str = attrs.field(validator=_checks.slug)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.texts)
    affiliation: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    reliability: Reliability | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_checks.of_type(Reliability, "a Reliability")))
