"""The private cattrs converter: strict about types, tagged values, errors with paths.

Strict means nothing is coerced: ``"9"`` is not read as 9, ``9.7`` is not cut to 9, a string
is not read as a list of letters. What the user wrote is either taken as it is or refused.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import AttributeValidationNote, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from claims.errors import ClaimsError, Problem, ValidationError, json_excerpt
from claims.model import Value, ValueKind

_T = TypeVar("_T")


def kind_of(value: object) -> str:
    """The JSON kind of a value read from JSON: object, array, string, null..."""
    if isinstance(value, Mapping):
        return "object"
    return {list: "array", str: "string", bool: "boolean", int: "integer", float: "number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _got(value: object) -> str:
    """"string: "4"", "null": what was found instead, in JSON, cut short."""
    if value is None:
        return "null"
    return f"{kind_of(value)}: {json_excerpt(value)}"


def _strict(expected: type[Any], name: str) -> Callable[[Any, type[Any]], Any]:
    def structure(value: Any, _: type[Any]) -> Any:
        if type(value) is not expected:
            raise ValidationError(f"expected {name}, got {_got(value)}")
        return value

    return structure


def _structure_float(value: Any, _: type[Any]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"expected number, got {_got(value)}")
    return float(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type[Any]], enum.Enum]:
    choices = json.dumps([member.value for member in cls])
    members = {member.value: member for member in cls}

    def structure(value: Any, _: type[Any]) -> enum.Enum:
        member = members.get(value) if type(value) is str else None
        if member is None:
            raise ValidationError(f"expected one of {choices}, got {json_excerpt(value)}")
        return member

    return structure


def _structure_datetime(value: Any, _: type[Any]) -> dt.datetime:
    if not isinstance(value, str):
        raise ValidationError(f"expected an ISO 8601 date-time string, got {_got(value)}")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"expected an ISO 8601 date-time, got {json_excerpt(value)}") from None


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple and len(get_args(cls)) == 2 and get_args(cls)[1] is ...


def make_converter(*, forbid_extra_keys: bool = True) -> cattrs.Converter:
    """A converter for every model type; ``forbid_extra_keys`` refuses unknown keys."""
    converter = cattrs.Converter(forbid_extra_keys=forbid_extra_keys, omit_if_default=True)
    for cls, name in ((int, "integer"), (str, "string"), (bool, "boolean")):
        converter.register_structure_hook(cls, _strict(cls, name))
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)

    def tuple_factory(cls: Any) -> Callable[[Any, type[Any]], Any]:
        inner = homogenous_tuple_structure_factory(cls, converter)

        def structure(value: Any, typ: type[Any]) -> Any:
            if not isinstance(value, list | tuple):
                raise ValidationError(f"expected array, got {_got(value)}")
            return inner(value, typ)

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_factory)

    def attrs_factory(cls: type[Any]) -> Callable[[Any, type[Any]], Any]:
        inner = make_dict_structure_fn(cls, converter)

        def structure(value: Any, typ: type[Any]) -> Any:
            if not isinstance(value, Mapping):
                raise ValidationError(f"expected object, got {_got(value)}")
            return inner(value, typ)

        return structure

    converter.register_structure_hook_factory(
        lambda t: attrs.has(t) and not is_sequence(t), attrs_factory
    )

    # Values are a tagged union written by hand rather than with cattrs'
    # ``configure_tagged_union``: that strategy reports an unknown or missing tag as a bare
    # ``KeyError('c')`` (no field, no allowed tags) and writes the tag last, where the file
    # format (docs/format.md) puts ``"type"`` first in every value.
    tags = {kind.value: kind.type for kind in ValueKind}
    kinds = json.dumps(sorted(tags))

    def structure_value(value: Any, _: type[Any]) -> Value:
        if not isinstance(value, Mapping):
            raise ValidationError(f"expected object, got {_got(value)}")
        fields = dict(value)
        if "type" not in fields:
            raise ValidationError(f"required key 'type' missing: one of {kinds}")
        tag = fields.pop("type")
        if type(tag) is not str or tag not in tags:
            raise ValidationError(f"'type' must be one of {kinds}: type={json_excerpt(tag)}")
        result: Value = converter.structure(fields, tags[tag])
        return result

    def unstructure_value(value: Value) -> dict[str, Any]:
        data: dict[str, Any] = {"type": ValueKind.of(value).value}
        data.update(converter.unstructure(value, unstructure_as=type(value)))
        return data

    converter.register_structure_hook(Value, structure_value)
    converter.register_structure_hook(
        Value | None, lambda v, t: None if v is None else structure_value(v, t)
    )
    converter.register_unstructure_hook(Value, unstructure_value)
    converter.register_unstructure_hook(
        Value | None, lambda v: None if v is None else unstructure_value(v)
    )
    return converter


@functools.cache
def converter(*, forbid_extra_keys: bool = True) -> cattrs.Converter:
    """The shared converter (one per strictness)."""
    return make_converter(forbid_extra_keys=forbid_extra_keys)


def _format(exc: BaseException) -> str:
    if isinstance(exc, ClaimsError):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys {json_excerpt(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return cattrs.v.format_exception(exc, None)


def problems_from(exc: BaseException, path: str) -> list[Problem]:
    """The problems a structuring error holds, with paths below ``path``.

    Walks cattrs' validation groups the way ``cattrs.transform_error`` does, but keeps a
    :class:`DossierError` raised by a constructor as the list of problems it is.
    """
    if isinstance(exc, ValidationError) and exc.problems:
        return [p.rooted_at(path) for p in exc.problems]
    if isinstance(exc, cattrs.BaseValidationError):
        found: list[Problem] = []
        for inner in exc.exceptions:
            note = next((n for n in getattr(inner, "__notes__", ())
                         if isinstance(n, AttributeValidationNote | IterableValidationNote)),
                        None)
            if isinstance(note, AttributeValidationNote):
                found.extend(problems_from(inner, f"{path}.{note.name}"))
            elif isinstance(note, IterableValidationNote):
                found.extend(problems_from(inner, f"{path}[{note.index!r}]"))
            else:
                found.extend(problems_from(inner, path))
        return found
    return [Problem(path, _format(exc))]


def structure_at(data: Any, cls: type[_T], path: str, found: list[Problem], *,
                 forbid_extra_keys: bool = True) -> _T | None:
    """``data`` as a ``cls``, or None with its problems (at ``path``) added to ``found``."""
    try:
        result: _T = converter(forbid_extra_keys=forbid_extra_keys).structure(data, cls)
    except (cattrs.BaseValidationError, ClaimsError, ValueError, TypeError, KeyError) as exc:
        found.extend(problems_from(exc, path))
        return None
    return result
