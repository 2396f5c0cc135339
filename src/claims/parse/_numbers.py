"""Numbers as sources write them: digits ("1,004", "1.5 million") and number words
("twenty-four", "a hundred", "one hundred and ten"), each read with where it ends, so that a
reader can go on with the words after it.

A small grammar of English number words says where a number ends ("nine-twelve" is nine, then
a dash); the words it spans are read from the tables here when they are one small number
times multipliers ("forty-two thousand", "a hundred"), and by text2num (the ``parse`` extra)
when they add up parts ("one hundred and ten"). Nothing is read by trial and error, so the time
taken grows with the length of the text, never faster.
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

import attrs

from claims._extras import require
from claims.errors import ParseError
from claims.parse._excerpts import excerpt

MAX_DIGITS = 15
"""The most digits a count may have (a quadrillion is more people than have ever lived)."""

_SMALL = {word: n for n, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {word: 10 * n for n, word in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
MULTIPLIERS = {"dozen": 12, **_SCALES}
"""Words that multiply the figure before them: "two dozen" is 24, "1.5 million" 1,500,000."""

NUMBER_WORDS = frozenset({*_SMALL, *_TENS, *_SCALES, "dozen"})
"""Every word that is, or multiplies, a number."""

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_WORD = re.compile(r"([a-z]+)\b", re.IGNORECASE)
_GAP = re.compile(r" ?- ?| ")  # between number words: a space, or the hyphen of "twenty-four"
_DOZENS = re.compile(r"(?:(half) )?a dozen\b", re.IGNORECASE)
_DOZEN = re.compile(r" dozen\b", re.IGNORECASE)


@attrs.frozen
class Figure:
    """A number read from some text: ``base`` times ``multiplier``, and the words that say it.

    The two are kept apart for ranges whose multiplier is said once: "2 to 3 million".
    """

    base: Fraction
    multiplier: int
    text: str
    """The words or digits read, as written."""
    end: int
    """Where the figure ends in the text it was read from."""
    decimal: bool = False
    """Whether the digits have a decimal point ("1.5 million")."""

    @property
    def value(self) -> int:
        """The whole number: "1.5 million" is 1,500,000; "1.1 dozen" (13.2) is refused, and so
        is a decimal without a multiplier ("2.5", or "1.000", which some write for 1000)."""
        if self.decimal and self.multiplier == 1:
            raise ParseError(f"{self.text!r} is not a whole number (a decimal is read only "
                             f"before a multiplier, as in '1.5 million')")
        product = self.base * self.multiplier
        if product.denominator != 1:
            raise ParseError(f"{self.text!r} is not a whole number")
        return int(product)

    def times(self, multiplier: int) -> Figure:
        """The figure with another's multiplier: the 2 of "2 to 3 million"."""
        return attrs.evolve(self, multiplier=multiplier)


def take_number(text: str, start: int = 0, *, and_joins: bool = True) -> Figure | None:
    """The number at ``start`` in ``text`` (single-spaced): digits or number words, with the
    multiplier words after them; None when no number starts there.

    Args:
        text: The words, with single spaces between them.
        start: Where to read from.
        and_joins: Whether "and" may join number words ("one hundred and ten"); the first
            figure of "between one hundred and two hundred" is read without it.

    Raises:
        ParseError: for digits that are not written as a number ("1,00", "21st"), more than
            :data:`MAX_DIGITS` digits, or a decimal without a multiplier ("2.5").
        MissingExtraError: for number words that add up parts ("one hundred and ten")
            without the ``parse`` extra.
    """
    digits = _DIGITS.match(text, start)
    if digits:
        return _digits(text, digits)
    dozens = _DOZENS.match(text, start)
    if dozens:  # "a dozen", "half a dozen"
        half = Fraction(1, 2) if dozens.group(1) else Fraction(1)
        return Figure(half, 12, dozens.group(), dozens.end())
    words, end = _number_words(text, start, and_joins=and_joins)
    if not words:
        return None
    base, scales = _from_tables(words)
    if base is None:
        base, scales = _from_text2num(words), []
    return _dozen(text, Figure(Fraction(base), _product(scales), text[start:end], end), scales)


