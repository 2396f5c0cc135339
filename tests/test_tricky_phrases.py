"""Tricky phrases, read right or refused: the table in ``tests/data/tricky_phrases.json``
with and without the ``parse`` extra, a property (a count holds only numbers its words say),
odd input, and long input, which takes time in proportion to its length."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import math
import re
import sys
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from text_to_num import text2num

import claims
from claims import ParseError, parse_count, parse_stance
from claims.errors import MissingExtraError
from claims.parse import DEFAULT_VAGUE
from tests.conftest import ROOT

TABLE: list[dict[str, Any]] = json.loads(
    (ROOT / "tests" / "data" / "tricky_phrases.json").read_text(encoding="utf-8"))
"""Each row: ``phrase`` and either its reading (``low``, ``high``, ``bound``, ``best``) or
``refused``, a pattern the ParseError's message matches; ``extra`` when it needs text2num."""
IDS = [repr(row["phrase"]) for row in TABLE]


@pytest.fixture
def without_text2num(monkeypatch: pytest.MonkeyPatch) -> None:
    """text_to_num made missing: importing it raises ImportError, as when it is not
    installed."""
    monkeypatch.setitem(sys.modules, "text_to_num", None)


def _reads_as_the_table_says(row: dict[str, Any]) -> None:
    if "refused" in row:
        with pytest.raises(ParseError, match=row["refused"]):
            parse_count(row["phrase"])
        return
    count = parse_count(row["phrase"]).count
    assert (count.low, count.high, count.bound.value, count.best) == (
        row["low"], row["high"], row["bound"], row["best"])
    assert count.wording == row["phrase"]


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_phrase_with_the_extra(row: dict[str, Any]) -> None:
    _reads_as_the_table_says(row)


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_phrase_without_the_extra(row: dict[str, Any], without_text2num: None) -> None:
    if row.get("extra"):
        with pytest.raises(MissingExtraError, match=r"needs the 'parse' extra \(text_to_num "
                                                    r"is not installed\)"):
            parse_count(row["phrase"])
    else:
        _reads_as_the_table_says(row)


def test_the_table_holds_the_reported_cases() -> None:
    phrases = {row["phrase"] for row in TABLE}
    assert len(TABLE) >= 70
    assert len(phrases) == len(TABLE)
    assert {"a hundred", "approximately 100–200", "about 4 to 9", "up to 5-10 people", "3 or 4",
            "two dozen", "a few dozen", "nearly a hundred", "2 million", "1.5 million",
            "nine-twelve", "one hundred and ten"} <= phrases
    assert any(row.get("extra") for row in TABLE)
    assert any("refused" in row for row in TABLE)


def test_a_missing_extra_is_never_read_around(without_text2num: None) -> None:
    with pytest.raises(MissingExtraError):
        parse_count("between one hundred and fifty and two hundred")
    with pytest.raises(MissingExtraError):
        parse_count("nearly one thousand and four")
    assert parse_count("between one hundred and two hundred").count.high == 200


# -- a count holds only the numbers its words say ------------------------------------------

WORDS = ["at least", "more than", "over", "up to", "fewer than", "about", "nearly", "some",
         "between", "and", "to", "or", "-", "–", "a", "an", "a few", "several", "dozens",
         "hundreds", "tens", "of", "dozen", "hundred", "thousand", "million", "half", "no",
         "none", "one", "two", "nine", "twelve", "twenty", "forty-two", "1.5", "0", "4", "9",
         "40", "1,004", "100", "+", "or more", "or fewer", "or so", "people", "civilians",
         ",", "%", "(45-55)", "single", "total"]
PHRASES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)

_SMALL = {word: n for n, word in enumerate(
    ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
     "eighteen", "nineteen"))}
_TENS = {word: 10 * n for n, word in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6,
                "billion": 10**9}


def _said(text: str) -> set[Fraction]:
    """The numbers the text says: digit runs, number words (one by one, and the runs of
    them text2num reads), "a" or "an" for one, the vague words' bounds."""
    said = {Fraction(0), Fraction(1)}
    for digits in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        said.add(Fraction(digits.replace(",", "")))
    words = re.findall(r"[a-z]+", text.casefold())
    said |= {Fraction(_SMALL.get(w, _TENS.get(w, 1))) for w in words if w in _SMALL or
             w in _TENS}
    for size in range(2, 9):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            with contextlib.suppress(ValueError):  # not one number
                said.add(Fraction(text2num(" ".join(run), "en")))
    said.add(Fraction(1, 2))  # half a dozen
    folded = " ".join(text.casefold().split())
    for word, reading in DEFAULT_VAGUE.items():
        if re.search(rf"\b{re.escape(word)}\b", folded):
            said |= {Fraction(n) for n in (reading.low, reading.high) if n is not None}
    return said


