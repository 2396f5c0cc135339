"""Provenance: who said it, through which outlets, when, where, and in what words."""

from __future__ import annotations

import attrs

from claims.errors import Problem, ValidationError, excerpt
from claims.model import _checks
from claims.model._time import TimeSpan

_optional_time = attrs.validators.optional(_checks.of_type(TimeSpan, "a TimeSpan"))


@attrs.frozen(kw_only=True)
class Relay:
    """An outlet that repeated a claim (an agency quoting SOHR; the article that cites it).

    A relay is not a second source: in W3C PROV terms it is a quotation of the original.
    """

    outlet: str = attrs.field(validator=_checks.slug)
    url: str | None = attrs.field(default=None, validator=_checks.optional_text)
    published: TimeSpan | None = attrs.field(default=None, validator=_optional_time)
    quote: str | None = attrs.field(default=None, validator=_checks.optional_text)
    title: str | None = attrs.field(default=None, validator=_checks.optional_text)
    """The headline or title of the outlet's piece, where known."""


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a claim comes from.

    Args:
        source: Id of the source that asserted it (the original claimant, UCDP's
            ``source_original``).
        quote: The words the claim was read from, verbatim.
        published: When the source published it, with zone and precision.
        url: Where the source published it.
        language: Language of the quote (BCP 47, "en", "ar").
        relays: Outlets the claim reached us through, nearest to the source first
            (UCDP's ``source_office``); never the source itself.
        title: The headline or title of the source's own publication, where known
            (UCDP's ``source_headline``; the ``title`` of a citation).

    Raises:
        ValidationError: for a relay that names the source itself.
    """

    source: str = attrs.field(validator=_checks.slug)
    quote: str = attrs.field(validator=_checks.text)
    published: TimeSpan | None = attrs.field(default=None, validator=_optional_time)
    url: str | None = attrs.field(default=None, validator=_checks.optional_text)
    language: str | None = attrs.field(default=None, validator=_checks.optional_text)
    relays: tuple[Relay, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Relay, "a Relay"))
    title: str | None = attrs.field(default=None, validator=_checks.optional_text)

    @relays.validator
    def _relays_are_other_outlets(self, _: attrs.Attribute[tuple[Relay, ...]],
                                  relays: tuple[Relay, ...]) -> None:
        own = [Problem(f"$.relays[{index}].outlet",
                       f"a relay names the claim's own source {excerpt(self.source)}: an outlet "
                       "repeats a source, a source does not relay itself")
               for index, relay in enumerate(relays) if relay.outlet == self.source]
        if own:
            raise ValidationError(problems=own)
