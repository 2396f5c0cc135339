"""Writing dossiers: a versioned JSON document, a JSON Lines form and a Parquet form,
deterministic, and never leaving a file half written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from claims.io._converter import converter
from claims.io._files import (
    FORMAT,
    LINES_FORMAT,
    PARQUET_FORMAT,
    VERSION,
    PathLike,
    write_atomically,
)
from claims.io._parquet import is_parquet, write_parquet
from claims.io._reading import iter_claims, lines_head
from claims.model import Dossier


def unstructure(value: Any, as_type: Any = None) -> Any:
    """Any model object as plain JSON data (dicts, lists, strings, numbers).

    Args:
        value: The object.
        as_type: Unstructure as this type instead of the value's own class; pass
            :data:`claims.model.Value` to get a value with its ``"type"`` tag, as claims hold it.
    """
    if isinstance(value, Dossier):
        return _dossier_data(value, FORMAT, with_claims=True)
    return converter().unstructure(value, unstructure_as=as_type)


def _dossier_data(dossier: Dossier, fmt: str, *, with_claims: bool) -> dict[str, Any]:
    unstructured = converter().unstructure
    data: dict[str, Any] = {"format": fmt, "version": VERSION}
    data["sources"] = [unstructured(s) for s in dossier.sources]
    data["vocabulary"] = unstructured(dossier.vocabulary)
    data["events"] = [unstructured(e) for e in dossier.events]
    if with_claims:
        data["claims"] = [unstructured(c) for c in dossier.claims]
    return data


def dumps(dossier: Dossier) -> str:
    """The dossier as a JSON document (stable key and item order, two-space indent)."""
    return json.dumps(unstructure(dossier), indent=2, ensure_ascii=False) + "\n"


def dump(dossier: Dossier, path: PathLike) -> None:
    """Write the dossier to ``path``: JSON Lines if it ends in ``.jsonl``, Parquet if it ends
    in ``.parquet`` (the ``parquet`` extra), else JSON.

    The file is written beside ``path`` and renamed into place, so a failure leaves an
    existing file as it was.

    Raises:
        ValidationError: for text UTF-8 cannot encode (a lone surrogate), or, in Parquet, a
            count beyond a 64-bit integer (naming the claim and field).
        MissingExtraError: for a Parquet file without the ``parquet`` extra.
    """
    if is_parquet(path):
        write_parquet(path, _dossier_data(dossier, PARQUET_FORMAT, with_claims=False),
                      dossier.claims)
        return
    if Path(path).suffix == ".jsonl":
        write_atomically(path, lambda stream: _write_lines(dossier, stream))
        return
    text = dumps(dossier)

    def write(stream: IO[str]) -> None:
        stream.write(text)

    write_atomically(path, write)


def _write_lines(dossier: Dossier, stream: IO[str]) -> None:
    head = _dossier_data(dossier, LINES_FORMAT, with_claims=False)
    stream.write(json.dumps(head, ensure_ascii=False) + "\n")
    unstructured = converter().unstructure
    for claim in dossier.claims:
        stream.write(json.dumps(unstructured(claim), ensure_ascii=False) + "\n")


def lines_to_parquet(source: PathLike, target: PathLike) -> None:
    """Write a JSON Lines dossier as Parquet without holding the whole dossier: the claims
    are read and checked a line at a time (as :func:`claims.iter_claims` checks them, so a
    claim may revise only one on an earlier line) and flattened a row group at a time into
    Arrow tables, which are sorted by event and written. The result is the file
    ``claims.dump(claims.load(source), target)`` writes.

    Raises:
        DossierError: at the first line with problems; nothing is written.
        ValidationError: for a count beyond a 64-bit integer; nothing is written.
        MissingExtraError: without the ``parquet`` extra.
    """
    head = _dossier_data(lines_head(source), PARQUET_FORMAT, with_claims=False)
    write_parquet(target, head, iter_claims(source))
