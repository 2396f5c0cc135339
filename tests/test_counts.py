"""Counts an analyst would sign: each case an invented reproducer with the wording and figures
expected (``docs/reconciliation.md`` states the rules). Vocabulary: person > civilian > child,
person > combatant > fighter; civilian and fighter are summary categories, and a civilian is
not a combatant."""

from __future__ import annotations

import datetime as dt

import pytest

import claims
from claims import Count, Scope
from claims.reconciler import ContradictionKind, Role

VOCABULARY = claims.Vocabulary(
    categories=[
        claims.Category("person", "person", "people"),
        claims.Category("civilian", "civilian", parent="person", summary=True),
        claims.Category("child", "child", "children", parent="civilian"),
        claims.Category("combatant", "combatant", parent="person"),
        claims.Category("fighter", "fighter", parent="combatant", summary=True,
                        aliases=["militant"]),
        claims.Category("site", "site"),
        claims.Category("civilian-site", "civilian site", parent="site"),
        claims.Category("airport", "airport", parent="civilian-site"),
        claims.Category("military-site", "military site", parent="site"),
        claims.Category("army-post", "army post", parent="military-site"),
    ],
    actors=[claims.Actor("state", "the State"), claims.Actor("group", "the Group")],
    exclusions=[claims.model.Exclusion(("civilian", "combatant")),
                claims.model.Exclusion(("civilian-site", "military-site"))],
)
SOURCES = [
    claims.Source(id="un", name="UN", kind="monitoring_group"),
    claims.Source(id="medic", name="A medic", kind="medical"),
    claims.Source(id="agency", name="An agency", kind="news_agency"),
    claims.Source(id="army", name="The army", kind="military", affiliation="state"),
    claims.Source(id="group", name="The group", kind="armed_group", affiliation="group"),
]
EVENT = "e"
EVENTS = [claims.Event(id=EVENT, title="An invented event")]


def day(n: int) -> claims.TimeSpan:
    return claims.TimeSpan.on(dt.date(2024, 3, n), dt.UTC)


EVERYONE = Scope()


def claim(ident: str, source: str, value: Count | None, scope: Scope = EVERYONE, *,
          predicate: str = "killed", quote: str | None = None, published: int | None = None,
          status: claims.Status = claims.Status.ASSERTED, **more: object) -> claims.Claim:
    return claims.Claim(
        id=ident, event=EVENT, predicate=predicate, value=value, scope=scope, status=status,
        provenance=claims.Provenance(source=source, quote=quote or f"{ident} (invented)",
                                     published=None if published is None else day(published)),
        **more)  # type: ignore[arg-type]


def reconcile(*found: claims.Claim) -> claims.Report:
    return claims.reconcile(found, vocabulary=VOCABULARY, sources=SOURCES, events=EVENTS)


PEOPLE, CIVILIANS, CHILDREN, FIGHTERS = (Scope("person"), Scope("civilian"), Scope("child"),
                                         Scope("fighter"))


# 1. A partial count is a floor, not an end; a party's own dead is an account ---------------


def test_a_part_is_a_floor_and_the_dispute_below_shows_on_the_total() -> None:
    report = reconcile(claim("a", "un", Count.exact(40), PEOPLE),
                       claim("b", "medic", Count.exact(3), CHILDREN),
                       claim("c", "army", Count.exact(0), CIVILIANS))
    people = report.count(EVENT, "killed", PEOPLE)
    assert people.range_text() == "40"
    assert (people.low.claims, people.high.claims) == (("a",), ("a",))
    assert {c.claims[0]: c.role for c in people.contributions} == {
        "a": Role.DIRECT, "b": Role.PART, "c": Role.PART}
    assert people.feasible == claims.model.Interval(40, 40)
    assert people.grade is claims.reconciler.Grade.SINGLE_SOURCE
    assert [d.claims for d in people.disputed_within] == [("b", "c")]
    civilians = report.count(EVENT, "killed", CIVILIANS)
    assert civilians.contradiction is not None and civilians.contradiction.claims == ("b", "c")
    text = str(report)
    assert "  40 people killed (figures for civilians disputed)  [single source" in text
    assert "    disputed within (civilians): b, c" in text
    assert report.infobox(EVENT) == ("40 people killed, including 0 civilians (disputed) "
                                     "(figures for civilians disputed)")


def test_a_medics_children_do_not_lower_the_civilian_tallies() -> None:
    report = reconcile(claim("a", "un", Count.exact(15), CIVILIANS),
                       claim("b", "agency", Count.exact(25), CIVILIANS),
                       claim("c", "medic", Count.exact(3), CHILDREN))
    civilians = report.count(EVENT, "killed", CIVILIANS)
    assert civilians.range_text() == "15–25"
    assert civilians.low.claims == ("a",) and civilians.high.claims == ("b",)


