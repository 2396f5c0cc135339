"""Which casualty word each figure of a sentence goes with, and how the figures relate.

A figure takes, in this order: its own casualty noun ("40 deaths", "قتيلاً", "no injuries");
the total it is a part of ("including three children", "nine of them", "بينهم"); the casualty
word after its noun, with only small words between ("five fighters were reportedly killed",
"four members ... they said were killed", "٧ أشخاص قُتلوا"); the casualty word before it
("killed five fighters", "the deaths of three", "قُتل ٨ جنود", "the death toll rose to 14");
the word of the figure it is joined to by "and" ("killed 9 fighters and 2 civilians", "a
woman and her two children were killed"); the group it is taken from ("six of the dead"); for
"two more" or "another", the word of the figure before it; and last, a casualty word a few
words on in its clause, with no other figure between ("19 people were brought in with
shrapnel wounds"). A figure that takes none of these is no casualty figure ("three rockets").

A figure with no noun of its own ("eight militiamen were killed and eleven wounded"), and
"others" ("many others", "آخرين"), count the people of the figure before them; a part counts
its total's people unless it names its own ("nine of them Iraqi nationals": fighters).
"""

from __future__ import annotations

import bisect
import re

import attrs

from claims.parse._cues import CASUALTIES, Cue, Language, Side
from claims.parse._mentions import Mention

_STRICT = re.compile(r"(?:were|was|is|are|has been|have been|had been|later|reportedly|"
                     r"allegedly|presumably|shot|found)(?![\w'-])", re.IGNORECASE)
"""The only words between "a" and its casualty word when the vocabulary does not know the
noun ("a shepherd was killed"; but "a statement said they were killed" is no figure)."""
_AMONG = re.compile(r"among (?:the|those) $", re.IGNORECASE)
_COMMA_THEN = re.compile(r", ?(?=(?:were|was|are|is|had|have|has)\b)", re.IGNORECASE)
LOOSE_WORDS = 8
"""How many words on a figure's casualty word may be when nothing closer speaks for it."""


@attrs.frozen
class Link:
    """A figure of a sentence with what it counts, as the sentence says it."""

    mention: Mention
    predicate: str
    """The predicate, or :data:`claims.parse._cues.CASUALTIES` for killed and injured
    together (proposed as nothing)."""
    category: str | None
    actor: str | None
    whole: int | None = None
    """The index, among the sentence's links, of the total this figure is a part of."""
    revision: bool = False


@attrs.define
class _Sentence:
    """A sentence's figures and casualty words, indexed by where they start."""

    text: str
    mentions: list[Mention]
    cues: list[Cue]
    language: Language
    cue_at: dict[int, Cue] = attrs.field(init=False)
    mention_at: dict[int, int] = attrs.field(init=False)
    cue_starts: list[int] = attrs.field(init=False)
    cue_ends: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.cue_at = {cue.start: cue for cue in self.cues}
        self.mention_at = {mention.start: i for i, mention in enumerate(self.mentions)}
        self.cue_starts = [cue.start for cue in self.cues]  # cues do not overlap: both sorted
        self.cue_ends = [cue.end for cue in self.cues]


def link(text: str, clause_start: int, mentions: list[Mention], cues: list[Cue],
         language: Language, subject_actor: str | None) -> list[Link]:
    """The figures of one sentence that a casualty word speaks for, in order."""
    sentence = _Sentence(text, mentions, cues, language)
    count = len(mentions)
    predicates: list[str | None] = [None] * count
    ways: list[str] = [""] * count
    wholes: list[int | None] = [None] * count
    for index, mention in enumerate(mentions):
        whole = _whole(sentence, index, predicates)
        if mention.head is not None:
            predicates[index], ways[index] = mention.head, "own"
        elif whole is not None:
            predicates[index], ways[index], wholes[index] = predicates[whole], "part", whole
        elif (cue := _after(sentence, index)) is not None \
                and cue.predicate == CASUALTIES:  # "عشرات القتلى والجرحى"
            predicates[index], ways[index] = CASUALTIES, "subject"
        else:
            for way in ("object", "subject") if language.verb_first else ("subject", "object"):
                cue = _before(sentence, index) if way == "object" else _after(sentence, index)
                if cue is not None:
                    predicates[index], ways[index] = cue.predicate, way
                    break
    _join(sentence, predicates, ways)
    for index, mention in enumerate(mentions):
        if predicates[index] is not None:
            continue
        if mention.partitive is not None:
            predicates[index], ways[index] = mention.partitive, "partitive"
        elif mention.others and index and predicates[index - 1] is not None:
            predicates[index], ways[index] = predicates[index - 1], "more"
        elif mention.category is not None and (cue := _loose(sentence, index)) is not None:
            predicates[index], ways[index] = cue.predicate, "loose"
        elif mention.adjective is not None:
            predicates[index], ways[index] = mention.adjective, "adjective"
    return _scoped(text, clause_start, mentions, predicates, wholes, language, subject_actor)


