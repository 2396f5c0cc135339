"""The words of wire copy that say what a figure counts, in English and Arabic: casualty words
("were killed", "killing", "N dead", "قُتل", "مقتل", "قتيلاً") and which side of them the
figure stands on, tolls ("the death toll rose to"), parts ("including", "بينهم"), the words a
noun phrase ends at, and the words that may stand between a figure and its casualty word.

Every table is written as sources write, folded at import as the readers fold text
(:mod:`claims.parse._letters`)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from claims.parse._letters import FULL_STOP, fold_words

KILLED, INJURED, DETAINED = "killed", "injured", "detained"
CASUALTIES = "casualties"
"""Killed and injured together ("15 casualties", "killed or wounded", "القتلى والجرحى"): no
split is said, so none is proposed."""


class Side(enum.Flag):
    """Where a casualty word's figure stands."""

    BEFORE = enum.auto()
    """The figure comes first: "five fighters were killed", "14 dead", "٧ أشخاص قُتلوا"."""
    AFTER = enum.auto()
    """The figure follows: "killed five fighters", "the deaths of three soldiers", "قُتل ٨"."""
    BOTH = BEFORE | AFTER


@attrs.frozen
class Cue:
    """A casualty word found in a text: what it says, where, and where its figure may be."""

    predicate: str
    start: int
    end: int
    side: Side
    toll: bool = False
    """A toll ("the death toll", "عدد القتلى"): its figure may come a few words on, after
    "to" or "at" ("the death toll of the strikes has risen to 9")."""


@attrs.frozen
class Language:
    """One language's words for reading wire copy (see the module's note)."""

    tag: str
    cues: tuple[tuple[re.Pattern[str], str, Side, bool], ...]
    heads: tuple[tuple[re.Pattern[str], str], ...]
    """Casualty nouns that head a figure's noun phrase: "40 deaths", "١٢ قتيلاً"."""
    ends: re.Pattern[str]
    """What ends a noun phrase: a preposition, a verb, a clause word."""
    between_before: re.Pattern[str]
    """Words that may stand between a figure's noun and its casualty word after it."""
    between_after: re.Pattern[str]
    """Words that may stand between a casualty word and its figure after it."""
    toll_to: re.Pattern[str]
    """Where a toll's words reach its figure ("rose to", "at", "إلى")."""
    part_before: re.Pattern[str]
    """A part of a total, said before the part's figure ("including", "بينهم")."""
    part_after: re.Pattern[str]
    """A part of a total, said after the part's figure ("nine of them", "تسعة منهم")."""
    others: re.Pattern[str]
    """A figure's noun that means "more of the same" ("others", "آخرين")."""
    joins: re.Pattern[str]
    """What joins two figures of one casualty word ("and", ",", "و")."""
    revision: re.Pattern[str]
    """A toll that has changed ("rose to", "ارتفع"), just before the figure."""
    not_counted: re.Pattern[str]
    """What a number before it shows not to count people: units, ages, times."""
    clause: re.Pattern[str]
    """What ends a clause, for the reach of a figure's casualty word."""
    verb_first: bool = False
    """Whether a casualty word before a figure speaks for it before one after it: Arabic
    puts the verb first ("قُتل ٨ جنود"), and "وأصيب" after a figure starts the next clause."""
    subject_words: int = 0
    """How many words (a subject: "اعتقلت قوات النظام أكثر من ١٬٢٠٠ شخص") may stand between
    a verb and its figure after it."""

    def find(self, text: str, start: int, end: int) -> list[Cue]:
        """The casualty words between ``start`` and ``end``, in order (casualties, killed and
        injured together, where they overlap one)."""
        found: list[Cue] = []
        for pattern, predicate, side, toll in self.cues:
            found.extend(Cue(predicate, m.start(), m.end(), side, toll)
                         for m in pattern.finditer(text, start, end))
        found.sort(key=lambda cue: (cue.start, cue.predicate != CASUALTIES, -cue.end))
        kept: list[Cue] = []
        for cue in found:
            if not kept or cue.start >= kept[-1].end:
                kept.append(cue)
        return kept

    def part_ends(self, text: str, at: int) -> bool:
        """Whether the words just before ``at`` say a part follows ("including", "بينهم")."""
        before = text[max(0, at - 30):at].rstrip(" ,")
        return any(match.end() == len(before) for match in self.part_before.finditer(before))

    def head(self, noun: str) -> str | None:
        """The predicate a casualty noun heading a figure's noun says ("deaths", "قتيلاً")."""
        for pattern, predicate in self.heads:
            if pattern.match(noun):
                return predicate
        return None


