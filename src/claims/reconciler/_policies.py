"""Policies: the field's ways of turning a reconciled range into published figures. Each is
an object with one method, :meth:`Policy.estimate`; a new convention is a new subclass."""

from __future__ import annotations

import abc
from typing import ClassVar

import attrs

from claims.model import Bound
from claims.reconciler._credibility import PERPETRATOR
from claims.reconciler._results import Contribution, CountResult
from claims.reconciler._severity import Severity


@attrs.frozen
class Estimate:
    """Figures chosen from a result by a :class:`Policy`; ``None`` where it gives none.

    Args:
        policy: The name of the policy that chose them.
        low: The low figure.
        best: The single best figure, if the policy gives one.
        high: The high figure.
        note: Why the figures are in doubt ("disputed: ..."), or empty.
        reasons: How the policy chose its figures, in sentences ("best 36: UN, reliability
            B, confirmed by ...; the army's 0 set aside as an interested party").
    """

    policy: str
    low: int | None
    best: int | None
    high: int | None
    note: str = ""
    reasons: tuple[str, ...] = ()


class Policy(abc.ABC):
    """A convention for publishing a count result: ``policy.estimate(result)``.

    The conventions of the field are ready made: :attr:`CONSERVATIVE` (ACLED),
    :attr:`LOW_BEST_HIGH` (UCDP GED), :attr:`MIN_MAX` (Airwars, Iraq Body Count) and
    :attr:`MOST_CREDIBLE` (a best figure from credibility, specificity, recency and
    independence, with its reasons). None of them averages figures.
    """

    name: ClassVar[str]
    CONSERVATIVE: ClassVar[Policy]
    LOW_BEST_HIGH: ClassVar[Policy]
    MIN_MAX: ClassVar[Policy]
    MOST_CREDIBLE: ClassVar[Policy]

    @abc.abstractmethod
    def estimate(self, result: CountResult) -> Estimate:
        """The figures this convention publishes for ``result``."""

    def __repr__(self) -> str:
        return f"Policy.{self.name.upper()}"


def _dispute(result: CountResult) -> str:
    if result.contradiction is None:
        return ""
    word = "disputed" if result.severity is Severity.CONTRADICTED else "figures vary"
    return f"{word}: {result.contradiction.reason}"


def _figure(c: Contribution) -> int:
    """The figure a statement gives as a single number: its own ("four", "about 50"), or the
    least its bound allows ("at least nine": 9; "more than 100": 101; a range: its low)."""
    if c.bound in (Bound.EXACT, Bound.APPROXIMATELY):
        return c.figures[0]
    if c.bound in (Bound.AT_MOST, Bound.FEWER_THAN):
        return c.stated.high if c.stated.high is not None else c.stated.low
    return c.stated.low


def _set_aside(result: CountResult, *, only: str | None = None
               ) -> tuple[list[Contribution], list[Contribution]]:
    """The statements a policy may use, and the interested ones it sets aside (only when
    some statement is not interested; ``only`` limits that to one kind of interest)."""
    figures = list(result.figures_from)
    neutral = [c for c in figures if not c.interested or (only and c.interested != only)]
    if neutral and len(neutral) < len(figures):
        return neutral, [c for c in figures if c.interested]
    return figures, []


def _aside_words(aside: list[Contribution]) -> tuple[str, ...]:
    return tuple(f"{c.name}'s “{c.wording}” set aside as an interested party ({c.interested})"
                 for c in aside)


class Conservative(Policy):
    """ACLED: one figure, the lowest credible one; the dispute is noted, not averaged. A
    perpetrator's exculpatory figure (its "no civilians") is set aside when an independent
    figure exists, and the estimate says so; a party's count of its own losses stays, as
    the lowest figure is the conservative one."""

    name = "conservative"

    def estimate(self, result: CountResult) -> Estimate:
        usable, aside = _set_aside(result, only=PERPETRATOR)
        low = min(_figure(c) for c in usable) if usable else result.low.value
        chosen = [c for c in usable if _figure(c) == low]
        reasons = (f"the lowest credible figure, {low}: "
                   + ", ".join(sorted({c.name for c in chosen})), *_aside_words(aside))
        return Estimate(self.name, low, low, low, _dispute(result), reasons)


class LowBestHigh(Policy):
    """UCDP GED: low and high are the lowest and highest reported figures; best is the most
    credible figure (:class:`MostCredible`), as UCDP takes its best from the most reliable
    source."""

    name = "low_best_high"

    def estimate(self, result: CountResult) -> Estimate:
        best = MostCredible().estimate(result)
        return Estimate(self.name, result.low.value, best.best, result.high.value,
                        _dispute(result), best.reasons)


_SPECIFIC = {Bound.EXACT: 0, Bound.APPROXIMATELY: 1, Bound.BETWEEN: 2, Bound.AT_LEAST: 3,
             Bound.MORE_THAN: 3, Bound.AT_MOST: 4, Bound.FEWER_THAN: 4, Bound.VAGUE: 5}
_RELIABLE = {letter: rank for rank, letter in enumerate("ABCDEF")}


class MostCredible(Policy):
    """One best figure, from the statement that ranks first by, in order: credibility (the
    Admiralty number: confirmed by independent sources first), the source's reliability
    (A-F; not judged counts as F), specificity (an exact figure before an approximate one,
    a range, a bound, a vague word), recency (the later publication), and claim id. An
    interested party's figure is set aside when an independent one exists. Low and high are
    the reported range. The estimate's reasons say why."""

    name = "most_credible"

    def estimate(self, result: CountResult) -> Estimate:
        usable, aside = _set_aside(result)
        if not usable:
            return Estimate(self.name, result.low.value, None, result.high.value,
                            _dispute(result), ("no statement gives a figure",))

        def rank(c: Contribution) -> tuple[object, ...]:
            grade = c.credibility
            recency = -c.published.timestamp() if c.published is not None else 0.0
            return (grade.credibility if grade else 6,
                    _RELIABLE.get(grade.reliability, 5) if grade else 5,
                    _SPECIFIC[c.bound], recency, c.claims)

        chosen = min(usable, key=rank)
        best = _figure(chosen)
        grade = chosen.credibility
        said = f"best {best}: {chosen.name} (“{chosen.wording}”; {', '.join(chosen.claims)})"
        if grade is not None:
            said += f", {grade}: " + "; ".join(grade.reasons)
        return Estimate(self.name, result.low.value, best, result.high.value,
                        _dispute(result), (said, *_aside_words(aside)))


class MinMax(Policy):
    """Airwars and Iraq Body Count: the lowest and the highest reported figure."""

    name = "min_max"

    def estimate(self, result: CountResult) -> Estimate:
        return Estimate(self.name, result.low.value, None, result.high.value, _dispute(result))


Policy.CONSERVATIVE = Conservative()
Policy.LOW_BEST_HIGH = LowBestHigh()
Policy.MIN_MAX = MinMax()
Policy.MOST_CREDIBLE = MostCredible()

POLICIES: tuple[Policy, ...] = (Policy.CONSERVATIVE, Policy.LOW_BEST_HIGH, Policy.MIN_MAX,
                                Policy.MOST_CREDIBLE)
"""The field's conventions, in the order reports list their estimates."""
