"""Who a sentence says a figure comes from, and the hedge and status each figure carries.

A third party may be named as the sentence's subject ("The monitor said 17 militiamen were
killed", "قالت وزارة الصحة إن ..."), after the figures (", medics said"), or with "according
to" ("according to the army", "بحسب المرصد السوري"). A named party before the figures reaches
the figures after it; one after them, the figures before it back to the previous one: in
"The strike killed three soldiers, according to the army, and wounded four civilians, medics
said", the army gives the three and the medics the four. "According to" is also a hedge, on
the figures it reaches only.

The other hedges and the status are the sentence's (:func:`claims.parse.parse_stance`), less
the words that hedge something else: who attacked ("presumably by American warplanes",
"allegedly carried out by", "يُرجّح أنه أمريكي") and responsibility ("Islamic State claimed
the attack").
"""

from __future__ import annotations

import re

import attrs

from claims.model import Hedge, Status
from claims.parse._stance import Stance, parse_stance

_HEDGE_ORDER = (Hedge.UNCONFIRMED, Hedge.REPORTEDLY, Hedge.PRESUMABLY, Hedge.ALLEGEDLY,
                Hedge.ACCORDING_TO, Hedge.SAID_TO, Hedge.CLAIMED, Hedge.CONFIRMED)
"""The hedges in the order :func:`claims.parse.parse_stance` ranks them."""

_OTHER_HEDGES = re.compile(
    r"\b(?:presumably|allegedly|reportedly|apparently|possibly|probably|likely|believed to "
    r"have been)\b(?=,? (?:(?:carried out|conducted|launched|fired|flown|operated|mounted|"
    r"staged|led) )?by\b)|\bclaimed (?:responsibility|the (?:attack|strike|bombing|"
    r"operation|raid))\b|(?<!\w)(?:يرجح|يعتقد|يشتبه) ان(?:ه|ها)(?!\w)",
    re.IGNORECASE)
"""Hedges on who attacked, and claims of responsibility: not hedges on the figures."""

_SPEECH = (r"said|says|say|stated|reported|added|told|confirmed|confirms|"
           r"claimed|claims|denied|denies|rejected|counted|documented|mourned|named|raised|"
           r"revised|withheld|declined|did not (?:deny|disclose)|does not deny|put|announced|"
           r"acknowledged|admitted|estimated|recorded|listed")
_DATELINE = (r"(?:[A-Z][A-Z .'-]+(?:, [A-Z][\w ]*?)?(?:, [A-Z][a-z]+\.? \d{1,2})?"
             r" \([\w .]+\) ?[-–—] ?|\([\w .]+\) ?[-–—] ?)?")
_EN_TURN = re.compile(r"(?:, but|, while|, whereas|;) ", re.IGNORECASE)
"""Where a second party may start speaking in the same sentence."""
_EN_LABEL = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}): ")
"""A party named as a label: "SOHR: the death toll has risen to 9"."""
_EN_ACCORDING = re.compile(r"\baccording to ((?:(?![,;]|\.(?: |$)).){1,100})", re.IGNORECASE)
_EN_TRAILING = re.compile(
    rf", ?((?:(?![,;]| not | that ).){{1,90}}?) (?:{_SPEECH})"
    r"(?: on \w+| in a statement| later| late on \w+)?(?=[.;,]|$)", re.IGNORECASE)
_EN_LEADING = re.compile(
    rf"{_DATELINE}((?:(?![,;]).){{1,90}}?)(?: later| on \w+| in a statement| also)? (?:{_SPEECH})"
    r"\b", re.IGNORECASE)
_NOT_A_PARTY = re.compile(r"casualt|toll|death|dead|killed|wounded|injured|update",
                          re.IGNORECASE)
_AR_PRONOUN = re.compile(r"(?:ان|انه|انها|انهم)(?!\w)")
"""Arabic "إنه" (that it): the verb's subject is a pronoun, not a party."""
_AR_ACCORDING = re.compile(
    r"(?<!\w)(?:و|ف)?(?:ب?حسب|وفق|وفقا ل|وفق ل|طبقا ل|نقلا عن) ?((?:(?![,;.]).){1,80})")
_AR_VERBS = (r"قال|قالت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|زعم|زعمت|نفي|نفت|نعي|نعت|"
             r"اعترف|اعترفت|تبني|تبنت|رفض|رفضت|وثق|وثقت|اشار|اشارت|اوضح|اوضحت|تحدثت|تحدث|"
             r"لم (?:ي|ت)(?:نف|كشف|علن)")
