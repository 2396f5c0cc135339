"""Reading a CSV export row by row: every cell checked where it is read, every problem kept
with its row and column (``row 5: $.best``), none dropped."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterator

from claims.errors import DossierError, Problem

PathLike = str | os.PathLike[str]


class Row:
    """One record of a CSV export; its getters record a problem instead of raising, and
    return None for a cell that is empty or wrong."""

    def __init__(self, number: int, cells: dict[str, str], problems: list[Problem]) -> None:
        self.number = number
        self._cells = cells
        self._problems = problems

    def problem(self, column: str, message: str) -> None:
        self._problems.append(Problem(f"row {self.number}: $.{column}", message))

    def text(self, column: str, *, required: bool = False) -> str | None:
        value = (self._cells.get(column) or "").strip()
        if not value:
            if required:
                self.problem(column, "required cell is empty")
            return None
        return value

    def names(self, column: str) -> list[str]:
        """A cell listing names, separated by ";" (GED's and ACLED's way)."""
        value = self.text(column) or ""
        return list(dict.fromkeys(n.strip() for n in value.split(";") if n.strip()))

    def count(self, column: str, *, required: bool = False) -> int | None:
        value = self.text(column, required=required)
        if value is None:
            return None
        if re.fullmatch(r"[0-9]+", value) is None:
            self.problem(column, f"expected a whole number of 0 or more, got {value!r}")
            return None
        return int(value)

    def code(self, column: str, allowed: range) -> int | None:
        """A numeric code (a precision) among ``allowed``; empty is None."""
        value = self.count(column)
        if value is not None and value not in allowed:
            self.problem(column, f"expected one of {list(allowed)}, got {value}")
            return None
        return value

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        """An ISO date ("2021-06-28", or GED's "2021-06-28 00:00:00.000"), or ACLED's
        "28 June 2021"."""
        value = self.text(column, required=required)
        return None if value is None else self._date(column, value)

    def dates(self, column: str) -> list[dt.date]:
        """A cell listing dates, separated by ";"; each distinct date once."""
        found = [self._date(column, value) for value in self.names(column)]
        return list(dict.fromkeys(d for d in found if d is not None))

    def _date(self, column: str, value: str) -> dt.date | None:
        found = re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?",
                             value)
        try:
            if found is not None:
                return dt.date.fromisoformat(found.group(1))
            return dt.datetime.strptime(value, "%d %B %Y").date()
        except ValueError:
            self.problem(column, f"expected a date (2021-06-28), got {value!r}")
            return None


def read_rows(path: PathLike, required: tuple[str, ...], problems: list[Problem]
              ) -> Iterator[Row]:
    """The records of a CSV file with a header row, numbered as a spreadsheet numbers them
    (the header is row 1). Missing columns are problems of row 1; extra columns are
    ignored (later releases add some); a record with more cells than the header has is a
    problem of its row.

    Raises:
        DossierError: when the file cannot be read at all.
    """
    try:
        stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115  # read lazily
    except OSError as exc:
        raise DossierError([Problem("$", f"cannot read the file: {exc}")], str(path)) from exc
    with stream:
        reader = csv.DictReader(stream, restkey="\0extra")
        try:
            header = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DossierError([Problem("row 1: $", f"not a CSV header: {exc}")],
                               str(path)) from exc
        missing = [c for c in required if c not in header]
        for column in missing:
            problems.append(Problem(f"row 1: $.{column}", "missing column"))
        if missing:
            return
        number = 1
        try:
            for cells in reader:
                number += 1
                if "\0extra" in cells:
                    problems.append(Problem(f"row {number}: $", "more cells than columns"))
                    continue
                yield Row(number, {k: v for k, v in cells.items() if v is not None},
                          problems)
        except (csv.Error, UnicodeDecodeError) as exc:
            problems.append(Problem(f"row {number + 1}: $", f"cannot read the row: {exc}"))
