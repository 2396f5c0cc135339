"""HTML for notebooks: claims and dossiers as tables with their provenance one glance away."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A plain HTML table; every cell is escaped, ``None`` shows as empty."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if cell is None else escape(str(cell))}</td>"
                         for cell in row) + "</tr>"
        for row in rows
    )
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'<table class="claims">{title}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


CLAIM_HEADERS = ("claim", "event", "predicate", "scope", "value", "hedge", "status", "source",
                 "outlets", "published", "quote")


def claim_cells(claim: Any) -> tuple[Any, ...]:
    """A claim's cells under :data:`CLAIM_HEADERS`."""
    scope = claim.scope
    parts = [p for p in (scope.category, scope.actor, scope.place) if p]
    published = claim.provenance.published
    return (claim.id, claim.event, claim.predicate, " / ".join(parts) or "all",
            claim.value, None if claim.hedge is None else claim.hedge.value,
            claim.status.value, claim.source,
            ", ".join(r.outlet for r in claim.provenance.relays),
            None if published is None else published.describe(), claim.provenance.quote)
