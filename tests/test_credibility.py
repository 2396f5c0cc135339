"""How much sources disagree, whom to believe, and a best figure that explains itself: the
invented cases of the issue, each with the figures and words expected."""

from __future__ import annotations

from hypothesis import given

import claims
from claims import Count, Scope
from claims.reconciler import IncidentGrade, Severity, Tolerance, incident_grade
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY, reconcilable_claims
from tests.test_counts import CIVILIANS, EVENT, EVENTS, FIGHTERS, PEOPLE, VOCABULARY, claim

SOURCES = [
    claims.Source(id="un", name="UN", kind="monitoring_group",
                  reliability=claims.Reliability.B),
    claims.Source(id="agency", name="An agency", kind="news_agency"),
    claims.Source(id="medic", name="A medic", kind="medical",
                  reliability=claims.Reliability.C),
    claims.Source(id="army", name="The army", kind="military", affiliation="state"),
    claims.Source(id="group", name="The group", kind="armed_group", affiliation="group"),
]
STATE_DID_IT = claims.ActorRef("state")


def reconcile(*found: claims.Claim, tolerance: Tolerance | None = None) -> claims.Report:
    return claims.reconcile(found, vocabulary=VOCABULARY, sources=SOURCES, events=EVENTS,
                            tolerance=tolerance)


def test_tallies_of_38_and_49_vary_and_are_not_disputed() -> None:
    report = reconcile(claim("a", "un", Count.exact(38), PEOPLE),
                       claim("b", "agency", Count.exact(49), PEOPLE))
    people = report.count(EVENT, "killed", PEOPLE)
    assert people.severity is Severity.VARY
    assert people.grade is claims.reconciler.Grade.CORROBORATED
    assert report.infobox(EVENT) == "38–49 people killed (figures vary)"
    assert "disputed" not in str(report)
    assert "Figures that vary\n  killed (people): UN (a) says “38”" not in str(report)
    assert "Figures that vary\n  killed (people): An agency (b) says “49”" in str(report)
    strict = reconcile(claim("a", "un", Count.exact(38), PEOPLE),
                       claim("b", "agency", Count.exact(49), PEOPLE),
                       tolerance=Tolerance(ratio=1.2, slack=2))
    assert strict.count(EVENT, "killed", PEOPLE).severity is Severity.CONTRADICTED


def test_none_against_at_least_80_is_contradicted() -> None:
    report = reconcile(claim("a", "army", Count.exact(0), FIGHTERS),
                       claim("b", "un", Count.at_least(80), FIGHTERS))
    fighters = report.count(EVENT, "killed", FIGHTERS)
    assert fighters.severity is Severity.CONTRADICTED
    assert fighters.grade is claims.reconciler.Grade.CONTESTED
    assert "(disputed)" in report.infobox(EVENT)


def test_a_perpetrators_no_civilians_is_set_aside_for_the_uns_36() -> None:
    report = reconcile(claim("p", "agency", STATE_DID_IT, predicate="perpetrator"),
                       claim("a", "army", Count.exact(0, "no civilians were present"),
                             CIVILIANS),
                       claim("u", "un", Count.exact(36), CIVILIANS))
    civilians = report.count(EVENT, "killed", CIVILIANS)
    assert civilians.severity is Severity.CONTRADICTED
    (army,) = [c for c in civilians.contributions if c.source == "army"]
    assert army.interested == "speaks for the perpetrator"
    best = claims.Policy.MOST_CREDIBLE.estimate(civilians)
    assert best.best == 36
    assert best.reasons == (
        "best 36: UN (“36”; u), B5: reliability B; contradicted by independent The army",
        "The army's “no civilians were present” set aside as an interested party "
        "(speaks for the perpetrator)")
    conservative = claims.Policy.CONSERVATIVE.estimate(civilians)
    assert (conservative.best, conservative.reasons[1]) == (
        36, "The army's “no civilians were present” set aside as an interested party "
            "(speaks for the perpetrator)")
    (row,) = claims.export.ucdp_rows(report)  # one row per event
    assert (row["low"], row["best"], row["high"], row["deaths_civilians"]) == (0, 36, 36, 36)
    assert row["best_reasons"].startswith("best 36: UN")


def test_a_claim_can_be_marked_interested_or_not() -> None:
    report = reconcile(claim("p", "agency", STATE_DID_IT, predicate="perpetrator"),
                       claim("a", "army", Count.exact(0), CIVILIANS, interested=False),
                       claim("u", "un", Count.exact(36), CIVILIANS, interested=True))
    civilians = report.count(EVENT, "killed", CIVILIANS)
    assert {c.source: c.interested for c in civilians.contributions} == {
        "army": "", "un": "marked as an interested party"}
    assert claims.Policy.MOST_CREDIBLE.estimate(civilians).best == 0


