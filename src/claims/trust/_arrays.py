"""The evidence as numpy arrays (the ``trust`` extra), with the reductions every method
shares: a weighted mean per source, the best facts or candidates of each object (all of
them when several are equally good), and the sources' connected components."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import attrs

from claims._extras import require
from claims.trust._evidence import Evidence

TIE = 1e-9
"""Values this close (relative to their size, at least 1) are equally good, so that rounding
in a sum never decides between two facts."""


def numpy() -> ModuleType:
    """numpy, or :class:`claims.errors.MissingExtraError` naming the ``trust`` extra."""
    return require("numpy", extra="trust", feature="estimate_trust")


def _starts(np: ModuleType, owners: Any) -> Any:
    """Where each owner's run begins in an array sorted by owner (each owner has one)."""
    if len(owners) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], owners[1:] != owners[:-1])))


@attrs.frozen(eq=False)
class Arrays:
    """:class:`Evidence` columns as numpy arrays, and the reductions over them."""

    np: ModuleType
    sources: int
    claim_source: Any
    claim_fact: Any
    claim_vote: Any
    claim_own: Any
    fact_object: Any
    fact_starts: Any
    pair_from: Any
    pair_to: Any
    pair_implication: Any
    candidate_object: Any
    candidate_starts: Any
    row_candidate: Any
    row_fact: Any
    row_loss: Any
    own_total: Any
    """Each source's total weight in its own score: its compared statements, its several
    statements about one group counting as one."""
    source_component: Any
    """For each source, the connected set of sources it belongs to (sources are connected
    when they speak to one object), numbered from 0."""
    fact_component: Any
    """For each fact, the component of the sources that claim it."""

    @classmethod
    def of(cls, evidence: Evidence) -> Arrays:
        np = numpy()

        def ints(column: Any) -> Any:
            return np.frombuffer(column, dtype=np.int64) if len(column) else np.zeros(
                0, dtype=np.int64)

        def floats(column: Any) -> Any:
            return np.frombuffer(column, dtype=np.float64) if len(column) else np.zeros(0)

        claim_source, claim_own = ints(evidence.claim_source), floats(evidence.claim_own)
        claim_fact = ints(evidence.claim_fact)
        sources = len(evidence.sources)
        fact_object = ints(evidence.fact_object)
        candidate_object = ints(evidence.candidate_object)
        component = _components(np, sources, claim_source, fact_object[claim_fact])
        fact_component = np.zeros(len(fact_object), dtype=np.int64)
        fact_component[claim_fact] = component[claim_source]
        return cls(
            np, sources, claim_source, claim_fact, floats(evidence.claim_vote),
            claim_own, fact_object, _starts(np, fact_object), ints(evidence.pair_from),
            ints(evidence.pair_to), floats(evidence.pair_implication),
            candidate_object, _starts(np, candidate_object), ints(evidence.row_candidate),
            ints(evidence.row_fact), floats(evidence.row_loss),
            np.bincount(claim_source, weights=claim_own, minlength=sources),
            component, fact_component)

    @property
    def facts(self) -> int:
        return len(self.fact_object)

    @property
    def candidates(self) -> int:
        return len(self.candidate_object)

    def per_source(self, per_claim: Any) -> Any:
        """The mean of a value over each source's claims, weighted by their weight in it."""
        total = self.np.bincount(self.claim_source, weights=self.claim_own * per_claim,
                                 minlength=self.sources)
        return total / self.own_total

    def per_fact(self, per_claim: Any) -> Any:
        """A value summed over each fact's claims."""
        return self.np.bincount(self.claim_fact, weights=per_claim, minlength=self.facts)

    def implied(self, per_fact: Any, implication: Any) -> Any:
        """For each fact, the sum over the other facts of its object of their value times
        ``implication`` (one number per pair)."""
        return self.np.bincount(self.pair_to, weights=per_fact[self.pair_from] * implication,
                                minlength=self.facts)

    def best_facts(self, per_fact: Any) -> tuple[Any, Any]:
        """The facts with the highest value in their object (several when equally good), as
        a mask over facts, and how many each object has."""
        return _best(self.np, per_fact, self.fact_object, self.fact_starts, highest=True)

    def best_candidates(self, per_candidate: Any) -> tuple[Any, Any]:
        """The candidates with the lowest value in their object, as :meth:`best_facts`."""
        return _best(self.np, per_candidate, self.candidate_object, self.candidate_starts,
                     highest=False)

    def holding(self, best: Any, ties: Any) -> Any:
        """For each fact, the share of its object's best facts it holds: it is one, or it
        overlaps one (a fact that leaves the best possible is not wrong). Equally good facts
        are equally likely, so a fact that holds one of two scores 1/2."""
        np = self.np
        towards = best[self.pair_to]
        held = np.bincount(self.pair_from[towards],
                           weights=(self.pair_implication[towards] > 0).astype(float),
                           minlength=self.facts)
        return (held + best) / ties[self.fact_object]

    def scaled(self, values: Any, component: Any) -> Any:
        """Values divided by the largest in their component (all 1 where that is 0): the
        sources of one component are compared with one another, never with another's."""
        np = self.np
        top = np.zeros(int(component.max()) + 1 if len(component) else 0)
        np.maximum.at(top, component, values)
        tops = top[component]
        return np.where(tops > 0, values / np.where(tops > 0, tops, 1.0), 1.0)

    def accuracy(self, right: Any) -> Any:
        """Each source's weighted share of claims whose fact is right."""
        return self.per_source(right[self.claim_fact].astype(float))


def _best(np: ModuleType, values: Any, owners: Any, starts: Any, *,
          highest: bool) -> tuple[Any, Any]:
    if len(values) == 0:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64)
    extreme = (np.maximum if highest else np.minimum).reduceat(values, starts)[owners]
    slack = TIE * np.maximum(1.0, np.abs(extreme))
    best = values >= extreme - slack if highest else values <= extreme + slack
    return best, np.bincount(owners, weights=best, minlength=len(starts))


def _components(np: ModuleType, sources: int, claim_source: Any, claim_object: Any) -> Any:
    """Connected components of the sources, linked through the objects they share."""
    parent = list(range(sources))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if len(claim_source):
        first = claim_source[_starts(np, claim_object)][
            np.cumsum(np.concatenate(([0], claim_object[1:] != claim_object[:-1])))]
        for a, b in np.unique(np.stack((claim_source, first), axis=1), axis=0).tolist():
            parent[root(a)] = root(b)
    roots = [root(i) for i in range(sources)]
    number = {r: n for n, r in enumerate(dict.fromkeys(roots))}
    return np.array([number[r] for r in roots], dtype=np.int64)