def _any(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(fold_words(w)) for w in words), key=len, reverse=True))


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w'-])", re.IGNORECASE)


def _ar(words: Iterable[str], *, prefixes: str = "(?:و|ف)?(?:ب|ل)?") -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){prefixes}(?:{_any(words)})(?!\w)")


_B, _A, _BA = Side.BEFORE, Side.AFTER, Side.BOTH

ENGLISH = Language(
    tag="en",
    cues=(
        (_en(r"(?:killed|dead|died) (?:or|and) (?:wounded|injured|hurt)|"
             r"(?:wounded|injured) (?:or|and) (?:killed|dead)|casualt(?:y|ies)"),
         CASUALTIES, _BA, False),
        (_en(r"(?:the )?death toll|(?:its |the )?toll|(?:the )?number of (?:the )?(?:\w+ )?"
             r"(?:dead|killed|deaths|fatalities)"), KILLED, _A, True),
        (_en(r"(?:the )?number of (?:the )?(?:\w+ )?(?:wounded|injured|injuries)"), INJURED, _A,
         True),
        (_en(r"(?:the )?number of (?:the )?(?:\w+ )?(?:detainees|detained|arrests|arrested)"),
         DETAINED, _A, True),
        (_en(r"killed|slain|dead"), KILLED, _BA, False),
        (_en(r"killing|kills|kill|losing|lost|deaths? of|killing of"), KILLED, _A, False),
        (_en(r"died|dies|perished|martyred|succumbed|lost (?:their|his|her) lives?|"
             r"deaths|fatalities|killed in action"), KILLED, _B, False),
        (_en(r"wounded|injured|hurt"), INJURED, _BA, False),
        (_en(r"wounding|injuring|wounds|injures|injuries of"), INJURED, _A, False),
        (_en(r"(?:sustained|suffered|with) (?:\w+ ){0,2}(?:wounds|injuries)|injuries"),
         INJURED, _B, False),
        (_en(r"detained|arrested|captured|abducted|kidnapped"), DETAINED, _BA, False),
        (_en(r"detaining|arresting|capturing|arrests? of|detention of|capture of"), DETAINED,
         _A, False),
        (_en(r"rounded up|into custody"), DETAINED, _BA, False),
    ),
    heads=(
        (_en(r"(?:deaths|fatalities|dead|killed|victims)"), KILLED),
        (_en(r"(?:injuries|wounded|injured)"), INJURED),
        (_en(r"(?:arrests|detentions|detainees)"), DETAINED),
        (_en(r"casualt(?:y|ies)"), CASUALTIES),
    ),
    ends=_en(r"and|or|but|nor|who|whom|whose|which|that|were|was|are|is|be|been|being|have|has|"
             r"had|will|would|could|may|might|in|on|at|by|after|before|during|while|when|near|"
             r"since|for|with|to|into|as|than|said|says|say|told|including|among|amongst|"
             r"suspected|accused|believed|following|over|across|according|later|reportedly|"
             r"allegedly|presumably|also|aged|where|because|following|from the|mostly|"
             r"depending|earlier|yesterday|today|overnight|last|this|on|the second|"
             r"[a-z]+ed(?= (?:by|in|at|on|near)\b)"),
    between_before=_en(r"(?:were|was|are|is|have|has|had|been|being|be|reportedly|allegedly|"
                       r"presumably|later|also|all|both|subsequently|eventually|since|lightly|"
                       r"seriously|critically|badly|slightly|fatally|gravely|mortally|"
                       r"presumed|feared|believed|confirmed|said|to|among|those|the|they|he|"
                       r"she|it|who|that|then|each|reported|initially|shot|found|"
                       r"reportedly|apparently|were later)"),
    between_after=_en(r"(?:reportedly|allegedly|also|apparently|at least|were|was|included|"
                      r"include|the|of)"),
    toll_to=re.compile(r"(?:to|at|of|reached|hit|stands at|stood at)$", re.IGNORECASE),
    part_before=_en(r"including|among them|among whom|of whom|of which|incl\."),
    part_after=re.compile(r" of (?:them|whom)(?![\w'-])", re.IGNORECASE),
    others=_en(r"others?|more|another"),
    joins=re.compile(r"(?:,? ?and|,)(?: (?:her|his|their|its))?$", re.IGNORECASE),
    revision=re.compile(r"(?:rose|risen|rise|rising|climbed|climbing|increased|raised|revised|"
                        r"jumped|upped|updated)\b(?: \S+){0,8}? (?:to|at)$", re.IGNORECASE),
    not_counted=re.compile(
        r" ?(?:-? ?(?:year|month|week|day)s?[- ]old|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|"
        r"a\.m\.?|p\.m\.?|am|pm|gmt|utc|hours?|days?|weeks?|months?|years?|times|percent|"
        r"per ?cent|%|rockets?|missiles?|shells?|mortars?|drones?|jets?|aircraft|planes?|"
        r"vehicles?|targets?|sites?|locations?|facilities|explosions?|blasts?|strikes?|"
        r"raids?|attacks?|buildings?|houses?|homes?|january|february|march|april|may|june|"
        r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|"
        r"oct|nov|dec)(?![\w'])", re.IGNORECASE),
    clause=re.compile(rf"[;:()\[\]\"“”]|{FULL_STOP}|(?<= )[-–—](?= )| but | while | whereas ",
                      re.IGNORECASE),
)

