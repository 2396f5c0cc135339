"""Exports: claims and results as rows, frames and CSV, and in the field's formats (UCDP GED,
Airwars, W3C PROV). The column mappings are in ``docs/exports.md``."""

from claims.export._airwars import airwars_rows
from claims.export._csv import neutralise, write_csv
from claims.export._frames import to_pandas, to_polars
from claims.export._prov import prov_document
from claims.export._rows import Row, claim_rows, result_rows
from claims.export._ucdp import ucdp_rows

__all__ = [
    "Row",
    "airwars_rows",
    "claim_rows",
    "neutralise",
    "prov_document",
    "result_rows",
    "to_pandas",
    "to_polars",
    "ucdp_rows",
    "write_csv",
]
