"""Merging reports that know different events: commutative, associative, idempotent, and the
same as reconciling everything at once."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import claims
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY, reconcilable_claims

EVENTS = tuple(claims.Event(id=ident, title=f"Event {ident}") for ident in ("e1", "e2", "e3"))
known_events = st.lists(st.sampled_from(EVENTS), unique=True).map(tuple)


def rec(found: list[claims.Claim], events: tuple[claims.Event, ...]) -> claims.Report:
    """The report of ``found``, knowing ``events`` and the events the claims are about."""
    used = {c.event for c in found}
    events += tuple(e for e in EVENTS if e.id in used and e not in events)
    return claims.reconcile(found, vocabulary=RECONCILE_VOCABULARY, sources=RECONCILE_SOURCES,
                            events=events)


def renamed(found: list[claims.Claim], prefix: str) -> list[claims.Claim]:
    """The claims under other ids, every other field kept (what they revise renamed too)."""
    return [attrs.evolve(c, id=prefix + c.id,
                         revises=None if c.revises is None else prefix + c.revises)
            for c in found]


def same(first: claims.Report, second: claims.Report) -> None:
    """Equal, and shown the same way (events in the same order)."""
    assert first == second
    assert first.events == second.events
    assert str(first) == str(second)


@given(reconcilable_claims(), reconcilable_claims(), known_events, known_events)
def test_merging_is_commutative_whatever_events_each_side_knows(
        x: list[claims.Claim], y: list[claims.Claim], ex: tuple[claims.Event, ...],
        ey: tuple[claims.Event, ...]) -> None:
    a, b = rec(x, ex), rec(renamed(y, "y"), ey)
    same(a.merge(b), b.merge(a))
    same(a.merge(a), a)
    assert a.merge(b) == rec(x + renamed(y, "y"), a.events + b.events)


@given(reconcilable_claims(max_size=6), reconcilable_claims(max_size=6),
       reconcilable_claims(max_size=6), known_events, known_events, known_events)
def test_merging_is_associative_whatever_events_each_side_knows(
        x: list[claims.Claim], y: list[claims.Claim], z: list[claims.Claim],
        ex: tuple[claims.Event, ...], ey: tuple[claims.Event, ...],
        ez: tuple[claims.Event, ...]) -> None:
    a, b, c = rec(x, ex), rec(renamed(y, "y"), ey), rec(renamed(z, "z"), ez)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))


def test_adding_claims_keeps_the_order_of_the_events(seed: claims.Dossier) -> None:
    report = claims.reconcile(seed)
    order = [e.id for e in seed.events]
    assert [r.event for r in report.add(*seed.claims[:2]).results] == order
    assert [r.event for r in report.merge(claims.reconcile(seed.claims[:3],
                                                           vocabulary=seed.vocabulary,
                                                           sources=seed.sources)).results] == order
