"""Reports as HTML for notebooks: per event, each figure with the claims at its ends, the
facts, and what contradicts, varies, was denied or was not disclosed; long reports cut the
way pandas cuts a long frame."""

from __future__ import annotations

from html import escape

from claims._html import DISPLAY, shown, table
from claims.reconciler import EventResult, Severity, describe_value, predicate_label
from claims.render._text import GRADE_WORDS, as_of_notice, contradiction_label, count_line
from claims.render._view import ReportView


def set_display(*, max_rows: int | None = None, min_rows: int | None = None,
                max_events: int | None = None, max_cell: int | None = None) -> None:
    """Change what notebooks show: tables longer than ``max_rows`` show ``min_rows`` rows
    (half from each end), reports of more than ``max_events`` events show that many, cells
    show ``max_cell`` characters. Defaults: 60, 10, 10, 300 (pandas' row limits)."""
    for name, value in (("max_rows", max_rows), ("min_rows", min_rows),
                        ("max_events", max_events), ("max_cell", max_cell)):
        if value is not None:
            setattr(DISPLAY, name, value)


def report_html(report: ReportView) -> str:
    """The report for a notebook: a summary line, then per event each figure with the claims
    at its ends (source, words, quote), the facts, contradictions with their reasons,
    figures that vary, denials and non-claims; events cut when there are many."""
    results = report.results
    head = (f"<p>{len(results):,} event{'s' * (len(results) != 1)}"
            + (f"; {escape(as_of_notice(report))}" if report.as_of is not None else "")
            + "</p>")
    first, last, left_out = shown(results, DISPLAY.max_events, DISPLAY.max_events)
    parts = [head, *(event_html(e, report) for e in first)]
    if left_out:
        parts.append(f"<p>… {left_out:,} events not shown "
                     "(claims.render.set_display(max_events=...))</p>")
        parts.extend(event_html(e, report) for e in last)
    return "".join(parts)


def event_html(event: EventResult, report: ReportView) -> str:
    """One event's figures, facts, contradictions, denials and non-claims."""
    context = report.context
    vocabulary = context.vocabulary

    def ends(ids: tuple[str, ...]) -> str:
        return "; ".join(f"{context.name(report.claim(i).source)}: "
                         f"\u201c{report.claim(i).provenance.quote}\u201d ({i})" for i in ids)

    parts = [table(("figure", "grade", "independent sources", "low end", "high end",
                    "consistent with every claim"), (
        (count_line(r, report), GRADE_WORDS[r.grade], r.independent, ends(r.low.claims),
         ends(r.high.claims), "" if r.feasible is None else str(r.feasible))
        for r in event.counts), f"{event.title} ({event.event})")]
    if event.facts:
        parts.append(table(("fact", "consensus", "values", "grade"), (
            (predicate_label(vocabulary, f.key.predicate),
             "" if f.consensus is None else describe_value(vocabulary, f.consensus),
             "; ".join(f"{'' if v.status.value == 'asserted' else v.status.value + ': '}"
                       f"{describe_value(vocabulary, v.value)} "
                       f"({', '.join(context.name(s) for s in v.sources)})" for v in f.values),
             GRADE_WORDS[f.grade]) for f in event.facts), "Facts"))
    for heading, severity in (("Contradictions", Severity.CONTRADICTED),
                              ("Figures that vary", Severity.VARY)):
        listed = [c for c in event.contradictions if c.severity is severity]
        if listed:
            parts.append(table(("about", "claims", "why"), (
                (contradiction_label(c, report), ", ".join(c.claims), c.reason)
                for c in listed), heading))
    if event.denials:
        parts.append(table(("predicate", "source", "denies", "quote"), (
            (report.claim(i).predicate, context.name(report.claim(i).source),
             report.claim(i).value, report.claim(i).provenance.quote) for i in event.denials),
            "Denied figures that bound nothing"))
    if event.non_claims:
        parts.append(table(("predicate", "source", "quote"), (
            (report.claim(i).predicate, context.name(report.claim(i).source),
             report.claim(i).provenance.quote) for i in event.non_claims), "Not disclosed"))
    if event.revisions:
        parts.append(table(("superseded", "by"), (
            (r.superseded, r.by) for r in event.revisions), "Revised by their sources"))
    return "".join(parts)
