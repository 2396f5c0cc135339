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
import os
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from claims._memory import paused_gc
from claims.errors import DossierError, Problem, ValidationError, excerpt
from claims.io import load
from claims.io._builder import ClaimBuilder, fast_line_reader
from claims.io._files import PathLike
from claims.io._reading import _line_claim, _line_paths, _lines_head
from claims.model import (
    Claim,
    Count,
    Dossier,
    Event,
    Source,
    Text,
    TimeSpan,
    Vocabulary,
    reference_problems,
)
from claims.reconciler import DEFAULT_TOLERANCE, Context, Tolerance
from claims.render import infobox_lines, render_event, render_report
from claims.report._data import event_data, indented_json, report_head
from claims.report._report import Report

CHUNK_CLAIMS = 20_000
"""About how many claims a chunk holds: whole events are added until it has as many. A
chunk's claims and results take some 60 to 100 MB while it is written."""

Progress = Callable[[str], None]
"""Told, now and then, how far long work has come ("reconciled 40,000 of 100,000 events")."""

_EVERY = 1.0
"""Seconds between two progress messages."""


def _quiet(_: str) -> None:
    """Progress nobody watches."""


class _Pace:
    """Says whether a progress message is due: at most one a second."""

    def __init__(self) -> None:
        self._last = time.monotonic()

    def due(self) -> bool:
        now = time.monotonic()
        if now - self._last < _EVERY:
            return False
        self._last = now
        return True


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
class _Lines:
    """Claims left in a JSON Lines file, each found again by its line's offset and length."""

    path: Path
    allow_unknown_keys: bool
    offsets: array[int]
    lengths: array[int]
    numbers: array[int]
    """Each claim's line number (blank lines hold no claim)."""
    stamp: tuple[int, int]
    """The file's size and modification time when it was checked."""

    def fetch(self, ordinals: Sequence[int]) -> list[Claim]:
        path = str(self.path)
        found: list[Problem] = []
        claims = []
        builder, fast = ClaimBuilder(), fast_line_reader()  # one per chunk: its objects go too
        try:
            with self.path.open("rb", buffering=0) as stream:  # one read a line, no more
                if _stamp(os.fstat(stream.fileno())) != self.stamp:
                    raise DossierError([Problem("$", "the file changed after it was checked; "
                                                     "nothing more was read")], path)
                for ordinal in ordinals:
                    stream.seek(self.offsets[ordinal])
                    line = stream.read(self.lengths[ordinal])
                    number = self.numbers[ordinal]
                    claim = _line_claim(line, number, found, self.allow_unknown_keys,
                                        builder, fast)
                    if claim is None or found or len(line) != self.lengths[ordinal]:
                        found.append(Problem(f"line {number}: $", "the line changed after the "
                                                                  "file was checked"))
                        raise DossierError(found, path)
                    claims.append(claim)
        except OSError as exc:
            raise DossierError([Problem("$", f"cannot read the file: {exc}")], path) from exc
        return claims

    def __len__(self) -> int:
        return len(self.offsets)