def test_a_part_alone_gives_a_floor_open_above() -> None:
    report = reconcile(claim("c", "medic", Count.exact(3), CHILDREN))
    civilians = report.count(EVENT, "killed", CIVILIANS)
    assert civilians.range_text() == "at least 3"
    assert civilians.low.claims == civilians.high.claims == ("c",)
    assert report.infobox(EVENT) == "at least 3 civilians killed"


def test_a_partys_own_dead_and_a_coders_mark_are_accounts() -> None:
    own = claim("g", "group", Count.exact(4), Scope("fighter", "group"))
    marked = claim("u", "un", Count.at_least(9), Scope("fighter", "state"),
                   coverage=claims.model.Coverage.COMPLETE)
    unmarked = claim("m", "medic", Count.exact(2), Scope("fighter", "state"))
    fighters = reconcile(own, marked, unmarked).count(EVENT, "killed", FIGHTERS)
    roles = {c.claims[0]: (c.role, c.reading) for c in fighters.contributions}
    assert roles == {"g": (Role.ACCOUNT, "the source's own dead"),
                     "u": (Role.ACCOUNT, "marked as the source's whole account"),
                     "m": (Role.PART, "a part")}
    assert fighters.range_text() == "4 to at least 9"
    assert fighters.contradiction is None  # a part of the group bounds it from below only
    # An account reaches up to its summary category, not to all people.
    people = reconcile(own, marked, claim("a", "agency", Count.exact(30), PEOPLE))
    assert people.count(EVENT, "killed", PEOPLE).range_text() == "30"


# 2. Open ends in the sources' words --------------------------------------------------------


def test_open_ends_keep_the_sources_words() -> None:
    report = reconcile(claim("a", "army", Count.exact(0), FIGHTERS),
                       claim("b", "un", Count.at_least(80), FIGHTERS))
    fighters = report.count(EVENT, "killed", FIGHTERS)
    assert fighters.range_text() == "0 to at least 80"
    assert "0 to at least 80 fighters killed (disputed)" in str(report)
    assert report.infobox(EVENT, open_ends="plus") == "0–80+ fighters killed (disputed)"
    assert report.infobox(EVENT, open_ends="words") == "0 to at least 80 fighters killed (disputed)"
    assert report.infobox(EVENT) == "0–80 fighters killed (disputed)"
    assert "0 to at least 80 fighters killed" in report._repr_html_()


def test_more_than_is_never_a_number_nobody_said() -> None:
    alone = reconcile(claim("a", "un", Count.more_than(100, "more than 100"), PEOPLE))
    people = alone.count(EVENT, "killed", PEOPLE)
    assert people.range_text() == "more than 100"
    assert people.high.more_than and people.high.value == 100
    assert people.feasible == claims.model.Interval(101, None)
    both = reconcile(claim("a", "un", Count.more_than(100), PEOPLE),
                     claim("b", "agency", Count.exact(60), PEOPLE))
    assert both.count(EVENT, "killed", PEOPLE).range_text() == "60 to more than 100"
    assert "101" not in str(both).split("consistent with every claim")[0]


# 3. A denial bounds what it leaves ---------------------------------------------------------


def test_denying_any_deaths_contradicts_at_least_80() -> None:
    report = reconcile(claim("a", "un", Count.at_least(80), PEOPLE),
                       claim("b", "army", Count.at_least(1, "any deaths"), PEOPLE,
                             status=claims.Status.DENIED))
    people = report.count(EVENT, "killed", PEOPLE)
    assert people.contradiction is not None and people.contradiction.claims == ("a", "b")
    (denial,) = [c for c in people.contributions if c.denied]
    assert denial.stated == claims.model.Interval(0, 0) and denial.wording == "denies any deaths"
    assert "The army (b) says “denies any deaths”, so at most 0" in people.contradiction.reason
    assert report.event(EVENT).denials == ()


@pytest.mark.parametrize(("denied", "leaves"), [
    (Count.at_least(1), Count.exact(0, "denies at least 1")),
    (Count.more_than(10), claims.model.Count(0, 10, claims.model.Bound.AT_MOST,
                                             wording="denies more than 10")),
    (Count.at_most(5), Count(6, None, claims.model.Bound.AT_LEAST, wording="denies at most 5")),
    (Count.exact(5), None),
    (Count.between(3, 9), None),
])
def test_what_a_denial_leaves(denied: Count, leaves: Count | None) -> None:
    assert claims.reconciler.denial_leaves(denied) == leaves


# 4. Revisions: later statements replace the ones they conflict with -----------------------


