"""Wikipedia: infobox casualty lines whose figures each carry a citation built from the
provenance of the claims that set them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.export._events import day_span
from claims.model import Claim, Source
from claims.reconciler import CountResult, EventResult, headline_counts
from claims.render import count_line
from claims.report import Report

_NEWS_KINDS = frozenset({"news_agency", "state_media"})
"""Source kinds cited with ``{{cite news}}``; anything else with ``{{cite web}}``."""

_ESCAPES = (("{{", "&#123;&#123;"), ("}}", "&#125;&#125;"), ("<", "&lt;"),
            ("[[", "&#91;&#91;"), ("]]", "&#93;&#93;"), ("|", "{{!}}"))
"""Braces first, so that the bar's own ``{{!}}`` stays a template."""


def _value(text: str) -> str:
    """Text safe inside a template parameter: one line, no bar, braces, tags or links."""
    text = re.sub(r"\s+", " ", text).strip()
    for raw, escaped in _ESCAPES:
        text = text.replace(raw, escaped)
    return text


def cite(claim: Claim, report: Report) -> str:
    """A ``{{cite news}}`` or ``{{cite web}}`` template for one claim, from its provenance:
    the nearest publication with an address (the source's own, else the first outlet that
    relayed it), its title where known (else the source's name), the publisher, the date,
    the language when not English, and the verbatim quote."""
    provenance = claim.provenance
    publisher, url, published = claim.source, provenance.url, provenance.published
    title, quote = provenance.title, provenance.quote
    relay = next((r for r in provenance.relays if r.url), None)
    if url is None and relay is not None:
        publisher, url = relay.outlet, relay.url
        published = relay.published or published
        title, quote = relay.title or title, relay.quote or quote
    source: Source | None = report.context.source(publisher)
    name = report.context.name(publisher)
    template = "cite news" if source is not None and source.kind in _NEWS_KINDS else "cite web"
    parts = [f"title={_value(title or report.context.name(claim.source))}"]
    if url:
        parts.append(f"url={_value(url)}")
    parts.append(f"{'work' if template == 'cite news' else 'publisher'}={_value(name)}")
    if published is not None:
        first, _ = day_span(published)
        parts.append(f"date={first.isoformat()}")
    if provenance.language and provenance.language.split("-")[0] != "en":
        parts.append(f"language={_value(provenance.language)}")
    parts.append(f"quote={_value(quote)}")
    return "{{" + template + " |" + " |".join(parts) + "}}"


class _Refs:
    """Named references: a claim cited twice is written in full once, then by name."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self._written: set[str] = set()

    def __call__(self, claims: tuple[str, ...]) -> str:
        refs = []
        for ident in dict.fromkeys(claims):
            if ident in self._written:
                refs.append(f'<ref name="{ident}" />')
            else:
                self._written.add(ident)
                refs.append(f'<ref name="{ident}">{cite(self._report.claim(ident), self._report)}'
                            "</ref>")
        return "".join(refs)


def _cited(result: CountResult, report: Report, refs: _Refs) -> str:
    """The infobox line with a reference after each end of the range."""
    line = count_line(result, report, "dash")
    low, high = result.low, result.high
    dash = f"{low.value}–{high.value}"
    if result.vague is None and low.value != high.value and line.startswith(dash):
        return (f"{low.value}{refs(low.claims)}–{high.value}{refs(high.claims)}"
                + line[len(dash):])
    figure = result.range_text("dash")
    if line.startswith(figure):
        return figure + refs((*low.claims, *high.claims)) + line[len(figure):]
    return line + refs((*low.claims, *high.claims))


def wikipedia_infobox(report: Report, event: str | None = None) -> str:
    """Infobox casualty lines for Wikipedia, one per headline figure (a total and each
    summary category within it on lines of their own), each end of each range cited:
    "4<ref>...</ref>–9<ref>...</ref> militiamen killed", the reference built from the
    provenance of the claims that set that end (:func:`cite`). A claim cited twice is
    written in full once and then by name (``<ref name="sohr-killed" />``). For several
    events, each event's lines follow its title in bold; join lines with ``<br />`` or a
    list, as the infobox field takes them.

    Args:
        report: The report.
        event: One event, or every event (each labelled).
    """
    if event is not None:
        return "\n".join(wikipedia_lines(report, [report.event(event)]))
    results = report.results
    return "\n".join(wikipedia_lines(report, results, labelled=len(results) > 1))


def wikipedia_lines(report: Report, events: Iterable[EventResult] | None = None, *,
                    labelled: bool = False) -> list[str]:
    """The lines :func:`wikipedia_infobox` joins, for ``events`` (every event of the report
    when None), each event's lines after its title in bold when ``labelled`` and it has any.
    A claim belongs to one event, so the lines of a report's events made in parts (each part
    writing its claims' references in full once) are the lines of the whole."""
    refs = _Refs(report)
    lines = []
    for result in report.results if events is None else events:
        counts = headline_counts(result, report.context.vocabulary)
        if labelled and counts:
            lines.append(f"'''{_value(result.title)}'''")
        lines.extend(_cited(r, report, refs) for r in counts)
    return lines
