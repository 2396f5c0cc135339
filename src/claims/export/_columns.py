"""The type of every column the exports write, so that frames have one schema whatever the
data (an empty column is still a column of counts) and two dossiers' frames concatenate."""

from __future__ import annotations

import datetime as dt

from claims.export._acled import ACLED_COLUMNS
from claims.export._airwars import AIRWARS_COLUMNS
from claims.export._ucdp import GED_COLUMNS, UCDP_EXTRA_COLUMNS

_INTEGERS = {
    # counts
    "low", "high", "best", "feasible_low", "feasible_high", "independent_sources",
    "number_of_sources", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "fatalities", "civilians_killed_min", "civilians_killed_max", "civilians_injured_min",
    "civilians_injured_max", "militants_killed_min", "militants_killed_max",
    # codes
    "year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id",
    "side_b_new_id", "where_prec", "priogrid_gid", "country_id", "event_clarity", "date_prec",
    "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "timestamp",
}
_BOOLEANS = {"high_open", "disputed", "hedged", "active_year"}
_FLOATS = {"latitude", "longitude"}
_DATETIMES = {"published"}

_ROWS = (
    # claim_rows
    "claim", "event", "predicate", "category", "actor", "place", "status", "value", "bound",
    "hedge", "source", "source_name", "source_kind", "outlets", "published", "url", "quote",
    "note", "title", "external_ids",
    # result_rows
    "range", "low_claims", "high_claims", "contradiction", "grade", "sources",
    "hedged_claims",
)

COLUMN_TYPES: dict[str, type] = {
    name: (int if name in _INTEGERS else bool if name in _BOOLEANS
           else float if name in _FLOATS else dt.datetime if name in _DATETIMES else str)
    for name in dict.fromkeys((*_ROWS, *_INTEGERS, *_BOOLEANS, *GED_COLUMNS,
                               *UCDP_EXTRA_COLUMNS, *AIRWARS_COLUMNS, *ACLED_COLUMNS))
}
"""Every column an export writes and the Python type of its values (``None`` where empty):
``int`` counts and codes, ``bool``, ``float`` coordinates, ``datetime.datetime`` times with
a zone, ``str`` the rest."""
