"""``reconcile``: from a dossier (or claims with their vocabulary and sources) to a report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from claims.model import Claim, Dossier, Event, Source, Vocabulary
from claims.reconciler import DEFAULT_TOLERANCE, Context, Tolerance
from claims.report._report import Report


def reconcile(
    data: Dossier | Iterable[Claim],
    *,
    vocabulary: Vocabulary | None = None,
    sources: Iterable[Source] = (),
    events: Iterable[Event] = (),
    as_of: dt.datetime | None = None,
    tolerance: Tolerance | None = None,
) -> Report:
    """Say what the claims allow: ranges that name their claims, and contradictions.

    Args:
        data: A dossier, or claims (then give the vocabulary and sources they use).
        vocabulary: For claims given alone; a dossier brings its own.
        sources: For claims given alone: names, and which party each speaks for.
        events: For claims given alone: the events' titles.
        as_of: Use only claims whose publication was over by this (zone-aware) time; the
            others are listed in :attr:`Report.excluded`.
        tolerance: When figures that cannot all hold merely vary (a factor of two, or two
            people, by default; see :class:`claims.reconciler.Tolerance`).

    Raises:
        DossierError: for claims given alone that name a predicate, category, actor or place
            the vocabulary does not know, or a source or event not among those given (when
            any are given).
        ValidationError: for a naive ``as_of``.
        MergeError: when one claim id names two different claims.
    """
    checked = isinstance(data, Dossier)
    if isinstance(data, Dossier):
        vocabulary, sources, events, claims = (data.vocabulary, data.sources, data.events,
                                               data.claims)
    else:
        claims = tuple(data)
    context = Context(vocabulary or Vocabulary(), tuple(sorted(sources, key=lambda s: s.id)),
                      tolerance or DEFAULT_TOLERANCE)
    return Report.build(claims, context, events=tuple(events), as_of=as_of, check=not checked)
