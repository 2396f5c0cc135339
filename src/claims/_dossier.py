"""The dossier: sources, vocabulary, events and claims, checked against one another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import attrs

from claims._checks import lookup
from claims._claim import Claim, Scope
from claims._count import Count
from claims._errors import DossierError
from claims._event import Event
from claims._problems import Problem
from claims._source import Source
from claims._time import TimeSpan
from claims._values import ActorRef, PlaceRef, Term, Text, Value
from claims._vocabulary import Vocabulary


@attrs.frozen
class Dossier:
    """Everything known about a set of events: who said what, in which terms.

    A dossier is immutable; :meth:`with_sources`, :meth:`with_claims` and friends return a new
    one, checked again.

    Raises:
        DossierError: listing every duplicate id and every reference to an unknown source,
            event, category, actor, place or predicate, each with its path
            (``$.claims[3].provenance.source``).
    """

    sources: tuple[Source, ...] = ()
    vocabulary: Vocabulary = attrs.Factory(Vocabulary)
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()

    _sources: dict[str, Source] = attrs.field(init=False, repr=False, eq=False)
    _events: dict[str, Event] = attrs.field(init=False, repr=False, eq=False)
    _claims: dict[str, Claim] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "events", tuple(self.events))
        object.__setattr__(self, "claims", tuple(self.claims))
        self._index()
        found = reference_problems(
            self.vocabulary, enumerate(self.sources), enumerate(self.events),
            enumerate(self.claims),
        )
        if found:
            raise DossierError(found)

    @classmethod
    def unchecked(cls, sources: tuple[Source, ...], vocabulary: Vocabulary,
                  events: tuple[Event, ...], claims: tuple[Claim, ...]) -> Dossier:
        """A dossier built without its reference checks, for a reader that has just made them
        (with the places in its file) and found nothing wrong."""
        self = cls.__new__(cls)
        for name, value in (("sources", sources), ("vocabulary", vocabulary),
                            ("events", events), ("claims", claims)):
            object.__setattr__(self, name, value)
        self._index()
        return self

    def _index(self) -> None:
        object.__setattr__(self, "_sources", _index(self.sources))
        object.__setattr__(self, "_events", _index(self.events))
        object.__setattr__(self, "_claims", _index(self.claims))

    # -- lookups ------------------------------------------------------------------------

    def source(self, ident: str) -> Source:
        """The source with this id."""
        return lookup(self._sources, ident, "source")

    def event(self, ident: str) -> Event:
        """The event with this id."""
        return lookup(self._events, ident, "event")

    def claim(self, ident: str) -> Claim:
        """The claim with this id."""
        return lookup(self._claims, ident, "claim")

    def claims_about(self, event: str) -> tuple[Claim, ...]:
        """The claims about one event, in dossier order."""
        self.event(event)
        return tuple(c for c in self.claims if c.event == event)

    def _repr_html_(self) -> str:
        from claims._html import CLAIM_HEADERS, claim_cells, table

        caption = (f"{len(self.claims)} claims about {len(self.events)} events from "
                   f"{len(self.sources)} sources")
        return table(CLAIM_HEADERS, (claim_cells(c) for c in self.claims), caption)

    # -- growing ------------------------------------------------------------------------

    def with_sources(self, *sources: Source) -> Dossier:
        """A dossier with these sources added."""
        return attrs.evolve(self, sources=self.sources + sources)

    def with_events(self, *events: Event) -> Dossier:
        """A dossier with these events added."""
        return attrs.evolve(self, events=self.events + events)

    def with_claims(self, *claims: Claim) -> Dossier:
        """A dossier with these claims added."""
        return attrs.evolve(self, claims=self.claims + claims)

    def with_vocabulary(self, vocabulary: Vocabulary) -> Dossier:
        """A dossier whose claims are checked against another vocabulary."""
        return attrs.evolve(self, vocabulary=vocabulary)


_Item = TypeVar("_Item", Source, Event, Claim)


def _index(items: tuple[_Item, ...]) -> dict[str, _Item]:
    table: dict[str, _Item] = {}
    for item in items:
        table.setdefault(item.id, item)
    return table


def reference_problems(
    vocabulary: Vocabulary,
    sources: Iterable[tuple[int, Source]],
    events: Iterable[tuple[int, Event]],
    claims: Iterable[tuple[int, Claim]],
    *,
    also_known: dict[str, set[str]] | None = None,
) -> list[Problem]:
    """Every duplicate id and dangling reference, with paths into the dossier document.

    Items come with their index in the document, so that a loader that set some aside
    still reports the right place; ``also_known`` holds ids of such items (by section),
    so references to them are not reported twice.
    """
    known = also_known or {}
    sources = list(sources)
    events = list(events)
    found: list[Problem] = []
    source_ids = _ids("sources", "source", sources, found) | known.get("sources", set())
    event_ids = _ids("events", "event", events, found) | known.get("events", set())

    def need(ok: bool, path: str, what: str, ident: str) -> None:
        if not ok:
            found.append(Problem(path, f"unknown {what} {ident!r}"))

    for index, source in sources:
        path = f"$.sources[{index}]"
        need(vocabulary.has("source_kinds", source.kind), f"{path}.kind", "source kind",
             source.kind)
        if source.affiliation is not None:
            need(vocabulary.has("actors", source.affiliation), f"{path}.affiliation", "actor",
                 source.affiliation)
    for index, event in events:
        path = f"$.events[{index}]"
        if event.place is not None:
            need(vocabulary.has("places", event.place), f"{path}.place", "place", event.place)
        for position, link in enumerate(event.links):
            need(link.event in event_ids, f"{path}.links[{position}].event", "event", link.event)
    seen: set[str] = set()
    fine: dict[tuple[Scope, str, type], bool] = {}  # scope, predicate and value kind: checked
    for index, claim in claims:
        if claim.id in seen:
            found.append(Problem(f"$.claims[{index}].id", f"duplicate claim id {claim.id!r}"))
        seen.add(claim.id)
        provenance = claim.provenance
        if (claim.event in event_ids and provenance.source in source_ids
                and all(r.outlet in source_ids for r in provenance.relays)
                and type(claim.value) in _UNREFERENCED):
            shape = (claim.scope, claim.predicate, type(claim.value))
            ok = fine.get(shape)
            if ok is None:
                ok = fine[shape] = not any(
                    _claim_problems(vocabulary, claim, index, source_ids, event_ids))
            if ok:
                continue
        found.extend(_claim_problems(vocabulary, claim, index, source_ids, event_ids))
    return found


def _claim_problems(vocabulary: Vocabulary, claim: Claim, index: int, source_ids: set[str],
                    event_ids: set[str]) -> Iterator[Problem]:
    """A claim's dangling references; paths are only written for what is wrong."""
    path = f"$.claims[{index}]"
    if claim.event not in event_ids:
        yield Problem(f"{path}.event", f"unknown event {claim.event!r}")
    provenance = claim.provenance
    if provenance.source not in source_ids:
        yield Problem(f"{path}.provenance.source", f"unknown source {provenance.source!r}")
    for position, relay in enumerate(provenance.relays):
        if relay.outlet not in source_ids:
            yield Problem(f"{path}.provenance.relays[{position}].outlet",
                          f"unknown source {relay.outlet!r}")
    scope = claim.scope
    for part, section, what in _SCOPE_PARTS:
        ident = getattr(scope, part)
        if ident is not None and not vocabulary.has(section, ident):
            yield Problem(f"{path}.scope.{part}", f"unknown {what} {ident!r}")
    if not vocabulary.has("predicates", claim.predicate):
        yield Problem(f"{path}.predicate", f"unknown predicate {claim.predicate!r}")
    elif claim.value is not None:
        yield from _value_problems(vocabulary, claim, f"{path}.value")


