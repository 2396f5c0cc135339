"""Counts from the words sources use: numbers with their bounds, vague quantities. The
wording is kept; nothing is guessed: what cannot be read is an error that quotes the phrase.

Numbers are read by :mod:`claims.parse._numbers` (number words that add up parts, such as
"one hundred and ten", by text2num, the ``parse`` extra); the bound words, vague words and
hedges are this library's own tables.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import attrs

from claims.errors import ParseError, ValidationError
from claims.model import Bound, Count, Interval, Vocabulary
from claims.parse._excerpts import excerpt
from claims.parse._numbers import MULTIPLIERS, NUMBER_WORDS, Figure, take_number, words_end


@attrs.frozen
class VagueReading:
    """How a vague word is read: the bounds it allows, and where that reading comes from."""

    low: int
    high: int | None = None
    basis: str = ""

    def __attrs_post_init__(self) -> None:
        Interval(self.low, self.high)  # the same checks, and messages, as any count's bounds


DEFAULT_VAGUE: Mapping[str, VagueReading] = {
    "a few": VagueReading(2, 9, "more than one and fewer than ten, as the words say"),
    "few": VagueReading(2, 9, "read as 'a few'"),
    "several": VagueReading(3, None, "more than two; no upper bound is implied"),
    "many": VagueReading(2, None, "plural: more than one; no upper bound is implied"),
    "numerous": VagueReading(2, None, "read as 'many'"),
    "dozens": VagueReading(12, None, "ACLED codes 'dozens' as 12, its conservative figure"),
    "scores": VagueReading(20, None, "one score, read conservatively as ACLED reads dozens"),
    "tens": VagueReading(10, None, "ACLED codes 'tens' as 10"),
    "hundreds": VagueReading(100, None, "ACLED codes 'hundreds' as 100"),
    "thousands": VagueReading(1000, None, "read as 'hundreds' is, one order up"),
}
"""The default readings of vague words; pass ``vague=`` to :func:`parse_count` to change
them. Each low bound is the conservative figure (ACLED's where ACLED codes the word)."""

_LOWER = {  # word -> how much above the number the bound lies
    "at least": 0, "no fewer than": 0, "no less than": 0, "not less than": 0,
    "upwards of": 0, "a minimum of": 0, "more than": 1, "over": 1, "in excess of": 1,
}
_UPPER = {
    "at most": 0, "up to": 0, "as many as": 0, "no more than": 0, "not more than": 0,
    "a maximum of": 0, "less than": 1, "fewer than": 1, "under": 1,
}
_ABOUT = ("approximately", "an estimated", "roughly", "around", "about", "circa", "approx.",
          "some", "c.")
_NEARLY = ("nearly", "almost", "just under")
_DOZEN_READINGS = {"a dozen": (12, 10, 14), "half a dozen": (6, 5, 7)}
""""a dozen" is a round figure, read as about 12 (10-14), hedged or not; so is "half a dozen"."""


def _starting(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` at a position, longest first, and the space after it."""
    alternatives = sorted(words, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(w) + ("" if w.endswith(".") else r"\b")
                                     for w in alternatives) + ") ?", re.IGNORECASE)


_LOWER_WORD, _UPPER_WORD = _starting(_LOWER), _starting(_UPPER)
_ABOUT_WORD, _NEARLY_WORD = _starting(_ABOUT), _starting(_NEARLY)
_TOTAL = re.compile(r"(?:a total of|a further|an additional|another) (?=\S)", re.IGNORECASE)
_BETWEEN = re.compile(r"between ", re.IGNORECASE)
_BETWEEN_AND = re.compile(r" ?(?:and|to|-|–|—) ?", re.IGNORECASE)
_ZERO = re.compile(r"(?:none|nobody|no-one|no one|not a single|not one|zero|no)\b",
                   re.IGNORECASE)
_RANGE = re.compile(r" ?(?:-|–|—) ?| (?:to|and|or) ", re.IGNORECASE)
_OR_MORE = re.compile(r" ?\+| (?:plus|or more|and more|or above|and above|or over|and over|"
                      r"at least)\b", re.IGNORECASE)
_OR_FEWER = re.compile(r" (?:or fewer|or less|or under|at most)\b", re.IGNORECASE)
_OR_SO = re.compile(r" or so\b", re.IGNORECASE)
_BAND = re.compile(r" ?\((\d[\d,]{0,20}) ?(?:-|–|to) ?(\d[\d,]{0,20})\)")
_ARTICLE = re.compile(r"(?:a single|an?)\b", re.IGNORECASE)
_QUANTITY_NOUN = re.compile(
    r" (couple|handful|lots?|number|host|group|crowd|majority|minority|fraction|half|third|"
    r"quarter|percentage|proportion|portion|series|score|total|further|additional)\b",
    re.IGNORECASE)
"""Nouns of quantity: "a couple of people" is not one person."""
_VAGUE_TIMES = re.compile(
    r" (?:of (dozen|hundred|thousand|million|billion)s|(dozen|hundred|thousand|million|"
    r"billion)s?)\b", re.IGNORECASE)
_NUMBER_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNTED_FIGURE = re.compile(rf"(?<!\w)(?:\d[\d,]*|(?:{_NUMBER_WORDS}))(?![\w-])",
                             re.IGNORECASE)
"""A figure that counts, unlike the 12 of "a 12-year-old"."""
_PERCENT = re.compile(r"(?:%|per ?cent\b)", re.IGNORECASE)
_RATIO = re.compile(rf"(?:in|out of) (?:\d|(?:an?|{_NUMBER_WORDS})\b)", re.IGNORECASE)
_NOT_A_NOUN = re.compile(
    rf"(?:(?:and|or|of) )?(?:an? )?(?:half|quarter|third|point)\b"
    rf"|(?:(?:and|or|of) )?(?:\d[\d,.]*+|(?:{_NUMBER_WORDS})s?\b|(?:no|none|zero)\b)"
    rf"(?!-(?!(?:{_NUMBER_WORDS})\b)[a-z])\S*"
    r"|[-–—/+]\S*|(?:or|plus|at least|at most)\b", re.IGNORECASE)
"""Words that cannot start the noun after a count: another figure ("nine twelve", but not
the 12 of "a 12-year-old"), a fraction ("two and a half"), a bound word or dash that was not
read ("40-odd")."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@attrs.frozen
class ParsedCount:
    """What :func:`parse_count` read: the count, the words after it, their category."""

    count: Count
    noun: str | None = None
    category: str | None = None


def parse_count(
    text: str,
    vocabulary: Vocabulary | None = None,
    *,
    vague: Mapping[str, VagueReading] = DEFAULT_VAGUE,
    approximate: float = 0.1,
) -> ParsedCount:
    """Read a count phrase ("at least nine militia fighters") as a :class:`Count`.

    The forms, and how each is read (N is a number in digits or words, with any multiplier:
    "a hundred", "two dozen", "2 million", "1.5 million"):

    - "N": exactly N; "a child", "a single child": 1; "no", "none", "not a single": 0.
    - "at least N", "no fewer than N": N or more; "more than N", "over N": N+1 or more, as
      ``Count.more_than(N)``, which keeps N as the number said.
    - "up to N", "at most N": 0 to N; "fewer than N", "less than N", "under N": 0 to N-1, as
      ``Count.fewer_than(N)``.
    - "A to B", "A-B", "A–B", "A or B", "between A and B": A to B. A multiplier said once
      serves both ends when A is below B's figure: "2 to 3 million" is 2,000,000 to 3,000,000.
      After a bound word the end it bounds is read: "up to 5-10" is at most 10, "at least
      5-10" at least 5.
    - "about N" (around, approximately, roughly, some, circa, "N or so"): about N, in a band
      of ``approximate`` either side; "about A to B": A to B, as the range says it.
    - "nearly N", "almost N": about N-1, from N less the band up to N-1.
    - "a dozen", "about a dozen": about 12 (10-14); "half a dozen": about 6 (5-7).
    - Vague words ("many", "dozens"), as ``vague`` reads them; before a multiplier ("a few
      dozen", "hundreds of thousands") the low bound times the multiplier, with no high.

    Refused: decimals without a multiplier ("2.5"), percentages, ratios ("1 in 5"), a
    figure where the noun should start ("nine twelve", "two and a half thousand"), nouns of
    quantity after "a" ("a couple of", "a number of"), more than 15 digits.

    Args:
        text: The phrase, as the source worded it; kept as the count's ``wording``.
        vocabulary: Maps the words after the figure to a category ("militia fighters" to
            ``militiaman``) through labels, plurals and aliases.
        vague: Readings of vague words ("many", "dozens"); :data:`DEFAULT_VAGUE` by default.
        approximate: The band around an approximate figure ("about 50"): 0.1 reads it as
            45-55 (at least one either side).

    Raises:
        ParseError: quoting the phrase (its first 80 characters) and saying which part
            could not be read.
        MissingExtraError: for number words that add up parts ("one hundred and ten")
            without the ``parse`` extra.
        ValidationError: when ``approximate`` is not a finite number of 0 or more.
    """
    if not isinstance(text, str) or not text.strip():
        raise ParseError(f"expected a phrase with a count, got {excerpt(text)}")
    if not isinstance(approximate, int | float) or not 0 <= approximate < math.inf:
        raise ValidationError(f"'approximate' must be a finite number >= 0: "
                              f"approximate={approximate!r}")
    phrase = " ".join(text.split())
    try:
        control = _CONTROL.search(phrase)
        if control:
            raise ParseError(f"it holds a control character (U+{ord(control.group()):04X})")
        total = _TOTAL.match(phrase)
        start = total.end() if total else 0
        count, end = _read(phrase, start, vague, approximate)
        _check_noun(phrase, start, end)
    except ParseError as error:
        raise ParseError(f"cannot read a count in {excerpt(text)}: {error}") from None
    count = attrs.evolve(count, wording=text)  # the source's words as given, spaces and all
    words = re.sub(r"^(?:of|others?)\b\s*", "", phrase[end:].strip(" ,.;:"), flags=re.I)
    noun = words.strip(" ,.;:") or None
    category = _category(noun, vocabulary) if noun and vocabulary else None
    return ParsedCount(count, noun, category)


def _read(phrase: str, at: int, vague: Mapping[str, VagueReading],
          band: float) -> tuple[Count, int]:
    """The count at ``at`` in the phrase, and where its words end."""
    if between := _BETWEEN.match(phrase, at):
        return _between(phrase, between.end())
    if reading := _vague(phrase, at, vague):
        return reading
    if word := _LOWER_WORD.match(phrase, at):
        low, _, end = _figures(phrase, word.end(), word.group(1))
        if _LOWER[word.group(1).casefold()]:  # "more than 100": 101 or more, 100 kept
            return Count.more_than(low, phrase), end
        return Count.at_least(low, phrase), end
    if word := _UPPER_WORD.match(phrase, at):
        _, high, end = _figures(phrase, word.end(), word.group(1))
        step = _UPPER[word.group(1).casefold()]
        if high - step < 0:
            raise ParseError(f"'{word.group(1)} {high}' leaves no count")
        if step:  # "fewer than 10": 0 to 9, 10 kept
            return Count.fewer_than(high, phrase), end
        return Count.at_most(high, phrase), end
    if zero := _ZERO.match(phrase, at):  # after the bound words: "no fewer than" is not zero
        return Count.exact(0, phrase), zero.end()
    if word := _NEARLY_WORD.match(phrase, at):
        return _nearly(phrase, word.end(), word.group(1), band)
    if word := _ABOUT_WORD.match(phrase, at):
        return _about(phrase, word.end(), word.group(1), band)
    return _figure(phrase, at, band)


def _figures(phrase: str, at: int, word: str) -> tuple[int, int, int]:
    """The number, or the two ends of the range, after a bound word: (low, high, end)."""
    figure = take_number(phrase, at)
    if figure is None:
        raise ParseError(f"expected a number after {word!r}")
    ranged = _range(phrase, figure)
    return ranged or (figure.value, figure.value, figure.end)


def _range(phrase: str, first: Figure) -> tuple[int, int, int] | None:
    """The range that starts with ``first`` ("4 to 9", "2-3 million", "3 or 4"): (low,
    high, end), or None when no second figure follows."""
    joined = _RANGE.match(phrase, first.end)
    second = take_number(phrase, joined.end()) if joined else None
    if second is None:
        return None
    low, high = _ends(first, second)
    return low, high, second.end


def _ends(first: Figure, second: Figure) -> tuple[int, int]:
    """The two ends of a range; a multiplier said only at its end serves both when the first
    figure is below the second's ("2 to 3 million", but "900 to 1 thousand")."""
    if first.multiplier == 1 < second.multiplier and first.base < second.base:
        first = first.times(second.multiplier)
    low, high = first.value, second.value
    if low > high:
        raise ParseError(f"the range runs backwards: {low} to {high}")
    return low, high


def _between(phrase: str, at: int) -> tuple[Count, int]:
    # "between one hundred and fifty and two hundred" joins with "and"; "between one
    # hundred and two hundred" does not: which, the words after the first "and" tell.
    end = words_end(phrase, at)
    and_joins = end > at and bool(_BETWEEN_AND.match(phrase, end))
    first = take_number(phrase, at, and_joins=and_joins)
    joined = _BETWEEN_AND.match(phrase, first.end) if first else None
    second = take_number(phrase, joined.end()) if joined else None
    if first is None or second is None:
        raise ParseError("expected 'between <number> and <number>'")
    return Count.between(*_ends(first, second), phrase), second.end


def _vague(phrase: str, at: int, vague: Mapping[str, VagueReading]) -> tuple[Count, int] | None:
    for word in sorted(vague, key=len, reverse=True):
        found = re.compile(re.escape(word) + r"\b", re.IGNORECASE).match(phrase, at)
        if found:
            reading = vague[word]
            times = _VAGUE_TIMES.match(phrase, found.end())
            if times:  # "a few dozen", "hundreds of thousands": no upper bound is said
                multiplier = MULTIPLIERS[(times.group(1) or times.group(2)).casefold()]
                return Count(reading.low * multiplier, None, Bound.VAGUE, wording=phrase), \
                    times.end()
            return Count(reading.low, reading.high, Bound.VAGUE, wording=phrase), found.end()
    return None


def _nearly(phrase: str, at: int, word: str, band: float) -> tuple[Count, int]:
    figure = take_number(phrase, at)
    if figure is None:
        raise ParseError(f"expected a number after {word!r}")
    if _range(phrase, figure):
        raise ParseError(f"{word!r} before a range is not read")
    number = figure.value
    if number < 1:
        raise ParseError(f"'{word} {number}' leaves no count")
    spread = max(1, math.floor(number * band))
    return Count.approximately(number - 1, max(0, number - spread), number - 1, phrase), \
        figure.end


def _about(phrase: str, at: int, word: str, band: float) -> tuple[Count, int]:
    figure = take_number(phrase, at)
    if figure is None:
        raise ParseError(f"expected a number after {word!r}")
    ranged = _range(phrase, figure)
    if ranged:  # "about 4 to 9": the range is the reading
        return Count.between(ranged[0], ranged[1], phrase), ranged[2]
    if dozen := _dozen(phrase, figure):
        return dozen
    number, end = figure.value, figure.end
    given = _BAND.match(phrase, end)
    if given:
        low, high = int(given.group(1).replace(",", "")), int(given.group(2).replace(",", ""))
        if not low <= number <= high:
            raise ParseError(f"the band ({low}-{high}) does not hold {number}")
        return Count.approximately(number, low, high, phrase), given.end()
    so = _OR_SO.match(phrase, end)
    return _approximately(number, band, phrase), so.end() if so else end


def _approximately(number: int, band: float, phrase: str) -> Count:
    spread = max(1, math.floor(number * band))
    return Count.approximately(number, max(0, number - spread), number + spread, phrase)


def _dozen(phrase: str, figure: Figure) -> tuple[Count, int] | None:
    """"a dozen" or "half a dozen", with any "or so" after it, as the round figure it is."""
    reading = _DOZEN_READINGS.get(" ".join(figure.text.casefold().split()))
    if reading is None:
        return None
    so = _OR_SO.match(phrase, figure.end)
    return Count.approximately(*reading, phrase), so.end() if so else figure.end


def _figure(phrase: str, at: int, band: float) -> tuple[Count, int]:
    """A count that starts with its figure: "4", "4 to 9", "10 or more", "a child"."""
    figure = take_number(phrase, at)
    if figure is None:
        return _article(phrase, at)
    ranged = _range(phrase, figure)
    if ranged:
        return Count.between(ranged[0], ranged[1], phrase), ranged[2]
    if more := _OR_MORE.match(phrase, figure.end):
        return Count.at_least(figure.value, phrase), more.end()
    if fewer := _OR_FEWER.match(phrase, figure.end):
        return Count.at_most(figure.value, phrase), fewer.end()
    if dozen := _dozen(phrase, figure):
        return dozen
    if so := _OR_SO.match(phrase, figure.end):
        return _approximately(figure.value, band, phrase), so.end()
    return Count.exact(figure.value, phrase), figure.end


def _article(phrase: str, at: int) -> tuple[Count, int]:
    """"a child", "an officer", "a single child": one, unless a noun of quantity follows ("a
    couple of") or a figure that counts comes later ("a death toll of 40")."""
    article = _ARTICLE.match(phrase, at)
    if article is None:
        raise ParseError("expected a number (digits or words), a bound word such as 'at "
                         "least', or a vague word such as 'many'")
    quantity = _QUANTITY_NOUN.match(phrase, article.end())
    if quantity:
        raise ParseError(f"{phrase[at:quantity.end()]!r} is not a number; to read it, give "
                         f"it a reading in vague=")
    figure = _COUNTED_FIGURE.search(phrase, article.end())
    if figure:
        raise ParseError(f"a figure ({excerpt(figure.group(), 30)}) follows "
                         f"{article.group()!r}; start the phrase at the figure")
    return Count.exact(1, phrase), article.end()


def _check_noun(phrase: str, start: int, end: int) -> None:
    """Refuse words after the count that cannot start its noun: another figure, a fraction,
    a percentage, a ratio, or a bound word or dash that was not read."""
    rest = phrase[end:end + 100].lstrip(" ,.;:")
    if _PERCENT.match(rest):
        raise ParseError("a percentage is not a count")
    if _RATIO.match(rest):
        raise ParseError("a ratio is not a count")
    part = _NOT_A_NOUN.match(rest)
    if part:
        raise ParseError(f"{excerpt(part.group(), 30)} after "
                         f"{excerpt(phrase[start:end].strip(), 30)} is not understood")


_SINGULAR = ((re.compile(r"men$"), "man"), (re.compile(r"children$"), "child"),
             (re.compile(r"people$"), "person"), (re.compile(r"ies$"), "y"),
             (re.compile(r"s$"), ""))


def _forms(words: str) -> set[str]:
    folded = " ".join(words.casefold().replace("-", " ").split())
    forms = {folded}
    for pattern, singular in _SINGULAR:
        if pattern.search(folded):
            forms.add(pattern.sub(singular, folded))
    return forms


def _category(noun: str, vocabulary: Vocabulary) -> str | None:
    """The category whose label, plural or alias ends the noun phrase (longest match)."""
    names: dict[str, str] = {}
    for category in vocabulary.categories:
        for name in (category.label, category.plural, *category.aliases):
            if name:
                for form in _forms(name):
                    names.setdefault(form, category.id)
    longest = max((len(name.split()) for name in names), default=0)
    words = noun.split()
    for start in range(max(0, len(words) - longest), len(words)):  # no longer than a name
        for form in _forms(" ".join(words[start:])):
            if form in names:
                return names[form]
    return None