_AR_LEADING = re.compile(
    rf"(?<!\w)(?:و|ف)?(?:{_AR_VERBS}) ([^\s,;.]+(?: [^\s,;.]+){{0,5}}?)(?= (?:ان|انه|انها|ب\S+|"
    r"عن|الكشف|مقتل|اصابه|اعتقال|استشهاد|\d|[^\W\d]+ (?:من|عناصر)|الهجوم|عدد)(?!\w)|[,;.]|$)")


@attrs.frozen
class Party:
    """A third party the sentence names as the source of figures."""

    name_start: int
    name_end: int
    at: int
    """Where it is named: the figures it reaches lie after this (leading) or before it."""
    leading: bool
    according: bool
    """Named with "according to": a hedge on the figures it reaches."""


def parties(text: str, start: int, end: int, tag: str) -> Parties:
    """The third parties a sentence names."""
    found: list[Party] = []
    sentence = text[start:end]
    if tag == "en":
        for match in _EN_ACCORDING.finditer(sentence):
            first = not sentence[:match.start()].strip(" ,") or bool(
                re.fullmatch(_DATELINE, sentence[:match.start()]))
            found.append(_party(start, match, first, according=True))
        label = _EN_LABEL.match(sentence)
        if label and _NOT_A_PARTY.search(label.group(1)):
            label = None  # "Casualties: 4–9 militiamen killed"
        leading = label or _EN_LEADING.match(sentence)
        if leading and not re.search(r"\d", leading.group(1)):
            found.append(_party(start, leading, True, according=False))
        for turn in _EN_TURN.finditer(sentence):  # "..., but Hamas said the dead were ..."
            later = _EN_LEADING.match(sentence, turn.end())
            if later and not re.search(r"\d", later.group(1)):
                found.append(_party(start, later, True, according=False))
        for match in _EN_TRAILING.finditer(sentence):
            if "according to" not in match.group(1).casefold() and not re.search(
                    r"\d", match.group(1)):
                found.append(_party(start, match, False, according=False))
    else:
        for match in _AR_ACCORDING.finditer(sentence):
            first = not sentence[:match.start()].strip(" ,")
            found.append(_party(start, match, first, according=True))
        for match in _AR_LEADING.finditer(sentence):
            if match.start() < 40 and not _AR_PRONOUN.match(match.group(1)):
                found.append(_party(start, match, True, according=False))
    found.sort(key=lambda party: party.at)
    return Parties.of(found)


def _party(offset: int, match: re.Match[str], leading: bool, *, according: bool) -> Party:
    name_start, name_end = match.start(1), match.end(1)
    while name_end > name_start and match.string[name_end - 1] in " ,":
        name_end -= 1
    at = name_end if leading else match.start()
    return Party(offset + name_start, offset + name_end, offset + at, leading, according)


@attrs.frozen
class Parties:
    """A sentence's parties, split by the way they reach, for :meth:`for_figure`."""

    trailing: list[Party]
    leading: list[Party]

    @classmethod
    def of(cls, found: list[Party]) -> Parties:
        return cls([p for p in found if not p.leading], [p for p in found if p.leading])

    def for_figure(self, position: int) -> Party | None:
        """The party that gives the figure at ``position``: the first named after it (that
        reaches back), else the last named before it (that reaches on)."""
        after = _first_at(self.trailing, position)
        if after < len(self.trailing):
            return self.trailing[after]
        before = _first_at(self.leading, position + 1) - 1
        return self.leading[before] if before >= 0 else None

    def first(self) -> Party | None:
        return min(self.trailing + self.leading, key=lambda p: p.at, default=None)


def _first_at(parties: list[Party], position: int) -> int:
    """The index of the first party named at or after ``position`` (they are in order)."""
    low, high = 0, len(parties)
    while low < high:
        middle = (low + high) // 2
        if parties[middle].at < position:
            low = middle + 1
        else:
            high = middle
    return low


def sentence_stance(text: str) -> Stance:
    """The sentence's stance, less the hedges that qualify something other than figures,
    and less "according to" (which hedges only the figures its party gives)."""
    plain = _OTHER_HEDGES.sub(" ", text)
    plain = _EN_ACCORDING.sub(" ", plain)
    plain = _AR_ACCORDING.sub(" ", plain)
    return parse_stance(plain)


def hedge_for(stance: Stance, party: Party | None) -> Hedge | None:
    """The hedge on a figure: the sentence's, or "according to" when the figure's party is
    named so and the sentence has no stronger hedge."""
    hedges = [h for h in (stance.hedge, Hedge.ACCORDING_TO if party and party.according
                          else None) if h is not None]
    return min(hedges, key=_HEDGE_ORDER.index, default=None)


def status_for(stance: Stance) -> Status:
    """A figure's status: denied when the sentence denies; a figure is never "not
    disclosed" (a sentence that gives one discloses it)."""
    return Status.DENIED if stance.status is Status.DENIED else Status.ASSERTED
