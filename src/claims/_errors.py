"""The exceptions of ``claims``: one root, each subclass also a built-in it refines."""

from __future__ import annotations

from collections.abc import Iterable

from claims._problems import Problem


class ClaimsError(Exception):
    """Root of every error this library raises on purpose."""


class ValidationError(ClaimsError, ValueError):
    """A value that the model cannot hold, e.g. a count whose low bound exceeds its high."""


class UnknownReferenceError(ClaimsError, LookupError):
    """An id that names no source, event, category, actor, place or predicate that is known."""

    def __str__(self) -> str:  # LookupError would quote the message like a KeyError.
        return str(self.args[0]) if self.args else ""


_SHOWN = 50


class DossierError(ClaimsError, ValueError):
    """A dossier (or a file holding one) with one or more problems, all reported together.

    The message lists the first 50 problems; ``problems`` holds them all.

    Attributes:
        problems: Each problem with its path inside the document (``$.claims[3].value``);
            ``str(problem)`` reads ``"message @ path"``.
        path: The file that was read, when there was one.
    """

    def __init__(self, problems: Iterable[Problem], path: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.path = path
        where = f" in {path}" if path else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        shown = [str(p) for p in self.problems[:_SHOWN]]
        if count > _SHOWN:
            shown.append(f"... and {count - _SHOWN} more (all are in .problems)")
        super().__init__("\n  ".join([head, *shown]))


class ParseError(ClaimsError, ValueError):
    """Wording that could not be read as a typed value; the message quotes it."""
