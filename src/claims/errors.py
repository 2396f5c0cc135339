"""The exceptions of ``claims``: one root, each subclass also the built-in it refines.

``except ValueError`` still catches a bad count, ``except LookupError`` an unknown id and
``except ImportError`` a missing optional extra, as attrs' own errors do.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with a document, at ``path`` (``$.claims[3].value``)."""

    path: str
    message: str

    def rooted_at(self, prefix: str) -> Problem:
        """The same problem with its path made relative to ``prefix`` instead of ``$``."""
        return Problem(prefix + self.path[1:], self.message)

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"


_LIMIT = 80
"""About how many characters of a value a message shows."""


def excerpt(value: object) -> str:
    """``repr(value)`` for a message that shows a value the attrs way (``id='Bad Id'``), cut
    to about 80 characters: a long text ends in "…", a huge integer gives its size."""
    if isinstance(value, str) and len(value) > _LIMIT:
        quoted = repr(value[:_LIMIT])
        return f"{quoted[:-1]}…{quoted[-1]}"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return _big(value)
    text = repr(value)
    return text if len(text) <= _LIMIT else text[:_LIMIT] + "…"


def json_excerpt(value: object) -> str:
    """A value read from JSON as JSON (``null``, ``true``, ``"text"``, ``{"a": [1]}``), cut to
    about 80 characters, for messages about what a document holds."""
    return _json(value, _LIMIT)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(value: object, budget: int) -> str:
    """``value`` as JSON in about ``budget`` characters; each level of nesting spends at least
    one, so a deeply nested value costs no deep recursion."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        return _big(value) if value.bit_length() > 256 else str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else json.dumps(value)
    if isinstance(value, str):
        text = json.dumps(value[:budget], ensure_ascii=False)
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        return f"{text[:-1]}…\"" if len(value) > budget else text
    if isinstance(value, list | tuple | dict):
        pairs = value.items() if isinstance(value, dict) else ((None, v) for v in value)
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        parts: list[str] = []
        spent = 2
        for key, item in pairs:
            if spent >= budget:
                parts.append("…")
                break
            part = "" if key is None else f"{_json(key, budget - spent)}: "
            part += _json(item, budget - spent - len(part))
            parts.append(part)
            spent += len(part) + 2
        return opening + ", ".join(parts) + closing
    return excerpt(value)


def _big(value: int) -> str:
    return f"<an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits>"


class ClaimsError(Exception):
    """Root of every error this library raises on purpose."""


_SHOWN = 50


class ValidationError(ClaimsError, ValueError):
    """A value the model cannot hold, e.g. a count whose low bound exceeds its high.

    Raised for one field (the message names it and shows the value) or for a whole structure
    with several problems, all listed.

    Attributes:
        problems: Each problem with its path inside the structure; empty for one field.
    """

    def __init__(self, message: str | None = None, *, problems: Iterable[Problem] = ()) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(message if message is not None else _listing(self.problems, ""))


def _listing(problems: tuple[Problem, ...], where: str, limit: int | None = _SHOWN,
             rest: str = "all are in .problems") -> str:
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''}{where}:"
    shown = [str(p) for p in problems[:limit]]
    if limit is not None and count > limit:
        shown.append(f"... and {count - limit} more ({rest})")
    return "\n  ".join([head, *shown])


class DossierError(ValidationError):
    """A dossier (or a file holding one) with one or more problems, all reported together.

    The message lists the first 50 problems; ``problems`` holds them all.

    Attributes:
        problems: Each problem with its path inside the document (``$.claims[3].value``);
            ``str(problem)`` reads ``"message @ path"``.
        path: The file that was read, when there was one.
    """

    def __init__(self, problems: Iterable[Problem], path: str | None = None) -> None:
        listed = tuple(problems)
        self.path = path
        super().__init__(_listing(listed, f" in {path}" if path else ""), problems=listed)

    def listing(self, limit: int | None = None, rest: str = "all are in .problems") -> str:
        """The message with at most ``limit`` problems (all when None); ``rest`` says where
        the others are."""
        return _listing(self.problems, f" in {self.path}" if self.path else "", limit, rest)


class UnknownReferenceError(ClaimsError, LookupError):
    """An id that names no source, event, category, actor, place or predicate that is known."""

    def __str__(self) -> str:  # LookupError would quote the message like a KeyError.
        return str(self.args[0]) if self.args else ""


class MergeError(ClaimsError, ValueError):
    """Two collections that cannot be merged: one id means different things on each side,
    or they were reconciled against different vocabularies or ``as_of`` times."""


class ParseError(ClaimsError, ValueError):
    """Wording that could not be read as a typed value; the message quotes it."""


class MissingExtraError(ClaimsError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it and the
    command that installs it."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs the {extra!r} extra ({module} is not installed): "
                         f"pip install 'claims[{extra}]'", name=module)
