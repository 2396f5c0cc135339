"""CSV: rows written with a header, atomically, with cells a spreadsheet would run as
formulas neutralised."""

from __future__ import annotations

import csv
import datetime as dt
import os
from typing import IO, Any

from claims.export._rows import Row
from claims.io import write_atomically

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)."""


def neutralise(cell: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1",
    "@SUM(...)"), with a leading apostrophe so it shows as text; anything else unchanged."""
    if isinstance(cell, str) and cell.startswith(_FORMULA):
        return "'" + cell
    return cell


def write_csv(rows: list[Row], path: str | os.PathLike[str], *, formulas: bool = False
              ) -> None:
    """Write rows (all with the same keys) as CSV with a header; empty values stay empty,
    times are written in ISO 8601 with their offset.

    Quotes come from sources and may hold anything, so a text cell that begins with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading apostrophe,
    which spreadsheets show as text instead of running it as a formula (CSV injection).
    The file is written beside ``path`` and renamed into place, so a failure leaves an
    existing file as it was.

    Args:
        rows: The rows.
        path: The file.
        formulas: Write such cells verbatim (for a program, not a spreadsheet, to read).
    """
    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        return value if formulas else neutralise(value)

    def write(stream: IO[str]) -> None:
        if not rows:
            return
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: cell(v) for k, v in row.items()} for row in rows)

    write_atomically(path, write, newline="")
