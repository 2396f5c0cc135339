"""Names, times and proposed claims, on the seed event's own words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import Count, Hedge, Scope

UTC3 = dt.timezone(dt.timedelta(hours=3))
STRIKE = "us-strike-2021-06-28"


def test_close_names_are_suggested_never_merged(seed: claims.Dossier) -> None:
    (best, *_) = claims.suggest_actors("Kataib Sayed al-Shuhada", seed.vocabulary)
    assert best.actor == "kataib-sayyid-al-shuhada" and 90 < best.score < 100
    exact = claims.suggest_actors("KATA'IB SAYYID AL SHUHADA", seed.vocabulary)
    assert exact[0].score == 100.0
    assert claims.suggest_actors("Hamas", seed.vocabulary) == []
    with pytest.raises(claims.UnknownReferenceError):
        seed.vocabulary.resolve_actor("Kataib Sayed al-Shuhada")  # no silent merge


def test_places_are_added_in_a_line(seed: claims.Dossier) -> None:
    vocabulary = seed.vocabulary.add(claims.Place("al-qaim", "Al-Qaim", within="iraq"))
    assert vocabulary.place_within("al-qaim", "iraq")
    assert not vocabulary.place_within("al-qaim", "syria")
    with pytest.raises(claims.ValidationError, match=r"unknown place 'mars'"):
        seed.vocabulary.add(claims.Place("olympus", "Olympus", within="mars"))
    with pytest.raises(claims.ValidationError, match=r"cannot add 3 to a vocabulary"):
        seed.vocabulary.add(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("28 June 2021", "2021-06-28T00:00:00+03:00", "2021-06-29T00:00:00+03:00", "day"),
        ("June 28, 2021", "2021-06-28T00:00:00+03:00", "2021-06-29T00:00:00+03:00", "day"),
        ("2021-06-28", "2021-06-28T00:00:00+03:00", "2021-06-29T00:00:00+03:00", "day"),
        ("after midnight", "2021-06-28T00:00:00+03:00", "2021-06-28T06:00:00+03:00",
         "part_of_day"),
        ("in the evening", "2021-06-28T18:00:00+03:00", "2021-06-29T00:00:00+03:00",
         "part_of_day"),
        ("2021-06-27T22:30:00+00:00", "2021-06-27T22:30:00+00:00",
         "2021-06-27T22:30:01+00:00", "second"),
        ("2021-06-28T01:30", "2021-06-28T01:30:00+03:00", "2021-06-28T01:30:01+03:00",
         "second"),
        ("June 2021", "2021-06-01T00:00:00+03:00", "2021-07-01T00:00:00+03:00", "month"),
        ("2021", "2021-01-01T00:00:00+03:00", "2022-01-01T00:00:00+03:00", "year"),
    ],
)
def test_times(text: str, start: str, end: str, precision: str) -> None:
    span = claims.parse_time(text, UTC3, day=dt.date(2021, 6, 28))
    assert (span.start.isoformat(), span.end.isoformat(), span.precision.value) == (
        start, end, precision)
    assert span.wording == text


def test_times_compare_across_zones_once_read() -> None:
    night = claims.parse_time("after midnight", UTC3, day=dt.date(2021, 6, 28))
    utc = claims.parse_time("2021-06-27T22:30:00+00:00", UTC3)
    assert night.contains(utc)


@pytest.mark.parametrize(("text", "message"), [
    ("after midnight", r"'after midnight' needs the day it belongs to"),
    ("31 Smarch 2021", r"'smarch' is not a month"),
    ("last week", r"cannot read a time in 'last week': expected an ISO date"),
    ("31 February 2021", r"cannot read a time in '31 February 2021'"),
])
def test_unreadable_times(text: str, message: str) -> None:
    with pytest.raises(claims.ParseError, match=message):
        claims.parse_time(text, UTC3)


@given(st.text(max_size=30))
def test_any_text_is_a_time_or_the_library_error(text: str) -> None:
    try:
        span = claims.parse_time(text, UTC3, day=dt.date(2021, 6, 28))
    except claims.ParseError as error:
        assert repr(text) in str(error)
    else:
        assert span.end > span.start


def _proposed(seed: claims.Dossier, claim_id: str) -> list[claims.Claim]:
    original = seed.claim(claim_id)
    return claims.propose_claims(original.provenance.quote, seed.vocabulary,
                                 source=original.source, event=original.event)


def test_proposals_from_the_seed_quotes(seed: claims.Dossier) -> None:
    sohr = _proposed(seed, "sohr-killed")
    assert [(c.predicate, c.value, c.scope) for c in sohr] == [
        ("killed", Count.at_least(9, "at least nine Iran-backed Iraqi militia fighters"),
         Scope("militiaman")),
        ("injured", Count.vague("many others", 2), Scope()),
    ]
    (militia,) = _proposed(seed, "militia-killed")
    assert militia.value is not None and isinstance(militia.value, Count)
    assert (militia.value.low, militia.value.high) == (4, 4)
    assert militia.scope == Scope("faction-member", "kataib-sayyid-al-shuhada")
    sana = _proposed(seed, "sana-killed")
    assert [(c.predicate, c.value.low if isinstance(c.value, Count) else None, c.scope.category,
             c.hedge) for c in sana] == [("killed", 1, "child", None),
                                         ("injured", 3, "civilian", None)]
    # "presumably by American warplanes" hedges who attacked; the same word hedges the figure
    # when it governs it.
    hedged = claims.propose_claims("Two civilians were presumably killed.", seed.vocabulary,
                                   source="sana", event=STRIKE)
    assert [c.hedge for c in hedged] == [Hedge.PRESUMABLY]
    (oir,) = _proposed(seed, "oir-injured")
    assert (oir.predicate, oir.value, oir.hedge) == (
        "injured", Count.exact(0, "no injuries"), Hedge.ACCORDING_TO)
    assert all(c.provenance.quote == seed.claim("sana-killed").provenance.quote for c in sana)
    assert all("check before use" in (c.note or "") for c in sohr + sana)


def test_proposals_agree_with_the_fixture(seed: claims.Dossier) -> None:
    """What the helper proposes is what the fixture's coder recorded, figure for figure."""
    for claim_id in ("sohr-killed", "sohr-injured", "sana-killed", "sana-injured",
                     "oir-injured", "militia-killed"):
        recorded = seed.claim(claim_id)
        assert isinstance(recorded.value, claims.Count)
        matches = [c for c in _proposed(seed, claim_id) if c.predicate == recorded.predicate]
        assert len(matches) == 1
        proposed = matches[0].value
        assert isinstance(proposed, claims.Count)
        assert (proposed.low, proposed.high, proposed.bound) == (
            recorded.value.low, recorded.value.high, recorded.value.bound)
        if claim_id.startswith("sana"):  # the hedge on the attacker stays off the figures
            assert matches[0].hedge is recorded.hedge is None


