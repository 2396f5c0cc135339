"""The bulk path: a large dossier's figures from columns, its explanations from objects built
for the events looked at."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claims._extras import require
from claims.bulk._figures import RANGE_COLUMNS, ranges
from claims.bulk._head import Head
from claims.bulk._parquet import read_parquet, read_rows
from claims.bulk._read import read_lines
from claims.errors import DossierError, Problem, UnknownReferenceError
from claims.io._builder import ClaimBuilder, fast_line_reader
from claims.io._files import PathLike
from claims.io._reading import _line_claim
from claims.model import Claim, Scope
from claims.reconciler import (
    DEFAULT_TOLERANCE,
    Context,
    CountResult,
    GroupKey,
    GroupRange,
    Tolerance,
)
from claims.report import Report

_EXPLAINED_AT_ONCE = 50_000
"""Claims built at a time when every event's explanation is asked for."""


def _polars() -> Any:
    return require("polars", extra="bulk", feature="the bulk path (claims.bulk)")


class Bulk:
    """A large dossier reconciled over columns: every count group's figures at once
    (:meth:`ranges`), and the full explanation of the events looked at (:meth:`report`,
    :meth:`count`), built from their claims alone.

    Made by :func:`reconcile`. The figures are those :meth:`claims.Report.ranges` gives for
    the same file (``tests/test_bulk.py`` holds them equal); the explanations are a
    :class:`claims.Report` of the events asked for, so they are the object path's own.
    """

    def __init__(self, path: Path, head: Head, claims: Any, context: Context) -> None:
        self.path = path
        self.context = context
        self._head = head
        self._claims = claims
        self._ranges: Any = None
        self._by_event: Any = None

    def __repr__(self) -> str:
        return (f"<Bulk {self.path.name}: {self._claims.height:,} claims, "
                f"{self._head.count:,} events>")

    @property
    def checked_when_written(self) -> bool:
        """True when the file is Parquet that this library checked and wrote, unchanged since
        (a digest of its rows and head in its metadata says so), under the present rules:
        its rows were not checked again. Any other file's rows were checked as they were
        read."""
        return self._head.checked

    @property
    def claims(self) -> Any:
        """The columns the figures are worked out from, one row per claim
        (``FIGURE_COLUMNS`` in ``claims.bulk``): where each claim is in the file, its ids,
        scope, count, status, coverage, revision and publication instants."""
        return self._claims

    def ranges(self) -> Any:
        """Every count group's figures as a polars ``DataFrame``, one row per group, with the
        columns ``event``, ``predicate``, ``category``, ``actor``, ``place``, ``low``,
        ``high``, ``high_open``, ``high_more_than``, ``feasible_low``, ``feasible_high`` and
        ``contradicted`` (the fields of :class:`claims.GroupRange`), in the order
        :meth:`claims.Report.ranges` gives them. The five labels are categoricals: they
        compare with text as text does."""
        if self._ranges is None:
            self._ranges = ranges(self._claims, self.context)
        return self._ranges

    def group_ranges(self) -> Iterator[GroupRange]:
        """:meth:`ranges` as :class:`claims.GroupRange` objects, as
        :meth:`claims.Report.ranges` gives them."""
        for row in self.ranges().select(*RANGE_COLUMNS).iter_rows():
            (event, predicate, category, actor, place, low, high, high_open, more_than,
             floor, ceiling, contradicted) = row
            yield GroupRange(GroupKey(event, predicate, Scope(category, actor, place)), low,
                             high, high_open, floor, ceiling, contradicted, more_than)

    def report(self, events: str | Iterable[str]) -> Report:
        """The full report of one event or several: every result with its contributions,
        the claims at each end, grades and reasons, built from those events' claims only
        (read again from the file)."""
        wanted = [events] if isinstance(events, str) else list(events)
        rows = self._rows(wanted)
        claims = self._read(rows)
        known = set(wanted)
        return Report.build(claims, self.context,
                            events=self._head.events(known),
                            check=False)

    def reports(self) -> Iterator[Report]:
        """Every event's full report, a few events at a time (in event id order), each built
        from its events' claims only: the cost stays in proportion to the claims, and the
        memory to the largest batch."""
        pl = _polars()
        order = self._index()
        events = order["event"]
        start = 0
        while start < order.height:
            end = min(start + _EXPLAINED_AT_ONCE, order.height)
            if end < order.height:  # never split an event
                end = int(events.search_sorted(events[end - 1], side="right"))
            batch = order.slice(start, end - start)
            ids = batch["event"].unique(maintain_order=True).to_list()
            claims = self._read(batch.select(pl.col("line"), pl.col("offset")))
            known = set(ids)
            yield Report.build(claims, self.context,
                               events=self._head.events(known),
                               check=False)
            start = end

    def count(self, event: str, predicate: str, scope: Scope | None = None) -> CountResult:
        """One count group's full result (see :meth:`claims.Report.count`)."""
        return self.report(event).count(event, predicate, scope)

    # -- the claims of some events, read again ------------------------------------------

    def _index(self) -> Any:
        """The claims' lines and offsets sorted by event, built on the first look."""
        if self._by_event is None:
            pl = _polars()
            self._by_event = self._claims.select(
                pl.col("event").cast(pl.String), "line", "offset").sort("event", "line")
        return self._by_event

    def _rows(self, events: list[str]) -> Any:
        order = self._index()
        column = order["event"]
        parts = []
        for event in dict.fromkeys(events):
            start = int(column.search_sorted(event, side="left"))
            end = int(column.search_sorted(event, side="right"))
            if start == end and event not in self._head.event_ids:
                raise UnknownReferenceError(f"unknown event {event!r}")
            parts.append(order.slice(start, end - start))
        pl = _polars()
        return pl.concat(parts).sort("line") if parts else order.clear()

    def _read(self, rows: Any) -> list[Claim]:
        """The claims on the lines (or Parquet rows) ``rows`` gives (``line``, ``offset``),
        built by the reader."""
        if self.path.suffix == ".parquet":
            return read_rows(self.path, rows["line"].to_list())
        builder, fast = ClaimBuilder(), fast_line_reader()
        found: list[Problem] = []
        claims = []
        with self.path.open("rb") as stream:
            for number, offset in rows.select("line", "offset").sort("line").iter_rows():
                stream.seek(offset)
                claim = _line_claim(stream.readline(), number, found, False, builder, fast)
                if claim is not None:
                    claims.append(claim)
        if found:  # the file changed since it was read
            raise DossierError(found, str(self.path))
        return claims


def reconcile(path: PathLike, *, tolerance: Tolerance = DEFAULT_TOLERANCE) -> Bulk:
    """Read and reconcile a large dossier over columns (the ``bulk`` extra: polars): the JSON
    Lines form (``.jsonl``) or the Parquet form (``.parquet``, which also needs the
    ``parquet`` extra, and is read several times faster).

    Every claim is checked as :func:`claims.load` checks it (the same problems, placed by
    line or row), but only the columns the count rules read are kept, and no claim object is built
    until an event is looked at. See ``docs/scale.md``.

    Raises:
        DossierError: for every problem in the file.
        MissingExtraError: when polars is not installed.
    """
    _polars()
    source = Path(path)
    if source.suffix == ".parquet":
        head, claims = read_parquet(source)
    elif source.suffix == ".jsonl":
        head, claims = read_lines(source)
    else:
        raise DossierError([Problem("$", f"the bulk path reads JSON Lines (.jsonl) or Parquet "
                                         f"(.parquet), not "
                                         f"{source.suffix or 'a file without a suffix'}: "
                                         f"write one with `claims convert`")], str(path))
    context = Context(head.vocabulary, head.sources, tolerance)
    return Bulk(source, head, claims, context)