_AR_DEAD = ("قتلى", "ضحايا", "شهداء")
_AR_KILLED_NOUNS = ("قتيل", "قتيلا", "قتيلاً", "قتلى", "القتلى", "شهيد", "شهيدا", "شهيداً",
                    "شهداء", "الشهداء", "ضحايا", "الضحايا")
_AR_INJURED_NOUNS = ("جريح", "جريحا", "جريحاً", "جرحى", "الجرحى", "مصاب", "مصابا", "مصاباً",
                     "مصابين", "مصابون", "المصابين", "إصابة", "إصابات", "الإصابات", "جروح")
_AR_DETAINED_NOUNS = ("معتقل", "معتقلا", "معتقلين", "معتقلون", "المعتقلين", "المعتقلون")

_AR_ENDS = ("في", "على", "عن", "إلى", "خلال", "قرب", "جراء", "إثر", "عقب", "بعد", "قبل", "منذ",
            "أثناء", "حين", "عندما", "إذ", "حيث", "بينما", "لدى", "ضد", "مع", "داخل", "أمام",
            "بسبب", "نتيجة", "وسط", "الذين", "الذي", "التي", "ممن", "بينهم", "منهم", "بينهن",
            "منهن", "كما", "قد", "وقد", "حسب", "بحسب", "وفق", "وفقا", "بتهمة", "إن", "أن", "أنه",
            "انه", "بشكل", "وذلك", "ولم", "لم", "على الأقل")
_AR_NOT_COUNTED = ("عاما", "عاماً", "سنوات", "سنة", "أعوام", "ساعات", "ساعة", "أيام", "يوم",
                   "كم", "كيلومتر", "كيلومترات", "متر", "صواريخ", "صاروخ", "قذائف", "قذيفة",
                   "انفجارات", "غارات", "غارة", "ضربات", "مواقع", "طائرات", "طائرة", "سيارات",
                   "منازل", "مبان", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
                   "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط",
                   "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
                   "بالمئة", "بالمائة", "%")

