"""A Parquet dossier read in parts that hold whole events, for reading and reconciling them
apart (``claims.dask``): its head checked once, its row groups in runs that no event crosses,
and each part's claims checked as :func:`claims.load` checks them.
"""

from __future__ import annotations

import os

import attrs

from claims.errors import DossierError, Problem
from claims.io._builder import ClaimBuilder
from claims.io._files import PathLike
from claims.io._parquet import ParquetRows, order_problems
from claims.io._reading import checked_parquet_head, row_claim, row_paths
from claims.model import Claim, Event, Source, Vocabulary, reference_problems


@attrs.frozen
class ParquetParts:
    """A Parquet dossier opened to be read in parts, each a run of row groups holding whole
    events. Small enough to send to other processes: it holds the head, not the rows.

    Attributes:
        path: The file as given (for messages).
        location: The file's absolute path, where each part is read from (every process
            that reads a part must see the file there).
        vocabulary, sources, events: The head, checked.
        parts: The row groups of each part.
        rows: How many rows the file holds.
    """

    path: str
    location: str
    vocabulary: Vocabulary
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    parts: tuple[tuple[int, ...], ...]
    rows: int
    allow_unknown_keys: bool = False

    @classmethod
    def open(cls, path: PathLike, *, allow_unknown_keys: bool = False) -> ParquetParts:
        """Read a file's head and plan its parts from the row groups' event statistics.

        Raises:
            DossierError: for a file that cannot be read, a wrong head or schema, or row groups
                that are not in event order (an event would be split between parts).
            MissingExtraError: without the ``parquet`` extra.
        """
        rows = ParquetRows(path)
        vocabulary, sources, events, _ = checked_parquet_head(rows, allow_unknown_keys)
        return cls(str(path), os.path.abspath(path), vocabulary, tuple(s for _, s in sources),
                   tuple(e for _, e in events), _plan(rows), rows.total, allow_unknown_keys)

    def read(self, part: int) -> tuple[list[Claim], list[Problem]]:
        """One part's claims, in the dossier's order, and their problems (placed by row, as
        :func:`claims.load` places them; references to sources, events and claims checked
        within the part, which holds every claim a claim there may revise)."""
        rows = ParquetRows(self.location)
        found: list[Problem] = []
        builder = ClaimBuilder()
        placed: list[tuple[int, int, Claim]] = []
        orders: list[tuple[int, int | None]] = []
        for row, order, data in rows.rows(self.parts[part]):
            orders.append((row, order))
            claim = row_claim(data, row, found, self.allow_unknown_keys, builder)
            if claim is not None:
                placed.append((row if order is None else order, row, claim))
        if rows.has_order:
            found.extend(order_problems(orders, self.rows))
        placed.sort(key=lambda item: item[0])
        claims = [(row, claim) for _, row, claim in placed]
        known = {"sources": {s.id for s in self.sources}, "events": {e.id for e in self.events}}
        found.extend(row_paths(reference_problems(self.vocabulary, [], [], claims,
                                                  also_known=known)))
        return [claim for _, claim in claims], found

    def rows_of(self, ids: set[str]) -> list[tuple[int, str]]:
        """(row, id) of every row whose id is one of ``ids``, in the file's order."""
        rows = ParquetRows(self.location)
        found: list[tuple[int, str]] = []
        for group, (first, _) in enumerate(rows.groups):
            found.extend((first + offset, ident)
                         for offset, ident in enumerate(rows.ids(group)) if ident in ids)
        return found


def _plan(rows: ParquetRows) -> tuple[tuple[int, ...], ...]:
    """Row groups in runs that no event crosses: a group joins the run before it when it
    starts with the event that run ends with. Each group's least and greatest event come
    from its statistics (or, without them, its event column).

    Raises:
        DossierError: when a group starts before the one ahead of it ends (rows not sorted by
            event): reading it in parts would split events.
    """
    parts: list[list[int]] = []
    last: str | None = None
    for group, (first, size) in enumerate(rows.groups):
        if size == 0:
            continue
        bounds = rows.event_bounds(group)
        if bounds is None:
            events = [e for e in rows.events(group) if isinstance(e, str)]
            bounds = (min(events), max(events)) if events else None
        if bounds is None:  # no event at all: its rows are refused when read
            parts.append([group])
            continue
        low, high = bounds
        if last is not None and low < last:
            raise DossierError([Problem(
                f"rows {first}-{first + size - 1}",
                f"the rows are not sorted by event: row group {group} starts with event "
                f"{low!r}, before the groups ahead of it end ({last!r}); claims.dump writes "
                f"them sorted")], rows.path)
        if last is not None and low == last:
            parts[-1].append(group)
        else:
            parts.append([group])
        last = high
    return tuple(tuple(part) for part in parts)
