"""``claims.dask.reconcile``: a Parquet dossier read and checked by Dask workers in parts that
hold whole events, each part reconciled as it arrives, the reports merged in a tree.

The Parquet writer sorts rows by event and never splits an event between row groups, so the
row groups themselves are the partitions (``claims.io.ParquetParts`` plans them from the
groups' statistics): no shuffle, and no event is ever seen by two tasks. Each task reads its
row groups with pyarrow and checks and builds every row's claim as :func:`claims.load` does,
which is most of the work of loading and reconciling. Its claims come back to this process,
where the part is reconciled with :meth:`Report.build` and the parts' reports are merged in a
tree with :meth:`Report.merge` (parts hold disjoint events: merging settles nothing again).

Why the parts are reconciled here and not on the workers: a report comes back by pickle, and
pickling and unpickling a part's settled results costs about ten times what settling its
claims again does (some 1.2 s against 0.1 s for 10,000 claims), so a report built on a
worker would only be sent as its claims and built again here.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claims._extras import require
from claims.errors import DossierError, Problem, ValidationError, excerpt
from claims.io import ParquetParts
from claims.model import Claim
from claims.reconciler import DEFAULT_TOLERANCE, Context
from claims.report import Report

PathLike = str | os.PathLike[str]


@attrs.frozen
class _Part:
    """What a task sends back: a part's claims, checked, or the problems found in it."""

    file: int
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...] = ()


def reconcile(path_or_paths: PathLike | Iterable[PathLike], *, client: Any = None) -> Report:
    """Reconcile Parquet dossiers with Dask: the report ``claims.reconcile(claims.load(path))``
    gives, the files read and checked by Dask's workers in parts that hold whole events.

    Several files are reconciled as one collection (their reports merged: they must share a
    vocabulary, and a claim id may appear in only one of them).

    Args:
        path_or_paths: A ``.parquet`` dossier, or several, on a file system every worker
            sees at the same path.
        client: A ``distributed.Client`` to compute on; without one, Dask's current scheduler
            (a client made before becomes the default; else threads, which share one core's
            worth of Python).

    Raises:
        DossierError: every problem in the files (a wrong head or schema before any work is
            sent out; problems in rows once every part has been read), placed by row.
        MergeError: when the files' vocabularies differ, or an id means different things.
        MissingExtraError: without the ``dask`` extra.
    """
    dask = require("dask", extra="dask", feature="claims.dask")
    paths: list[PathLike] = ([path_or_paths] if isinstance(path_or_paths, str | os.PathLike)
                             else list(path_or_paths))
    if not paths:
        raise ValidationError("claims.dask.reconcile needs at least one file")
    files = [ParquetParts.open(path) for path in paths]
    tasks: list[Any] = []
    for index, parts in enumerate(files):
        # the head goes to each worker once, not once per task
        shared = dask.delayed(parts, name=f"claims-head-{uuid.uuid4().hex}", traverse=False)
        tasks.extend(dask.delayed(_read, pure=True)(shared, index, part)
                     for part in range(len(parts.parts)))
    reports = [_build(parts, ()) for parts in files if not parts.parts]
    found: dict[int, list[Problem]] = {}
    seen: set[str] = set()
    twice: set[str] = set()
    for part in _arrivals(dask, client, tasks):
        if part.problems:
            found.setdefault(part.file, []).extend(part.problems)
        ids = {claim.id for claim in part.claims}
        twice |= ids & seen
        seen |= ids
        if not found and not twice:
            reports.append(_build(files[part.file], part.claims))
    if found or twice:
        raise _error(files, found, twice)
    while len(reports) > 1:  # merged level by level: each level costs the size of all
        reports = [reports[i].merge(reports[i + 1]) if i + 1 < len(reports) else reports[i]
                   for i in range(0, len(reports), 2)]
    return reports[0]


def _arrivals(dask: Any, client: Any, tasks: list[Any]) -> Iterator[_Part]:
    """The tasks' results, as they arrive when a client computes them (so reconciling one
    part here overlaps reading the others there)."""
    if not tasks:
        return
    if client is None:
        yield from dask.compute(*tasks)
        return
    distributed = require("distributed", extra="dask", feature="claims.dask")
    for future in distributed.as_completed(client.compute(tasks)):
        part: _Part = future.result()
        future.release()
        yield part


def _read(parts: ParquetParts, file: int, part: int) -> _Part:
    try:
        claims, problems = parts.read(part)
    except DossierError as error:  # a row group that cannot be read
        return _Part(file, (), error.problems)
    return _Part(file, () if problems else tuple(claims), tuple(problems))


def _build(parts: ParquetParts, claims: Iterable[Claim]) -> Report:
    """What :func:`claims.reconcile` builds from a dossier (its claims checked already)."""
    context = Context(parts.vocabulary, tuple(sorted(parts.sources, key=lambda s: s.id)),
                      DEFAULT_TOLERANCE)
    return Report.build(claims, context, events=parts.events, check=False)


def _error(files: list[ParquetParts], found: dict[int, list[Problem]],
           twice: set[str]) -> DossierError:
    """Every problem found, placed by row; a claim id found in two parts is reported at each
    row after the first that holds it (reading only the id column)."""
    seen: set[str] = set()
    for index, parts in enumerate(files):
        for row, ident in parts.rows_of(twice) if twice else ():
            if ident in seen:
                found.setdefault(index, []).append(
                    Problem(f"row {row}: $.id", f"duplicate claim id {excerpt(ident)}"))
            seen.add(ident)
    if len(found) == 1:
        index, problems = next(iter(found.items()))
        return DossierError(sorted(problems, key=_row), files[index].path)
    return DossierError([Problem(f"{files[index].path}: {p.path}", p.message)
                         for index in sorted(found)
                         for p in sorted(found[index], key=_row)],
                        ", ".join(parts.path for parts in files))


def _row(problem: Problem) -> int:
    """The row a problem is placed at (``row 5: $...``, ``rows 0-9``), for sorting."""
    number = problem.path.partition(" ")[2].partition(":")[0].partition("-")[0]
    return int(number) if number.isdigit() else -1
