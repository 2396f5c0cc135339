"""W3C PROV: the dossier's provenance as a PROV document (the ``prov`` extra)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claims._extras import require
from claims.model import Dossier


def prov_document(dossier: Dossier) -> Any:
    """The dossier's provenance as a W3C PROV document (the ``prov`` extra): each source an
    agent, each claim an entity attributed to it, each relay an entity quoted from the claim
    and attributed to its outlet. ``prov_document(d).serialize(format="json")`` is PROV-JSON.
    """
    model = require("prov.model", extra="prov", feature="prov_document")
    document = model.ProvDocument()
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
