"""Fast construction of claims from JSON data, for large collections.

The strict converter (``_converter``) is the judge of what a document means and of every
error message. This module builds the common shapes of a claim directly, reusing one object for
each repeated scope, time or count, and hands anything it does not fully recognise back to the
converter: it either builds exactly what the converter would, or builds nothing. The tests hold
it to that over generated and mangled claims.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any, cast

from claims.errors import ValidationError
from claims.model import (
    ActorRef,
    Bound,
    Claim,
    Count,
    Coverage,
    Hedge,
    PlaceRef,
    Precision,
    Provenance,
    Relay,
    Scope,
    Status,
    Term,
    Text,
    TimeSpan,
    Value,
)

_CLAIM_KEYS = frozenset(("id", "event", "predicate", "provenance", "value", "scope", "hedge",
                         "status", "note", "coverage", "revises", "interested",
                         "external_ids"))
_PROVENANCE_KEYS = frozenset(("source", "quote", "published", "url", "language", "relays",
                              "title"))
_RELAY_KEYS = frozenset(("outlet", "url", "published", "quote", "title"))
_SCOPE_KEYS = frozenset(("category", "actor", "place"))
_TIME_KEYS = frozenset(("start", "end", "precision", "wording"))
_COUNT_KEYS = frozenset(("type", "low", "high", "bound", "best", "wording"))
_REFERENCE_KEYS = frozenset(("type", "id", "wording"))
_REFERENCES: dict[str, type[Term | ActorRef | PlaceRef]] = {
    "term": Term, "actor": ActorRef, "place": PlaceRef}


class _NotFast(Exception):
    """The data is not in a shape this module builds; the converter must judge it."""


@functools.cache
def _fast_parser() -> Callable[[str | bytes], Any]:
    try:
        import orjson  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # the optional "fast" extra is not installed
        return json.loads
    loads: Callable[[str | bytes], Any] = orjson.loads
    return loads


@functools.cache
def _fast_writer() -> Callable[[Any], bytes] | None:
    try:
        import orjson  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    dumps: Callable[[Any], bytes] = orjson.dumps
    return dumps


NOT_PARSED: Any = object()
"""What a :func:`fast_line_reader` gives for a line only the standard parser may read."""


def fast_line_reader() -> Callable[[bytes], Any] | None:
    """A reader of JSON Lines lines by orjson, or None where orjson is not installed.

    It gives the data on a line where that is certainly what the standard parser
    (``_parsing.parse``) would read, and :data:`NOT_PARSED` where only that parser can tell.
    orjson refuses what the standard reading refuses for being no UTF-8, a lone surrogate
    (``\\ud800``) or nesting too deep, but it keeps the last of two equal keys without a word.
    Written again by orjson, a line holds one ``:`` for each key it kept and each colon in its
    strings; the line as read holds one for each key it gave, and the same colons in its
    strings as long as none was written as an escape (``\\u003a``). So a line without ``\\u``
    whose colons are as many as orjson writes gave no key twice; any other line is left to the
    standard parser, which says which key. The count costs about as much as orjson's parse of
    the line (some 2 µs), 6 to 7% of loading a file of generated claims.
    """
    parser = _fast_parser()
    writer = _fast_writer()
    if parser is json.loads or writer is None:
        return None

    def read(line: bytes) -> Any:
        if b"\\" in line and b"\\u" in line:  # one byte sought first: most lines have none
            return NOT_PARSED
        try:
            data = parser(line)
        except ValueError:
            return NOT_PARSED
        return data if line.count(b":") == writer(data).count(b":") else NOT_PARSED

    return read


def loads_json(text: str | bytes) -> Any:
    """orjson's ``loads`` where the ``fast`` extra is installed (imported on first use, so
    ``import claims`` loads no extra), else ``json.loads``.

    orjson reads integers beyond 64 bits as floats and refuses NaN and lone surrogates, where
    the standard library does not; :class:`ClaimBuilder` accepts no float and no surprise, so
    whatever it does not build is parsed again by ``json.loads`` before the converter judges it.
    """
    return _fast_parser()(text)


_HEDGES = {h.value: h for h in Hedge}
_STATUSES = {s.value: s for s in Status}
_BOUNDS = {b.value: b for b in Bound}
_COVERAGES = {c.value: c for c in Coverage}
_PRECISIONS = {p.value: p for p in Precision}


def _member(table: dict[str, Any], value: Any, absent: Any, *, nullable: bool = False) -> Any:
    """The enum member a JSON value names; ``absent`` when the key was left out (or is null
    where the converter takes null too). Anything else is the converter's to judge."""
    if value is _ABSENT or (nullable and value is None):
        return absent
    if type(value) is not str or value not in table:
        raise _NotFast
    return table[value]


