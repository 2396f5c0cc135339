"""What reconciling needs besides the claims: the vocabulary, and the sources."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from claims.errors import MergeError
from claims.model import Claim, Coverage, Scope, Source, Vocabulary
from claims.reconciler._plans import Plan, plan_groups
from claims.reconciler._severity import DEFAULT_TOLERANCE, Tolerance


def _as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


@attrs.frozen
class Context:
    """What reconciling needs besides the claims: the vocabulary, and the sources (for their
    names and for which party each speaks for)."""

    vocabulary: Vocabulary = attrs.Factory(Vocabulary)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_as_tuple)
    tolerance: Tolerance = DEFAULT_TOLERANCE
    """When figures that cannot all hold merely vary (see :class:`Tolerance`)."""
    _by_id: dict[str, Source] = attrs.field(
        init=False, repr=False, eq=False,
        default=attrs.Factory(lambda self: {s.id: s for s in self.sources}, takes_self=True))
    _plans: dict[frozenset[Scope], Plan] = attrs.field(init=False, repr=False, eq=False,
                                                        factory=dict)
    _own_dead: dict[tuple[str, str], bool] = attrs.field(init=False, repr=False, eq=False,
                                                         factory=dict)

    def name(self, source: str) -> str:
        """A source's display name (its id when it is not known)."""
        known = self._by_id.get(source)
        return known.name if known else source

    def party(self, source: str) -> str:
        """Whom a source speaks for: its affiliation, or itself. Sources of one party are not
        independent of one another (the U.S. government and the U.S. military)."""
        known = self._by_id.get(source)
        return known.affiliation if known and known.affiliation else source

    def complete(self, claim: Claim) -> bool:
        """Whether a count is its source's whole account of the broader groups it lies within:
        as the coder marked it (``claim.coverage``), or else when a party counts its own dead
        (the claim's actor is the source's affiliation, or lies within it)."""
        coverage = claim.coverage
        if coverage is not None:
            return coverage is Coverage.COMPLETE
        return self._own(claim.provenance.source, claim.scope.actor)

    def reading(self, claim: Claim) -> str:
        """Why :meth:`complete` reads a claim as it does, in words for the report."""
        if claim.coverage is Coverage.COMPLETE:
            return "marked as the source's whole account"
        if claim.coverage is Coverage.PARTIAL:
            return "marked as a part"
        if self._own(claim.provenance.source, claim.scope.actor):
            return "the source's own dead"
        return "a part"

    def source(self, ident: str) -> Source | None:
        """The source with this id, if the context knows it."""
        return self._by_id.get(ident)

    def affiliation(self, source: str) -> str | None:
        """The actor a source speaks for, if known."""
        known = self._by_id.get(source)
        return known.affiliation if known else None

    def own_losses(self, claim: Claim) -> bool:
        """Whether a claim is a party's count of its own losses (its actor lies within the
        source's affiliation)."""
        return self._own(claim.provenance.source, claim.scope.actor)

    def _own(self, source: str, actor: str | None) -> bool:
        if actor is None:
            return False
        key = (source, actor)
        known = self._own_dead.get(key)
        if known is None:
            party = self._by_id.get(source)
            affiliation = party.affiliation if party is not None else None
            known = affiliation is not None and self.vocabulary.actor_within(actor, affiliation)
            self._own_dead[key] = known
        return known

    def plan(self, scopes: frozenset[Scope]) -> Plan:
        """The groups for a set of stated scopes (see :func:`plan_groups`), remembered."""
        plan = self._plans.get(scopes)
        if plan is None:
            plan = self._plans[scopes] = plan_groups(scopes, self.vocabulary)
        return plan

    def with_sources(self, sources: Iterable[Source]) -> Context:
        """This context with more sources; an id that means two different sources is refused."""
        merged = dict(self._by_id)
        for source in sources:
            if merged.setdefault(source.id, source) != source:
                raise MergeError(f"source {source.id!r} differs between the two sides: "
                                  f"{merged[source.id]!r} and {source!r}")
        if len(merged) == len(self._by_id):
            return self
        return Context(self.vocabulary, tuple(sorted(merged.values(), key=lambda s: s.id)),
                       self.tolerance)