def _stamp(status: os.stat_result) -> tuple[int, int]:
    return status.st_size, status.st_mtime_ns


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

    def chunks(self, progress: Progress = _quiet) -> Iterator[Report]:
        """The report, as reports of whole events that together hold every event once, in the
        report's order; each has about :attr:`chunk` claims (an event with more is a chunk of
        its own). ``progress`` hears how many events are settled."""
        events, starts, grouped, size = self.events, self._starts, self._grouped, self.chunk
        pace = _Pace()
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

    def write_json(self, write: Callable[[str], Any], progress: Progress = _quiet) -> None:
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

    def write_text(self, write: Callable[[str], Any], progress: Progress = _quiet) -> None:
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

    def write_infobox(self, write: Callable[[str], Any], progress: Progress = _quiet, *,
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
                        chunk: int = CHUNK_CLAIMS, progress: Progress = _quiet
                        ) -> ChunkedReport:
    """What :func:`claims.reconcile` says, settled and written a chunk of events at a time,
    so that memory does not grow with the collection.

    A JSON Lines file (``.jsonl``) is checked line by line as :func:`claims.load` checks it,
    keeping only each claim's place in the file and its event (some 30 bytes, and its id
    while the ids are checked); its claims are read again chunk by chunk. Any other file is
    loaded whole, and a dossier is used as it is; their results are still made a chunk at a
    time and never kept.

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
        return _index_lines(Path(source), as_of, tolerance, allow_unknown_keys, chunk,
                            progress)
    dossier = source if isinstance(source, Dossier) else load(
        source, allow_unknown_keys=allow_unknown_keys)
    rank = {e.id: i for i, e in reversed(list(enumerate(dossier.events)))}
    excluded: list[str] = []
    undated: list[str] = []
    for claim in dossier.claims:
        _left_out(claim, as_of, excluded, undated)
    context = Context(dossier.vocabulary, tuple(sorted(dossier.sources, key=lambda s: s.id)),
                      tolerance or DEFAULT_TOLERANCE)
    starts, grouped = _group(array("i", (rank[c.event] for c in dossier.claims)),
                             len(dossier.events))
    return ChunkedReport(context, dossier.sources, dossier.events, as_of,
                         tuple(sorted(excluded)), tuple(sorted(undated)),
                         _Held(dossier.claims), starts, grouped, chunk)


def _left_out(claim: Claim, as_of: dt.datetime | None, excluded: list[str],
              undated: list[str]) -> None:
    """What :meth:`Report.build` leaves out for ``as_of``: a claim not (certainly) published
    by then, and among those, the undated."""
    if as_of is None:
        return
    published = claim.provenance.published
    if published is None:
        undated.append(claim.id)
        excluded.append(claim.id)
    elif not published.end <= as_of:
        excluded.append(claim.id)


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


_UNREFERENCED: tuple[type, ...] = (Count, TimeSpan, Text, type(None))
"""Value types that name nothing in the vocabulary (as ``reference_problems`` knows them)."""


def _index_lines(path: Path, as_of: dt.datetime | None, tolerance: Tolerance | None,
                 allow_unknown_keys: bool, chunk: int, progress: Progress) -> ChunkedReport:
    """The first pass over a JSON Lines file: every line checked, each claim's place kept."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise DossierError([Problem("$", f"cannot read the file: {exc}")], str(path)) from exc
    found: list[Problem] = []
    offsets, lengths, numbers, event_of = array("q"), array("i"), array("q"), array("i")
    excluded: list[str] = []
    undated: list[str] = []
    pace = _Pace()
    with stream, paused_gc():
        stamp = _stamp(os.fstat(stream.fileno()))
        vocabulary, sources, events, known = _lines_head(stream, str(path), found,
                                                         allow_unknown_keys)
        checks = _References(vocabulary, sources, events, known, stamp[0])
        rank = {e.id: i for i, e in reversed(list(enumerate(e for _, e in events)))}
        offset = stream.tell()
        builder, fast = ClaimBuilder(), fast_line_reader()
        try:
            for number, line in enumerate(stream, start=2):
                claim = _line_claim(line, number, found, allow_unknown_keys, builder, fast)
                if claim is not None:
                    checks.claim(number, len(offsets), claim)
                    offsets.append(offset)
                    lengths.append(len(line))
                    numbers.append(number)
                    event_of.append(rank.get(claim.event, -1))
                    _left_out(claim, as_of, excluded, undated)
                    if len(offsets) % CHUNK_CLAIMS == 0:
                        builder = ClaimBuilder()  # its shared objects would grow with the file
                        if pace.due():
                            progress(f"checked {offset / max(stamp[0], 1):.0%} of {path} "
                                     f"({len(offsets):,} claims)")
                offset += len(line)
        except OSError as exc:
            raise DossierError([Problem("$", f"cannot read the file: {exc}")],
                               str(path)) from exc
        lines = _Lines(path, allow_unknown_keys, offsets, lengths, numbers, stamp)
        found.extend(_line_paths(checks.problems(lines)))
    if found:
        raise DossierError(found, str(path))
    context = Context(vocabulary, tuple(sorted((s for _, s in sources), key=lambda s: s.id)),
                      tolerance or DEFAULT_TOLERANCE)
    starts, grouped = _group(event_of, len(events))
    return ChunkedReport(context, tuple(s for _, s in sources), tuple(e for _, e in events),
                         as_of, tuple(sorted(excluded)), tuple(sorted(undated)), lines, starts,
                         grouped, chunk)


