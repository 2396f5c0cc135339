"""Stance from the words sources use: the hedge that qualifies a statement ("presumably",
"reportedly") and whether it asserts, denies or declines to say. A negated word says the
opposite of the word: "could not be confirmed" is unconfirmed, "did not deny" no denial."""

from __future__ import annotations

import re

import attrs

from claims.errors import ParseError
from claims.model import Hedge, Status
from claims.parse._excerpts import excerpt


@attrs.frozen
class Stance:
    """The hedge and status a phrase carries, and the words that carried them."""

    hedge: Hedge | None = None
    status: Status = Status.ASSERTED
    cues: tuple[str, ...] = ()


_NOT = (r"(?:not|never|neither|nor|cannot|no one|nobody|no\s+\w+(?=\s+ha(?:s|ve|d)\b)|"
        r"\w+n['’]t|yet to|unable to|failed to|refused to|declined to)")
_FILLER = (r"(?:be|been|being|yet|so far|independently|immediately|officially|publicly|"
           r"separately|explicitly|directly|formally|able to|to|has|have|had|was|were|is|are)")
_CONFIRM = r"confirm(?:ed|s)?|verif(?:y|ied|ies)"
_NEGATED = re.compile(
    rf"(?<![\w'’]){_NOT}(?:\s+{_FILLER}){{0,4}}\s+(?:(?P<confirm>{_CONFIRM})|claim(?:ed|s)?|"
    rf"den(?:ied|ies|y))\b", re.IGNORECASE)
"""A verb whose negation comes at most four words before it ("not be independently
confirmed", "not yet been verified", "not deny", "no group has claimed")."""
_AUXILIARY = re.compile(r"\b(?:could|can|did|does|do|has|have|had|is|are|was|were|would|"
                        r"will|may|might) $", re.IGNORECASE)

_HEDGES: tuple[tuple[re.Pattern[str], bool, Hedge], ...] = (
    # (the words, whether a negation before them takes the hedge away, the hedge)
    (re.compile(r"\bunconfirmed\b|\bunverified\b|\bno (?:independent )?confirmation\b", re.I),
     False, Hedge.UNCONFIRMED),
    (re.compile(r"\breportedly\b|\breported to\b", re.I), False, Hedge.REPORTEDLY),
    (re.compile(r"\bpresumably\b", re.I), False, Hedge.PRESUMABLY),
    (re.compile(r"\ballegedly\b|\balleged\b", re.I), False, Hedge.ALLEGEDLY),
    (re.compile(r"\baccording to\b", re.I), False, Hedge.ACCORDING_TO),
    (re.compile(r"\bsaid to\b", re.I), False, Hedge.SAID_TO),
    (re.compile(r"\bclaim(?:ed|s)?\b", re.I), True, Hedge.CLAIMED),
    (re.compile(r"\bconfirmed\b", re.I), True, Hedge.CONFIRMED),
)
_STATUSES: tuple[tuple[re.Pattern[str], bool, Status], ...] = (
    (re.compile(r"\bden(?:ied|ies|y)\b", re.I), True, Status.DENIED),
    (re.compile(r"\b(?:not disclos\w*|did not disclose|declined to (?:give|disclose|say)|"
                r"withheld|undisclosed)\b", re.I), False, Status.NOT_DISCLOSED),
)


def parse_stance(text: str) -> Stance:
    """The hedge ("presumably", "reportedly", "allegedly", "according to", "claimed", "said
    to", "confirmed", "unconfirmed") and status (denied, not disclosed) in a phrase.

    When several hedges appear, the first in the list above wins: an "unconfirmed" report is
    unconfirmed, not confirmed. A negated confirmation ("could not be independently
    confirmed", "not verified", "neither confirmed nor denied") is unconfirmed; a negated
    denial ("did not deny", "has not denied") or claim ("no one has claimed") carries
    nothing, and is no cue.

    Raises:
        ParseError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a phrase to read a stance in, got {excerpt(text)}")
    negated = list(_NEGATED.finditer(text))
    taken_back = {match.end() for match in negated}  # a negated verb ends where its match does
    hedge: Hedge | None = None
    cues: list[str] = []
    for pattern, negatable, kind in _HEDGES:
        cue = _first(pattern, text, taken_back if negatable else set())
        if kind is Hedge.UNCONFIRMED:
            cue = min(filter(None, (cue, _negated_confirmation(text, negated))), default=None)
        if cue:
            cues.append(cue[1])
            hedge = hedge or kind
    status = Status.ASSERTED
    for pattern, negatable, said in _STATUSES:
        cue = _first(pattern, text, taken_back if negatable else set())
        if cue:
            cues.append(cue[1])
            if status is Status.ASSERTED:
                status = said
    return Stance(hedge, status, tuple(cues))


def _first(pattern: re.Pattern[str], text: str,
           taken_back: set[int]) -> tuple[int, str] | None:
    """Where the first match of ``pattern`` that no negation takes back starts, and its
    words."""
    for match in pattern.finditer(text):
        if match.end() not in taken_back:
            return match.start(), match.group()
    return None


def _negated_confirmation(text: str, negated: list[re.Match[str]]) -> tuple[int, str] | None:
    """The first confirmation said not to be one, with its negation and any auxiliary before
    it ("could not be confirmed")."""
    match = next((match for match in negated if match.group("confirm")), None)
    if match is None:
        return None
    auxiliary = _AUXILIARY.search(text, max(0, match.start() - 8), match.start())
    start = auxiliary.start() if auxiliary else match.start()
    return start, text[start:match.end()]
