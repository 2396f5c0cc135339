"""TruthFinder (Yin, Han and Yu, KDD 2007; IEEE TKDE 2008): a source is as trustworthy as
its facts are likely, and a fact as likely as the sources behind it, and the facts that
imply it, are trustworthy.

With ``t(s)`` the trustworthiness of source ``s`` and ``τ(s) = -ln(1 - t(s))``, each round:

- ``σ(f) = Σ vote(c) · τ(source(c))`` over the claims ``c`` of fact ``f``;
- ``σ*(f) = σ(f) + ρ · Σ σ(f') · (imp(f' → f) - base)`` over the other facts ``f'`` of
  the same object: a fact within ``f`` supports it, one that excludes it counts against it;
- ``s(f) = 1 / (1 + exp(-γ · σ*(f)))``, the fact's confidence;
- ``t(s)`` = the mean confidence of the source's facts (weighted by its statements).

The paper's implication between facts becomes the relation of :mod:`claims.trust._relations`
(1 within, 1/2 overlapping, 0 apart). Its parameters are its defaults here.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from claims.trust._arrays import Arrays
from claims.trust._method import TrustMethod, within

_CEILING = 1 - 1e-12
"""Trustworthiness is kept below 1, where ``-ln(1 - t)`` has no value."""


@attrs.frozen
class TruthFinder(TrustMethod):
    """TruthFinder, with interval and nested values.

    Args:
        rho: ``ρ``, how much the other facts of an object weigh on a fact (0: not at all).
        gamma: ``γ``, the dampening that keeps confidences from all reaching 1 when several
            sources, not wholly independent, say the same.
        base: The implication at which another fact neither supports nor opposes: with 1/2,
            a fact within this one supports it, an overlapping one is neutral, and one that
            excludes it opposes it.
        initial: Every source's trustworthiness before the first round.
    """

    name: ClassVar[str] = "truthfinder"

    rho: float = attrs.field(default=0.5, validator=within(0, 1))
    gamma: float = attrs.field(default=0.3, validator=within(0, float("inf"), above_low=True))
    base: float = attrs.field(default=0.5, validator=within(0, 1))
    initial: float = attrs.field(default=0.9, validator=within(0, 1, above_low=True,
                                                                   below_high=True))

    def start(self, arrays: Arrays) -> tuple[Any, Any]:
        trust = arrays.np.full(arrays.sources, self.initial)
        return (trust, None), trust

    def step(self, arrays: Arrays, state: Any) -> tuple[Any, Any]:
        np = arrays.np
        trust, _ = state
        tau = -np.log1p(-np.minimum(trust, _CEILING))
        sigma = arrays.per_fact(arrays.claim_vote * tau[arrays.claim_source])
        adjusted = sigma + self.rho * arrays.implied(sigma, arrays.pair_implication - self.base)
        confidence = 1 / (1 + np.exp(-self.gamma * adjusted))
        trust = arrays.per_source(confidence[arrays.claim_fact])
        return (trust, confidence), trust

    def right(self, arrays: Arrays, state: Any) -> Any:
        return arrays.holding(*arrays.best_facts(state[1]))
