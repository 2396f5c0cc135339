"""Data frames: rows as pandas or polars frames (the ``pandas`` and ``polars`` extras)."""

from __future__ import annotations

from typing import Any

from claims._extras import require
from claims.export._rows import Row


def to_pandas(rows: list[Row]) -> Any:
    """Rows as a pandas DataFrame (the ``pandas`` extra)."""
    pd = require("pandas", extra="pandas", feature="to_pandas")

    return pd.DataFrame.from_records(rows)


def to_polars(rows: list[Row]) -> Any:
    """Rows as a polars DataFrame (the ``polars`` extra)."""
    pl = require("polars", extra="polars", feature="to_polars")

    return pl.DataFrame(rows, infer_schema_length=None)
