"""Stance from the words sources use: the hedge that qualifies a statement ("presumably",
"reportedly") and whether it asserts, denies or declines to say."""

from __future__ import annotations

import re

import attrs

from claims.model import Hedge, Status


@attrs.frozen
class Stance:
    """The hedge and status a phrase carries, and the words that carried them."""

    hedge: Hedge | None = None
    status: Status = Status.ASSERTED
    cues: tuple[str, ...] = ()


_HEDGES = (
    (r"\bunconfirmed\b", Hedge.UNCONFIRMED),
    (r"\breportedly\b|\breported to\b", Hedge.REPORTEDLY),
    (r"\bpresumably\b", Hedge.PRESUMABLY),
    (r"\ballegedly\b|\balleged\b", Hedge.ALLEGEDLY),
    (r"\baccording to\b", Hedge.ACCORDING_TO),
    (r"\bsaid to\b", Hedge.SAID_TO),
    (r"\bclaim(?:ed|s)?\b", Hedge.CLAIMED),
    (r"\bconfirmed\b", Hedge.CONFIRMED),
)
_STATUSES = (
    (r"\bden(?:ied|ies|y)\b", Status.DENIED),
    (r"\b(?:not disclos\w*|did not disclose|declined to (?:give|disclose|say)|"
     r"withheld|undisclosed)\b", Status.NOT_DISCLOSED),
)


def parse_stance(text: str) -> Stance:
    """The hedge ("presumably", "reportedly", "allegedly", "according to", "claimed", "said
    to", "confirmed", "unconfirmed") and status (denied, not disclosed) in a phrase.

    When several hedges appear, the first in the list above wins: an "unconfirmed" report is
    unconfirmed, not confirmed.
    """
    hedge: Hedge | None = None
    cues: list[str] = []
    for pattern, kind in _HEDGES:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            cues.append(match.group())
            hedge = hedge or kind
    status = Status.ASSERTED
    for pattern, said in _STATUSES:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            cues.append(match.group())
            if status is Status.ASSERTED:
                status = said
    return Stance(hedge, status, tuple(cues))
