"""Reading a dossier's claims into columns: every claim checked, few objects built.

A JSON Lines file is read in chunks of lines. Each chunk is parsed by polars against the
claim's JSON shape and flattened to the columns of :data:`claims.io.CLAIM_COLUMNS`; the
columnar checks (``_checks``) mark the rows they cannot vouch for, and those, and only those,
are read again, line by line, by the reader :func:`claims.load` uses. A key polars would
ignore (a misspelt or unknown key) or a value it would quietly turn into text (``"id": 5``) is
caught by counting, on each line, the keys (``"...":``) and the quotation marks it holds
against what was parsed: any line where they differ is read by the reader (so is a line
with a space before a colon, a number written with a fraction or an exponent (polars would
take ``1.0`` as an integer, the reader refuses it), external ids not written as a list
(polars would take a lone string as a list of one), or an escaped code point: slower, never
wrong).

What is kept is the *figure frame* (:data:`FIGURE_COLUMNS`): the few columns the count rules
read, with the line each claim came from, so that a group's explanation can be built later
from those lines alone.
"""

from __future__ import annotations

import functools
import io
import itertools
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from claims.bulk._checks import TIME_FORMAT
from claims.bulk._head import Head, read_head
from claims.bulk._threads import in_turn
from claims.errors import DossierError, Problem, excerpt
from claims.io._builder import ClaimBuilder, fast_line_reader
from claims.io._files import LINES_FORMAT
from claims.io._reading import _line_claim, _line_paths
from claims.io._writing import unstructure
from claims.model import Claim

CHUNK_BYTES = 4 * 2**20
"""About this many bytes of lines are parsed at once: the memory a chunk takes is what the
figure frame adds to, whatever the file's size."""

FIGURE_COLUMNS = ("line", "offset", "id", "event", "predicate", "scope_category", "scope_actor",
                  "scope_place", "source", "statement", "value_type", "value_low",
                  "value_high", "value_best", "value_bound", "status", "coverage", "revises",
                  "published_start", "published_end")
"""What the count rules read of each claim: ``statement`` is a 64-bit hash of the source and
quote (the claims read from one statement), the times are instants in UTC, ``line`` is where
the claim is in the file (1 is the head) and ``offset`` the byte it starts at."""


def _pl() -> Any:
    import polars

    return polars


@functools.cache
def claim_dtype() -> Any:
    """The JSON shape of a claim, as polars reads it."""
    pl = _pl()
    text = pl.String
    time = pl.Struct({"start": text, "end": text, "precision": text, "wording": text})
    return pl.Struct({
        "id": text, "event": text, "predicate": text,
        "provenance": pl.Struct({
            "source": text, "quote": text, "published": time, "url": text, "language": text,
            "relays": pl.List(pl.Struct({"outlet": text, "url": text, "published": time,
                                         "quote": text, "title": text})),
            "title": text}),
        "value": pl.Struct({"type": text, "low": pl.Int64, "high": pl.Int64,
                            "bound": text, "best": pl.Int64, "wording": text, "id": text,
                            "text": text, "start": text, "end": text, "precision": text}),
        "scope": pl.Struct({"category": text, "actor": text, "place": text}),
        "hedge": text, "status": text, "note": text, "coverage": text, "revises": text,
        "interested": pl.Boolean, "external_ids": pl.List(text),
    })


def _present(expr: Any, fields: list[str]) -> Any:
    """How many of a struct's fields are present (not null)."""
    pl = _pl()
    return pl.sum_horizontal(expr.struct.field(f).is_not_null().cast(pl.UInt32) for f in fields)


def _strings(expr: Any, fields: list[str]) -> Any:
    pl = _pl()
    return pl.sum_horizontal(expr.struct.field(f).is_not_null().cast(pl.UInt32) for f in fields)


_TIME = ["start", "end", "precision", "wording"]
_VALUE_TEXT = ["type", "bound", "wording", "id", "text", "start", "end", "precision"]
_VALUE_ALL = [*_VALUE_TEXT, "low", "high", "best"]


