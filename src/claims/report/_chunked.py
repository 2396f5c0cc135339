"""Reports over collections too large to hold at once: the claims read back event by event,
a chunk of whole events at a time, each chunk reconciled, written out and dropped.

Events are independent in a report (every group, revision and grade stays inside one
event), so the results of a chunk's events are exactly those of the whole report. For a JSON
Lines dossier a first pass checks every line as :func:`claims.load` does (the same problems,
messages and line numbers, all reported before anything is written) and keeps, for each claim,
only where its line is, which event it is about and its id's hash (some 40 bytes); each
chunk's lines are then read again by their place in the file and built by the same reader. A
JSON document (or a dossier in memory) is held whole, and only its results are made a chunk
at a time.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from claims._memory import paused_gc
from claims.errors import ValidationError
from claims.io import load
from claims.io._files import PathLike
from claims.model import Claim, Dossier, Event, Source, Vocabulary
from claims.reconciler import DEFAULT_TOLERANCE, Context, Tolerance
from claims.render import infobox_lines, render_event, render_report
from claims.report._data import event_data, indented_json, report_head
from claims.report._lines import Pace, Progress, index_lines, left_out, quiet
from claims.report._report import Report

CHUNK_CLAIMS = 20_000
"""About how many claims a chunk holds: whole events are added until it has as many. A
chunk's claims and results take some 60 to 100 MB while it is written."""


class _Claims(Protocol):
    """Where a chunked report takes its claims from: a file or memory."""

    def fetch(self, ordinals: Sequence[int]) -> list[Claim]:
        """The claims at these places in the dossier's order (ascending)."""

    def __len__(self) -> int: ...


@attrs.define
class _Held:
    """Claims held in memory (a dossier that was loaded whole)."""

    _claims: tuple[Claim, ...]

    def fetch(self, ordinals: Sequence[int]) -> list[Claim]:
        claims = self._claims
        return [claims[i] for i in ordinals]

    def __len__(self) -> int:
        return len(self._claims)


@attrs.define
class ChunkedReport:
    """A report whose events are settled a chunk at a time, by :func:`reconcile_in_chunks`:
    what comes before the events (context, ``as_of``, what it left out) at once, the events'
    results as :meth:`chunks`, each a :class:`Report` of whole events in the report's order.

    Nothing is cached: each pass over the chunks reads and settles the claims again, and a
    chunk's claims and results are dropped when the next is made. The ``write_*`` methods
    give exactly the text of the whole report's ``to_json()``, ``str()`` and ``infobox()``.

    Args:
        context: The vocabulary, sources and tolerance.
        sources: The dossier's sources in its order.
        events: The dossier's events in its order (the report's).
        as_of: Only claims published by then are used.
        excluded: Claims left out by ``as_of``, by id.
        undated: Those of ``excluded`` with no publication time.
        chunk: About how many claims a chunk holds (:data:`CHUNK_CLAIMS`).
    """

    context: Context
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    as_of: dt.datetime | None
    excluded: tuple[str, ...]
    undated: tuple[str, ...]
    _claims: _Claims
    _starts: array[int]
    """Where each event's claims begin in ``_grouped`` (one more entry: the end)."""
    _grouped: array[int]
    """The claims' places in the dossier, grouped by event in the report's order."""
    chunk: int = CHUNK_CLAIMS

    @property
    def vocabulary(self) -> Vocabulary:
        return self.context.vocabulary

    @property
    def claim_count(self) -> int:
        """How many claims the dossier holds (those ``as_of`` leaves out included)."""
        return len(self._claims)

    def chunks(self, progress: Progress = quiet) -> Iterator[Report]:
        """The report, as reports of whole events that together hold every event once, in the
        report's order; each has about :attr:`chunk` claims (an event with more is a chunk of
        its own). ``progress`` hears how many events are settled."""
        events, starts, grouped, size = self.events, self._starts, self._grouped, self.chunk
        pace = Pace()
        first = 0
        while first < len(events):
            last = first + 1
            while last < len(events) and starts[last + 1] - starts[first] <= size:
                last += 1
            ordinals = sorted(grouped[starts[first]:starts[last]])
            with paused_gc():
                chunk = Report.build(self._claims.fetch(ordinals), self.context,
                                     events=events[first:last], as_of=self.as_of, check=False)
            yield chunk
            del chunk  # before the next is made (the caller drops its own)
            first = last
            if pace.due():
                progress(f"reconciled {first:,} of {len(events):,} events")

    def claims(self, size: int | None = None) -> Iterator[list[Claim]]:
        """Every claim in the dossier's order, ``size`` (:attr:`chunk`) at a time."""
        total, size = len(self._claims), size or self.chunk
        for first in range(0, total, size):
            yield self._claims.fetch(range(first, min(first + size, total)))

    # -- writing ----------------------------------------------------------------------------

    def write_json(self, write: Callable[[str], Any], progress: Progress = quiet) -> None:
        """Write the report's JSON, exactly ``report.to_json()``, an event at a time."""
        head = indented_json({**report_head(self.as_of, self.excluded, self.undated),
                              "events": []})
        empty = "[]\n}"
        assert head.endswith(empty)
        write(head[:-len(empty)])
        opening = "[\n    "
        for chunk in self.chunks(progress):
            for event in chunk.results:
                write(opening + indented_json(event_data(event, chunk)).replace("\n", "\n    "))
                opening = ",\n    "
            del chunk, event  # before the next chunk is made
        write("[]\n}\n" if opening.startswith("[") else "\n  ]\n}\n")

    def write_text(self, write: Callable[[str], Any], progress: Progress = quiet) -> None:
        """Write the readable report, exactly ``str(report)``, an event at a time."""
        held = None  # the last text made: the report's end is stripped of blank lines
        if self.as_of is not None:  # the notice, as a report without events writes it
            held = render_report(Report(summaries=(), context=self.context, as_of=self.as_of,
                                        excluded=self.excluded, undated=self.undated))
        for chunk in self.chunks(progress):
            for event in chunk.results:
                if held is not None:
                    write(held + "\n")
                held = "\n".join(render_event(event, chunk))
            del chunk, event
        write((held or "").rstrip() + "\n")

    def write_infobox(self, write: Callable[[str], Any], progress: Progress = quiet, *,
                      open_ends: str = "dash") -> None:
        """Write the infobox lines of every event and a newline, exactly
        ``report.infobox() + "\\n"``."""
        between = ""
        for chunk in self.chunks(progress):
            lines = [line for event in chunk.results
                     for line in infobox_lines(event, chunk, open_ends)]
            del chunk
            if lines:
                write(between + "\n".join(lines))
                between = "\n"
        write("\n")