def _scoped(text: str, clause_start: int, mentions: list[Mention],
            predicates: list[str | None], wholes: list[int | None], language: Language,
            subject_actor: str | None) -> list[Link]:
    """The linked figures with their people: inherited by "others", by a figure with no
    noun, by a part; "its" people are the sentence subject's."""
    links: list[Link] = []
    position: dict[int, int] = {}  # mention index -> link index
    previous: Link | None = None
    for index, mention in enumerate(mentions):
        predicate = predicates[index]
        if predicate is None:
            continue
        category, actor = mention.category, mention.actor
        if actor is None and mention.possessive:
            actor = subject_actor
        whole = wholes[index]
        whole_link = links[position[whole]] if whole is not None and whole in position \
            else None
        if whole_link is not None:
            predicate = whole_link.predicate
            category = category or whole_link.category
            actor = actor or whole_link.actor
        elif previous is not None and (mention.others or (_bare(mention) and not (
                language.clause.search(text, previous.mention.noun_end, mention.start)))):
            category = category or previous.category  # "others" reach across clauses
            actor = actor or previous.actor
        revision = bool(language.revision.search(
            text[max(clause_start, mention.start - 100):mention.start].rstrip()))
        found = Link(mention, predicate, category, actor,
                     position.get(whole) if whole is not None else None, revision)
        position[index] = len(links)
        links.append(found)
        if whole_link is None:
            previous = found
    return links


def _bare(mention: Mention) -> bool:
    """A figure with no noun of its own ("and eleven wounded", "injured dozens")."""
    return not mention.noun and mention.category is None and mention.head is None


def _whole(sentence: _Sentence, index: int, predicates: list[str | None]) -> int | None:
    """The total a figure is a part of, when words say it is one ("including", "of
    them") and an earlier figure of the sentence speaks for a casualty word."""
    if not _is_part(sentence, index):
        return None
    for earlier in range(index - 1, -1, -1):
        if predicates[earlier] is not None and not _is_part(sentence, earlier):
            return earlier
    return None


def _is_part(sentence: _Sentence, index: int) -> bool:
    """Whether words say the figure is a part: "including three", "nine of them"."""
    mention = sentence.mentions[index]
    language = sentence.language
    return language.part_ends(sentence.text, mention.start) or bool(
        language.part_after.match(sentence.text, mention.end))


def _after(sentence: _Sentence, index: int) -> Cue | None:
    """The casualty word after the figure's noun, with only small words (or a part said
    between commas) between them."""
    text, language = sentence.text, sentence.language
    mention = sentence.mentions[index]
    filler = _STRICT if mention.article else language.between_before
    position, steps = mention.noun_end, 0
    while steps < 12:
        while text.startswith(" ", position):
            position += 1
        cue = sentence.cue_at.get(position)
        if cue is not None:
            if language.verb_first and text.startswith("و", cue.start):
                return None  # "وأصيب": the next clause
            if not steps and cue.side & Side.AFTER and _object_after(sentence, cue):
                return None  # "four gunmen killed two soldiers": the four are not the dead
            return cue if cue.side & Side.BEFORE or cue.predicate == CASUALTIES else None
        later = sentence.mention_at.get(position)
        if later is not None and later > index and (
                _AMONG.search(text, max(0, position - 12), position)  # "among the 14 killed"
                or _is_part(sentence, later)):  # "Nine civilians, four of them children, were"
            position, steps = sentence.mentions[later].noun_end, steps + 1
            continue
        marker = language.part_before.match(text, position)
        if marker is not None:
            position, steps = marker.end(), steps + 1
            continue
        comma = _COMMA_THEN.match(text, position)
        if comma is not None or (text.startswith(",", position) and _part_follows(
                sentence, position, index)):
            position, steps = position + 1, steps + 1
            continue
        word = filler.match(text, position)
        if word is None:
            return None
        position, steps = word.end(), steps + 1
    return None


