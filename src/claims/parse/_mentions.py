"""Figures in a sentence of wire copy, each with the noun phrase after it: what it counts
(category), whose people they are (actor), and the signs that say how it relates to the other
figures of the sentence (a part of a total, "others", a casualty noun of its own).

A figure is a count :func:`claims.parse.parse_count` reads ("at least nine", "a child",
"نحو ٣٠"), an Arabic dual ("جنديان": two soldiers), singular ("طفل": a child) or number after
its noun ("مدنيين اثنين"), "another" or "a third" (one more of the same), a zero ("no
injuries", "لم يُصب أحد"), or, where a source denies, "any" ("any civilians": at least one).
Ages, times, dates and counts of things ("three rockets") are not figures.

Each place in the sentence is read at most a bounded number of times, so the time taken grows
with the length of the sentence.
"""

from __future__ import annotations

import re

import attrs

from claims.model import Count
from claims.parse._categories import arabic_forms
from claims.parse._counts import could_start, read_count
from claims.parse._cues import CASUALTIES, INJURED, KILLED, Cue, Language
from claims.parse._letters import COMMA, FULL_STOP, is_arabic
from claims.parse._lexicon import Lexicon

WINDOW = 160
"""The most characters a figure and its noun phrase are read from."""
NOUN_WORDS = 8
"""The most words a noun phrase runs to."""

