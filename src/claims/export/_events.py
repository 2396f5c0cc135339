"""What the one-row-per-event formats share: when and where an event happened, who carried it
out against whom, its figures summed over the groups that count different people, and the
claims behind them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import attrs

from claims.model import ActorRef, Claim, Event, PlaceRef, Status, TimeSpan, Vocabulary
from claims.reconciler import (
    CountResult,
    EventResult,
    FactResult,
    Policy,
    Role,
    Severity,
    describe_scope,
    headlines,
)
from claims.report import Report


@attrs.frozen
class EventView:
    """One event as the field's formats read it.

    Args:
        result: The reconciled event.
        time: The coder's date (the event's ``time``), else what every time claim allows.
        places: The event's place and the places it lies within, country first (the coder's
            ``place``, else what every place claim agrees on).
        perpetrator: The ``perpetrator`` fact, if any claim names one.
        side_a: Who carried it out: the actor every perpetrator claim agrees on.
        side_b: Whom it targeted: the actor every ``targeted_group`` claim agrees on.
        external_ids: The event's ids in other collections.
    """

    result: EventResult
    time: TimeSpan | None
    places: tuple[str, ...]
    perpetrator: FactResult | None
    side_a: str | None
    side_b: str | None
    external_ids: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.result.event

    def external(self, scheme: str) -> str | None:
        """The identifier of the event in the collection ``scheme`` (``ucdp-ged``), if known."""
        prefix = scheme + ":"
        return next((i[len(prefix):] for i in self.external_ids if i.startswith(prefix)), None)

    def counts(self, predicate: str) -> list[CountResult]:
        return [r for r in self.result.counts if r.key.predicate == predicate]


def _consensus(fact: FactResult | None) -> str | None:
    if fact is not None and isinstance(fact.consensus, ActorRef):
        return fact.consensus.id
    return None


def event_views(report: Report) -> Iterator[EventView]:
    """Each event of the report, in report order."""
    events = {e.id: e for e in report.events}
    vocabulary = report.context.vocabulary
    for result in report.results:
        event: Event | None = events.get(result.event)
        facts = {f.key.predicate: f for f in result.facts if f.key.scope.category is None
                 and f.key.scope.actor is None and f.key.scope.place is None}
        time = event.time if event is not None and event.time is not None else None
        if time is None and "time" in facts and isinstance(facts["time"].consensus, TimeSpan):
            time = facts["time"].consensus
        place = event.place if event is not None else None
        if place is None and "place" in facts and isinstance(facts["place"].consensus, PlaceRef):
            place = facts["place"].consensus.id
        places = tuple(reversed(vocabulary.place_lineage(place))) if place is not None else ()
        yield EventView(result, time, places, facts.get("perpetrator"),
                        _consensus(facts.get("perpetrator")),
                        _consensus(facts.get("targeted_group")),
                        event.external_ids if event is not None else ())


def day_span(time: TimeSpan) -> tuple[dt.date, dt.date]:
    """The first and last calendar day of a span, in the zone it is written in."""
    last = time.end - dt.timedelta(microseconds=1)
    return time.start.date(), last.astimezone(time.start.tzinfo).date()


def place_name(vocabulary: Vocabulary, ident: str) -> str:
    return vocabulary.place(ident).name if vocabulary.has("places", ident) else ident


def actor_name(vocabulary: Vocabulary, ident: str | None) -> str | None:
    if ident is None:
        return None
    return vocabulary.actor(ident).name if vocabulary.has("actors", ident) else ident


@attrs.frozen
class Total:
    """An event's figures for one predicate under a policy: the headline groups' estimates,
    added up when they count different people (civilians and militiamen), with the groups
    they came from and the policy's reasons."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    high_open: bool = False
    results: tuple[CountResult, ...] = ()
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        """The worst severity among the groups summed (and the groups within them)."""
        order = [Severity.CONSISTENT, Severity.VARY, Severity.CONTRADICTED]
        found = [r.severity for r in self.results] + [
            c.severity for r in self.results for c in r.disputed_within]
        return max(found, key=order.index, default=Severity.CONSISTENT)


def total(view: EventView, predicate: str, policy: Policy, vocabulary: Vocabulary) -> Total:
    """The event's figures for ``predicate`` under ``policy``: the estimate of the group a
    claim states for everyone, or else the sum over the headline groups (the totals an
    infobox shows), when those count different people. Where such groups overlap, the one
    with the highest best figure stands for all, and the reasons say so."""
    chosen = [t for t, _ in headlines(view.result, vocabulary) if t.key.predicate == predicate]
    if not chosen:
        return Total()
    disjoint = all(vocabulary.scopes_disjoint(a.key.scope, b.key.scope)
                   for i, a in enumerate(chosen) for b in chosen[i + 1:])
    estimates = [(r, policy.estimate(r)) for r in chosen]
    notes = tuple(e.note for _, e in estimates if e.note)
    if len(chosen) == 1 or not disjoint:
        result, estimate = max(estimates, key=lambda p: (p[1].best or 0, p[1].high or 0))
        reasons = estimate.reasons
        if len(chosen) > 1:
            reasons = (f"groups overlap ({', '.join(_words(r, vocabulary) for r in chosen)}); "
                       f"{_words(result, vocabulary)} stands for all", *reasons)
        return Total(estimate.low, estimate.best, estimate.high, result.high.open,
                     (result,), reasons, notes)
    low = sum(e.low or 0 for _, e in estimates)
    high = sum(e.high or 0 for _, e in estimates)
    bests = [e.best for _, e in estimates]
    best = None if any(b is None for b in bests) else sum(b or 0 for b in bests)
    reasons = tuple(f"{_words(r, vocabulary)}: {reason}" for r, e in estimates
                    for reason in e.reasons)
    return Total(low, best, high, any(r.high.open for r in chosen), tuple(chosen),
                 (f"the sum over {', '.join(_words(r, vocabulary) for r in chosen)}",
                  *reasons), notes)


def _words(result: CountResult, vocabulary: Vocabulary) -> str:
    return describe_scope(vocabulary, result.key.scope)


def claims_behind(results: Iterable[CountResult], report: Report) -> list[Claim]:
    """The claims that give the results' figures (not those that only bound them from
    above), each once, in the order met."""
    ids = dict.fromkeys(i for r in results for c in r.contributions if c.role is not Role.BROADER
                        for i in c.claims)
    return [report.claim(i) for i in ids]


def speaks_for(report: Report, claim: Claim, actor: str | None) -> bool:
    """Whether the claim's source speaks for ``actor``, or for a party within or above it."""
    if actor is None:
        return False
    affiliation = report.context.affiliation(claim.source)
    within = report.context.vocabulary.actor_within
    return affiliation is not None and (within(affiliation, actor) or within(actor, affiliation))


def non_claims(view: EventView, report: Report) -> list[Claim]:
    """The event's recorded refusals to give a figure ("casualties not disclosed")."""
    return [c for i in view.result.non_claims if (c := report.claim(i)).status
            is Status.NOT_DISCLOSED]


def joined(values: Iterable[str | None]) -> str | None:
    """Distinct non-empty values joined with "; ", or None when there are none."""
    kept = list(dict.fromkeys(v for v in values if v))
    return "; ".join(kept) if kept else None