def _object_after(sentence: _Sentence, cue: Cue) -> bool:
    """Whether a figure follows a casualty word as its object ("killed two soldiers")."""
    text, position = sentence.text, cue.end
    for _ in range(3):
        while text.startswith(" ", position):
            position += 1
        if position in sentence.mention_at:
            return True
        word = sentence.language.between_after.match(text, position)
        if word is None:
            return False
        position = word.end()
    return False


def _part_follows(sentence: _Sentence, position: int, index: int) -> bool:
    """Whether a part said between commas follows ("Nine civilians, four of them
    children, were wounded")."""
    for later in range(index + 1, len(sentence.mentions)):
        if sentence.mentions[later].start > position + 30:
            return False
        if _is_part(sentence, later):
            return True
    return False


def _before(sentence: _Sentence, index: int) -> Cue | None:
    """The casualty word before the figure, with only small words between them (for a
    toll, the words up to "to" or "at": "the death toll of the strikes has risen to 9")."""
    text, language = sentence.text, sentence.language
    mention = sentence.mentions[index]
    previous_end = sentence.mentions[index - 1].noun_end if index else 0
    nearest = bisect.bisect_right(sentence.cue_ends, mention.start) - 1
    if nearest < 0:
        return None
    cue = sentence.cues[nearest]
    if cue.end < previous_end or not cue.side & Side.AFTER:
        return None
    between = text[cue.end:mention.start].strip()
    if cue.toll:
        words = between.split()
        fits = not words or (len(words) <= 10 and bool(language.toll_to.search(between))
                             and not language.clause.search(between))
        return cue if fits else None
    subject = language.subject_words
    while between:
        word = language.between_after.match(between)
        if word is None:
            if not subject or language.clause.search(between) or "," in between:
                return None
            subject -= 1  # "اعتقلت قوات النظام ..."
            word = re.match(r"\S+", between)
            assert word is not None
        between = between[word.end():].strip()
    return cue


def _join(sentence: _Sentence, predicates: list[str | None], ways: list[str]) -> None:
    """Figures joined by "and" share a casualty word: forward from a figure after its word
    ("killed 9 fighters and 2 civilians"), backward from one before it ("a woman and her two
    children were killed")."""
    mentions = sentence.mentions
    for index in range(1, len(mentions)):
        if predicates[index] is None and ways[index - 1] in ("object", "joined-object") \
                and not mentions[index].article \
                and _joined(sentence, mentions[index - 1], mentions[index]):
            predicates[index], ways[index] = predicates[index - 1], "joined-object"
    for index in range(len(mentions) - 2, -1, -1):
        if predicates[index] is None and ways[index + 1] in ("subject", "joined-subject") \
                and not mentions[index].article \
                and _joined(sentence, mentions[index], mentions[index + 1]):
            predicates[index], ways[index] = predicates[index + 1], "joined-subject"


def _joined(sentence: _Sentence, first: Mention, second: Mention) -> bool:
    between = sentence.text[first.noun_end:second.start].strip()
    return not between or bool(sentence.language.joins.fullmatch(between))


def _loose(sentence: _Sentence, index: int) -> Cue | None:
    """The first casualty word a few words on in the figure's clause, with no other figure
    between."""
    text, language = sentence.text, sentence.language
    mention = sentence.mentions[index]
    following = sentence.mentions[index + 1].start if index + 1 < len(sentence.mentions) \
        else len(text)
    first = bisect.bisect_left(sentence.cue_starts, mention.noun_end)
    if first == len(sentence.cues):
        return None
    cue = sentence.cues[first]
    if cue.start > following or cue.start - mention.noun_end > 20 * LOOSE_WORDS:
        return None
    between = text[mention.noun_end:cue.start]
    if language.clause.search(between) or "," in between \
            or len(between.split()) > LOOSE_WORDS \
            or (cue.side & Side.AFTER and _object_after(sentence, cue)):
        return None
    return cue if cue.side & Side.BEFORE else None