def test_nothing_is_invented(seed: claims.Dossier) -> None:
    with pytest.raises(claims.ParseError, match=r"found no casualty figure"):
        claims.propose_claims("A statement said people were killed.", seed.vocabulary,
                              source="sana", event=STRIKE)
    vocabulary = claims.Vocabulary()
    with pytest.raises(claims.ParseError, match=r"found no casualty figure in"):
        claims.propose_claims("The ministry condemned the attack.", vocabulary,
                              source="s", event="e")
    with pytest.raises(claims.ParseError):
        claims.propose_claims("A statement said people were killed.", vocabulary,
                              source="s", event="e")


@given(st.lists(st.sampled_from(
    ["killed", "injured", "at least", "nine", "a", "child", "many", ",", "and", "4",
     "militiamen", "died", "no", "injuries", "statement", "said", "people", "were"]),
    max_size=12).map(" ".join))
def test_proposals_hold_only_words_of_the_quote(seed: claims.Dossier, quote: str) -> None:
    try:
        proposed = claims.propose_claims(quote, seed.vocabulary, source="sana", event=STRIKE)
    except claims.ParseError as error:
        assert "found no casualty figure" in str(error)
    else:
        for claim in proposed:
            assert isinstance(claim.value, Count) and claim.value.wording is not None
            assert claim.value.wording in quote
