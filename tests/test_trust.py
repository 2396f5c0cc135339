"""Trust learned across events: each method against a worked example whose numbers are
derived here by hand, against planted reliable and unreliable sources, and by properties
(scores within 0..1, order of the claims immaterial, agreeing beats disagreeing)."""

from __future__ import annotations

import importlib
import math
import random
from statistics import pstdev
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import Count, Reliability, Scope
from claims.errors import MissingExtraError
from claims.trust import (
    CRH,
    METHODS,
    Sums,
    TrustEstimate,
    TruthFinder,
    estimate_trust,
    gather_evidence,
    grade,
    grade_sources,
)
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY, reconcilable_claims

METHOD_NAMES = sorted(METHODS)


def source(ident: str, affiliation: str | None = None) -> claims.Source:
    return claims.Source(id=ident, name=ident.title(), kind="news_agency",
                         affiliation=affiliation)


def claim(ident: str, who: str, value: Count, event: str = "e1", *,
          scope: Scope | None = None, relays: tuple[str, ...] = ()) -> claims.Claim:
    return claims.Claim(
        id=ident, event=event, predicate="killed", value=value, scope=scope or Scope(),
        provenance=claims.Provenance(source=who, quote=f"{ident} (invented)",
                                     relays=tuple(claims.Relay(outlet=o) for o in relays)))


# -- a worked example: A says 5, B says between 4 and 6, C says 20 ------------------------
#
# One group, three independent sources. Its facts, in order, are [4, 6] (B), [5] (A) and
# [20] (C). How far one, if true, makes another true: [5] lies within [4, 6] (1); [4, 6]
# overlaps [5] without lying within it (1/2); [20] excludes both, and both exclude it (0).

A, B, C = source("a"), source("b"), source("c")
WORKED = claims.reconcile([claim("a1", "a", Count.exact(5)),
                           claim("b1", "b", Count.between(4, 6)),
                           claim("c1", "c", Count.exact(20))], sources=[A, B, C])


def scores(estimate: TrustEstimate) -> tuple[float, float, float]:
    return estimate["a"].score, estimate["b"].score, estimate["c"].score


def test_the_worked_example_gathers_three_facts_and_their_implications() -> None:
    evidence = gather_evidence(WORKED)
    assert evidence.sources == ("a", "b", "c")
    assert list(evidence.fact_object) == [0, 0, 0]
    # claims in fact order: B holds [4, 6], A holds [5], C holds [20]; one vote each
    assert list(zip(evidence.claim_fact, evidence.claim_source, strict=True)) == [
        (0, 1), (1, 0), (2, 2)]
    assert list(evidence.claim_vote) == list(evidence.claim_own) == [1.0, 1.0, 1.0]
    implications = {(f, t): i for f, t, i in zip(evidence.pair_from, evidence.pair_to,
                                                  evidence.pair_implication, strict=True)}
    assert implications == {(1, 0): 1.0, (0, 1): 0.5, (2, 0): 0.0, (0, 2): 0.0,
                            (1, 2): 0.0, (2, 1): 0.0}


def test_truthfinder_by_hand() -> None:
    # Round 1 starts from t = 0.9 for everyone: τ = -ln(1 - 0.9) = ln 10 = 2.302585.
    tau = math.log(10)
    # σ of each fact is the τ of its one source. With ρ = 0.5 and base 0.5, the other
    # facts add ρ · σ(f') · (imp(f' → f) - 0.5):
    #   [4, 6]: τ + 0.5 · (τ · (1 - 0.5) + τ · (0 - 0.5))     = τ          = 2.302585
    #   [5]:    τ + 0.5 · (τ · (0.5 - 0.5) + τ · (0 - 0.5))   = 0.75 τ     = 1.726939
    #   [20]:   τ + 0.5 · (τ · (0 - 0.5) + τ · (0 - 0.5))     = 0.5 τ      = 1.151293
    # and each confidence is 1 / (1 + e^(-0.3 σ*)): 0.666139, 0.626699, 0.585498.
    def confidence(sigma: float) -> float:
        return 1 / (1 + math.exp(-0.3 * sigma))

    assert confidence(tau) == pytest.approx(0.666139, abs=1e-6)
    assert confidence(0.75 * tau) == pytest.approx(0.626699, abs=1e-6)
    assert confidence(0.5 * tau) == pytest.approx(0.585498, abs=1e-6)
    # Each source's trustworthiness is then its one fact's confidence.
    first = estimate_trust(WORKED, method="truthfinder", max_iterations=1)
    assert scores(first) == pytest.approx((0.626699, 0.666139, 0.585498), abs=1e-6)
    assert (first.iterations, first.converged) == (1, False)
    assert first.change == pytest.approx(0.9 - 0.585498, abs=1e-6)  # C fell the most
    # Round 2: τ = -ln(1 - t) of those, e.g. τ(B) = -ln(0.333861) = 1.097030.
    t_a, t_b, t_c = (-math.log(1 - t) for t in (0.626699, 0.666139, 0.585498))
    second = (t_a + 0.5 * (0 * t_b - 0.5 * t_c),    # [5]:   B's overlaps (0), C excludes
              t_b + 0.5 * (0.5 * t_a - 0.5 * t_c),   # [4,6]: A's 5 within, C excludes
              t_c + 0.5 * (-0.5 * t_a - 0.5 * t_b))  # [20]:  both exclude it
    assert scores(estimate_trust(WORKED, method="truthfinder", max_iterations=2)) == \
        pytest.approx(tuple(confidence(s) for s in second), abs=1e-5)
    final = estimate_trust(WORKED, method="truthfinder")
    assert final.converged and final.change < 1e-6
    assert final.ranking() == ("b", "a", "c")
    # B's [4, 6] is believed; A's 5 lies in it, C's 20 does not.
    assert [final[s].accuracy for s in "abc"] == [1.0, 1.0, 0.0]


