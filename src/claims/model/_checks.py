"""Field validators and converters shared by the model classes, the attrs way: each names the
field and shows the value (``'low' must be <= 'high': low=9, high=4``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from claims.errors import UnknownReferenceError, ValidationError, excerpt

_T = TypeVar("_T")

_ID = re.compile(r"[a-z0-9][a-z0-9_.:-]*")
_EXTERNAL_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*:[^\s](?:[^\r\n]*[^\s])?")


def check_id(field: str, value: object) -> None:
    """Ids are slugs: lowercase ASCII letters, digits and ``_ . : -``, not starting with a mark."""
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        raise ValidationError(
            f"{field!r} must be a slug of lowercase letters, digits and '_.:-': "
            f"{field}={excerpt(value)}"
        )


def check_external_id(field: str, value: object) -> None:
    """An id in another collection, as ``scheme:identifier`` (``ucdp-ged:423091``,
    ``acled:SYR12345``, ``wikidata:Q107095734``): a lowercase scheme, a colon, and the
    identifier exactly as that collection writes it (any case, no surrounding space)."""
    if not isinstance(value, str) or _EXTERNAL_ID.fullmatch(value) is None:
        raise ValidationError(
            f"{field!r} must be 'scheme:identifier' with a lowercase scheme (e.g. "
            f"'acled:SYR12345'): {field}={value!r}"
        )


def check_text(field: str, value: object) -> None:
    """Required text must be a non-blank string (kept exactly as given)."""
    if not isinstance(value, str) or not value or value.isspace():
        raise ValidationError(f"{field!r} must be non-blank text: {field}={excerpt(value)}")


def check_count(field: str, value: object) -> None:
    """A number of people or things: a non-negative int (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(
            f"{field!r} must be a non-negative integer: {field}={excerpt(value)}")


# -- attrs validators: ``attrs.field(validator=slug)`` ---------------------------------------


def slug(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    check_id(attribute.name, value)


def optional_slug(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_id(attribute.name, value)


def text(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(attribute.name, value)


def optional_text(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_text(attribute.name, value)


def count(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    check_count(attribute.name, value)


def optional_count(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_count(attribute.name, value)


def slugs(_: Any, attribute: attrs.Attribute[Any], values: object) -> None:
    for index, value in enumerate(_tuple(attribute.name, values)):
        check_id(f"{attribute.name}[{index}]", value)


def external_ids(_: Any, attribute: attrs.Attribute[Any], values: object) -> None:
    for index, value in enumerate(_tuple(attribute.name, values)):
        check_external_id(f"{attribute.name}[{index}]", value)


def texts(_: Any, attribute: attrs.Attribute[Any], values: object) -> None:
    for index, value in enumerate(_tuple(attribute.name, values)):
        check_text(f"{attribute.name}[{index}]", value)


def of_type(kind: type[Any], name: str) -> Any:
    """A validator that the value is an instance of ``kind`` (``name`` in the message)."""

    def validate(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise ValidationError(
                f"{attribute.name!r} must be {name}: {attribute.name}={excerpt(value)}")

    return validate


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """A converter: a list (or any other iterable of items) becomes a tuple, so that equality
    and hashing hold however a value was given. A string or a mapping is left as it is, for
    the field's validator to refuse by name (see :func:`items`)."""
    if isinstance(value, tuple | str | bytes | Mapping) or not hasattr(value, "__iter__"):
        return value  # type: ignore[return-value]  # the validator refuses what is no tuple
    return tuple(value)


def _tuple(field: str, values: object) -> tuple[Any, ...]:
    if not isinstance(values, tuple):
        raise ValidationError(
            f"{field!r} must be a tuple or list of items: {field}={excerpt(values)}")
    return values


def items(kind: type[Any], name: str) -> Any:
    """A validator that the value is a tuple of ``kind`` (``name`` in the message)."""

    def validate(_: Any, attribute: attrs.Attribute[Any], values: object) -> None:
        for index, value in enumerate(_tuple(attribute.name, values)):
            if not isinstance(value, kind):
                raise ValidationError(f"'{attribute.name}[{index}]' must be {name}: "
                                      f"{attribute.name}[{index}]={excerpt(value)}")

    return validate


def lookup(table: Mapping[str, _T], ident: str, what: str) -> _T:
    """``table[ident]``, or an :class:`UnknownReferenceError` naming the kind of thing and id."""
    try:
        return table[ident]
    except KeyError:
        raise UnknownReferenceError(f"unknown {what} {excerpt(ident)}") from None