def _flatten(decoded: Any) -> Any:
    """The parsed claims as flat columns, with each line's count of keys and of strings."""
    return decoded.select(*_flat_columns())


@functools.cache
def _flat_columns() -> tuple[Any, ...]:
    """The expressions of :func:`_flatten`, built once: building them for every chunk held
    the interpreter's lock the other worker needs."""
    pl = _pl()
    col = pl.col
    prov, value, scope = col("provenance"), col("value"), col("scope")
    published = prov.struct.field("published")
    relays = prov.struct.field("relays")
    top = ["id", "event", "predicate", "provenance", "value", "scope", "hedge", "status",
           "note", "coverage", "revises", "interested", "external_ids"]
    top_text = ["id", "event", "predicate", "hedge", "status", "note", "coverage", "revises"]
    prov_fields = ["source", "quote", "published", "url", "language", "relays", "title"]
    prov_text = ["source", "quote", "url", "language", "title"]
    relay_keys = relays.list.eval(
        pl.sum_horizontal(pl.element().struct.field(f).is_not_null().cast(pl.UInt32)
                          for f in ["outlet", "url", "published", "quote", "title"])
        + _present(pl.element().struct.field("published"), _TIME)).list.sum()
    relay_strings = relays.list.eval(
        pl.sum_horizontal(pl.element().struct.field(f).is_not_null().cast(pl.UInt32)
                          for f in ["outlet", "url", "quote", "title"])
        + _present(pl.element().struct.field("published"), _TIME)).list.sum()
    keys = (pl.sum_horizontal(col(c).is_not_null().cast(pl.UInt32) for c in top)
            + _present(prov, prov_fields) + _present(published, _TIME)
            + _present(value, _VALUE_ALL) + _present(scope, ["category", "actor", "place"])
            + relay_keys.fill_null(0))
    strings = (pl.sum_horizontal(col(c).is_not_null().cast(pl.UInt32) for c in top_text)
               + _strings(prov, prov_text) + _present(published, _TIME)
               + _present(value, _VALUE_TEXT) + _present(scope, ["category", "actor", "place"])
               + relay_strings.fill_null(0) + col("external_ids").list.len().fill_null(0))
    return (
        "id", "event", "predicate",
        scope.struct.field("category").alias("scope_category"),
        scope.struct.field("actor").alias("scope_actor"),
        scope.struct.field("place").alias("scope_place"),
        value.struct.field("type").alias("value_type"),
        value.struct.field("low").alias("value_low"),
        value.struct.field("high").alias("value_high"),
        value.struct.field("best").alias("value_best"),
        value.struct.field("bound").alias("value_bound"),
        value.struct.field("wording").alias("value_wording"),
        value.struct.field("id").alias("value_id"),
        value.struct.field("text").alias("value_text"),
        value.struct.field("start").alias("value_start"),
        value.struct.field("end").alias("value_end"),
        value.struct.field("precision").alias("value_precision"),
        "hedge", "status", "note", "coverage", "revises", "interested", "external_ids",
        prov.struct.field("source").alias("source"),
        prov.struct.field("quote").alias("quote"),
        prov.struct.field("url").alias("url"),
        prov.struct.field("language").alias("language"),
        prov.struct.field("title").alias("title"),
        published.struct.field("start").alias("published_start"),
        published.struct.field("end").alias("published_end"),
        published.struct.field("precision").alias("published_precision"),
        published.struct.field("wording").alias("published_wording"),
        relays.list.eval(pl.struct(
            pl.element().struct.field("outlet"), pl.element().struct.field("url"),
            pl.element().struct.field("published").struct.field("start")
            .alias("published_start"),
            pl.element().struct.field("published").struct.field("end").alias("published_end"),
            pl.element().struct.field("published").struct.field("precision")
            .alias("published_precision"),
            pl.element().struct.field("published").struct.field("wording")
            .alias("published_wording"),
            pl.element().struct.field("quote"), pl.element().struct.field("title"),
        )).alias("relays"),
        keys.alias("_keys"), strings.alias("_strings"),
    )


