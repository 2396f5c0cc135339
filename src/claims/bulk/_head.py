"""A dossier's head read for the bulk path: as the readers read it, except that events of the
plain shape (an id and a title, nothing else) are checked in one loop and built only when a
report needs them. A hundred thousand events cost 1.4 s to build as objects, about as much as
parsing the claims of a Parquet file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from claims.bulk._checks import clean_relays, clean_rows
from claims.errors import DossierError, Problem
from claims.io._parsing import UNREADABLE, parse
from claims.io._reading import _SECTIONS, _check_head, _read_head
from claims.model import Claim, Event, Source, Vocabulary, reference_problems

_SLUG = re.compile(r"[a-z0-9][a-z0-9_.:-]*")


class Head:
    """What a dossier's head says: sources, vocabulary, events; and the columnar checks made
    from them, built once for the file."""

    def __init__(self, vocabulary: Vocabulary, sources: tuple[Source, ...],
                 events: tuple[Event, ...], known: dict[str, set[str]],
                 plain: dict[str, str] | None = None) -> None:
        self.vocabulary, self.sources = vocabulary, sources
        self._events = events
        self._plain = plain or {}
        self.event_ids = ({e.id for e in events} | set(self._plain)
                          | known.get("events", set()))
        self.source_ids = {s.id for s in sources} | known.get("sources", set())
        self.clean = clean_rows(vocabulary, self.source_ids)
        """Which rows the columnar checks vouch for (an expression, built once)."""
        self.clean_relays = clean_relays(self.source_ids)
        self.checked = False
        """Whether the rows were not checked again, as a Parquet file this library checked
        and wrote, unchanged since (see :attr:`claims.bulk.Bulk.checked_when_written`)."""

    def problems_of(self, number: int, claim: Claim) -> list[Problem]:
        """One claim's dangling references against this head, placed ``$.claims[number]``
        (its ``revises`` aside: that needs every claim, and is checked over the frame)."""
        return reference_problems(
            self.vocabulary, [], [], [(number, claim)],
            also_known={"sources": self.source_ids, "events": self.event_ids,
                        "claims": {claim.revises} if claim.revises else set()})

    @property
    def count(self) -> int:
        """How many events the head declares."""
        return len(self._events) + len(self._plain)

    def events(self, ids: Iterable[str]) -> tuple[Event, ...]:
        """The events with these ids, in the head's order."""
        wanted = set(ids)
        if self._plain:
            return tuple(Event(id=ident, title=title) for ident, title in self._plain.items()
                         if ident in wanted)
        return tuple(e for e in self._events if e.id in wanted)


def _plain_events(data: Any) -> dict[str, str] | None:
    """The events as id -> title when every one is of the plain shape and fine (a slug id
    said once, a non-blank title); None sends them to the reader."""
    if type(data) is not list:
        return None
    plain: dict[str, str] = {}
    for item in data:
        if type(item) is not dict or len(item) != 2:
            return None
        ident, title = item.get("id"), item.get("title")
        if (type(ident) is not str or type(title) is not str or not title
                or title.isspace() or _SLUG.fullmatch(ident) is None or ident in plain):
            return None
        plain[ident] = title
    return plain


def read_head(raw: bytes, fmt: str, place: str, path: str, found: list[Problem],
              line: int | None = None) -> Head:
    """The head in ``raw`` (the first line of a JSON Lines file, the metadata of a Parquet
    one), its problems placed ``{place}: $...`` as the readers place them.

    Raises:
        DossierError: when the head is not an object, cannot be parsed, or has problems.
    """
    data, problems = parse(raw, line=line)
    head = None
    if data is not UNREADABLE:
        head = _check_head(data, fmt, problems, False, sections=_SECTIONS[:3])
    if head is None:
        raise DossierError([*found, *(p.rooted_at(f"{place}: $") for p in problems)], path)
    plain = _plain_events(head.get("events", []))
    if plain is not None:
        head = {**head, "events": []}
    vocabulary, sources, events, known = _read_head(head, problems, False)
    problems.extend(reference_problems(vocabulary, sources, events, [], also_known=known))
    found.extend(p.rooted_at(f"{place}: $") for p in problems)
    if found:
        raise DossierError(found, path)
    return Head(vocabulary, tuple(s for _, s in sources), tuple(e for _, e in events), known,
                plain)