def _digits(text: str, match: re.Match[str]) -> Figure:
    written, whole, decimals = match.group(), match.group(1), match.group(2) or ""
    count = sum(character.isdigit() for character in written)
    if count > MAX_DIGITS:
        raise ParseError(f"the number is too long ({count} digits; a count has at most "
                         f"{MAX_DIGITS})")
    after = text[match.end():match.end() + 2]
    if after[:1].isdigit() or (after[:1] in (",", ".") and after[1:].isdigit()):
        raise ParseError(f"{_token(text, match.start())} is not a number as written")
    if after[:1].isalpha():
        raise ParseError(f"{_token(text, match.start())} is not a number")
    base = Fraction(int(whole.replace(",", "") + decimals), 10 ** len(decimals))
    scales, end = _scales(text, match.end())
    figure = Figure(base, _product(scales), text[match.start():end], end, bool(decimals))
    return _dozen(text, figure, scales)


def _token(text: str, start: int) -> str:
    """The characters from ``start`` to the next space, quoted for a message."""
    end = text.find(" ", start)
    return excerpt(text[start:] if end < 0 else text[start:end], 20)


def _scales(text: str, end: int) -> tuple[list[str], int]:
    """The scale words after digits ("2 million", "3 hundred thousand"), each larger than
    the one before it, and where they end."""
    found: list[str] = []
    while (gap := _GAP.match(text, end)) and (word := _WORD.match(text, gap.end())):
        folded = word.group(1).casefold()
        if folded not in _SCALES or (found and _SCALES[folded] <= _SCALES[found[-1]]):
            break
        found.append(folded)
        end = word.end()
    return found, end


def _dozen(text: str, figure: Figure, scales: list[str]) -> Figure:
    """The figure times twelve when "dozen" follows a figure without scale words ("two
    dozen", "3 dozen")."""
    dozen = None if scales else _DOZEN.match(text, figure.end)
    if dozen is None:
        return figure
    return attrs.evolve(figure, multiplier=12, text=figure.text + dozen.group(),
                        end=dozen.end())


def _product(scales: list[str]) -> int:
    product = 1
    for word in scales:
        product *= _SCALES[word]
    return product


# -- number words ---------------------------------------------------------------------------
#
# The grammar, one word at a time. A number is groups below a thousand, each but the last
# followed by a scale word smaller than the one before ("two million three hundred thousand
# and five"); a group is "<1-99> [hundred [[and] <1-99>]]", where <1-99> is a word below
# twenty, a tens word, or a tens word and a unit ("forty-two", "forty two"). "a" or "an"
# stands for one before a scale word ("a hundred"); "zero" stands alone; a hyphen joins only a
# tens word and a unit, so "nine-twelve" is nine, a dash, and twelve.

_START, _ARTICLE, _ZERO, _SMALL_WORD, _TENS_WORD, _TENS_UNIT, _HUNDRED, _HUNDRED_AND, \
    _REST, _REST_TENS, _SCALE, _SCALE_AND = range(12)
_COMPLETE = frozenset({_ZERO, _SMALL_WORD, _TENS_WORD, _TENS_UNIT, _HUNDRED, _REST, _REST_TENS,
                       _SCALE})
"""The states in which the words so far make a whole number."""
_TAKES_SCALE = frozenset({_ARTICLE, _SMALL_WORD, _TENS_WORD, _TENS_UNIT, _HUNDRED, _REST,
                          _REST_TENS})
_STARTS_GROUP = {_START: (_SMALL_WORD, _TENS_WORD), _SCALE: (_SMALL_WORD, _TENS_WORD),
                 _HUNDRED: (_REST, _REST_TENS), _HUNDRED_AND: (_REST, _REST_TENS),
                 _SCALE_AND: (_REST, _REST_TENS)}