def _allowed(text: str) -> set[int]:
    """Numbers a reading may give: a number the text says, times the multipliers it says
    ("dozen", or "dozens" after a vague word), and what the documented readings make of that
    (N+1, N-1, a band around N)."""
    words = set(re.findall(r"[a-z]+", text.casefold()))
    multipliers = [m for word, m in _MULTIPLIERS.items() if {word, word + "s"} & words]
    products = {math.prod(chosen) for size in range(len(multipliers) + 1)
                for chosen in itertools.combinations(multipliers, size)}
    figures = {int(n * m) for n in _said(text) for m in products if (n * m).denominator == 1}
    allowed = set(figures)
    for n in figures:
        spread = max(1, math.floor(n * 0.1))
        allowed |= {n + 1, n - 1, n + spread, max(0, n - spread)}
    return allowed | {10, 14, 5, 7} if "dozen" in words else allowed  # "a dozen": 10-14


@given(PHRASES | st.text(max_size=40))
def test_a_count_holds_only_numbers_its_words_say(text: str) -> None:
    try:
        count = parse_count(text).count
    except ParseError:
        return
    allowed = _allowed(text)
    assert count.low in allowed
    assert count.high is None or (count.high in allowed and count.low <= count.high)
    assert count.best is None or count.best in allowed


# -- odd input ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    (None, r"expected a phrase with a count, got None"),
    (5, r"expected a phrase with a count, got 5"),
    (b"5 people", r"expected a phrase with a count, got b'5 people'"),
    ("\t\n", r"expected a phrase with a count, got '\\t\\n'"),
    ("5\x07 people", r"control character \(U\+0007\)"),
    ("1" * 10_000, r"the number is too long \(10000 digits; a count has at most 15\)"),
    ("at least " + "9" * 5_000, r"the number is too long \(5000 digits"),
    ("about 1" + ",000" * 2_000, r"the number is too long \(6001 digits"),
])
def test_odd_input_is_refused_with_the_library_error(text: Any, message: str) -> None:
    with pytest.raises(ParseError, match=message) as refused:
        parse_count(text)
    assert len(str(refused.value)) < 300


def test_odd_input_to_the_other_readers() -> None:
    with pytest.raises(ParseError, match=r"expected a phrase to read a stance in, got None"):
        parse_stance(None)  # type: ignore[arg-type]
    assert parse_stance("") == claims.parse.Stance()
    with pytest.raises(ParseError, match=r"expected a time as text, got 42"):
        claims.parse_time(42, dt.UTC)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match=r"cannot read a time in 'December 9999'"):
        claims.parse_time("December 9999", dt.UTC)  # its end lies past year 9999


# -- long input: linear time ------------------------------------------------------------------
# Sizes at which the old quadratic-to-cubic readers took minutes; each finishes here in well
# under a second. What is asserted is the result; the run time of the file shows the rest.


@pytest.mark.parametrize(("text", "message"), [
    ("no " * 200_000, r"'no' after 'no' is not understood"),
    ("at least " * 100_000, r"expected a number after 'at least'"),
    ("one " * 200_000, r"'one' after 'one' is not understood"),
    ("twenty-" * 100_000, r"'-twenty-twenty-twenty-twenty-t…' after 'twenty-twenty' is not"),
    ("4-" * 300_000, r"after '4-4' is not understood"),
    ("9" * 1_000_000, r"the number is too long \(1000000 digits"),
    ("a" * 1_000_000, r"expected a number"),
])
def test_long_input_is_refused_with_a_short_message(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as refused:
        parse_count(text)
    assert str(refused.value).startswith(f"cannot read a count in {text[:80]!r}"[:-1] + "…'")
    assert len(str(refused.value)) < 300


def test_long_input_is_read(seed: claims.Dossier) -> None:
    parsed = parse_count("9 militia fighters " + "and others " * 200_000, seed.vocabulary)
    assert (parsed.count.low, parsed.category) == (9, None)
    parsed = parse_count("at least " + "nine " + "militia " * 200_000 + "fighters",
                         seed.vocabulary)
    assert (parsed.count.low, parsed.category) == (9, "militiaman")
    stance = parse_stance("it could not be independently confirmed " * 50_000 + "denied")
    assert (stance.hedge, stance.status) == (claims.Hedge.UNCONFIRMED, claims.Status.DENIED)
    assert parse_stance("did not deny " * 100_000).status is claims.Status.ASSERTED
