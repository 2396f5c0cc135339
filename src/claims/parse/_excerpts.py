"""Short quotes of what could not be read: a message names the words, but never repeats a
megabyte of them."""

from __future__ import annotations

import reprlib

LIMIT = 80
"""The most characters of a text a message quotes."""


def excerpt(value: object, limit: int = LIMIT) -> str:
    """``value`` quoted for a message: a text's first ``limit`` characters (and "…" when
    there are more), or a short repr of anything else."""
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[:limit] + "…")
    return reprlib.repr(value)
