"""JSON text to data, read the way the standard library reads it, and every way a text can
be unfit for a dossier reported as a problem with its place.

The standard parser alone would let some texts through that cannot stand for a dossier, and
stop on others with an exception of its own. Here:

- the text must be UTF-8 (strictly: no encoded surrogates, no other encoding guessed from its
  bytes); a byte-order mark at the start of a file is skipped;
- a key given twice in one object is a problem (the parser would keep the last silently);
- a lone surrogate (``"\\ud800"``) is a problem at the string that holds it: UTF-8 cannot
  encode it, so such a dossier could never be written;
- an integer too long for Python to convert (over 4,300 digits) and nesting deeper than the
  parser can follow make a text unreadable, with the place where that happens.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from claims.errors import Problem, json_excerpt

UNREADABLE: Any = object()
"""What :func:`parse` gives for a text that holds no data (its problems say why)."""

_BOM = "\ufeff"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_OR_ESCAPE = re.compile("\\\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_NAME = re.compile("[A-Za-z_][A-Za-z0-9_]*")


class _DuplicateKey(Exception):
    """A key given twice in one object: read again to say where."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _DuplicateKey
    return data


class _Duplicated(dict[str, Any]):
    """An object in which some keys were given twice (the last value kept, as ``json`` does)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        twice: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in twice:
                twice.append(key)
            seen.add(key)
        self.duplicates = tuple(twice)


def _recording_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    return data if len(data) == len(pairs) else _Duplicated(pairs)


class _LongInteger:
    """An integer too long to convert, kept in its place to be reported there."""

    def __init__(self, digits: str) -> None:
        self.digits = len(digits.lstrip("-"))


def _integer(digits: str) -> int | _LongInteger:
    limit = sys.get_int_max_str_digits()
    if limit and len(digits.lstrip("-")) > limit:
        return _LongInteger(digits)
    return int(digits)


_STRICT = json.JSONDecoder(object_pairs_hook=_pairs)
_DIAGNOSING = json.JSONDecoder(object_pairs_hook=_recording_pairs, parse_int=_integer)


def parse(text: str | bytes, *, line: int | None = None) -> tuple[Any, list[Problem]]:
    """The data a JSON text holds, and its problems (paths from ``$``).

    Args:
        text: The text, or its UTF-8 bytes.
        line: The number of the JSON Lines line the text is, if it is one: messages then
            give only the column, and only line 1 may start with a byte-order mark (a file
            may begin with one).

    Returns:
        The data and its problems: a key given twice or a lone surrogate leave the data
        readable (the last of two keys kept); :data:`UNREADABLE` when it holds no data (not
        UTF-8, not JSON, an integer too long, nesting too deep).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return UNREADABLE, [_not_utf8(exc, line)]
        pattern = _SURROGATE_ESCAPE  # strict UTF-8 decodes to no surrogate
    else:
        pattern = _SURROGATE_OR_ESCAPE
    if line in (None, 1) and text.startswith(_BOM):
        text = text[1:]
    try:
        data = _STRICT.decode(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return UNREADABLE, [_unreadable(exc, text, line)]
    except (_DuplicateKey, ValueError):  # ValueError: an integer over the conversion limit
        return _diagnose(text, line)
    if pattern.search(text) is not None and _holds_surrogate(data):
        return data, list(_flaws(data))
    return data, []


def _not_utf8(exc: UnicodeDecodeError, line: int | None) -> Problem:
    before = exc.object[:exc.start].decode("utf-8", "replace")
    return Problem("$", f"not valid UTF-8 at {_place(before, len(before), line)}: "
                        f"{exc.reason}")


def _place(text: str, index: int, line: int | None) -> str:
    """"line 3 column 7" in a document, "column 7" in a JSON Lines line."""
    column = index - text.rfind("\n", 0, index)
    if line is not None:
        return f"column {column}"
    lines = text.count("\n", 0, index) + 1
    return f"line {lines} column {column}"


def _unreadable(exc: json.JSONDecodeError | RecursionError, text: str,
                line: int | None) -> Problem:
    if isinstance(exc, json.JSONDecodeError):
        return Problem("$", f"not valid JSON at {_place(text, exc.pos, line)}: {exc.msg}")
    depth, index = _deepest(text)
    return Problem("$", f"arrays and objects nested {depth} deep at {_place(text, index, line)}"
                        ", deeper than the reader can follow")


def _diagnose(text: str, line: int | None) -> tuple[Any, list[Problem]]:
    """Read again, keeping what the first reading stopped at in its place, to report it."""
    try:
        data = _DIAGNOSING.decode(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return UNREADABLE, [_unreadable(exc, text, line)]
    found = list(_flaws(data))
    if any(isinstance(v, _LongInteger) for v in _values(data)):
        return UNREADABLE, found
    return data, found


def _values(data: Any) -> Iterator[Any]:
    stack = [data]
    while stack:
        value = stack.pop()
        yield value
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _holds_surrogate(data: Any) -> bool:
    for value in _values(data):
        if isinstance(value, str):
            if not value.isascii() and _SURROGATE.search(value):
                return True
        elif isinstance(value, dict) and any(
                not k.isascii() and _SURROGATE.search(k) for k in value):
            return True
    return False


def _flaws(data: Any) -> Iterator[Problem]:
    """Keys given twice, lone surrogates and integers too long, each at its path, in
    document order."""
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            surrogate = _SURROGATE.search(value)
            if surrogate:
                yield _surrogate_problem(path, surrogate.group(), "string")
        elif isinstance(value, _LongInteger):
            limit = sys.get_int_max_str_digits()
            yield Problem(path, f"an integer of {value.digits} digits; the reader takes at "
                                f"most {limit}")
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                yield Problem(key_path(path, key), f"key {json_excerpt(key)} given twice in "
                                                   "one object (which value is meant?)")
            for key in value:
                surrogate = _SURROGATE.search(key)
                if surrogate:
                    yield _surrogate_problem(key_path(path, key), surrogate.group(), "key")
            stack.extend((v, key_path(path, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(value))))


def _surrogate_problem(path: str, surrogate: str, where: str) -> Problem:
    return Problem(path, f"a lone surrogate \\u{ord(surrogate):04x} in a {where}, which UTF-8 "
                         "cannot encode (half of a pair, or a broken escape)")


def key_path(path: str, key: str) -> str:
    """The path of ``key`` in the object at ``path``: ``$.claims``, ``$["two words"]``."""
    if _NAME.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json_excerpt(key)}]"


_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _deepest(text: str) -> tuple[int, int]:
    """How deep arrays and objects nest (strings skipped), and where that depth is first
    reached."""
    depth = deepest = at = 0
    for token in _TOKEN.finditer(text):
        bracket = token.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest, at = depth, token.start()
        elif bracket in ("]", "}"):
            depth -= 1
    return deepest, at
