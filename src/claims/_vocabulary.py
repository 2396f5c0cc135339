"""Vocabularies declared as data: categories, actors and places in hierarchies, exclusions,
predicates and source kinds. The reconciler asks them which values nest and which conflict."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import attrs

from claims._checks import (
    check_id,
    check_ids,
    check_optional_id,
    check_optional_text,
    check_text,
    check_texts,
    lookup,
)
from claims._claim import Scope
from claims._errors import DossierError, UnknownReferenceError, ValidationError
from claims._problems import Problem
from claims._time import TimeSpan
from claims._values import ActorRef, PlaceRef, Term, Value, ValueKind, _Reference


@attrs.frozen
class Category:
    """A kind of person or thing, e.g. ``child`` within ``civilian`` within ``person``.

    Args:
        id: Slug.
        label: Singular label for reports ("militiaman").
        plural: Plural label ("militiamen"); defaults to ``label + "s"``.
        parent: The broader category this one lies within.
        aliases: Other words sources use for it ("militia fighter").
        summary: Report a figure for this category whenever a claim falls within it
            (as UCDP and Airwars split deaths into civilians and combatants).
    """

    id: str
    label: str
    plural: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    summary: bool = False

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_text("label", self.label)
        check_optional_text("plural", self.plural)
        check_optional_id("parent", self.parent)
        check_texts("aliases", self.aliases)

    def label_for(self, n: int) -> str:
        """The label to put after the number ``n``."""
        if n == 1:
            return self.label
        return self.plural if self.plural is not None else self.label + "s"


@attrs.frozen
class Actor:
    """A party to events: a state, a force, a faction; ``parent`` is what it belongs to."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_text("name", self.name)
        check_texts("aliases", self.aliases)
        check_optional_id("parent", self.parent)


@attrs.frozen
class Place:
    """A named place; ``within`` is the place that contains it (Abu Kamal within Deir ez-Zor)."""

    id: str
    name: str
    within: str | None = None
    aliases: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_text("name", self.name)
        check_optional_id("within", self.within)
        check_texts("aliases", self.aliases)


@attrs.frozen
class Exclusion:
    """Categories that cannot all describe the same thing (and neither can their subcategories),
    e.g. a civilian object and a military object."""

    categories: tuple[str, ...]
    reason: str | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.categories) < 2:
            raise ValidationError(
                f"'categories' must name at least two categories: categories={self.categories!r}"
            )
        check_ids("categories", self.categories)
        check_optional_text("reason", self.reason)


@attrs.frozen
class Predicate:
    """What a claim can be about ("killed") and the kind of value it takes."""

    id: str
    label: str
    value: ValueKind

    def __attrs_post_init__(self) -> None:
        check_id("id", self.id)
        check_text("label", self.label)
        if not isinstance(self.value, ValueKind):
            raise ValidationError(f"'value' must be a ValueKind: value={self.value!r}")


BUILTIN_PREDICATES: tuple[Predicate, ...] = (
    Predicate("killed", "killed", ValueKind.COUNT),
    Predicate("injured", "injured", ValueKind.COUNT),
    Predicate("detained", "detained", ValueKind.COUNT),
    Predicate("target", "target", ValueKind.TERM),
    Predicate("targeted_group", "targeted group", ValueKind.ACTOR),
    Predicate("perpetrator", "perpetrator", ValueKind.ACTOR),
    Predicate("place", "place", ValueKind.PLACE),
    Predicate("time", "time", ValueKind.TIME),
    Predicate("weapon", "weapon or platform", ValueKind.TERM),
    Predicate("motive", "motive", ValueKind.TERM),
    Predicate("evaluation", "evaluation", ValueKind.TEXT),
)
"""Predicates every dossier knows; a vocabulary may add more."""

BUILTIN_SOURCE_KINDS: tuple[str, ...] = (
    "armed_group",
    "government",
    "local_official",
    "medical",
    "military",
    "monitoring_group",
    "news_agency",
    "other",
    "state_media",
)
"""Kinds of source every dossier knows; a vocabulary may add more."""

_T = TypeVar("_T")


