"""Exports: claims and results as rows, frames and CSV, and in the field's formats (UCDP GED,
Airwars, ACLED, Wikipedia infobox lines, Wikidata QuickStatements, W3C PROV), of a whole
report, or through :func:`write_exports` of a large one a chunk at a time. The column
mappings, and what each leaves empty, are in ``docs/exports.md``."""

from claims.export._acled import ACLED_COLUMNS, acled_rows
from claims.export._airwars import AIRWARS_COLUMNS, airwars_rows
from claims.export._columns import COLUMN_TYPES
from claims.export._csv import CsvRows, neutralise, write_csv
from claims.export._frames import to_pandas, to_polars
from claims.export._prov import prov_document
from claims.export._rows import Row, claim_row, claim_rows, result_rows
from claims.export._ucdp import GED_COLUMNS, ucdp_rows
from claims.export._wikidata import PROPERTIES, wikidata_statements
from claims.export._wikipedia import cite, wikipedia_infobox, wikipedia_lines
from claims.export._writing import EXPORTS, write_exports

__all__ = [
    "ACLED_COLUMNS",
    "AIRWARS_COLUMNS",
    "COLUMN_TYPES",
    "EXPORTS",
    "GED_COLUMNS",
    "PROPERTIES",
    "CsvRows",
    "Row",
    "acled_rows",
    "airwars_rows",
    "cite",
    "claim_row",
    "claim_rows",
    "neutralise",
    "prov_document",
    "result_rows",
    "to_pandas",
    "to_polars",
    "ucdp_rows",
    "wikidata_statements",
    "wikipedia_infobox",
    "wikipedia_lines",
    "write_csv",
    "write_exports",
]
