"""Reading the Parquet form into the figure frame: a row group at a time, the columns as
they are stored (no text to parse), every row checked as :func:`claims.load` checks it.

The columnar checks are those of the JSON Lines form (``_checks``); the rows they cannot
vouch for are made the claim's JSON form again (:func:`claims.io.nest_claim`) and read by the
reader, so their problems are the reader's, placed ``row N: $...``. A row group whose
columns are not of the types the writer writes (another integer width, a dictionary of
strings) is read row by row the same way: slower, never wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claims._extras import require
from claims.bulk._head import Head, read_head
from claims.bulk._read import claims_frame, cross_problems, figure_frame, vouched
from claims.errors import DossierError, Problem
from claims.io._builder import ClaimBuilder
from claims.io._columns import CLAIM_COLUMNS, nest_claim
from claims.io._files import PARQUET_FORMAT
from claims.io._parquet import (
    HEAD_KEY,
    ORDER,
    ParquetRows,
    checked_when_written,
    order_problems,
)
from claims.io._reading import load, parquet_head, row_claim, row_paths
from claims.model import Claim

_NAMES = [name for name, _ in CLAIM_COLUMNS]


def _pl() -> Any:
    import polars

    return polars


def _expected() -> dict[str, Any]:
    pl = _pl()
    relay = pl.Struct({name: pl.String for name in ("outlet", "url", "published_start",
                                                     "published_end", "published_precision",
                                                     "published_wording", "quote", "title")})
    kinds = {"str": pl.String, "int": pl.Int64, "bool": pl.Boolean,
             "list[str]": pl.List(pl.String), "relays": pl.List(relay)}
    return {name: kinds[kind] for name, kind in CLAIM_COLUMNS}


_SLICE_ROWS = 65_536
"""Rows read and checked at a time."""


def read_parquet(path: Path) -> tuple[Head, Any]:
    """The head and the figure frame of a Parquet dossier, every claim checked.

    A file with the writer's schema and head is read by polars alone; any other (no head, a
    column missing or of another type, bytes that are not Parquet) goes through the reader's
    own opening of the file (pyarrow), so its problems are the reader's.

    Raises:
        DossierError: with every problem of the file, placed as :func:`claims.load` places
            them (``head: $...``, ``row N: $...``, ``schema``).
    """
    pl = _pl()
    expected = {**_expected(), ORDER: pl.Int64}
    try:
        schema = dict(pl.read_parquet_schema(path))
        metadata = pl.read_parquet_metadata(path)
    except Exception:  # not Parquet, or damaged: the reader says how
        schema, metadata = {}, {}
    raw = metadata.get(HEAD_KEY)
    found: list[Problem] = []
    if schema != expected or raw is None:
        rows = ParquetRows(path)  # raises for bytes that are not Parquet
        if rows.head is None:
            parquet_head(rows, [], False)  # raises the reader's error: no head
        problems = rows.schema_problems(False)
        head = read_head(rows.head or b"null", PARQUET_FORMAT, "head", str(path), found)
        if problems:
            raise DossierError(problems, str(path))
        has_order = rows.has_order
    else:
        head = read_head(raw.encode(), PARQUET_FORMAT, "head", str(path), found)
        has_order = True
        rows = pl.scan_parquet(path).select(pl.len()).collect().item()
        if checked_when_written(path, metadata, rows):
            head.checked = True
            return head, _unchecked(path)
    frame, orders = read_part(path, head, found, 0, None, has_order)
    if has_order and orders.height:
        found.extend(order_problems_of(orders, orders.height))
    found.extend(cross_problems(frame, "row"))
    if found:
        raise DossierError(sorted(found, key=row_of), str(path))
    return head, frame


def _unchecked(path: Path) -> Any:
    """The figure frame of a file this library checked and wrote, unchanged since
    (:func:`claims.io._parquet.checked_when_written`): its rows are not checked again."""
    pl = _pl()
    # Streamed, so that the quotes (read only to tell statements apart) are never held whole.
    return figure_frame(
        pl.scan_parquet(path).select(*_FIGURE_READ, ORDER).with_row_index("line")
        .with_columns(pl.col("line").cast(pl.UInt32), pl.col(ORDER).alias("offset"))
    ).collect(engine="streaming")


_FIGURE_READ = ("id", "event", "predicate", "scope_category", "scope_actor", "scope_place",
                "source", "quote", "value_type", "value_low", "value_high", "value_best",
                "value_bound", "status", "coverage", "revises", "published_start",
                "published_end")
"""The columns the figure frame is made of."""


def read_part(path: Path | str, head: Head, found: list[Problem], first: int,
              stop: int | None, has_order: bool = True) -> tuple[Any, Any]:
    """The figure frame of the rows ``first`` to ``stop`` (all, when None) of a Parquet
    dossier whose schema and head are checked, with each row's ``order`` (``line``,
    ``offset``); the problems of the rows go to ``found`` (the checks that need every row,
    duplicates and the order column, are the caller's)."""
    pl = _pl()
    expected = {**_expected(), ORDER: pl.Int64}
    scan = pl.scan_parquet(path)
    columns = [*_NAMES, ORDER] if has_order else _NAMES
    parts, orders = [], []
    while stop is None or first < stop:
        size = _SLICE_ROWS if stop is None else min(_SLICE_ROWS, stop - first)
        try:
            flat = scan.slice(first, size).select(columns).collect()
        except Exception as exc:  # damaged pages: the reader says where
            load(path)
            raise DossierError([Problem(f"rows {first}-", f"cannot read the rows: {exc}")],
                               str(path)) from None
        if not flat.height:
            break
        if not has_order:
            flat = flat.with_columns(pl.int_range(first, first + flat.height).alias(ORDER))
        flat = flat.with_columns(
            pl.int_range(first, first + flat.height, dtype=pl.UInt32).alias("line"),
            pl.col(ORDER).cast(pl.Int64, strict=False).alias("offset"))
        orders.append(flat.select("line", "offset"))
        parts.append(_group(flat, expected, head, found))
        first += flat.height
    frame = pl.concat(parts) if parts else claims_frame([])
    return frame, (pl.concat(orders) if orders else pl.DataFrame(
        schema={"line": pl.UInt32, "offset": pl.Int64}))


def row_of(problem: Problem) -> tuple[int, int]:
    place = problem.path.partition(":")[0]
    kind, _, number = place.partition(" ")
    if kind == "row" and number.isdigit():
        return (1, int(number))
    return (0, 0)


def order_problems_of(orders: Any, total: int) -> list[Problem]:
    """The ``order`` column numbers the rows from 0, each once: checked over columns, with
    the reader's message for the first row that breaks it."""
    offsets = orders["offset"]
    if (offsets.null_count() == 0 and offsets.n_unique() == orders.height == total
            and (total == 0 or (offsets.min() >= 0 and offsets.max() < total))):
        return []
    return order_problems(orders.sort("line").iter_rows(), total)


def _group(flat: Any, expected: dict[str, Any], head: Head, found: list[Problem]) -> Any:
    pl = _pl()
    if any(flat.schema.get(name) != kind for name, kind in expected.items() if name != ORDER):
        return _exact(flat, head, found, flat["line"].to_list())
    clean, suspect = vouched(flat.with_columns(head.clean.alias("_clean")), head)
    if not suspect:
        return clean
    return pl.concat([clean, _exact(flat, head, found, suspect)]).sort("line")


def _exact(flat: Any, head: Head, found: list[Problem], rows: list[int]) -> Any:
    """The rows ``rows`` read by the library's reader: problems to ``found``, the claims it
    accepts as a figure frame (``offset`` holding each one's place in the dossier)."""
    pl = _pl()
    builder = ClaimBuilder()
    accepted: list[tuple[int, int, Claim]] = []
    picked = flat.filter(pl.col("line").is_in(rows)).select(*_NAMES, "line", "offset")
    for values in picked.iter_rows(named=True):
        row, order = values.pop("line"), values.pop("offset")
        claim = row_claim(nest_claim(values), row, found, False, builder)
        if claim is None:
            continue
        # a claim with dangling references is kept for the checks across claims (an id
        # said twice, a revision), as the reader checks it; its problems refuse the file
        found.extend(row_paths(head.problems_of(row, claim)))
        accepted.append((row, order, claim))
    return claims_frame(accepted)


def read_rows(path: Path, rows: list[int]) -> list[Claim]:
    """The claims on the rows ``rows`` of a Parquet dossier (already checked), built by the
    reader."""
    pl = _pl()
    parquet = require("pyarrow.parquet", extra="parquet", feature="the Parquet form")
    file = parquet.ParquetFile(path)
    sizes = [file.metadata.row_group(i).num_rows for i in range(file.num_row_groups)]
    wanted = sorted(rows)
    builder = ClaimBuilder()
    found: list[Problem] = []
    claims: list[Claim] = []
    first = 0
    index = 0
    for group, size in enumerate(sizes):
        mine = []
        while index < len(wanted) and wanted[index] < first + size:
            mine.append(wanted[index] - first)
            index += 1
        if mine:
            table = pl.from_arrow(file.read_row_group(group, columns=_NAMES))
            for offset, values in zip(mine, table[mine].iter_rows(named=True), strict=True):
                claim = row_claim(nest_claim(values), first + offset, found, False, builder)
                if claim is not None:
                    claims.append(claim)
        first += size
    if found:  # the file changed since it was read
        raise DossierError(found, str(path))
    return claims
