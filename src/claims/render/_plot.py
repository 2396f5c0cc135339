"""A picture of one count group: a bar per claim from its low to its high bound (an arrow
where it has none), coloured by the kind of source, with the reconciled range and any
contradiction marked. Needs the ``plot`` extra (matplotlib)."""

from __future__ import annotations

from typing import Any

from claims._extras import require
from claims.model import Scope
from claims.reconciler import Role, Severity, describe_scope
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

    One row per statement, labelled with its source and words: a bar from its low bound to
    its high bound, and an arrow past the bar where it has none ("at least nine"). Bars are
    coloured by source kind (the legend names the kinds shown), hedged statements hatched,
    the statements in a contradiction outlined in red. The grey band is the reported range;
    the blue one the interval every claim allows. Ticks are whole numbers; the title says
    the range, whom it counts, and whether the claims contradict or vary.
    """
    plt = require("matplotlib.pyplot", extra="plot", feature="plot_ranges")
    ticker = require("matplotlib.ticker", extra="plot", feature="plot_ranges")
    patches = require("matplotlib.patches", extra="plot", feature="plot_ranges")

    result = report.count(event, predicate, scope)
    contributions = list(result.contributions)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.55 * len(contributions) + 1.8))
    finite = [c.stated.high for c in contributions if c.stated.high is not None]
    top = max([result.high.value, *finite, 1]) * 1.3 + 1
    ax.axvspan(result.low.value, result.high.value if result.high.value > result.low.value
               else result.low.value + 0.3, color="0.85", zorder=0)
    if result.feasible is not None:
        high = result.feasible.high if result.feasible.high is not None else top
        ax.axvspan(result.feasible.low, max(high, result.feasible.low + 0.3), color="#6baed6",
                   alpha=0.25, zorder=0)
    kinds = {s.id: s.kind for s in report.context.sources}
    clashing = set(result.contradiction.claims) if result.contradiction else set()
    shown_kinds: dict[str, str] = {}
    labels = []
    for row, c in enumerate(contributions):
        kind = kinds.get(c.source, "other")
        colour = _KIND_COLOURS.get(kind, "0.45")
        shown_kinds[kind] = colour
        open_end = c.stated.high is None
        end: float = top * 0.9 if c.stated.high is None else c.stated.high
        outline = "#d62728" if clashing & set(c.claims) else "white"
        ax.barh(row, max(end - c.stated.low, 0.3), left=c.stated.low, height=0.5,
                color=colour, hatch="//" if c.hedged else None, edgecolor=outline,
                linewidth=2 if outline != "white" else 0.5, zorder=2)
        if open_end:
            ax.annotate("", xy=(top, row), xytext=(end, row), zorder=3,
                        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.5})
        role = "" if c.role is Role.DIRECT else f" ({c.role.value})"
        labels.append(_short(f"{c.name or c.source}: \u201c{c.wording}\u201d{role}"))
    ax.set_yticks(range(len(contributions)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, top)
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    ax.set_xlabel(f"{predicate}: {describe_scope(report.context.vocabulary, result.key.scope)}")
    title = count_line(result, report).split(" (")[0]
    if result.severity is Severity.CONTRADICTED:
        title += " \u2013 the claims contradict one another"
        ax.title.set_color("#d62728")
    elif result.severity is Severity.VARY:
        title += " \u2013 the figures vary"
    ax.set_title(title, fontsize=10)
    handles = [patches.Patch(color="0.85", label="reported range"),
               patches.Patch(color="#6baed6", alpha=0.25, label="allowed by every claim"),
               *(patches.Patch(color=colour, label=kind.replace("_", " "))
                 for kind, colour in shown_kinds.items())]
    if any(c.hedged for c in contributions):
        handles.append(patches.Patch(facecolor="white", edgecolor="0.3", hatch="//",
                                     label="hedged"))
    if clashing:
        handles.append(patches.Patch(facecolor="white", edgecolor="#d62728", linewidth=2,
                                     label="in contradiction"))
    if any(c.stated.high is None for c in contributions):
        handles.append(patches.FancyArrow(0, 0, 1, 0, color="black", label="open above"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              frameon=False)
    ax.figure.tight_layout()
    return ax


def _short(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "\u2026"
