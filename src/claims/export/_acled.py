"""ACLED rows: one per event in ACLED's columns, one fatality figure, the conservative
reading, with the dispute and what was set aside in the notes."""

from __future__ import annotations

from claims.export._events import (
    EventView,
    Total,
    actor_name,
    claims_behind,
    day_span,
    event_views,
    joined,
    non_claims,
    place_name,
    total,
)
from claims.export._rows import Row
from claims.reconciler import Policy, describe_scope, predicate_label
from claims.report import Report

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
"""The columns of ACLED's data export, in its order."""


def time_precision(days: int) -> int:
    """ACLED's time precision for a span of ``days`` calendar days: 1 the day is known,
    2 the week, 3 the month (or less precise)."""
    return 1 if days <= 1 else 2 if days <= 7 else 3


def acled_rows(report: Report, *, policy: Policy = Policy.CONSERVATIVE) -> list[Row]:
    """ACLED rows: one per event, in ACLED's columns (``ACLED_COLUMNS``) and order.

    ``fatalities`` is one figure, the conservative reading (``Policy.CONSERVATIVE``: the
    lowest credible figure, a perpetrator's exculpatory figure set aside when an independent
    one exists), of a figure stated for everyone or else the headline groups that count
    different people added up; ``notes`` says how it was read, the dispute when the claims
    contradict, the higher figures not used and anything set aside, and refusals to
    disclose. ``actor1`` is the perpetrator and ``actor2`` the targeted group (ACLED's
    actors carry no direction; the order here does). What stays empty is in
    ``docs/exports.md``.

    Args:
        report: The report.
        policy: How the one figure is chosen.
    """
    vocabulary = report.context.vocabulary
    rows = []
    for view in event_views(report):
        deaths = total(view, "killed", policy, vocabulary)
        row: Row = dict.fromkeys(ACLED_COLUMNS)
        names = [place_name(vocabulary, p) for p in view.places]
        row.update({
            "event_id_cnty": view.external("acled") or view.id,
            "actor1": actor_name(vocabulary, view.side_a),
            "actor2": actor_name(vocabulary, view.side_b),
            "country": names[0] if names else None,
            "admin1": names[1] if len(names) > 1 else None,
            "admin2": names[2] if len(names) > 3 else None,
            "location": names[-1] if names else None,
            "source": joined(report.context.name(s) for r in deaths.results for s in r.sources),
            "notes": _notes(view, deaths, report, policy),
            "fatalities": deaths.best,
        })
        if view.time is not None:
            first, last = day_span(view.time)
            row.update({"event_date": first.isoformat(), "year": first.year,
                        "time_precision": time_precision((last - first).days + 1)})
        rows.append(row)
    return rows


def _notes(view: EventView, deaths: Total, report: Report, policy: Policy) -> str | None:
    """How the figure was read: the reasons, the dispute, the higher figures not used."""
    vocabulary = report.context.vocabulary
    notes = [f"{view.result.title}."]
    if deaths.results:
        notes.append(f"Fatalities {deaths.best}, the conservative reading: "
                     + "; ".join(deaths.reasons) + ".")
    notes.extend(f"{n[0].upper()}{n[1:]}." for n in deaths.notes)
    used = {c.id for c in claims_behind(deaths.results, report)}
    higher = []
    for result in deaths.results:
        chosen = policy.estimate(result).best or 0
        for contribution in result.figures_from:
            if contribution.stated.low > chosen and set(contribution.claims) <= used:
                higher.append(f"{contribution.name or contribution.source} "
                              f"“{contribution.wording}” "
                              f"({describe_scope(vocabulary, result.key.scope)})")
    if higher:
        notes.append("Higher figures not used: " + "; ".join(dict.fromkeys(higher)) + ".")
    refused = [f"{report.context.name(c.source)} did not disclose how many were "
               f"{predicate_label(vocabulary, c.predicate)}" for c in non_claims(view, report)]
    if refused:
        notes.append("; ".join(dict.fromkeys(refused)) + ".")
    return " ".join(notes) if len(notes) > 1 else None
