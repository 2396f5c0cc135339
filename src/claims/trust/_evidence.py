"""Evidence: what the sources said about the same things, gathered from a report into the
tables truth discovery runs on.

An *object* is one reconciled group (an event, a predicate, a scope) that at least two
independent parties speak to; an object one party alone speaks to shows no agreement or
disagreement, so it teaches nothing about trust. A *fact* is a distinct value claimed for an
object: for a count, the interval a statement allows for the group as the reconciler reads
it (a direct statement's own interval; an account's floor, "4 or more" for the militia's
"four of our members" on the line for militiamen); for a fact (target, place, time), an
asserted value. Parts and broader statements only bound a group and are left out: a
statement is judged where it gives a figure.

Independence, as the reconciler counts it (``docs/reconciliation.md``, section 10):

- relays of one statement are one contribution, so they count once; an outlet that relays
  earns and loses nothing;
- a statement that gives a figure for several groups (an account of militiamen is also an
  account of the faction's alliance) weighs ``1/n`` in each of its ``n`` objects, so that it
  counts once in all;
- sources of one party (the same ``Source.affiliation``) are one voice: on each object the
  party's sources share one vote, split evenly among them and among the facts each claims.
  Each source is still scored on its own statements.
- a source that revised its figure is judged on the figure it stands by (superseded claims
  are left out by the reconciler).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import attrs

from claims.model import Dossier, Status, Value, Vocabulary
from claims.reconciler import CountResult, FactResult, GroupKey, Role
from claims.report import Report, reconcile
from claims.trust._relations import (
    APART,
    Span,
    span_distance,
    span_implication,
    value_implication,
)

_FIGURES = (Role.DIRECT, Role.ACCOUNT)


def _ints() -> array[int]:
    return array("q")


def _floats() -> array[float]:
    return array("d")


@attrs.frozen(eq=False)
class Evidence:
    """The tables truth discovery runs on, built by :func:`gather_evidence`.

    Indices run over :attr:`sources`, :attr:`objects`, facts (each object's distinct
    claimed values, stored object by object), claims (one per source and fact of an object)
    and candidates (each object's possible true values, for CRH). The tables are flat
    ``array`` columns, so a million claims take a few tens of megabytes.

    Args:
        sources: Ids of the sources compared, sorted.
        parties: The party each source speaks for (its affiliation, or itself).
        compared: How many of each source's statements were compared with another party's.
        objects: The groups compared (event, predicate, scope), in report order.
        fact_object: The object of each fact; facts of one object are contiguous.
        claim_source: The source of each claim.
        claim_fact: The fact each claim asserts.
        claim_vote: What each claim weighs in a fact's support: the party's one vote on the
            object, shared among its sources and among the facts each claims, times the
            statement's share (``1/n`` for a statement compared in ``n`` objects).
        claim_own: What each claim weighs in its own source's score: the statement's share,
            split among the facts the source claims for the object.
        pair_from: For each ordered pair of different facts of one object, the first...
        pair_to: ... the second ...
        pair_implication: ... and how far the first, if true, makes the second true (1, 1/2
            or 0; see :mod:`claims.trust._relations`).
        candidate_object: The object of each candidate true value; contiguous per object.
            For a count, the candidates are the finite ends of the claimed intervals; for a
            fact, its claimed values.
        row_candidate: For each candidate and each fact of its object, the candidate...
        row_fact: ... the fact ...
        row_loss: ... and the fact's loss were the candidate true: for a count, how far the
            figure lies outside the interval, over the spread of the object's figures (their
            standard deviation, at least 1); for a fact, 0 when the values agree (equal,
            nested or overlapping) and 1 when they do not.
    """

    sources: tuple[str, ...]
    parties: tuple[str, ...]
    compared: tuple[int, ...]
    objects: tuple[GroupKey, ...]
    fact_object: array[int] = attrs.field(repr=False)
    claim_source: array[int] = attrs.field(repr=False)
    claim_fact: array[int] = attrs.field(repr=False)
    claim_vote: array[float] = attrs.field(repr=False)
    claim_own: array[float] = attrs.field(repr=False)
    pair_from: array[int] = attrs.field(repr=False)
    pair_to: array[int] = attrs.field(repr=False)
    pair_implication: array[float] = attrs.field(repr=False)
    candidate_object: array[int] = attrs.field(repr=False)
    row_candidate: array[int] = attrs.field(repr=False)
    row_fact: array[int] = attrs.field(repr=False)
    row_loss: array[float] = attrs.field(repr=False)

    @property
    def claims(self) -> int:
        """How many claims (a source asserting a fact of an object) there are."""
        return len(self.claim_source)

    @property
    def facts(self) -> int:
        """How many facts (distinct values claimed for an object) there are."""
        return len(self.fact_object)


_Said = tuple[Hashable, str, Any]
"""(statement, source, value): one statement's value for an object; the value is a
:data:`Span` for a count, a :data:`Value` for a fact."""


def gather_evidence(data: Report | Dossier) -> Evidence:
    """The evidence in a report (a dossier is reconciled first): every group that two or more
    independent parties give figures or values for, with what each source claims for it.

    Building it builds the explanation of every count group (their contributions), which
    costs more than reconciling; pass the evidence to :func:`estimate_trust` to run several
    methods on one gathering.
    """
    report = reconcile(data) if isinstance(data, Dossier) else data
    party = report.context.party
    found: list[tuple[GroupKey, bool, list[_Said]]] = []
    for summary in report.summaries:
        settlement = summary.settlement
        for result in settlement.counts:
            said = _count_statements(result)
            if len({party(s) for _, s, _ in said}) > 1:
                found.append((result.key, True, said))
        for fact in settlement.facts:
            said = _fact_statements(fact)
            if len({party(s) for _, s, _ in said}) > 1:
                found.append((fact.key, False, said))
    return _tabulate(found, party, report.context.vocabulary)


def _count_statements(result: CountResult) -> list[_Said]:
    return [(c.claims, c.source, (c.bounds.low, c.bounds.high))
            for c in result.contributions if c.role in _FIGURES]


def _fact_statements(result: FactResult) -> list[_Said]:
    return [((result.key, source, index), source, value.value)
            for index, value in enumerate(result.values) if value.status is Status.ASSERTED
            for source in value.sources]


def _span_order(span: Span) -> tuple[int, float]:
    return (span[0], float("inf") if span[1] is None else span[1])


def _value_order(value: Value) -> tuple[str, str]:
    return (type(value).__name__, repr(value))


@attrs.define
class _Tables:
    """The columns of :class:`Evidence` while they are filled, object by object."""

    fact_object: array[int] = attrs.Factory(_ints)
    claim_source: array[int] = attrs.Factory(_ints)
    claim_fact: array[int] = attrs.Factory(_ints)
    claim_vote: array[float] = attrs.Factory(_floats)
    claim_own: array[float] = attrs.Factory(_floats)
    pair_from: array[int] = attrs.Factory(_ints)
    pair_to: array[int] = attrs.Factory(_ints)
    pair_implication: array[float] = attrs.Factory(_floats)
    candidate_object: array[int] = attrs.Factory(_ints)
    row_candidate: array[int] = attrs.Factory(_ints)
    row_fact: array[int] = attrs.Factory(_ints)
    row_loss: array[float] = attrs.Factory(_floats)


def _tabulate(found: list[tuple[GroupKey, bool, list[_Said]]], party: Callable[[str], str],
              vocabulary: Vocabulary) -> Evidence:
    occurrences = Counter(statement for _, _, said in found for statement, _, _ in said)
    by_source: dict[str, set[Hashable]] = defaultdict(set)
    for _, _, said in found:
        for statement, source, _ in said:
            by_source[source].add(statement)
    sources = tuple(sorted(by_source))
    index = {s: i for i, s in enumerate(sources)}
    tables = _Tables()
    for number, (_, is_count, said) in enumerate(found):
        values = sorted({v for _, _, v in said}, key=_span_order if is_count else _value_order)
        first = len(tables.fact_object)
        position = {v: first + i for i, v in enumerate(values)}
        tables.fact_object.extend([number] * len(values))
        _claims(tables, said, occurrences, position, index, party)
        _pairs(tables, values, first, is_count, vocabulary)
        if is_count:
            _count_candidates(tables, values, first, number)
        else:
            _fact_candidates(tables, values, first, number, vocabulary)
    return Evidence(sources, tuple(party(s) for s in sources),
                    tuple(len(by_source[s]) for s in sources),
                    tuple(key for key, _, _ in found), **attrs.asdict(tables, recurse=False))


def _claims(tables: _Tables, said: list[_Said], occurrences: Counter[Hashable],
            position: dict[Any, int], index: dict[str, int],
            party: Callable[[str], str]) -> None:
    """One claim per source and fact, with its vote and its weight in its source's score."""
    statements: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for statement, source, value in said:
        statements[source].append((position[value], 1 / occurrences[statement]))
    voices = Counter(party(s) for s in statements)
    rows: list[tuple[int, int, float, float]] = []
    for source, items in statements.items():
        own: dict[int, float] = defaultdict(float)
        for fact, share in items:
            own[fact] += share / len(items)
        share_of_party = 1 / voices[party(source)]
        rows += [(fact, index[source], weight * share_of_party, weight)
                 for fact, weight in own.items()]
    rows.sort()
    tables.claim_fact.extend(r[0] for r in rows)
    tables.claim_source.extend(r[1] for r in rows)
    tables.claim_vote.extend(r[2] for r in rows)
    tables.claim_own.extend(r[3] for r in rows)