def test_sums_by_hand() -> None:
    # Everyone starts with trust 1, so each fact is held by 1 (V = 1, 1, 1). Beliefs add
    # what the other facts imply: [4, 6] = 1 + 1 · 1 ([5] within) + 0 · 1 = 2;
    # [5] = 1 + 0.5 · 1 ([4, 6] overlaps) = 1.5; [20] = 1. Over the largest: 1, 0.75, 0.5,
    # and each source's trust is its fact's belief over the largest: A 0.75, B 1, C 0.5.
    first = estimate_trust(WORKED, method="sums", max_iterations=1)
    assert scores(first) == pytest.approx((0.75, 1.0, 0.5))
    # Round 2: V = 0.75 (A), 1 (B), 0.5 (C). [4, 6] = 1 + 0.75 = 1.75; [5] = 0.75 + 0.5 = 1.25;
    # [20] = 0.5. Over 1.75: A 5/7, B 1, C 2/7.
    second = estimate_trust(WORKED, method="sums", max_iterations=2)
    assert scores(second) == pytest.approx((5 / 7, 1.0, 2 / 7))
    # The fixed point: T(A) = T(A) + T(B)/2 and T(B) = T(B) + T(A), up to a factor λ, so
    # λ = 1 + 1/√2 and T(A)/T(B) = 1/√2; C, whose fact nothing else backs, has λ = 1 and
    # fades: its share shrinks by 1/(1 + 1/√2) a round.
    final = estimate_trust(WORKED, method="sums")
    assert final.converged
    assert scores(final) == pytest.approx((1 / math.sqrt(2), 1.0, 0.0), abs=1e-5)


def test_crh_by_hand() -> None:
    # Candidates are the finite ends 4, 5, 6, 20; losses are distances over their spread.
    spread = pstdev([4, 5, 6, 20])
    assert spread == pytest.approx(6.5336, abs=1e-4)
    # Equal weights: the sum of distances to [4, 6], [5] and [20] is 0+1+16 = 17 at 4,
    # 0+0+15 = 15 at 5, 0+1+14 = 15 at 6, 14+15+0 = 29 at 20. Five and six tie, so each is
    # the truth with chance 1/2: A loses (0 + 1)/2, B 0, C (15 + 14)/2, over the spread.
    loss_a, loss_b, loss_c = 0.5 / spread, 0.0, 14.5 / spread
    total = loss_a + loss_b + loss_c
    weights = [math.log((total + 0.01) / (loss + 0.01)) for loss in (loss_a, loss_b, loss_c)]
    first = estimate_trust(WORKED, method="crh", max_iterations=1)
    assert scores(first) == pytest.approx(tuple(w / max(weights) for w in weights))
    # Round 2: A now outweighs C, so 5 (C's 15 away) beats 6 (A's 1 and C's 14): only C
    # loses, 15/spread, and weighs ln(1) = 0. Round 3 finds the same truth: converged.
    final = estimate_trust(WORKED, method="crh")
    assert scores(final) == pytest.approx((1.0, 1.0, 0.0))
    assert (final.iterations, final.change, final.converged) == (3, 0.0, True)
    assert [final[s].accuracy for s in "abc"] == [1.0, 1.0, 0.0]


