"""Reading dossiers: a versioned JSON document, a JSON Lines form and a Parquet form, every
problem reported with its place.

The JSON document::

    {"format": "claims.dossier", "version": 1,
     "sources": [...], "vocabulary": {...}, "events": [...], "claims": [...]}

The JSON Lines form puts everything but the claims on its first line (with
``"format": "claims.dossier.lines"``) and then one claim per line, so a large collection can be
read as a stream (:func:`iter_claims`). The Parquet form holds the same head in its metadata
and one claim per row (``_parquet``); each row is made the claim's JSON form again and read
as a JSON Lines line is.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, cast

import attrs

from claims._memory import paused_gc
from claims.errors import DossierError, Problem, ValidationError, excerpt, json_excerpt
from claims.io._builder import NOT_PARSED, ClaimBuilder, fast_line_reader
from claims.io._converter import kind_of, structure_at
from claims.io._files import FORMAT, LINES_FORMAT, PARQUET_FORMAT, VERSION, PathLike
from claims.io._parquet import HEAD_KEY, ParquetRows, is_parquet, order_problems
from claims.io._parsing import UNREADABLE, parse
from claims.model import Claim, Dossier, Event, Source, Vocabulary, reference_problems

_T = TypeVar("_T")
_SECTIONS = ("sources", "vocabulary", "events", "claims")
_ITEM_TYPES: dict[str, type[Any]] = {"sources": Source, "events": Event, "claims": Claim}


# -- from data ----------------------------------------------------------------------------


def structure(data: Any, cls: type[_T], *, allow_unknown_keys: bool = False) -> _T:
    """Plain JSON data as a model object of type ``cls``, the inverse of
    :func:`claims.unstructure`.

    Raises:
        DossierError: for a dossier, with every problem and its path (``$.claims[3].value``).
        ValidationError: for any other type, with every problem in ``problems``.
    """
    if cls is Dossier:
        return cast(_T, dossier_from_data(data, allow_unknown_keys=allow_unknown_keys))
    found: list[Problem] = []
    result = structure_at(data, cls, "$", found, forbid_extra_keys=not allow_unknown_keys)
    if found or result is None:
        raise ValidationError(problems=found)
    return result


def dossier_from_data(data: Any, *, allow_unknown_keys: bool = False,
                      path: str | None = None, found: list[Problem] | None = None) -> Dossier:
    """A dossier from its JSON data, reporting every problem in it at once (after ``found``,
    those its text had)."""
    found = [] if found is None else found
    head = _check_head(data, FORMAT, found, allow_unknown_keys, sections=_SECTIONS)
    if head is None:
        raise DossierError(found, path)
    vocabulary, sources, events, known = _read_head(head, found, allow_unknown_keys)
    claims = _read_items(head.get("claims", []), "claims", found, allow_unknown_keys, known)
    found.extend(reference_problems(vocabulary, sources, events, claims, also_known=known))
    if found:
        raise DossierError(found, path)
    return Dossier.unchecked(tuple(s for _, s in sources), vocabulary,
                             tuple(e for _, e in events), tuple(c for _, c in claims))


def _check_head(data: Any, fmt: str, found: list[Problem], allow_unknown_keys: bool,
                sections: tuple[str, ...]) -> dict[str, Any] | None:
    """The document's head checked; None when it is no object (then there is nothing else to
    check). A wrong format or version is reported with everything else."""
    if not isinstance(data, dict):
        found.append(Problem("$", f"expected a JSON object, got {kind_of(data)}"))
        return None
    if "format" not in data:
        found.append(Problem("$", f"required key 'format' missing: expected \"{fmt}\""))
    elif data["format"] != fmt:
        found.append(Problem("$.format",
                             f"expected \"{fmt}\", got {json_excerpt(data['format'])}"))
    if "version" not in data:
        found.append(Problem("$", f"required key 'version' missing: expected {VERSION}"))
    elif type(data["version"]) is not int or data["version"] != VERSION:
        found.append(Problem("$.version", f"unsupported version {json_excerpt(data['version'])}"
                                          f"; this library reads {VERSION}"))
    unknown = sorted(set(data) - {"format", "version", *sections})
    if unknown and not allow_unknown_keys:
        found.append(Problem("$", f"unknown keys {json_excerpt(unknown)}"))
    return data


def _read_head(head: dict[str, Any], found: list[Problem], allow_unknown_keys: bool) -> tuple[
    Vocabulary, list[tuple[int, Source]], list[tuple[int, Event]], dict[str, set[str]]
]:
    known: dict[str, set[str]] = {}
    vocabulary = _read_vocabulary(head.get("vocabulary", {}), found, allow_unknown_keys)
    sources = _read_items(head.get("sources", []), "sources", found, allow_unknown_keys, known)
    events = _read_items(head.get("events", []), "events", found, allow_unknown_keys, known)
    return vocabulary, sources, events, known


def _read_vocabulary(data: Any, found: list[Problem], allow_unknown_keys: bool) -> Vocabulary:
    """Each section of the vocabulary on its own, then its cross-checks, all reported."""
    if not isinstance(data, dict):
        found.append(Problem("$.vocabulary", f"expected object, got {kind_of(data)}"))
        return Vocabulary()
    fields = {f.name: f for f in attrs.fields(attrs.resolve_types(Vocabulary)) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown and not allow_unknown_keys:
        found.append(Problem("$.vocabulary", f"unknown keys {json_excerpt(unknown)}"))
    sections = {}
    for name, field in fields.items():
        if name in data:
            kind: Any = field.type
            value = structure_at(data[name], kind, f"$.vocabulary.{name}", found,
                                 forbid_extra_keys=not allow_unknown_keys)
            sections[name] = value if value is not None else ()
    vocabulary = Vocabulary.unchecked(**sections)
    found.extend(p.rooted_at("$.vocabulary") for p in vocabulary.problems())
    return vocabulary


def _read_items(data: Any, section: str, found: list[Problem], allow_unknown_keys: bool,
                known: dict[str, set[str]]) -> list[tuple[int, Any]]:
    """Each item of a section on its own, so one bad item hides no problem in another."""
    if not isinstance(data, list):
        found.append(Problem(f"$.{section}", f"expected array, got {kind_of(data)}"))
        return []
    items = []
    fast = ClaimBuilder().build if section == "claims" else lambda _: None
    for index, raw in enumerate(data):
        item = fast(raw) or structure_at(raw, _ITEM_TYPES[section], f"$.{section}[{index}]",
                                         found, forbid_extra_keys=not allow_unknown_keys)
        if item is not None:
            items.append((index, item))
        elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
            known.setdefault(section, set()).add(raw["id"])
    return items


# -- files --------------------------------------------------------------------------------


def loads(text: str, *, allow_unknown_keys: bool = False) -> Dossier:
    """A dossier from a JSON document's text."""
    data, found = parse(text)
    if data is UNREADABLE:
        raise DossierError(found)
    return dossier_from_data(data, allow_unknown_keys=allow_unknown_keys, found=found)


