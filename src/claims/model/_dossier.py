"""The dossier: sources, vocabulary, events and claims, checked against one another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from claims._html import long_table
from claims.errors import DossierError, Problem, ValidationError, excerpt
from claims.model import _checks
from claims.model._checks import lookup
from claims.model._claim import CLAIM_HEADERS, Claim, claim_cells
from claims.model._count import Count
from claims.model._event import Event
from claims.model._scope import Scope
from claims.model._source import Source
from claims.model._time import TimeSpan
from claims.model._values import ActorRef, PlaceRef, Term, Text, Value
from claims.model._vocabulary import (
    Actor,
    Category,
    Exclusion,
    Place,
    Predicate,
    Vocabulary,
    VocabularyItem,
)


def _index_of(section: str) -> Any:
    def build(self: Dossier) -> dict[str, Any]:
        table: dict[str, Any] = {}
        items = getattr(self, section)
        for item in items if isinstance(items, tuple) else ():  # built before validation
            ident = getattr(item, "id", None)
            if isinstance(ident, str):
                table.setdefault(ident, item)
        return table

    return attrs.field(init=False, repr=False, eq=False,
                       default=attrs.Factory(build, takes_self=True))


@attrs.frozen(init=False, repr=False)
class Dossier:
    """Everything known about a set of events: who said what, in which terms.

    A dossier is immutable; :meth:`add` returns a new one with more sources, events, claims
    or vocabulary terms, checked again. Sections may be given as lists; they are kept as
    tuples.

    Raises:
        DossierError: listing every duplicate id and every reference to an unknown source,
            event, category, actor, place or predicate, each with its path
            (``$.claims[3].provenance.source``).
    """

    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Source, "a Source"))
    vocabulary: Vocabulary = attrs.field(
        factory=Vocabulary, validator=_checks.of_type(Vocabulary, "a Vocabulary"))
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Event, "an Event"))
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Claim, "a Claim"))

    _sources: dict[str, Source] = _index_of("sources")  # noqa: RUF009
    _events: dict[str, Event] = _index_of("events")  # noqa: RUF009
    _claims: dict[str, Claim] = _index_of("claims")  # noqa: RUF009

    def __init__(self, sources: Iterable[Source] = (), vocabulary: Vocabulary | None = None,
                 events: Iterable[Event] = (), claims: Iterable[Claim] = ()) -> None:
        self.__attrs_init__(sources, vocabulary if vocabulary is not None else Vocabulary(),
                            events, claims)
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
        self.__attrs_init__(sources, vocabulary, events, claims)
        return self

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
        caption = (f"{len(self.claims):,} claims about {len(self.events):,} events from "
                   f"{len(self.sources):,} sources")
        return long_table(CLAIM_HEADERS, self.claims, claim_cells, caption)

    def __repr__(self) -> str:
        return (f"<Dossier: {len(self.sources)} sources, {len(self.events)} events, "
                f"{len(self.claims)} claims>")

    # -- growing ------------------------------------------------------------------------

    def add(self, *items: Source | Event | Claim | VocabularyItem) -> Dossier:
        """A dossier with more sources, events and claims, and more vocabulary terms
        (categories, actors, places, exclusions, predicates, source kinds), in any mix and
        order; checked again as a whole.

        ``dossier.add(Source(id="ngo", name="An NGO", kind="other"), claim)``

        Raises:
            DossierError: for a duplicate id or a reference to nothing known.
            ValidationError: for an item that is none of these.
        """
        sections: dict[str, list[Any]] = {"sources": [], "events": [], "claims": []}
        terms: list[VocabularyItem] = []
        for item in items:
            if isinstance(item, Source):
                sections["sources"].append(item)
            elif isinstance(item, Event):
                sections["events"].append(item)
            elif isinstance(item, Claim):
                sections["claims"].append(item)
            elif isinstance(item, Category | Actor | Place | Exclusion | Predicate | str):
                terms.append(item)
            else:
                raise ValidationError(
                    f"cannot add {excerpt(item)} to a dossier: expected a Source, Event, Claim, "
                    "Category, Actor, Place, Exclusion, Predicate or source kind (str)")
        vocabulary = self.vocabulary.add(*terms) if terms else self.vocabulary
        return Dossier(self.sources + tuple(sections["sources"]), vocabulary,
                       self.events + tuple(sections["events"]),
                       self.claims + tuple(sections["claims"]))


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
    still reports the right place; ``also_known`` holds ids of such items (by section,
    ``"claims"`` included, for ``revises``), so references to them are not reported twice.
    """
    known = also_known or {}
    sources = list(sources)
    events = list(events)
    found: list[Problem] = []
    source_ids = _ids("sources", "source", sources, found) | known.get("sources", set())
    event_ids = _ids("events", "event", events, found) | known.get("events", set())

    def need(ok: bool, path: str, what: str, ident: str) -> None:
        if not ok:
            found.append(Problem(path, f"unknown {what} {excerpt(ident)}"))

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
    claims = list(claims)
    for index, claim in claims:
        if claim.id in seen:
            found.append(Problem(f"$.claims[{index}].id",
                                 f"duplicate claim id {excerpt(claim.id)}"))
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
    found.extend(_revision_problems(claims, known.get("claims", set())))
    return found


def _revision_problems(claims: list[tuple[int, Claim]], known: set[str]) -> Iterator[Problem]:
    """A claim revises only an earlier statement of its own source about the same event and
    predicate."""
    revising = [(index, claim) for index, claim in claims if claim.revises is not None]
    if not revising:
        return
    by_id = {claim.id: claim for _, claim in claims}
    for index, claim in revising:
        path = f"$.claims[{index}].revises"
        revised = by_id.get(claim.revises or "")
        if revised is None:
            if claim.revises not in known:
                yield Problem(path, f"unknown claim {claim.revises!r}")
        elif (revised.source, revised.event, revised.predicate) != (
                claim.source, claim.event, claim.predicate):
            yield Problem(path, f"claim {claim.id!r} revises {revised.id!r}, which is not its "
                                f"own source's statement about the same event and predicate "
                                f"({revised.source}, {revised.event}, {revised.predicate})")


def _claim_problems(vocabulary: Vocabulary, claim: Claim, index: int, source_ids: set[str],
                    event_ids: set[str]) -> Iterator[Problem]:
    """A claim's dangling references; paths are only written for what is wrong."""
    path = f"$.claims[{index}]"
    if claim.event not in event_ids:
        yield Problem(f"{path}.event", f"unknown event {excerpt(claim.event)}")
    provenance = claim.provenance
    if provenance.source not in source_ids:
        yield Problem(f"{path}.provenance.source", f"unknown source {excerpt(provenance.source)}")
    for position, relay in enumerate(provenance.relays):
        if relay.outlet not in source_ids:
            yield Problem(f"{path}.provenance.relays[{position}].outlet",
                          f"unknown source {excerpt(relay.outlet)}")
    scope = claim.scope
    for part, section, what in _SCOPE_PARTS:
        ident = getattr(scope, part)
        if ident is not None and not vocabulary.has(section, ident):
            yield Problem(f"{path}.scope.{part}", f"unknown {what} {excerpt(ident)}")
    if not vocabulary.has("predicates", claim.predicate):
        yield Problem(f"{path}.predicate", f"unknown predicate {excerpt(claim.predicate)}")
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
            found.append(Problem(f"$.{section}[{index}].id",
                                 f"duplicate {what} id {excerpt(item.id)}"))
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
            yield Problem(f"{path}.id", f"unknown {what} {excerpt(value.id)}")
