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
from typing import Any, cast

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
_REFERENCES: dict[str, type[Term | ActorRef | PlaceRef]] = {
    "term": Term, "actor": ActorRef, "place": PlaceRef}


class _NotFast(Exception):
    """The data is not in a shape this module builds; the converter must judge it."""


def _parse_json() -> Callable[[str | bytes], Any]:
    try:
        import orjson  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # the optional "fast" extra is not installed
        return json.loads
    loads: Callable[[str | bytes], Any] = orjson.loads
    return loads


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
    on, it walks every object built so far again and again as their number grows. Afterwards
    the objects built are moved straight to the collector's oldest generation (where objects
    that outlive a few collections end up anyway), so that the first young collection does not
    walk them all at once; this is skipped when the program has frozen objects of its own.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


class ClaimBuilder:
    """Builds claims from their JSON data, sharing equal scopes, times and values."""

    def __init__(self) -> None:
        self._shared: dict[tuple[Any, ...], Any] = {}

    def build(self, data: Any) -> Claim | None:
        """The claim the converter would build from ``data``, or None if it must judge."""
        try:
            return self._claim(data)
        except Exception:  # anything unusual, valid or not, is the converter's to judge
            return None

    def _claim(self, data: Any) -> Claim:
        if type(data) is not dict or not _CLAIM_KEYS.issuperset(data):
            raise _NotFast
        get = data.get
        hedge, status, value = get("hedge"), get("status"), get("value", _ABSENT)
        return Claim(
            id=data["id"], event=data["event"], predicate=data["predicate"],
            provenance=self._provenance(data["provenance"]),
            value=None if value is _ABSENT else self._value(value),
            scope=self._scope(get("scope", _ABSENT)),
            hedge=None if hedge is None else Hedge(hedge),
            status=Status.ASSERTED if status is None else Status(status),
            note=get("note"),
        )

    def _provenance(self, data: Any) -> Provenance:
        """One object for all the claims read from one statement (the same source, quote,
        time, address and relays), as a sentence often yields several claims. The key is the
        statement's own text, so equal instants written in other zones stay apart."""
        if type(data) is not dict or not _PROVENANCE_KEYS.issuperset(data):
            raise _NotFast
        get = data.get
        relays = get("relays", ())
        if type(relays) is not list and relays != ():
            raise _NotFast
        key = ("provenance", data["source"], data["quote"], _time_key(get("published")),
               get("url"), get("language"), tuple(_relay_key(r) for r in relays))
        provenance = self._shared.get(key)
        if provenance is None:
            provenance = self._shared[key] = Provenance(
                source=key[1], quote=key[2], published=self._time(get("published")),
                url=key[4], language=key[5], relays=tuple(self._relay(r) for r in relays))
        return cast(Provenance, provenance)

    def _relay(self, data: dict[str, Any]) -> Relay:
        get = data.get
        return Relay(outlet=data["outlet"], url=get("url"),
                     published=self._time(get("published")), quote=get("quote"))

    def _scope(self, data: Any) -> Scope:
        if data is _ABSENT:
            key: tuple[Any, ...] = ("scope",)
        elif type(data) is dict and _SCOPE_KEYS.issuperset(data):
            key = ("scope", data.get("category"), data.get("actor"), data.get("place"))
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
        if kind == "count":
            if not _COUNT_KEYS.issuperset(data):
                raise _NotFast
            get = data.get
            low, high, best = data["low"], get("high"), get("best")
            if type(low) is not int or (high is not None and type(high) is not int) or (
                    best is not None and type(best) is not int):
                raise _NotFast  # 1.0 and True would find the shared count of 1
            bound, wording = get("bound"), get("wording")
            counted: tuple[Any, ...] = ("count", low, high, bound, best, wording)
            count = self._shared.get(counted)
            if count is None:
                count = self._shared[counted] = Count(
                    low, high, Bound.EXACT if bound is None else Bound(bound), best, wording)
            return cast(Count, count)
        if kind in _REFERENCES:
            if not _REFERENCE_KEYS.issuperset(data):
                raise _NotFast
            ident, wording = data["id"], data.get("wording")
            named: tuple[Any, ...] = (kind, ident, wording)
            reference = self._shared.get(named)
            if reference is None:
                reference = self._shared[named] = _REFERENCES[kind](ident, wording)
            return cast(Value, reference)
        if kind == "time":
            time = self._time({k: v for k, v in data.items() if k != "type"})
            assert time is not None
            return time
        if kind == "text" and set(data) == {"type", "text"}:
            return Text(data["text"])
        raise _NotFast


_ABSENT: Any = object()


def _time_key(data: Any) -> tuple[Any, ...] | None:
    if data is None:
        return None
    if type(data) is not dict or not _TIME_KEYS.issuperset(data):
        raise _NotFast
    return ("time", data["start"], data["end"], data.get("precision"), data.get("wording"))


def _relay_key(data: Any) -> tuple[Any, ...]:
    if type(data) is not dict or not _RELAY_KEYS.issuperset(data):
        raise _NotFast
    return (data["outlet"], data.get("url"), _time_key(data.get("published")),
            data.get("quote"))


def _time_span(start: Any, end: Any, precision: Any, wording: Any) -> TimeSpan:
    if type(start) is not str or type(end) is not str:
        raise _NotFast
    return TimeSpan(
        dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end),
        Precision.SECOND if precision is None else Precision(precision), wording,
    )
