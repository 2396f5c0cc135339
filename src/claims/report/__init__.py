"""The report a user holds: every event's results, to read (``print``, the infobox, HTML in
a notebook), merge and serialise; and :func:`reconcile`, which makes one."""

from claims.report._data import REPORT_FORMAT, report_data
from claims.report._reconcile import reconcile
from claims.report._report import Report

__all__ = ["REPORT_FORMAT", "Report", "reconcile", "report_data"]
