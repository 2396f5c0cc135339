"""Reports as text: the plain-text report and the infobox lines."""

from __future__ import annotations

from claims.model import Value
from claims.reconciler import (
    Contradiction,
    ContradictionKind,
    CountResult,
    EventResult,
    FactResult,
    Grade,
    Role,
    Severity,
    describe_scope,
    describe_value,
    headlines,
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


def _figure(result: CountResult, report: ReportView, open_ends: str) -> str:
    """"4 to at least 9 militiamen": the range and whom it counts."""
    single = result.vague is None and result.low.value == result.high.value == 1 and not (
        result.high.open or result.high.more_than)
    words = describe_scope(report.context.vocabulary, result.key.scope, 1 if single else 2)
    return f"{result.range_text(open_ends)} {words}"


def _marks(result: CountResult, report: ReportView) -> list[str]:
    figures = result.figures_from
    marks = []
    if figures and all(c.hedged for c in figures):
        marks.append(_hedges(tuple(i for c in figures for i in c.claims), report))
    if result.severity is Severity.CONTRADICTED:
        marks.append("disputed")
    elif result.severity is Severity.VARY:
        marks.append("figures vary")
    if result.disputed_within:
        within = sorted({describe_scope(report.context.vocabulary, c.key.scope)
                         for c in result.disputed_within})
        marks.append(f"figures for {', '.join(within)} disputed")
    return marks


def count_line(result: CountResult, report: ReportView, open_ends: str = "words") -> str:
    """"4 to at least 9 militiamen killed", with "(presumably)" or "(disputed)" where that
    applies; ``open_ends`` as in :meth:`CountResult.range_text`."""
    label = predicate_label(report.context.vocabulary, result.key.predicate)
    line = f"{_figure(result, report, open_ends)} {label}"
    marks = _marks(result, report)
    return line + (f" ({'; '.join(marks)})" if marks else "")


def infobox_lines(event: EventResult, report: ReportView, open_ends: str = "dash") -> list[str]:
    """Encyclopedia-style casualty lines: per predicate, each total with the summary
    categories within it ("45 people killed, including at least 29 civilians"), or each
    summary category's line where no total is stated. Open ends follow ``open_ends``; the
    default writes "4–9 militiamen killed" for 4 and "at least 9", as encyclopedia
    infoboxes do."""
    lines = []
    for total, parts in headlines(event, report.context.vocabulary):
        line = count_line(total, report, open_ends)
        if parts:
            label = predicate_label(report.context.vocabulary, total.key.predicate)
            included = ", ".join(_figure(p, report, open_ends) +
                                 (f" ({'; '.join(m)})" if (m := _marks(p, report)) else "")
                                 for p in parts)
            marks = _marks(total, report)
            line = (f"{_figure(total, report, open_ends)} {label}, including {included}"
                    + (f" ({'; '.join(marks)})" if marks else ""))
        lines.append(line)
    return lines


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
        notes = [n for n in (_hedges(c.claims, report) if c.hedged else "",
                             c.reading if c.role in (Role.ACCOUNT, Role.PART) else "",
                             f"interested: {c.interested}" if c.interested else "",
                             str(c.credibility) if c.credibility else "") if n]
        note = f" [{'; '.join(notes)}]" if notes else ""
        lines.append(
            f"    {c.role.value:8} {context.name(c.source)}: \"{c.wording}\" "
            f"({describe_scope(context.vocabulary, c.scope)}; {', '.join(c.claims)}){note}{mark}"
        )
    if result.feasible is not None:
        lines.append(f"    consistent with every claim: {result.feasible}")
    for revision in result.revisions:
        lines.append(f"    superseded: {revision.superseded} by {revision.by}")
    for dispute in result.disputed_within:
        within = describe_scope(context.vocabulary, dispute.key.scope)
        lines.append(f"    disputed within ({within}): {', '.join(dispute.claims)}")
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


def contradiction_label(contradiction: Contradiction, report: ReportView) -> str:
    """"killed (civilians, people)": the predicate, and the groups a count contradiction
    touches."""
    vocabulary = report.context.vocabulary
    label = predicate_label(vocabulary, contradiction.key.predicate)
    if contradiction.kind is ContradictionKind.FACTS:
        return label
    groups = contradiction.groups or (contradiction.key,)
    return f"{label} ({', '.join(describe_scope(vocabulary, g.scope) for g in groups)})"


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
    for heading, severity in (("Contradictions", Severity.CONTRADICTED),
                              ("Figures that vary", Severity.VARY)):
        listed = [c for c in event.contradictions if c.severity is severity]
        if listed:
            lines.append(heading)
            for contradiction in listed:
                lines.append(f"  {contradiction_label(contradiction, report)}: "
                             f"{contradiction.reason}")
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


def as_of_notice(report: ReportView) -> str:
    """"As of T: left out as published later: a, b; undated: c"."""
    undated = set(report.undated)
    later = [i for i in report.excluded if i not in undated]
    assert report.as_of is not None
    return (f"As of {report.as_of.isoformat()}; left out as published later: "
            f"{', '.join(later) or 'none'}; left out as undated: "
            f"{', '.join(sorted(undated)) or 'none'}")


def render_report(report: ReportView) -> str:
    lines: list[str] = []
    if report.as_of is not None:
        lines += [as_of_notice(report), ""]
    for event in report.results:
        lines.extend(render_event(event, report))
    return "\n".join(lines).rstrip() + "\n"
