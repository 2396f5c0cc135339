"""A claim as one flat row of columns, and back: the form columnar files (Parquet) and data
frames hold.

Both directions work on the JSON form of a claim, the plain dict the readers parse and the
writers emit (``docs/format.md``, "Claim" and "Values"), so a row goes through the same
checks as a line of JSON Lines: :func:`nest_claim` makes the JSON form again and the reader
judges it. Nothing here needs an optional extra.

A row has one column per leaf of a claim (:data:`CLAIM_COLUMNS`): null where the key is
absent, an empty list where a list is. A value's fields share the ``value_`` columns (a term's
``id`` is ``value_id``, a count's ``wording`` and a time's ``wording`` are both
``value_wording``); times are the ISO 8601 strings of the JSON form, unparsed, so a time reads
back exactly as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from claims.errors import ValidationError, excerpt

ColumnKind = Literal["str", "int", "bool", "list[str]", "relays"]
"""What a column holds: text, a whole number, true or false (each may be null), a list of
text, or a list of relays (each a struct of :data:`RELAY_FIELDS`, all text)."""

CLAIM_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("id", "str"), ("event", "str"), ("predicate", "str"),
    ("scope_category", "str"), ("scope_actor", "str"), ("scope_place", "str"),
    ("value_type", "str"),
    ("value_low", "int"), ("value_high", "int"), ("value_best", "int"),
    ("value_bound", "str"), ("value_wording", "str"),
    ("value_id", "str"),
    ("value_text", "str"),
    ("value_start", "str"), ("value_end", "str"), ("value_precision", "str"),
    ("hedge", "str"), ("status", "str"), ("note", "str"), ("coverage", "str"),
    ("revises", "str"),
    ("interested", "bool"),
    ("external_ids", "list[str]"),
    ("source", "str"), ("quote", "str"), ("url", "str"), ("language", "str"), ("title", "str"),
    ("published_start", "str"), ("published_end", "str"), ("published_precision", "str"),
    ("published_wording", "str"),
    ("relays", "relays"),
)
"""The columns of a claim's row, in order, each with its kind."""

RELAY_FIELDS: tuple[str, ...] = ("outlet", "url", "published_start", "published_end",
                                 "published_precision", "published_wording", "quote", "title")
"""The fields of each relay in the ``relays`` column, all text or null."""

_NAMES = tuple(name for name, _ in CLAIM_COLUMNS)

# The JSON form's keys, in the order the writer emits them (the model's field order).
_CLAIM_KEYS = ("id", "event", "predicate", "provenance", "value", "scope", "hedge", "status",
               "note", "coverage", "revises", "interested", "external_ids")
_PLAIN_KEYS = ("hedge", "status", "note", "coverage", "revises", "interested")
_SCOPE_KEYS = ("category", "actor", "place")
_PROVENANCE_KEYS = ("source", "quote", "published", "url", "language", "relays", "title")
_RELAY_KEYS = ("outlet", "url", "published", "quote", "title")
_TIME_KEYS = ("start", "end", "precision", "wording")
# Every value type's keys fit this one order: count (low, high, bound, best, wording),
# term/actor/place (id, wording), time (start, end, precision, wording), text (text).
_VALUE_KEYS = ("type", "low", "high", "bound", "best", "id", "text", "start", "end",
               "precision", "wording")


def flatten_claim(data: Mapping[str, Any]) -> dict[str, Any]:
    """A claim's JSON form as one row: every column of :data:`CLAIM_COLUMNS`, in order,
    null (or an empty list) where the claim has no such key.

    Args:
        data: A claim as the writers emit it (``claims.unstructure(claim)``).

    Raises:
        ValidationError: for a key no column holds (naming the claim and the key), so nothing
            is dropped on the way to a file.
    """
    row: dict[str, Any] = dict.fromkeys(_NAMES)
    row["external_ids"] = []
    row["relays"] = []
    _known(data, _CLAIM_KEYS, data, "$")
    for key in ("id", "event", "predicate", *_PLAIN_KEYS):
        if key in data:
            row[key] = data[key]
    if "external_ids" in data:
        row["external_ids"] = list(data["external_ids"])
    scope = data.get("scope")
    if scope is not None:
        _known(scope, _SCOPE_KEYS, data, "$.scope")
        for key, value in scope.items():
            row[f"scope_{key}"] = value
    value = data.get("value")
    if value is not None:
        _known(value, _VALUE_KEYS, data, "$.value")
        for key, field in value.items():
            row[f"value_{key}"] = field
    provenance = data.get("provenance")
    if provenance is not None:
        _known(provenance, _PROVENANCE_KEYS, data, "$.provenance")
        for key in ("source", "quote", "url", "language", "title"):
            if key in provenance:
                row[key] = provenance[key]
        _flatten_time(provenance.get("published"), row, "published", data,
                      "$.provenance.published")
        for index, relay in enumerate(provenance.get("relays", ())):
            where = f"$.provenance.relays[{index}]"
            _known(relay, _RELAY_KEYS, data, where)
            flat: dict[str, Any] = dict.fromkeys(RELAY_FIELDS)
            for key in ("outlet", "url", "quote", "title"):
                if key in relay:
                    flat[key] = relay[key]
            _flatten_time(relay.get("published"), flat, "published", data,
                          f"{where}.published")
            row["relays"].append(flat)
    return row