def test_a_source_revising_into_a_nested_scope_does_not_contradict_itself() -> None:
    report = reconcile(claim("a1", "un", Count.exact(17), PEOPLE, published=1),
                       claim("a2", "un", Count.exact(22), FIGHTERS, published=2))
    assert report.event(EVENT).contradictions == ()
    fighters = report.count(EVENT, "killed", FIGHTERS)
    assert fighters.range_text() == "22"
    people = report.count(EVENT, "killed", PEOPLE) if any(
        r.key.scope == PEOPLE for r in report.event(EVENT).counts) else None
    assert people is None  # the 17 people was replaced, so nothing states people any more
    revisions = [r for res in report.event(EVENT).counts for r in res.revisions]
    assert revisions == [] or all(r.superseded == "a1" for r in revisions)
    history = claims.reconciler.summarize(report.claims, report.context)
    (summary,) = history.values()
    assert [(r.superseded, r.by) for g in summary.settlement.groups for r in g.revisions] in (
        [], [("a1", "a2")])


def test_a_later_part_that_fits_the_earlier_total_stands_beside_it() -> None:
    report = reconcile(claim("a1", "un", Count.exact(17), PEOPLE, published=1),
                       claim("a2", "un", Count.exact(5), CHILDREN, published=2))
    assert report.count(EVENT, "killed", PEOPLE).range_text() == "17"
    assert report.count(EVENT, "killed", CHILDREN).range_text() == "5"


def test_order_unknown_both_stand_unless_a_claim_names_what_it_revises() -> None:
    same_day = reconcile(claim("a1", "un", Count.exact(11), PEOPLE, published=1),
                         claim("a2", "un", Count.exact(34), PEOPLE, published=1))
    assert same_day.count(EVENT, "killed", PEOPLE).range_text() == "11–34"
    revised = reconcile(claim("a1", "un", Count.exact(11), PEOPLE, published=1),
                        claim("a2", "un", Count.exact(34), PEOPLE, published=1, revises="a1"))
    people = revised.count(EVENT, "killed", PEOPLE)
    assert people.range_text() == "34" and people.contradiction is None
    assert [(r.superseded, r.by) for r in people.revisions] == [("a1", "a2")]
    assert "    superseded: a1 by a2" in str(revised)


def test_revises_must_name_the_same_sources_statement() -> None:
    with pytest.raises(claims.DossierError) as caught:
        claims.Dossier(SOURCES, VOCABULARY, EVENTS, [
            claim("a1", "un", Count.exact(11), PEOPLE),
            claim("b1", "agency", Count.exact(34), PEOPLE, revises="a1"),
            claim("b2", "agency", Count.exact(34), PEOPLE, revises="nowhere")])
    assert [str(p) for p in caught.value.problems] == [
        "claim 'b1' revises 'a1', which is not its own source's statement about the same "
        "event and predicate (un, e, killed) @ $.claims[1].revises",
        "unknown claim 'nowhere' @ $.claims[2].revises"]


# 5. Declining to repeat a figure is not a retraction ---------------------------------------


def test_a_later_non_disclosure_erases_nothing() -> None:
    report = reconcile(claim("a1", "army", Count.exact(3), PEOPLE, published=1),
                       claim("a2", "army", None, PEOPLE, published=2,
                             status=claims.Status.NOT_DISCLOSED),
                       claim("b", "un", Count.exact(9), PEOPLE))
    people = report.count(EVENT, "killed", PEOPLE)
    assert people.range_text() == "3–9" and people.revisions == ()
    assert report.event(EVENT).non_claims == ("a2",)


# 6. The infobox keeps a stated total, with its breakdown ----------------------------------


def test_the_total_is_shown_with_the_summary_categories_within_it() -> None:
    report = reconcile(claim("a", "un", Count.exact(45), PEOPLE),
                       claim("b", "agency", Count.exact(29), CHILDREN))
    assert report.infobox(EVENT) == "45 people killed, including at least 29 civilians"
    everyone = reconcile(claim("a", "un", Count.exact(45)),
                         claim("b", "medic", Count.exact(29), CIVILIANS,
                               coverage=claims.model.Coverage.PARTIAL))
    assert everyone.infobox(EVENT) == "45 people killed, including 29 civilians"


# 7. A source may name several values of a fact ---------------------------------------------