ARABIC = Language(
    tag="ar",
    cues=(
        (re.compile(r"(?<!\w)و?(?:ال)?(?:قتلي|قتيل) ?و ?(?:ال)?(?:جرحي|جريح)(?!\w)|"
                    r"(?<!\w)بين قتيل وجريح(?!\w)|(?<!\w)و?(?:ال)?جرحي و ?(?:ال)?قتلي(?!\w)"),
         CASUALTIES, _BA, False),
        (re.compile(rf"(?<!\w)و?(?:عدد|حصيله|حصيلت\w*) (?:ال)?(?:{_any(_AR_DEAD)})(?!\w)"),
         KILLED, _A, True),
        (re.compile(rf"(?<!\w)و?(?:عدد|حصيله) (?:ال)?(?:{_any(('جرحى', 'مصابين', 'إصابات'))})"
                    rf"(?!\w)"), INJURED, _A, True),
        (re.compile(rf"(?<!\w)و?(?:عدد|حصيله) (?:ال)?(?:{_any(('معتقلين', 'موقوفين'))})(?!\w)"),
         DETAINED, _A, True),
        (_ar(("قتل", "قتلت", "قتلوا", "قتلا", "يقتل", "تقتل", "استشهد", "استشهدت", "استشهدوا",
              "قضى", "قضوا", "توفي", "توفيت", "توفوا", "لقي مصرعه", "لقوا مصرعهم")),
         KILLED, _BA, False),
        (_ar(("مقتل", "استشهاد", "وفاة", "مصرع", "ارتقى", "ارتقاء", "سقوط", "سقط")), KILLED, _A,
         False),
        (_ar(("حتفه", "حتفهم", "حتفها", "حتفهما", "حتفهن")), KILLED, _B, False),
        (_ar(("أصيب", "أصيبت", "أصيبوا", "أصيبا", "جرح", "جرحت", "جرحوا", "يصاب", "يصب")),
         INJURED, _BA, False),
        (_ar(("إصابة", "جرح")), INJURED, _A, False),
        (_ar(("بجروح", "بجراح", "جروح", "بإصابات")), INJURED, _B, False),
        (_ar(("اعتقل", "اعتقلت", "اعتقلوا", "احتجز", "احتجزت", "أسر", "أسرت", "اختطف",
              "اعتقال", "احتجاز", "أسر", "اختطاف", "القبض على", "ألقي القبض على",
              "ألقت القبض على")), DETAINED, _BA, False),
    ),
    heads=(
        (_ar(_AR_KILLED_NOUNS, prefixes="(?:و)?"), KILLED),
        (_ar(_AR_INJURED_NOUNS, prefixes="(?:و)?"), INJURED),
        (_ar(_AR_DETAINED_NOUNS, prefixes="(?:و)?"), DETAINED),
    ),
    ends=re.compile(rf"(?<!\w)(?:{_any(_AR_ENDS)})(?!\w)|(?<!\w)ب\w+|(?<!\w)و(?=ال|\d)\w*"),
    between_before=re.compile(r"(?<!\w)(?:قد|جميعهم|كلهم|ايضا)(?!\w)"),
    between_after=re.compile(r"(?<!\w)(?:عدد|ما|عن)(?!\w)"),
    toll_to=re.compile(r"(?:الي|علي|بين)$"),
    part_before=re.compile(r"(?<!\w)(?:من )?(?:بينهم|بينهن|بينها|منهم|منهن)(?!\w)"),
    part_after=re.compile(r" (?:منهم|منهن)(?!\w)"),
    others=re.compile(r"(?<!\w)(?:ال)?(?:اخرين|اخرون|اخري|اخر)(?!\w)"),
    joins=re.compile(r"(?: ?,)?(?: ?و)?$"),
    revision=re.compile(r"(?<!\w)(?:ارتفع|ارتفعت|ترتفع|يرتفع|رفع|رفعت|قفز|قفزت|زاد|زادت)(?!\w)"
                        r"(?: \S+){0,6}? (?:الي|علي)$"),
    not_counted=re.compile(rf" ?(?:{_any(_AR_NOT_COUNTED)})(?!\w)"),
    clause=re.compile(rf"[;:()\[\]\"«»“”]|{FULL_STOP}|(?<= )[-–—](?= )"),
    verb_first=True,
    subject_words=4,
)