def _pairs(tables: _Tables, values: Sequence[Any], first: int, is_count: bool,
           vocabulary: Vocabulary) -> None:
    others = [(i, j) for i in range(len(values)) for j in range(len(values)) if i != j]
    tables.pair_from.extend(first + i for i, _ in others)
    tables.pair_to.extend(first + j for _, j in others)
    if is_count:
        tables.pair_implication.extend(span_implication(values[i], values[j])
                                       for i, j in others)
    else:
        tables.pair_implication.extend(value_implication(values[i], values[j], vocabulary)
                                       for i, j in others)


def _spread(figures: Sequence[int]) -> float:
    """The standard deviation of the figures (over all of them), at least 1."""
    mean = sum(figures) / len(figures)
    return max(1.0, math.sqrt(sum((f - mean) ** 2 for f in figures) / len(figures)))


def _count_candidates(tables: _Tables, spans: Sequence[Span], first: int,
                      number: int) -> None:
    """Every finite end of a claimed interval is a candidate figure: the weighted sum of
    distances to intervals is least at one of them."""
    figures = sorted({end for span in spans for end in span if end is not None})
    scale = _spread(figures)
    start, facts = len(tables.candidate_object), range(first, first + len(spans))
    tables.candidate_object.extend([number] * len(figures))
    for candidate, figure in enumerate(figures, start):
        tables.row_candidate.extend([candidate] * len(spans))
        tables.row_fact.extend(facts)
        tables.row_loss.extend(span_distance(figure, span) / scale for span in spans)


def _fact_candidates(tables: _Tables, values: Sequence[Value], first: int, number: int,
                     vocabulary: Vocabulary) -> None:
    start, facts = len(tables.candidate_object), range(first, first + len(values))
    tables.candidate_object.extend([number] * len(values))
    for candidate, truth in enumerate(values, start):
        tables.row_candidate.extend([candidate] * len(values))
        tables.row_fact.extend(facts)
        tables.row_loss.extend(
            1.0 if value_implication(value, truth, vocabulary) == APART else 0.0
            for value in values)
