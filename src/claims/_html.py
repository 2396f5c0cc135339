"""HTML tables for notebooks: every cell escaped, so a quote can never inject markup; long
tables cut the way pandas cuts them, with a note of what was left out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any, TypeVar

import attrs

_T = TypeVar("_T")


@attrs.define
class DisplayOptions:
    """Limits on what a notebook shows (change them with :func:`claims.render.set_display`).

    Args:
        max_rows: A table with more rows than this is cut.
        min_rows: How many rows a cut table shows, half from the top and half from the end.
        max_events: A report with more events than this shows that many, half from each end.
        max_cell: Characters shown in one cell; longer text ends in "…".
    """

    max_rows: int = 60
    min_rows: int = 10
    max_events: int = 10
    max_cell: int = 300


DISPLAY = DisplayOptions()
"""The limits in force."""

_CELL = ' style="text-align:left;vertical-align:top"'


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    limit = DISPLAY.max_cell
    if len(text) > limit:
        return f'<span title="{escape(text)}">{escape(text[:limit])}…</span>'
    return escape(text)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A plain HTML table, left-aligned; every cell is escaped, ``None`` shows as empty."""
    head = "".join(f"<th{_CELL}>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td{_CELL}>{_cell(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    title = f'<caption style="text-align:left">{escape(caption)}</caption>' if caption else ""
    return (f'<table class="claims">{title}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def shown(items: Sequence[_T], limit: int | None = None, keep: int | None = None
          ) -> tuple[list[_T], list[_T], int]:
    """The items a display shows: all of them when there are at most ``limit``, else the
    first and last ``keep`` // 2 (pandas' max_rows and min_rows); and how many are left out."""
    limit = DISPLAY.max_rows if limit is None else limit
    keep = DISPLAY.min_rows if keep is None else keep
    if len(items) <= limit:
        return list(items), [], 0
    head = max(1, keep // 2)
    tail = max(0, keep - head)
    return list(items[:head]), list(items[len(items) - tail:]), len(items) - head - tail


def long_table(headers: Sequence[str], items: Sequence[_T], cells: Callable[[_T], Sequence[Any]],
               caption: str = "") -> str:
    """A table of ``items``, cut when long: only the rows shown are built, so a table of a
    million claims costs what twenty rows cost. A cut table says how many rows it left out."""
    first, last, left_out = shown(items)
    rows: list[Sequence[Any]] = [cells(i) for i in first]
    if left_out:
        rows.append(["…"] * len(headers))
        rows.extend(cells(i) for i in last)
        caption += f" ({len(items):,} rows; {left_out:,} not shown)"
    return table(headers, rows, caption)