def _need(data: dict[str, Any], key: str) -> Any:
    """A required key's value; a missing key is the converter's to report."""
    try:
        return data[key]
    except KeyError:
        raise _NotFast from None


def _text(value: Any) -> Any:
    """A value that must be text or null (absent): anything else, the converter judges.
    Keeps every value used as a sharing key hashable."""
    if value is _ABSENT:
        return None
    if value is not None and type(value) is not str:
        raise _NotFast
    return value


def _flag(value: Any) -> Any:
    """True, False, or null (absent)."""
    if value is _ABSENT:
        return None
    if value is not None and type(value) is not bool:
        raise _NotFast
    return value


def _texts(value: Any) -> tuple[str, ...]:
    """A list of strings (absent: none); anything else, the converter judges."""
    if value is _ABSENT:
        return ()
    if type(value) is not list or any(type(v) is not str for v in value):
        raise _NotFast
    return tuple(value)


def _number(value: Any) -> Any:
    """An integer or null; 1.0 and True would otherwise find the shared count of 1."""
    if value is not None and type(value) is not int:
        raise _NotFast
    return value


class ClaimBuilder:
    """Builds claims from their JSON data, sharing equal scopes, times and values."""

    def __init__(self) -> None:
        self._shared: dict[tuple[Any, ...], Any] = {}

    def build(self, data: Any) -> Claim | None:
        """The claim the converter would build from ``data``, or None if it must judge.

        Declines (None) on any shape it does not recognise and on any value a model class
        refuses, so the converter can say what is wrong and where. Any other exception is a
        bug here, and is raised rather than hidden.
        """
        try:
            return self._claim(data)
        except (_NotFast, ValidationError):
            return None

    def _claim(self, data: Any) -> Claim:
        if type(data) is not dict or not _CLAIM_KEYS.issuperset(data):
            raise _NotFast
        get = data.get
        value = get("value", _ABSENT)
        return Claim(
            id=_need(data, "id"), event=_need(data, "event"),
            predicate=_need(data, "predicate"),
            provenance=self._provenance(_need(data, "provenance")),
            value=None if value is _ABSENT else self._value(value),
            scope=self._scope(get("scope", _ABSENT)),
            hedge=_member(_HEDGES, get("hedge", _ABSENT), None, nullable=True),
            status=_member(_STATUSES, get("status", _ABSENT), Status.ASSERTED),
            note=_text(get("note", _ABSENT)),
            coverage=_member(_COVERAGES, get("coverage", _ABSENT), None, nullable=True),
            revises=_text(get("revises", _ABSENT)),
            interested=_flag(get("interested", _ABSENT)),
            external_ids=_texts(get("external_ids", _ABSENT)),
        )

    def _provenance(self, data: Any) -> Provenance:
        """One object for all the claims read from one statement (the same source, quote,
        time, address and relays), as a sentence often yields several claims. The key is the
        statement's own text, so equal instants written in other zones stay apart."""
        if type(data) is not dict or not _PROVENANCE_KEYS.issuperset(data):
            raise _NotFast
        get = data.get
        relays = get("relays", _ABSENT)
        if relays is _ABSENT:
            relays = []
        elif type(relays) is not list:
            raise _NotFast
        published = get("published", _ABSENT)
        key = ("provenance", _text(_need(data, "source")), _text(_need(data, "quote")),
               _time_key(published), _text(get("url", _ABSENT)),
               _text(get("language", _ABSENT)), tuple(_relay_key(r) for r in relays),
               _text(get("title", _ABSENT)))
        provenance = self._shared.get(key)
        if provenance is None:
            provenance = self._shared[key] = Provenance(
                source=key[1], quote=key[2], published=self._time(published),
                url=key[4], language=key[5], relays=tuple(self._relay(r) for r in relays),
                title=key[7])
        return cast(Provenance, provenance)

    def _relay(self, data: dict[str, Any]) -> Relay:
        get = data.get
        return Relay(outlet=data["outlet"], url=_text(get("url", _ABSENT)),
                     published=self._time(get("published", _ABSENT)),
                     quote=_text(get("quote", _ABSENT)), title=_text(get("title", _ABSENT)))

    def _scope(self, data: Any) -> Scope:
        if data is _ABSENT:
            key: tuple[Any, ...] = ("scope",)
        elif type(data) is dict and _SCOPE_KEYS.issuperset(data):
            get = data.get
            key = ("scope", _text(get("category", _ABSENT)), _text(get("actor", _ABSENT)),
                   _text(get("place", _ABSENT)))
        else:
            raise _NotFast
        scope = self._shared.get(key)
        if scope is None:
            scope = self._shared[key] = Scope(*key[1:])
        return cast(Scope, scope)

    def _time(self, data: Any) -> TimeSpan | None:
        key = _time_key(data)
        if key is None:
            return None
        time = self._shared.get(key)
        if time is None:
            time = self._shared[key] = _time_span(*key[1:])
        return cast(TimeSpan, time)

    def _value(self, data: Any) -> Value:
        if type(data) is not dict:
            raise _NotFast
        kind = data.get("type")
        if type(kind) is not str:
            raise _NotFast
        get = data.get
        if kind == "count":
            if not _COUNT_KEYS.issuperset(data):
                raise _NotFast
            low = _need(data, "low")
            if type(low) is not int:
                raise _NotFast
            high, best = _number(get("high")), _number(get("best"))
            bound = _member(_BOUNDS, get("bound", _ABSENT), Bound.EXACT)
            wording = _text(get("wording", _ABSENT))
            counted: tuple[Any, ...] = ("count", low, high, bound, best, wording)
            count = self._shared.get(counted)
            if count is None:
                count = self._shared[counted] = Count(low, high, bound, best, wording)
            return cast(Count, count)
        if kind in _REFERENCES:
            if not _REFERENCE_KEYS.issuperset(data):
                raise _NotFast
            ident, wording = _text(_need(data, "id")), _text(get("wording", _ABSENT))
            named: tuple[Any, ...] = (kind, ident, wording)
            reference = self._shared.get(named)
            if reference is None:
                reference = self._shared[named] = _REFERENCES[kind](ident, wording)
            return cast(Value, reference)
        if kind == "time":
            time = self._time({k: v for k, v in data.items() if k != "type"})
            if time is None:
                raise _NotFast
            return time
        if kind == "text" and set(data) == {"type", "text"}:
            return Text(data["text"])
        raise _NotFast


_ABSENT: Any = object()


def _time_key(data: Any) -> tuple[Any, ...] | None:
    """The key of a time value; None for a null or absent one (both optional where used)."""
    if data is None or data is _ABSENT:
        return None
    if type(data) is not dict or not _TIME_KEYS.issuperset(data):
        raise _NotFast
    get = data.get
    return ("time", _text(_need(data, "start")), _text(_need(data, "end")),
            _member(_PRECISIONS, get("precision", _ABSENT), Precision.SECOND),
            _text(get("wording", _ABSENT)))


def _relay_key(data: Any) -> tuple[Any, ...]:
    if type(data) is not dict or not _RELAY_KEYS.issuperset(data):
        raise _NotFast
    get = data.get
    return (_text(_need(data, "outlet")), _text(get("url", _ABSENT)),
            _time_key(get("published", _ABSENT)), _text(get("quote", _ABSENT)),
            _text(get("title", _ABSENT)))


def _time_span(start: Any, end: Any, precision: Precision, wording: Any) -> TimeSpan:
    if start is None or end is None:
        raise _NotFast
    try:
        first, last = dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end)
    except ValueError:
        raise _NotFast from None
    return TimeSpan(first, last, precision, wording)
