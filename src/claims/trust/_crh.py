"""CRH, conflict resolution on heterogeneous data (Li, Li, Gao, Su, Zhao, Fan and Han,
SIGMOD 2014): the truths are what the weighted sources' claims lose least against, and a
source weighs more the less it loses against the truths.

Each round, from every source's weight ``w``:

- each object's truth is the candidate ``v`` with the least ``Σ vote(c) · w(source(c)) ·
  loss(v, c)``: for a count, the figure nearest to the weighted claims (the loss is how far
  it lies outside the claim's interval, over the spread of the object's figures, the paper's
  normalised absolute deviation; the least is always at an end of some interval, so those
  are the candidates); for a fact, the value most weight agrees with (0-1 loss); when
  several candidates are equally good, each is taken as equally likely;
- each source's loss ``L(s)`` is the mean loss of its claims against those truths (the
  paper sums; a mean does not punish a source for speaking often);
- ``w(s) = ln((Σ L + ε) / (L(s) + ε))``, the paper's weight with a smoothing ``ε`` so that a
  source never yet wrong does not weigh without end.

Weights start equal (the first truths are the weighted medians and majorities). The score
of a source is its weight over the largest (all 1 when every source's loss is the same).
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from claims.trust._arrays import Arrays
from claims.trust._method import TrustMethod, within


@attrs.frozen
class CRH(TrustMethod):
    """CRH, with intervals for counts and agreement (equal or nested) for facts.

    Args:
        smoothing: ``ε``, added to each source's loss and to the total, so that a source
            never wrong weighs ``ln(Σ L / ε + 1)`` at most rather than without end.
    """

    name: ClassVar[str] = "crh"

    smoothing: float = attrs.field(default=0.01, validator=within(0, float("inf"),
                                                                   above_low=True))

    def start(self, arrays: Arrays) -> tuple[Any, Any]:
        weight = arrays.np.ones(arrays.sources)
        return (weight, None), weight

    def step(self, arrays: Arrays, state: Any) -> tuple[Any, Any]:
        np = arrays.np
        weight, _ = state
        backing = arrays.per_fact(arrays.claim_vote * weight[arrays.claim_source])
        objective = np.bincount(arrays.row_candidate,
                                weights=arrays.row_loss * backing[arrays.row_fact],
                                minlength=arrays.candidates)
        fact_loss, fact_right = self._losses(arrays, *arrays.best_candidates(objective))
        loss = arrays.per_source(fact_loss[arrays.claim_fact])
        eps = self.smoothing
        weight = np.log((loss.sum() + eps) / (loss + eps))
        top = weight.max()
        score = weight / top if top > 0 else np.ones_like(weight)
        return (weight, fact_right), score

    def right(self, arrays: Arrays, state: Any) -> Any:
        return state[1]

    @staticmethod
    def _losses(arrays: Arrays, truths: Any, ties: Any) -> tuple[Any, Any]:
        """Each fact's loss against its object's truth, and whether it holds it; where
        several candidates are equally good, each is equally likely the truth, and both are
        means over them."""
        np = arrays.np
        rows = truths[arrays.row_candidate]
        share = rows / ties[arrays.candidate_object[arrays.row_candidate]]
        loss = np.bincount(arrays.row_fact, weights=arrays.row_loss * share,
                           minlength=arrays.facts)
        right = np.bincount(arrays.row_fact, weights=(arrays.row_loss == 0) * share,
                            minlength=arrays.facts)
        return loss, right
