"""Importers: the field's datasets read in as claims, so they can be reconciled against
each other and against hand-coded claims. Each record keeps its provenance: the dataset as
the outlet that relayed it, and the original source where the record names one."""

from claims.importers._acled import ACLED, ACLED_REQUIRED, read_acled
from claims.importers._ged import GED_REQUIRED, UCDP_GED, read_ucdp_ged

__all__ = ["ACLED", "ACLED_REQUIRED", "GED_REQUIRED", "UCDP_GED", "read_acled", "read_ucdp_ged"]