def load(path: PathLike, *, allow_unknown_keys: bool = False) -> Dossier:
    """Read a dossier from ``path``: JSON Lines if it ends in ``.jsonl``, Parquet if it ends
    in ``.parquet`` (the ``parquet`` extra), else JSON.

    Args:
        path: The file.
        allow_unknown_keys: Ignore keys this version does not know instead of refusing them
            (and, in Parquet, columns).

    Raises:
        DossierError: naming the file and, for every problem, the place inside it
            (``$.claims[3].value``; for JSON Lines, ``line 5: $.value``; for Parquet,
            ``row 5: $.value``, rows counted from 0).
        MissingExtraError: for a Parquet file without the ``parquet`` extra.
    """
    source = Path(path)
    with paused_gc():
        try:
            if is_parquet(source):
                return _load_parquet(source, allow_unknown_keys)
            if source.suffix == ".jsonl":
                return _load_lines(source, allow_unknown_keys)
            raw = source.read_bytes()
        except OSError as exc:
            raise DossierError([Problem("$", f"cannot read the file: {exc}")],
                               str(path)) from exc
        data, found = parse(raw)
        del raw
        if data is UNREADABLE:
            raise DossierError(found, str(path))
        return dossier_from_data(data, allow_unknown_keys=allow_unknown_keys, path=str(path),
                                 found=found)


