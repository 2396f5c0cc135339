"""Writing dossiers: a versioned JSON document, a JSON Lines form and a Parquet form,
deterministic, and never leaving a file half written."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
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
from claims.model import (
    Claim,
    Dossier,
    Provenance,
    Relay,
    Scope,
    Status,
    TimeSpan,
    Value,
)


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

    JSON Lines are written a batch of claims at a time (:func:`write_claim_lines`), without
    the whole text in memory. The file is written beside ``path`` and renamed into place, so
    a failure leaves an existing file as it was.

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
    write_claim_lines(dossier.claims, stream.write)


_BATCH = 2_000
"""Lines written to the stream at once."""


def write_claim_lines(claims: Iterable[Claim], write: Callable[[str], Any]) -> None:
    """Write claims as the lines of a JSON Lines dossier, each exactly
    ``json.dumps(unstructure(claim), ensure_ascii=False)`` and a newline, a batch at a time.

    The text is put together from the text of each claim's parts, and the text of a part
    that claims share (a scope, a count, a time, a statement's provenance: a loaded dossier
    holds one object for each) is made once, while it keeps recurring.
    """
    line = _ClaimText().claim
    batch: list[str] = []
    for claim in claims:
        batch.append(line(claim))
        if len(batch) == _BATCH:
            batch.append("")
            write("\n".join(batch))
            batch = []
    if batch:
        batch.append("")
        write("\n".join(batch))


_KEEP = 4_096
"""Texts of parts remembered per kind; the memory is forgotten when full (shared parts
recur close together in a dossier, as a statement's claims are written one after another)."""

class _PartText:
    """The JSON text of one kind of part, remembered by identity for the objects that recur
    (an object is written the same way as long as it lives, and it lives while it is
    remembered)."""

    def __init__(self, text: Callable[[Any], str]) -> None:
        self._text = text
        self._known: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any) -> str:
        known = self._known.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        made = self._text(value)
        if len(self._known) >= _KEEP:
            self._known.clear()
        self._known[id(value)] = (value, made)
        return made


def _converted(kind: Any) -> _PartText:
    """The text the converter and ``json.dumps`` make of a part unstructured as ``kind``."""
    unstructure = converter().unstructure
    return _PartText(lambda value: json.dumps(unstructure(value, unstructure_as=kind),
                                              ensure_ascii=False))


CLAIM_FIELDS = ("id", "event", "predicate", "provenance", "value", "scope", "hedge", "status",
                "note", "coverage", "revises", "interested", "external_ids")
PROVENANCE_FIELDS = ("source", "quote", "published", "url", "language", "relays", "title")
SCOPE_FIELDS = ("category", "actor", "place")
"""The fields :class:`_ClaimText` writes or reads, in order (a test holds them to the
model's)."""


class _ClaimText:
    """A claim's line as the converter and ``json.dumps`` write it: the fields in order,
    each left out when it equals its default (the converter's ``omit_if_default``), keys and
    values separated by ``": "`` and fields by ``", "``; strings escaped by the function
    ``json.dumps`` escapes them with."""

    def __init__(self) -> None:
        self._value = _converted(Value | None)
        self._scope = _converted(Scope)
        self._time = _converted(TimeSpan)
        self._relays = _converted(tuple[Relay, ...])
        self._provenance = _PartText(self._provenance_text)

    def claim(self, claim: Claim) -> str:
        text = encode_basestring
        line = (f'{{"id": {text(claim.id)}, "event": {text(claim.event)}, '
                f'"predicate": {text(claim.predicate)}, '
                f'"provenance": {self._provenance(claim.provenance)}')
        if claim.value is not None:
            line += f', "value": {self._value(claim.value)}'
        scope = claim.scope  # unequal to EVERYONE, and quicker to tell
        if scope.category is not None or scope.actor is not None or scope.place is not None:
            line += f', "scope": {self._scope(scope)}'
        if claim.hedge is not None:
            line += f', "hedge": {text(claim.hedge.value)}'
        if claim.status is not Status.ASSERTED:
            line += f', "status": {text(claim.status.value)}'
        if claim.note is not None:
            line += f', "note": {text(claim.note)}'
        if claim.coverage is not None:
            line += f', "coverage": {text(claim.coverage.value)}'
        if claim.revises is not None:
            line += f', "revises": {text(claim.revises)}'
        if claim.interested is not None:
            line += ', "interested": true' if claim.interested else ', "interested": false'
        if claim.external_ids:
            line += f', "external_ids": {json.dumps(list(claim.external_ids), ensure_ascii=False)}'
        return line + "}"

    def _provenance_text(self, provenance: Provenance) -> str:
        text = encode_basestring
        line = f'{{"source": {text(provenance.source)}, "quote": {text(provenance.quote)}'
        if provenance.published is not None:
            line += f', "published": {self._time(provenance.published)}'
        if provenance.url is not None:
            line += f', "url": {text(provenance.url)}'
        if provenance.language is not None:
            line += f', "language": {text(provenance.language)}'
        if provenance.relays:
            line += f', "relays": {self._relays(provenance.relays)}'
        if provenance.title is not None:
            line += f', "title": {text(provenance.title)}'
        return line + "}"


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