# -- independence -------------------------------------------------------------------------


def party_case(affiliated: bool) -> claims.Report:
    """Two independent sources say 10; three sources say 50, of one party or of three."""
    party = "state" if affiliated else None
    sources = [source("i1"), source("i2"), *(source(f"p{n}", party) for n in range(3))]
    found = []
    for event in range(6):
        found += [claim(f"i1-{event}", "i1", Count.exact(10 + event), f"e{event}"),
                  claim(f"i2-{event}", "i2", Count.exact(10 + event), f"e{event}")]
        found += [claim(f"p{n}-{event}", f"p{n}", Count.exact(50 + event), f"e{event}")
                  for n in range(3)]
    return claims.reconcile(found, sources=sources)


@pytest.mark.parametrize("method", METHOD_NAMES)
def test_sources_of_one_party_vote_once(method: str) -> None:
    united = estimate_trust(party_case(affiliated=True), method=method)
    assert united["i1"].accuracy == united["i2"].accuracy == 1.0
    assert all(united[f"p{n}"].accuracy == 0.0 for n in range(3))
    assert united["i1"].score > united["p0"].score
    # Were they three independent parties, three would outvote two.
    apart = estimate_trust(party_case(affiliated=False), method=method)
    assert apart["p0"].accuracy == 1.0 and apart["i1"].accuracy == 0.0


def test_a_party_shares_one_vote_and_relays_count_once() -> None:
    evidence = gather_evidence(party_case(affiliated=True))
    votes = dict(zip((evidence.sources[s] for s in evidence.claim_source[:5]),
                     evidence.claim_vote[:5], strict=True))
    assert votes == {"i1": 1.0, "i2": 1.0, "p0": 1 / 3, "p1": 1 / 3, "p2": 1 / 3}
    relayed = claims.reconcile(
        [claim("a1", "a", Count.exact(5), relays=("b", "outlet")),
         claim("a2", "a", Count.exact(5), relays=("c",)),
         claim("b1", "b", Count.exact(5)), claim("c1", "c", Count.exact(9))],
        sources=[A, B, C, source("outlet")])
    evidence = gather_evidence(relayed)
    assert evidence.sources == ("a", "b", "c")  # an outlet that relays is not scored
    assert list(evidence.claim_vote) == [1.0, 1.0, 1.0]  # a1 and a2, relays of one: one vote


def test_a_statement_in_two_groups_weighs_half_in_each(seed: claims.Dossier) -> None:
    # The militia's "four of our members" is its account of militiamen and of the
    # Iran-backed militias' militiamen, as SOHR's "at least nine" is; the Iraqi militia
    # (a party alone on its faction's line) is compared nowhere else.
    evidence = gather_evidence(seed)
    killed = [k for k in evidence.objects if k.predicate == "killed"]
    assert [k.scope for k in killed] == [Scope("militiaman"),
                                         Scope("militiaman", "iran-backed-militias")]
    rows = [(evidence.sources[s], o) for s, f, o in zip(
        evidence.claim_source, evidence.claim_fact, evidence.claim_own, strict=True)
        if evidence.fact_object[f] < 2]
    assert rows == [("iraqi-militias", 0.5), ("sohr", 0.5)] * 2
    compared = dict(zip(evidence.sources, evidence.compared, strict=True))
    assert compared == {"iraqi-militias": 1, "sohr": 1, "sana": 5, "us-government": 2,
                        "us-military": 4}
    assert "wikipedia" not in compared and "oir-spokesman" not in compared  # alone: not compared


def test_facts_imply_as_the_reconciler_relates_them(seed: claims.Dossier) -> None:
    """Abu Kamal lies within Syria; a residential building is no weapons store; SANA's
    "after midnight" lies within the US government's 28 June (one zone)."""
    evidence = gather_evidence(seed)
    by_predicate = {k.predicate: n for n, k in enumerate(evidence.objects)}

    def implications(predicate: str) -> list[float]:
        facts = {f for f, o in enumerate(evidence.fact_object) if o == by_predicate[predicate]}
        return [i for a, i in zip(evidence.pair_from, evidence.pair_implication, strict=True)
                if a in facts]

    assert implications("place") == [1.0, 0.5]  # abu-kamal -> syria, syria -> abu-kamal
    assert implications("target") == [0.0, 0.0]
    assert implications("time") == [1.0, 0.5]  # after midnight -> the day, and back
    estimate = estimate_trust(seed, method="crh")
    # SANA and the US military each hold half the disputed target at first; then SANA,
    # right elsewhere, is believed, and the military (alone wrong) weighs 0. Its place holds;
    # its weapons store does not; and SANA's "combat aircraft", the only weight left on the
    # weapon, agrees with F-15E and F-16 alike, so the three are equally good truths and each
    # of the military's two holds two of them: (1 + 0 + 2/3) / 3.
    assert estimate["sana"].accuracy == 1.0
    assert estimate["us-military"].score == 0.0
    assert estimate["us-military"].accuracy == pytest.approx(5 / 9)