_TEXT_COLUMNS = ("id", "event", "predicate", "scope_category", "scope_actor", "scope_place",
                 "value_type", "value_bound", "value_wording", "value_id", "value_text",
                 "value_start", "value_end", "value_precision", "hedge", "status", "note",
                 "coverage", "revises", "source", "quote", "url", "language", "title",
                 "published_start", "published_end", "published_precision",
                 "published_wording")
_RELAY_TEXT = ("outlet", "url", "published_start", "published_end", "published_precision",
               "published_wording", "quote", "title")


@functools.cache
def _quotes_inside() -> Any:
    """How many quotation marks the strings of a flat row hold."""
    pl = _pl()
    col = pl.col

    def inside(expr: Any) -> Any:
        return expr.str.count_matches('"', literal=True).fill_null(0)

    relays = col("relays").list.eval(pl.sum_horizontal(
        inside(pl.element().struct.field(f)) for f in _RELAY_TEXT)).list.sum().fill_null(0)
    ids = col("external_ids").list.eval(inside(pl.element())).list.sum().fill_null(0)
    return pl.sum_horizontal(*(inside(col(c)) for c in _TEXT_COLUMNS), relays, ids)


def figure_frame(flat: Any) -> Any:
    """The columns the count rules read (:data:`FIGURE_COLUMNS`) of a flat, checked frame."""
    pl = _pl()
    col = pl.col
    return flat.select(
        "line", "offset", "id", "event", "predicate", "scope_category", "scope_actor",
        "scope_place", "source",
        pl.concat_str([col("source"), col("quote")], separator="\x00").hash().alias("statement"),
        "value_type", "value_low", "value_high", "value_best", "value_bound", "status",
        "coverage", "revises",
        col("published_start").str.to_datetime(TIME_FORMAT, strict=False, time_zone="UTC")
        .alias("published_start"),
        col("published_end").str.to_datetime(TIME_FORMAT, strict=False, time_zone="UTC")
        .alias("published_end"),
    ).cast({name: pl.Categorical for name in _CATEGORIES})


_CATEGORIES = ("event", "predicate", "scope_category", "scope_actor", "scope_place", "source",
               "value_type", "value_bound", "status", "coverage")
"""Columns of few distinct values, kept as categories (a small number each)."""


def read_lines(path: Path) -> tuple[Head, Any]:
    """The head and the figure frame of a JSON Lines dossier, every claim checked.

    Raises:
        DossierError: with every problem of the file, placed by line as :func:`claims.load`
            places them.
    """
    pl = _pl()
    found: list[Problem] = []
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise DossierError([Problem("$", f"cannot read the file: {exc}")], str(path)) from exc
    with stream:
        first = stream.readline() or b"null"
        # The head is read beside the first chunks, which need it only once they are parsed.
        with ThreadPoolExecutor(max_workers=1) as aside:
            heading = aside.submit(read_head, first, LINES_FORMAT, "line 1", str(path), found,
                                   line=1)
            numbering = _Numbering(2)
            done = in_turn(lambda chunk: _checked_chunk(chunk, heading, numbering),
                           _chunks(stream))
            head = heading.result()
    parts = [frame for frame, _ in done]
    found.extend(problem for _, problems in done for problem in problems)
    frame = pl.concat(parts) if parts else figure_frame(_empty_flat())
    found.extend(cross_problems(frame))
    if found:
        raise DossierError(found, str(path))
    return head, frame


def _checked_chunk(chunk: tuple[int, int, bytes], heading: Future[Head],
                   numbering: _Numbering) -> tuple[Any, list[Problem]]:
    found: list[Problem] = []
    index, start, body = chunk
    try:
        return _chunk(body, index, start, numbering, heading, found), found
    except BaseException:
        numbering.abandon()  # the chunks after this one must not wait for its count
        raise


def _chunks(stream: io.BufferedReader | Any) -> Iterator[tuple[int, int, bytes]]:
    """The lines after the head, in chunks of whole lines (each chunk's bytes, its index and
    the byte offset of its first line). This runs on the thread that hands out the chunks, so
    it does as little as it can: the lines are split and counted by the worker that checks
    them."""
    offset = stream.tell()
    for index in itertools.count():
        block = stream.read(CHUNK_BYTES)
        if not block:
            return
        body = block + stream.readline()  # to the end of the last line begun
        yield index, offset, body
        offset += len(body)


