"""Writing exports of a large collection: every format at once, a chunk of events (or of
claims) at a time, each file exactly as the functions that take a whole report write it."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from claims._extras import require
from claims.errors import ValidationError
from claims.export._acled import acled_rows
from claims.export._airwars import airwars_rows
from claims.export._csv import CsvRows
from claims.export._prov import add_claims, add_figures, add_sources, new_document
from claims.export._rows import Row, claim_row, result_rows
from claims.export._ucdp import ucdp_rows
from claims.export._wikidata import wikidata_statements
from claims.export._wikipedia import wikipedia_lines
from claims.io import write_atomically
from claims.model import Claim, Source
from claims.report import ChunkedReport, Report

EXPORTS = ("ucdp", "airwars", "acled", "results", "claims", "wikipedia", "wikidata", "prov")
"""What :func:`write_exports` writes: the ``claims export`` flags, in their order."""

_CLAIM_BATCH = 2_000
"""Claims taken at a time in the dossier's order (PROV objects are large: some kilobytes
a claim)."""

_PROV_EVENTS = 200
"""Events whose figures go into one PROV document at a time."""


class _Target:
    """A file being written, which names itself when its text cannot be encoded (several
    are open at once, so the error must say which)."""

    def __init__(self, stream: IO[str], path: str | Path) -> None:
        self.stream = stream
        self.path = Path(path)

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except UnicodeEncodeError as error:
            raise ValidationError(
                f"cannot write {str(self.path)!r}: the text holds "
                f"{error.object[error.start:error.end]!r}, which UTF-8 cannot encode (a lone "
                "surrogate)") from None


class _Output:
    """One export being written: told of the claims in the dossier's order and of the
    report's chunks in the report's order, then closed."""

    wants_claims = False
    wants_chunks = True

    def claims(self, claims: list[Claim]) -> None:
        """The next claims, in the dossier's order."""

    def chunk(self, report: Report) -> None:
        """The next chunk of whole events, in the report's order."""

    def close(self) -> None:
        """Everything has been told."""


class _Rows(_Output):
    def __init__(self, stream: _Target, rows: Callable[[Report], Iterable[Row]]) -> None:
        self._csv = CsvRows(stream)
        self._rows = rows

    def chunk(self, report: Report) -> None:
        self._csv.write(self._rows(report))


class _ClaimRows(_Output):
    wants_claims, wants_chunks = True, False

    def __init__(self, stream: _Target, chunked: ChunkedReport) -> None:
        self._csv = CsvRows(stream)
        self._sources: dict[str, Source] = {}
        for source in chunked.sources:
            self._sources.setdefault(source.id, source)

    def claims(self, claims: list[Claim]) -> None:
        sources = self._sources
        self._csv.write(claim_row(claim, sources[claim.source]) for claim in claims)


class _Lines(_Output):
    """Lines joined by newlines, and a newline at the end (as ``claims export`` writes
    ``wikipedia_infobox(report)``)."""

    def __init__(self, stream: _Target, lines: Callable[[Report], list[str]]) -> None:
        self._stream = stream
        self._lines = lines
        self._between = ""

    def chunk(self, report: Report) -> None:
        lines = self._lines(report)
        if lines:
            self._stream.write(self._between + "\n".join(lines))
            self._between = "\n"

    def close(self) -> None:
        self._stream.write("\n")


class _Statements(_Output):
    def __init__(self, stream: _Target) -> None:
        self._stream = stream

    def chunk(self, report: Report) -> None:
        self._stream.write("".join(f"{line}\n" for line in wikidata_statements(report)))


class _Prov(_Output):
    """PROV-JSON, exactly ``prov_document(dossier, report).serialize(format="json")``.

    That text groups the records by kind (every agent, then every entity, ...), each kind
    at the place its first record takes in the document; relations without an id are
    numbered in the document's order (``_:id7``). Here small documents are made in the
    whole one's order (the sources, the claims a batch at a time, the figures a few events
    at a time), each is encoded by the ``prov`` package, its records are renumbered and
    added to a temporary file per kind beside the target, and the files are joined at the
    end: memory holds one small document, the disk the output twice over.
    """

    wants_claims = True

    def __init__(self, stream: _Target, chunked: ChunkedReport) -> None:
        self._model = require("prov.model", extra="prov", feature="prov_document")
        self._encode = require("prov.serializers.provjson", extra="prov",
                               feature="prov_document").encode_json_document
        self._stream = stream
        self._directory = stream.path.parent
        self._prefix: dict[str, Any] = {}
        self._kinds: dict[str, IO[str]] = {}
        self._anonymous = 0
        document = new_document(self._model)
        add_sources(document, chunked.sources, chunked.vocabulary)
        self._take(document)

    def claims(self, claims: list[Claim]) -> None:
        document = new_document(self._model)
        add_claims(document, self._model, claims)
        self._take(document)

    def chunk(self, report: Report) -> None:
        results = report.results
        for first in range(0, len(results), _PROV_EVENTS):
            document = new_document(self._model)
            add_figures(document, report, results[first:first + _PROV_EVENTS])
            self._take(document)

    def _take(self, document: Any) -> None:
        container = self._encode(document)
        offset, numbered = self._anonymous, 0
        for kind, records in container.items():
            if kind == "prefix":
                for key, value in records.items():
                    self._prefix.setdefault(key, value)
                continue
            spool = self._kinds.get(kind)
            if spool is None:
                spool = self._kinds[kind] = tempfile.TemporaryFile(  # noqa: SIM115
                    "w+", encoding="utf-8", dir=self._directory)
                between = ""
            else:
                between = ", "
            parts = []
            for ident, record in records.items():
                if ident.startswith("_:id"):
                    numbered += 1
                    ident = f"_:id{int(ident[4:]) + offset}"
                parts.append(f"{between}{json.dumps(ident)}: {json.dumps(record)}")
                between = ", "
            spool.write("".join(parts))
        self._anonymous += numbered

    def close(self) -> None:
        stream = self._stream
        stream.write(f'{{"prefix": {json.dumps(self._prefix)}')
        for kind, spool in self._kinds.items():
            stream.write(f", {json.dumps(kind)}: {{")
            spool.seek(0)
            shutil.copyfileobj(spool, stream)
            spool.close()
            stream.write("}")
        stream.write("}")
        self._kinds.clear()