# -- planted reliable and unreliable sources ----------------------------------------------

ERRORS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75)
"""Each source's chance of a wrong figure."""


def planted(seed: int, events: int = 300) -> claims.Report:
    """Each source speaks to an event with chance 0.6. Right, it gives a figure whose band
    holds the true toll (exact, about, between, at least); wrong, a figure anywhere from 0 to
    three times the toll and 20."""
    rng = random.Random(seed)
    found = []
    for event in range(events):
        truth = rng.randint(5, 300)
        for index, error in enumerate(ERRORS):
            if rng.random() < 0.6:
                found.append(claim(f"c{event}-{index}", f"s{index}",
                                   _figure(rng, truth, rng.random() >= error), f"e{event}"))
    return claims.reconcile(found, sources=[source(f"s{i}") for i in range(len(ERRORS))])


def _figure(rng: random.Random, truth: int, right: bool) -> Count:
    if not right:
        return Count.exact(rng.randint(0, 3 * truth + 20))
    shape = rng.random()
    if shape < 0.4:
        return Count.exact(truth)
    if shape < 0.6:
        return Count.approximately(truth, truth - truth // 10, truth + truth // 10)
    if shape < 0.8:
        return Count.between(max(0, truth - rng.randint(0, 5)), truth + rng.randint(0, 5))
    return Count.at_least(max(0, truth - rng.randint(0, 5)))


def ranks(values: list[float]) -> list[float]:
    """Ranks from 0, equal values sharing the mean of theirs."""
    order = sorted(range(len(values)), key=values.__getitem__)
    found = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            found[order[position]] = (start + end) / 2
        start = end + 1
    return found


def spearman(first: list[float], second: list[float]) -> float:
    a, b = ranks(first), ranks(second)
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b, strict=True))
    return cov / math.sqrt(sum((x - mean_a) ** 2 for x in a) * sum((y - mean_b) ** 2 for y in b))


def test_spearman_by_hand() -> None:
    assert spearman([1, 2, 3], [10, 20, 30]) == 1.0
    assert spearman([1, 2, 3], [3, 2, 1]) == -1.0
    assert ranks([5, 1, 5]) == [1.5, 0.0, 1.5]


@pytest.fixture(scope="module")
def planted_evidence() -> claims.trust.Evidence:
    return gather_evidence(planted(2021))


@pytest.mark.parametrize("method", METHOD_NAMES)
def test_each_method_recovers_the_planted_ranking(method: str,
                                                  planted_evidence: claims.trust.Evidence
                                                  ) -> None:
    estimate = estimate_trust(planted_evidence, method=method)
    assert estimate.converged
    reliability = [1 - e for e in ERRORS]
    learned = [estimate[f"s{i}"].score for i in range(len(ERRORS))]
    accuracy = [estimate[f"s{i}"].accuracy for i in range(len(ERRORS))]
    assert spearman(learned, reliability) >= 0.8
    assert spearman(accuracy, reliability) >= 0.8
    # Deterministic: the same seed gives the same numbers.
    assert estimate_trust(planted_evidence, method=method) == estimate


def test_the_planted_figures(planted_evidence: claims.trust.Evidence) -> None:
    """The Spearman correlations the documentation quotes (seed 2021, 300 events)."""
    reliability = [1 - e for e in ERRORS]
    found = {}
    for method in METHOD_NAMES:
        estimate = estimate_trust(planted_evidence, method=method)
        found[method] = round(spearman([estimate[f"s{i}"].score for i in range(10)],
                                       reliability), 3)
    assert found == {"crh": 0.988, "sums": 0.964, "truthfinder": 0.976}


