"""Reading wire copy: the coded corpus read at the bars (precision 0.95, recall 0.85, per
language), proposals that point at their words, the agency phrasings one by one, Arabic, and
a long input read in time proportional to its length."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import Hedge
from claims.model import Coverage
from claims.parse import Proposal, propose, spelling_key
from tests import wire_quality
from tests.conftest import ROOT

EVENT = "wire-event"


@pytest.fixture(scope="module")
def words() -> claims.Vocabulary:
    return wire_quality.vocabulary()


def _read(quote: str, vocabulary: claims.Vocabulary, **options: str) -> list[Proposal]:
    return propose(quote, vocabulary, source="wire", event=EVENT, **options)


def _figures(proposals: list[Proposal]) -> list[tuple[object, ...]]:
    found = []
    for proposal in proposals:
        claim = proposal.claim
        value = claim.value
        figure = (value.low, value.high) if isinstance(value, claims.Count) else None
        found.append((claim.predicate, figure, claim.scope.category, claim.scope.actor,
                      None if claim.hedge is None else claim.hedge.value, claim.status.value))
    return found


# -- the corpus -----------------------------------------------------------------------------


def test_the_corpus_is_well_formed(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "tests" / "data" / "check_wire_corpus.py"
    spec = importlib.util.spec_from_file_location("check_wire_corpus", path)
    assert spec is not None and spec.loader is not None
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    assert checker.main() == 0, capsys.readouterr().out


@pytest.fixture(scope="module")
def scores() -> dict[str, wire_quality.Score]:
    return wire_quality.measure()


def test_the_corpus_is_read_at_the_bars(scores: dict[str, wire_quality.Score]) -> None:
    """Precision 0.95 (nothing invented) and recall 0.85, in each language."""
    assert wire_quality.BARS == {"precision": 0.95, "recall": 0.85}
    assert set(scores) == {"en", "ar"}
    for language, score in scores.items():
        assert score.sentences > 90, language
        assert score.precision >= 0.95, score.line(language)
        assert score.recall >= 0.85, score.line(language)
        assert score.passes


def test_every_proposal_points_at_its_words(words: claims.Vocabulary) -> None:
    for entry in wire_quality.entries():
        for proposal in wire_quality.proposals_for(entry, words):
            text = entry["text"]
            assert text[proposal.start:proposal.end] == proposal.words != ""
            claim = proposal.claim
            assert claim.provenance.quote == text  # in its own script, short vowels and all
            assert claim.provenance.language == entry["lang"]
            if isinstance(claim.value, claims.Count):
                assert claim.value.wording == proposal.words
            if proposal.attributed_to is not None:
                assert proposal.attributed_to in text
                assert repr(proposal.attributed_to) in (claim.note or "")


def test_the_quality_script_reports_both_languages(
        scores: dict[str, wire_quality.Score]) -> None:
    printed = "\n".join(wire_quality.report(scores))
    assert "en: 221 sentences" in printed and "ar: 99 sentences" in printed
    assert printed.count("precision") == 2 and printed.count("of the right: actor") == 2


# -- English agency phrasing ------------------------------------------------------------------


@pytest.mark.parametrize(("quote", "expected"), [
    ("Five fighters were killed in the strike.",
     [("killed", (5, 5), "fighter", None, None, "asserted")]),
    ("The strike killed five fighters.",
     [("killed", (5, 5), "fighter", None, None, "asserted")]),
    ("The strike left 14 dead.", [("killed", (14, 14), None, None, None, "asserted")]),
    ("The air strikes killed nine and wounded four.",
     [("killed", (9, 9), None, None, None, "asserted"),
      ("injured", (4, 4), None, None, None, "asserted")]),
    ("Eight militiamen were killed and eleven wounded.",  # "eleven" shares the noun
     [("killed", (8, 8), "militiaman", None, None, "asserted"),
      ("injured", (11, 11), "militiaman", None, None, "asserted")]),
    ("Four gunmen killed two soldiers.",  # the gunmen did it
     [("killed", (2, 2), "soldier", None, None, "asserted")]),
    ("Militia fighters, nine of them members of Kata'ib Hezbollah, were killed.",
     [("killed", (9, 9), "militiaman", "kataib-hezbollah", None, "asserted")]),
    ("Katayib Sayyid al-Shuhada said four of its fighters were killed.",
     [("killed", (4, 4), "fighter", "kataib-sayyid-al-shuhada", None, "asserted")]),
    ("The strike, reportedly carried out by U.S. jets, killed three fighters.",
     [("killed", (3, 3), "fighter", None, None, "asserted")]),  # the hedge is on who did it
    ("Five fighters were reportedly killed.",
     [("killed", (5, 5), "fighter", None, "reportedly", "asserted")]),
    ("The ministry denied that any civilians were killed.",
     [("killed", (1, None), "civilian", None, None, "denied")]),
    ("Officials declined to say how many soldiers were wounded.",
     [("injured", None, "soldier", None, None, "not_disclosed")]),
    ("The U.S. did not disclose the casualties.",  # killed and injured together
     [("killed", None, None, None, None, "not_disclosed"),
      ("injured", None, None, None, None, "not_disclosed")]),
])
def test_english_phrasing(words: claims.Vocabulary, quote: str,
                          expected: list[tuple[object, ...]]) -> None:
    assert _figures(_read(quote, words)) == expected


@pytest.mark.parametrize(("quote", "expected"), [
    ("Police said 3 of the 5 suspects were killed.",  # the 5 are where the 3 come from
     [("killed", (3, 3), None, None, None, "asserted")]),
    ("None of the 12 passengers was hurt.", [("injured", (0, 0), None, None, None, "asserted")]),
    ("The militia, which has 500 fighters, lost 20 of them in the battle.",
     [("killed", (20, 20), None, None, None, "asserted")]),
    ("Hospitals treated 40 wounded people.",
     [("injured", (40, 40), "person", None, None, "asserted")]),
    ("The two-day operation killed 5 fighters near the 17th checkpoint at 3 a.m.",
     [("killed", (5, 5), "fighter", None, None, "asserted")]),
    ("Two girls aged 8 and 11 were among those hurt.",
     [("injured", (2, 2), "child", None, None, "asserted")]),
])
def test_only_figures_a_casualty_word_speaks_for(words: claims.Vocabulary, quote: str,
                                                 expected: list[tuple[object, ...]]) -> None:
    assert _figures(_read(quote, words)) == expected


@pytest.mark.parametrize("quote", [
    "He was 45 when he was killed.",
    "Residents said they heard four loud explosions after midnight.",
    "Militias fired some 30 rockets at the base over the weekend.",
    "A statement said they were killed.",
    "سقطت ثلاثة صواريخ على القاعدة.",
])
def test_no_figure_is_invented(words: claims.Vocabulary, quote: str) -> None:
    with pytest.raises(claims.ParseError, match=r"found no casualty figure"):
        _read(quote, words)


WIRE_WORDS = ["killed", "wounded", "were", "at least", "nine", "a", "child", "and", ",", ".",
              "of", "them", "including", "the", "death toll", "rose to", "14", "1,200", "قُتل",
              "٩", "عناصر", "بينهم", "و", "طفلان", "على الأقل", "no", "any", "denied",
              "according to", "medics", "said", "casualties", "others", "its", "members",
              "لم", "يُصب", "أحد", ";", "  ", "ً", "among the", "aged", "2019", "dead"]


@given(st.lists(st.sampled_from(WIRE_WORDS), max_size=14).map(" ".join))
def test_proposals_point_into_any_quote(words: claims.Vocabulary, quote: str) -> None:
    try:
        proposals = _read(quote, words)
    except claims.ParseError as error:
        assert "found no casualty figure" in str(error)
        return
    for proposal in proposals:
        assert quote[proposal.start:proposal.end] == proposal.words != ""
        assert proposal.part_of is None or 0 <= proposal.part_of < len(proposals)


def test_a_part_is_a_narrower_figure_inside_its_total(words: claims.Vocabulary) -> None:
    total, part = _read("The strike killed 12 people, including three children.", words)
    assert (part.part_of, part.claim.coverage, part.claim.scope.category) == (
        0, Coverage.PARTIAL, "child")
    assert total.part_of is None and total.claim.coverage is None
    assert "a part of the figure proposed as #1" in (part.claim.note or "")
    *_, nine = _read("The strikes killed 18 fighters, nine of them Iraqi nationals.", words)
    assert (nine.part_of, nine.claim.scope.category) == (0, "fighter")  # the total's people


def test_a_toll_that_rose_is_a_revision(words: claims.Vocabulary) -> None:
    (toll,) = _read("The death toll rose to 14, the monitor said.", words)
    assert (toll.revision, toll.words, toll.attributed_to) == (True, "14", "the monitor")
    assert "a revised toll" in (toll.claim.note or "")
    (standing,) = _read("The death toll stands at 14.", words)
    assert not standing.revision


def test_a_third_party_is_kept_apart_from_the_source(words: claims.Vocabulary) -> None:
    three, four = _read("The strike killed three soldiers, according to the army, and "
                        "wounded four civilians, medics said.", words)
    assert (three.attributed_to, three.claim.hedge) == ("the army", Hedge.ACCORDING_TO)
    assert (four.attributed_to, four.claim.hedge) == ("medics", None)
    assert three.claim.source == four.claim.source == "wire"  # the source stays as given
    assert "the quote gives it to 'medics'" in (four.claim.note or "")


@pytest.mark.parametrize("quote", [
    "The strike caused 15 casualties, the monitor said.",
    "Twelve people were killed or wounded in the attack.",
    "سقط عشرات القتلى والجرحى في القصف.",
])
def test_casualties_are_not_split(words: claims.Vocabulary, quote: str) -> None:
    with pytest.raises(claims.ParseError, match=r"'casualties' counts the killed and the "
                                                r"injured together, and the split is not "
                                                r"guessed"):
        _read(quote, words)


def test_a_given_split_of_casualties_is_read(words: claims.Vocabulary) -> None:
    assert _figures(_read("The raid left 20 casualties: six dead and 14 wounded.", words)) == [
        ("killed", (6, 6), None, None, None, "asserted"),
        ("injured", (14, 14), None, None, None, "asserted")]


# -- Arabic -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("quote", "expected"), [
    ("قُتل ۴ عناصر من كتائب سيد الشهداء في الغارة.",  # a Persian digit
     [("killed", (4, 4), "militiaman", "kataib-sayyid-al-shuhada", None, "asserted")]),
    ("قتيلان وثلاثة جرحى في غارة جوية.",  # the dual counts two
     [("killed", (2, 2), None, None, None, "asserted"),
      ("injured", (3, 3), None, None, None, "asserted")]),
    ("أصيب جنديان أمريكيان بجروح طفيفة، بحسب مسؤول أمريكي.",
     [("injured", (2, 2), "soldier", "united-states", "according_to", "asserted")]),
    ("قُتل مدنيان بقصف يرجح أنه لطائرات التحالف الدولي.",  # the hedge is on who did it
     [("killed", (2, 2), "civilian", None, None, "asserted")]),
    ("يُرجّح مقتل ٥ عناصر من الحشد الشعبي في الضربة.",
     [("killed", (5, 5), "militiaman", "popular-mobilization-forces", "presumably",
       "asserted")]),
    ("قُتل أكثر من ٢٠ مقاتلاً في الاشتباكات.",
     [("killed", (21, None), "fighter", None, None, "asserted")]),
    ("نفى التحالف الدولي مقتل أي مدني في الغارة.",
     [("killed", (1, None), "civilian", None, None, "denied")]),
    ("لم ينفِ الحشد الشعبي مقتل ثلاثة من عناصره.",  # not a denial; "its" members
     [("killed", (3, 3), "militiaman", "popular-mobilization-forces", None, "asserted")]),
    ("سقطت ثلاثة صواريخ على القاعدة ولم يُصب أحد.",  # rockets are not people
     [("injured", (0, 0), None, None, None, "asserted")]),
])
def test_arabic(words: claims.Vocabulary, quote: str, expected: list[tuple[object, ...]]) -> None:
    proposals = _read(quote, words)
    assert _figures(proposals) == expected
    assert all(p.claim.provenance.language == "ar" for p in proposals)


def test_arabic_parts_and_revisions(words: claims.Vocabulary) -> None:
    total, part = _read("١٢ قتيلاً بينهم ٣ أطفال في غارة على البوكمال.", words)
    assert (total.words, part.words, part.part_of, part.claim.scope.category) == (
        "١٢", "٣", 0, "child")
    (toll,) = _read("ارتفع عدد القتلى إلى ١٤ قتيلاً، بحسب المرصد السوري.", words)
    assert (toll.revision, toll.attributed_to, toll.claim.hedge) == (
        True, "المرصد السوري", Hedge.ACCORDING_TO)


def test_the_language_tag(words: claims.Vocabulary) -> None:
    (english,) = _read("Five fighters were killed.", words)
    assert english.claim.provenance.language == "en"
    (tagged,) = _read("Five fighters were killed.", words, language="en-GB")
    assert tagged.claim.provenance.language == "en-GB"
    with pytest.raises(claims.ParseError, match=r"cannot read claims in language 'fr'"):
        _read("Cinq combattants ont été tués.", words, language="fr")
    with pytest.raises(claims.ParseError, match=r"expected a quote to propose claims from, "
                                                r"got None"):
        _read(None, words)  # type: ignore[arg-type]


def test_plain_claims_are_the_proposals_claims(words: claims.Vocabulary) -> None:
    quote = "Seven people were killed, among them two women, medics said."
    assert claims.propose_claims(quote, words, source="wire", event=EVENT) == [
        p.claim for p in _read(quote, words)]


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [
    "Kataib Sayyed al-Shuhada", "Kata'ib Sayyid al-Shuhada", "Katayib Sayyid al-Shuhada",
    "Kata’ib Sayyid al-Shuhada", "Kataʾib Sayyid ash-Shuhada", "KATAIB SAYYID EL-SHUHADA"])
def test_transliterations_of_one_name_have_one_key(spelling: str) -> None:
    assert spelling_key(spelling) == spelling_key("Kata'ib Sayyid al-Shuhada")


def test_a_doubled_consonant_is_not_folded() -> None:
    assert spelling_key("Kataib Sayed al-Shuhada") != spelling_key("Kataib Sayyid al-Shuhada")
    assert spelling_key("Hezbollah") == spelling_key("Hizbullah")


# -- long input ---------------------------------------------------------------------------------


def test_a_long_quote_is_read_in_linear_time(words: claims.Vocabulary) -> None:
    """10,000 words in one clause. The reader before this one re-read the clause before each
    casualty word: two minutes at 2,000 words of this text, hours at this size."""
    quote = "at least nine militia fighters died and " * 1_500
    proposals = _read(quote, words)
    assert len(proposals) == 1_500
    assert {(p.claim.predicate, p.words) for p in proposals} == {("killed", "at least nine")}
    arabic = "قُتل ٩ مقاتلين و٢ من المدنيين وأصيب ١٤ شخصاً بينهم ٣ أطفال، " * 500
    assert len(_read(arabic, words)) == 2_000


def test_a_long_quote_without_figures_is_refused_quickly(words: claims.Vocabulary) -> None:
    with pytest.raises(claims.ParseError, match=r"found no casualty figure in 'killed "):
        _read("killed " * 20_000, words)
