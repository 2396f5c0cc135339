"""Files and data: dossiers to and from JSON, JSON Lines and Parquet (``docs/format.md``),
model objects to and from plain data, a claim as one flat row of columns. Every problem in a
document is reported at once, with its place; writing is deterministic and atomic."""

from claims.io._columns import CLAIM_COLUMNS, RELAY_FIELDS, flatten_claim, nest_claim
from claims.io._files import (
    FORMAT,
    LINES_FORMAT,
    VERSION,
    distinct_paths,
    dossier_schema,
    write_atomically,
)
from claims.io._parts import ParquetParts
from claims.io._reading import iter_claims, load, loads, structure
from claims.io._writing import dump, dumps, lines_to_parquet, unstructure

__all__ = [
    "CLAIM_COLUMNS",
    "FORMAT",
    "LINES_FORMAT",
    "RELAY_FIELDS",
    "VERSION",
    "ParquetParts",
    "distinct_paths",
    "dossier_schema",
    "dump",
    "dumps",
    "flatten_claim",
    "iter_claims",
    "lines_to_parquet",
    "load",
    "loads",
    "nest_claim",
    "structure",
    "unstructure",
    "write_atomically",
]