class _Numbering:
    """The number of each chunk's first line, known once the chunk before it has counted its
    lines (each worker counts its own chunk's; chunks are handed out in order, so the one
    before is always being worked on or done)."""

    def __init__(self, first: int) -> None:
        self._firsts = {0: first}
        self._abandoned = False
        self._known = threading.Condition()

    def first_line(self, index: int, lines: int) -> int:
        """The number of chunk ``index``'s first line, once known; ``lines`` is how many it
        holds."""
        with self._known:
            while index not in self._firsts:
                if self._abandoned:
                    raise DossierError([Problem("$", "an earlier chunk could not be read")])
                self._known.wait()
            first = self._firsts.pop(index)
            self._firsts[index + 1] = first + lines
            self._known.notify_all()
            return first

    def abandon(self) -> None:
        with self._known:
            self._abandoned = True
            self._known.notify_all()


def _chunk(body: bytes, index: int, start: int, numbering: _Numbering, heading: Future[Head],
           found: list[Problem]) -> Any:
    """Chunk ``index`` of the lines (at byte ``start``) as a figure frame; its problems go to
    ``found``. The file's head (``heading``) is waited for once the lines are parsed."""
    pl = _pl()
    col = pl.col
    try:  # split by polars, without holding the interpreter's lock
        text = pl.Series("text", [body], dtype=pl.Binary).cast(pl.String).str.split(
            "\n").explode()
        sizes = text.str.len_bytes() + 1
    except pl.exceptions.PolarsError:  # not UTF-8 somewhere: the reader says where
        split = body.split(b"\n")
        text = pl.Series("text", [_utf8(line) for line in split], dtype=pl.String)
        sizes = pl.Series([len(line) + 1 for line in split], dtype=pl.Int64)
    if body.endswith(b"\n"):  # the end of the last line, not one more line
        text, sizes = text.head(-1), sizes.head(-1)
    first = numbering.first_line(index, len(text))
    offsets = (sizes.cum_sum() - sizes + start).cast(pl.Int64)
    frame = pl.DataFrame({"text": text, "offset": offsets}).with_row_index("line",
                                                                         offset=first)
    blank = frame["text"].str.contains(r"^[ \t\r]*$")
    frame = frame.filter(~blank.fill_null(False))
    unreadable = frame.filter(col("text").is_null())["line"].to_list()
    frame = frame.filter(col("text").is_not_null())
    lines = _Lines(body)
    try:
        decoded = frame.hstack(_decoded(frame["text"]).unnest("claim"))
    except Exception:
        numbers = sorted([*frame["line"].to_list(), *unreadable])
        return _exact(lines, first, offsets, numbers, heading.result(), found)
    head = heading.result()
    flat = pl.concat([decoded.select("line", "offset", "text"),
                      _flatten(decoded.drop("line", "offset", "text"))], how="horizontal")
    quotes, inner, counted = _counted()
    flat = flat.with_columns(
        (counted & head.clean)
        .fill_null(False).alias("_clean"), inner.alias("_inner"))
    quoting = flat.filter(col("_clean") & col("_inner"))
    if quoting.height:  # quotation marks inside strings: each is written \" on the line
        wrong = quoting.filter(quotes != 2 * (col("_keys") + col("_strings"))
                               + _quotes_inside())["line"]
        flat = flat.with_columns(col("_clean") & ~col("line").is_in(wrong.implode()))
    clean, suspect = vouched(flat, head)
    if not suspect and not unreadable:
        return clean
    judged = _exact(lines, first, offsets, sorted([*suspect, *unreadable]), head, found)
    return pl.concat([clean, judged]).sort("line")


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


