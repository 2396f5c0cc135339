"""The report as plain JSON data (``"format": "claims.report"``), whole or one event at a
time, and its JSON text."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable
from typing import Any

from claims.io import VERSION, unstructure
from claims.reconciler import POLICIES, EventResult
from claims.render import ReportView, infobox_lines

REPORT_FORMAT = "claims.report"


def report_data(report: ReportView) -> dict[str, Any]:
    """The report as plain JSON data: every result with its claims, grades and estimates."""
    data = report_head(report.as_of, report.excluded, report.undated)
    data["events"] = [event_data(event, report) for event in report.results]
    return data


def report_head(as_of: dt.datetime | None, excluded: Iterable[str],
                undated: Iterable[str]) -> dict[str, Any]:
    """What comes before the events in a report's data: format, version and what ``as_of``
    left out."""
    return {
        "format": REPORT_FORMAT,
        "version": VERSION,
        "as_of": None if as_of is None else as_of.isoformat(),
        "excluded": list(excluded),
        "undated": list(undated),
    }


def event_data(event: EventResult, report: ReportView) -> dict[str, Any]:
    """One event's results as plain JSON data, each count with its grade, range and the
    estimate of every policy; ``report`` is any report that holds the event's claims."""
    data: dict[str, Any] = unstructure(event)
    for result, plain in zip(event.counts, data.get("counts", []), strict=True):
        plain["grade"] = result.grade.value
        plain["range"] = result.range_text()
        plain["estimates"] = [unstructure(p.estimate(result)) for p in POLICIES]
    for fact, plain in zip(event.facts, data.get("facts", []), strict=True):
        plain["grade"] = fact.grade.value
    data["contradictions"] = [unstructure(c) for c in event.contradictions]
    data["infobox"] = infobox_lines(event, report)
    return data


def indented_json(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``, written by orjson where the
    ``fast`` extra is installed (the same text, some twenty times sooner).

    The two agree on what report data holds: strings, integers, booleans, null, lists and
    dicts with string keys (report data has no floats, which the two write differently). What
    orjson refuses (an integer beyond 64 bits, a lone surrogate) is written by ``json``.
    """
    fast = _orjson_indented()
    if fast is not None:
        try:
            return fast(data)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return json.dumps(data, indent=2, ensure_ascii=False)


@functools.cache
def _orjson_indented() -> Callable[[Any], str] | None:
    try:
        import orjson  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # the optional "fast" extra is not installed
        return None
    dumps: Callable[..., bytes] = orjson.dumps
    option: int = orjson.OPT_INDENT_2

    def write(data: Any) -> str:
        return dumps(data, option=option).decode("utf-8")

    return write
