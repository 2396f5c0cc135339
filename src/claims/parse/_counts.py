"""Counts from the words sources use: numbers with their bounds, vague quantities. The
wording is kept; nothing is guessed: what cannot be read is an error that quotes the phrase.

Number words ("twenty-four", "one hundred and ten") are read by text2num (the ``parse``
extra); the bound words, vague words and hedges are this library's own tables.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import attrs

from claims._extras import require
from claims.errors import ParseError
from claims.model import Bound, Count, Interval, Vocabulary


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
_ZERO = re.compile(r"^(?:none|nobody|no one|not a single|zero|no)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+")
_DASH = r"\s*(?:-|–|—|to|and)\s*"


@attrs.frozen
class ParsedCount:
    """What :func:`parse_count` read: the count, the words after it, their category."""

    count: Count
    noun: str | None = None
    category: str | None = None


def _digits(token: str) -> int:
    return int(token.replace(",", ""))


def _number_words(words: str) -> int:
    """Number words as an int, through text2num; "a" / "an" / "one" are 1."""
    if words.casefold() in ("a", "an", "one", "a single", "single"):
        return 1
    text_to_num = require("text_to_num", extra="parse",
                          feature=f"reading number words such as {words!r}")
    try:
        return int(text_to_num.text2num(words.casefold(), "en"))
    except ValueError:
        raise ParseError(f"{words!r} is not a number") from None


_NUMBER_WORD = re.compile(
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|and)(?:[\s-]+|$)",
    re.IGNORECASE,
)


def _take_number(text: str) -> tuple[int, str] | None:
    """The number at the start of ``text`` (digits, or number words) and what follows.

    Number words run as far as text2num reads them as one number: "one hundred and ten" is
    110, while "four and nine" is 4 followed by "and nine".
    """
    match = _NUMBER.match(text)
    if match:
        return _digits(match.group()), text[match.end():]
    ends = []
    position = 0
    while (word := _NUMBER_WORD.match(text, position)) and word.end() > position:
        position = word.end()
        if word.group().strip().casefold() != "and":
            ends.append(word.end())
    for end in reversed(ends):
        words = text[:end].strip(" -")
        try:
            return _number_words(words), text[end:]
        except ParseError:
            continue
    for article in ("a single ", "an ", "a ", "one "):
        if text.casefold().startswith(article):
            return 1, text[len(article) - 1:]
    return None


def _strip_prefix(text: str, words: tuple[str, ...] | Mapping[str, int]) -> tuple[str, str]:
    folded = text.casefold()
    for word in sorted(words, key=len, reverse=True):
        if folded.startswith(word + " ") or (word.endswith(".") and folded.startswith(word)):
            return word, text[len(word):].lstrip()
    return "", text


def parse_count(
    text: str,
    vocabulary: Vocabulary | None = None,
    *,
    vague: Mapping[str, VagueReading] = DEFAULT_VAGUE,
    approximate: float = 0.1,
) -> ParsedCount:
    """Read a count phrase ("at least nine militia fighters") as a :class:`Count`.

    Args:
        text: The phrase, as the source worded it; kept as the count's ``wording``.
        vocabulary: Maps the words after the figure to a category ("militia fighters" to
            ``militiaman``) through labels, plurals and aliases.
        vague: Readings of vague words ("many", "dozens"); :data:`DEFAULT_VAGUE` by default.
        approximate: The band around an approximate figure ("about 50"): 0.1 reads it as
            45-55 (at least one either side).

    Raises:
        ParseError: quoting the phrase and saying what could not be read.
    """
    if not isinstance(text, str) or not text.strip():
        raise ParseError(f"expected a phrase with a count, got {text!r}")
    phrase = " ".join(text.split())
    try:
        count, rest = _read(phrase, vague, approximate)
    except ParseError as error:
        raise ParseError(f"cannot read a count in {text!r}: {error}") from None
    count = attrs.evolve(count, wording=text)  # the source's words as given, spaces and all
    words = re.sub(r"^(?:of|others?)\b\s*", "", rest.strip(" ,.;:"), flags=re.IGNORECASE)
    noun = words.strip(" ,.;:") or None
    category = _category(noun, vocabulary) if noun and vocabulary else None
    return ParsedCount(count, noun, category)


def _read(phrase: str, vague: Mapping[str, VagueReading], band: float) -> tuple[Count, str]:
    folded = phrase.casefold()
    if folded.startswith("between "):
        first = _take_number(phrase[len("between "):])
        if first:
            low, rest = first
            joined = re.match(r"\s*and\s+", rest)
            second = _take_number(rest[joined.end():]) if joined else None
            if second:
                return _between(low, second[0], phrase), second[1]
        raise ParseError("expected 'between <number> and <number>'")
    for word in sorted(vague, key=len, reverse=True):
        if re.match(re.escape(word) + r"\b", folded):
            reading = vague[word]
            return Count(reading.low, reading.high, Bound.VAGUE, wording=phrase), \
                phrase[len(word):]
    if folded.startswith("a dozen"):
        return Count.approximately(12, 10, 14, phrase), phrase[len("a dozen"):]
    word, rest = _strip_prefix(phrase, _LOWER)
    if word:
        number, rest = _number_after(rest, word)
        return Count.at_least(number + _LOWER[word], phrase), rest
    word, rest = _strip_prefix(phrase, _UPPER)
    if word:
        number, rest = _number_after(rest, word)
        step = _UPPER[word]
        if number - step < 0:
            raise ParseError(f"'{word} {number}' leaves no count")
        return Count.at_most(number - step, phrase), rest
    zero = _ZERO.match(phrase)  # after the bound words: "no fewer than" is not zero
    if zero:
        return Count.exact(0, phrase), phrase[zero.end():]
    word, rest = _strip_prefix(phrase, _NEARLY)
    if word:
        number, rest = _number_after(rest, word)
        if number < 1:
            raise ParseError(f"'{word} {number}' leaves no count")
        spread = max(1, math.floor(number * band))
        return Count.approximately(number - 1, max(0, number - spread), number - 1, phrase), rest
    word, rest = _strip_prefix(phrase, _ABOUT)
    if word:
        number, rest = _number_after(rest, word)
        given = re.match(r"\s*\((\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)\)", rest)
        if given:
            low, high = _digits(given.group(1)), _digits(given.group(2))
            if not low <= number <= high:
                raise ParseError(f"the band ({low}-{high}) does not hold {number}")
            return Count.approximately(number, low, high, phrase), rest[given.end():]
        spread = max(1, math.floor(number * band))
        return Count.approximately(number, max(0, number - spread), number + spread,
                                   phrase), rest
    first = _take_number(phrase)
    if first is None:
        raise ParseError("expected a number (digits or words), a bound word such as 'at "
                         "least', or a vague word such as 'many'")
    number, rest = first
    ranged = re.match(_DASH, rest)
    if ranged and (second := _take_number(rest[ranged.end():])):
        return _between(number, second[0], phrase), second[1]
    more = re.match(r"\s*(?:\+|or more\b|and more\b|or above\b)", rest)
    if more:
        return Count.at_least(number, phrase), rest[more.end():]
    fewer = re.match(r"\s*(?:or fewer\b|or less\b)", rest)
    if fewer:
        return Count.at_most(number, phrase), rest[fewer.end():]
    return Count.exact(number, phrase), rest


def _number_after(rest: str, word: str) -> tuple[int, str]:
    taken = _take_number(rest)
    if taken is None:
        raise ParseError(f"expected a number after {word!r}")
    return taken


def _between(low: int, high: int, phrase: str) -> Count:
    if low > high:
        raise ParseError(f"the range runs backwards: {low} to {high}")
    return Count.between(low, high, phrase)


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
    words = noun.split()
    for start in range(len(words)):
        for form in _forms(" ".join(words[start:])):
            if form in names:
                return names[form]
    return None
