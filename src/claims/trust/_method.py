"""What a truth-discovery method is: parameters, a starting state, and a round that updates
the sources' scores from the facts' support and the facts' support from the scores.

:func:`claims.trust.estimate_trust` runs the rounds until the scores settle."""

from __future__ import annotations

import abc
from typing import Any, ClassVar

import attrs

from claims.errors import ValidationError
from claims.trust._arrays import Arrays


class TrustMethod(abc.ABC):
    """A truth-discovery method: subclasses are frozen attrs classes of their parameters.

    A method keeps whatever state it needs between rounds (beliefs, weights, truths); the
    driver only reads the sources' scores, one number from 0 to 1 per source.
    """

    name: ClassVar[str]

    @abc.abstractmethod
    def start(self, arrays: Arrays) -> tuple[Any, Any]:
        """The state before the first round, and the sources' scores in it."""

    @abc.abstractmethod
    def step(self, arrays: Arrays, state: Any) -> tuple[Any, Any]:
        """One round: the next state, and the sources' scores in it."""

    @abc.abstractmethod
    def right(self, arrays: Arrays, state: Any) -> Any:
        """For each fact, whether it holds the value the method believes for its object."""


def within(low: float, high: float, *, above_low: bool = False,
           below_high: bool = False) -> Any:
    """An attrs validator for a number in ``low..high`` (``above_low``/``below_high``
    exclude that end), naming the field and showing the value."""
    lower = ">" if above_low else ">="
    upper = "<" if below_high else "<="

    def check(_: Any, attribute: attrs.Attribute[float], value: object) -> None:
        name = attribute.name
        ok = (isinstance(value, int | float) and not isinstance(value, bool)
              and (value > low if above_low else value >= low)
              and (value < high if below_high else value <= high))
        if not ok:
            limit = (f"{lower} {low}" if high == float("inf")
                     else f"{lower} {low} and {upper} {high}")
            raise ValidationError(f"{name!r} must be a number {limit}: {name}={value!r}")

    return check
