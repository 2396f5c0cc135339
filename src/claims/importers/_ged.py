"""UCDP GED: each record of a GED CSV export as an event's claims, with the dataset as the
relay and the original source where the record names one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from claims.errors import Problem, ValidationError
from claims.importers._collect import DATASET, Collector, slug, span, start
from claims.importers._table import PathLike, Row, read_rows
from claims.model import (
    ActorRef,
    Count,
    Coverage,
    Dossier,
    Precision,
    Relay,
    Scope,
    Source,
    Vocabulary,
    fold_name,
)

UCDP_GED = Source(id="ucdp-ged", name="UCDP Georeferenced Event Dataset", kind=DATASET)
"""The dataset, as the outlet that relays (or, for a record naming several sources, the
source that codes) each record's figures."""

GED_REQUIRED = ("id", "date_start", "date_end", "country", "side_a", "side_b",
                "source_original", "source_office", "deaths_a", "deaths_b",
                "deaths_civilians", "deaths_unknown", "best", "low", "high")
"""The GED columns an import needs; the others are read when present."""

_COUNTS = ("best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
_PRECISION = {4: Precision.MONTH, 5: Precision.YEAR}


def read_ucdp_ged(path: PathLike, *, into: Dossier | None = None,
                  vocabulary: Vocabulary | None = None, zone: dt.tzinfo = dt.UTC,
                  civilian: str = "civilian", combatant: str = "combatant",
                  combatants: Mapping[str, str] | None = None) -> Dossier:
    """A UCDP GED CSV export (GED's published columns) as a dossier, or added to ``into``.

    Each record becomes claims about one event: the event in ``into`` that carries the
    record's id (``external_ids=("ucdp-ged:423091",)``), else a new event
    (``ucdp-ged-423091``) with the record's dates, place (country, ``adm_1``, ``adm_2``,
    ``where_description`` as places within places, found by name when known) and ids. The
    claims: people killed (``best``, ``low``, ``high``: exact, or about ``best`` within the
    two), the dead of each side (``deaths_a``, ``deaths_b``; the side's actor, found by
    name or alias, with the ``combatant`` category or the one ``combatants`` maps its actor
    to) and civilians (``deaths_civilians``), each where the record gives more than 0, and
    for one-sided violence (``type_of_violence`` 3) ``side_a`` as perpetrator. Their
    provenance: the one ``source_original`` the record names, relayed by its
    ``source_office`` outlets and the dataset; a record naming several (or none) is the
    dataset's own coding of them, and they are named in the note. The quote is the
    record's cells as read. See ``docs/exports.md`` for the mapping.

    Args:
        path: The CSV file (a header row; UTF-8, with or without a byte order mark).
        into: A dossier to add the records to (its events, sources and vocabulary are
            matched first).
        vocabulary: The vocabulary of a new dossier (instead of ``into``).
        zone: The zone GED's dates are read in (they carry none).
        civilian: The category of civilians (added, as a summary category, if missing).
        combatant: The category of a side's dead (likewise).
        combatants: Categories for the dead of particular actors and their factions
            (``{"iran-backed-militias": "militiaman"}``).

    Raises:
        DossierError: listing every bad cell as ``row 5: $.best`` (the header is row 1),
            every missing column, and anything the resulting dossier refuses.
    """
    base = start(into, vocabulary)
    for category in (combatants or {}).values():
        if not base.vocabulary.has("categories", category):
            raise ValidationError(f"'combatants' names an unknown category: {category!r}")
    problems: list[Problem] = []
    collector = Collector(base, UCDP_GED, problems)
    for row in read_rows(path, GED_REQUIRED, problems):
        _record(row, collector, zone, civilian, combatant, combatants or {})
    return collector.dossier(str(path))


def _record(row: Row, collector: Collector, zone: dt.tzinfo, civilian: str, combatant: str,
            combatants: Mapping[str, str]) -> None:
    before = len(collector.problems)
    ident = row.text("id", required=True)
    first, last = row.date("date_start", required=True), row.date("date_end", required=True)
    if first is not None and last is not None and last < first:
        row.problem("date_end", f"'date_end' must not be before 'date_start': "
                                f"date_start={first}, date_end={last}")
    date_prec = row.code("date_prec", range(1, 6))
    where_prec = row.code("where_prec", range(1, 8))
    violence = row.code("type_of_violence", range(1, 4))
    country = row.text("country", required=True)
    side_a, side_b = row.text("side_a", required=True), row.text("side_b", required=True)
    counts = {c: row.count(c, required=True) for c in _COUNTS}
    dates = row.dates("source_date")
    if (None in counts.values() or len(collector.problems) > before or ident is None
            or first is None or last is None or country is None or side_a is None
            or side_b is None):
        return
    best, low, high = counts["best"] or 0, counts["low"] or 0, counts["high"] or 0
    if not low <= best <= high:
        row.problem("best", f"'low' <= 'best' <= 'high' must hold: low={low}, best={best}, "
                            f"high={high}")
    parts = sum(counts[c] or 0 for c in _COUNTS[3:])
    if parts != best:
        row.problem("best", f"deaths_a + deaths_b + deaths_civilians + deaths_unknown must "
                            f"equal 'best': {parts} and best={best}")
    if len(collector.problems) > before:
        return
    relid = row.text("relid")
    external = (f"ucdp-ged:{ident}", *((f"ucdp-ged-relid:{relid}",) if relid else ()))
    place = _place(row, collector, country, where_prec)
    where = row.text("where_description") or row.text("adm_1") or country
    event = collector.event(external, {
        "id": f"ucdp-ged-{slug(ident)}", "title": f"{where}, {first} (UCDP GED {ident})",
        "time": span(first, last, zone, _PRECISION.get(date_prec or 1, Precision.DAY),
                     f"{first}" if first == last else f"{first} to {last}"),
        "place": place, "external_ids": external})
    deaths = {c: counts[c] or 0 for c in _COUNTS}
    quote = (f"UCDP GED {ident}: best {best} (low {low}, high {high}); deaths_a "
             f"{deaths['deaths_a']} ({side_a}), deaths_b {deaths['deaths_b']} ({side_b}), "
             f"deaths_civilians {deaths['deaths_civilians']}, deaths_unknown "
             f"{deaths['deaths_unknown']}")
    offices = row.names("source_office")
    headline, article = row.text("source_headline"), row.text("source_article")
    notes: list[str] = []
    if len(offices) == 1:
        relays = [Relay(outlet=collector.source(offices[0]), title=headline,
                        url=article if article and article.startswith("http") else None,
                        published=span(dates[0], dates[0], zone, Precision.DAY, str(dates[0]))
                        if len(dates) == 1 else None)]
        if article and not article.startswith("http"):
            notes.append(f"source article: {article}")
    else:
        relays = [Relay(outlet=collector.source(o)) for o in offices]
        notes += [f"{name}: {value}" for name, value in (
            ("source headline", headline), ("source article", article),
            ("source date", row.text("source_date"))) if value]
    provenance, notes = collector.provenance(row.names("source_original"), relays, quote,
                                             notes)
    common = {"event": event, "predicate": "killed", "provenance": provenance,
              "note": "; ".join(notes) or None, "external_ids": (external[0],)}
    prefix = f"ucdp-ged-{slug(ident)}"
    wording = f"best {best}, low {low}, high {high}"
    total = (Count.exact(best, wording) if low == best == high
             else Count.approximately(best, low, high, wording))
    collector.claim(row.number, id=f"{prefix}-killed", value=total, **common)
    sides = {side: (name, deaths[f"deaths_{side}"]) for side, name in (("a", side_a),
                                                                        ("b", side_b))
             if deaths[f"deaths_{side}"] > 0 and fold_name(name) != "civilians"}
    scopes = {side: _side_scope(name, collector, combatant, combatants)
              for side, (name, _) in sides.items()}
    summaries = [collector.vocabulary.summary_category(s.category) or s.category
                 for s in scopes.values()]
    shared = len(summaries) == 2 and summaries[0] == summaries[1]
    for side, (_, dead) in sides.items():
        collector.claim(row.number, id=f"{prefix}-killed-{side}",
                        value=Count.exact(dead, f"deaths_{side} {dead}"), scope=scopes[side],
                        coverage=Coverage.PARTIAL if shared else Coverage.COMPLETE, **common)
    if shared:
        both = sum(dead for _, dead in sides.values())
        collector.claim(row.number, id=f"{prefix}-killed-sides",
                        value=Count.exact(both, f"deaths_a + deaths_b {both}"),
                        scope=Scope(summaries[0]), **common)
    if deaths["deaths_civilians"] > 0:
        collector.claim(row.number, id=f"{prefix}-killed-civilians",
                        value=Count.exact(deaths["deaths_civilians"],
                                          f"deaths_civilians {deaths['deaths_civilians']}"),
                        scope=Scope(collector.category(civilian, "civilian")), **common)
    if violence == 3:
        collector.claim(row.number, id=f"{prefix}-perpetrator",
                        value=ActorRef(collector.actor(side_a), side_a),
                        **{**common, "predicate": "perpetrator"})


def _side_scope(name: str, collector: Collector, combatant: str,
                combatants: Mapping[str, str]) -> Scope:
    """A side's dead: its actor, in the category ``combatants`` gives the actor (or an actor
    it belongs to), else the ``combatant`` category."""
    actor = collector.actor(name)
    vocabulary = collector.vocabulary
    category = next((c for k, c in combatants.items() if vocabulary.has("actors", k)
                     and vocabulary.actor_within(actor, k)), None)
    return Scope(category or collector.category(combatant, "combatant"), actor)


def _place(row: Row, collector: Collector, country: str, where_prec: int | None
           ) -> str | None:
    """The record's place: country, first- and second-order divisions, and the named
    location (for a precise place), each within the one before; the event lies at the level
    ``where_prec`` gives (7, international waters or airspace: none)."""
    nation = collector.place(country, None, None)
    chain = [nation]
    for column in ("adm_1", "adm_2"):
        name = row.text(column)
        if name is not None:
            chain.append(collector.place(name, chain[-1], nation))
    levels = {3: 3, 4: 2, 5: 1, 6: 1}
    if where_prec == 7:
        return None
    location = row.text("where_description")
    if where_prec in (None, 1, 2) and location is not None:
        return collector.place(location, chain[-1], nation)
    return chain[min(levels.get(where_prec or 1, len(chain)), len(chain)) - 1]
