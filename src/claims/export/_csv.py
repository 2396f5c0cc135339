"""CSV: rows written with a header, atomically."""

from __future__ import annotations

import csv
import os
from typing import IO

from claims.export._rows import Row
from claims.io import write_atomically


def write_csv(rows: list[Row], path: str | os.PathLike[str]) -> None:
    """Write rows (all with the same keys) as CSV with a header; empty values stay empty.
    The file is written beside ``path`` and renamed into place, so a failure leaves an
    existing file as it was."""
    def write(stream: IO[str]) -> None:
        if not rows:
            return
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)

    write_atomically(path, write, newline="")