def test_credibility_grades_follow_independent_confirmation() -> None:
    report = reconcile(claim("a", "un", Count.exact(12), PEOPLE),
                       claim("b", "medic", Count.between(10, 14), PEOPLE),
                       claim("c", "group", Count.exact(12), Scope("fighter", "group")))
    people = report.count(EVENT, "killed", PEOPLE)
    grades = {c.source: c.credibility for c in people.contributions}
    assert str(grades["un"]) == "B1" and str(grades["medic"]) == "C1"
    assert grades["un"] is not None
    assert grades["un"].reasons == ("reliability B",
                                    "confirmed by independent A medic, The group")
    single = reconcile(claim("a", "agency", Count.exact(3), PEOPLE))
    (only,) = single.count(EVENT, "killed", PEOPLE).contributions
    assert str(only.credibility) == "F3"


def test_airwars_grades_mean_what_airwars_means() -> None:
    one = reconcile(claim("u", "un", Count.exact(3), CIVILIANS))
    assert incident_grade(one.count(EVENT, "killed", CIVILIANS), None) is IncidentGrade.WEAK
    (row,) = claims.export.airwars_rows(one)
    assert row["grade"] == "Weak"
    two = reconcile(claim("u", "un", Count.exact(3), CIVILIANS),
                    claim("m", "medic", Count.exact(3), CIVILIANS))
    assert claims.export.airwars_rows(two)[0]["grade"] == "Fair"
    admitted = reconcile(claim("p", "agency", STATE_DID_IT, predicate="perpetrator"),
                         claim("a", "army", Count.exact(2), CIVILIANS))
    assert claims.export.airwars_rows(admitted)[0]["grade"] == "Confirmed"
    blamed = reconcile(claim("p1", "agency", STATE_DID_IT, predicate="perpetrator"),
                       claim("p2", "un", claims.ActorRef("group"), predicate="perpetrator"),
                       claim("u", "un", Count.exact(3), CIVILIANS))
    assert claims.export.airwars_rows(blamed)[0]["grade"] == "Contested"
    # a clash of counts alone is not Airwars' "Contested"
    clash = reconcile(claim("u", "un", Count.exact(30), CIVILIANS),
                      claim("m", "medic", Count.exact(0), CIVILIANS))
    assert claims.export.airwars_rows(clash)[0]["grade"] != "Contested"


def test_the_seed_keeps_its_contradiction_and_its_consistent_range(
        seed: claims.Dossier) -> None:
    report = claims.reconcile(seed)
    strike = "us-strike-2021-06-28"
    assert report.fact(strike, "target").severity is Severity.CONTRADICTED
    militiamen = report.count(strike, "killed", Scope("militiaman"))
    assert militiamen.severity is Severity.CONSISTENT
    row = next(r for r in claims.export.airwars_rows(report) if r["incident"] == strike)
    assert row["grade"] == "Weak"  # SANA alone reports the child


@given(reconcilable_claims())
def test_severity_follows_the_feasible_interval(found: list[claims.Claim]) -> None:
    """Consistent exactly when some number satisfies every claim; figures vary only when
    every statement in the clash states figures, none zero."""
    report = claims.reconcile(found, vocabulary=RECONCILE_VOCABULARY,
                              sources=RECONCILE_SOURCES)
    for event in report.results:
        for result in event.counts:
            assert (result.severity is Severity.CONSISTENT) == (result.feasible is not None)
            if result.severity is Severity.VARY:
                assert result.contradiction is not None
                clashing = [c for c in result.contributions
                            if set(c.claims) & set(result.contradiction.claims)]
                assert all(not c.denied and c.bound in claims.reconciler._severity.POINT_BOUNDS
                           for c in clashing)
                assert all(c.bounds.high != 0 for c in clashing if c.bounds.high is not None)


def test_a_statement_assessed_keeps_every_other_field() -> None:
    """``Contribution.assessed`` (the copy grading makes of every statement) is
    ``attrs.evolve`` with the interest and grade: every field set to something not its
    default comes through."""
    import datetime as dt

    import attrs

    from claims.model import Bound, Interval
    from claims.reconciler import Contribution, Credibility, Role

    grade = Credibility(reliability="B", credibility=2, reasons=("reliability B",))
    full = Contribution(
        claims=("a", "b"), source="un", scope=Scope("civilian"), role=Role.PART,
        stated=Interval(3, 5), figures=(3, 5), bounds=Interval(3), wording="3 to 5",
        hedged=True, vague=True, reading="a part", denied=True, bound=Bound.BETWEEN,
        interested="own losses", credibility=grade, name="UN",
        published=dt.datetime(2021, 6, 28, tzinfo=dt.UTC), quote="three to five")
    for value in attrs.asdict(full, recurse=False).values():  # a field added later too
        assert value not in ("", False, None, Bound.EXACT)
    other = Credibility(reliability="F", credibility=6, reasons=())
    assert full.assessed("", other) == attrs.evolve(full, interested="", credibility=other)
    assert full.assessed("marked", None) == attrs.evolve(full, interested="marked",
                                                         credibility=None)
