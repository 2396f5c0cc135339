"""Airwars rows: one per incident, civilian harm and militant deaths as min-max, the
belligerent, the strike status, and the incident's grade in Airwars' vocabulary."""

from __future__ import annotations

from claims.export._events import (
    EventView,
    actor_name,
    claims_behind,
    day_span,
    event_views,
    joined,
    non_claims,
    place_name,
    speaks_for,
)
from claims.export._rows import Row
from claims.model import ActorRef, Status, Vocabulary
from claims.reconciler import (
    CountResult,
    Policy,
    Severity,
    describe_scope,
    incident_grade,
    predicate_label,
)
from claims.report import Report

AIRWARS_COLUMNS = (
    "incident", "title", "date", "location", "country", "belligerent", "strike_status",
    "civilians_killed_min", "civilians_killed_max", "civilians_injured_min",
    "civilians_injured_max", "militants_killed_min", "militants_killed_max", "open_maxima",
    "grade", "belligerent_assessment", "sources", "hedged",
)
"""The Airwars-style columns, in order (``docs/exports.md``)."""


def _group(view: EventView, predicate: str, category: str | None) -> CountResult | None:
    return next((r for r in view.counts(predicate) if r.key.scope.category == category
                 and category is not None and r.key.scope.actor is None
                 and r.key.scope.place is None), None)


def _militants(view: EventView, civilian: str | None, vocabulary: Vocabulary
               ) -> list[CountResult]:
    """The "killed" groups of the summary categories that are not civilians."""
    return [r for r in view.counts("killed") if r.key.scope.actor is None
            and r.key.scope.place is None and r.key.scope.category is not None
            and vocabulary.summary_category(r.key.scope.category) == r.key.scope.category
            and not (civilian and vocabulary.category_within(r.key.scope.category, civilian))]


def strike_status(view: EventView, report: Report) -> str | None:
    """Whose strike it was, in Airwars' terms: a "Declared strike" when a source speaking for
    the belligerent names it, a "Contested strike" when sources name belligerents that do
    not agree, a "Likely strike" when two or more independent parties name it, a "Single
    source claim" when one does; empty when no claim names a belligerent."""
    fact = view.perpetrator
    if fact is None:
        return None
    if fact.severity is not Severity.CONSISTENT:
        return "Contested strike"
    declared = any(
        speaks_for(report, report.claim(i), v.value.id) for v in fact.values
        if v.status is Status.ASSERTED and isinstance(v.value, ActorRef) for i in v.claims)
    if declared:
        return "Declared strike"
    return "Likely strike" if fact.independent >= 2 else "Single source claim"


def airwars_rows(report: Report, *, civilian: str = "civilian") -> list[Row]:
    """Airwars rows: one per incident (event), in ``AIRWARS_COLUMNS``.

    Civilians killed and injured are the ``civilian`` summary category's range, militants
    killed the other summary categories' ranges added up (``Policy.MIN_MAX``), each empty
    when no claim speaks of them; ``open_maxima`` names the maxima that are the least an
    open-ended claim allows ("at least nine"). ``belligerent`` is the actor the perpetrator
    claims agree on (or every one named, when they do not); ``strike_status`` says whose
    strike it was (:func:`strike_status`). ``grade`` is the incident's, in Airwars' own
    vocabulary (:func:`claims.reconciler.incident_grade`), graded on the civilian dead (or,
    when none are claimed, the civilian injured): Contested is about competing claims of
    responsibility, never a clash of counts. ``belligerent_assessment`` keeps apart what
    the belligerent's own sources said of the harm, a refusal to disclose included.

    Args:
        report: The report.
        civilian: The id of the vocabulary's summary category for civilians.
    """
    vocabulary = report.context.vocabulary
    civilian_id = civilian if vocabulary.has("categories", civilian) else None
    rows = []
    for view in event_views(report):
        killed = _group(view, "killed", civilian_id)
        injured = _group(view, "injured", civilian_id)
        militants = _militants(view, civilian_id, vocabulary)
        row: Row = dict.fromkeys(AIRWARS_COLUMNS)
        opened = []
        for name, results in (("civilians_killed", [killed] if killed else []),
                              ("civilians_injured", [injured] if injured else []),
                              ("militants_killed", militants)):
            if results:
                estimates = [Policy.MIN_MAX.estimate(r) for r in results]
                row[f"{name}_min"] = sum(e.low or 0 for e in estimates)
                row[f"{name}_max"] = sum(e.high or 0 for e in estimates)
                if any(r.high.open or r.high.more_than for r in results):
                    opened.append(f"{name}_max")
        graded = killed or injured
        used = [r for r in (killed, injured, *militants) if r is not None]
        behind = claims_behind(used, report)
        names = [v.value.id for v in (view.perpetrator.values if view.perpetrator else ())
                 if v.status is Status.ASSERTED and isinstance(v.value, ActorRef)]
        row.update({
            "incident": view.external("airwars") or view.id, "title": view.result.title,
            "location": place_name(vocabulary, view.places[-1]) if view.places else None,
            "country": place_name(vocabulary, view.places[0]) if view.places else None,
            "belligerent": actor_name(vocabulary, view.side_a) or joined(
                actor_name(vocabulary, n) for n in names),
            "strike_status": strike_status(view, report),
            "open_maxima": joined(opened),
            "grade": incident_grade(graded, view.perpetrator).value if graded else None,
            "belligerent_assessment": _assessment(view, report, names),
            "sources": joined(report.context.name(s) for r in used for s in r.sources),
            "hedged": any(c.hedged for c in behind) if used else None,
        })
        if view.time is not None:
            first, last = day_span(view.time)
            row["date"] = first.isoformat() if first == last else f"{first}/{last}"
        rows.append(row)
    return rows


def _assessment(view: EventView, report: Report, belligerents: list[str]) -> str | None:
    """What sources speaking for a belligerent said of the harm, in their words."""
    vocabulary = report.context.vocabulary
    said = []
    harm = [report.claim(i) for r in view.result.counts for c in r.contributions
            for i in c.claims]
    for claim in [*non_claims(view, report), *harm]:
        if not any(speaks_for(report, claim, b) for b in belligerents):
            continue
        what = predicate_label(vocabulary, claim.predicate)
        if claim.scope.category or claim.scope.actor or claim.scope.place:
            what = f"{describe_scope(vocabulary, claim.scope)} {what}"
        if claim.status is Status.NOT_DISCLOSED:
            said.append(f"{report.context.name(claim.source)}: not disclosed ({what})")
        else:
            words = getattr(claim.value, "wording", None) or str(claim.value)
            said.append(f"{report.context.name(claim.source)}: “{words}” ({what})")
    return joined(said)
