"""CSV: rows written with a header, atomically, with cells a spreadsheet would run as
formulas neutralised."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable
from typing import Any, Protocol

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


def write_csv(rows: Iterable[Row], path: str | os.PathLike[str], *, formulas: bool = False
              ) -> None:
    """Write rows (all with the same keys) as CSV with a header; empty values stay empty,
    times are written in ISO 8601 with their offset. No rows, no header: the file is empty.

    Quotes come from sources and may hold anything, so a text cell that begins with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return is written with a leading apostrophe,
    which spreadsheets show as text instead of running it as a formula (CSV injection).
    The file is written beside ``path`` and renamed into place, so a failure leaves an
    existing file as it was.

    Args:
        rows: The rows; any iterable, read once and row by row (a generator writes in
            memory that does not grow with the rows).
        path: The file.
        formulas: Write such cells verbatim (for a program, not a spreadsheet, to read).
    """
    write_atomically(path, lambda stream: CsvRows(stream, formulas=formulas).write(rows),
                     newline="")


class Writable(Protocol):
    """Somewhere to write text: an open text stream, or anything with its ``write``."""

    def write(self, text: str, /) -> Any: ...


class CsvRows:
    """Rows written to an open text stream (opened with ``newline=""``) as :func:`write_csv`
    writes them, in as many calls as the rows come in: the first row's keys make the
    header."""

    def __init__(self, stream: Writable, *, formulas: bool = False) -> None:
        self._stream = stream
        self._formulas = formulas
        self._writer: csv.DictWriter[str] | None = None

    def write(self, rows: Iterable[Row]) -> None:
        """Write these rows (the header first, before the first row of all)."""
        formulas = self._formulas

        def cell(value: Any) -> Any:
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return value.isoformat()
            return value if formulas else neutralise(value)

        writer = self._writer
        for row in rows:
            if writer is None:
                writer = self._writer = csv.DictWriter(self._stream, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: cell(v) for k, v in row.items()})
