"""The report a user holds: every event's results, to read (``print``, the infobox, HTML in
a notebook), merge and serialise; :func:`reconcile`, which makes one; and
:func:`reconcile_in_chunks`, which settles and writes a large one a chunk of events at a time."""

from claims.report._chunked import CHUNK_CLAIMS, ChunkedReport, reconcile_in_chunks
from claims.report._data import REPORT_FORMAT, event_data, report_data, report_head
from claims.report._reconcile import reconcile
from claims.report._report import Report

__all__ = [
    "CHUNK_CLAIMS",
    "REPORT_FORMAT",
    "ChunkedReport",
    "Report",
    "event_data",
    "reconcile",
    "reconcile_in_chunks",
    "report_data",
    "report_head",
]
