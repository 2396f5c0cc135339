"""Data frames: rows as pandas or polars frames (the ``pandas`` and ``polars`` extras), with
column types that do not depend on the data: counts are nullable integers, times carry a
zone, and a column left empty keeps its type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from claims._extras import require
from claims.export._columns import COLUMN_TYPES
from claims.export._rows import Row


def _types(rows: list[Row], columns: Mapping[str, type] | None) -> dict[str, type]:
    known = {**COLUMN_TYPES, **(columns or {})}
    names = dict.fromkeys(name for row in rows for name in row)
    return {name: known[name] for name in names if name in known}


def to_pandas(rows: list[Row], *, columns: Mapping[str, type] | None = None) -> Any:
    """Rows as a pandas DataFrame (the ``pandas`` extra), each column of a known type
    (:data:`COLUMN_TYPES`, or ``columns``) typed whatever it holds: counts as ``Int64``
    (nullable integers, never floats with NaN), flags as ``boolean``, text as ``string``,
    times as ``datetime64[ns, UTC]`` (the instant kept; the CSV keeps the source's offset).

    Args:
        rows: The rows.
        columns: Types of columns the library does not know (``{"my_count": int}``).
    """
    pd = require("pandas", extra="pandas", feature="to_pandas")
    frame = pd.DataFrame.from_records(rows, columns=list(dict.fromkeys(
        name for row in rows for name in row)) or None)
    dtypes = {int: "Int64", bool: "boolean", float: "Float64", str: "string"}
    for name, kind in _types(rows, columns).items():
        if kind is dt.datetime:
            frame[name] = pd.to_datetime(frame[name], utc=True)
        else:
            frame[name] = frame[name].astype(dtypes[kind])
    return frame


def to_polars(rows: list[Row], *, columns: Mapping[str, type] | None = None) -> Any:
    """Rows as a polars DataFrame (the ``polars`` extra), each known column of a fixed type
    (``Int64``, ``Boolean``, ``Float64``, ``String``, ``Datetime("us", "UTC")``) whatever it
    holds, so frames from two dossiers concatenate.

    Args:
        rows: The rows.
        columns: Types of columns the library does not know.
    """
    pl = require("polars", extra="polars", feature="to_polars")
    dtypes = {int: pl.Int64, bool: pl.Boolean, float: pl.Float64, str: pl.String,
              dt.datetime: pl.Datetime("us", "UTC")}
    schema = {name: dtypes[kind] for name, kind in _types(rows, columns).items()}
    return pl.DataFrame(rows, schema_overrides=schema, infer_schema_length=None)
