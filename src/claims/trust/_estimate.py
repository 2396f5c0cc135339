"""``estimate_trust``: each source's reliability, learned from its agreement with the other
sources over many events, by a published truth-discovery method."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from claims.errors import ValidationError
from claims.model import Dossier
from claims.report import Report
from claims.trust._arrays import Arrays
from claims.trust._crh import CRH
from claims.trust._evidence import Evidence, gather_evidence
from claims.trust._method import TrustMethod
from claims.trust._results import SourceTrust, TrustEstimate
from claims.trust._sums import Sums
from claims.trust._truthfinder import TruthFinder

METHODS: Mapping[str, TrustMethod] = MappingProxyType({
    method.name: method for method in (TruthFinder(), Sums(), CRH())})
"""Each method by name, with its default parameters."""


def estimate_trust(
    data: Report | Dossier | Evidence,
    *,
    method: str | TrustMethod = "truthfinder",
    max_iterations: int = 100,
    tolerance: float = 1e-6,
) -> TrustEstimate:
    """Each source's trust, learned from how far it agrees with the other sources on the
    groups they both speak to (``docs/reconciliation.md``, "Trust learned across events").

    Args:
        data: A report, a dossier (reconciled first), or evidence already gathered from one
            (:func:`gather_evidence`: gather once to run several methods).
        method: ``"truthfinder"``, ``"sums"`` or ``"crh"`` (see :data:`METHODS`), or a
            method with other parameters (``TruthFinder(gamma=0.2)``).
        max_iterations: Rounds to run at most.
        tolerance: Stop when no source's score changes by this much in a round.

    Returns:
        Every compared source's score and accuracy, with the rounds run, the last change and
        whether it converged.

    Raises:
        ValidationError: for an unknown method, fewer than one round or a tolerance that is
            not positive.
        MissingExtraError: without the ``trust`` extra (numpy).
    """
    chosen = _method(method)
    if isinstance(max_iterations, bool) or not isinstance(max_iterations, int) or (
            max_iterations < 1):
        raise ValidationError(
            f"'max_iterations' must be an integer >= 1: max_iterations={max_iterations!r}")
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or tolerance <= 0:
        raise ValidationError(f"'tolerance' must be a number > 0: tolerance={tolerance!r}")
    evidence = data if isinstance(data, Evidence) else gather_evidence(data)
    arrays = Arrays.of(evidence)
    if not evidence.sources:
        return TrustEstimate(chosen, (), 0, 0, 0.0, True)
    state, scores = chosen.start(arrays)
    iterations, change, converged = 0, 0.0, False
    while iterations < max_iterations and not converged:
        state, updated = chosen.step(arrays, state)
        change = float(abs(updated - scores).max())
        scores, iterations = updated, iterations + 1
        converged = change < tolerance
    accuracy = arrays.accuracy(chosen.right(arrays, state))
    trust = tuple(SourceTrust(source, _unit(score), _unit(right), compared)
                  for source, score, right, compared in zip(
                      evidence.sources, scores.tolist(), accuracy.tolist(), evidence.compared,
                      strict=True))
    return TrustEstimate(chosen, trust, len(evidence.objects), iterations, change, converged)


def _method(method: str | TrustMethod) -> TrustMethod:
    if isinstance(method, TrustMethod):
        return method
    found = METHODS.get(method) if isinstance(method, str) else None
    if found is None:
        raise ValidationError(f"'method' must be one of {', '.join(map(repr, METHODS))} or a "
                              f"TrustMethod: method={method!r}")
    return found


def _unit(value: float) -> float:
    """A score or share kept within 0..1 (a mean of numbers in it may stray by a rounding)."""
    return min(1.0, max(0.0, value))
