"""Time spans with a zone and a precision: "28 June 2021" is a whole local day, not midnight UTC."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from claims.errors import ValidationError, excerpt
from claims.model import _checks


class Precision(enum.Enum):
    """How finely a source stated a time."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    """"after midnight", "in the evening": a stretch of hours within a day."""
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


def _aware(_: object, attribute: attrs.Attribute[dt.datetime], value: object) -> None:
    field = attribute.name
    if not isinstance(value, dt.datetime):
        raise ValidationError(f"{field!r} must be a datetime: {field}={excerpt(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            f"{field!r} must carry a time zone (a bare time is ambiguous): "
            f"{field}={value.isoformat()}"
        )


@attrs.frozen
class TimeSpan:
    """A stretch of time ``[start, end)`` in a known zone, with the precision it was stated in.

    Spans from different zones compare by instant, so "after midnight" at UTC+3 on the 28th
    and "28 June" at UTC+3 overlap, whatever zone either is written in.

    Args:
        start: First instant (zone-aware).
        end: The instant just after the span (zone-aware), later than ``start``.
        precision: How finely the source stated the time.
        wording: The source's own words ("after midnight"), kept verbatim.

    Raises:
        ValidationError: for a naive datetime or ``end <= start``.
    """

    start: dt.datetime = attrs.field(validator=_aware)
    end: dt.datetime = attrs.field(validator=_aware)
    precision: Precision = attrs.field(
        default=Precision.SECOND, validator=_checks.of_type(Precision, "a Precision"))
    wording: str | None = attrs.field(default=None, validator=_checks.optional_text)

    @end.validator
    def _end_after_start(self, _: attrs.Attribute[dt.datetime], end: dt.datetime) -> None:
        if not end > self.start:
            raise ValidationError(
                f"'end' must be later than 'start': start={self.start.isoformat()}, "
                f"end={end.isoformat()}"
            )

    @classmethod
    def on(cls, day: dt.date, tz: dt.tzinfo, wording: str | None = None) -> TimeSpan:
        """The whole local day ``day`` in zone ``tz`` ("28 June 2021", local time UTC+3)."""
        start = dt.datetime(day.year, day.month, day.day, tzinfo=tz)
        return cls(start, _later(start, dt.timedelta(days=1)), Precision.DAY, wording)

    @classmethod
    def between(
        cls,
        start: dt.datetime,
        end: dt.datetime,
        precision: Precision,
        wording: str | None = None,
    ) -> TimeSpan:
        """From ``start`` up to (not including) ``end``."""
        return cls(start, end, precision, wording)

    @classmethod
    def at(cls, instant: dt.datetime, wording: str | None = None) -> TimeSpan:
        """The one second that begins at ``instant`` (an ISO timestamp)."""
        return cls(instant, _later(instant, dt.timedelta(seconds=1)), Precision.SECOND, wording)

    def in_zone(self, tz: dt.tzinfo) -> TimeSpan:
        """The same span written in another zone (the same instants).

        Raises:
            ValidationError: when the zone would write it past the year 9999 or before 1.
        """
        try:
            return attrs.evolve(self, start=self.start.astimezone(tz),
                                end=self.end.astimezone(tz))
        except OverflowError:
            raise ValidationError(f"{self.describe()} cannot be written in zone {tz}: it would "
                                  "fall after the year 9999 (or before 1)") from None

    def overlaps(self, other: TimeSpan) -> bool:
        """Whether some instant lies in both spans."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: TimeSpan) -> bool:
        """Whether ``other`` lies wholly within this span."""
        return self.start <= other.start and other.end <= self.end

    def describe(self) -> str:
        """The span in ISO 8601 at its own precision and zone."""
        if self.precision is Precision.DAY and self.end - self.start == dt.timedelta(days=1):
            return f"{self.start.date().isoformat()} (UTC{_offset(self.start)})"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __str__(self) -> str:
        if self.wording is not None:
            return f"{self.wording} [{self.describe()}]"
        return self.describe()


def _later(moment: dt.datetime, length: dt.timedelta) -> dt.datetime:
    try:
        return moment + length
    except OverflowError:
        raise ValidationError(f"a span from {moment.isoformat()} would end after the year "
                              "9999, where a datetime ends") from None


def _offset(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
