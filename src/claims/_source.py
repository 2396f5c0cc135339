"""Sources: who asserts a claim, what kind of body they are, and whose side they speak for."""

from __future__ import annotations

import enum

import attrs

from claims._checks import check_id, check_optional_id, check_text, check_texts


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

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    reliability: Reliability | None = None

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_text("name", self.name)
        check_id("kind", self.kind)
        check_texts("aliases", self.aliases)
        check_optional_id("affiliation", self.affiliation)
