"""ACLED: each record of an ACLED CSV export as an event's fatality claim, with the dataset
as the relay and the original source where the record names one."""

from __future__ import annotations

import datetime as dt

from claims.errors import Problem
from claims.importers._collect import DATASET, Collector, slug, span, start
from claims.importers._table import PathLike, Row, read_rows
from claims.model import (
    Count,
    Dossier,
    Precision,
    Relay,
    Source,
    Status,
    TimeSpan,
    Vocabulary,
)

ACLED = Source(id="acled", name="Armed Conflict Location & Event Data Project (ACLED)",
               kind=DATASET)
"""The dataset, as the outlet that relays (or, for a record naming several sources, the
source that codes) each record's fatalities."""

ACLED_REQUIRED = ("event_id_cnty", "event_date", "country", "fatalities", "source")
"""The ACLED columns an import needs; the others are read when present."""


def read_acled(path: PathLike, *, into: Dossier | None = None,
               vocabulary: Vocabulary | None = None, zone: dt.tzinfo = dt.UTC,
               zero_means_none: bool = False) -> Dossier:
    """An ACLED CSV export (ACLED's published columns) as a dossier, or added to ``into``.

    Each record becomes a claim about one event: the event in ``into`` that carries the
    record's id (``external_ids=("acled:SYR12345",)``), else a new event
    (``acled-syr12345``) with the record's date (``time_precision`` 1 the day, 2 the week
    around it, 3 its month), place (country, ``admin1`` to ``admin3`` and ``location`` as
    places within places, found by name when known) and id. The claim: people killed,
    exactly ``fatalities`` (ACLED's conservative figure). ACLED records 0 both when no one
    died and when the toll is unknown, so a 0 is kept as a recorded non-claim (no figure,
    listed in the report) unless ``zero_means_none``. Its provenance: the one ``source``
    the record names, relayed by the dataset (at the record's ``timestamp``); a record
    naming several is the dataset's own coding of them, named in the note. ACLED's actors
    carry no direction, so no perpetrator is read from them. The quote is the record's
    figure and ``notes`` as read.

    Args:
        path: The CSV file (a header row; UTF-8, with or without a byte order mark).
        into: A dossier to add the records to (its events, sources and vocabulary are
            matched first).
        vocabulary: The vocabulary of a new dossier (instead of ``into``).
        zone: The zone ACLED's dates are read in (they carry none).
        zero_means_none: Read ``fatalities`` 0 as "no one was killed".

    Raises:
        DossierError: listing every bad cell as ``row 5: $.fatalities`` (the header is
            row 1), every missing column, and anything the resulting dossier refuses.
    """
    problems: list[Problem] = []
    collector = Collector(start(into, vocabulary), ACLED, problems)
    for row in read_rows(path, ACLED_REQUIRED, problems):
        _record(row, collector, zone, zero_means_none)
    return collector.dossier(str(path))


def _when(day: dt.date, precision: int | None, zone: dt.tzinfo) -> TimeSpan:
    if precision == 3:
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return span(first, following - dt.timedelta(days=1), zone, Precision.MONTH,
                    f"{day:%B %Y}")
    if precision == 2:
        return span(day - dt.timedelta(days=3), day + dt.timedelta(days=3), zone,
                    Precision.DAY, f"the week of {day}")
    return span(day, day, zone, Precision.DAY, str(day))


def _record(row: Row, collector: Collector, zone: dt.tzinfo, zero_means_none: bool) -> None:
    before = len(collector.problems)
    ident = row.text("event_id_cnty", required=True)
    day = row.date("event_date", required=True)
    precision = row.code("time_precision", range(1, 4))
    country = row.text("country", required=True)
    fatalities = row.count("fatalities", required=True)
    stamp = row.count("timestamp")
    if len(collector.problems) > before or ident is None or day is None or country is None \
            or fatalities is None:
        return
    nation = collector.place(country, None, None)
    place = nation
    for column in ("admin1", "admin2", "admin3", "location"):
        name = row.text(column)
        if name is not None:
            place = collector.place(name, place, nation)
    external = (f"acled:{ident}",)
    kind = row.text("sub_event_type") or row.text("event_type") or "Event"
    where = row.text("location") or row.text("admin1") or country
    event = collector.event(external, {
        "id": f"acled-{slug(ident)}", "title": f"{kind}: {where}, {day} (ACLED {ident})",
        "time": _when(day, precision, zone), "place": place, "external_ids": external})
    notes = row.text("notes")
    quote = f"ACLED {ident}: fatalities {fatalities}" + (f"; notes: {notes}" if notes else "")
    scale = row.text("source_scale")
    provenance, parts = collector.provenance(
        row.names("source"), [], quote, [f"source scale: {scale}"] if scale else [])
    if stamp is not None:
        uploaded = TimeSpan.at(dt.datetime.fromtimestamp(stamp, dt.UTC), "ACLED timestamp")
        relays = tuple(Relay(outlet=r.outlet, url=r.url, quote=r.quote, title=r.title,
                             published=uploaded if r.outlet == collector.dataset
                             else r.published) for r in provenance.relays)
        provenance = type(provenance)(source=provenance.source, quote=provenance.quote,
                                      relays=relays)
    figure: dict[str, object] = {
        "value": Count.exact(fatalities, f"{fatalities} fatalities"),
        "note": "; ".join(["ACLED's conservative figure", *parts])}
    if fatalities == 0 and not zero_means_none:
        figure = {"status": Status.NOT_DISCLOSED, "note": "; ".join([
            "ACLED records 0 when no fatalities are reported or the toll is unknown: read as "
            "no figure", *parts])}
    collector.claim(row.number, id=f"acled-{slug(ident)}-killed", event=event,
                    predicate="killed", provenance=provenance, external_ids=external, **figure)
