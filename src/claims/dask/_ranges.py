"""``claims.dask.ranges``: every count group's figures of Parquet dossiers, worked out on Dask's
workers by the bulk path, each part of whole events where it is read; only the figures come
back.

This is what scales past one machine: a worker reads, checks and reconciles its part over
columns (``claims.bulk``) and returns one row per count group, a few dozen bytes each, so the
calling process holds the figures, not the claims. The explanation of any event is built
afterwards from that event's rows alone (``claims.bulk.reconcile(path).report(event)``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from typing import Any

import attrs

from claims._extras import require
from claims.bulk import RANGE_COLUMNS
from claims.bulk._figures import ranges as figures_of
from claims.bulk._head import Head
from claims.bulk._parquet import order_problems_of, read_part, row_of
from claims.bulk._read import cross_problems
from claims.errors import DossierError, MergeError, Problem, ValidationError, excerpt
from claims.io import ParquetParts
from claims.io._parquet import ParquetRows
from claims.reconciler import DEFAULT_TOLERANCE, Context, Tolerance

PathLike = str | os.PathLike[str]


@attrs.frozen
class _Figures:
    """What a task sends back: a part's figures, the ids it holds (for duplicates between
    parts), each row's order, and the problems found in it."""

    file: int
    figures: Any
    ids: Any
    orders: Any
    problems: tuple[Problem, ...] = ()


def ranges(path_or_paths: PathLike | Iterable[PathLike], *, client: Any = None,
           tolerance: Tolerance = DEFAULT_TOLERANCE) -> Any:
    """Every count group's figures, as :meth:`claims.bulk.Bulk.ranges` gives them (a polars
    frame, one row per group, in the same order), worked out on Dask's workers: each reads,
    checks and reconciles a part of whole events and sends back only its figures.

    Several files are one collection when they hold different events (a file per range of
    events, as ``docs/scale.md`` suggests for very large collections) under one vocabulary.

    Args:
        path_or_paths: A ``.parquet`` dossier, or several, on a file system every worker
            sees at the same path.
        client: A ``distributed.Client``; without one, Dask's current scheduler.
        tolerance: When figures that cannot all hold merely vary (as for
            :func:`claims.reconcile`).

    Raises:
        DossierError: every problem in the files, placed by row as :func:`claims.load`
            places them.
        MergeError: when the files' vocabularies differ or two files hold one event's counts.
        MissingExtraError: without the ``dask`` extra.
    """
    dask = require("dask", extra="dask", feature="claims.dask")
    pl = require("polars", extra="dask", feature="claims.dask")
    paths: list[PathLike] = ([path_or_paths] if isinstance(path_or_paths, str | os.PathLike)
                             else list(path_or_paths))
    if not paths:
        raise ValidationError("claims.dask.ranges needs at least one file")
    files = [ParquetParts.open(path) for path in paths]
    if any(f.vocabulary != files[0].vocabulary for f in files[1:]):
        raise MergeError("cannot put together files with different vocabularies")
    tasks: list[Any] = []
    for index, parts in enumerate(files):
        groups = ParquetRows(parts.location).groups
        starts = [first for first, _ in groups]
        stops = [first + size for first, size in groups]
        head = dask.delayed((parts.location, parts.vocabulary, parts.sources,
                             frozenset(e.id for e in parts.events), tolerance),
                            name=f"claims-head-{uuid.uuid4().hex}", traverse=False)
        tasks.extend(dask.delayed(_part, pure=True)(head, index, starts[run[0]],
                                                    stops[run[-1]])
                     for run in parts.parts)
    done: list[_Figures] = list(dask.compute(*tasks) if client is None
                                else client.gather(client.compute(tasks)))
    problems: dict[int, list[Problem]] = {}
    for part in done:
        problems.setdefault(part.file, []).extend(part.problems)
    for index, parts in enumerate(files):
        mine = [part for part in done if part.file == index]
        orders = pl.concat([p.orders for p in mine if p.orders is not None]) if any(
            p.orders is not None for p in mine) else None
        if orders is not None and orders.height:
            problems[index].extend(order_problems_of(orders, parts.rows))
        ids = pl.concat([p.ids.with_columns(pl.lit(n).alias("part"))
                         for n, p in enumerate(mine) if p.ids is not None]) if mine else None
        if ids is not None and ids.height and len(mine) > 1:
            problems[index].extend(_twice(ids))
    found = {index: sorted(p, key=row_of) for index, p in problems.items() if p}
    if found:
        raise _error(files, found)
    tables = [(part.file, part.figures) for part in done if part.figures is not None]
    _one_file_an_event(files, tables)
    figures = pl.concat([table for _, table in tables]) if tables else pl.DataFrame(
        schema=dict.fromkeys(RANGE_COLUMNS))
    return figures.sort("event", "predicate", maintain_order=True)


def _part(head: tuple[Any, ...], file: int, first: int, stop: int) -> _Figures:
    """On a worker: one part's rows read, checked and reconciled over columns."""
    location, vocabulary, sources, events, tolerance = head
    found: list[Problem] = []
    made = Head(vocabulary, sources, (), {"events": set(events)})
    try:
        frame, orders = read_part(location, made, found, first, stop)
    except DossierError as error:  # rows that cannot be read
        return _Figures(file, None, None, None, tuple(error.problems))
    found.extend(cross_problems(frame, "row"))
    if found:
        return _Figures(file, None, frame.select("id", "line", "offset"), orders,
                        tuple(found))
    context = Context(vocabulary, tuple(sorted(sources, key=lambda s: s.id)), tolerance)
    return _Figures(file, figures_of(frame, context), frame.select("id", "line", "offset"),
                    orders)


def _twice(ids: Any) -> list[Problem]:
    """Ids held by two parts: each row after the first (in the dossier's order) that holds
    one (ids twice within a part are reported by that part)."""
    pl = require("polars", extra="dask", feature="claims.dask")
    twice = ids.filter(pl.col("part").n_unique().over("id") > 1).sort("offset")
    later = twice.filter(pl.col("offset") != pl.col("offset").min().over("id"))
    return [Problem(f"row {row}: $.id", f"duplicate claim id {excerpt(ident)}")
            for ident, row in later.select("id", "line").iter_rows()]


def _one_file_an_event(files: list[ParquetParts], tables: list[tuple[int, Any]]) -> None:
    """Figures from several files are put side by side only when no event has counts in two:
    merging one event's groups is what :func:`claims.dask.reconcile` does."""
    if len(files) < 2:
        return
    owner: dict[str, int] = {}
    for index, table in tables:
        for event in table["event"].unique().to_list():
            if owner.setdefault(event, index) != index:
                raise MergeError(
                    f"event {event!r} has counts in {files[owner[event]].path} and "
                    f"{files[index].path}: claims.dask.ranges needs each event in one file "
                    f"(claims.dask.reconcile merges them)")


def _error(files: list[ParquetParts], found: dict[int, list[Problem]]) -> DossierError:
    if len(found) == 1:
        index, problems = next(iter(found.items()))
        return DossierError(problems, files[index].path)
    return DossierError([Problem(f"{files[index].path}: {p.path}", p.message)
                         for index in sorted(found) for p in found[index]],
                        ", ".join(parts.path for parts in files))
