"""HTML tables for notebooks: every cell escaped, so a quote can never inject markup."""

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
