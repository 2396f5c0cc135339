"""Reports as text: the plain-text report and the infobox lines."""

from __future__ import annotations

from claims.model import Value
from claims.reconciler import (
    CountResult,
    EventResult,
    FactResult,
    Grade,
    Role,
    describe_scope,
    describe_value,
    headline_counts,
    predicate_label,
)
from claims.render._view import ReportView

GRADE_WORDS = {
    Grade.CORROBORATED: "corroborated",
    Grade.SINGLE_SOURCE: "single source",
    Grade.CONTESTED: "contested",
}


def _hedges(ids: tuple[str, ...], report: ReportView) -> str:
    words = sorted({h.value for i in ids if (h := report.claim(i).hedge) is not None})
    return ", ".join(w.replace("_", " ") for w in words)


def count_line(result: CountResult, report: ReportView) -> str:
    """"4–9 militiamen killed", with "(presumably)" or "(disputed)" where that applies."""
    context = report.context
    single = result.vague is None and result.low.value == result.high.value == 1
    words = describe_scope(context.vocabulary, result.key.scope, 1 if single else 2)
    label = predicate_label(context.vocabulary, result.key.predicate)
    line = f"{result.range_text()} {words} {label}"
    figures = [c for c in result.contributions if c.role is not Role.BROADER]
    marks = []
    if figures and all(c.hedged for c in figures):
        marks.append(_hedges(result.hedged_claims, report))
    if result.contradiction is not None:
        marks.append("disputed")
    return line + (f" ({'; '.join(marks)})" if marks else "")


def infobox_lines(event: EventResult, report: ReportView) -> list[str]:
    return [count_line(r, report) for r in headline_counts(event, report.context.vocabulary)]


def _count_block(result: CountResult, report: ReportView) -> list[str]:
    context = report.context
    grade = GRADE_WORDS[result.grade]
    sources = f"{result.independent} independent source{'s' * (result.independent != 1)}"
    lines = [f"  {count_line(result, report)}  [{grade}; {sources}]"]
    for c in result.contributions:
        end = []
        if set(c.claims) & set(result.low.claims):
            end.append("low")
        if set(c.claims) & set(result.high.claims):
            end.append("high, open above" if result.high.open and c.stated.high is None
                       else "high")
        mark = f" <- {' and '.join(end)}" if end else ""
        hedge = f" [{_hedges(c.claims, report)}]" if c.hedged else ""
        lines.append(
            f"    {c.role.value:8} {context.name(c.source)}: \"{c.wording}\" "
            f"({describe_scope(context.vocabulary, c.scope)}; {', '.join(c.claims)}){hedge}{mark}"
        )
    if result.feasible is not None:
        lines.append(f"    consistent with every claim: {result.feasible}")
    for revision in result.revisions:
        lines.append(f"    superseded: {revision.superseded} by {revision.by}")
    return lines


def _fact_block(result: FactResult, report: ReportView) -> list[str]:
    context = report.context
    label = predicate_label(context.vocabulary, result.key.predicate)
    if result.key.scope.category or result.key.scope.actor or result.key.scope.place:
        label += f" ({describe_scope(context.vocabulary, result.key.scope)})"
    head = f"  {label}"
    if result.consensus is not None:
        head += f": {describe_value(context.vocabulary, result.consensus)}"
    lines = [head + f"  [{GRADE_WORDS[result.grade]}]"]
    for value in result.values:
        status = "" if value.status.value == "asserted" else f"{value.status.value}: "
        hedge = f" [{_hedges(value.hedged, report)}]" if value.hedged else ""
        wording = "; ".join(f'"{_wording(report.claim(i).value)}"' for i in value.claims)
        voices = ", ".join(context.name(s) for s in value.sources)
        words = describe_value(context.vocabulary, value.value)
        lines.append(f"    {status}{words} - {voices}: {wording} "
                     f"({', '.join(value.claims)}){hedge}")
    return lines


def _wording(value: Value | None) -> str:
    wording = getattr(value, "wording", None)
    return wording if isinstance(wording, str) else str(value)


def render_event(event: EventResult, report: ReportView) -> list[str]:
    lines = [f"{event.title} ({event.event})", ""]
    if event.counts:
        lines.append("Figures")
        for result in event.counts:
            lines.extend(_count_block(result, report))
        lines.append("")
    if event.facts:
        lines.append("Facts")
        for fact in event.facts:
            lines.extend(_fact_block(fact, report))
        lines.append("")
    if event.contradictions:
        lines.append("Contradictions")
        for contradiction in event.contradictions:
            label = predicate_label(report.context.vocabulary, contradiction.key.predicate)
            lines.append(f"  {label}: {contradiction.reason}")
        lines.append("")
    if event.non_claims:
        lines.append("Not disclosed")
        for ident in event.non_claims:
            claim = report.claim(ident)
            lines.append(f"  {predicate_label(report.context.vocabulary, claim.predicate)}: "
                         f"{report.context.name(claim.source)} ({ident}): "
                         f"\"{claim.provenance.quote}\"")
        lines.append("")
    if event.denials:
        lines.append("Denied figures")
        for ident in event.denials:
            claim = report.claim(ident)
            lines.append(f"  {report.context.name(claim.source)} denies {claim.value} "
                         f"{claim.predicate} ({ident})")
        lines.append("")
    return lines


def render_report(report: ReportView) -> str:
    lines: list[str] = []
    if report.as_of is not None:
        lines += [f"As of {report.as_of.isoformat()}; left out as not yet published: "
                  f"{', '.join(report.excluded) or 'none'}", ""]
    for event in report.results:
        lines.extend(render_event(event, report))
    return "\n".join(lines).rstrip() + "\n"