def test_planted_sources_grade_from_a_to_e(planted_evidence: claims.trust.Evidence) -> None:
    estimate = estimate_trust(planted_evidence, method="crh")
    graded = grade_sources(estimate, [source(f"s{i}") for i in range(len(ERRORS))])
    letters = "".join(s.reliability.value for s in graded if s.reliability is not None)
    assert letters[0] in "AB" and letters[-1] == "E"
    assert list(letters) == sorted(letters)  # never better than a more reliable source


# -- grades -------------------------------------------------------------------------------


def test_grades_read_accuracy_once_compared_often_enough() -> None:
    trust = claims.trust.SourceTrust("s", score=0.1, accuracy=0.96, compared=5)
    assert grade(trust) is Reliability.A
    assert [grade(claims.trust.SourceTrust("s", 1.0, a, 5)) for a in (0.8, 0.7, 0.5, 0.49)] \
        == [Reliability.B, Reliability.C, Reliability.D, Reliability.E]
    assert grade(claims.trust.SourceTrust("s", 1.0, 1.0, 4)) is Reliability.F
    assert grade(None) is Reliability.F
    assert grade(trust, min_compared=10) is Reliability.F
    strict = {Reliability.A: 0.99, Reliability.B: 0.9, Reliability.C: 0.8, Reliability.D: 0.7}
    assert grade(trust, thresholds=strict) is Reliability.B


def test_grading_a_dossier_sets_every_sources_reliability(seed: claims.Dossier) -> None:
    estimate = estimate_trust(seed, method="truthfinder")
    graded = grade_sources(estimate, seed, min_compared=2)
    assert isinstance(graded, claims.Dossier)
    assert {s.id: s.reliability for s in graded.sources} == {
        "us-government": Reliability.A, "us-military": Reliability.C,  # 2 of 3 held
        "sohr": Reliability.F, "iraqi-militias": Reliability.F, "sana": Reliability.A,
        "iraqi-prime-minister": Reliability.F, "oir-spokesman": Reliability.F,
        "wikipedia": Reliability.F}
    assert graded.claims == seed.claims and graded.vocabulary == seed.vocabulary


@pytest.mark.parametrize("thresholds", [
    {Reliability.A: 0.5, Reliability.B: 0.8, Reliability.C: 0.4, Reliability.D: 0.3},
    {Reliability.A: 0.9, Reliability.B: 0.8},
    {Reliability.A: 1.5, Reliability.B: 0.8, Reliability.C: 0.4, Reliability.D: 0.3},
])
def test_thresholds_must_fall_from_a_to_d(thresholds: dict[Reliability, float]) -> None:
    with pytest.raises(claims.ValidationError,
                       match=r"'thresholds' must give A, B, C and D, in that order, falling "
                             r"within 0..1: thresholds=\{'A': "):
        grade(None, thresholds=thresholds)


# -- errors -------------------------------------------------------------------------------


def test_bad_arguments_are_refused_naming_the_field() -> None:
    with pytest.raises(claims.ValidationError,
                       match=r"'method' must be one of 'truthfinder', 'sums', 'crh' or a "
                             r"TrustMethod: method='votes'"):
        estimate_trust(WORKED, method="votes")
    with pytest.raises(ValueError, match=r"'max_iterations' must be an integer >= 1: "
                                         r"max_iterations=0"):
        estimate_trust(WORKED, max_iterations=0)
    with pytest.raises(ValueError, match=r"'tolerance' must be a number > 0: tolerance=0"):
        estimate_trust(WORKED, tolerance=0)
    with pytest.raises(ValueError, match=r"'gamma' must be a number > 0: gamma=0"):
        TruthFinder(gamma=0)
    with pytest.raises(ValueError, match=r"'initial' must be a number > 0 and < 1: initial=1"):
        TruthFinder(initial=1)
    with pytest.raises(ValueError, match=r"'smoothing' must be a number > 0: smoothing=-1"):
        CRH(smoothing=-1)
    with pytest.raises(LookupError, match=r"source 'wikipedia' was not compared"):
        estimate_trust(WORKED)["wikipedia"]


def test_methods_take_their_parameters() -> None:
    default = estimate_trust(WORKED, method=TruthFinder())
    assert default == estimate_trust(WORKED, method="truthfinder")
    assert default.method == TruthFinder(rho=0.5, gamma=0.3, base=0.5, initial=0.9)
    damped = estimate_trust(WORKED, method=TruthFinder(gamma=0.1))
    assert damped["a"].score < default["a"].score
    assert estimate_trust(WORKED, method=Sums()).method.name == "sums"