class _Tree(Generic[_T]):
    """Items by id with a parent link each; answers "is a within b" in O(depth)."""

    def __init__(self, items: Iterable[_T], key: Callable[[_T], str],
                 parent: Callable[[_T], str | None]) -> None:
        self.by_id: dict[str, _T] = {}
        for item in items:
            self.by_id.setdefault(key(item), item)
        self._parent = {ident: parent(item) for ident, item in self.by_id.items()}

    def lineage(self, ident: str) -> list[str]:
        """``ident`` then its ancestors, nearest first (stops at an unknown id or a cycle)."""
        chain: list[str] = []
        current: str | None = ident
        while current is not None and current not in chain:
            chain.append(current)
            current = self._parent.get(current)
        return chain

    def within(self, inner: str, outer: str) -> bool:
        return outer in self.lineage(inner)

    def problems(self, items: tuple[_T, ...], section: str, what: str,
                 key: Callable[[_T], str], link: str) -> list[Problem]:
        found: list[Problem] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            ident = key(item)
            path = f"$.{section}[{index}]"
            if ident in seen:
                found.append(Problem(f"{path}.id", f"duplicate {what} id {ident!r}"))
            seen.add(ident)
            parent = self._parent.get(ident) if self.by_id.get(ident) is item else None
            if parent is None:
                continue
            if parent not in self.by_id:
                found.append(Problem(f"{path}.{link}", f"unknown {what} {parent!r}"))
            elif ident in self.lineage(parent):
                found.append(Problem(
                    f"{path}.{link}", f"{what} {ident!r} lies within itself through {parent!r}"
                ))
        return found


_FOLD_DROP = re.compile("[\\s'\u2019\u02bc`\u00b4\\-_.]+")


