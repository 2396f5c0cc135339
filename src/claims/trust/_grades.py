"""Admiralty grades from learned trust: a source's letter (A-F) read from the share of its
statements that held what the method believes, once it has been compared often enough."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise
from types import MappingProxyType
from typing import overload

import attrs

from claims.errors import ValidationError
from claims.model import Dossier, Reliability, Source
from claims.trust._results import SourceTrust, TrustEstimate

THRESHOLDS: Mapping[Reliability, float] = MappingProxyType({
    Reliability.A: 0.95,
    Reliability.B: 0.80,
    Reliability.C: 0.65,
    Reliability.D: 0.50,
})
"""The least accuracy for each grade; below the last, E. A: right nineteen times in twenty;
B: four in five; C: about two in three; D: at least half; E: wrong more often than right."""

MIN_COMPARED = 5
"""Fewer compared statements than this, and reliability cannot be judged: F."""


def grade(trust: SourceTrust | None, *, thresholds: Mapping[Reliability, float] = THRESHOLDS,
          min_compared: int = MIN_COMPARED) -> Reliability:
    """The Admiralty grade for one source's learned trust: F when it was compared on fewer
    than ``min_compared`` statements (or not at all), else the first grade whose threshold
    its accuracy reaches, else E.

    Raises:
        ValidationError: for thresholds that are not grades A-D falling from A, within 0..1.
    """
    _check(thresholds)
    if trust is None or trust.compared < min_compared:
        return Reliability.F
    for letter, least in thresholds.items():
        if trust.accuracy >= least:
            return letter
    return Reliability.E


@overload
def grade_sources(estimate: TrustEstimate, sources: Dossier, *,
                  thresholds: Mapping[Reliability, float] = ...,
                  min_compared: int = ...) -> Dossier: ...


@overload
def grade_sources(estimate: TrustEstimate, sources: Iterable[Source], *,
                  thresholds: Mapping[Reliability, float] = ...,
                  min_compared: int = ...) -> tuple[Source, ...]: ...


def grade_sources(estimate: TrustEstimate, sources: Dossier | Iterable[Source], *,
                  thresholds: Mapping[Reliability, float] = THRESHOLDS,
                  min_compared: int = MIN_COMPARED) -> Dossier | tuple[Source, ...]:
    """Sources with ``reliability`` set from an estimate (see :func:`grade`); a source the
    estimate did not compare, or compared too seldom, is F (cannot be judged), whatever it
    was graded before.

    Args:
        estimate: What :func:`estimate_trust` learned.
        sources: A dossier (a dossier is returned, its sources graded) or sources.
        thresholds: The least accuracy for A, B, C and D.
        min_compared: The fewest compared statements a grade other than F needs.
    """
    _check(thresholds)
    learned = {t.source: t for t in estimate.sources}
    given = sources.sources if isinstance(sources, Dossier) else tuple(sources)
    graded = tuple(attrs.evolve(s, reliability=grade(learned.get(s.id), thresholds=thresholds,
                                                     min_compared=min_compared))
                   for s in given)
    if isinstance(sources, Dossier):
        # Only the grades changed, and nothing refers to a grade: the checks still hold.
        return Dossier.unchecked(graded, sources.vocabulary, sources.events, sources.claims)
    return graded


_GRADED = (Reliability.A, Reliability.B, Reliability.C, Reliability.D)


def _check(thresholds: Mapping[Reliability, float]) -> None:
    values = [thresholds.get(letter) for letter in _GRADED]
    if (tuple(thresholds) != _GRADED
            or not all(isinstance(v, int | float) and 0 <= v <= 1 for v in values)
            or any(a is not None and b is not None and a < b
                   for a, b in pairwise(values))):
        shown = {k.value if isinstance(k, Reliability) else k: v for k, v in thresholds.items()}
        raise ValidationError("'thresholds' must give A, B, C and D, in that order, falling "
                              f"within 0..1: thresholds={shown!r}")
