"""The Parquet form of a dossier (``docs/format.md``, "Parquet"): one row per claim in the
columns of :data:`~claims.io.CLAIM_COLUMNS` and an ``order`` column, rows sorted by event in
row groups that never split one, the head in the file's key-value metadata.

Only what touches pyarrow (the ``parquet`` extra, imported when a file is read or written) is
here: the schema, writing rows, and reading rows back as claims' JSON form. What the rows
mean is judged by the readers of ``_reading``, exactly as for JSON Lines.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from claims._extras import require
from claims.errors import DossierError, Problem, ValidationError, excerpt
from claims.io._columns import CLAIM_COLUMNS, RELAY_FIELDS, flatten_claim, nest_claim
from claims.io._converter import converter
from claims.io._files import PathLike, write_bytes_atomically
from claims.model import Claim

HEAD_KEY = "claims.head"
"""The key of the file's key-value metadata that holds the head (JSON text)."""

ORDER = "order"
"""The column holding each claim's place in the dossier, counting from 0."""

ROW_GROUP_ROWS = 65_536
"""About how many rows a row group holds: whole events are added while it has fewer."""

_INT64_MAX = 2**63 - 1
_NAMES = tuple(name for name, _ in CLAIM_COLUMNS)
_KINDS = dict(CLAIM_COLUMNS)
_INTEGERS = tuple(name for name, kind in CLAIM_COLUMNS if kind == "int")


def _arrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or :class:`MissingExtraError` naming the extra."""
    feature = "the Parquet form"
    return (require("pyarrow", extra="parquet", feature=feature),
            require("pyarrow.parquet", extra="parquet", feature=feature))


def arrow_schema() -> Any:
    """The schema the writer uses: strings, int64, bool, list<string>, list<struct>, and
    ``order`` (int64)."""
    pa, _ = _arrow()
    relay = pa.struct([pa.field(name, pa.string()) for name in RELAY_FIELDS])
    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_(),
             "list[str]": pa.list_(pa.string()), "relays": pa.list_(relay)}
    return pa.schema([*(pa.field(name, types[kind]) for name, kind in CLAIM_COLUMNS),
                      pa.field(ORDER, pa.int64())])


# -- writing ------------------------------------------------------------------------------


def write_parquet(path: PathLike, head: dict[str, Any], claims: Iterable[Claim]) -> None:
    """Write a dossier's head and claims to ``path`` as Parquet, atomically.

    The claims are flattened a row group's worth at a time into Arrow tables (compact next to
    the claims themselves), sorted by event (and their place in the dossier), and written in
    row groups of about :data:`ROW_GROUP_ROWS` rows that hold whole events.

    Raises:
        ValidationError: for a count beyond a 64-bit integer (naming the claim and field)
            or text UTF-8 cannot encode; nothing is written.
        MissingExtraError: without the ``parquet`` extra.
    """
    pa, pq = _arrow()
    text = json.dumps(head, ensure_ascii=False)
    schema = arrow_schema().with_metadata({HEAD_KEY: text})

    def write(stream: IO[bytes]) -> None:
        table = _sorted_table(pa, schema, claims)
        hashing = _Hashing(stream)
        writer = pq.ParquetWriter(hashing, schema, compression="zstd")
        try:
            for start, stop in _row_groups(table.column("event").to_pylist()):
                writer.write_table(table.slice(start, stop - start),
                                   row_group_size=stop - start)
            writer.add_key_value_metadata({CHECKED_KEY: json.dumps(
                {"checks": CHECKS, "rows": table.num_rows,
                 "digest": _digest(hashing.hash, text)})})
        finally:
            writer.close()

    write_bytes_atomically(path, write)


CHECKED_KEY = "claims.checked"
"""The key of the file's metadata that says its rows were checked when written: the version
of the checks (:data:`CHECKS`), how many rows, and a digest of the rows' bytes and the head."""

CHECKS = 1
"""The version of the rules a claim is checked against when read; raised whenever they
change, so that no file checked under older rules is taken as checked under these."""


