"""``claims.dask.reconcile``: a Parquet dossier reconciled in parts that hold whole events,
the partial reports merged in a tree.

The Parquet writer sorts rows by event and never splits an event between row groups, so the
row groups themselves are the partitions (``claims.io.ParquetParts`` plans them from the
groups' statistics): no shuffle, and no event is ever seen by two tasks. Each task reads its
row groups with pyarrow, checks every row as :func:`claims.load` does, and builds its report
with :meth:`Report.build`; reports of disjoint events merge without settling anything again.
Tasks return their problems as data, so every problem in every part is reported at once.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
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
class _Partial:
    """A task's result: a report, or the problems found (by file, as the index of its path)
    and claim ids found in two parts."""

    report: Report | None
    problems: tuple[tuple[int, Problem], ...] = ()
    twice: frozenset[str] = frozenset()


def reconcile(path_or_paths: PathLike | Iterable[PathLike], *, client: Any = None) -> Report:
    """Reconcile Parquet dossiers with Dask: the report ``claims.reconcile(claims.load(path))``
    gives, computed in parts that hold whole events.

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
    leaves = []
    for index, parts in enumerate(files):
        # the head goes to each worker once, not once per task
        shared = dask.delayed(parts, name=f"claims-head-{uuid.uuid4().hex}", traverse=False)
        if not parts.parts:
            leaves.append(dask.delayed(_nothing, pure=True)(shared))
        leaves.extend(dask.delayed(_part, pure=True)(shared, index, part)
                      for part in range(len(parts.parts)))
    while len(leaves) > 1:  # a tree: log2(parts) rounds of merges, each round in parallel
        leaves = [dask.delayed(_merge, pure=True)(*leaves[i:i + 2]) if i + 1 < len(leaves)
                  else leaves[i] for i in range(0, len(leaves), 2)]
    result: _Partial = (client.compute(leaves[0]).result() if client is not None
                        else dask.compute(leaves[0])[0])
    if result.report is None:
        raise _error(files, result)
    return result.report


def _build(parts: ParquetParts, claims: list[Claim]) -> Report:
    """What :func:`claims.reconcile` builds from a dossier (its claims checked already)."""
    context = Context(parts.vocabulary, tuple(sorted(parts.sources, key=lambda s: s.id)),
                      DEFAULT_TOLERANCE)
    return Report.build(claims, context, events=parts.events, check=False)


def _nothing(parts: ParquetParts) -> _Partial:
    return _Partial(_build(parts, []))


def _part(parts: ParquetParts, index: int, part: int) -> _Partial:
    try:
        claims, problems = parts.read(part)
    except DossierError as error:  # a row group that cannot be read
        return _Partial(None, tuple((index, p) for p in error.problems))
    if problems:
        return _Partial(None, tuple((index, p) for p in problems))
    return _Partial(_build(parts, claims))


def _merge(one: _Partial, other: _Partial) -> _Partial:
    if one.report is None or other.report is None:
        return _Partial(None, one.problems + other.problems, one.twice | other.twice)
    twice = _ids(one.report) & _ids(other.report)
    if twice:
        return _Partial(None, twice=frozenset(twice))
    return _Partial(one.report.merge(other.report))


def _ids(report: Report) -> set[str]:
    return {claim.id for summary in report.summaries for claim in summary.claims}


def _error(files: list[ParquetParts], result: _Partial) -> DossierError:
    """Every problem found, placed by row; a claim id found in two parts is reported at each
    row after the first that holds it (reading only the id column)."""
    found: dict[int, list[Problem]] = {}
    for index, problem in result.problems:
        found.setdefault(index, []).append(problem)
    seen: set[str] = set()
    for index, parts in enumerate(files):
        for row, ident in parts.rows_of(set(result.twice)) if result.twice else ():
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
