"""Fast construction of claims from JSON data, for large collections.

The strict converter (``_converter``) is the judge of what a document means and of every
error message. This module builds the common shapes of a claim directly, reusing one object for
each repeated scope, time or count, and hands anything it does not fully recognise back to the
converter: it either builds exactly what the converter would, or builds nothing. The tests hold
it to that over generated and mangled claims.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from claims._claim import Claim, Hedge, Scope, Status
from claims._count import Bound, Count
from claims._provenance import Provenance, Relay
from claims._time import Precision, TimeSpan
from claims._values import ActorRef, PlaceRef, Term, Text, Value

_CLAIM_KEYS = frozenset(("id", "event", "predicate", "provenance", "value", "scope", "hedge",
                         "status", "note"))
_PROVENANCE_KEYS = frozenset(("source", "quote", "published", "url", "language", "relays"))
_RELAY_KEYS = frozenset(("outlet", "url", "published", "quote"))
_SCOPE_KEYS = frozenset(("category", "actor", "place"))
_TIME_KEYS = frozenset(("start", "end", "precision", "wording"))
_COUNT_KEYS = frozenset(("type", "low", "high", "bound", "best", "wording"))
_REFERENCE_KEYS = frozenset(("type", "id", "wording"))
_T = TypeVar("_T")
_REFERENCES: dict[str, type[Term | ActorRef | PlaceRef]] = {
    "term": Term, "actor": ActorRef, "place": PlaceRef}


class _NotFast(Exception):
    """The data is not in a shape this module builds; the converter must judge it."""


def _parse_json() -> Callable[[str | bytes], Any]:
    try:
        import orjson
    except ImportError:  # the optional "fast" extra is not installed
        return json.loads
    return orjson.loads


loads_json = _parse_json()
"""orjson's ``loads`` where the ``fast`` extra is installed, else ``json.loads``.

orjson reads integers beyond 64 bits as floats and refuses NaN and lone surrogates, where the
standard library does not; :class:`ClaimBuilder` accepts no float and no surprise, so whatever
it does not build is parsed again by ``json.loads`` before the converter judges it.
"""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Claims and results hold no reference cycles, so the collector finds nothing in them; left
    on, it walks every object built so far again and again as their number grows.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _keys(data: Any, allowed: frozenset[str]) -> dict[str, Any]:
    if type(data) is not dict or not allowed.issuperset(data):
        raise _NotFast
    return data


def _text(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise _NotFast
    return value


class ClaimBuilder:
    """Builds claims from their JSON data, sharing equal scopes, times and values."""

    def __init__(self) -> None:
        self._shared: dict[tuple[Any, ...], Any] = {}

    def _share(self, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = make()
        return cast(_T, found)

    def build(self, data: Any) -> Claim | None:
        """The claim the converter would build from ``data``, or None if it must judge."""
        try:
            return self._claim(data)
        except Exception:  # anything unusual, valid or not, is the converter's to judge
            return None

    def _claim(self, data: Any) -> Claim:
        data = _keys(data, _CLAIM_KEYS)
        hedge = data.get("hedge")
        status = data.get("status")
        return Claim(
            id=data["id"], event=data["event"], predicate=data["predicate"],
            provenance=self._provenance(data["provenance"]),
            value=None if "value" not in data else self._value(data["value"]),
            scope=self._scope(data.get("scope")),
            hedge=None if hedge is None else Hedge(_text(hedge)),
            status=Status.ASSERTED if status is None else Status(_text(status)),
            note=_text(data.get("note")),
        )

    def _provenance(self, data: Any) -> Provenance:
        data = _keys(data, _PROVENANCE_KEYS)
        relays = data.get("relays", [])
        if type(relays) is not list:
            raise _NotFast
        return Provenance(
            source=data["source"], quote=data["quote"],
            published=self._time(data.get("published")),
            url=_text(data.get("url")), language=_text(data.get("language")),
            relays=tuple(self._relay(r) for r in relays),
        )

    def _relay(self, data: Any) -> Relay:
        data = _keys(data, _RELAY_KEYS)
        return Relay(outlet=data["outlet"], url=_text(data.get("url")),
                     published=self._time(data.get("published")),
                     quote=_text(data.get("quote")))

    def _scope(self, data: Any) -> Scope:
        if data is None:
            return self._share(("scope",), Scope)
        data = _keys(data, _SCOPE_KEYS)
        parts = (data.get("category"), data.get("actor"), data.get("place"))
        return self._share(("scope", *parts), lambda: Scope(*map(_text, parts)))

    def _time(self, data: Any) -> TimeSpan | None:
        if data is None:
            return None
        if type(data) is not dict or not _TIME_KEYS.issuperset(data):
            raise _NotFast
        key = ("time", data["start"], data["end"], data.get("precision"), data.get("wording"))
        time = self._shared.get(key)
        if time is None:
            time = self._shared[key] = _time_span(*key[1:])
        return cast(TimeSpan, time)

    def _value(self, data: Any) -> Value:
        if type(data) is not dict:
            raise _NotFast
        kind = data.get("type")
        if kind == "count":
            if not _COUNT_KEYS.issuperset(data):
                raise _NotFast
            low, high, best = data["low"], data.get("high"), data.get("best")
            if type(low) is not int or (high is not None and type(high) is not int) or (
                    best is not None and type(best) is not int):
                raise _NotFast  # 1.0 and True would find the shared count of 1
            bound, wording = data.get("bound"), data.get("wording")
            key = ("count", low, high, bound, best, wording)
            count = self._shared.get(key)
            if count is None:
                count = self._shared[key] = Count(
                    low, high, Bound.EXACT if bound is None else Bound(_text(bound)), best,
                    _text(wording))
            return cast(Count, count)
        if kind in _REFERENCES:
            data = _keys(data, _REFERENCE_KEYS)
            ident, wording = data["id"], data.get("wording")
            return self._share((kind, ident, wording),
                               lambda: _REFERENCES[kind](ident, _text(wording)))
        if kind == "time":
            time = self._time({k: v for k, v in data.items() if k != "type"})
            assert time is not None
            return time
        if kind == "text" and set(data) == {"type", "text"}:
            return Text(data["text"])
        raise _NotFast


def _time_span(start: Any, end: Any, precision: Any, wording: Any) -> TimeSpan:
    if type(start) is not str or type(end) is not str:
        raise _NotFast
    return TimeSpan(
        dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end),
        Precision.SECOND if precision is None else Precision(_text(precision)), _text(wording),
    )