@functools.cache
def _counted() -> tuple[Any, Any, Any]:
    """How many quotation marks a line holds, whether one is inside a string, and whether the
    keys and quotation marks on the line are those parsed (see the module's docstring)."""
    col = _pl().col
    quotes = col("text").str.count_matches('"', literal=True)
    inner = col("text").str.contains('\\"', literal=True)
    counted = (
        (col("text").str.count_matches('":', literal=True) == col("_keys"))
        & ~col("text").str.contains("\\u", literal=True)
        & ~col("text").str.contains(r":\s*-?[0-9]+[.eE]")  # a number with a fraction or exponent
        # polars reads a lone string as a list of one: the ids must be written as a list
        & (col("external_ids").is_null()
           | col("text").str.contains(r'"external_ids":\s*\['))
        & (inner | (quotes == 2 * (col("_keys") + col("_strings"))))
    )
    return quotes, inner, counted


class _Lines:
    """A chunk's lines as bytes, split only if a line must be read by the reader."""

    def __init__(self, body: bytes) -> None:
        self._body = body
        self._lines: list[bytes] | None = None

    def __getitem__(self, index: int) -> bytes:
        if self._lines is None:
            self._lines = self._body.split(b"\n")
        return self._lines[index]


def _decoded(text: Any) -> Any:
    """The claims of a column of lines, parsed by polars (a frame of one column, ``claim``).

    A few thousand lines are parsed at a time: polars parses a column chunk by chunk, and at
    ten thousand lines a chunk it spends about two thirds more than at a thousand."""
    pl = _pl()
    if len(text) > _PARSED_AT_ONCE:
        text = pl.concat([text.slice(start, _PARSED_AT_ONCE)
                          for start in range(0, len(text), _PARSED_AT_ONCE)], rechunk=False)
    decoded = pl.DataFrame({"text": text}).select(
        pl.col("text").str.json_decode(claim_dtype()).alias("claim"))
    return decoded.rechunk()  # the checks run faster over one chunk than over several


_PARSED_AT_ONCE = 1_000


def vouched(flat: Any, head: Head) -> tuple[Any, list[int]]:
    """The figure frame of the rows of ``flat`` the columnar checks vouch for (its ``_clean``
    column, every relay of the row checked, and an event the head declares), and the lines of
    the others."""
    pl = _pl()
    col = pl.col
    relays = flat.select("line", "source", "relays").filter(col("relays").list.len() > 0)
    if relays.height:
        bad = (relays.explode("relays").unnest("relays")
               .filter(~head.clean_relays)["line"].unique())
        flat = flat.with_columns(col("_clean") & ~col("line").is_in(bad.implode()))
    named = set(flat.filter(col("_clean"))["event"].unique().drop_nulls().to_list())
    unknown = named - head.event_ids  # a chunk names a few thousand events at most
    if unknown:
        flat = flat.with_columns(col("_clean") & ~col("event").is_in(
            pl.Series(sorted(unknown), dtype=pl.String).implode()))
    return (figure_frame(flat.filter(col("_clean"))),
            flat.filter(~col("_clean"))["line"].to_list())


def _exact(lines: _Lines, first: int, offsets: Any, numbers: list[int], head: Head,
           found: list[Problem]) -> Any:
    """The lines ``numbers`` (``lines[number - first]``) read by the library's reader:
    problems to ``found``, the claims it accepts as a figure frame."""
    builder, fast = ClaimBuilder(), fast_line_reader()
    accepted: list[tuple[int, int, Claim]] = []
    for number in numbers:
        line = lines[number - first]
        claim = _line_claim(line, number, found, False, builder, fast)
        if claim is None:
            continue
        # a claim with dangling references is kept for the checks across claims (an id
        # said twice, a revision), as the reader checks it; its problems refuse the file
        found.extend(_line_paths(head.problems_of(number, claim)))
        accepted.append((number, offsets[number - first], claim))
    return claims_frame(accepted)


def claims_frame(claims: list[tuple[int, int, Claim]]) -> Any:
    """Claims built by the reader, as a figure frame (``line`` and ``offset`` with each)."""
    pl = _pl()
    for number, _, claim in claims:
        for name in ("low", "high", "best"):
            figure = getattr(claim.value, name, None)
            if isinstance(figure, int) and figure >= 2**63:
                raise DossierError([Problem(f"line {number}: $.value.{name}",
                                            f"{excerpt(figure)} is beyond the 64-bit numbers "
                                            "the columnar reader holds; read this file with "
                                            "claims.load")])
    rows = [flat_claim(number, offset, claim) for number, offset, claim in claims]
    flat = pl.DataFrame(rows, schema=_flat_schema(), orient="row") if rows else _empty_flat()
    return figure_frame(flat)


