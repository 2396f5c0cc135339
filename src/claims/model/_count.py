"""Counts with bounds: what a source says about how many, kept with its own wording."""

from __future__ import annotations

import enum

import attrs

from claims.errors import ValidationError, excerpt
from claims.model import _checks


class Bound(enum.Enum):
    """How a source bounded its figure."""

    EXACT = "exact"
    """"four members": low == high."""
    AT_LEAST = "at_least"
    """"at least nine": no upper bound."""
    AT_MOST = "at_most"
    """"up to twenty": low is 0."""
    MORE_THAN = "more_than"
    """"more than 100": no upper bound; low is one more than the number said (101), which
    is kept apart from the number itself so that reports say "more than 100"."""
    FEWER_THAN = "fewer_than"
    """"fewer than ten": low is 0, high one less than the number said (9)."""
    BETWEEN = "between"
    """"between 100 and 300"."""
    APPROXIMATELY = "approximately"
    """"about 50": a band around a stated ``best`` figure."""
    VAGUE = "vague"
    """"many", "dozens": bounds from a vocabulary of vague words; ``wording`` is required."""


@attrs.frozen
class Interval:
    """The whole numbers ``low..high`` inclusive; ``high`` None means no upper bound.

    Like :class:`Count`, intervals have no total order: use :meth:`contains`,
    :meth:`intersection` and :meth:`within`.
    """

    low: int = attrs.field(validator=_checks.count)
    high: int | None = attrs.field(default=None, validator=_checks.optional_count)

    @high.validator
    def _high_not_below_low(self, _: attrs.Attribute[int | None], high: int | None) -> None:
        if high is not None and self.low > high:
            raise ValidationError(
                f"'low' must be <= 'high': low={excerpt(self.low)}, high={excerpt(high)}")

    def contains(self, n: int) -> bool:
        """Whether ``n`` lies in the interval."""
        return self.low <= n and (self.high is None or n <= self.high)

    def within(self, other: Interval) -> bool:
        """Whether every number of this interval lies in ``other``."""
        if self.low < other.low:
            return False
        if other.high is None:
            return True
        return self.high is not None and self.high <= other.high

    def intersection(self, other: Interval) -> Interval | None:
        """The numbers in both, or None when there are none."""
        low = max(self.low, other.low)
        highs = [h for h in (self.high, other.high) if h is not None]
        high = min(highs) if highs else None
        if high is not None and low > high:
            return None
        return Interval(low, high)

    def describe(self) -> str:
        """"9 or more", "4", "4–9"."""
        if self.high is None:
            return f"{self.low} or more"
        if self.low == self.high:
            return str(self.low)
        return f"{self.low}–{self.high}"

    def __str__(self) -> str:
        return self.describe()


