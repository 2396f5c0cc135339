"""Claims: one typed assertion by one source about one event, with its provenance."""

from __future__ import annotations

import enum

import attrs

from claims._html import table
from claims.errors import ValidationError, excerpt
from claims.model import _checks
from claims.model._provenance import Provenance
from claims.model._scope import EVERYONE, Scope
from claims.model._values import Value, ValueKind


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


class Coverage(enum.Enum):
    """Whether a count about a narrower group is the source's whole account of the broader
    groups it lies within (see ``docs/reconciliation.md``, "Parts and accounts")."""

    COMPLETE = "complete"
    """The source's whole account: "four of our members were killed" from the militia is its
    figure for militiamen killed, and can set an end of their range."""
    PARTIAL = "partial"
    """A part only: a medic's "three children" is a floor for civilians, never an end of
    their range."""


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
        coverage: For a count, whether it is the source's whole account of the broader
            groups up to its summary category (complete) or a part of them (partial). Left
            unset, a party's count of its own dead is complete and any other is partial.
        revises: The id of an earlier claim of the same source that this one replaces, for
            when publication times are equal or unknown (a numbered bulletin).
        interested: Whether the source is an interested party in this claim. Left unset, a
            party speaking of its own losses, or for the event's perpetrator about the harm,
            is interested (``docs/reconciliation.md``, "Interested parties").
        external_ids: The record the claim was read from in another collection, as
            ``scheme:identifier`` (``ucdp-ged:423091``, ``acled:SYR12345``).

    Raises:
        ValidationError: when a non-claim has a value or an assertion has none.
    """

    id: str = attrs.field(validator=_checks.slug)
    event: str = attrs.field(validator=_checks.slug)
    predicate: str = attrs.field(validator=_checks.slug)
    provenance: Provenance = attrs.field(validator=_checks.of_type(Provenance, "a Provenance"))
    value: Value | None = None
    scope: Scope = attrs.field(default=EVERYONE, validator=_checks.of_type(Scope, "a Scope"))
    hedge: Hedge | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.of_type(Hedge, "a Hedge")))
    status: Status = attrs.field(default=Status.ASSERTED,
                                 validator=_checks.of_type(Status, "a Status"))
    note: str | None = attrs.field(default=None, validator=_checks.optional_text)
    coverage: Coverage | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.of_type(Coverage, "a Coverage")))
    revises: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    interested: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.of_type(bool, "True or False")))
    external_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple, validator=_checks.external_ids)

    def __attrs_post_init__(self) -> None:
        if self.status is Status.NOT_DISCLOSED:
            if self.value is not None:
                raise ValidationError(
                    f"a not_disclosed claim has no 'value': value={excerpt(self.value)}"
                )
        elif self.value is None:
            raise ValidationError(
                f"a claim with status {self.status.value!r} needs a 'value': value=None"
            )
        if self.revises is not None and self.revises == self.id:
            raise ValidationError(f"a claim cannot revise itself: revises={self.revises!r}")

    @property
    def source(self) -> str:
        """Id of the asserting source."""
        return self.provenance.source

    @property
    def value_kind(self) -> ValueKind | None:
        """The kind of the value, or None for a non-claim."""
        return None if self.value is None else ValueKind.of(self.value)

    def _repr_html_(self) -> str:
        return table(CLAIM_HEADERS, [claim_cells(self)])

    @property
    def hedged(self) -> bool:
        """Whether the source qualified the claim with anything weaker than "confirmed"."""
        return self.hedge is not None and self.hedge.weakens


CLAIM_HEADERS = ("claim", "event", "predicate", "scope", "value", "hedge", "status", "source",
                 "outlets", "published", "quote")
"""The columns a claim shows in a notebook."""


def claim_cells(claim: Claim) -> tuple[object, ...]:
    """A claim's cells under :data:`CLAIM_HEADERS`."""
    scope = claim.scope
    parts = [p for p in (scope.category, scope.actor, scope.place) if p]
    published = claim.provenance.published
    return (claim.id, claim.event, claim.predicate, " / ".join(parts) or "all",
            claim.value, None if claim.hedge is None else claim.hedge.value,
            claim.status.value, claim.source,
            ", ".join(r.outlet for r in claim.provenance.relays),
            None if published is None else published.describe(), claim.provenance.quote)