def _flatten_time(time: Any, row: dict[str, Any], prefix: str, claim: Mapping[str, Any],
                  where: str) -> None:
    if time is None:
        return
    _known(time, _TIME_KEYS, claim, where)
    for key, value in time.items():
        row[f"{prefix}_{key}"] = value


def _known(data: Any, keys: tuple[str, ...], claim: Mapping[str, Any], where: str) -> None:
    """Refuse data that is no object, or has a key no column holds."""
    name = excerpt(claim.get("id")) if isinstance(claim, Mapping) else "?"
    if not isinstance(data, Mapping):
        raise ValidationError(f"claim {name}: expected an object at {where}, "
                              f"got {excerpt(data)}")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise ValidationError(f"claim {name}: no column holds {where}.{unknown[0]} "
                              f"(unknown keys {unknown!r})")


def nest_claim(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as the claim's JSON form, exactly as the writers emit it: nulls and empty lists
    left out, keys in the writer's order. The inverse of :func:`flatten_claim`.

    Only the columns of :data:`CLAIM_COLUMNS` are read (a missing one counts as null, any
    other key is not looked at). Whatever a column holds is passed on as it is, however wrong,
    for the reader to judge: a ``value_low`` on a term becomes the term's ``low``, which the
    reader refuses as an unknown key, and a relay that is null stays a null in the list.

    Args:
        row: A mapping of column name to plain Python value (as ``pyarrow``'s ``to_pylist``
            gives).
    """
    get = row.get
    claim: dict[str, Any] = {}
    for key in _HEAD_KEYS:
        value = get(key)
        if value is not None:
            claim[key] = value
    provenance: dict[str, Any] = {}
    for key, column in _PROVENANCE_COLUMNS:
        if column == "published":
            value = _nested(row, _PUBLISHED_COLUMNS)
        elif column == "relays":
            value = [_nest_relay(r) for r in get("relays") or ()] or None
        else:
            value = get(column)
        if value is not None:
            provenance[key] = value
    if provenance:
        claim["provenance"] = provenance
    value = _nested(row, _VALUE_COLUMNS)
    if value is not None:
        claim["value"] = value
    scope = _nested(row, _SCOPE_COLUMNS)
    if scope is not None:
        claim["scope"] = scope
    for key in _PLAIN_KEYS:
        value = get(key)
        if value is not None:
            claim[key] = value
    external_ids = get("external_ids")
    if external_ids:
        claim["external_ids"] = list(external_ids)
    return claim


_HEAD_KEYS = ("id", "event", "predicate")
_PROVENANCE_COLUMNS = tuple((key, key) for key in _PROVENANCE_KEYS)
_PUBLISHED_COLUMNS = tuple((key, f"published_{key}") for key in _TIME_KEYS)
_VALUE_COLUMNS = tuple((key, f"value_{key}") for key in _VALUE_KEYS)
_SCOPE_COLUMNS = tuple((key, f"scope_{key}") for key in _SCOPE_KEYS)
_RELAY_COLUMNS = tuple((key, key) for key in _RELAY_KEYS)


def _nested(row: Mapping[str, Any], columns: tuple[tuple[str, str], ...]) -> Any:
    """The object of the columns' keys that are not null, or None when all are."""
    get = row.get
    found = None
    for key, column in columns:
        value = get(column)
        if value is not None:
            if found is None:
                found = {}
            found[key] = value
    return found


def _nest_relay(relay: Any) -> Any:
    """A relay's JSON form; anything that is not a mapping (a null) is passed on as it is."""
    if not isinstance(relay, Mapping):
        return relay
    found: dict[str, Any] = {}
    for key, column in _RELAY_COLUMNS:
        value = _nested(relay, _PUBLISHED_COLUMNS) if key == "published" else relay.get(column)
        if value is not None:
            found[key] = value
    return found