def _load_lines(path: Path, allow_unknown_keys: bool) -> Dossier:
    found: list[Problem] = []
    with path.open("rb") as stream:
        vocabulary, sources, events, known = _lines_head(stream, str(path), found,
                                                         allow_unknown_keys)
        claims = []
        builder, fast = ClaimBuilder(), fast_line_reader()
        for number, line in enumerate(stream, start=2):
            claim = _line_claim(line, number, found, allow_unknown_keys, builder, fast)
            if claim is not None:
                claims.append((number, claim))
    problems = reference_problems(vocabulary, sources, events, claims, also_known=known)
    found.extend(_line_paths(problems))
    if found:
        raise DossierError(found, str(path))
    return Dossier.unchecked(tuple(s for _, s in sources), vocabulary,
                             tuple(e for _, e in events), tuple(c for _, c in claims))


def _lines_head(stream: IO[bytes], path: str, found: list[Problem], allow_unknown_keys: bool
                ) -> tuple[Vocabulary, list[tuple[int, Source]], list[tuple[int, Event]],
                           dict[str, set[str]]]:
    data, problems = parse(stream.readline() or b"null", line=1)
    found.extend(problems)
    head = None
    if data is not UNREADABLE:
        head = _check_head(data, LINES_FORMAT, found, allow_unknown_keys,
                           sections=_SECTIONS[:3])
    if head is None:
        raise DossierError([p.rooted_at("line 1: $") for p in found], path)
    vocabulary, sources, events, known = _read_head(head, found, allow_unknown_keys)
    found[:] = [p.rooted_at("line 1: $") for p in found]
    return vocabulary, sources, events, known


_BLANK = b" \t\r\n"
"""JSON's whitespace: a line of nothing else holds no claim."""


def _line_claim(line: bytes, number: int, found: list[Problem], allow_unknown_keys: bool,
                builder: ClaimBuilder, fast: Callable[[bytes], Any] | None) -> Claim | None:
    """The claim on one line. The fast parser (where installed) and the builder take the common
    case; anything else is parsed by the standard parser and judged by the strict converter."""
    if not line.strip(_BLANK):
        return None
    if fast is not None:
        data = fast(line)
        built = None if data is NOT_PARSED else builder.build(data)
        if built is not None:
            return built
    data, problems = parse(line, line=number)
    found.extend(p.rooted_at(f"line {number}: $") for p in problems)
    if data is UNREADABLE:
        return None
    built = None if problems else builder.build(data)
    if built is not None:
        return built
    claim: Claim | None = structure_at(data, Claim, f"line {number}: $", found,
                                       forbid_extra_keys=not allow_unknown_keys)
    return claim


def _line_paths(problems: list[Problem]) -> Iterator[Problem]:
    """Reference problems for claims carry ``$.claims[N]`` with N the line number."""
    for problem in problems:
        if problem.path.startswith("$.claims["):
            number, _, rest = problem.path[len("$.claims["):].partition("]")
            yield Problem(f"line {number}: ${rest}", problem.message)
        else:
            yield problem.rooted_at("line 1: $")


def _checked_lines_head(stream: IO[bytes], path: str, allow_unknown_keys: bool) -> tuple[
    Vocabulary, list[tuple[int, Source]], list[tuple[int, Event]], dict[str, set[str]]
]:
    """The head on a JSON Lines stream's first line, with its references checked.

    Raises:
        DossierError: for the head's problems, placed ``line 1: $...``.
    """
    found: list[Problem] = []
    vocabulary, sources, events, known = _lines_head(stream, path, found, allow_unknown_keys)
    found.extend(_line_paths(reference_problems(vocabulary, sources, events, [],
                                                also_known=known)))
    if found:
        raise DossierError(found, path)
    return vocabulary, sources, events, known


def lines_head(path: PathLike, *, allow_unknown_keys: bool = False) -> Dossier:
    """The head of a JSON Lines dossier (its first line), checked, as a dossier without claims.

    Raises:
        DossierError: for the head's problems, placed ``line 1: $...``.
    """
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise DossierError([Problem("$", f"cannot read the file: {exc}")], str(path)) from exc
    with stream:
        vocabulary, sources, events, _ = _checked_lines_head(stream, str(path),
                                                             allow_unknown_keys)
    return Dossier.unchecked(tuple(s for _, s in sources), vocabulary,
                             tuple(e for _, e in events), ())


