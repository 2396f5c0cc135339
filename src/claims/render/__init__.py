"""Rendering: reports as text (``print(report)``, the infobox), as HTML for notebooks, and
count results as range plots (the ``plot`` extra)."""

from claims.render._html import event_html, report_html, set_display
from claims.render._plot import plot_ranges
from claims.render._text import (
    contradiction_label,
    count_line,
    infobox_lines,
    render_event,
    render_report,
)
from claims.render._view import ReportView

__all__ = [
    "ReportView",
    "contradiction_label",
    "count_line",
    "event_html",
    "infobox_lines",
    "plot_ranges",
    "render_event",
    "render_report",
    "report_html",
    "set_display",
]
