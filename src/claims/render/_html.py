"""Reports as HTML for notebooks: per event, each figure with the claims at its ends."""

from __future__ import annotations

from claims._html import table
from claims.render._text import GRADE_WORDS, count_line
from claims.render._view import ReportView


def report_html(report: ReportView) -> str:
    """The report for a notebook: per event, each figure with the claims at its ends (source,
    words, quote), then contradictions and non-claims."""
    parts = []
    for event in report.results:
        rows = []
        for result in event.counts:
            def ends(ids: tuple[str, ...]) -> str:
                return "; ".join(
                    f"{report.context.name(report.claim(i).source)}: "
                    f"\u201c{report.claim(i).provenance.quote}\u201d ({i})" for i in ids)
            rows.append((count_line(result, report), GRADE_WORDS[result.grade],
                         result.independent, ends(result.low.claims),
                         ends(result.high.claims),
                         "" if result.feasible is None else str(result.feasible)))
        parts.append(table(("figure", "grade", "independent sources", "low end",
                            "high end", "consistent with every claim"), rows,
                           f"{event.title} ({event.event})"))
        if event.contradictions:
            parts.append(table(("predicate", "claims", "why"), (
                (c.key.predicate, ", ".join(c.claims), c.reason)
                for c in event.contradictions), "Contradictions"))
        if event.non_claims:
            parts.append(table(("predicate", "source", "quote"), (
                (report.claim(i).predicate, report.context.name(report.claim(i).source),
                 report.claim(i).provenance.quote) for i in event.non_claims),
                "Not disclosed"))
    return "".join(parts)