def iter_claims(path: PathLike, *, allow_unknown_keys: bool = False) -> Iterator[Claim]:
    """Stream the claims of a JSON Lines dossier one at a time, checking each against its head;
    or those of a Parquet dossier (``.parquet``), a row group at a time, in the file's order
    (by event; :func:`load` restores the dossier's order).

    Raises:
        DossierError: at the first line (or row) with problems (the head's problems come
            first).
    """
    if is_parquet(path):
        yield from _iter_parquet(path, allow_unknown_keys)
        return
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise DossierError([Problem("$", f"cannot read the file: {exc}")], str(path)) from exc
    with stream:
        vocabulary, sources, events, known = _checked_lines_head(stream, str(path),
                                                                 allow_unknown_keys)
        known = {
            "sources": known.get("sources", set()) | {s.id for _, s in sources},
            "events": known.get("events", set()) | {e.id for _, e in events},
        }
        seen: set[str] = set()
        builder, fast = ClaimBuilder(), fast_line_reader()
        lines = enumerate(stream, start=2)
        while batch := list(itertools.islice(lines, _BATCH)):
            read = []
            for number, line in batch:
                own: list[Problem] = []
                read.append((number, _line_claim(line, number, own, allow_unknown_keys,
                                                 builder, fast), own))
            checked = _checked_batch(read, vocabulary, known, seen)
            for number, claim, problems in read:
                if problems or checked.get(number):
                    raise DossierError([*problems, *checked.get(number, ())], str(path))
                if claim is not None:
                    yield claim


_BATCH = 4096
"""Lines whose claims' references :func:`iter_claims` checks at once: each check costs the
size of the head (it gathers the known ids) besides the claims'."""


def _checked_batch(read: list[tuple[int, Claim | None, list[Problem]]],
                   vocabulary: Vocabulary, known: dict[str, set[str]], seen: set[str]
                   ) -> dict[int, list[Problem]]:
    """The reference problems of a batch of lines' claims, by line, exactly as if each line
    were checked alone after the ones before it: a claim must name a claim on an earlier line
    to revise it (which is then only looked up), and must not repeat one's id. Adds the
    batch's ids to ``seen``."""
    claims = [(number, claim) for number, claim, _ in read if claim is not None]
    first: dict[str, int] = {}  # each id's first line in the batch
    for number, claim in claims:
        first.setdefault(claim.id, number)
    by_line: dict[int, list[Problem]] = {}
    for problem in _line_paths(reference_problems(vocabulary, [], [], claims,
                                                  also_known={**known, "claims": seen})):
        by_line.setdefault(_line_of(problem), []).append(problem)
    for number, claim in claims:
        target = claim.revises
        if target is not None and first.get(target, number) != number:
            # a claim checked alone is only looked up among the claims before it
            path = f"line {number}: $.revises"
            kept = [p for p in by_line.get(number, []) if p.path != path]
            if target not in seen and first[target] > number:
                kept.append(Problem(path, f"unknown claim {target!r}"))
            by_line[number] = kept
        repeated = Problem(f"line {number}: $.id", f"duplicate claim id {excerpt(claim.id)}")
        if claim.id in seen and repeated not in by_line.get(number, ()):
            by_line.setdefault(number, []).append(repeated)
    for problems in by_line.values():  # a line checked alone reports its repeated id last
        problems.sort(key=lambda p: p.message.startswith("duplicate claim id"))
    seen.update(claim.id for _, claim in claims)
    return by_line


def _line_of(problem: Problem) -> int:
    return int(problem.path.removeprefix("line ").partition(":")[0])


# -- Parquet ------------------------------------------------------------------------------


def _load_parquet(path: Path, allow_unknown_keys: bool) -> Dossier:
    rows = ParquetRows(path)
    found: list[Problem] = []
    vocabulary, sources, events, known = parquet_head(rows, found, allow_unknown_keys)
    builder = ClaimBuilder()
    placed: list[tuple[int, int, Claim]] = []
    orders: list[tuple[int, int | None]] = []
    for row, order, data in rows.rows():
        orders.append((row, order))
        claim = row_claim(data, row, found, allow_unknown_keys, builder)
        if claim is not None:
            placed.append((row if order is None else order, row, claim))
    if rows.has_order:
        found.extend(order_problems(orders, rows.total))
    placed.sort(key=lambda item: item[0])
    claims = [(row, claim) for _, row, claim in placed]
    found.extend(row_paths(reference_problems(vocabulary, sources, events, claims,
                                              also_known=known)))
    if found:
        raise DossierError(found, str(path))
    return Dossier.unchecked(tuple(s for _, s in sources), vocabulary,
                             tuple(e for _, e in events), tuple(c for _, c in claims))


