"""Airwars-style rows: min and max per headline figure, with Airwars' grade."""

from __future__ import annotations

from claims.export._field import headlines, sources_of
from claims.export._rows import Row
from claims.reconciler import Grade
from claims.report import Report

_AIRWARS_GRADES = {Grade.CORROBORATED: "Fair", Grade.SINGLE_SOURCE: "Weak",
                   Grade.CONTESTED: "Contested"}


def airwars_rows(report: Report) -> list[Row]:
    """Airwars-style rows: one per event and headline figure, ``min`` and ``max`` from
    ``Policy.MIN_MAX``, and Airwars' grade (two or more independent sources: Fair; one: Weak;
    sources contradicting: Contested)."""
    rows = []
    for event, title, result in headlines(report):
        original, _ = sources_of(result, report)
        rows.append({
            "incident": event, "title": title, "figure": result.key.predicate,
            "category": result.key.scope.category or "all", "min": result.low.value,
            "max": result.high.value, "max_open": result.high.open,
            "grade": _AIRWARS_GRADES[result.grade], "sources": original,
            "hedged": bool(result.hedged_claims),
        })
    return rows