def fold_name(name: str) -> str:
    """A name folded for alias lookup: case, accents, spaces, apostrophes and hyphens dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD_DROP.sub("", plain.casefold())


@attrs.frozen
class Vocabulary:
    """The terms a dossier's claims may use, and how they relate.

    Raises:
        DossierError: listing every duplicate id, unknown parent, cycle or bad exclusion.
    """

    categories: tuple[Category, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    predicates: tuple[Predicate, ...] = ()
    source_kinds: tuple[str, ...] = ()

    _categories: _Tree[Category] = attrs.field(init=False, repr=False, eq=False)
    _actors: _Tree[Actor] = attrs.field(init=False, repr=False, eq=False)
    _places: _Tree[Place] = attrs.field(init=False, repr=False, eq=False)
    _predicates: dict[str, Predicate] = attrs.field(init=False, repr=False, eq=False)
    _names: dict[str, str] = attrs.field(init=False, repr=False, eq=False)
    _nested: dict[tuple[Scope, Scope], bool] = attrs.field(init=False, repr=False, eq=False)
    _sections: dict[str, Mapping[str, object] | frozenset[str]] = attrs.field(
        init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        self._index()
        found = self.problems()
        if found:
            raise DossierError(found)

    @classmethod
    def unchecked(cls, **sections: tuple[Any, ...]) -> Vocabulary:
        """A vocabulary built without raising, for a reader that reports :meth:`problems`
        together with those of the rest of a document. Lookups stay safe (no cycles)."""
        self = cls.__new__(cls)
        for field in attrs.fields(cls):
            if field.init:
                object.__setattr__(self, field.name, tuple(sections.get(field.name, ())))
        self._index()
        return self

    def _index(self) -> None:
        put = object.__setattr__
        put(self, "_categories", _Tree(self.categories, lambda c: c.id, lambda c: c.parent))
        put(self, "_actors", _Tree(self.actors, lambda a: a.id, lambda a: a.parent))
        put(self, "_places", _Tree(self.places, lambda p: p.id, lambda p: p.within))
        predicates = {p.id: p for p in BUILTIN_PREDICATES}
        for predicate in self.predicates:
            predicates.setdefault(predicate.id, predicate)
        put(self, "_predicates", predicates)
        names: dict[str, str] = {}
        for actor in self.actors:
            for name in (actor.id, actor.name, *actor.aliases):
                names.setdefault(fold_name(name), actor.id)
        put(self, "_names", names)
        put(self, "_nested", {})
        put(self, "_sections", {
            "categories": self._categories.by_id,
            "actors": self._actors.by_id,
            "places": self._places.by_id,
            "predicates": self._predicates,
            "source_kinds": frozenset(BUILTIN_SOURCE_KINDS + self.source_kinds),
        })

    def problems(self) -> list[Problem]:
        """Everything wrong with this vocabulary, with paths relative to it."""
        found = [
            *self._categories.problems(
                self.categories, "categories", "category", lambda c: c.id, "parent"),
            *self._actors.problems(self.actors, "actors", "actor", lambda a: a.id, "parent"),
            *self._places.problems(self.places, "places", "place", lambda p: p.id, "within"),
        ]
        for index, exclusion in enumerate(self.exclusions):
            path = f"$.exclusions[{index}].categories"
            for position, ident in enumerate(exclusion.categories):
                if ident not in self._categories.by_id:
                    found.append(Problem(f"{path}[{position}]", f"unknown category {ident!r}"))
            for position, inner in enumerate(exclusion.categories):
                for outer in exclusion.categories[:position]:
                    if self.category_within(inner, outer) or self.category_within(outer, inner):
                        found.append(Problem(
                            path, f"nested categories cannot exclude each other: "
                                  f"{outer!r} and {inner!r}"))
        builtin = {p.id for p in BUILTIN_PREDICATES}
        seen: set[str] = set()
        for index, predicate in enumerate(self.predicates):
            if predicate.id in builtin or predicate.id in seen:
                found.append(Problem(
                    f"$.predicates[{index}].id", f"duplicate predicate id {predicate.id!r}"))
            seen.add(predicate.id)
        kinds: set[str] = set()
        for index, kind in enumerate(self.source_kinds):
            path = f"$.source_kinds[{index}]"
            try:
                check_id("source_kinds", kind)
            except ValidationError as exc:
                found.append(Problem(path, str(exc)))
            if kind in BUILTIN_SOURCE_KINDS or kind in kinds:
                found.append(Problem(path, f"duplicate source kind {kind!r}"))
            kinds.add(kind)
        return found

    def extended(self, *items: Category | Actor | Place | Exclusion | Predicate | str
                 ) -> Vocabulary:
        """This vocabulary with more terms, checked again: categories, actors, places,
        exclusions, predicates, and source kinds (as strings), in any mix.

        ``vocabulary.extended(Place("al-qaim", "Al-Qaim", within="iraq"))``
        """
        sections: dict[str, list[Any]] = {
            "categories": list(self.categories), "actors": list(self.actors),
            "places": list(self.places), "exclusions": list(self.exclusions),
            "predicates": list(self.predicates), "source_kinds": list(self.source_kinds),
        }
        kinds = {Category: "categories", Actor: "actors", Place: "places",
                 Exclusion: "exclusions", Predicate: "predicates", str: "source_kinds"}
        for item in items:
            section = kinds.get(type(item))
            if section is None:
                raise ValidationError(f"cannot add {item!r} to a vocabulary: expected a "
                                      "Category, Actor, Place, Exclusion, Predicate or str")
            sections[section].append(item)
        return Vocabulary(**{name: tuple(values) for name, values in sections.items()})

    # -- lookups ------------------------------------------------------------------------

    def category(self, ident: str) -> Category:
        """The category with this id."""
        return lookup(self._categories.by_id, ident, "category")

    def actor(self, ident: str) -> Actor:
        """The actor with this id."""
        return lookup(self._actors.by_id, ident, "actor")

    def place(self, ident: str) -> Place:
        """The place with this id."""
        return lookup(self._places.by_id, ident, "place")

    def predicate(self, ident: str) -> Predicate:
        """The predicate with this id, built in or declared here."""
        return lookup(self._predicates, ident, "predicate")

    def has(self, section: str, ident: str) -> bool:
        """Whether ``ident`` is declared in ``section`` (categories, actors, places,
        predicates, source_kinds)."""
        return ident in self._sections[section]

    def resolve_actor(self, name: str) -> Actor:
        """The actor a name or alias stands for, ignoring case, accents and punctuation.

        Raises:
            UnknownReferenceError: when no actor has this name or alias.
        """
        ident = self._names.get(fold_name(name))
        if ident is None:
            raise UnknownReferenceError(f"no actor is named {name!r}")
        return self.actor(ident)

    # -- relations ----------------------------------------------------------------------

    def category_within(self, inner: str, outer: str) -> bool:
        """Whether category ``inner`` is ``outer`` or lies within it (child within person)."""
        return self._categories.within(inner, outer)

    def actor_within(self, inner: str, outer: str) -> bool:
        """Whether actor ``inner`` is ``outer`` or belongs to it (a faction to its alliance)."""
        return self._actors.within(inner, outer)

    def place_within(self, inner: str, outer: str) -> bool:
        """Whether place ``inner`` is ``outer`` or lies within it (Abu Kamal within Syria)."""
        return self._places.within(inner, outer)

    def category_lineage(self, ident: str) -> list[str]:
        """``ident`` and every category it lies within, nearest first."""
        return self._categories.lineage(ident)

    def actor_lineage(self, ident: str) -> list[str]:
        """``ident`` and every actor it belongs to, nearest first."""
        return self._actors.lineage(ident)

    def place_lineage(self, ident: str) -> list[str]:
        """``ident`` and every place it lies within, nearest first."""
        return self._places.lineage(ident)

    def scope_within(self, inner: Scope, outer: Scope) -> bool:
        """Whether every part of ``inner`` lies within the same part of ``outer`` (an unset
        part of ``outer`` holds anything; an unset part of ``inner`` lies only in an unset one).
        """
        known = self._nested.get((inner, outer))
        if known is None:  # scopes repeat across a collection: remember each answer
            pairs = ((inner.category, outer.category, self.category_within),
                     (inner.actor, outer.actor, self.actor_within),
                     (inner.place, outer.place, self.place_within))
            known = all(o is None or (i is not None and within(i, o)) for i, o, within in pairs)
            self._nested[(inner, outer)] = known
        return known

    def summary_category(self, ident: str | None) -> str | None:
        """The nearest category marked ``summary`` that ``ident`` lies within, if any."""
        if ident is None:
            return None
        for candidate in self._categories.lineage(ident):
            category = self._categories.by_id.get(candidate)
            if category is not None and category.summary:
                return candidate
        return None

    def describe_scope(self, scope: Scope, n: int = 2) -> str:
        """Words for a scope, for a count of ``n``: "militiamen of Kata'ib Hezbollah"."""
        if scope.category is None:
            words = "person" if n == 1 else "people"
        else:
            category = self._categories.by_id.get(scope.category)
            words = category.label_for(n) if category else scope.category
        if scope.actor is not None:
            actor = self._actors.by_id.get(scope.actor)
            words += f" of {actor.name if actor else scope.actor}"
        if scope.place is not None:
            place = self._places.by_id.get(scope.place)
            words += f" in {place.name if place else scope.place}"
        return words

    def describe_value(self, value: Value) -> str:
        """A value in the vocabulary's words: a category's label, an actor's or place's name."""
        tables: tuple[tuple[type[_Reference], _Tree[Any], Callable[[Any], str]], ...] = (
            (Term, self._categories, lambda c: c.label),
            (ActorRef, self._actors, lambda a: a.name),
            (PlaceRef, self._places, lambda p: p.name),
        )
        for cls, tree, words in tables:
            if isinstance(value, cls) and value.id in tree.by_id:
                return words(tree.by_id[value.id])
        if isinstance(value, TimeSpan):
            return value.describe()
        return str(value)

    def exclusion_between(self, first: str, second: str) -> Exclusion | None:
        """The exclusion that makes two categories incompatible, if one does."""
        for exclusion in self.exclusions:
            hit_first = [c for c in exclusion.categories if self.category_within(first, c)]
            hit_second = [c for c in exclusion.categories if self.category_within(second, c)]
            if hit_first and hit_second and set(hit_first).isdisjoint(hit_second):
                return exclusion
        return None

