"""The bulk path: a million claims reconciled over columns (the ``bulk`` extra: polars).

:func:`reconcile` reads a JSON Lines dossier in chunks, checks every claim as
:func:`claims.load` does, and keeps only the columns the count rules read; :meth:`Bulk.ranges`
gives every count group's figures at once, equal to :meth:`claims.Report.ranges`;
:meth:`Bulk.report` builds the full, explained report of the events looked at.
``docs/scale.md`` says when to use it and what it costs.
"""

from claims.bulk._bulk import Bulk, reconcile
from claims.bulk._figures import RANGE_COLUMNS
from claims.bulk._read import FIGURE_COLUMNS

__all__ = ["FIGURE_COLUMNS", "RANGE_COLUMNS", "Bulk", "reconcile"]
