"""Reading the words sources use: a table of phrases with their bounds, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import Hedge, Status, parse_count, parse_stance
from claims.model import Bound
from tests import strategies

E, L, U, B, A, V = (Bound.EXACT, Bound.AT_LEAST, Bound.AT_MOST, Bound.BETWEEN,
                    Bound.APPROXIMATELY, Bound.VAGUE)
M, F = Bound.MORE_THAN, Bound.FEWER_THAN  # "more than 20" keeps 20; "fewer than 10" keeps 10

# phrase, low, high, bound, noun, category (against the seed vocabulary)
TABLE = [
    # digits and number words
    ("4", 4, 4, E, None, None),
    ("1,004", 1004, 1004, E, None, None),
    ("1,004 people", 1004, 1004, E, "people", "person"),
    ("nine", 9, 9, E, None, None),
    ("Nine militia fighters", 9, 9, E, "militia fighters", "militiaman"),
    ("twenty-four", 24, 24, E, None, None),
    ("twenty four civilians", 24, 24, E, "civilians", "civilian"),
    ("one hundred and ten", 110, 110, E, None, None),
    ("one thousand four", 1004, 1004, E, None, None),
    ("eleven", 11, 11, E, None, None),
    ("a child", 1, 1, E, "child", "child"),
    ("an officer", 1, 1, E, "officer", None),
    ("one member", 1, 1, E, "member", "faction-member"),
    ("four members", 4, 4, E, "members", "faction-member"),
    ("three civilians", 3, 3, E, "civilians", "civilian"),
    ("two children", 2, 2, E, "children", "child"),
    # lower bounds
    ("at least nine", 9, None, L, None, None),
    ("at least nine Iran-backed Iraqi militia fighters", 9, None, L,
     "Iran-backed Iraqi militia fighters", "militiaman"),
    ("more than 20", 21, None, M, None, None),
    ("over 100 people", 101, None, M, "people", "person"),
    ("upwards of 30", 30, None, L, None, None),
    ("no fewer than 12", 12, None, L, None, None),
    ("no less than 5", 5, None, L, None, None),
    ("in excess of 40", 41, None, M, None, None),
    ("55+", 55, None, L, None, None),
    ("55 +", 55, None, L, None, None),
    ("10 or more", 10, None, L, None, None),
    # upper bounds
    ("at most 7", 0, 7, U, None, None),
    ("up to 12 children", 0, 12, U, "children", "child"),
    ("as many as 300", 0, 300, U, None, None),
    ("less than 10", 0, 9, F, None, None),
    ("fewer than ten", 0, 9, F, None, None),
    ("under 5", 0, 4, F, None, None),
    ("no more than five", 0, 5, U, None, None),
    ("3 or fewer", 0, 3, U, None, None),
    # ranges
    ("between 100 and 300", 100, 300, B, None, None),
    ("between four and nine militiamen", 4, 9, B, "militiamen", "militiaman"),
    ("4 to 9", 4, 9, B, None, None),
    ("4–9", 4, 9, B, None, None),
    ("4-9", 4, 9, B, None, None),
    ("4 - 9 militiamen", 4, 9, B, "militiamen", "militiaman"),
    ("four to nine", 4, 9, B, None, None),
    # approximations: a band of 10% (at least one) around the figure
    ("about 50", 45, 55, A, None, None),
    ("around 20", 18, 22, A, None, None),
    ("approximately 100", 90, 110, A, None, None),
    ("roughly 30", 27, 33, A, None, None),
    ("some 40 militiamen", 36, 44, A, "militiamen", "militiaman"),
    ("circa 10", 9, 11, A, None, None),
    ("an estimated 200", 180, 220, A, None, None),
    ("about five", 4, 6, A, None, None),
    ("nearly 50", 45, 49, A, None, None),
    ("almost 20", 18, 19, A, None, None),
    ("about 50 (45-55)", 45, 55, A, None, None),
    ("a dozen", 10, 14, A, None, None),
    # zero
    ("no casualties", 0, 0, E, "casualties", None),
    ("no injuries", 0, 0, E, "injuries", None),
    ("none", 0, 0, E, None, None),
    ("zero", 0, 0, E, None, None),
    ("no one", 0, 0, E, None, None),
    # vague words, default readings
    ("many", 2, None, V, None, None),
    ("many others", 2, None, V, None, None),
    ("a few", 2, 9, V, None, None),
    ("several civilians", 3, None, V, "civilians", "civilian"),
    ("dozens of people", 12, None, V, "people", "person"),
    ("scores", 20, None, V, None, None),
    ("tens", 10, None, V, None, None),
    ("hundreds", 100, None, V, None, None),
    ("thousands of civilians", 1000, None, V, "civilians", "civilian"),
    # multipliers, ranges after bound words, "or" (more in tests/data/tricky_phrases.json)
    ("a hundred people", 100, 100, E, "people", "person"),
    ("two dozen militiamen", 24, 24, E, "militiamen", "militiaman"),
    ("1.5 million people", 1_500_000, 1_500_000, E, "people", "person"),
    ("hundreds of thousands of civilians", 100_000, None, V, "civilians", "civilian"),
    ("3 or 4 civilians", 3, 4, B, "civilians", "civilian"),
    ("up to 5-10 people", 0, 10, U, "people", "person"),
    ("a 12-year-old child", 1, 1, E, "12-year-old child", "child"),
]


@pytest.mark.parametrize(("phrase", "low", "high", "bound", "noun", "category"), TABLE,
                         ids=[row[0] for row in TABLE])
def test_phrase(seed: claims.Dossier, phrase: str, low: int, high: int | None, bound: Bound,
                noun: str | None, category: str | None) -> None:
    parsed = parse_count(phrase, seed.vocabulary)
    assert (parsed.count.low, parsed.count.high, parsed.count.bound) == (low, high, bound)
    assert parsed.count.wording == phrase
    assert (parsed.noun, parsed.category) == (noun, category)


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 60


def test_vague_readings_can_be_overridden() -> None:
    reading = claims.parse.VagueReading(10, None, "our desk's rule")
    readings = {**claims.parse.DEFAULT_VAGUE, "many": reading}
    assert parse_count("many", vague=readings).count.low == 10
    assert "ACLED" in claims.parse.DEFAULT_VAGUE["dozens"].basis
    with pytest.raises(claims.ValidationError, match=r"'low' must be <= 'high': low=5, high=2"):
        claims.parse.VagueReading(5, 2)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("lots of people", r"cannot read a count in 'lots of people': expected a number"),
        ("between 9 and", r"cannot read a count in 'between 9 and': expected 'between "
                          r"<number> and <number>'"),
        ("at least some", r"expected a number after 'at least'"),
        ("9 to 4", r"the range runs backwards: 9 to 4"),
        ("less than 0", r"'less than 0' leaves no count"),
        ("about 50 (60-70)", r"the band \(60-70\) does not hold 50"),
        ("", r"expected a phrase with a count, got ''"),
        (None, r"expected a phrase with a count, got None"),
        ("2.5", r"'2\.5' is not a whole number"),
        ("nine twelve", r"'twelve' after 'nine' is not understood"),
        ("x" * 1_000, r"cannot read a count in 'x{80}…': expected a number"),
    ],
)
def test_unreadable_phrases(phrase: str, message: str) -> None:
    with pytest.raises(claims.ParseError, match=message):
        parse_count(phrase)


def test_the_band_must_be_a_finite_fraction() -> None:
    assert parse_count("about 50", approximate=0.2).count.low == 40
    with pytest.raises(claims.ValidationError, match=r"'approximate' must be a finite number "
                                                     r">= 0: approximate=nan"):
        parse_count("about 50", approximate=float("nan"))


@given(strategies.counts())
def test_formatting_then_parsing_keeps_the_bounds(count: claims.Count) -> None:
    again = parse_count(count.describe()).count
    assert (again.low, again.high) == (count.low, count.high)


@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_with_the_library_error(text: str) -> None:
    try:
        parsed = parse_count(text)
    except claims.ParseError as error:
        assert repr(text) in str(error) or "expected a phrase" in str(error)
    else:
        assert parsed.count.high is None or parsed.count.low <= parsed.count.high
        assert parsed.count.wording is not None


@given(st.from_regex(r"(at least|up to|about|between 3 and|more than) [0-9]{1,4}",
                     fullmatch=True))
def test_parsing_never_returns_low_above_high(text: str) -> None:
    try:
        count = parse_count(text).count
    except claims.ParseError as error:
        assert "runs backwards" in str(error)  # "between 3 and 0" is refused, not flipped
    else:
        assert count.high is None or count.low <= count.high


@pytest.mark.parametrize(
    ("text", "hedge", "status"),
    [
        ("an air missile attack presumably by American warplanes", Hedge.PRESUMABLY,
         Status.ASSERTED),
        ("four were reportedly killed", Hedge.REPORTEDLY, Status.ASSERTED),
        ("allegedly carried out by", Hedge.ALLEGEDLY, Status.ASSERTED),
        ("according to a spokesman", Hedge.ACCORDING_TO, Status.ASSERTED),
        ("the group claimed responsibility", Hedge.CLAIMED, Status.ASSERTED),
        ("fighters said to be members", Hedge.SAID_TO, Status.ASSERTED),
        ("the ministry confirmed the deaths", Hedge.CONFIRMED, Status.ASSERTED),
        ("unconfirmed reports", Hedge.UNCONFIRMED, Status.ASSERTED),
        ("the army denied any casualties", None, Status.DENIED),
        ("Despite the U.S. not disclosing the information", None, Status.NOT_DISCLOSED),
        ("nine militia fighters died", None, Status.ASSERTED),
        # negation
        ("the toll could not be independently confirmed", Hedge.UNCONFIRMED, Status.ASSERTED),
        ("the deaths were not confirmed", Hedge.UNCONFIRMED, Status.ASSERTED),
        ("the figure has not yet been verified", Hedge.UNCONFIRMED, Status.ASSERTED),
        ("the army did not deny the strike", None, Status.ASSERTED),
        ("the ministry does not deny it", None, Status.ASSERTED),
        ("the group has not denied involvement", None, Status.ASSERTED),
        ("officials neither confirmed nor denied the deaths", Hedge.UNCONFIRMED,
         Status.ASSERTED),
        ("no group has claimed responsibility", None, Status.ASSERTED),
        ("the army denied it but did not deny the strike", None, Status.DENIED),
    ],
)
def test_stance(text: str, hedge: Hedge | None, status: Status) -> None:
    stance = parse_stance(text)
    assert (stance.hedge, stance.status) == (hedge, status)
    assert bool(stance.cues) == (hedge is not None or status is not Status.ASSERTED)


def test_a_negated_confirmation_is_the_cue() -> None:
    assert parse_stance("it could not be independently confirmed").cues == (
        "could not be independently confirmed",)
    assert parse_stance("neither confirmed nor denied").cues == ("neither confirmed",)
    with pytest.raises(claims.ParseError, match=r"expected a phrase to read a stance in, "
                                                r"got None"):
        parse_stance(None)  # type: ignore[arg-type]


def test_the_seed_quotes_read_as_the_fixture_records_them(seed: claims.Dossier) -> None:
    assert parse_count("at least nine Iran-backed Iraqi militia fighters").count == \
        claims.Count.at_least(9, "at least nine Iran-backed Iraqi militia fighters")
    for claim_id, phrase in (("sohr-killed", "at least nine"), ("militia-killed", "four"),
                             ("sana-killed", "a child"), ("sana-injured", "three civilians"),
                             ("oir-injured", "no injuries")):
        recorded = seed.claim(claim_id).value
        assert isinstance(recorded, claims.Count)
        parsed = parse_count(phrase).count
        assert (parsed.low, parsed.high, parsed.bound) == (recorded.low, recorded.high,
                                                           recorded.bound)
    sana = seed.claim("sana-perpetrator")
    assert parse_stance(sana.provenance.quote).hedge is sana.hedge
