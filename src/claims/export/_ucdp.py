"""UCDP GED rows: one per event, in GED's own columns, with deaths by side and civilians and
a best estimate from a policy."""

from __future__ import annotations

from claims.export._events import (
    EventView,
    actor_name,
    claims_behind,
    day_span,
    event_views,
    joined,
    place_name,
    total,
)
from claims.export._field import sources_of
from claims.export._rows import Row
from claims.model import Claim, Vocabulary
from claims.reconciler import CountResult, Policy, Severity
from claims.report import Report

GED_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id",
    "side_b", "number_of_sources", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid",
    "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
)
"""The columns of the UCDP Georeferenced Event Dataset (GED), in its order."""

UCDP_EXTRA_COLUMNS = ("event_title", "high_open", "severity", "disputed", "best_reasons")
"""Columns after GED's own: what the library adds to say how sure the figures are."""


def _where_prec(depth: int) -> int | None:
    """GED's place precision from the depth of the event's place in the hierarchy: the top
    is a country (6), the next level a first-order division (4), anything deeper a named
    location (2: "a limited area around a specified location"). The hierarchy has no
    levels, so a place one below a division is read as a location, not a district."""
    return {0: None, 1: 6, 2: 4}.get(depth, 2)


def date_prec(days: int) -> int:
    """GED's date precision for a span of ``days`` calendar days: 1 the day is known; 2 a
    span of 2-6 days; 3 a week; 4 8-30 days or a month; 5 longer (a year)."""
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


def _side_results(view: EventView, actor: str | None, civilian: str | None,
                  vocabulary: Vocabulary) -> list[CountResult]:
    """The outermost "killed" groups of the actor's people (not civilians): its dead."""
    if actor is None:
        return []
    found = [r for r in view.counts("killed") if r.key.scope.actor is not None
             and r.key.scope.place is None
             and vocabulary.actor_within(r.key.scope.actor, actor)
             and not (civilian and r.key.scope.category
                      and vocabulary.category_within(r.key.scope.category, civilian))]
    return [r for r in found if not any(
        o is not r and vocabulary.scope_within(r.key.scope, o.key.scope) for o in found)]


def _best(results: list[CountResult], policy: Policy) -> int:
    return sum(policy.estimate(r).best or 0 for r in results)


def ucdp_rows(report: Report, *, civilian: str = "civilian",
              policy: Policy = Policy.LOW_BEST_HIGH) -> list[Row]:
    """UCDP GED rows: one per event, in GED's columns (``GED_COLUMNS``) and order, then
    ``event_title``, ``high_open``, ``severity``, ``disputed`` and ``best_reasons``.

    ``low``, ``best`` and ``high`` are the event's deaths under ``policy``
    (``Policy.LOW_BEST_HIGH``: the lowest and highest figures named, and the most credible
    figure as best, with its reasons in ``best_reasons``); a figure stated for everyone is
    used as it is, otherwise the headline groups that count different people (civilians,
    militiamen) are added up. ``best`` is empty only when no claim gives a death toll.

    Sides: ``side_a`` is the perpetrator (the actor every ``perpetrator`` claim agrees on),
    ``side_b`` the targeted group (likewise from ``targeted_group``). ``deaths_a`` and
    ``deaths_b`` are the best figures of the outermost "killed" groups of each side's actor
    (or its factions), ``deaths_civilians`` that of the ``civilian`` summary category, and
    ``deaths_unknown`` what is left of ``best``. A side no claim counts dead of has 0, as
    GED counts deaths attributed to it. The mapping and what stays empty are in
    ``docs/exports.md``.

    Args:
        report: The report.
        civilian: The id of the vocabulary's summary category for civilians.
        policy: How ``low``, ``best`` and ``high`` are chosen.
    """
    vocabulary = report.context.vocabulary
    civilian_id = civilian if vocabulary.has("categories", civilian) else None
    rows = []
    for view in event_views(report):
        deaths = total(view, "killed", policy, vocabulary)
        side_a = _side_results(view, view.side_a, civilian_id, vocabulary)
        side_b = _side_results(view, view.side_b, civilian_id, vocabulary)
        civilians = [r for r in view.counts("killed") if r.key.scope.category == civilian_id
                     and r.key.scope.actor is None and r.key.scope.place is None]
        used = [*deaths.results, *side_a, *side_b, *civilians]
        behind = claims_behind(used, report)
        row: Row = dict.fromkeys(GED_COLUMNS)
        row.update(_where(view, vocabulary))
        row.update(_when(view))
        row.update(_sources(behind, used, report))
        row.update({
            "id": view.external("ucdp-ged") or view.id, "relid": view.external("ucdp-ged-relid"),
            "side_a": actor_name(vocabulary, view.side_a),
            "side_b": actor_name(vocabulary, view.side_b),
            "event_title": view.result.title,
            "high_open": deaths.high_open if deaths.results else None,
            "severity": deaths.severity.value if deaths.results else None,
            "disputed": deaths.severity is Severity.CONTRADICTED if deaths.results else None,
            "best_reasons": "; ".join(deaths.reasons) or None,
        })
        if deaths.best is not None:
            a, b, c = _best(side_a, policy), _best(side_b, policy), _best(civilians, policy)
            row.update({"deaths_a": a, "deaths_b": b, "deaths_civilians": c,
                        "deaths_unknown": max(0, deaths.best - a - b - c),
                        "best": deaths.best, "high": deaths.high, "low": deaths.low})
        rows.append(row)
    return rows


def _where(view: EventView, vocabulary: Vocabulary) -> Row:
    names = [place_name(vocabulary, p) for p in view.places]
    return {"country": names[0] if names else None,
            "adm_1": names[1] if len(names) > 1 else None,
            "adm_2": names[2] if len(names) > 3 else None,
            "where_description": names[-1] if names else None,
            "where_prec": _where_prec(len(names))}


def _when(view: EventView) -> Row:
    if view.time is None:
        return {}
    first, last = day_span(view.time)
    return {"year": first.year, "date_start": first.isoformat(), "date_end": last.isoformat(),
            "date_prec": date_prec((last - first).days + 1)}


def _sources(behind: list[Claim], used: list[CountResult], report: Report) -> Row:
    original = joined(report.context.name(s) for r in used for s in r.sources)
    outlets = joined(o for r in used for o in sources_of(r, report)[1].split("; "))
    articles = joined(u for c in behind
                      for u in (c.provenance.url, *(r.url for r in c.provenance.relays)))
    headlines = joined(t for c in behind
                       for t in (c.provenance.title, *(r.title for r in c.provenance.relays)))
    dates = joined(p.start.date().isoformat() for c in behind
                   if (p := c.provenance.published or next(
                       (r.published for r in c.provenance.relays if r.published), None)))
    return {"number_of_sources": len({s for r in used for s in r.sources}) or None,
            "source_article": articles, "source_office": outlets, "source_date": dates,
            "source_headline": headlines, "source_original": original}
