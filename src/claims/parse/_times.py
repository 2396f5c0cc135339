"""Times from what sources say: dates, months, years, time stamps and parts of the day, as
zone-aware spans with their precision."""

from __future__ import annotations

import datetime as dt
import re

from claims.errors import ParseError
from claims.model import Precision, TimeSpan
from claims.parse._excerpts import excerpt

_MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names}
_PARTS_OF_DAY = {  # words -> (first hour, hours long)
    "after midnight": (0, 6), "early morning": (4, 4), "dawn": (4, 4), "morning": (6, 6),
    "midday": (11, 2), "noon": (11, 2), "afternoon": (12, 6), "evening": (18, 6),
    "night": (20, 10), "overnight": (20, 10),
}
"""Parts of the day and the local hours each is read as (after midnight: 00:00-06:00)."""


def parse_time(text: str, zone: dt.tzinfo, *, day: dt.date | None = None) -> TimeSpan:
    """A time span from what a source says, in the zone the source meant.

    Reads an ISO 8601 time stamp ("2021-06-28T01:30+03:00"; without an offset, in ``zone``),
    a date ("2021-06-28", "28 June 2021", "June 28, 2021"), a month ("June 2021"), a year,
    or a part of ``day`` ("after midnight", "in the evening"; see ``_PARTS_OF_DAY``).

    Raises:
        ParseError: quoting the text (its first 80 characters) when it is none of these, a
            part of the day comes without ``day``, or the time lies outside the calendar's
            years 1-9999.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a time as text, got {excerpt(text)}")
    words = " ".join(text.split()).strip(" .,")
    folded = words.casefold()
    try:
        return _read_time(words, folded, zone, day)
    except (ValueError, OverflowError) as error:  # OverflowError: "December 9999" ends after
        raise ParseError(f"cannot read a time in {excerpt(text)}: {error}") from None


def _read_time(words: str, folded: str, zone: dt.tzinfo, day: dt.date | None) -> TimeSpan:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        return TimeSpan.on(dt.date.fromisoformat(words), zone, words)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", words):
        moment = dt.datetime.fromisoformat(words)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
        return TimeSpan.at(moment, words)
    match = (re.fullmatch(r"(\d{1,2}) ([a-z]+),? (\d{4})", folded)
             or re.fullmatch(r"([a-z]+) (\d{1,2}),? (\d{4})", folded))
    if match:
        first, second, year = match.groups()
        day_part, month = (first, second) if first.isdigit() else (second, first)
        if month not in _MONTHS:
            raise ValueError(f"{month!r} is not a month")
        return TimeSpan.on(dt.date(int(year), _MONTHS[month], int(day_part)), zone, words)
    match = re.fullmatch(r"([a-z]+) (\d{4})", folded)
    if match and match.group(1) in _MONTHS:
        start = dt.datetime(int(match.group(2)), _MONTHS[match.group(1)], 1, tzinfo=zone)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return TimeSpan(start, following, Precision.MONTH, words)
    if re.fullmatch(r"\d{4}", words):
        start = dt.datetime(int(words), 1, 1, tzinfo=zone)
        return TimeSpan(start, start.replace(year=start.year + 1), Precision.YEAR, words)
    part = re.sub(r"^(?:in the|at|during the|early in the)\s+", "", folded)
    if part in _PARTS_OF_DAY:
        if day is None:
            raise ValueError(f"{part!r} needs the day it belongs to (day=...)")
        hour, hours = _PARTS_OF_DAY[part]
        start = dt.datetime(day.year, day.month, day.day, hour, tzinfo=zone)
        return TimeSpan(start, start + dt.timedelta(hours=hours), Precision.PART_OF_DAY, words)
    raise ValueError("expected an ISO date or time, a date such as '28 June 2021', a month, "
                     "a year, or a part of the day such as 'after midnight'")
