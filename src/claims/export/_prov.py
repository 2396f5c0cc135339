"""W3C PROV: the dossier's provenance as a PROV document (the ``prov`` extra), and, given a
report, each reconciled figure derived from the claims behind it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claims._extras import require
from claims.export._events import claims_behind
from claims.model import Claim, Dossier, Provenance, Relay, Scope, Source, Vocabulary
from claims.reconciler import CountResult, EventResult, Policy
from claims.report import Report


def _figure_id(result: CountResult) -> str:
    key = result.key
    scope: Scope = key.scope
    parts = [scope.category or "all", scope.actor or "all", scope.place or "all"]
    return f"claims:figure/{key.event}/{key.predicate}/{'/'.join(parts)}"


def _published(document: Any, entity: Any, record: Provenance | Relay) -> None:
    """The publication, as the entity's generation at its (first) instant."""
    if record.published is not None:
        document.wasGeneratedBy(entity, None, record.published.start)


def prov_document(dossier: Dossier, report: Report | None = None) -> Any:
    """The dossier's provenance as a W3C PROV document (the ``prov`` extra).

    Each source is an agent (its kind, and the party it speaks for: an agent the source
    ``actedOnBehalfOf``); each claim an entity ``wasAttributedTo`` its source, its quote the
    ``prov:value`` (tagged with its language), its URL the ``prov:location``, its title kept,
    its publication time a generation (``wasGeneratedBy`` at that time); each relay an entity
    that ``wasQuotedFrom`` the claim and ``wasAttributedTo`` its outlet, with its own URL,
    time, title and words. Given the report, each reconciled figure is an entity (its range,
    best figure and grade) that ``wasDerivedFrom`` every claim behind it, so the provenance
    of a number can be followed back to what each source said.
    ``prov_document(d, report).serialize(format="json")`` is PROV-JSON.

    Args:
        dossier: The dossier.
        report: Its report, to add the reconciled figures.
    """
    model = require("prov.model", extra="prov", feature="prov_document")
    document = new_document(model)
    add_sources(document, dossier.sources, dossier.vocabulary)
    add_claims(document, model, dossier.claims)
    if report is not None:
        add_figures(document, report, report.results)
    return document


def new_document(model: Any) -> Any:
    """An empty PROV document with the ``claims`` namespace (``model`` is ``prov.model``)."""
    document = model.ProvDocument()
    document.add_namespace("claims", "urn:claims:")
    return document


def add_sources(document: Any, sources: Iterable[Source], vocabulary: Vocabulary) -> None:
    """Each source as an agent, acting on behalf of the party it speaks for."""
    parties: set[str] = set()
    for source in sources:
        agent = document.agent(f"claims:source/{source.id}", {
            "prov:label": source.name, "claims:kind": source.kind,
            **({"claims:reliability": source.reliability.value} if source.reliability else {}),
        })
        if source.affiliation is not None:
            party = f"claims:actor/{source.affiliation}"
            if source.affiliation not in parties:
                parties.add(source.affiliation)
                name = (vocabulary.actor(source.affiliation).name
                        if vocabulary.has("actors", source.affiliation) else source.affiliation)
                document.agent(party, {"prov:label": name})
            document.actedOnBehalfOf(agent, party)


def add_claims(document: Any, model: Any, claims: Iterable[Claim]) -> None:
    """Each claim as an entity attributed to its source, and each relay as a quotation."""
    for claim in claims:
        provenance = claim.provenance
        quote = (model.Literal(provenance.quote, langtag=provenance.language)
                 if provenance.language else provenance.quote)
        attributes: dict[str, Any] = {
            "prov:value": quote, "claims:event": claim.event,
            "claims:predicate": claim.predicate, "claims:status": claim.status.value,
        }
        optional = {"claims:value": None if claim.value is None else str(claim.value),
                    "claims:hedge": None if claim.hedge is None else claim.hedge.value,
                    "prov:location": provenance.url, "claims:title": provenance.title,
                    "claims:language": provenance.language,
                    "claims:external_ids": "; ".join(claim.external_ids) or None}
        attributes.update({k: v for k, v in optional.items() if v is not None})
        entity = document.entity(f"claims:claim/{claim.id}", attributes)
        document.wasAttributedTo(entity, f"claims:source/{claim.source}")
        _published(document, entity, provenance)
        for index, relay in enumerate(provenance.relays):
            kept = {"prov:location": relay.url, "claims:title": relay.title,
                    "prov:value": relay.quote}
            relayed = document.entity(f"claims:relay/{claim.id}/{index}", {
                "claims:outlet": relay.outlet, **{k: v for k, v in kept.items() if v}})
            document.wasQuotedFrom(relayed, entity)
            document.wasAttributedTo(relayed, f"claims:source/{relay.outlet}")
            _published(document, relayed, relay)


def add_figures(document: Any, report: Report, events: Iterable[EventResult]) -> None:
    """Each count result of ``events`` (of ``report``) as a figure derived from the claims
    behind it."""
    for event in events:
        for result in event.counts:
            estimate = Policy.MOST_CREDIBLE.estimate(result)
            figure = document.entity(_figure_id(result), {
                "prov:label": result.range_text(), "claims:event": result.key.event,
                "claims:predicate": result.key.predicate, "claims:low": result.low.value,
                "claims:high": result.high.value, "claims:high_open": result.high.open,
                "claims:grade": result.grade.value,
                **({"claims:best": estimate.best} if estimate.best is not None else {}),
            })
            for claim in claims_behind([result], report):
                document.wasDerivedFrom(figure, f"claims:claim/{claim.id}")
