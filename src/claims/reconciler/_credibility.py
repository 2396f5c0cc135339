"""Credibility: which claims come from interested parties, an Admiralty-style grade for each
statement (source reliability A-F, information credibility 1-6), and an incident grade in
Airwars' vocabulary. The report applies these once it knows an event's perpetrator."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

import attrs

from claims.model import ActorRef, Claim, Status
from claims.reconciler._context import Context
from claims.reconciler._results import (
    Contribution,
    CountResult,
    Credibility,
    FactResult,
    Role,
)
from claims.reconciler._severity import Severity

OWN_LOSSES = "the party's own losses"
PERPETRATOR = "speaks for the perpetrator"
MARKED = "marked as an interested party"


def perpetrators(facts: Iterable[FactResult]) -> frozenset[str]:
    """The actors any source asserts carried out the event (``perpetrator`` claims)."""
    return frozenset(v.value.id for f in facts if f.key.predicate == "perpetrator"
                     for v in f.values
                     if v.status is Status.ASSERTED and isinstance(v.value, ActorRef))


def interest(claim: Claim, accused: frozenset[str], context: Context) -> str:
    """Why a claim's source is an interested party in it, or "": it speaks for a party about
    that party's own losses, or for the perpetrator about harm the event caused. A claim's
    ``interested`` field overrides both."""
    if claim.interested is not None:
        return MARKED if claim.interested else ""
    if context.own_losses(claim):
        return OWN_LOSSES
    affiliation = context.affiliation(claim.provenance.source)
    if affiliation is not None:
        within = context.vocabulary.actor_within
        if any(within(affiliation, p) or within(p, affiliation) for p in accused):
            return PERPETRATOR
    return ""


def assess(result: CountResult, claims: dict[str, Claim], accused: frozenset[str],
           context: Context) -> CountResult:
    """The result with each statement's interest and Admiralty-style grade filled in."""
    contributions = result.contributions
    graded = []
    for contribution in contributions:  # one copy of each (a grade reads the others' bounds)
        first = claims.get(contribution.claims[0])
        interested = (contribution.interested if first is None
                      else interest(first, accused, context))
        if contribution.role is Role.BROADER:
            graded.append(contribution if first is None
                          else contribution.assessed(interested, contribution.credibility))
        else:
            graded.append(contribution.assessed(
                interested, _grade(contribution, contributions, context, interested)))
    return attrs.evolve(result, contributions=tuple(graded))


def _meet(first: Contribution, second: Contribution) -> bool:
    """Whether two statements' bounds allow some number in common."""
    a, b = first.bounds, second.bounds
    return (a.high is None or b.low <= a.high) and (b.high is None or a.low <= b.high)


def _grade(statement: Contribution, others: Sequence[Contribution], context: Context,
           interested: str) -> Credibility:
    """Reliability from the source (F when not judged); credibility from independent
    agreement, against the source's interest, and contradiction (the Admiralty code's 1-6)."""
    source = context.source(statement.source)
    letter = source.reliability.value if source and source.reliability else "F"
    reasons = [f"reliability {letter}" + ("" if source and source.reliability
                                          else " (not judged)")]
    party = context.party(statement.source)
    agree: set[str] = set()
    disagree: set[str] = set()
    for other in others:
        if other.role is Role.BROADER or context.party(other.source) == party:
            continue
        target = agree if _meet(statement, other) else disagree
        target.add(other.name or other.source)
    admits = interested == PERPETRATOR and statement.stated.low > 0
    if interested:
        reasons.append(f"an interested party ({interested})")
    if statement.vague and not agree:
        number = 6
        reasons.append("a vague word, which no other figure confirms")
    elif agree and not disagree:
        number = 1
        reasons.append(f"confirmed by independent {', '.join(sorted(agree))}")
    elif admits and not disagree:
        number = 2
        reasons.append("against the source's interest: the perpetrator admits harm")
    elif len(agree) > len(disagree):
        number = 2
        reasons.append(f"agrees with {', '.join(sorted(agree))}; contradicted by "
                       f"{', '.join(sorted(disagree))}")
    elif not agree and not disagree:
        number = 3
        reasons.append("no independent source speaks to it")
    elif agree:
        number = 4
        reasons.append(f"contradicted by {', '.join(sorted(disagree))}; agrees with "
                       f"{', '.join(sorted(agree))}")
    else:
        number = 5
        reasons.append(f"contradicted by independent {', '.join(sorted(disagree))}")
    return Credibility(letter, number, tuple(reasons))


class IncidentGrade(enum.Enum):
    """Airwars' grades, applied to a harm figure (see ``docs/reconciliation.md``)."""

    CONFIRMED = "Confirmed"
    """A source speaking for the perpetrator accepts the harm."""
    FAIR = "Fair"
    """Two or more independent parties report it."""
    WEAK = "Weak"
    """One party reports it."""
    CONTESTED = "Contested"
    """Competing claims of responsibility: sources name perpetrators that cannot both be."""
    DISCOUNTED = "Discounted"
    """The claims contradict one another and the most credible figure is none."""


def incident_grade(result: CountResult, perpetrator: FactResult | None) -> IncidentGrade:
    """The Airwars grade of one harm figure. Airwars' "Contested" is about responsibility,
    not clashing counts: a count dispute is not graded Contested here."""
    if perpetrator is not None and perpetrator.severity is not Severity.CONSISTENT:
        return IncidentGrade.CONTESTED
    figures = result.figures_from
    if any(c.interested == PERPETRATOR and c.stated.low > 0 for c in figures):
        return IncidentGrade.CONFIRMED
    if result.severity is Severity.CONTRADICTED:
        best = min(figures, key=lambda c: (c.credibility.credibility if c.credibility else 9,
                                           c.claims))
        if best.stated.high == 0:
            return IncidentGrade.DISCOUNTED
    return IncidentGrade.FAIR if result.independent >= 2 else IncidentGrade.WEAK
