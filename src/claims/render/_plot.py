"""A picture of one count group: a bar per claim from its low to its high bound (an arrow
where it has none), coloured by the kind of source, with the reconciled range and any
contradiction marked. Needs the ``plot`` extra (matplotlib)."""

from __future__ import annotations

from typing import Any

from claims._extras import require
from claims.model import Scope
from claims.reconciler import Role, describe_scope
from claims.render._text import count_line
from claims.render._view import ReportView

_KIND_COLOURS = {
    "government": "#1f77b4", "military": "#17becf", "monitoring_group": "#2ca02c",
    "armed_group": "#d62728", "state_media": "#9467bd", "news_agency": "#8c564b",
    "local_official": "#e377c2", "medical": "#bcbd22",
}


def plot_ranges(report: ReportView, event: str, predicate: str, scope: Scope | None = None,
                ax: Any = None) -> Any:
    """Draw the claims behind one count result and return the matplotlib ``Axes``.

    Each bar runs from a claim's low bound to its high bound (an arrow where it has none);
    bars are coloured by source kind, hedged claims hatched; the grey band is the reported
    range and the green one the interval every claim allows, or the title says the claims
    contradict.
    """
    plt = require("matplotlib.pyplot", extra="plot", feature="plot_ranges")

    result = report.count(event, predicate, scope)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.6 * len(result.contributions) + 1.6))
    contributions = list(result.contributions)
    finite = [c.stated.high for c in contributions if c.stated.high is not None]
    top = max([result.high.value, *finite, 1]) * 1.25
    ax.axvspan(result.low.value, result.high.value if result.high.value > result.low.value
               else result.low.value + 0.2, color="0.85", label="reported range")
    if result.feasible is not None:
        high = result.feasible.high if result.feasible.high is not None else top
        ax.axvspan(result.feasible.low, high, color="#2ca02c", alpha=0.15,
                   label="allowed by every claim")
    kinds = {s.id: s.kind for s in report.context.sources}
    for row, c in enumerate(contributions):
        colour = _KIND_COLOURS.get(kinds.get(c.source, ""), "0.4")
        end = c.stated.high if c.stated.high is not None else top
        ax.barh(row, max(end - c.stated.low, 0.15), left=c.stated.low, height=0.5,
                color=colour, hatch="//" if c.hedged else None, edgecolor="white")
        if c.stated.high is None:
            ax.annotate("", xy=(top, row), xytext=(c.stated.low, row),
                        arrowprops={"arrowstyle": "->", "color": colour})
        suffix = "" if c.role is Role.DIRECT else f" ({c.role.value})"
        ax.text(c.stated.low, row + 0.32, f"{report.context.name(c.source)}: "
                f"\u201c{c.wording}\u201d{suffix}", fontsize=8)
    ax.set_yticks([])
    ax.set_xlim(0, top)
    ax.set_xlabel(f"{predicate} ({describe_scope(report.context.vocabulary, result.key.scope)})")
    title = count_line(result, report).split(" (")[0]
    if result.contradiction is not None:
        title += " - the claims contradict one another"
        ax.title.set_color("#d62728")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return ax
