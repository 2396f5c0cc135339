"""Vocabularies declared as data: categories, actors and places in hierarchies, exclusions,
predicates and source kinds. The reconciler asks them which values nest and which conflict."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar, cast

import attrs

from claims.errors import Problem, UnknownReferenceError, ValidationError, excerpt
from claims.model import _checks
from claims.model._checks import check_id, lookup
from claims.model._scope import Scope
from claims.model._values import ValueKind


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

    id: str = attrs.field(validator=_checks.slug)
    label: str = attrs.field(validator=_checks.text)
    plural: str | None = attrs.field(default=None, validator=_checks.optional_text)
    parent: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.texts)
    summary: bool = attrs.field(default=False, validator=_checks.of_type(bool, "True or False"))

    def label_for(self, n: int) -> str:
        """The label to put after the number ``n``."""
        if n == 1:
            return self.label
        return self.plural if self.plural is not None else self.label + "s"


@attrs.frozen
class Actor:
    """A party to events: a state, a force, a faction; ``parent`` is what it belongs to."""

    id: str = attrs.field(validator=_checks.slug)
    name: str = attrs.field(validator=_checks.text)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.texts)
    parent: str | None = attrs.field(default=None, validator=_checks.optional_slug)


@attrs.frozen
class Place:
    """A named place; ``within`` is the place that contains it (Abu Kamal within Deir ez-Zor)."""

    id: str = attrs.field(validator=_checks.slug)
    name: str = attrs.field(validator=_checks.text)
    within: str | None = attrs.field(default=None, validator=_checks.optional_slug)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.texts)


@attrs.frozen
class Exclusion:
    """Categories that cannot all describe the same thing (and neither can their subcategories),
    e.g. a civilian object and a military object."""

    categories: tuple[str, ...] = attrs.field(
        converter=_checks.as_tuple, validator=_checks.slugs)
    reason: str | None = attrs.field(default=None, validator=_checks.optional_text)

    @categories.validator
    def _at_least_two(self, _: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if len(value) < 2:
            raise ValidationError(
                f"'categories' must name at least two categories: categories={excerpt(value)}")


@attrs.frozen
class Predicate:
    """What a claim can be about ("killed") and the kind of value it takes."""

    id: str = attrs.field(validator=_checks.slug)
    label: str = attrs.field(validator=_checks.text)
    value: ValueKind = attrs.field(validator=_checks.of_type(ValueKind, "a ValueKind"))


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

VocabularyItem = Category | Actor | Place | Exclusion | Predicate | str
"""What :meth:`Vocabulary.add` takes (a string is a source kind)."""

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
    """Items by id with a parent link each.

    Built in one walk of the hierarchy (time linear in the number of items), which numbers
    each item as it is entered and left: then "is a within b" takes constant time, however
    deep the hierarchy. A cycle (invalid, but a vocabulary built unchecked may hold one) is
    walked from one of its items; everything on it lies within everything on it.
    """

    def __init__(self, items: Iterable[_T], key: Callable[[_T], str],
                 parent: Callable[[_T], str | None]) -> None:
        self.by_id: dict[str, _T] = {}
        for item in items:
            self.by_id.setdefault(key(item), item)
        self._parent = {ident: parent(item) for ident, item in self.by_id.items()}
        self._children: dict[str, list[str]] = {}
        roots = []
        for ident, above in self._parent.items():
            if above is None or above not in self.by_id:
                roots.append(ident)
            else:
                self._children.setdefault(above, []).append(ident)
        self._enter: dict[str, int] = {}
        self._leave: dict[str, int] = {}
        self.cyclic: dict[str, str] = {}
        """Each item on a cycle, and the item its cycle was walked from."""
        self._above_cycle: dict[str, str] = {}
        """Each item on or below a cycle, and the item that cycle was walked from."""
        for root in roots:
            self._walk(root, None)
        for ident in self._parent:
            if ident not in self._enter:  # on a cycle, or below one
                self._walk(self._cycle_from(ident), self._above_cycle)

    def _walk(self, root: str, marks: dict[str, str] | None) -> None:
        clock = len(self._enter) + len(self._leave)
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            ident, leaving = stack.pop()
            if leaving:
                self._leave[ident] = clock
            else:
                self._enter[ident] = clock
                if marks is not None:
                    marks[ident] = root
                stack.append((ident, True))
                stack.extend((child, False) for child in reversed(self._children.get(ident, ()))
                             if child != root)
            clock += 1

    def _cycle_from(self, ident: str) -> str:
        """The cycle above an item not yet walked: its items recorded, one of them returned."""
        path: dict[str, None] = {}
        current = ident
        while current not in path:
            path[current] = None
            current = cast(str, self._parent[current])
        cycle = list(path)
        for item in cycle[cycle.index(current):]:
            self.cyclic[item] = current
        return current

    def lineage(self, ident: str) -> list[str]:
        """``ident`` then its ancestors, nearest first (stops at an unknown id or a cycle)."""
        chain: dict[str, None] = {}
        current: str | None = ident
        while current is not None and current not in chain:
            chain[current] = None
            current = self._parent.get(current)
        return list(chain)

    def within(self, inner: str, outer: str) -> bool:
        """Whether ``inner`` is ``outer`` or lies within it."""
        if inner == outer:
            return True
        if inner not in self._enter or outer not in self._enter:  # an unknown id
            return outer in self.lineage(inner)
        if self._enter[outer] < self._enter[inner] and self._leave[inner] < self._leave[outer]:
            return True
        cycle = self.cyclic.get(outer)
        return cycle is not None and self._above_cycle.get(inner) == cycle

    def nested(self, idents: tuple[str, ...]) -> list[tuple[int, int]]:
        """Positions ``(i, j)``, ``i < j``, of listed items of which one lies within the other:
        for each item, the nearest listed item it lies within (one sweep in walk order, not
        every pair)."""
        pairs: set[tuple[int, int]] = set()
        known = sorted((self._enter[ident], position) for position, ident in enumerate(idents)
                       if ident in self._enter)
        open_: list[int] = []  # listed items whose walk has not been left yet
        alone = []  # listed items within no other listed one, as walked
        for enter, position in known:
            while open_ and self._leave[idents[open_[-1]]] < enter:
                open_.pop()
            if open_:
                pairs.add((min(open_[-1], position), max(open_[-1], position)))
            else:
                alone.append(position)
            open_.append(position)
        on_cycles: dict[str, list[int]] = {}  # by cycle: the listed items on it
        for position, ident in enumerate(idents):
            if ident in self.cyclic:
                on_cycles.setdefault(self.cyclic[ident], []).append(position)
        for position in alone:  # yet what lies on or below a cycle lies within its items
            listed = on_cycles.get(self._above_cycle.get(idents[position], ""), [])
            other = next((p for p in listed[:2] if p != position), None)
            if other is not None:
                pairs.add((min(other, position), max(other, position)))
        return sorted(pairs, key=lambda pair: (pair[1], pair[0]))

    def problems(self, items: tuple[_T, ...], section: str, what: str,
                 key: Callable[[_T], str], link: str) -> list[Problem]:
        found: list[Problem] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            ident = key(item)
            path = f"$.{section}[{index}]"
            if ident in seen:
                found.append(Problem(f"{path}.id", f"duplicate {what} id {excerpt(ident)}"))
            seen.add(ident)
            parent = self._parent.get(ident) if self.by_id.get(ident) is item else None
            if parent is None:
                continue
            if parent not in self.by_id:
                found.append(Problem(f"{path}.{link}", f"unknown {what} {excerpt(parent)}"))
            elif ident in self.cyclic:
                found.append(Problem(f"{path}.{link}", f"{what} {excerpt(ident)} lies within "
                                                       f"itself through {excerpt(parent)}"))
        return found


_FOLD_DROP = re.compile("[\\s'\u2018\u2019\u02bc\u02be\u02bf`\u00b4\\-_.]+")


def fold_name(name: str) -> str:
    """A name folded for alias lookup: case, accents, spaces, apostrophes (and the ʿayn and
    hamza marks of transliterated Arabic: "Kataʾib") and hyphens dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD_DROP.sub("", plain.casefold())


