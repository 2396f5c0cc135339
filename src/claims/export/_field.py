"""What the field's formats share: the headline results of each event, and the original
sources behind a result kept apart from the outlets that relayed them."""

from __future__ import annotations

from collections.abc import Iterable

from claims.reconciler import CountResult, Role, headline_counts
from claims.report import Report


def sources_of(result: CountResult, report: Report) -> tuple[str, str]:
    """Names of the original sources and of the outlets that relayed them (UCDP's
    ``source_original`` and ``source_office``)."""
    ids = [i for c in result.contributions if c.role is not Role.BROADER for i in c.claims]
    original = sorted({report.context.name(s) for s in result.sources})
    outlets = sorted({report.context.name(r.outlet) for i in ids
                      for r in report.claim(i).provenance.relays})
    return "; ".join(original), "; ".join(outlets)


def headlines(report: Report) -> Iterable[tuple[str, str, CountResult]]:
    """(event id, title, result) for each headline result of each event."""
    for event in report.results:
        for result in headline_counts(event, report.context.vocabulary):
            yield event.event, event.title, result
