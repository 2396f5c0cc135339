"""Wikidata: QuickStatements lines for the reconciled figures, a quantity with lower and
upper bounds and a reference for each claim behind it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from claims.export._events import claims_behind, day_span
from claims.model import Claim, Precision, TimeSpan
from claims.reconciler import CountResult, Policy, headline_counts
from claims.report import Report

PROPERTIES: dict[str, str] = {"killed": "P1120", "injured": "P1339"}
"""Wikidata properties for the count predicates: P1120 "number of deaths", P1339 "number of
injured". Pass others to :func:`wikidata_statements` (``{"detained": "P..."}``)."""

APPLIES_TO_PART = "P518"
"""The qualifier naming whom a figure counts ("applies to part": civilians)."""

STATED_IN, REFERENCE_URL, QUOTE, PUBLICATION_DATE = "S248", "S854", "S1683", "S577"
"""Reference properties: stated in (P248), reference URL (P854), quote (P1683),
publication date (P577)."""

_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10}
"""Wikidata's time precisions (9 year, 10 month, 11 day and finer)."""


def _string(text: str) -> str:
    """Text for a QuickStatements value: one line, no tab."""
    return re.sub(r"\s+", " ", text).strip()


def _date(time: TimeSpan) -> str:
    first, _ = day_span(time)
    return f"+{first.isoformat()}T00:00:00Z/{_PRECISION.get(time.precision, 11)}"


def _item(items: Mapping[str, str], kind: str, ident: str,
          external: tuple[str, ...] = ()) -> str:
    """The Wikidata item for one of the dossier's ids: as mapped in ``items``
    (``{"event:us-strike-2021-06-28": "Q107095734"}``), else the id's own ``wikidata:``
    external id, else a placeholder (``{event:us-strike-2021-06-28}``) that QuickStatements
    refuses until it is replaced."""
    key = f"{kind}:{ident}"
    if key in items:
        return items[key]
    known = next((i.removeprefix("wikidata:") for i in external if i.startswith("wikidata:")),
                 None)
    return known or "{" + key + "}"


def _quantity(low: int, best: int, high: int) -> str:
    """``+9[4,9]``: the amount and its bounds, or the amount alone when they are equal."""
    return f"+{best}" if low == best == high else f"+{best}[{low},{high}]"


def _reference(claim: Claim, items: Mapping[str, str]) -> list[str]:
    """Stated in, reference URL, quote and publication date for one claim: the publication
    nearest the source that has an address (its own, else the first outlet relaying it)."""
    provenance = claim.provenance
    publisher, url, published = claim.source, provenance.url, provenance.published
    quote = provenance.quote
    relay = next((r for r in provenance.relays if r.url), None)
    if url is None and relay is not None:
        publisher, url = relay.outlet, relay.url
        published, quote = relay.published or published, relay.quote or quote
    cells = [STATED_IN, _item(items, "source", publisher)]
    if url:
        cells += [REFERENCE_URL, f'"{_string(url)}"']
    language = provenance.language or "und"
    cells += [QUOTE, f'{language}:"{_string(quote)}"']
    if published is not None:
        cells += [PUBLICATION_DATE, _date(published)]
    return cells


def wikidata_statements(report: Report, *, items: Mapping[str, str] | None = None,
                        properties: Mapping[str, str] | None = None,
                        policy: Policy = Policy.LOW_BEST_HIGH) -> list[str]:
    """QuickStatements (version 1) lines, tab-separated, for each event's headline figures.

    Each figure is one statement on the event's item: the property of its predicate
    (:data:`PROPERTIES`), the best figure with the reported range as bounds (``+9[4,9]``,
    from ``policy``), and, for a figure about a category (civilians), the qualifier
    "applies to part" (P518) naming it. Each claim behind the figure adds a reference:
    stated in (P248), reference URL (P854), quote (P1683, in the claim's language) and
    publication date (P577). QuickStatements adds each further line's reference to the
    statement with the same value, so conflicting statements stand side by side, as
    Wikidata keeps them.

    Items are the user's to map: ``items`` maps ``"event:ID"``, ``"category:ID"`` and
    ``"source:ID"`` to Q-ids; an event's ``wikidata:`` external id is used when it has one;
    anything else is written as a placeholder (``{source:sohr}``) that QuickStatements
    refuses, so nothing is written to the wrong item. A figure that rests on a vague word
    ("many") has no quantity and is left out; an open end ("at least nine") is written as
    the number said, since a Wikidata quantity has no open bound (the quote keeps "at
    least").

    Args:
        report: The report.
        items: Q-ids for the dossier's events, categories and sources.
        properties: Wikidata properties for predicates, instead of :data:`PROPERTIES`.
        policy: How the best figure and the bounds are chosen.
    """
    items = items or {}
    properties = PROPERTIES if properties is None else properties
    external = {e.id: e.external_ids for e in report.events}
    lines = []
    for event in report.results:
        subject = _item(items, "event", event.event, external.get(event.event, ()))
        for result in headline_counts(event, report.context.vocabulary):
            prop = properties.get(result.key.predicate)
            if prop is None or result.vague is not None:
                continue
            lines.extend(_statement(result, subject, prop, policy, items, report))
    return lines


def _statement(result: CountResult, subject: str, prop: str, policy: Policy,
               items: Mapping[str, str], report: Report) -> list[str]:
    estimate = policy.estimate(result)
    low = estimate.low if estimate.low is not None else result.low.value
    high = estimate.high if estimate.high is not None else result.high.value
    best = estimate.best if estimate.best is not None else low
    base = [subject, prop, _quantity(low, best, high)]
    category = result.key.scope.category
    if category is not None:
        base += [APPLIES_TO_PART, _item(items, "category", category)]
    behind = claims_behind([result], report)
    if not behind:
        return ["\t".join(base)]
    return ["\t".join([*base, *_reference(claim, items)]) for claim in behind]