def _source_kind(_: object, attribute: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
    """Source kinds are checked with the rest of the vocabulary (see ``problems``), so a
    reader can place each bad one; here only that they are strings."""
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise ValidationError(f"'{attribute.name}[{index}]' must be a string: "
                                  f"{attribute.name}[{index}]={excerpt(value)}")


def _members(items: object, kind: type[_T]) -> list[_T]:
    """The items of ``kind`` in a section. Indexes are built before the fields are validated;
    whatever is left out here is refused by the field's validator, by name."""
    return [i for i in items if isinstance(i, kind)] if isinstance(items, tuple) else []


def _tree(section: str, parent: str) -> Any:
    def build(self: Vocabulary) -> _Tree[Any]:
        # built before the fields are validated: an item of the wrong kind is left out here
        # and refused by the field's validator
        kind = {"categories": Category, "actors": Actor, "places": Place}[section]
        return _Tree(_members(getattr(self, section), kind), lambda i: i.id,
                     lambda i: getattr(i, parent))

    return attrs.field(init=False, repr=False, eq=False,
                       default=attrs.Factory(build, takes_self=True))


@attrs.frozen(init=False)
class Vocabulary:
    """The terms a dossier's claims may use, and how they relate.

    Sections may be given as lists; they are kept as tuples, so vocabularies compare and hash
    by value.

    Raises:
        ValidationError: listing every duplicate id, unknown parent, cycle or bad exclusion
            (``problems`` holds them, with paths such as ``$.categories[2].parent``).
    """

    categories: tuple[Category, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Category, "a Category"))
    actors: tuple[Actor, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Actor, "an Actor"))
    places: tuple[Place, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Place, "a Place"))
    exclusions: tuple[Exclusion, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Exclusion, "an Exclusion"))
    predicates: tuple[Predicate, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_checks.items(Predicate, "a Predicate"))
    source_kinds: tuple[str, ...] = attrs.field(
        default=(), converter=_checks.as_tuple,
        validator=_source_kind)

    _categories: _Tree[Category] = _tree("categories", "parent")  # noqa: RUF009
    _actors: _Tree[Actor] = _tree("actors", "parent")  # noqa: RUF009
    _places: _Tree[Place] = _tree("places", "within")  # noqa: RUF009
    _predicates: dict[str, Predicate] = attrs.field(
        init=False, repr=False, eq=False,
        default=attrs.Factory(lambda self: self._predicate_table(), takes_self=True))
    _names: dict[str, str] = attrs.field(
        init=False, repr=False, eq=False,
        default=attrs.Factory(lambda self: self._name_table(), takes_self=True))
    _nested: dict[tuple[Scope, Scope], bool] = attrs.field(
        init=False, repr=False, eq=False, factory=dict)
    _disjoint: dict[tuple[Scope, Scope], bool] = attrs.field(
        init=False, repr=False, eq=False, factory=dict)

    def __init__(self, categories: Iterable[Category] = (), actors: Iterable[Actor] = (),
                 places: Iterable[Place] = (), exclusions: Iterable[Exclusion] = (),
                 predicates: Iterable[Predicate] = (), source_kinds: Iterable[str] = ()
                 ) -> None:
        self.__attrs_init__(categories, actors, places, exclusions, predicates, source_kinds)
        found = self.problems()
        if found:
            raise ValidationError(problems=found)

    @classmethod
    def unchecked(cls, **sections: tuple[Any, ...]) -> Vocabulary:
        """A vocabulary built without raising, for a reader that reports :meth:`problems`
        together with those of the rest of a document. Lookups stay safe (no cycles)."""
        self = cls.__new__(cls)
        self.__attrs_init__(**sections)  # type: ignore[arg-type]  # sections are by name
        return self

    def _predicate_table(self) -> dict[str, Predicate]:
        predicates = {p.id: p for p in BUILTIN_PREDICATES}
        for predicate in _members(self.predicates, Predicate):
            predicates.setdefault(predicate.id, predicate)
        return predicates

    def _name_table(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for actor in _members(self.actors, Actor):
            for name in (actor.id, actor.name, *actor.aliases):
                names.setdefault(fold_name(name), actor.id)
        return names

    def _section(self, section: str) -> Mapping[str, object] | frozenset[str]:
        if section == "categories":
            return self._categories.by_id
        if section == "actors":
            return self._actors.by_id
        if section == "places":
            return self._places.by_id
        if section == "predicates":
            return self._predicates
        if section == "source_kinds":
            return frozenset(BUILTIN_SOURCE_KINDS + self.source_kinds)
        raise UnknownReferenceError(f"unknown vocabulary section {excerpt(section)}")

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
            listed = exclusion.categories
            for position, ident in enumerate(listed):
                if ident not in self._categories.by_id:
                    found.append(Problem(f"{path}[{position}]",
                                         f"unknown category {excerpt(ident)}"))
            for first, second in self._categories.nested(listed):
                found.append(Problem(path, f"nested categories cannot exclude each other: "
                                           f"{excerpt(listed[first])} and "
                                           f"{excerpt(listed[second])}"))
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
                found.append(Problem(path, f"duplicate source kind {excerpt(kind)}"))
            kinds.add(kind)
        return found

    def add(self, *items: VocabularyItem) -> Vocabulary:
        """This vocabulary with more terms, checked again: categories, actors, places,
        exclusions, predicates, and source kinds (as strings), in any mix.

        ``vocabulary.add(Place("al-qaim", "Al-Qaim", within="iraq"))``
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
                raise ValidationError(f"cannot add {excerpt(item)} to a vocabulary: expected a "
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
        return ident in self._section(section)

    def resolve_actor(self, name: str) -> Actor:
        """The actor a name or alias stands for, ignoring case, accents and punctuation.

        Raises:
            UnknownReferenceError: when no actor has this name or alias.
        """
        ident = self._names.get(fold_name(name))
        if ident is None:
            raise UnknownReferenceError(f"no actor is named {excerpt(name)}")
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

    def scopes_disjoint(self, first: Scope, second: Scope) -> bool:
        """Whether two scopes count different people or things: some part is set in both and
        neither value lies within the other (civilians and combatants; fighters of two
        factions; the dead of two towns). Categories on different branches of the hierarchy
        are read as different people; the hierarchy is a taxonomy."""
        known = self._disjoint.get((first, second))
        if known is None:
            pairs = ((first.category, second.category, self.category_within),
                     (first.actor, second.actor, self.actor_within),
                     (first.place, second.place, self.place_within))
            known = any(a is not None and b is not None and not within(a, b)
                        and not within(b, a) for a, b, within in pairs)
            self._disjoint[(first, second)] = known
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

    def exclusion_between(self, first: str, second: str) -> Exclusion | None:
        """The exclusion that makes two categories incompatible, if one does."""
        for exclusion in self.exclusions:
            hit_first = [c for c in exclusion.categories if self.category_within(first, c)]
            hit_second = [c for c in exclusion.categories if self.category_within(second, c)]
            if hit_first and hit_second and set(hit_first).isdisjoint(hit_second):
                return exclusion
        return None

