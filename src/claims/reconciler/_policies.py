"""Policies: the field's ways of turning a reconciled range into published figures. Each is
an object with one method, :meth:`Policy.estimate`; a new convention is a new subclass."""

from __future__ import annotations

import abc
from typing import ClassVar

import attrs

from claims.reconciler._results import CountResult


@attrs.frozen
class Estimate:
    """Figures chosen from a result by a :class:`Policy`; ``None`` where it gives none.

    Args:
        policy: The name of the policy that chose them.
        low: The low figure.
        best: The single best figure, if the policy gives one.
        high: The high figure.
        note: Why the figures are in doubt ("disputed: ..."), or empty.
    """

    policy: str
    low: int | None
    best: int | None
    high: int | None
    note: str = ""


class Policy(abc.ABC):
    """A convention for publishing a count result: ``policy.estimate(result)``.

    The conventions of the field are ready made: :attr:`CONSERVATIVE` (ACLED),
    :attr:`LOW_BEST_HIGH` (UCDP GED) and :attr:`MIN_MAX` (Airwars, Iraq Body Count).
    """

    name: ClassVar[str]
    CONSERVATIVE: ClassVar[Policy]
    LOW_BEST_HIGH: ClassVar[Policy]
    MIN_MAX: ClassVar[Policy]

    @abc.abstractmethod
    def estimate(self, result: CountResult) -> Estimate:
        """The figures this convention publishes for ``result``."""

    def __repr__(self) -> str:
        return f"Policy.{self.name.upper()}"


def _dispute(result: CountResult) -> str:
    return "" if result.contradiction is None else "disputed: " + result.contradiction.reason


class Conservative(Policy):
    """ACLED: one figure, the lowest any source reports; the dispute is noted, not averaged."""

    name = "conservative"

    def estimate(self, result: CountResult) -> Estimate:
        low = result.low.value
        return Estimate(self.name, low, low, low, _dispute(result))


class LowBestHigh(Policy):
    """UCDP GED: low and high are the lowest and highest reported figures; best is the
    smallest figure consistent with every claim (none when the claims contradict)."""

    name = "low_best_high"

    def estimate(self, result: CountResult) -> Estimate:
        best = None if result.feasible is None else result.feasible.low
        return Estimate(self.name, result.low.value, best, result.high.value, _dispute(result))


class MinMax(Policy):
    """Airwars and Iraq Body Count: the lowest and the highest reported figure."""

    name = "min_max"

    def estimate(self, result: CountResult) -> Estimate:
        return Estimate(self.name, result.low.value, None, result.high.value, _dispute(result))


Policy.CONSERVATIVE = Conservative()
Policy.LOW_BEST_HIGH = LowBestHigh()
Policy.MIN_MAX = MinMax()

POLICIES: tuple[Policy, ...] = (Policy.CONSERVATIVE, Policy.LOW_BEST_HIGH, Policy.MIN_MAX)
"""The field's conventions, in the order reports list their estimates."""
