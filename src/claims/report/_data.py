"""The report as plain JSON data (``"format": "claims.report"``)."""

from __future__ import annotations

from typing import Any

from claims.io import VERSION, unstructure
from claims.reconciler import POLICIES
from claims.render import ReportView, infobox_lines

REPORT_FORMAT = "claims.report"


def report_data(report: ReportView) -> dict[str, Any]:
    """The report as plain JSON data: every result with its claims, grades and estimates."""
    events = []
    for event in report.results:
        data = unstructure(event)
        for result, plain in zip(event.counts, data.get("counts", []), strict=True):
            plain["grade"] = result.grade.value
            plain["range"] = result.range_text()
            plain["estimates"] = [unstructure(p.estimate(result)) for p in POLICIES]
        for fact, plain in zip(event.facts, data.get("facts", []), strict=True):
            plain["grade"] = fact.grade.value
        data["contradictions"] = [unstructure(c) for c in event.contradictions]
        data["infobox"] = infobox_lines(event, report)
        events.append(data)
    return {
        "format": REPORT_FORMAT,
        "version": VERSION,
        "as_of": None if report.as_of is None else report.as_of.isoformat(),
        "excluded": list(report.excluded),
        "undated": list(report.undated),
        "events": events,
    }
