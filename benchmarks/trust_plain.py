"""The three trust methods written plainly, in loops over lists, for ``trust.py`` to time the
library's numpy versions against (and to check they agree).

Each follows ``claims.trust`` rule for rule (votes, implication, ties, components, expected
loss over equally good truths); only the arithmetic is Python's. Each returns
``(scores, accuracies, iterations, change, converged)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from claims.trust import Evidence

TIE = 1e-9

Outcome = tuple[list[float], list[float], int, float, bool]


class _Plain:
    """The evidence as lists, and the reductions the methods share."""

    def __init__(self, evidence: Evidence) -> None:
        self.sources = len(evidence.sources)
        self.facts = len(evidence.fact_object)
        self.fact_object = list(evidence.fact_object)
        self.claims = list(zip(evidence.claim_source, evidence.claim_fact, evidence.claim_vote,
                               evidence.claim_own, strict=True))
        self.pairs = list(zip(evidence.pair_from, evidence.pair_to, evidence.pair_implication,
                              strict=True))
        self.candidate_object = list(evidence.candidate_object)
        self.rows = list(zip(evidence.row_candidate, evidence.row_fact, evidence.row_loss,
                             strict=True))
        self.own_total = [0.0] * self.sources
        for source, _, _, own in self.claims:
            self.own_total[source] += own
        self.objects = len(evidence.objects)
        self.component = self._components()
        self.fact_component = [0] * self.facts
        for source, fact, _, _ in self.claims:
            self.fact_component[fact] = self.component[source]

    def _components(self) -> list[int]:
        parent = list(range(self.sources))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first: dict[int, int] = {}
        for source, fact, _, _ in self.claims:
            obj = self.fact_object[fact]
            if obj in first:
                parent[root(source)] = root(first[obj])
            else:
                first[obj] = source
        roots = [root(i) for i in range(self.sources)]
        number = {r: n for n, r in enumerate(dict.fromkeys(roots))}
        return [number[r] for r in roots]

    def per_source(self, per_claim: list[float]) -> list[float]:
        total = [0.0] * self.sources
        for (source, _, _, own), value in zip(self.claims, per_claim, strict=True):
            total[source] += own * value
        return [t / o for t, o in zip(total, self.own_total, strict=True)]

    def best(self, values: list[float], owners: list[int], highest: bool
             ) -> tuple[list[bool], list[int]]:
        extreme: dict[int, float] = {}
        for value, owner in zip(values, owners, strict=True):
            known = extreme.get(owner)
            if known is None or (value > known if highest else value < known):
                extreme[owner] = value
        best, ties = [], [0] * self.objects
        for value, owner in zip(values, owners, strict=True):
            top = extreme[owner]
            slack = TIE * max(1.0, abs(top))
            hit = value >= top - slack if highest else value <= top + slack
            best.append(hit)
            ties[owner] += hit
        return best, ties

    def holding(self, best: list[bool], ties: list[int]) -> list[float]:
        held = [1.0 if b else 0.0 for b in best]
        for a, b, implication in self.pairs:
            if best[b] and implication > 0:
                held[a] += 1
        return [h / ties[o] for h, o in zip(held, self.fact_object, strict=True)]

    def scaled(self, values: list[float], component: list[int]) -> list[float]:
        top: dict[int, float] = {}
        for value, c in zip(values, component, strict=True):
            top[c] = max(top.get(c, 0.0), value)
        return [v / top[c] if top[c] > 0 else 1.0 for v, c in zip(values, component,
                                                                 strict=True)]


def _run(plain: _Plain, start: list[float], step: Callable[[Any], tuple[Any, list[float]]],
         state: Any, max_iterations: int, tolerance: float) -> tuple[Any, list[float], int,
                                                                     float, bool]:
    scores, iterations, change, converged = start, 0, 0.0, False
    while iterations < max_iterations and not converged:
        state, updated = step(state)
        change = max(abs(a - b) for a, b in zip(updated, scores, strict=True))
        scores, iterations = updated, iterations + 1
        converged = change < tolerance
    return state, scores, iterations, change, converged


def truthfinder(evidence: Evidence, max_iterations: int = 100, tolerance: float = 1e-6, *,
                rho: float = 0.5, gamma: float = 0.3, base: float = 0.5,
                initial: float = 0.9) -> Outcome:
    plain = _Plain(evidence)

    def step(state: Any) -> tuple[Any, list[float]]:
        trust, _ = state
        tau = [-math.log1p(-min(t, 1 - 1e-12)) for t in trust]
        sigma = [0.0] * plain.facts
        for source, fact, vote, _ in plain.claims:
            sigma[fact] += vote * tau[source]
        implied = [0.0] * plain.facts
        for a, b, implication in plain.pairs:
            implied[b] += sigma[a] * (implication - base)
        confidence = [1 / (1 + math.exp(-gamma * (s + rho * i)))
                      for s, i in zip(sigma, implied, strict=True)]
        trust = plain.per_source([confidence[fact] for _, fact, _, _ in plain.claims])
        return (trust, confidence), trust

    start = [initial] * plain.sources
    state, scores, iterations, change, converged = _run(
        plain, start, step, (start, None), max_iterations, tolerance)
    right = plain.holding(*plain.best(state[1], plain.fact_object, highest=True))
    accuracy = plain.per_source([right[fact] for _, fact, _, _ in plain.claims])
    return scores, accuracy, iterations, change, converged


def sums(evidence: Evidence, max_iterations: int = 100, tolerance: float = 1e-6) -> Outcome:
    plain = _Plain(evidence)

    def step(state: Any) -> tuple[Any, list[float]]:
        trust, _ = state
        held = [0.0] * plain.facts
        for source, fact, vote, _ in plain.claims:
            held[fact] += vote * trust[source]
        implied = [0.0] * plain.facts
        for a, b, implication in plain.pairs:
            implied[b] += held[a] * implication
        belief = plain.scaled([h + i for h, i in zip(held, implied, strict=True)],
                              plain.fact_component)
        total = [0.0] * plain.sources
        for source, fact, _, own in plain.claims:
            total[source] += own * belief[fact]
        trust = plain.scaled(total, plain.component)
        return (trust, belief), trust

    start = [1.0] * plain.sources
    state, scores, iterations, change, converged = _run(
        plain, start, step, (start, None), max_iterations, tolerance)
    right = plain.holding(*plain.best(state[1], plain.fact_object, highest=True))
    accuracy = plain.per_source([right[fact] for _, fact, _, _ in plain.claims])
    return scores, accuracy, iterations, change, converged


def crh(evidence: Evidence, max_iterations: int = 100, tolerance: float = 1e-6, *,
        smoothing: float = 0.01) -> Outcome:
    plain = _Plain(evidence)

    def step(state: Any) -> tuple[Any, list[float]]:
        weight, _ = state
        backing = [0.0] * plain.facts
        for source, fact, vote, _ in plain.claims:
            backing[fact] += vote * weight[source]
        objective = [0.0] * len(plain.candidate_object)
        for candidate, fact, loss in plain.rows:
            objective[candidate] += loss * backing[fact]
        truths, ties = plain.best(objective, plain.candidate_object, highest=False)
        fact_loss, fact_right = [0.0] * plain.facts, [0.0] * plain.facts
        for candidate, fact, loss in plain.rows:
            if truths[candidate]:
                share = 1 / ties[plain.candidate_object[candidate]]
                fact_loss[fact] += loss * share
                fact_right[fact] += (loss == 0) * share
        losses = plain.per_source([fact_loss[fact] for _, fact, _, _ in plain.claims])
        total = sum(losses)
        weight = [math.log((total + smoothing) / (loss + smoothing)) for loss in losses]
        top = max(weight)
        score = [w / top for w in weight] if top > 0 else [1.0] * len(weight)
        return (weight, fact_right), score

    start = [1.0] * plain.sources
    state, scores, iterations, change, converged = _run(
        plain, start, step, (start, None), max_iterations, tolerance)
    accuracy = plain.per_source([state[1][fact] for _, fact, _, _ in plain.claims])
    return scores, accuracy, iterations, change, converged


METHODS: dict[str, Callable[..., Outcome]] = {
    "truthfinder": truthfinder, "sums": sums, "crh": crh}