def flat_claim(number: int, offset: int, claim: Claim) -> tuple[Any, ...]:
    """One claim's flat columns, in :func:`_flat_schema` order."""
    data = unstructure(claim)
    value = data.get("value") or {}
    scope = data.get("scope") or {}
    published = data["provenance"].get("published") or {}
    return (number, offset, claim.id, claim.event, claim.predicate, scope.get("category"),
            scope.get("actor"), scope.get("place"), value.get("type"), value.get("low"),
            value.get("high"), value.get("best"), value.get("bound"),
            claim.status.value, None if claim.coverage is None else claim.coverage.value,
            claim.revises, claim.provenance.source, claim.provenance.quote,
            published.get("start"), published.get("end"))


def _flat_schema() -> dict[str, Any]:
    pl = _pl()
    text, number = pl.String, pl.Int64
    return {"line": pl.UInt32, "offset": pl.Int64, "id": text, "event": text, "predicate": text,
            "scope_category": text, "scope_actor": text, "scope_place": text,
            "value_type": text, "value_low": number, "value_high": number,
            "value_best": number, "value_bound": text, "status": text, "coverage": text,
            "revises": text, "source": text, "quote": text, "published_start": text,
            "published_end": text}


def _empty_flat() -> Any:
    pl = _pl()
    return pl.DataFrame(schema=_flat_schema())


def cross_problems(frame: Any, place: str = "line") -> Iterator[Problem]:
    """What needs every claim: ids said twice (the later one, by ``offset``, is the one
    reported: the file's order for JSON Lines, the dossier's for Parquet), and ``revises``
    naming a claim that is not its own source's statement about the same event and predicate
    (an id said twice stands, there, for the later claim, as the reader takes it). Problems
    are placed ``{place} N`` by the ``line`` column."""
    pl = _pl()
    col = pl.col
    # Ids said twice are looked for among those whose 64-bit hash is said twice: hashing a
    # million ids and comparing numbers costs a fraction of comparing the ids themselves.
    twice = frame.filter(col("id").hash().is_duplicated())
    twice = twice.filter(col("id").is_duplicated())
    if twice.height:
        later = twice.sort("offset").filter(col("offset") != col("offset").min().over("id"))
        for number, ident in later.sort("line").select("line", "id").iter_rows():
            yield Problem(f"{place} {number}: $.id", f"duplicate claim id {excerpt(ident)}")
    revising = frame.filter(col("revises").is_not_null())
    if not revising.height:
        return
    named = frame.filter(col("id").is_in(revising["revises"].unique().implode()))
    targets = named.sort("offset").unique("id", keep="last").select(
        col("id").alias("revises"), col("source").cast(pl.String).alias("r_source"),
        col("event").cast(pl.String).alias("r_event"),
        col("predicate").cast(pl.String).alias("r_predicate"))
    joined = revising.cast({"source": pl.String, "event": pl.String,
                            "predicate": pl.String}).join(targets, on="revises", how="left")
    wrong = (col("r_source").is_null() | (col("r_source") != col("source"))
             | (col("r_event") != col("event")) | (col("r_predicate") != col("predicate")))
    for row in joined.filter(wrong).sort("line").iter_rows(named=True):
        path = f"{place} {row['line']}: $.revises"
        if row["r_source"] is None:
            yield Problem(path, f"unknown claim {row['revises']!r}")
        elif (row["r_source"], row["r_event"], row["r_predicate"]) != (
                row["source"], row["event"], row["predicate"]):
            yield Problem(path, f"claim {row['id']!r} revises {row['revises']!r}, which is not "
                                f"its own source's statement about the same event and "
                                f"predicate ({row['r_source']}, {row['r_event']}, "
                                f"{row['r_predicate']})")
