"""Airwars-style rows: min and max per headline figure, with Airwars' grade."""

from __future__ import annotations

from claims.export._field import headlines, sources_of
from claims.export._rows import Row
from claims.reconciler import FactResult, incident_grade
from claims.report import Report


def airwars_rows(report: Report) -> list[Row]:
    """Airwars-style rows: one per event and headline figure, ``min`` and ``max`` from
    ``Policy.MIN_MAX``, and Airwars' grade with Airwars' meaning
    (:func:`claims.reconciler.incident_grade`): Confirmed when a source speaking for the
    perpetrator accepts the harm, Fair for two or more independent parties, Weak for one,
    Contested for competing claims of responsibility (not for clashing counts), Discounted
    when the claims contradict and the most credible figure is none."""
    rows = []
    perpetrators: dict[str, FactResult | None] = {}
    for event, title, result in headlines(report):
        if event not in perpetrators:
            perpetrators[event] = next((f for f in report.event(event).facts
                                        if f.key.predicate == "perpetrator"), None)
        original, _ = sources_of(result, report)
        rows.append({
            "incident": event, "title": title, "figure": result.key.predicate,
            "category": result.key.scope.category or "all", "min": result.low.value,
            "max": result.high.value, "max_open": result.high.open,
            "grade": incident_grade(result, perpetrators[event]).value, "sources": original,
            "hedged": bool(result.hedged_claims),
        })
    return rows
