"""Provenance: who said it, through which outlets, when, where, and in what words."""

from __future__ import annotations

import attrs

from claims._checks import check_id, check_optional_text, check_text
from claims._time import TimeSpan


@attrs.frozen(kw_only=True)
class Relay:
    """An outlet that repeated a claim (an agency quoting SOHR; the article that cites it).

    A relay is not a second source: in W3C PROV terms it is a quotation of the original.
    """

    outlet: str
    url: str | None = None
    published: TimeSpan | None = None
    quote: str | None = None

    def __attrs_post_init__(self) -> None:
        check_id("outlet", self.outlet)
        check_optional_text("url", self.url)
        check_optional_text("quote", self.quote)


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
            (UCDP's ``source_office``).
    """

    source: str
    quote: str
    published: TimeSpan | None = None
    url: str | None = None
    language: str | None = None
    relays: tuple[Relay, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_id("source", self.source)
        check_text("quote", self.quote)
        check_optional_text("url", self.url)
        check_optional_text("language", self.language)
