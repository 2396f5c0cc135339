"""Small validators shared by the model classes; each names the field and shows the value."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from claims._errors import UnknownReferenceError, ValidationError

_T = TypeVar("_T")

_ID = re.compile(r"[a-z0-9][a-z0-9_.:-]*")


def check_id(field: str, value: object) -> None:
    """Ids are slugs: lowercase ASCII letters, digits and ``_ . : -``, not starting with a mark."""
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        raise ValidationError(
            f"{field!r} must be a slug of lowercase letters, digits and '_.:-': {field}={value!r}"
        )


def check_optional_id(field: str, value: object) -> None:
    if value is not None:
        check_id(field, value)


def check_text(field: str, value: object) -> None:
    """Required text must be a non-blank string (kept exactly as given)."""
    if not isinstance(value, str) or not value or value.isspace():
        raise ValidationError(f"{field!r} must be non-blank text: {field}={value!r}")


def check_optional_text(field: str, value: object) -> None:
    if value is not None:
        check_text(field, value)


def check_ids(field: str, values: tuple[Any, ...]) -> None:
    for index, value in enumerate(values):
        check_id(f"{field}[{index}]", value)


def check_texts(field: str, values: tuple[Any, ...]) -> None:
    for index, value in enumerate(values):
        check_text(f"{field}[{index}]", value)


def check_count(field: str, value: object) -> None:
    """A number of people or things: a non-negative int (bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(f"{field!r} must be a non-negative integer: {field}={value!r}")


def lookup(table: Mapping[str, _T], ident: str, what: str) -> _T:
    """``table[ident]``, or an :class:`UnknownReferenceError` naming the kind of thing and id."""
    try:
        return table[ident]
    except KeyError:
        raise UnknownReferenceError(f"unknown {what} {ident!r}") from None
