"""Sums, or hubs and authorities (Pasternack and Roth, COLING 2010, after Kleinberg's HITS):
a source's trust is the sum of the beliefs in its facts, a fact's belief the sum of the
trust of the sources behind it.

Each round, from every source's trust ``T``:

- ``V(f) = Σ vote(c) · T(source(c))`` over the claims ``c`` of fact ``f``;
- ``B(f) = V(f) + Σ imp(f' → f) · V(f')`` over the other facts ``f'`` of the same object
  (a claim of "12" also backs "at least 9"; one of "at least 9" half backs "between 5 and
  12"); beliefs are divided by the largest;
- ``T(s) = Σ own(c) · B(fact(c))`` over the source's claims, divided by the largest.

It is the power iteration of a non-negative matrix, so it converges to its principal
eigenvector; every source starts at 1. Sources that never meet (no object links them,
even through others) are compared only within their own component: scores are divided by
the largest in the component, or the smaller component's scores would fade to 0 as its
eigenvalue loses to the larger one's. Sums adds: a source that speaks to more groups
gathers more trust, which suits collections where sources speak to similar numbers of
events (TruthFinder and CRH average instead).
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from claims.trust._arrays import Arrays
from claims.trust._method import TrustMethod


@attrs.frozen
class Sums(TrustMethod):
    """Sums (hubs and authorities), with implication between interval and nested values."""

    name: ClassVar[str] = "sums"

    def start(self, arrays: Arrays) -> tuple[Any, Any]:
        trust = arrays.np.ones(arrays.sources)
        return (trust, None), trust

    def step(self, arrays: Arrays, state: Any) -> tuple[Any, Any]:
        np = arrays.np
        trust, _ = state
        held = arrays.per_fact(arrays.claim_vote * trust[arrays.claim_source])
        belief = arrays.scaled(held + arrays.implied(held, arrays.pair_implication),
                               arrays.fact_component)
        total = np.bincount(arrays.claim_source,
                            weights=arrays.claim_own * belief[arrays.claim_fact],
                            minlength=arrays.sources)
        trust = arrays.scaled(total, arrays.source_component)
        return (trust, belief), trust

    def right(self, arrays: Arrays, state: Any) -> Any:
        return arrays.holding(*arrays.best_facts(state[1]))