def reconcile_in_chunks(source: PathLike | Dossier, *, as_of: dt.datetime | None = None,
                        tolerance: Tolerance | None = None, allow_unknown_keys: bool = False,
                        chunk: int = CHUNK_CLAIMS, progress: Progress = quiet
                        ) -> ChunkedReport:
    """What :func:`claims.reconcile` says, settled and written a chunk of events at a time,
    so that memory does not grow with the collection.

    A JSON Lines file (``.jsonl``) is checked line by line as :func:`claims.load` checks it,
    keeping only each claim's place in the file, its event and its id's hash (some 40
    bytes); its claims are read again chunk by chunk. Any other file is loaded whole, and a
    dossier is used as it is; their results are still made a chunk at a time and never
    kept.

    Args:
        source: A dossier, or the path of one.
        as_of: Use only claims whose publication was over by this (zone-aware) time.
        tolerance: As for :func:`claims.reconcile`.
        allow_unknown_keys: As for :func:`claims.load`.
        chunk: About how many claims to settle at a time.
        progress: Told how far reading has come.

    Raises:
        DossierError: every problem in the file, with its place, as :func:`claims.load`
            reports them; or a file that changed between two readings.
        ValidationError: for a naive ``as_of``.
    """
    if as_of is not None and (as_of.tzinfo is None or as_of.utcoffset() is None):
        raise ValidationError(f"'as_of' must carry a time zone: as_of={as_of!r}")
    if chunk < 1:
        raise ValidationError(f"'chunk' must be a positive number of claims: chunk={chunk!r}")
    if not isinstance(source, Dossier) and Path(source).suffix == ".jsonl":
        index = index_lines(Path(source), as_of, allow_unknown_keys, progress)
        context = Context(index.vocabulary, tuple(sorted(index.sources, key=lambda s: s.id)),
                          tolerance or DEFAULT_TOLERANCE)
        starts, grouped = _group(index.event_of, len(index.events))
        return ChunkedReport(context, index.sources, index.events, as_of, index.excluded,
                             index.undated, index.lines, starts, grouped, chunk)
    dossier = source if isinstance(source, Dossier) else load(
        source, allow_unknown_keys=allow_unknown_keys)
    rank = {e.id: i for i, e in reversed(list(enumerate(dossier.events)))}
    excluded: list[str] = []
    undated: list[str] = []
    for claim in dossier.claims:
        left_out(claim, as_of, excluded, undated)
    context = Context(dossier.vocabulary, tuple(sorted(dossier.sources, key=lambda s: s.id)),
                      tolerance or DEFAULT_TOLERANCE)
    starts, grouped = _group(array("i", (rank[c.event] for c in dossier.claims)),
                             len(dossier.events))
    return ChunkedReport(context, dossier.sources, dossier.events, as_of,
                         tuple(sorted(excluded)), tuple(sorted(undated)),
                         _Held(dossier.claims), starts, grouped, chunk)


def _group(event_of: array[int], events: int) -> tuple[array[int], array[int]]:
    """Each claim's place, grouped by its event's rank (a counting sort, so places stay in
    the dossier's order within an event), and where each event's group starts."""
    counts = [0] * (events + 1)
    for rank in event_of:
        counts[rank + 1] += 1
    starts = array("q", counts)
    for i in range(1, len(starts)):
        starts[i] += starts[i - 1]
    slots = array("q", starts[:-1])
    grouped = array("q", bytes(8 * len(event_of)))
    for ordinal, rank in enumerate(event_of):
        grouped[slots[rank]] = ordinal
        slots[rank] += 1
    return starts, grouped