def parquet_head(rows: ParquetRows, found: list[Problem], allow_unknown_keys: bool
                 ) -> tuple[Vocabulary, list[tuple[int, Source]], list[tuple[int, Event]],
                            dict[str, set[str]]]:
    """The head of a Parquet dossier (its problems placed ``head: $...``, after ``found``'s)
    with the file's schema checked.

    Raises:
        DossierError: when there is no head, it holds no object, or the schema is wrong (the
            rows cannot be read then); other problems are left in ``found``.
    """
    if rows.head is None:
        raise DossierError([Problem("$", f"no dossier head: the file's metadata has no "
                                         f"{HEAD_KEY!r} key (not a claims dossier?)")],
                           rows.path)
    data, problems = parse(rows.head)
    head = None
    if data is not UNREADABLE:
        head = _check_head(data, PARQUET_FORMAT, problems, allow_unknown_keys,
                           sections=_SECTIONS[:3])
    if head is None:
        raise DossierError([*found, *(p.rooted_at("head: $") for p in problems)], rows.path)
    vocabulary, sources, events, known = _read_head(head, problems, allow_unknown_keys)
    found.extend(p.rooted_at("head: $") for p in problems)
    schema = rows.schema_problems(allow_unknown_keys)
    if schema:
        raise DossierError([*found, *schema], rows.path)
    return vocabulary, sources, events, known


def row_claim(data: dict[str, Any], row: int, found: list[Problem], allow_unknown_keys: bool,
              builder: ClaimBuilder) -> Claim | None:
    """The claim a row holds, as a JSON Lines line's is read: the builder takes the common
    case, the strict converter judges the rest (problems placed ``row N: $...``)."""
    built = builder.build(data)
    if built is not None:
        return built
    claim: Claim | None = structure_at(data, Claim, f"row {row}: $", found,
                                       forbid_extra_keys=not allow_unknown_keys)
    return claim


def row_paths(problems: list[Problem]) -> Iterator[Problem]:
    """Reference problems for claims carry ``$.claims[N]`` with N the row; the head's are
    placed in the head."""
    for problem in problems:
        if problem.path.startswith("$.claims["):
            number, _, rest = problem.path[len("$.claims["):].partition("]")
            yield Problem(f"row {number}: ${rest}", problem.message)
        else:
            yield problem.rooted_at("head: $")


def checked_parquet_head(rows: ParquetRows, allow_unknown_keys: bool) -> tuple[
    Vocabulary, list[tuple[int, Source]], list[tuple[int, Event]], dict[str, set[str]]
]:
    """The head of a Parquet dossier with its schema and references checked.

    Raises:
        DossierError: for any problem of the head or schema.
    """
    found: list[Problem] = []
    vocabulary, sources, events, known = parquet_head(rows, found, allow_unknown_keys)
    found.extend(row_paths(reference_problems(vocabulary, sources, events, [],
                                              also_known=known)))
    if found:
        raise DossierError(found, rows.path)
    return vocabulary, sources, events, known


def _iter_parquet(path: PathLike, allow_unknown_keys: bool) -> Iterator[Claim]:
    rows = ParquetRows(path)
    found: list[Problem] = []
    vocabulary, sources, events, known = checked_parquet_head(rows, allow_unknown_keys)
    known = {
        "sources": known.get("sources", set()) | {s.id for _, s in sources},
        "events": known.get("events", set()) | {e.id for _, e in events},
    }
    seen: set[str] = set()
    builder = ClaimBuilder()
    for group in range(len(rows.groups)):
        claims = []
        for row, _, data in rows.rows([group]):
            claim = row_claim(data, row, found, allow_unknown_keys, builder)
            if claim is not None:
                claims.append((row, claim))
        # the group's claims are checked together: a claim may revise one after it in the
        # file as long as both are in the group (the writer keeps an event in one group)
        problems = reference_problems(vocabulary, [], [], claims,
                                      also_known={**known, "claims": seen})
        found.extend(row_paths(problems))  # duplicates inside the group among them
        found.extend(Problem(f"row {row}: $.id", f"duplicate claim id {excerpt(claim.id)}")
                     for row, claim in claims if claim.id in seen)
        seen.update(claim.id for _, claim in claims)
        if found:
            raise DossierError(sorted(found, key=_row_of), str(path))
        for _, claim in claims:
            yield claim


def _row_of(problem: Problem) -> int:
    number = problem.path.removeprefix("row ").partition(":")[0]
    return int(number) if number.isdigit() else -1
