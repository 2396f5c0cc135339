"""The dossier: sources, vocabulary, events and claims, checked against one another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import attrs

from claims._checks import lookup
from claims._claim import Claim
from claims._errors import DossierError
from claims._event import Event
from claims._problems import Problem
from claims._source import Source
from claims._values import ActorRef, PlaceRef, Term, Value
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
        object.__setattr__(self, "_sources", _index(self.sources))
        object.__setattr__(self, "_events", _index(self.events))
        object.__setattr__(self, "_claims", _index(self.claims))
        found = reference_problems(
            self.vocabulary, enumerate(self.sources), enumerate(self.events),
            enumerate(self.claims),
        )
        if found:
            raise DossierError(found)

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
    for index, claim in claims:
        path = f"$.claims[{index}]"
        if claim.id in seen:
            found.append(Problem(f"{path}.id", f"duplicate claim id {claim.id!r}"))
        seen.add(claim.id)
        need(claim.event in event_ids, f"{path}.event", "event", claim.event)
        need(claim.provenance.source in source_ids, f"{path}.provenance.source", "source",
             claim.provenance.source)
        for position, relay in enumerate(claim.provenance.relays):
            need(relay.outlet in source_ids, f"{path}.provenance.relays[{position}].outlet",
                 "source", relay.outlet)
        scope = claim.scope
        for part, section, what in (("category", "categories", "category"),
                                    ("actor", "actors", "actor"), ("place", "places", "place")):
            ident = getattr(scope, part)
            if ident is not None:
                need(vocabulary.has(section, ident), f"{path}.scope.{part}", what, ident)
        if not vocabulary.has("predicates", claim.predicate):
            need(False, f"{path}.predicate", "predicate", claim.predicate)
        elif claim.value is not None:
            found.extend(_value_problems(vocabulary, claim, f"{path}.value"))
    return found


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