def test_one_account_may_name_several_sites() -> None:
    airport, post = claims.Term("airport"), claims.Term("army-post")
    one = reconcile(claim("t1", "army", airport, predicate="target", quote="the strike"),
                    claim("t2", "army", post, predicate="target", quote="the strike"))
    assert one.event(EVENT).contradictions == ()
    two = reconcile(claim("t1", "army", airport, predicate="target"),
                    claim("t2", "army", post, predicate="target"),
                    claim("t3", "un", claims.Term("airport"), predicate="target"))
    assert two.event(EVENT).contradictions == ()  # the UN names only the airport: no clash
    clash = reconcile(claim("t1", "army", post, predicate="target"),
                      claim("t3", "un", airport, predicate="target"))
    (contradiction,) = clash.event(EVENT).contradictions
    assert contradiction.kind is ContradictionKind.FACTS


# 8. A statement's parts are checked against its own total ---------------------------------


def test_a_sources_own_parts_may_not_exceed_its_own_total() -> None:
    said = "3 fighters and 2 civilians were killed, 4 in all"
    report = reconcile(claim("p1", "un", Count.exact(3), FIGHTERS, quote=said),
                       claim("p2", "un", Count.exact(2), CIVILIANS, quote=said),
                       claim("t", "un", Count.exact(4), PEOPLE, quote=said))
    people = report.count(EVENT, "killed", PEOPLE)
    assert people.contradiction is not None
    assert people.contradiction.kind is ContradictionKind.OWN_TOTAL
    assert people.contradiction.claims == ("p1", "p2", "t")
    assert people.contradiction.reason == (
        "UN's own figures do not add up: “3” (fighters) and “2” (civilians) make 5, but it "
        "also says “4” (p1, p2, t)")
    fits = reconcile(claim("p1", "un", Count.exact(3), FIGHTERS, quote=said),
                     claim("p2", "un", Count.exact(2), CIVILIANS, quote=said),
                     claim("t", "un", Count.exact(5), PEOPLE, quote=said))
    assert fits.event(EVENT).contradictions == ()


def test_figures_from_different_sources_are_never_added() -> None:
    report = reconcile(claim("p1", "un", Count.exact(3), FIGHTERS),
                       claim("p2", "agency", Count.exact(2), CIVILIANS),
                       claim("t", "medic", Count.exact(4), PEOPLE))
    assert report.event(EVENT).contradictions == ()


# 9. A dispute over who the dead were -------------------------------------------------------


def test_a_dispute_over_who_the_dead_were_is_named() -> None:
    said = "2 militants killed, no civilians"
    report = reconcile(claim("a1", "army", Count.exact(2), FIGHTERS, quote=said),
                       claim("a2", "army", Count.exact(0), CIVILIANS, quote=said),
                       claim("b", "un", Count.exact(10), CIVILIANS))
    civilians = report.count(EVENT, "killed", CIVILIANS)
    assert civilians.contradiction is not None
    assert civilians.contradiction.kind is ContradictionKind.IDENTITY
    assert civilians.contradiction.reason.startswith(
        "who the dead were is disputed (The army counts “2” (fighters; a1) instead): ")


# 11. Reasons read as sentences; a pair is listed once -------------------------------------


def test_reasons_do_not_repeat_words_and_a_pair_is_listed_once() -> None:
    report = reconcile(claim("a", "un", Count.exact(38, "38 people killed"), CIVILIANS),
                       claim("b", "army", Count.exact(0, "no civilians"), CIVILIANS),
                       claim("c", "agency", Count.exact(40), PEOPLE))
    (contradiction,) = report.event(EVENT).contradictions
    assert "people people" not in contradiction.reason
    assert contradiction.reason == (
        "UN (a) says “38 people killed”, so at least 38 civilians; but The army (b) says "
        "“no civilians”, so at most 0")
    text = str(report)
    assert text.count("so at most 0") == 1
    assert "  killed (civilians): UN (a)" in text


# 12. Adding to a report checks what is added -----------------------------------------------


@pytest.mark.parametrize(("bad", "problem"), [
    (claim("x", "un", Count.exact(1)).__class__(
        id="x", event="elsewhere", predicate="killed", value=Count.exact(1),
        provenance=claims.Provenance(source="un", quote="q")),
     "unknown event 'elsewhere' @ $.claims[0].event"),
    (claim("x", "un", Count.exact(5), FIGHTERS, predicate="kiled"),
     "unknown predicate 'kiled' @ $.claims[0].predicate"),
    (claim("x", "un", Count.exact(5), Scope("fihgter")),
     "unknown category 'fihgter' @ $.claims[0].scope.category"),
    (claim("x", "afp", Count.exact(5)), "unknown source 'afp' @ $.claims[0].provenance.source"),
])
def test_adding_to_a_report_checks_as_loading_does(bad: claims.Claim, problem: str) -> None:
    report = reconcile(claim("a", "un", Count.exact(3), PEOPLE))
    with pytest.raises(claims.DossierError) as caught:
        report.add(bad)
    assert [str(p) for p in caught.value.problems] == [problem]