class _References:
    """The reference checks :func:`claims.load` makes over a whole file (``reference_problems``
    on every claim at once), made one claim at a time with the same problems in the same
    order, in memory that does not hold the claims' ids.

    Each claim keeps only its id's hash (8 bytes), and sets two bits of a filter of about a
    bit per 8 bytes of file. A claim whose bits are set already may repeat an earlier id;
    at the end the claims that share such a hash (or the hash of a revised id) are read
    again, and their ids compared. Revising claims keep what their check needs.
    """

    def __init__(self, vocabulary: Vocabulary, sources: list[tuple[int, Source]],
                 events: list[tuple[int, Event]], known: dict[str, set[str]],
                 size: int) -> None:
        self._vocabulary = vocabulary
        self._sources = {s.id for _, s in sources} | known.get("sources", set())
        self._events = {e.id for _, e in events} | known.get("events", set())
        self._head = reference_problems(vocabulary, sources, events, [], also_known=known)
        self._found: list[tuple[int, int, Problem]] = []
        """(place, 1, problem) for each claim's problems; duplicates come in as (place, 0)."""
        self._hashes = array("q")
        bits = 1 << max(16, (size // 8).bit_length())
        self._mask = bits - 1
        self._filter = bytearray(bits // 8)
        self._again: set[int] = set()
        """Hashes of ids that may have been given before."""
        self._revising: list[tuple[int, str, str, str, str, str]] = []
        """(line number, id, revised id, source, event, predicate) of each claim that
        revises another."""
        self._fine: dict[tuple[Any, ...], bool] = {}
        """Shapes of claims whose references are known to be good (or bad)."""

    def claim(self, number: int, ordinal: int, claim: Claim) -> None:
        key = hash(claim.id)
        self._hashes.append(key)
        first, second = key & self._mask, (key >> 32) & self._mask
        bits = self._filter
        if (bits[first >> 3] >> (first & 7)) & (bits[second >> 3] >> (second & 7)) & 1:
            self._again.add(key)
        bits[first >> 3] |= 1 << (first & 7)
        bits[second >> 3] |= 1 << (second & 7)
        if claim.revises is not None:
            self._revising.append((number, claim.id, claim.revises, claim.source, claim.event,
                                   claim.predicate))
        provenance = claim.provenance
        sources = self._sources
        shape = None
        if (claim.event in self._events and provenance.source in sources
                and all(r.outlet in sources for r in provenance.relays)):
            value = claim.value
            shape = (claim.scope, claim.predicate, type(value),
                     None if type(value) in _UNREFERENCED else getattr(value, "id", value))
            if self._fine.get(shape):
                return
        known = {"sources": {s for s in (provenance.source,
                                         *(r.outlet for r in provenance.relays))
                             if s in sources},
                 "events": {claim.event} & self._events,
                 "claims": {claim.revises} if claim.revises else set()}
        problems = reference_problems(self._vocabulary, [], [], [(number, claim)],
                                      also_known=known)
        if shape is not None:
            self._fine[shape] = not problems
        self._found.extend((ordinal, 1, p) for p in problems)

    def problems(self, lines: _Lines) -> list[Problem]:
        """Every problem, in the order :func:`reference_problems` gives them for the whole
        file: the head's, each claim's (a repeated id first), then the revisions'."""
        revised = {hash(r[2]) for r in self._revising}
        wanted = self._again | revised
        sharing: dict[int, list[int]] = {}
        for ordinal, key in enumerate(self._hashes):
            if key in wanted:
                sharing.setdefault(key, []).append(ordinal)
        places = sorted(o for key, group in sharing.items()
                        if len(group) > 1 or key in revised for o in group)
        last: dict[str, Claim] = {}  # each id read again, and the last claim that has it
        for ordinal, claim in zip(places, lines.fetch(places), strict=True):
            if claim.id in last:
                number = lines.numbers[ordinal]
                self._found.append((ordinal, 0, Problem(
                    f"$.claims[{number}].id", f"duplicate claim id {excerpt(claim.id)}")))
            last[claim.id] = claim
        found = self._head + [p for _, _, p in sorted(self._found, key=lambda f: f[:2])]
        for number, ident, revises, source, event, predicate in self._revising:
            path = f"$.claims[{number}].revises"
            target = last.get(revises)
            if target is None:
                found.append(Problem(path, f"unknown claim {revises!r}"))
            elif (target.source, target.event, target.predicate) != (source, event, predicate):
                found.append(Problem(
                    path, f"claim {ident!r} revises {target.id!r}, which is not its own "
                          f"source's statement about the same event and predicate "
                          f"({target.source}, {target.event}, {target.predicate})"))
        return found
