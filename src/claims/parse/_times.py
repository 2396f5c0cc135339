"""Times from what sources say: dates, months, years, time stamps and parts of the day, as
zone-aware spans with their precision, in English and Arabic (digits of any script, and both
sets of Arabic month names: the Levantine حزيران and the Egyptian يونيو)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import attrs

from claims.errors import ParseError
from claims.model import Precision, TimeSpan
from claims.parse._excerpts import excerpt
from claims.parse._letters import fold_words

_MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names}
_ARABIC_MONTHS = {fold_words(name): number for number, names in enumerate(
    (("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"),
     ("نيسان", "أبريل", "إبريل"), ("أيار", "مايو"), ("حزيران", "يونيو", "يونيه"),
     ("تموز", "يوليو", "يوليه"), ("آب", "أغسطس"), ("أيلول", "سبتمبر"),
     ("تشرين الأول", "أكتوبر"), ("تشرين الثاني", "نوفمبر"), ("كانون الأول", "ديسمبر")),
    start=1) for name in names}
"""Arabic month names, Levantine (كانون الثاني ... كانون الأول) and Egyptian (يناير ...
ديسمبر), folded; a source may give both ("يونيو/حزيران")."""
_ARABIC_MONTH = "|".join(sorted(map(re.escape, _ARABIC_MONTHS), key=len, reverse=True))
_ARABIC_DATE = re.compile(rf"(?:(\d{{1,2}}) )?({_ARABIC_MONTH})(?: ?/ ?(?:{_ARABIC_MONTH}))?"
                          rf",? (?:عام |سنه )?(\d{{4}})(?: م)?")
_PARTS_OF_DAY = {  # words -> (first hour, hours long)
    "after midnight": (0, 6), "early morning": (4, 4), "dawn": (4, 4), "morning": (6, 6),
    "midday": (11, 2), "noon": (11, 2), "afternoon": (12, 6), "evening": (18, 6),
    "night": (20, 10), "overnight": (20, 10),
    **{fold_words(words): hours for words, hours in (
        ("بعد منتصف الليل", (0, 6)), ("فجرا", (4, 4)), ("الفجر", (4, 4)), ("صباحا", (6, 6)),
        ("الصباح", (6, 6)), ("ظهرا", (11, 2)), ("الظهر", (11, 2)), ("بعد الظهر", (12, 6)),
        ("مساء", (18, 6)), ("المساء", (18, 6)), ("ليلا", (20, 10)), ("الليل", (20, 10)))},
}
"""Parts of the day and the local hours each is read as (after midnight: 00:00-06:00)."""


def parse_time(text: str, zone: dt.tzinfo, *, day: dt.date | None = None) -> TimeSpan:
    """A time span from what a source says, in the zone the source meant.

    Reads an ISO 8601 time stamp ("2021-06-28T01:30+03:00"; without an offset, in ``zone``),
    a date ("2021-06-28", "28 June 2021", "June 28, 2021", "٢٨ حزيران ٢٠٢١", "28 يونيو
    2021", "٢٨ يونيو/حزيران ٢٠٢١"), a month ("June 2021", "حزيران ٢٠٢١"), a year, or a part
    of ``day`` ("after midnight", "in the evening", "بعد منتصف الليل"; see ``_PARTS_OF_DAY``).
    Digits may be of any script; the wording kept is the source's own.

    Raises:
        ParseError: quoting the text (its first 80 characters) when it is none of these, a
            part of the day comes without ``day``, or the time lies outside the calendar's
            years 1-9999.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a time as text, got {excerpt(text)}")
    words = " ".join(text.split()).strip(" .,")
    try:
        span = _read_time(_ascii_digits(fold_words(words)), zone, day)
    except (ValueError, OverflowError) as error:  # OverflowError: "December 9999" ends after
        raise ParseError(f"cannot read a time in {excerpt(text)}: {error}") from None
    return attrs.evolve(span, wording=words)


def _ascii_digits(text: str) -> str:
    """``text`` with digits of any script written 0-9 ("٢٨" is "28")."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _arabic(match: re.Match[str], zone: dt.tzinfo, words: str) -> TimeSpan:
    day, month, year = match.group(1), _ARABIC_MONTHS[match.group(2)], int(match.group(3))
    if day:
        return TimeSpan.on(dt.date(year, month, int(day)), zone, words)
    start = dt.datetime(year, month, 1, tzinfo=zone)
    following = (start + dt.timedelta(days=32)).replace(day=1)
    return TimeSpan(start, following, Precision.MONTH, words)


def _read_time(words: str, zone: dt.tzinfo, day: dt.date | None) -> TimeSpan:
    folded = words.casefold()
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
    arabic = _ARABIC_DATE.fullmatch(words)
    if arabic:
        return _arabic(arabic, zone, words)
    part = re.sub(r"^(?:in the|at|during the|early in the|في|خلال)\s+", "", folded)
    if part in _PARTS_OF_DAY:
        if day is None:
            raise ValueError(f"{part!r} needs the day it belongs to (day=...)")
        hour, hours = _PARTS_OF_DAY[part]
        start = dt.datetime(day.year, day.month, day.day, hour, tzinfo=zone)
        return TimeSpan(start, start + dt.timedelta(hours=hours), Precision.PART_OF_DAY, words)
    raise ValueError("expected an ISO date or time, a date such as '28 June 2021', a month, "
                     "a year, or a part of the day such as 'after midnight'")
