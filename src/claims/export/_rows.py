"""Rows: claims and results as plain dicts, one per claim or per count result, for tables,
frames and CSV."""

from __future__ import annotations

from typing import Any

from claims.model import Claim, Dossier, Source
from claims.report import Report

Row = dict[str, Any]


def claim_rows(dossier: Dossier) -> list[Row]:
    """One row per claim, its provenance in columns (source, outlets, published, quote);
    ``published`` is the zone-aware start of the publication time."""
    return [claim_row(claim, dossier.source(claim.source)) for claim in dossier.claims]


def claim_row(claim: Claim, source: Source) -> Row:
    """The row of one claim (see :func:`claim_rows`), ``source`` being its source."""
    published = claim.provenance.published
    return {
        "claim": claim.id, "event": claim.event, "predicate": claim.predicate,
        "category": claim.scope.category, "actor": claim.scope.actor,
        "place": claim.scope.place, "status": claim.status.value,
        "value": None if claim.value is None else str(claim.value),
        "low": getattr(claim.value, "low", None), "high": getattr(claim.value, "high", None),
        "bound": getattr(getattr(claim.value, "bound", None), "value", None),
        "hedge": None if claim.hedge is None else claim.hedge.value,
        "source": source.id, "source_name": source.name, "source_kind": source.kind,
        "outlets": "; ".join(r.outlet for r in claim.provenance.relays) or None,
        "published": None if published is None else published.start,
        "url": claim.provenance.url, "quote": claim.provenance.quote, "note": claim.note,
        "title": claim.provenance.title,
        "external_ids": "; ".join(claim.external_ids) or None,
    }


def result_rows(report: Report) -> list[Row]:
    """One row per count result: the range, the feasible interval, grade and sources."""
    rows = []
    for event in report.results:
        for result in event.counts:
            scope = result.key.scope
            feasible = result.feasible
            rows.append({
                "event": event.event, "title": event.title, "predicate": result.key.predicate,
                "category": scope.category, "actor": scope.actor, "place": scope.place,
                "range": result.range_text(), "low": result.low.value,
                "high": result.high.value, "high_open": result.high.open,
                "low_claims": "; ".join(result.low.claims),
                "high_claims": "; ".join(result.high.claims),
                "feasible_low": None if feasible is None else feasible.low,
                "feasible_high": None if feasible is None else feasible.high,
                "contradiction": None if result.contradiction is None
                else result.contradiction.reason,
                "grade": result.grade.value, "sources": "; ".join(result.sources),
                "independent_sources": result.independent,
                "hedged_claims": "; ".join(result.hedged_claims) or None,
            })
    return rows
