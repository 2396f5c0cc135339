"""Words for reports: the plain-text summary and the infobox lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims._results import CountResult, EventResult, FactResult, Grade, Role
from claims._values import Value

if TYPE_CHECKING:
    from claims._reconcile import Context
    from claims._report import Report

_GRADE_WORDS = {
    Grade.CORROBORATED: "corroborated",
    Grade.SINGLE_SOURCE: "single source",
    Grade.CONTESTED: "contested",
}


def predicate_label(predicate: str, context: Context) -> str:
    vocabulary = context.vocabulary
    if vocabulary.has("predicates", predicate):
        return vocabulary.predicate(predicate).label
    return predicate


def _hedges(ids: tuple[str, ...], report: Report) -> str:
    words = sorted({h.value for i in ids if (h := report.claim(i).hedge) is not None})
    return ", ".join(w.replace("_", " ") for w in words)


def headline_counts(event: EventResult, context: Context) -> list[CountResult]:
    """The results an infobox shows: per predicate, those about a summary category (or about
    everyone); failing that, those no other result of the predicate contains."""
    vocabulary = context.vocabulary
    chosen: list[CountResult] = []
    predicates = list(dict.fromkeys(r.key.predicate for r in event.counts))
    for predicate in predicates:
        results = [r for r in event.counts if r.key.predicate == predicate]
        headline = [
            r for r in results
            if r.key.scope.actor is None and r.key.scope.place is None and (
                r.key.scope.category is None
                or vocabulary.summary_category(r.key.scope.category) == r.key.scope.category)
        ]
        if not headline:
            headline = [r for r in results if not any(
                o is not r and vocabulary.scope_within(r.key.scope, o.key.scope)
                for o in results)]
        chosen.extend(headline)
    return chosen


def count_line(result: CountResult, report: Report) -> str:
    """"4–9 militiamen killed", with "(presumably)" or "(disputed)" where that applies."""
    context = report.context
    single = result.vague is None and result.low.value == result.high.value == 1
    words = context.vocabulary.describe_scope(result.key.scope, 1 if single else 2)
    line = f"{result.range_text()} {words} {predicate_label(result.key.predicate, context)}"
    figures = [c for c in result.contributions if c.role is not Role.BROADER]
    marks = []
    if figures and all(c.hedged for c in figures):
        marks.append(_hedges(result.hedged_claims, report))
    if result.contradiction is not None:
        marks.append("disputed")
    return line + (f" ({'; '.join(marks)})" if marks else "")


def infobox_lines(event: EventResult, report: Report) -> list[str]:
    return [count_line(r, report) for r in headline_counts(event, report.context)]


def _count_block(result: CountResult, report: Report) -> list[str]:
    context = report.context
    grade = _GRADE_WORDS[result.grade]
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
            f"({context.vocabulary.describe_scope(c.scope)}; {', '.join(c.claims)}){hedge}{mark}"
        )
    if result.feasible is not None:
        lines.append(f"    consistent with every claim: {result.feasible}")
    for revision in result.revisions:
        lines.append(f"    superseded: {revision.superseded} by {revision.by}")
    return lines


def _fact_block(result: FactResult, report: Report) -> list[str]:
    context = report.context
    label = predicate_label(result.key.predicate, context)
    if result.key.scope.category or result.key.scope.actor or result.key.scope.place:
        label += f" ({context.vocabulary.describe_scope(result.key.scope)})"
    head = f"  {label}"
    if result.consensus is not None:
        head += f": {report.context.vocabulary.describe_value(result.consensus)}"
    lines = [head + f"  [{_GRADE_WORDS[result.grade]}]"]
    for value in result.values:
        status = "" if value.status.value == "asserted" else f"{value.status.value}: "
        hedge = f" [{_hedges(value.hedged, report)}]" if value.hedged else ""
        wording = "; ".join(f'"{_wording(report.claim(i).value)}"' for i in value.claims)
        voices = ", ".join(context.name(s) for s in value.sources)
        words = context.vocabulary.describe_value(value.value)
        lines.append(f"    {status}{words} - {voices}: {wording} "
                     f"({', '.join(value.claims)}){hedge}")
    return lines


def _wording(value: Value | None) -> str:
    wording = getattr(value, "wording", None)
    return wording if isinstance(wording, str) else str(value)


def render_event(event: EventResult, report: Report) -> list[str]:
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
            label = predicate_label(contradiction.key.predicate, report.context)
            lines.append(f"  {label}: {contradiction.reason}")
        lines.append("")
    if event.non_claims:
        lines.append("Not disclosed")
        for ident in event.non_claims:
            claim = report.claim(ident)
            lines.append(f"  {predicate_label(claim.predicate, report.context)}: "
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


def render_report(report: Report) -> str:
    lines: list[str] = []
    if report.as_of is not None:
        lines += [f"As of {report.as_of.isoformat()}; left out as not yet published: "
                  f"{', '.join(report.excluded) or 'none'}", ""]
    for event in report.results:
        lines.extend(render_event(event, report))
    return "\n".join(lines).rstrip() + "\n"


def report_html(report: Report) -> str:
    """The report for a notebook: per event, each figure with the claims at its ends (source,
    words, quote), then contradictions and non-claims."""
    from claims._html import table

    parts = []
    for event in report.results:
        rows = []
        for result in event.counts:
            def ends(ids: tuple[str, ...]) -> str:
                return "; ".join(
                    f"{report.context.name(report.claim(i).source)}: "
                    f"\u201c{report.claim(i).provenance.quote}\u201d ({i})" for i in ids)
            rows.append((count_line(result, report), _GRADE_WORDS[result.grade],
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


def count_html(result: CountResult, report: Report | None = None) -> str:
    """One result's contributions as a table."""
    from claims._html import table

    return table(("role", "source", "words", "scope", "claims", "allows", "hedged"), (
        (c.role.value, c.source, c.wording, str(c.scope), ", ".join(c.claims), str(c.stated),
         "yes" if c.hedged else "") for c in result.contributions),
        f"{result.range_text()} {result.key.predicate} ({result.grade.value})")
