"""UCDP-GED-style rows: low, best and high per headline figure, with the original sources
apart from the outlets that relayed them."""

from __future__ import annotations

from claims.export._field import headlines, sources_of
from claims.export._rows import Row
from claims.reconciler import Policy, Severity
from claims.report import Report


def ucdp_rows(report: Report) -> list[Row]:
    """UCDP-GED-style rows: one per event and headline figure ("killed" and "injured" of each
    summary category), with ``low``/``best``/``high`` from ``Policy.LOW_BEST_HIGH``,
    ``number_of_sources``, and the original sources apart from the outlets that relayed them.
    ``best`` is the most credible figure (``Policy.MOST_CREDIBLE``), with its reasons in
    ``best_reasons``; ``severity`` says whether the figures are consistent, vary or
    contradict, and ``disputed`` whether they contradict."""
    rows = []
    for event, title, result in headlines(report):
        estimate = Policy.LOW_BEST_HIGH.estimate(result)
        original, office = sources_of(result, report)
        rows.append({
            "id": event, "event_title": title, "type_of_figure": result.key.predicate,
            "category": result.key.scope.category or "all", "low": estimate.low,
            "best": estimate.best, "high": estimate.high, "high_open": result.high.open,
            "number_of_sources": len(result.sources), "independent_sources": result.independent,
            "source_original": original, "source_office": office,
            "disputed": result.severity is Severity.CONTRADICTED,
            "severity": result.severity.value,
            "best_reasons": "; ".join(estimate.reasons),
        })
    return rows
