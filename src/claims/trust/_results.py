"""What estimating trust returns: each source's score and accuracy, and how the iteration
ended."""

from __future__ import annotations

import attrs

from claims._html import table
from claims.errors import UnknownReferenceError
from claims.trust._method import TrustMethod


@attrs.frozen
class SourceTrust:
    """One source's trust, as one method learned it.

    Args:
        source: The source's id.
        score: The method's score, from 0 to 1: TruthFinder's trustworthiness (the mean
            confidence of the source's facts); for Sums and CRH, the source's score over the
            best source's (so the best scores 1, and scores compare within one estimate).
        accuracy: The share of the source's compared statements that hold the value the
            method believes for their group (the interval contains the figure; the value
            agrees). Comparable between methods and between estimates; the Admiralty grade
            is read from it.
        compared: How many of the source's statements were compared with another party's.
    """

    source: str
    score: float
    accuracy: float
    compared: int


@attrs.frozen
class TrustEstimate:
    """Each source's trust as one method learned it from the agreement between sources.

    Args:
        method: The method and its parameters.
        sources: One entry per source compared, by id.
        objects: How many groups the sources were compared on.
        iterations: How many rounds the method ran.
        change: The largest change of any source's score in the last round.
        converged: Whether that change fell below the tolerance before the rounds ran out.
    """

    method: TrustMethod
    sources: tuple[SourceTrust, ...]
    objects: int
    iterations: int
    change: float
    converged: bool

    def __getitem__(self, source: str) -> SourceTrust:
        for trust in self.sources:
            if trust.source == source:
                return trust
        raise UnknownReferenceError(
            f"source {source!r} was not compared (it gives no figure or value that another "
            "party also speaks to)")

    def scores(self) -> dict[str, float]:
        """Each source's score, by id."""
        return {t.source: t.score for t in self.sources}

    def ranking(self) -> tuple[str, ...]:
        """The sources, most trusted first (equal scores by id)."""
        return tuple(t.source for t in sorted(self.sources, key=lambda t: (-t.score, t.source)))

    def _repr_html_(self) -> str:
        rounds = _many(self.iterations, "round")
        state = (f"converged after {rounds}" if self.converged else
                 f"not converged after {rounds} (last change {self.change:.2g})")
        return table(("source", "score", "accuracy", "compared"), (
            (t.source, f"{t.score:.3f}", f"{t.accuracy:.3f}", t.compared)
            for t in sorted(self.sources, key=lambda t: (-t.score, t.source))),
            f"{self.method.name}: {_many(len(self.sources), 'source')} on "
            f"{_many(self.objects, 'group')}, {state}")


def _many(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
