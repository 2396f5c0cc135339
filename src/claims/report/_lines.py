"""The first pass over a JSON Lines dossier for a report made a chunk at a time: every line
checked as :func:`claims.load` checks it, with the same problems in the same order, keeping
of each claim only where its line is, its event and its id's hash; and the claims read again
by their place in the file."""

from __future__ import annotations

import datetime as dt
import os
import time
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from claims._memory import paused_gc
from claims.errors import DossierError, Problem, excerpt
from claims.io._builder import ClaimBuilder, fast_line_reader
from claims.io._reading import _line_claim, _line_paths, _lines_head
from claims.model import (
    Claim,
    Count,
    Event,
    Source,
    Text,
    TimeSpan,
    Vocabulary,
    reference_problems,
)

_RENEW = 20_000
"""Claims built before the builder is renewed (the objects it shares would grow with the
file)."""

Progress = Callable[[str], None]
"""Told, now and then, how far long work has come ("reconciled 40,000 of 100,000 events")."""

_EVERY = 1.0
"""Seconds between two progress messages."""


def quiet(_: str) -> None:
    """Progress nobody watches."""


class Pace:
    """Says whether a progress message is due: at most one a second."""

    def __init__(self) -> None:
        self._last = time.monotonic()

    def due(self) -> bool:
        now = time.monotonic()
        if now - self._last < _EVERY:
            return False
        self._last = now
        return True


@attrs.define
class Lines:
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


def left_out(claim: Claim, as_of: dt.datetime | None, excluded: list[str],
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


_UNREFERENCED: tuple[type, ...] = (Count, TimeSpan, Text, type(None))
"""Value types that name nothing in the vocabulary (as ``reference_problems`` knows them)."""


@attrs.frozen
class LineIndex:
    """What the first pass keeps of a JSON Lines dossier: its head, where each claim's line
    is (:class:`Lines`), each claim's event (its rank among ``events``), and the claims
    ``as_of`` leaves out."""

    vocabulary: Vocabulary
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    lines: Lines
    event_of: array[int]
    excluded: tuple[str, ...]
    undated: tuple[str, ...]


def index_lines(path: Path, as_of: dt.datetime | None, allow_unknown_keys: bool,
                progress: Progress) -> LineIndex:
    """The first pass over a JSON Lines file: every line checked as :func:`claims.load`
    checks it, each claim's place kept.

    Raises:
        DossierError: with every problem :func:`claims.load` would report, in its order.
    """
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise DossierError([Problem("$", f"cannot read the file: {exc}")], str(path)) from exc
    found: list[Problem] = []
    offsets, lengths, numbers, event_of = array("q"), array("i"), array("q"), array("i")
    excluded: list[str] = []
    undated: list[str] = []
    pace = Pace()
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
                    left_out(claim, as_of, excluded, undated)
                    if len(offsets) % _RENEW == 0:
                        builder = ClaimBuilder()
                        if pace.due():
                            progress(f"checked {offset / max(stamp[0], 1):.0%} of {path} "
                                     f"({len(offsets):,} claims)")
                offset += len(line)
        except OSError as exc:
            raise DossierError([Problem("$", f"cannot read the file: {exc}")],
                               str(path)) from exc
        lines = Lines(path, allow_unknown_keys, offsets, lengths, numbers, stamp)
        found.extend(_line_paths(checks.problems(lines)))
    if found:
        raise DossierError(found, str(path))
    return LineIndex(vocabulary, tuple(s for _, s in sources), tuple(e for _, e in events),
                     lines, event_of, tuple(sorted(excluded)), tuple(sorted(undated)))


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

    def problems(self, lines: Lines) -> list[Problem]:
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