_UNREFERENCED = (Count, TimeSpan, Text, type(None))
"""Value types that name nothing in the vocabulary, so checking one claim of a shape checks
every claim of that shape."""

_SCOPE_PARTS = (("category", "categories", "category"), ("actor", "actors", "actor"),
                ("place", "places", "place"))


def _ids(section: str, what: str, items: list[tuple[int, Source]] | list[tuple[int, Event]],
         found: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for index, item in items:
        if item.id in seen:
            found.append(Problem(f"$.{section}[{index}].id", f"duplicate {what} id {item.id!r}"))
        seen.add(item.id)
    return seen


def _value_problems(vocabulary: Vocabulary, claim: Claim, path: str) -> Iterator[Problem]:
    value: Value | None = claim.value
    predicate = vocabulary.predicate(claim.predicate)
    kind = claim.value_kind
    if kind is not predicate.value:
        yield Problem(
            path,
            f"predicate {predicate.id!r} takes a {predicate.value.value} value, "
            f"not a {kind.value if kind else None}",
        )
        return
    for cls, section, what in ((Term, "categories", "category"), (ActorRef, "actors", "actor"),
                               (PlaceRef, "places", "place")):
        if isinstance(value, cls) and not vocabulary.has(section, value.id):
            yield Problem(f"{path}.id", f"unknown {what} {value.id!r}")