"""For a state, where a word below twenty and a tens word lead."""


def words_end(text: str, start: int, *, and_joins: bool = True) -> int:
    """Where the number words at ``start`` end (``start`` when none start there), without
    reading them."""
    return _number_words(text, start, and_joins=and_joins)[1]


def _number_words(text: str, start: int, *, and_joins: bool) -> tuple[list[str], int]:
    """The longest run of words at ``start`` that makes one number, and where it ends."""
    words: list[str] = []
    taken: list[str] = []
    end = position = start
    state, smallest = _START, 10**12  # smallest: the last scale word's value, so far
    while True:
        hyphen = False
        if words:
            gap = _GAP.match(text, position)
            if gap is None:
                break
            hyphen, position = "-" in gap.group(), gap.end()
        word = _WORD.match(text, position)
        if word is None:
            break
        folded = word.group(1).casefold()
        state = _next(state, folded, hyphen=hyphen, smallest=smallest, and_joins=and_joins)
        if state < 0:
            break
        if folded in _SCALES and folded != "hundred":
            smallest = _SCALES[folded]
        words.append(folded)
        position = word.end()
        if state in _COMPLETE:
            taken, end = list(words), position
    return taken, end


def _next(state: int, word: str, *, hyphen: bool, smallest: int, and_joins: bool) -> int:
    """The state after ``word``, or -1 when the word does not go on with the number."""
    unit = word in _SMALL and 0 < _SMALL[word] < 10
    if hyphen:  # only "forty-two"
        if unit and state == _TENS_WORD:
            return _TENS_UNIT
        return _REST if unit and state == _REST_TENS else -1
    if word == "zero":
        return _ZERO if state == _START else -1
    if word in ("a", "an"):
        return _ARTICLE if state == _START else -1
    if word in _SMALL or word in _TENS:
        if unit and state == _TENS_WORD:
            return _TENS_UNIT
        if unit and state == _REST_TENS:
            return _REST
        leads = _STARTS_GROUP.get(state)
        return -1 if leads is None else leads[word in _TENS]
    if word == "hundred":
        return _HUNDRED if state in (_ARTICLE, _SMALL_WORD, _TENS_WORD, _TENS_UNIT) else -1
    if word in _SCALES:
        return _SCALE if state in _TAKES_SCALE and _SCALES[word] < smallest else -1
    if word == "and" and and_joins:
        return {_HUNDRED: _HUNDRED_AND, _SCALE: _SCALE_AND}.get(state, -1)
    return -1


def _from_tables(words: list[str]) -> tuple[int | None, list[str]]:
    """One small number times rising scale words ("forty-two thousand", "a hundred"), read
    from the tables; (None, []) for words that add up parts."""
    if words[0] in ("a", "an"):
        base, rest = 1, words[1:]
    elif words[0] in _TENS and len(words) > 1 and words[1] in _SMALL and _SMALL[words[1]] < 10:
        base, rest = _TENS[words[0]] + _SMALL[words[1]], words[2:]
    else:
        base, rest = _SMALL.get(words[0], _TENS.get(words[0], 0)), words[1:]
    if all(word in _SCALES for word in rest) and all(
            _SCALES[low] < _SCALES[high] for low, high in itertools.pairwise(rest)):
        return base, rest
    return None, []


def _from_text2num(words: list[str]) -> int:
    """Number words that add up parts ("one hundred and ten"), read by text2num."""
    spoken = " ".join("one" if word in ("a", "an") else word for word in words)
    text_to_num = require("text_to_num", extra="parse",
                          feature=f"reading number words such as {spoken!r}")
    try:
        return int(text_to_num.text2num(spoken, "en"))
    except ValueError:
        raise ParseError(f"{spoken!r} is not a number") from None
