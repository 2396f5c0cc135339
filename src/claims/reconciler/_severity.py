"""How much sources disagree: an ordered scale, and the tolerance that separates figures that
vary from accounts that cannot both be true."""

from __future__ import annotations

import enum

import attrs

from claims.errors import ValidationError
from claims.model import Bound


class Severity(enum.Enum):
    """How much the claims about one group disagree, in increasing order."""

    CONSISTENT = "consistent"
    """Some number satisfies every claim (4 of one faction, at least 9 militiamen)."""
    VARY = "vary"
    """No number satisfies every claim, but the figures are counts that differ within the
    tolerance of casualty counting (38 and 49): tallies made at different times or with
    different completeness, not accounts that cannot both be true."""
    CONTRADICTED = "contradicted"
    """No reading satisfies both: zero against many, an explicit bound broken ("at least 80"
    against "none"), figures beyond the tolerance, a denial, exclusive categories, or a
    source's parts exceeding its own total."""

    @property
    def rank(self) -> int:
        """0, 1, 2: the order of the scale."""
        return _RANK[self]


_RANK = {Severity.CONSISTENT: 0, Severity.VARY: 1, Severity.CONTRADICTED: 2}

POINT_BOUNDS = frozenset({Bound.EXACT, Bound.APPROXIMATELY, Bound.BETWEEN})
"""Bounds that state figures rather than limits; only these can merely vary."""


@attrs.frozen
class Tolerance:
    """When figures that cannot all hold merely vary.

    Two figures vary when both are stated as figures (exact, approximate or a range, not a
    bound word or a denial), neither is zero, and the larger is at most ``ratio`` times the
    smaller or exceeds it by at most ``slack``. The defaults, a factor of two and two people,
    follow casualty counting practice: early tallies commonly stand at half the later toll
    (UCDP's high estimates often run to twice its low ones; ACLED revises figures as news
    arrives), and tallies of a few dead differ by one or two as bodies are identified.

    Args:
        ratio: The largest ratio of two figures that merely vary (>= 1).
        slack: The largest difference, in people, that merely varies (>= 0).
    """

    ratio: float = 2.0
    slack: int = 2

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.ratio, int | float) and self.ratio >= 1):
            raise ValidationError(f"'ratio' must be a number >= 1: ratio={self.ratio!r}")
        if isinstance(self.slack, bool) or not isinstance(self.slack, int) or self.slack < 0:
            raise ValidationError(f"'slack' must be a whole number >= 0: slack={self.slack!r}")

    def varies(self, floor: int, ceiling: int) -> bool:
        """Whether a floor above a ceiling is within the tolerance (both from figures)."""
        if ceiling <= 0:
            return False
        return floor - ceiling <= self.slack or floor <= ceiling * self.ratio


DEFAULT_TOLERANCE = Tolerance()