def test_nothing_to_compare_is_an_empty_estimate() -> None:
    alone = claims.reconcile([claim("a1", "a", Count.exact(5))], sources=[A])
    estimate = estimate_trust(alone, method="crh")
    assert (estimate.sources, estimate.objects, estimate.iterations, estimate.converged) == (
        (), 0, 0, True)
    assert grade_sources(estimate, [A])[0].reliability is Reliability.F


def test_without_numpy_the_methods_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] == "numpy":
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without)
    evidence = gather_evidence(WORKED)  # gathering needs no extra
    with pytest.raises(MissingExtraError, match=r"estimate_trust needs the 'trust' extra "
                                                r"\(numpy is not installed\)"):
        estimate_trust(evidence)


def test_an_estimate_shows_as_a_table() -> None:
    html = estimate_trust(WORKED, method="sums")._repr_html_()
    assert ('<caption style="text-align:left">sums: 3 sources on 1 group, converged after 25 '
            'rounds</caption>') in html
    td = '<td style="text-align:left;vertical-align:top">'
    assert html.index(f"{td}b</td>") < html.index(f"{td}a</td>") < html.index(f"{td}c</td>")


# -- properties ---------------------------------------------------------------------------


def _report(found: list[claims.Claim], extra: tuple[claims.Source, ...] = ()) -> claims.Report:
    return claims.reconcile(found, vocabulary=RECONCILE_VOCABULARY,
                            sources=(*RECONCILE_SOURCES, *extra))


@settings(max_examples=60)
@given(reconcilable_claims(max_size=20), st.sampled_from(METHOD_NAMES))
def test_scores_and_accuracies_lie_within_0_and_1(found: list[claims.Claim],
                                                 method: str) -> None:
    estimate = estimate_trust(_report(found), method=method)
    assert all(0 <= t.score <= 1 and 0 <= t.accuracy <= 1 for t in estimate.sources)
    assert all(t.compared >= 1 for t in estimate.sources)


def _renamed(found: list[claims.Claim], names: dict[str, str]) -> list[claims.Claim]:
    return [claims.Claim(id=c.id, event=names[c.event], predicate=c.predicate,
                         provenance=c.provenance, value=c.value, scope=c.scope, hedge=c.hedge,
                         status=c.status, coverage=c.coverage, revises=c.revises)
            for c in found]


@settings(max_examples=60)
@given(reconcilable_claims(max_size=20), st.randoms(use_true_random=False),
       st.sampled_from(METHOD_NAMES))
def test_the_order_of_claims_and_events_does_not_matter(found: list[claims.Claim],
                                                        rng: random.Random,
                                                        method: str) -> None:
    estimate = estimate_trust(_report(found), method=method)
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert estimate_trust(_report(shuffled), method=method) == estimate
    # Swapping the events' names reorders the groups, and nothing else.
    swapped = estimate_trust(_report(_renamed(shuffled, {"e1": "e2", "e2": "e1"})),
                             method=method)
    assert swapped.iterations == estimate.iterations
    for mine, theirs in zip(estimate.sources, swapped.sources, strict=True):
        assert mine.source == theirs.source and mine.compared == theirs.compared
        assert mine.score == pytest.approx(theirs.score, abs=1e-9)
        assert mine.accuracy == pytest.approx(theirs.accuracy, abs=1e-9)


_OTHERS = ("gov", "army", "monitor", "militia", "agency")
_closed = st.tuples(st.integers(1, 40), st.integers(0, 40), st.booleans()).map(
    lambda t: Count.between(t[0], t[0] + t[1]) if t[2] else Count.at_least(t[0]))


@settings(max_examples=60)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_OTHERS), _closed), min_size=1,
                         max_size=4), min_size=1, max_size=5),
       st.sampled_from(METHOD_NAMES))
def test_agreeing_with_everyone_never_scores_below_agreeing_with_no_one(
        events: list[list[tuple[str, Count]]], method: str) -> None:
    """"all" says at least 0, which every figure allows; "none" says exactly 0, which no
    figure of at least 1 allows; both speak to every event, as do others."""
    found = []
    for number, said in enumerate(events):
        event = f"e{number}"
        found += [claim(f"{event}-{i}", who, count, event) for i, (who, count) in enumerate(said)]
        found += [claim(f"{event}-all", "all", Count.at_least(0), event),
                  claim(f"{event}-none", "none", Count.exact(0), event)]
    estimate = estimate_trust(_report(found, (source("all"), source("none"))), method=method)
    assert estimate["all"].score >= estimate["none"].score
    assert estimate["all"].accuracy >= estimate["none"].accuracy