class _Hashing(io.RawIOBase):
    """A stream that hashes what is written through it (the rows' bytes, before the footer)."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self._stream = stream
        self.hash = hashlib.blake2b(digest_size=16)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.hash.update(data)
        return self._stream.write(data)


def _digest(hashed: Any, head: str) -> str:
    both = hashed.copy()
    both.update(head.encode("utf-8"))
    return str(both.hexdigest())


def checked_when_written(path: PathLike, metadata: Mapping[str, str], rows: int) -> bool:
    """Whether a Parquet dossier's rows are those this library checked and wrote, unchanged,
    under the present rules, with its present head: its ``claims.checked`` metadata names the
    present version of the checks and ``rows`` rows, and its digest is that of the bytes before
    the footer and of the head. Anything else (another writer, an edited row or head, older
    rules, a damaged file) is False, and the rows must be checked as they are read."""
    raw, head = metadata.get(CHECKED_KEY), metadata.get(HEAD_KEY)
    if raw is None or head is None:
        return False
    try:
        said = json.loads(raw)
    except ValueError:
        return False
    if not isinstance(said, dict) or said.get("checks") != CHECKS or said.get("rows") != rows:
        return False
    hashed = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as stream:
            size = stream.seek(0, io.SEEK_END)
            if size < 12:
                return False
            stream.seek(size - 8)
            tail = stream.read(8)
            end = size - 8 - int.from_bytes(tail[:4], "little")
            if tail[4:] != b"PAR1" or not 4 <= end <= size:
                return False
            stream.seek(0)
            left = end
            while left:
                block = stream.read(min(left, 8 * 2**20))
                if not block:
                    return False
                hashed.update(block)
                left -= len(block)
    except OSError:
        return False
    return bool(_digest(hashed, head) == said.get("digest"))


def _sorted_table(pa: Any, schema: Any, claims: Iterable[Claim]) -> Any:
    unstructure = converter().unstructure
    tables = []
    position = 0
    batches = iter(claims)
    while batch := list(itertools.islice(batches, ROW_GROUP_ROWS)):
        rows = [flatten_claim(unstructure(claim)) for claim in batch]
        for row in rows:
            _check_integers(row)
        columns: dict[str, list[Any]] = {name: [row[name] for row in rows] for name in _NAMES}
        columns[ORDER] = list(range(position, position + len(rows)))
        tables.append(pa.table(columns, schema=schema))
        position += len(rows)
    if not tables:
        return schema.empty_table()
    table = pa.concat_tables(tables)
    return table.sort_by([("event", "ascending"), (ORDER, "ascending")])


def _check_integers(row: dict[str, Any]) -> None:
    for name in _INTEGERS:
        value = row[name]
        if value is not None and value > _INT64_MAX:
            field = name.replace("value_", "value.", 1)
            raise ValidationError(
                f"cannot write claim {excerpt(row['id'])} as Parquet: {field}={excerpt(value)} "
                f"is beyond {_INT64_MAX}, the largest integer a Parquet column holds")


def _row_groups(events: list[str]) -> Iterator[tuple[int, int]]:
    """(start, stop) of each row group over rows sorted by event: whole events, added while
    the group holds fewer than :data:`ROW_GROUP_ROWS` rows."""
    start = 0
    run = 0  # where the current event's rows begin
    for index in range(1, len(events) + 1):
        if index < len(events) and events[index] == events[index - 1]:
            continue
        if run > start and index - start > ROW_GROUP_ROWS:
            yield start, run
            start = run
        run = index
    if start < len(events):
        yield start, len(events)


# -- reading ------------------------------------------------------------------------------


class ParquetRows:
    """A Parquet file opened to read a dossier: its head's text, its schema checked against
    the columns, and its rows as claims' JSON form, placed by row (counting from 0).

    Raises:
        DossierError: when the file cannot be read or is not Parquet.
        MissingExtraError: without the ``parquet`` extra.
    """

    def __init__(self, path: PathLike) -> None:
        pa, pq = _arrow()
        self.path = str(path)
        try:
            self._file = pq.ParquetFile(path)
            self.schema = self._file.schema_arrow
            metadata = self._file.metadata
        except OSError as exc:  # pyarrow's own errors about the bytes are ArrowInvalid
            raise DossierError([Problem("$", f"cannot read the file: {exc}")],
                               self.path) from None
        except pa.ArrowException as exc:
            raise DossierError([Problem("$", f"not a Parquet file, or a damaged one: {exc}")],
                               self.path) from None
        self._arrow = pa
        self.head: bytes | None = (metadata.metadata or {}).get(HEAD_KEY.encode())
        self.has_order = ORDER in self.schema.names
        sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
        self.groups: tuple[tuple[int, int], ...] = tuple(
            zip(itertools.accumulate(sizes, initial=0), sizes, strict=False))
        """(first row, rows) of each row group."""
        self.total = sum(sizes)

    def schema_problems(self, allow_unknown_keys: bool) -> list[Problem]:
        """A column missing, unknown (unless allowed) or of another type, each named."""
        pa = self._arrow
        expected = arrow_schema()
        found = []
        for name in _NAMES:
            if name not in self.schema.names:
                found.append(Problem("schema", f"missing column {name!r} "
                                               f"({expected.field(name).type})"))
        for field in self.schema:
            if field.name == ORDER:
                if not (pa.types.is_integer(field.type) or pa.types.is_null(field.type)):
                    found.append(_wrong(field, expected.field(ORDER).type))
            elif field.name not in _KINDS:
                if not allow_unknown_keys:
                    found.append(Problem("schema", f"unknown column {field.name!r}"))
            elif not _fits(pa, field.type, _KINDS[field.name]):
                found.append(_wrong(field, expected.field(field.name).type))
            elif _KINDS[field.name] == "relays" and not pa.types.is_null(field.type):
                found.extend(_relay_problems(pa, field.type.value_type, allow_unknown_keys))
        return found

    def event_bounds(self, group: int) -> tuple[str, str] | None:
        """The least and greatest event id in a row group, from its statistics (None where
        it has none)."""
        column = self.schema.get_field_index("event")
        statistics = self._file.metadata.row_group(group).column(column).statistics
        if statistics is None or not statistics.has_min_max or statistics.null_count:
            return None
        low, high = statistics.min, statistics.max
        return (low, high) if isinstance(low, str) and isinstance(high, str) else None

    def events(self, group: int) -> list[Any]:
        """The event of every row in a row group."""
        return self._read(group, ["event"])[0]

    def ids(self, group: int) -> list[Any]:
        """The id of every row in a row group."""
        return self._read(group, ["id"])[0]

    def rows(self, groups: Sequence[int] | None = None
             ) -> Iterator[tuple[int, int | None, dict[str, Any]]]:
        """(row, order, claim's JSON form) for every row of the row groups (all by default),
        in the file's order; ``order`` is None where the file has no such column."""
        names = [name for name in _NAMES if name in self.schema.names]
        wanted = [*names, ORDER] if self.has_order else names
        for group in range(len(self.groups)) if groups is None else groups:
            columns = self._read(group, wanted)
            orders = columns.pop() if self.has_order else itertools.repeat(None)
            first = self.groups[group][0]
            rows = zip(*columns, strict=True)
            for offset, (order, values) in enumerate(zip(orders, rows, strict=False)):
                yield first + offset, order, nest_claim(dict(zip(names, values, strict=True)))

    def _read(self, group: int, columns: list[str]) -> list[list[Any]]:
        try:
            table = self._file.read_row_group(group, columns=columns)
            return [table.column(name).to_pylist() for name in columns]
        except (self._arrow.ArrowException, OSError, UnicodeDecodeError) as exc:
            first, size = self.groups[group]
            raise DossierError([Problem(f"rows {first}-{first + size - 1}",
                                        f"cannot read row group {group}: {exc}")],
                               self.path) from None


def order_problems(orders: Iterable[tuple[int, int | None]], total: int) -> list[Problem]:
    """The ``order`` column numbers the ``total`` rows from 0, each once: the first of the
    given (row, order) pairs that breaks this, if any. Given every row, this says the column
    is a permutation; given some, that none of them is out of place."""
    seen: set[int] = set()
    for row, order in orders:
        if type(order) is not int or not 0 <= order < total or order in seen:
            shown = "null" if order is None else excerpt(order)
            return [Problem(f"row {row}: $", f"column {ORDER!r} must number the {total} rows "
                                             f"from 0 to {total - 1}, each once; this row "
                                             f"holds {shown}")]
        seen.add(order)
    return []


def _wrong(field: Any, expected: Any) -> Problem:
    return Problem("schema", f"column {field.name!r} holds {field.type}; expected {expected}")


def _fits(pa: Any, kind: Any, column: str) -> bool:
    """Whether an Arrow type reads as the column's kind: any string type for text, any
    integer for a number, any list for a list, a null type (all null) for anything."""
    types = pa.types
    if types.is_null(kind):
        return True
    if types.is_dictionary(kind):
        return _fits(pa, kind.value_type, column)
    if column == "str":
        return bool(types.is_string(kind) or types.is_large_string(kind)
                    or getattr(types, "is_string_view", lambda _: False)(kind))
    if column == "int":
        return bool(types.is_integer(kind))
    if column == "bool":
        return bool(types.is_boolean(kind))
    if not (types.is_list(kind) or types.is_large_list(kind)):
        return False
    if column == "list[str]":
        return _fits(pa, kind.value_type, "str")
    return bool(types.is_struct(kind.value_type) or types.is_null(kind.value_type))


def _relay_problems(pa: Any, struct: Any, allow_unknown_keys: bool) -> list[Problem]:
    if pa.types.is_null(struct):
        return []
    names = [struct.field(i).name for i in range(struct.num_fields)]
    found = [Problem("schema", f"column 'relays' lacks the field {name!r} (string)")
             for name in RELAY_FIELDS if name not in names]
    for index, name in enumerate(names):
        kind = struct.field(index).type
        if name not in RELAY_FIELDS:
            if not allow_unknown_keys:
                found.append(Problem("schema", f"column 'relays' has an unknown field {name!r}"))
        elif not _fits(pa, kind, "str"):
            found.append(Problem("schema", f"column 'relays' field {name!r} holds {kind}; "
                                           f"expected string"))
    return found


def is_parquet(path: PathLike) -> bool:
    """Whether a path names the Parquet form (by its suffix)."""
    return Path(path).suffix == ".parquet"
