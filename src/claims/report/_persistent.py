"""A mapping whose new versions share nearly all their structure with the old ones.

``Report.add`` returns a new report that differs from the old in the few summaries the new
claims touch. Copying a dict of 100,000 events for that takes milliseconds; a
:class:`PersistentMap` instead keeps the old version's dict as its base, shared and never
written to again, and the changes in a small hash trie whose nodes are copied only along the
path to what changed: a version costs what it changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar, cast

K = TypeVar("K")
V = TypeVar("V")

_BITS = 5
_WIDTH = 1 << _BITS
_MASK = _WIDTH - 1
_LEAF = 8
"""Entries a leaf holds before it splits into a node of its own."""
_HASH_BITS = 64
"""Past these bits of a hash, a leaf holds every key that is left (keys whose hashes agree)."""

_Node = list[Any]
"""An inner node of the trie: ``_WIDTH`` slots, each None, a leaf (a small dict of keys
whose hashes agree so far) or a node one level down. Never changed once built."""

_MISSING: Any = object()


def _find(node: _Node, key: object, hashed: int) -> Any:
    shift = 0
    while True:
        slot = node[(hashed >> shift) & _MASK]
        if slot is None:
            return _MISSING
        if type(slot) is dict:
            return slot.get(key, _MISSING)
        node = slot
        shift += _BITS


def _with(node: _Node, key: object, hashed: int, value: object, shift: int) -> _Node:
    """``node`` with ``key`` set, sharing every slot off the path to it."""
    index = (hashed >> shift) & _MASK
    slot = node[index]
    copy = node.copy()
    if slot is None:
        copy[index] = {key: value}
    elif type(slot) is dict:
        leaf = dict(slot)
        leaf[key] = value
        if len(leaf) > _LEAF and shift + _BITS < _HASH_BITS:
            child: _Node = [None] * _WIDTH
            for known, held in leaf.items():
                child = _with(child, known, hash(known), held, shift + _BITS)
            copy[index] = child
        else:
            copy[index] = leaf
    else:
        copy[index] = _with(slot, key, hashed, value, shift + _BITS)
    return copy


def _entries(node: _Node) -> Iterator[tuple[Any, Any]]:
    nodes = [node]
    while nodes:
        for slot in nodes.pop():
            if slot is None:
                continue
            if type(slot) is dict:
                yield from slot.items()
            else:
                nodes.append(slot)


class PersistentMap(Mapping[K, V], Generic[K, V]):
    """An immutable mapping; :meth:`update` returns a new version and leaves this one as it
    was, at a cost in proportion to the entries it sets (times the log of their number).

    Reading an entry looks in the changes, then in the base. :meth:`flat` gives the whole as
    one dict (a C-level copy of the base, the changes written over it) and keeps it as this
    version's new base, so the copy is made once.
    """

    __slots__ = ("_base", "_changes", "_size")

    def __init__(self, base: dict[K, V] | None = None) -> None:
        """A map of ``base``, which the map takes over: it must not be changed afterwards."""
        self._base: dict[K, V] = {} if base is None else base
        self._changes: _Node | None = None
        self._size = len(self._base)

    def update(self, entries: Iterable[tuple[K, V]]) -> PersistentMap[K, V]:
        """A new version with ``entries`` set (later ones win); this one is unchanged."""
        changes = self._changes or [None] * _WIDTH
        size = self._size
        for key, value in entries:
            hashed = hash(key)
            if _find(changes, key, hashed) is _MISSING and key not in self._base:
                size += 1
            changes = _with(changes, key, hashed, value, 0)
        version: PersistentMap[K, V] = PersistentMap(self._base)
        version._changes, version._size = changes, size
        return version

    def flat(self) -> dict[K, V]:
        """Every entry in one dict, to read and never to change (it is this map's own)."""
        if self._changes is not None:
            whole = dict(self._base)
            whole.update(_entries(self._changes))
            self._base, self._changes = whole, None
        return self._base

    def get(self, key: K, default: Any = None) -> Any:
        if self._changes is not None:
            found = _find(self._changes, key, hash(key))
            if found is not _MISSING:
                return found
        return self._base.get(key, default)

    def __getitem__(self, key: K) -> V:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return cast(V, found)

    def __contains__(self, key: object) -> bool:
        return self.get(cast(K, key), _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[K]:
        return iter(self.flat())

    def __len__(self) -> int:
        return self._size

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PersistentMap):
            return NotImplemented
        return self is other or (self._size == other._size and self.flat() == other.flat())

    def __hash__(self) -> int:
        return hash(frozenset(self.flat().items()))

    def __repr__(self) -> str:
        return f"PersistentMap({self.flat()!r})"