@attrs.frozen(cache_hash=True)
class Count:
    """A count of people or things with its bounds, e.g. "at least nine" is ``[9, open)``.

    Counts have no total order (like intervals): compare them with :meth:`contains`,
    :meth:`overlaps` and :meth:`intersection`, not ``<``.

    Args:
        low: The smallest number the wording allows (0 or more).
        high: The largest, or ``None`` when the wording sets no upper bound.
        bound: The kind of bound the source used.
        best: The figure the source named when it gave one inside a band ("about 50");
            set to ``low`` for exact counts.
        wording: The source's own words for the figure ("at least nine"), kept verbatim.

    Raises:
        ValidationError: for negative numbers, ``low > high``, or a bound kind that the
            numbers contradict (an exact count with two ends, an "at least" with a high).
    """

    low: int = attrs.field(validator=_checks.count)
    high: int | None = attrs.field(default=None, validator=_checks.optional_count)
    bound: Bound = attrs.field(default=Bound.EXACT, validator=_checks.of_type(Bound, "a Bound"))
    best: int | None = attrs.field(default=None, validator=_checks.optional_count)
    """Set to ``low`` for an exact count when not given."""
    wording: str | None = attrs.field(default=None, validator=_checks.optional_text)
    interval: Interval = attrs.field(init=False, eq=False, repr=False, default=attrs.Factory(
        lambda self: Interval(self.low, self.high), takes_self=True))
    """The numbers this count allows (built first, so its checks of low and high come first)."""
    least: int = attrs.field(init=False, eq=False, repr=False, default=attrs.Factory(
        lambda self: min(self.figures), takes_self=True))
    """The smallest of :attr:`figures` (kept, as reconciling asks for it often)."""
    most: int = attrs.field(init=False, eq=False, repr=False, default=attrs.Factory(
        lambda self: max(self.figures), takes_self=True))
    """The largest of :attr:`figures`."""

    def __attrs_post_init__(self) -> None:
        bound, low, high, best = self.bound, self.low, self.high, self.best
        problem = hint = None
        if bound is Bound.EXACT and high != low:
            problem = "an exact count needs high == low"
            n, m = excerpt(low), excerpt(high)
            if high is None:
                hint = f"exactly {n} is Count.exact({n}); {n} or more, Count.at_least({n})"
            elif high > low:
                hint = f"{n} to {m} is Count.between({n}, {m})"
        elif bound is Bound.AT_LEAST and high is not None:
            problem = "an 'at least' count has no high (None)"
        elif bound is Bound.AT_MOST and (high is None or low != 0):
            problem = "an 'at most' count needs low == 0 and a high"
        elif bound is Bound.MORE_THAN and (high is not None or low < 1):
            problem = "a 'more than' count needs low >= 1 (one more than the number said) " \
                      "and no high"
        elif bound is Bound.FEWER_THAN and (high is None or low != 0):
            problem = "a 'fewer than' count needs low == 0 and a high (one less than the " \
                      "number said)"
        elif bound is Bound.BETWEEN and high is None:
            problem = "a 'between' count needs a high"
        elif bound is Bound.APPROXIMATELY and (high is None or best is None):
            problem = "an approximate count needs a high and a best figure"
        elif bound is Bound.VAGUE:
            _checks.check_text("wording", self.wording)
        if problem:
            raise ValidationError(
                f"{problem}: bound={bound.value!r}, low={excerpt(low)}, high={excerpt(high)}, "
                f"best={excerpt(best)}"
                + (f" ({hint})" if hint else ""))
        if best is not None and not self.interval.contains(best):
            raise ValidationError(
                f"'best' must lie within low..high: best={excerpt(best)}, low={excerpt(low)}, "
                f"high={excerpt(high)}")
        if best is None and bound is Bound.EXACT:
            # An exact count's best figure is its number; attrs has no default that reads
            # two other fields and stays out of the written file, so it is set here.
            object.__setattr__(self, "best", low)

    # -- constructors -------------------------------------------------------------------

    @classmethod
    def exact(cls, n: int, wording: str | None = None) -> Count:
        """Exactly ``n`` ("four members")."""
        return cls(n, n, Bound.EXACT, wording=wording)

    @classmethod
    def at_least(cls, n: int, wording: str | None = None) -> Count:
        """``n`` or more, open above ("at least nine")."""
        return cls(n, None, Bound.AT_LEAST, wording=wording)

    @classmethod
    def at_most(cls, n: int, wording: str | None = None) -> Count:
        """From 0 to ``n`` ("up to twenty")."""
        return cls(0, n, Bound.AT_MOST, wording=wording)

    @classmethod
    def more_than(cls, n: int, wording: str | None = None) -> Count:
        """More than ``n``, open above ("more than 100": 101 or more)."""
        return cls(n + 1, None, Bound.MORE_THAN, wording=wording)

    @classmethod
    def fewer_than(cls, n: int, wording: str | None = None) -> Count:
        """Fewer than ``n`` ("fewer than ten": 0 to 9); ``n`` must be at least 1."""
        if isinstance(n, int) and not isinstance(n, bool) and n < 1:
            raise ValidationError(f"'fewer than' needs a number of at least 1: n={n}")
        return cls(0, n - 1, Bound.FEWER_THAN, wording=wording)

    @classmethod
    def between(cls, low: int, high: int, wording: str | None = None) -> Count:
        """From ``low`` to ``high`` inclusive ("between 100 and 300")."""
        return cls(low, high, Bound.BETWEEN, wording=wording)

    @classmethod
    def approximately(
        cls, best: int, low: int, high: int, wording: str | None = None
    ) -> Count:
        """About ``best``, read as the band ``low..high`` ("about 50" as 45..55)."""
        return cls(low, high, Bound.APPROXIMATELY, best=best, wording=wording)

    @classmethod
    def vague(cls, wording: str, low: int, high: int | None = None) -> Count:
        """A vague quantity ("many") with the bounds a vocabulary gives its word."""
        return cls(low, high, Bound.VAGUE, wording=wording)

    # -- queries ------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """True when the count has no upper bound."""
        return self.high is None

    def contains(self, n: int) -> bool:
        """Whether the number ``n`` is allowed by this count."""
        return self.low <= n and (self.high is None or n <= self.high)

    @property
    def figures(self) -> tuple[int, ...]:
        """The numbers the source named, as opposed to the ones its bounds allow: 9 for "at
        least nine", 5 for "at most five", 100 for "more than 100", 10 for "fewer than ten",
        100 and 300 for "between 100 and 300", 50 for "about 50"; for a vague word, the low
        bound of its reading."""
        if self.bound is Bound.AT_MOST:
            return (self.low if self.high is None else self.high,)
        if self.bound is Bound.MORE_THAN:
            return (self.low - 1,)
        if self.bound is Bound.FEWER_THAN and self.high is not None:
            return (self.high + 1,)
        if self.bound is Bound.BETWEEN and self.high is not None:
            return (self.low, self.high)
        if self.bound is Bound.APPROXIMATELY and self.best is not None:
            return (self.best,)
        return (self.low,)

    def overlaps(self, other: Count) -> bool:
        """Whether some number is allowed by both counts."""
        return self.intersection(other) is not None

    def intersection(self, other: Count) -> Interval | None:
        """The numbers both counts allow, or None when there are none."""
        return self.interval.intersection(other.interval)

    def describe(self) -> str:
        """Canonical English for the bounds, independent of the wording."""
        if self.bound is Bound.EXACT:
            return str(self.low)
        if self.bound is Bound.AT_LEAST:
            return f"at least {self.low}"
        if self.bound is Bound.AT_MOST:
            return f"at most {self.high}"
        if self.bound is Bound.MORE_THAN:
            return f"more than {self.low - 1}"
        if self.bound is Bound.FEWER_THAN and self.high is not None:
            return f"fewer than {self.high + 1}"
        if self.bound is Bound.APPROXIMATELY:
            return f"about {self.best} ({self.low}-{self.high})"
        if self.high is None:
            return f"{self.low} or more"
        return f"{self.low}-{self.high}"

    def __str__(self) -> str:
        return self.wording if self.wording is not None else self.describe()