_WORD_START = re.compile(r"(?<![\w'’.-])(?<!\d,)[^\W_]")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|(?:[^\s,;:()\[\]\"“”«».?!]|\.(?=[^\s.])|,(?=\d{3}))+")
"""A word: letters, digits, apostrophes and hyphens, the dots of "U.S." and "1.5", the comma
of "1,200"; not the punctuation after it."""
_STOP = re.compile(rf"{COMMA}|[;:()\[\]\"“”«»]|{FULL_STOP}|(?<=\s)[-–—](?=\s)")
"""Punctuation that ends a noun phrase: not the dots of "U.S." or "Col.", nor the comma of
"1,200"."""
_HOW = re.compile(r"how\s$", re.IGNORECASE)
_POOL = re.compile(r" of (?:the |those |these )?(?=\S)", re.IGNORECASE)
"""The group a figure is taken from, when it is a figure too: "3 of the 5 suspects"."""
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_ARTICLE = re.compile(r"(?:an?|a single)(?![\w'-])", re.IGNORECASE)
_ZERO = re.compile(r"(?:no|none|nobody|no one|no-one|not a single|not one|zero)(?![\w'-])",
                   re.IGNORECASE)
_ANY = re.compile(r"any(?: of (?:its|their|the|his|her))?(?= \w)", re.IGNORECASE)
_ONE_MORE = re.compile(r"(?:another|a (?:second|third|fourth|fifth))(?= (?:was|were|is|has|had|"
                       r"died|later|\w+ed)\b|[,.;]|$)", re.IGNORECASE)
_AGE = re.compile(r"(?:aged|ages?|age of)(?: \d+(?:,| and| or))*\s$", re.IGNORECASE)
_PARTITIVE = re.compile(r" of (?:the|those) (dead|killed|wounded|injured|victims)(?![\w'-])",
                        re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<![\w'-])(?:its|their)(?![\w'-])", re.IGNORECASE)
_RELATIONAL = re.compile(r"(?:^| )(?:members?|relatives?)$", re.IGNORECASE)
"""Nouns that take their kind from what they belong to: "members of a family" are not a
militia's members."""
_OF = re.compile(r" (?:of|from) ", re.IGNORECASE)
_NOMINAL = re.compile(r" ?,? (?:were|was|are|is)(?: (?:said|believed|reported|thought) to be)?"
                      r"(?: all)? ([\w-]+)", re.IGNORECASE)
"""A figure's kind said after it: "of whom six were civilians"."""
_IN_RANKS = re.compile(r"(?<!\w)في صفوف ([^\s,.;:]+(?: [^\s,.;:]+)?)")
"""Arabic "في صفوف الجنود" (in the soldiers' ranks): whom a zero or a casualty noun counts."""
_AR_AFTER = {"واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2}
_AR_CASUALTY_DUAL = {"قتيلان": KILLED, "قتيلين": KILLED, "شهيدان": KILLED, "شهيدين": KILLED,
                     "جريحان": INJURED, "جريحين": INJURED, "مصابان": INJURED}
_AR_CASUALTY_ONE = {"قتيل": KILLED, "شهيد": KILLED, "جريح": INJURED, "مصاب": INJURED}
_AR_ONE_MORE = re.compile(r"(?:ثالث|ثالثه|رابع|رابعه|خامس|اخر|اخري)(?!\w)")
_AR_ANY = re.compile(r"اي(?= \w)")
_AR_ZERO = re.compile(
    r"(?:و|ف)?(?:لم|دون|بدون|بلا) (?:(يصب|يصاب|تقع|يقع|تسجل|يسجل|(?:يسفر|تسفر)(?: \S+)?? عن|"
    r"ترد|يرد)(?: \S+)?? )?(احد|اي اصابات|اي اصابه|اصابات|اصابه|اي ضحايا|ضحايا|قتلي|اي قتلي|وقوع "
    r"اصابات|وقوع ضحايا|اي خسائر بشريه|خسائر بشريه)(?!\w)")
_YEAR = re.compile(r"\d{4}(?!\d)")


@attrs.frozen
class Mention:
    """A figure in a sentence and what the words around it say about it. Positions are in
    the folded text the sentence was read from."""

    start: int
    end: int
    """The figure's words: its number and bound words, and its noun when the two are one
    ("a child", "no injuries", "قتيلان")."""
    count: Count
    noun_end: int
    """Where its noun phrase ends."""
    noun: str
    category: str | None = None
    actor: str | None = None
    head: str | None = None
    """The predicate a casualty noun of its own says ("40 deaths", "١٢ قتيلاً", "قتيلان",
    "no injuries"), or casualties."""
    partitive: str | None = None
    """The predicate of the group it is taken from ("six of the dead")."""
    others: bool = False
    """More of the same: "others", "two more", "another", "آخرين", "ثالث"."""
    possessive: bool = False
    """Its people belong to the sentence's subject: "four of its members", "عناصرها"."""
    part: bool = False
    """Said as a part of a total: "including three children", "nine of them", "بينهم"."""
    article: bool = False
    """Counted by an article, "a"/"an", with a noun the vocabulary does not know ("a
    shepherd"): read only with its casualty word right beside it."""
    adjective: str | None = None
    """The predicate of a casualty word before its noun ("40 wounded people"), for when no
    casualty word of the clause speaks for it ("a wounded fighter succumbed" is killed)."""


def find_mentions(text: str, start: int, end: int, language: Language, lexicon: Lexicon,
                  cues: list[Cue], *, denied: bool) -> list[Mention]:
    """The figures between ``start`` and ``end`` of folded ``text``, in order."""
    casualty_spans = [(c.start, c.end) for c in cues if c.predicate == CASUALTIES]
    cue_starts = {c.start: c for c in cues}
    mentions: list[Mention] = []
    resume, spans = start, 0
    for word in _WORD_START.finditer(text, start, end):
        at = word.start()
        while spans < len(casualty_spans) and casualty_spans[spans][1] <= at:
            spans += 1
        if at < resume or (spans < len(casualty_spans) and casualty_spans[spans][0] <= at):
            continue
        found = _mention_at(text, at, end, language, lexicon, cue_starts, denied=denied)
        if found is None and language.tag == "ar" and text.startswith("و", at) \
                and at + 1 < end and not text[at + 1].isspace():
            found = _mention_at(text, at + 1, end, language, lexicon, cue_starts,
                                denied=denied)
        if found is not None:
            mentions.append(found)
            resume = found.noun_end if found.noun_end > found.end else found.end
    return mentions


def _mention_at(text: str, at: int, end: int, language: Language, lexicon: Lexicon,
                cues: dict[int, Cue], *, denied: bool) -> Mention | None:
    limit = min(end, at + WINDOW)
    if language.tag == "ar":
        special = _arabic_mention(text, at, limit, language, lexicon, cues, denied=denied)
        if special is not None:
            return special
    elif (special := _english_mention(text, at, limit, language, lexicon, cues,
                                      denied=denied)) is not None:
        return special
    if (text[at].isalpha() and at in cues) or not could_start(text, at):
        return None  # a casualty word is not a figure ("dead", "قتلى")
    window = _clause_window(text, at, limit, language)
    reading = read_count(window, 0)
    if reading is None:
        return None
    figure_end = at + reading.end
    if _AGE.search(text, max(0, at - 40), at) or _HOW.search(text, max(0, at - 4), at) \
            or language.not_counted.match(text, figure_end):
        return None
    if reading.bound_after is not None:  # "٩ عناصر على الأقل من الميليشيات"
        words_end = at + reading.bound_after[1]
        noun_end = _noun_end(text, words_end, limit, language, lexicon, cues)
        return _with_noun(text, at, words_end, reading.count, figure_end, noun_end, language,
                          lexicon)
    count = reading.count
    if _YEAR.fullmatch(text, at, figure_end) and 1800 <= count.low <= 2100:
        noun_end = _noun_end(text, figure_end, limit, language, lexicon, cues)
        if lexicon.category(text[figure_end:noun_end]) is None:
            return None  # "since 2011"
    article = bool(_ARTICLE.fullmatch(text, at, figure_end))
    zero = bool(_ZERO.fullmatch(text, at, figure_end))
    noun_end = _noun_end(text, figure_end, limit, language, lexicon, cues)
    mention = _with_noun(text, at, figure_end, count, figure_end, noun_end, language, lexicon)
    if article or (zero and text[at:figure_end].casefold() == "no"):
        # "a child", "no civilians": the article or "no" says nothing without its noun
        words_end = _head_end(text, figure_end, noun_end)
        cue = cues.get(figure_end + 1)
        if noun_end == figure_end and cue is not None:  # "no injuries", "no fatalities"
            words_end = cue.end
        mention = attrs.evolve(mention, end=max(words_end, figure_end),
                               article=article and mention.category is None)
    return mention


def _clause_window(text: str, at: int, limit: int, language: Language) -> str:
    """The text a figure is read from: to the end of its clause, and for an article ("a
    child and three civilians") to the end of its noun phrase, so that a figure later in
    the sentence is not taken for the article's own ("a death toll of 40")."""
    stop = _STOP.search(text, at, limit)
    window = text[at:stop.start() if stop else limit]
    if _ARTICLE.match(window):
        cut = language.ends.search(window, 2)
        if cut:
            window = window[:cut.start()].rstrip()
    return window


def _english_mention(text: str, at: int, limit: int, language: Language, lexicon: Lexicon,
                     cues: dict[int, Cue], *, denied: bool) -> Mention | None:
    one_more = _ONE_MORE.match(text, at, limit)
    if one_more:
        return Mention(at, one_more.end(), Count.exact(1), one_more.end(), "", others=True)
    if denied and (any_ := _ANY.match(text, at, limit)):
        noun_end = _noun_end(text, any_.end(), limit, language, lexicon, cues)
        mention = _with_noun(text, at, any_.end(), Count.at_least(1), any_.end(), noun_end,
                             language, lexicon)
        return attrs.evolve(mention, end=_head_end(text, any_.end(), noun_end))
    return None


def _arabic_mention(text: str, at: int, limit: int, language: Language, lexicon: Lexicon,
                    cues: dict[int, Cue], *, denied: bool) -> Mention | None:
    """The Arabic figures that are not count phrases: zeros ("لم يُصب أحد"), numbers after
    their noun ("مدنيين اثنين"), duals ("جنديان"), singulars ("طفل"), "a third" ("ثالث"),
    and "any" ("أي مدني") where a source denies."""
    zero = _AR_ZERO.match(text, at, limit)
    if zero:
        said = zero.group(2)
        head = KILLED if "قتلي" in said or "ضحايا" in said or "خسائر" in said else INJURED
        ranks = _IN_RANKS.match(text, zero.end() + 1, limit)
        category = lexicon.category(ranks.group(1)) if ranks else None
        return Mention(at, zero.end(), Count.exact(0), ranks.end() if ranks else zero.end(),
                       "", category=category, head=head)
    word = _WORD.match(text, at, limit)
    if word is None or not is_arabic(word.group()):
        return None
    written = word.group()
    after = _WORD.match(text, word.end() + 1, limit) if text.startswith(" ", word.end()) \
        else None
    if after and after.group() in _AR_AFTER and _known(written, lexicon):
        noun_end = _noun_end(text, after.end(), limit, language, lexicon, cues)
        mention = _with_noun(text, at, after.end(), Count.exact(_AR_AFTER[after.group()]),
                             at, noun_end, language, lexicon)
        return attrs.evolve(mention, category=lexicon.category(written))
    bare = written[2:] if written.startswith(("ال", "لل")) else None
    plain = [form for form in arabic_forms(written) if not form.startswith("ال")]
    if bare is None:
        for form in plain:
            said = _AR_CASUALTY_DUAL.get(form)
            dual = said or lexicon.dual(form)
            if dual is not None:
                return _fused(text, at, word.end(), 2, limit, language, lexicon, cues,
                              category=None if said else dual, head=said)
    if _AR_ONE_MORE.fullmatch(text, at, word.end()) and _after_cue(text, at, cues):
        return Mention(at, word.end(), Count.exact(1), word.end(), "", others=True)
    if denied and _AR_ANY.match(text, at):
        noun = _WORD.match(text, at + 3, limit)
        if noun:
            noun_end = _noun_end(text, noun.end(), limit, language, lexicon, cues)
            mention = _with_noun(text, at, noun.end(), Count.at_least(1), at + 3, noun_end,
                                 language, lexicon)
            return attrs.evolve(mention, end=noun.end())
    if bare is None and at not in cues:
        for form in plain:
            one = _AR_CASUALTY_ONE.get(form)
            kind = lexicon.singular(form)
            if one or kind:
                return _fused(text, at, word.end(), 1, limit, language, lexicon, cues,
                              category=kind, head=one)
    return None


def _after_cue(text: str, at: int, cues: dict[int, Cue]) -> bool:
    """Whether the word before ``at`` is a casualty word ("وأصيب ثالث": a third was hurt)."""
    before = text.rfind(" ", max(0, at - 40), max(0, at - 1)) + 1
    cue = cues.get(before)
    return cue is not None and cue.end in (at - 1, at - 2)


def _known(word: str, lexicon: Lexicon) -> bool:
    return lexicon.category(word) is not None or any(
        form in _AR_CASUALTY_ONE for form in arabic_forms(word))


def _fused(text: str, at: int, end: int, n: int, limit: int, language: Language,
           lexicon: Lexicon, cues: dict[int, Cue], *, category: str | None,
           head: str | None) -> Mention:
    """A figure that is its noun ("قتيلان", "طفل"), with the words after it for its actor."""
    noun_end = _noun_end(text, end, limit, language, lexicon, cues)
    mention = _with_noun(text, at, end, Count.exact(n), at, noun_end, language, lexicon)
    return attrs.evolve(mention, category=category, head=head)


def _noun_end(text: str, at: int, limit: int, language: Language, lexicon: Lexicon,
              cues: dict[int, Cue]) -> int:
    """Where the noun phrase that starts at ``at`` ends: at punctuation, a word that ends
    noun phrases, a casualty word (but for an adjective before a noun the vocabulary knows:
    "a wounded fighter"), or after :data:`NOUN_WORDS` words."""
    position, words = at, 0
    arabic = language.tag == "ar"
    partitive = _PARTITIVE.match(text, at) if not arabic else None
    if partitive:  # "two of the wounded": not the casualty word
        position, words = partitive.end(), 3
    pool = _POOL.match(text, at, limit) if not arabic else None
    if pool and could_start(text, pool.end()):  # "3 of the 5 suspects": the 5 are not counted
        reading = read_count(_clause_window(text, pool.end(), limit, language), 0)
        if reading is not None:
            position, words = pool.end() + reading.end, 3
    while words < NOUN_WORDS:
        space = text.startswith(" ", position)
        start = position + 1 if space else position
        if start >= limit or _STOP.match(text, start) or (not space and words):
            break
        word = _WORD.match(text, start, limit)
        if word is None:
            break
        cue = cues.get(start)
        if cue is not None:
            following = _WORD.match(text, cue.end + 1, limit)
            adjective = (not words and not arabic and following is not None
                         and lexicon.category(following.group()) is not None)
            if not adjective:
                break
        elif language.ends.match(text, start) and not _ACRONYM.fullmatch(word.group()):
            break  # but for a name in capitals: "IS militants", not "is"
        if arabic and _joins_next(word.group(), lexicon):
            break
        if not arabic and words and word.group()[0].isdigit():
            break  # "4 fighters 10 km from the border"
        position, words = word.end(), words + 1
        if text.startswith(("'s", "’s"), position):
            position += 2
    return position


def _joins_next(word: str, lexicon: Lexicon) -> bool:
    """Whether an Arabic word starts the next figure with "و" ("وطفل", "و٢", "وثلاثة")."""
    if not word.startswith("و") or len(word) < 3:
        return False
    rest = word[1:]
    return rest[0].isdigit() or lexicon.category(rest) is not None or bool(
        read_count(rest, 0))


def _head_end(text: str, at: int, noun_end: int) -> int:
    """Where the head of the noun phrase ends, for "a child" or "no civilians" (the
    figure's words): before "of", "from" or "in" that may follow it."""
    noun = text[at:noun_end]
    cut = _OF.search(noun)
    return at + (cut.start() if cut else len(noun.rstrip()))


def _arabic_possessive(word: str, lexicon: Lexicon) -> bool:
    """Whether an Arabic noun the vocabulary knows ends with "its" or "their"
    ("عناصرها", "عناصره")."""
    ending = re.search(r"(?:ها|هم|هن|ه)$", word)
    return ending is not None and len(word) > 3 and lexicon.category(
        word[:ending.start()]) is not None


def _with_noun(text: str, start: int, end: int, count: Count, noun_start: int, noun_end: int,
               language: Language, lexicon: Lexicon) -> Mention:
    """A figure with what its noun phrase says."""
    noun = text[noun_start:noun_end].strip(" ,")
    partitive = _PARTITIVE.match(" " + noun) if language.tag == "en" else None
    core = re.sub(r"^(?:of|من) (?:the )?", "", noun, flags=re.IGNORECASE)
    head = _OF.split(core, maxsplit=1)[0] if language.tag == "en" else core
    category = lexicon.category(head)
    actor = lexicon.actor_in(noun)
    possessive = bool(_POSSESSIVE.search(text, start, noun_end)) or (
        language.tag == "ar" and _arabic_possessive(head.split(" ")[0], lexicon))
    if category is not None and language.tag == "en" and _RELATIONAL.search(head) \
            and lexicon.category(head.split()[-1]) == category and not (actor or possessive):
        category = None  # "five members of a single family"
    if category is None:
        nominal = _NOMINAL.match(text, noun_end)
        if nominal:
            category = lexicon.category(nominal.group(1))
    if category is None and language.tag == "ar":
        ranks = _IN_RANKS.search(noun)
        category = lexicon.category(ranks.group(1)) if ranks else None
    words = noun.split(" ") if noun else []
    first = words[0] if words else ""
    adjective = language.head(first) if len(words) > 1 and language.tag == "en" else None
    head_word = (words[0] if language.tag == "ar" else words[-1]) if words else ""
    return Mention(
        start, end, count, noun_end, noun, category=category, actor=actor,
        head=language.head(head_word) if head_word and not partitive else None,
        partitive={"dead": KILLED, "killed": KILLED, "victims": KILLED}.get(
            partitive.group(1).casefold(), INJURED) if partitive else None,
        others=bool(first and language.others.fullmatch(first)), possessive=possessive,
        adjective=adjective if category is not None else None)
