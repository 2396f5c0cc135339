"""Claims: one typed assertion by one source about one event, with its provenance."""

from __future__ import annotations

import enum

import attrs

from claims._checks import check_id, check_optional_id, check_optional_text
from claims._errors import ValidationError
from claims._provenance import Provenance
from claims._values import Value, ValueKind


class Hedge(enum.Enum):
    """How the source qualified its assertion (Wikidata's "sourcing circumstances")."""

    REPORTEDLY = "reportedly"
    PRESUMABLY = "presumably"
    ALLEGEDLY = "allegedly"
    CLAIMED = "claimed"
    SAID_TO = "said_to"
    ACCORDING_TO = "according_to"
    UNCONFIRMED = "unconfirmed"
    CONFIRMED = "confirmed"

    @property
    def weakens(self) -> bool:
        """Whether the hedge makes the claim less than a plain assertion (all but confirmed)."""
        return self is not Hedge.CONFIRMED


class Status(enum.Enum):
    """What kind of statement a claim records."""

    ASSERTED = "asserted"
    """The source says the value holds."""
    DENIED = "denied"
    """The source says the value does not hold ("we did not carry out the strike")."""
    NOT_DISCLOSED = "not_disclosed"
    """The source declined to give a value ("casualties not disclosed"): a recorded non-claim."""


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

    category: str | None = None
    actor: str | None = None
    place: str | None = None

    def __attrs_post_init__(self) -> None:
        check_optional_id("category", self.category)
        check_optional_id("actor", self.actor)
        check_optional_id("place", self.place)


EVERYONE = Scope()
"""The unrestricted scope."""


@attrs.frozen(kw_only=True)
class Claim:
    """One assertion: ``source`` says that, for ``event``, ``predicate`` of ``scope`` is ``value``.

    Args:
        id: Slug, unique in the dossier.
        event: Id of the event the claim is about.
        predicate: What is claimed ("killed", "target"; see :class:`claims.Predicate`).
        provenance: Who said it, where, when and in what words.
        value: What was asserted or denied; ``None`` only for a non-claim.
        scope: Whom the predicate is restricted to.
        hedge: The source's own qualification ("presumably").
        status: Asserted, denied, or not disclosed.
        note: The coder's note on how the quote was read.

    Raises:
        ValidationError: when a non-claim has a value or an assertion has none.
    """

    id: str
    event: str
    predicate: str
    provenance: Provenance
    value: Value | None = None
    scope: Scope = EVERYONE
    hedge: Hedge | None = None
    status: Status = Status.ASSERTED
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_id("event", self.event)
        check_id("predicate", self.predicate)
        check_optional_text("note", self.note)
        if self.status is Status.NOT_DISCLOSED:
            if self.value is not None:
                raise ValidationError(
                    f"a not_disclosed claim has no 'value': value={self.value!r}"
                )
        elif self.value is None:
            raise ValidationError(
                f"a claim with status {self.status.value!r} needs a 'value': value=None"
            )

    @property
    def source(self) -> str:
        """Id of the asserting source."""
        return self.provenance.source

    @property
    def value_kind(self) -> ValueKind | None:
        """The kind of the value, or None for a non-claim."""
        return None if self.value is None else ValueKind.of(self.value)

    def _repr_html_(self) -> str:
        from claims._html import CLAIM_HEADERS, claim_cells, table

        return table(CLAIM_HEADERS, [claim_cells(self)])

    @property
    def hedged(self) -> bool:
        """Whether the source qualified the claim with anything weaker than "confirmed"."""
        return self.hedge is not None and self.hedge.weakens