def _output(name: str, stream: _Target, chunked: ChunkedReport) -> _Output:
    labelled = len(chunked.events) > 1
    makers: dict[str, Callable[[], _Output]] = {
        "ucdp": lambda: _Rows(stream, ucdp_rows),
        "airwars": lambda: _Rows(stream, airwars_rows),
        "acled": lambda: _Rows(stream, acled_rows),
        "results": lambda: _Rows(stream, result_rows),
        "claims": lambda: _ClaimRows(stream, chunked),
        "wikipedia": lambda: _Lines(stream, lambda r: wikipedia_lines(r, labelled=labelled)),
        "wikidata": lambda: _Statements(stream),
        "prov": lambda: _Prov(stream, chunked),
    }
    return makers[name]()


def write_exports(chunked: ChunkedReport, targets: Mapping[str, str | Path], *,
                  progress: Callable[[str], None] = lambda _: None) -> None:
    """Write several exports of one report at once, in one pass over its chunks (and one
    over its claims, for ``claims`` and ``prov``): each file exactly as ``write_csv(
    ucdp_rows(report), path)``, ``wikipedia_infobox(report) + "\\n"``, one
    ``wikidata_statements`` line after another, or ``prov_document(dossier,
    report).serialize(format="json")`` writes it, in memory that does not grow with the
    collection.

    Every file is written beside its target and renamed into place once all are written:
    a failure while writing leaves every target as it was.

    Args:
        chunked: The report, from :func:`claims.report.reconcile_in_chunks`.
        targets: For each export wanted (a name in :data:`EXPORTS`: ``"ucdp"``,
            ``"airwars"``, ``"acled"``, ``"results"`` (every count result), ``"claims"``
            (every claim), ``"wikipedia"``, ``"wikidata"``, ``"prov"``), its file.
        progress: Told how far the work has come.

    Raises:
        ValidationError: for an unknown export name, or text UTF-8 cannot encode.
        MissingExtraError: for ``prov`` without the ``prov`` extra (nothing is written).
    """
    unknown = sorted(set(targets) - set(EXPORTS))
    if unknown:
        raise ValidationError(f"unknown exports {unknown}: expected some of {list(EXPORTS)}")
    names = [name for name in EXPORTS if name in targets]

    def write_all(streams: list[IO[str]]) -> None:
        outputs = [_output(name, _Target(stream, targets[name]), chunked)
                   for name, stream in zip(names, streams, strict=True)]
        if any(o.wants_claims for o in outputs):
            progress(f"writing every claim of {chunked.claim_count:,}")
            for claims in chunked.claims(_CLAIM_BATCH):
                for output in outputs:
                    if output.wants_claims:
                        output.claims(claims)
                del claims  # before the next are read
        if any(o.wants_chunks for o in outputs):
            progress(f"writing the results of {len(chunked.events):,} events")
            for chunk in chunked.chunks(progress):
                for output in outputs:
                    if output.wants_chunks:
                        output.chunk(chunk)
                del chunk  # before the next is made
        for output in outputs:
            output.close()

    _atomically([(targets[name], "" if name in _CSV else "\n") for name in names], write_all)


_CSV = frozenset({"ucdp", "airwars", "acled", "results", "claims"})


def _atomically(targets: list[tuple[str | Path, str]],
                write: Callable[[list[IO[str]]], None], opened: tuple[IO[str], ...] = ()
                ) -> None:
    """``write`` to every target at once, each through :func:`write_atomically` (the
    innermost file is renamed into place first, once everything is written)."""
    if len(opened) == len(targets):
        write(list(opened))
        return
    path, newline = targets[len(opened)]
    write_atomically(path, lambda stream: _atomically(targets, write, (*opened, stream)),
                     newline=newline)
