"""Files: the format's names, and writing that never leaves a target half written."""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from claims.errors import ValidationError

FORMAT = "claims.dossier"
LINES_FORMAT = "claims.dossier.lines"
PARQUET_FORMAT = "claims.dossier.parquet"
VERSION = 1

PathLike = str | os.PathLike[str]


@functools.cache
def _schema_text() -> str:
    resource = importlib.resources.files("claims") / "schema" / "dossier.schema.json"
    return resource.read_text(encoding="utf-8")


def dossier_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dossier format, shipped with the package (and
    as ``docs/dossier.schema.json``), for tools outside Python. It checks each item's shape;
    :func:`claims.load` also checks what a schema cannot say (``low <= high``, references
    to declared ids, a value of the predicate's kind)."""
    data: dict[str, Any] = json.loads(_schema_text())
    return data


def write_atomically(path: PathLike, write: Callable[[IO[str]], None], *,
                     newline: str | None = "\n") -> None:
    """Write a text file through ``write(stream)`` into a temporary file beside ``path``, then
    rename it into place: a failure at any point leaves ``path`` as it was (or absent), never
    empty or half written. An existing file keeps its permissions; a new one gets those any
    new file gets (``0o666`` less the umask).

    Raises:
        ValidationError: when the text cannot be encoded as UTF-8 (a lone surrogate).
        OSError: when the directory cannot be written; ``path`` is untouched.
    """
    def fill(handle: int) -> None:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())

    _replace(Path(path), fill)


def write_bytes_atomically(path: PathLike, write: Callable[[IO[bytes]], None]) -> None:
    """:func:`write_atomically` for a binary file (Parquet)."""
    def fill(handle: int) -> None:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())

    _replace(Path(path), fill)


def _umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _replace(target: Path, fill: Callable[[int], None]) -> None:
    """Fill a temporary file beside ``target`` (through its descriptor), then rename it into
    place; on any failure remove it and leave ``target`` alone."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".tmp")
    try:
        fill(handle)
        try:
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        except FileNotFoundError:  # a new file: what open() would give it, not mkstemp's 0600
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except UnicodeEncodeError as error:
        _remove(temporary)
        raise ValidationError(
            f"cannot write {str(target)!r}: the text holds {error.object[error.start:error.end]!r}"
            ", which UTF-8 cannot encode (a lone surrogate)") from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def same_file(first: PathLike, second: PathLike) -> bool:
    """Whether two paths name one file (through links and ``..``), existing or not."""
    one, other = Path(first), Path(second)
    with contextlib.suppress(OSError):
        return one.samefile(other)
    return one.resolve() == other.resolve()


def distinct_paths(inputs: Iterator[PathLike] | tuple[PathLike, ...],
                   outputs: tuple[tuple[str, PathLike], ...]) -> None:
    """Refuse outputs that would overwrite an input or each other, before anything is written.

    Args:
        inputs: Files being read.
        outputs: ``(what, path)`` for each file to be written ("--ucdp", "ucdp.csv").

    Raises:
        ValidationError: naming the clashing paths.
    """
    read = tuple(inputs)
    for index, (what, path) in enumerate(outputs):
        for source in read:
            if same_file(path, source):
                raise ValidationError(
                    f"refusing to write {what} to {str(path)!r}: it is the input file")
        for other_what, other in outputs[:index]:
            if same_file(path, other):
                raise ValidationError(
                    f"refusing to write {other_what} and {what} to one file: {str(path)!r}")
