"""Tables: claims and results as rows (plain dicts), for pandas, polars and CSV; and the
field's export formats (UCDP-GED-style and Airwars-style rows, W3C PROV)."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from claims._dossier import Dossier
from claims._report import Report
from claims._results import CountResult, Grade, Policy, Role

Row = dict[str, Any]


def claim_rows(dossier: Dossier) -> list[Row]:
    """One row per claim, its provenance in columns (source, outlets, published, quote)."""
    rows = []
    for claim in dossier.claims:
        source = dossier.source(claim.source)
        published = claim.provenance.published
        rows.append({
            "claim": claim.id, "event": claim.event, "predicate": claim.predicate,
            "category": claim.scope.category, "actor": claim.scope.actor,
            "place": claim.scope.place, "status": claim.status.value,
            "value": None if claim.value is None else str(claim.value),
            "low": getattr(claim.value, "low", None), "high": getattr(claim.value, "high", None),
            "bound": getattr(getattr(claim.value, "bound", None), "value", None),
            "hedge": None if claim.hedge is None else claim.hedge.value,
            "source": source.id, "source_name": source.name, "source_kind": source.kind,
            "outlets": "; ".join(r.outlet for r in claim.provenance.relays) or None,
            "published": None if published is None else published.start.isoformat(),
            "url": claim.provenance.url, "quote": claim.provenance.quote, "note": claim.note,
        })
    return rows


def _sources(result: CountResult, report: Report) -> tuple[str, str]:
    """Names of the original sources and of the outlets that relayed them (UCDP's
    ``source_original`` and ``source_office``)."""
    ids = [i for c in result.contributions if c.role is not Role.BROADER for i in c.claims]
    original = sorted({report.context.name(s) for s in result.sources})
    outlets = sorted({report.context.name(r.outlet) for i in ids
                      for r in report.claim(i).provenance.relays})
    return "; ".join(original), "; ".join(outlets)


def result_rows(report: Report) -> list[Row]:
    """One row per count result: the range, the feasible interval, grade and sources."""
    rows = []
    for event in report.results:
        for result in event.counts:
            scope = result.key.scope
            feasible = result.feasible
            rows.append({
                "event": event.event, "title": event.title, "predicate": result.key.predicate,
                "category": scope.category, "actor": scope.actor, "place": scope.place,
                "range": result.range_text(), "low": result.low.value,
                "high": result.high.value, "high_open": result.high.open,
                "low_claims": "; ".join(result.low.claims),
                "high_claims": "; ".join(result.high.claims),
                "feasible_low": None if feasible is None else feasible.low,
                "feasible_high": None if feasible is None else feasible.high,
                "contradiction": None if result.contradiction is None
                else result.contradiction.reason,
                "grade": result.grade.value, "sources": "; ".join(result.sources),
                "independent_sources": result.independent,
                "hedged_claims": "; ".join(result.hedged_claims) or None,
            })
    return rows


def _headline(report: Report) -> Iterable[tuple[str, str, CountResult]]:
    from claims._render import headline_counts

    for event in report.results:
        for result in headline_counts(event, report.context):
            yield event.event, event.title, result


def ucdp_rows(report: Report) -> list[Row]:
    """UCDP-GED-style rows: one per event and headline figure ("killed" and "injured" of each
    summary category), with ``low``/``best``/``high`` from :attr:`Policy.LOW_BEST_HIGH`,
    ``number_of_sources``, and the original sources apart from the outlets that relayed them.
    ``best`` is empty when the claims contradict one another."""
    rows = []
    for event, title, result in _headline(report):
        estimate = result.estimate(Policy.LOW_BEST_HIGH)
        original, office = _sources(result, report)
        rows.append({
            "id": event, "event_title": title, "type_of_figure": result.key.predicate,
            "category": result.key.scope.category or "all", "low": estimate.low,
            "best": estimate.best, "high": estimate.high, "high_open": result.high.open,
            "number_of_sources": len(result.sources), "independent_sources": result.independent,
            "source_original": original, "source_office": office,
            "disputed": result.contradiction is not None,
        })
    return rows


_AIRWARS_GRADES = {Grade.CORROBORATED: "Fair", Grade.SINGLE_SOURCE: "Weak",
                   Grade.CONTESTED: "Contested"}


def airwars_rows(report: Report) -> list[Row]:
    """Airwars-style rows: one per event and headline figure, ``min`` and ``max`` from
    :attr:`Policy.MIN_MAX`, and Airwars' grade (two or more independent sources: Fair; one:
    Weak; sources contradicting: Contested)."""
    rows = []
    for event, title, result in _headline(report):
        original, _ = _sources(result, report)
        rows.append({
            "incident": event, "title": title, "figure": result.key.predicate,
            "category": result.key.scope.category or "all", "min": result.low.value,
            "max": result.high.value, "max_open": result.high.open,
            "grade": _AIRWARS_GRADES[result.grade], "sources": original,
            "hedged": bool(result.hedged_claims),
        })
    return rows


def write_csv(rows: list[Row], path: str | os.PathLike[str]) -> None:
    """Write rows (all with the same keys) as CSV with a header; empty values stay empty."""
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        if not rows:
            return
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)


def to_pandas(rows: list[Row]) -> Any:
    """Rows as a pandas DataFrame (the ``pandas`` extra)."""
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return pd.DataFrame.from_records(rows)


def to_polars(rows: list[Row]) -> Any:
    """Rows as a polars DataFrame (the ``polars`` extra)."""
    import polars as pl  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return pl.DataFrame(rows, infer_schema_length=None)


def prov_document(dossier: Dossier) -> Any:
    """The dossier's provenance as a W3C PROV document (the ``prov`` extra): each source an
    agent, each claim an entity attributed to it, each relay an entity quoted from the claim
    and attributed to its outlet. ``prov_document(d).serialize(format="json")`` is PROV-JSON.
    """
    from prov.model import ProvDocument  # type: ignore[import-untyped, import-not-found, unused-ignore]

    document = ProvDocument()
    document.add_namespace("claims", "urn:claims:")
    for source in dossier.sources:
        document.agent(f"claims:source/{source.id}",
                       {"prov:label": source.name, "claims:kind": source.kind})
    for claim in dossier.claims:
        attributes: Mapping[str, Any] = {
            "prov:value": claim.provenance.quote, "claims:event": claim.event,
            "claims:predicate": claim.predicate, "claims:status": claim.status.value,
            **({"claims:value": str(claim.value)} if claim.value is not None else {}),
            **({"claims:hedge": claim.hedge.value} if claim.hedge is not None else {}),
        }
        entity = document.entity(f"claims:claim/{claim.id}", attributes)
        document.wasAttributedTo(entity, f"claims:source/{claim.source}")
        for index, relay in enumerate(claim.provenance.relays):
            relayed = document.entity(
                f"claims:relay/{claim.id}/{index}",
                {"claims:outlet": relay.outlet, **({"prov:location": relay.url}
                                                   if relay.url else {})})
            document.wasQuotedFrom(relayed, entity)
            document.wasAttributedTo(relayed, f"claims:source/{relay.outlet}")
    return document
