"""Stance from the words sources use: the hedge that qualifies a statement ("presumably",
"reportedly") and whether it asserts, denies or declines to say. A negated word says the
opposite of the word: "could not be confirmed" is unconfirmed, "did not deny" no denial.

English and Arabic are read; Arabic from folded text (:mod:`claims.parse._letters`), so the
tables below are written without short vowels and with one alef."""

from __future__ import annotations

import re

import attrs

from claims.errors import ParseError
from claims.model import Hedge, Status
from claims.parse._excerpts import excerpt
from claims.parse._letters import fold_words, is_arabic


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

_AR = r"(?<!\w)(?:و|ف)?"  # an Arabic word starts here, perhaps after "و" or "ف" (and)
_AR_NOT = r"(?:لم|لا|لن|غير)"
_HEDGE_WORDS: tuple[tuple[str, str, bool, Hedge], ...] = (
    # (the English words, the Arabic, whether a negation before them takes the hedge away,
    # the hedge)
    (r"\bunconfirmed\b|\bunverified\b|\bno (?:independent )?confirmation\b",
     rf"{_AR}(?:غير مؤكد|دون تاكيد|لم (?:يتسن|يتسني|يتم) (?:ال)?تحقق|تعذر التحقق|"
     rf"لم (?:ي|ت)ؤكد)", False, Hedge.UNCONFIRMED),
    (r"\breportedly\b|\breported to\b", "", False, Hedge.REPORTEDLY),
    (r"\bpresum(?:ably|ed)\b", rf"{_AR}(?:يرجح|من المرجح)(?!\w)", False, Hedge.PRESUMABLY),
    (r"\ballegedly\b|\balleged\b", "", False, Hedge.ALLEGEDLY),
    (r"\baccording to\b", rf"{_AR}(?:ب?حسب|وفق|وفقا ل|طبقا ل)", False, Hedge.ACCORDING_TO),
    (r"\bsaid to\b", rf"{_AR}(?:يقال|قيل) ان(?!\w)", False, Hedge.SAID_TO),
    (r"\bclaim(?:ed|s)?\b", rf"{_AR}(?:زعم|زعمت|يزعم|تزعم|ادعي|ادعت)(?!\w)", True,
     Hedge.CLAIMED),
    (r"\bconfirmed\b", rf"{_AR}(?:اكد|اكدت|يؤكد|تؤكد)(?!\w)", True, Hedge.CONFIRMED),
)
_STATUS_WORDS: tuple[tuple[str, str, bool, Status], ...] = (
    (r"\bden(?:ied|ies|y)\b|\breject(?:ed|s)?(?= (?:the )?(?:claims?|reports?|allegations?|"
     r"accounts?)\b)", rf"{_AR}(?:نفي|نفت|ينفي|تنفي)(?!\w)", True, Status.DENIED),
    (r"\b(?:not disclos\w*|did not disclose|declined to (?:give|disclose|say)|withheld|"
     r"undisclosed)\b",
     rf"{_AR}(?:لم (?:ي|ت)(?:كشف|علن|فصح)|(?:رفض|رفضت|امتنع|امتنعت)(?: \S+){{0,3}}"
     r" (?:عن )?(?:الكشف|الاعلان|الافصاح)|تكتم|تتكتم|يتكتم)(?!\w)", False,
     Status.NOT_DISCLOSED),
)


def _tables(arabic: bool) -> tuple[tuple[tuple[re.Pattern[str], bool, Hedge], ...],
                                   tuple[tuple[re.Pattern[str], bool, Status], ...]]:
    """The hedges' and statuses' patterns: English, or English and Arabic (the English alone
    scan faster, and most text is not Arabic)."""
    def compiled(english: str, arabic_words: str) -> re.Pattern[str]:
        both = f"{english}|{arabic_words}" if arabic and arabic_words else english
        return re.compile(both, re.IGNORECASE)
    return (tuple((compiled(e, a), n, k) for e, a, n, k in _HEDGE_WORDS),
            tuple((compiled(e, a), n, k) for e, a, n, k in _STATUS_WORDS))


_HEDGES, _STATUSES = _tables(arabic=False)
_HEDGES_AR, _STATUSES_AR = _tables(arabic=True)
_AR_NEGATED = re.compile(rf"{_AR}{_AR_NOT} (?:ينف|تنف|ينفي|تنفي|يزعم|تزعم|يؤكد|تؤكد)(?!\w)")
"""An Arabic negated verb ("لم ينفِ": did not deny), which carries nothing."""
_DISPUTED = re.compile(r"\b(?:den(?:ied|ies|y)|reject(?:ed|s)?|dismiss(?:ed|es)?) (?:the )?"
                       r"claims?\b", re.I)
"""Claims that a source denies ("rejected claims that ...") are what it denies, not a hedge
on what it says."""


def parse_stance(text: str) -> Stance:
    """The hedge ("presumably", "reportedly", "allegedly", "according to", "claimed", "said
    to", "confirmed", "unconfirmed") and status (denied, not disclosed) in a phrase.

    When several hedges appear, the first in the list above wins: an "unconfirmed" report is
    unconfirmed, not confirmed. A negated confirmation ("could not be independently
    confirmed", "not verified", "neither confirmed nor denied") is unconfirmed; a negated
    denial ("did not deny", "has not denied") or claim ("no one has claimed") carries
    nothing, and is no cue. "Presumed dead" is presumably; claims a source denies or rejects
    ("rejected claims that") are no hedge, and rejecting them is a denial.

    Arabic: يُرجّح (presumably), بحسب / حسب / وفق (according to), زعم (claimed), أكد
    (confirmed), غير مؤكدة / لم يتسنَّ التحقق (unconfirmed), نفى (denied; لم ينفِ is none),
    لم تكشف / لم تعلن / رفض الكشف (not disclosed).

    Raises:
        ParseError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a phrase to read a stance in, got {excerpt(text)}")
    text = fold_words(text)
    arabic = is_arabic(text)
    hedges, statuses = (_HEDGES_AR, _STATUSES_AR) if arabic else (_HEDGES, _STATUSES)
    negated = list(_NEGATED.finditer(text))
    taken_back = {match.end() for match in negated}  # a negated verb ends where its match does
    if arabic:
        taken_back |= {match.end() for match in _AR_NEGATED.finditer(text)}
    disputed = taken_back | {match.end() for match in _DISPUTED.finditer(text)}
    hedge: Hedge | None = None
    cues: list[str] = []
    for pattern, negatable, kind in hedges:
        cue = _first(pattern, text, (disputed if kind is Hedge.CLAIMED else taken_back)
                     if negatable else set())
        if kind is Hedge.UNCONFIRMED:
            cue = min(filter(None, (cue, _negated_confirmation(text, negated))), default=None)
        if cue:
            cues.append(cue[1])
            hedge = hedge or kind
    status = Status.ASSERTED
    for pattern, negatable, said in statuses:
        cue = _first(pattern, text, taken_back if negatable else set())
        if cue:
            cues.append(cue[1])
            if status is Status.ASSERTED:
                status = said
    return Stance(hedge, status, tuple(cues))


def status_span(text: str, status: Status) -> tuple[int, int] | None:
    """Where in folded ``text`` the first words that say ``status`` lie ("did not
    disclose", "لم تكشف"), or None."""
    for pattern, _, said in _STATUSES_AR if is_arabic(text) else _STATUSES:
        if said is status:
            match = pattern.search(text)
            return (match.start(), match.end()) if match else None
    return None


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
