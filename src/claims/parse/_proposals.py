"""Whole claims from what sources say, proposed from a quote for an analyst to accept or
adjust. Nothing here invents: a proposal holds only what its quote says, and points at the
words it came from."""

from __future__ import annotations

import re

import attrs

from claims.errors import ParseError
from claims.model import Claim, Count, Coverage, Hedge, Provenance, Scope, Status, Vocabulary
from claims.parse._attribution import Parties, hedge_for, parties, sentence_stance, status_for
from claims.parse._cues import ARABIC, CASUALTIES, ENGLISH, INJURED, KILLED, Cue, Language
from claims.parse._excerpts import excerpt
from claims.parse._letters import Folded, fold, is_arabic
from claims.parse._lexicon import Lexicon
from claims.parse._linking import Link, link
from claims.parse._mentions import find_mentions
from claims.parse._stance import Stance, status_span

_LANGUAGES = {"en": ENGLISH, "ar": ARABIC}
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z])(?<!\b(?:Mr|Dr|Lt|St|No|Jr|Sr|Co))(?<!\b(?:Col|Gen|Sgt|Maj|Mrs|Inc))"
    r"(?<!\bCapt)[.?!]+(?= +[^\W\d_a-z]| +[\"“(«\d]|$)|\n")
"""The end of a sentence: a full stop (not the dots of "U.S." or "Col.") before a capital
letter, Arabic, a quote or a figure."""
_HOW_MANY = re.compile(r"(?:how many|number of|عدد) (?:the )?(\S+(?: \S+)?)", re.IGNORECASE)


@attrs.frozen
class Proposal:
    """A claim proposed from a quote, with the words of the quote it came from.

    ``quote[start:end] == words``; for a claim that something was not disclosed, the words
    are those that say so ("did not disclose").
    """

    claim: Claim
    start: int
    end: int
    words: str
    attributed_to: str | None = None
    """The third party the quote gives the figure to, as the quote names it ("medics",
    "the health ministry", "المرصد السوري"); the claim's source stays the one given."""
    part_of: int | None = None
    """The index, among the proposals of the same quote, of the total this figure is a part
    of ("12 people, including three children")."""
    revision: bool = False
    """A toll said to have changed ("the death toll rose to 14", "ارتفع عدد القتلى إلى")."""


def propose(quote: str, vocabulary: Vocabulary, *, source: str, event: str,
            language: str | None = None, id_prefix: str | None = None) -> list[Proposal]:
    """Claims a quote makes about people killed, injured or detained, each with the words it
    came from, for an analyst to accept or adjust.

    English and Arabic wire copy is read: "five fighters were killed", "killed five
    fighters", "14 dead", "the death toll rose to 14" (a revision), "killed 9 and wounded 4",
    "12 people, including three children" (a part of the 12, not a second total), "among
    them", "of whom", "nine of them", "قُتل ٤ عناصر", "قتيلان" (a dual: two), "١٢ قتيلاً
    بينهم ٣ أطفال". See :mod:`claims.parse._linking` for which casualty word a figure goes
    with; a figure no casualty word speaks for ("three rockets") is not proposed.

    - Scope: the category of the figure's noun ("militia fighters", "عناصر"), and the actor
      its noun phrase names ("members of the Kataib Sayyed al-Shuhada faction", spellings
      folded by :func:`claims.parse.spelling_key`); "its members" belong to the sentence's
      subject; "others", and a figure with no noun, count the people of the figure before.
    - Hedge and status: the sentence's (see :func:`claims.parse.parse_stance`), but for a
      hedge on who attacked ("presumably by American warplanes") or on responsibility
      ("claimed the attack"), which stays off the figures; "according to X" hedges only the
      figures X gives. A denied figure is denied ("denied that any civilians were killed": at
      least one, denied); a refusal ("did not disclose how many soldiers were wounded") is a
      claim with no value, status not disclosed.
    - Attribution: a third party the quote names ("medics said", "according to the health
      ministry", "بحسب المرصد السوري") is kept in :attr:`Proposal.attributed_to` and in the
      claim's note; the claim's ``source`` stays ``source``, the one who reported it. If the
      third party is what you record as the source, make it the source and ``source`` a
      :class:`claims.Relay`.
    - Casualties, killed and injured together ("15 casualties", "killed or wounded",
      "القتلى والجرحى"), are not proposed: the split is not guessed. A quote with nothing
      else raises ParseError saying so.
    - A part is a claim of its own with coverage partial and ``part_of`` set; a revision is
      marked ``revision`` and noted (set ``revises`` once you know the earlier claim).

    Args:
        quote: The source's words, verbatim: kept as each claim's quote, in its own script.
        vocabulary: Reads categories and actors (their aliases may be Arabic).
        source: The id of the source that said it.
        event: The id of the event it is about.
        language: "en" or "ar" (the claims' ``Provenance.language``); by default "ar" for a
            quote in Arabic script, else "en".
        id_prefix: Claim ids are ``{id_prefix}-1``, ``-2``, ...; ``{source}-proposed`` by
            default.

    Raises:
        ParseError: when the quote holds no casualty figure and no refusal to give one,
            quoting it; or ``language`` is neither "en" nor "ar".
    """
    if not isinstance(quote, str):
        raise ParseError(f"expected a quote to propose claims from, got {excerpt(quote)}")
    tag = language or ("ar" if is_arabic(quote) else "en")
    reader = _LANGUAGES.get(tag.split("-")[0].casefold())
    if reader is None:
        raise ParseError(f"cannot read claims in language {tag!r}: 'en' and 'ar' are read")
    folded = fold(quote)
    lexicon = Lexicon.of(vocabulary)
    drafts: list[_Draft] = []
    casualties = False
    for start, end in _sentences(folded.text):
        found, skipped = _sentence(folded, start, end, reader, lexicon)
        casualties = casualties or skipped
        offset = len(drafts)
        drafts.extend(attrs.evolve(d, part_of=None if d.part_of is None else d.part_of + offset)
                      for d in found)
    if not drafts:
        why = ("; 'casualties' counts the killed and the injured together, and the split is "
               "not guessed") if casualties else ""
        raise ParseError(f"found no casualty figure in {excerpt(quote)}{why}")
    prefix = id_prefix or f"{source}-proposed"
    provenance = Provenance(source=source, quote=quote, language=tag)
    return [draft.proposal(folded, f"{prefix}-{n}", event, provenance)
            for n, draft in enumerate(drafts, start=1)]


def propose_claims(quote: str, vocabulary: Vocabulary, *, source: str, event: str,
                   language: str | None = None, id_prefix: str | None = None) -> list[Claim]:
    """The claims of :func:`propose`, without the words they came from.

    Raises:
        ParseError: when the quote holds no casualty figure and no refusal to give one.
    """
    return [proposal.claim for proposal in propose(
        quote, vocabulary, source=source, event=event, language=language,
        id_prefix=id_prefix)]


@attrs.frozen
class _Draft:
    """A proposal before it has an id: positions in the folded quote."""

    predicate: str
    count: Count | None
    start: int
    end: int
    category: str | None
    actor: str | None
    hedge: Hedge | None
    status: Status
    party: tuple[int, int] | None = None
    part_of: int | None = None
    revision: bool = False

    def proposal(self, folded: Folded, ident: str, event: str,
                 provenance: Provenance) -> Proposal:
        start, end = folded.span(self.start, self.end)
        words = folded.original[start:end]
        party = None
        if self.party is not None:
            first, last = folded.span(*self.party)
            party = folded.original[first:last]
        notes = [f"proposed from {words!r}"]
        if party:
            notes.append(f"the quote gives it to {party!r}")
        if self.part_of is not None:
            notes.append(f"a part of the figure proposed as #{self.part_of + 1}")
        if self.revision:
            notes.append("a revised toll")
        claim = Claim(
            id=ident, event=event, predicate=self.predicate,
            value=None if self.count is None else attrs.evolve(self.count, wording=words),
            scope=Scope(category=self.category, actor=self.actor),
            hedge=self.hedge,
            status=self.status, provenance=provenance,
            note="; ".join(notes) + "; check before use",
            coverage=Coverage.PARTIAL if self.part_of is not None else None)
        return Proposal(claim, start, end, words, party, self.part_of, self.revision)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
        start = match.end() + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence(folded: Folded, start: int, end: int, reader: Language,
              lexicon: Lexicon) -> tuple[list[_Draft], bool]:
    """The drafts of one sentence, and whether it spoke of casualties it did not split."""
    text = folded.text
    cues = reader.find(text, start, end)
    stance = sentence_stance(text[start:end])
    mentions = find_mentions(text, start, end, reader, lexicon, cues,
                             denied=stance.status is Status.DENIED)
    first = mentions[0].start if mentions else end
    subject = lexicon.actor_in(text[start:first]) if any(m.possessive for m in mentions) \
        else None  # whose "its members" are
    links = link(text, start, mentions, cues, reader, subject)
    named = parties(text, start, end, reader.tag)
    drafts: list[_Draft] = []
    index: dict[int, int] = {}  # link -> draft
    skipped = any(c.predicate == CASUALTIES for c in cues)
    for number, found in enumerate(links):
        if found.predicate == CASUALTIES or (
                found.whole is not None and found.whole not in index):
            skipped = True
            continue
        index[number] = len(drafts)
        drafts.append(_draft(found, named, stance, index))
    if not drafts and stance.status is Status.NOT_DISCLOSED:
        drafts = _not_disclosed(text, start, end, cues, lexicon, named)
    return drafts, skipped


def _draft(found: Link, named: Parties, stance: Stance, index: dict[int, int]) -> _Draft:
    mention = found.mention
    party = named.for_figure(mention.start)
    return _Draft(
        found.predicate, mention.count, mention.start, mention.end, found.category,
        found.actor, hedge_for(stance, party), status_for(stance),
        (party.name_start, party.name_end) if party else None,
        None if found.whole is None else index[found.whole], found.revision)


def _not_disclosed(text: str, start: int, end: int, cues: list[Cue], lexicon: Lexicon,
                   named: Parties) -> list[_Draft]:
    """Claims with no value for what a sentence declines to give ("did not disclose the
    casualties": killed and injured; "declined to say how many soldiers were wounded")."""
    span = status_span(text[start:end], Status.NOT_DISCLOSED)
    if span is None:
        return []
    cue_start, cue_end = start + span[0], start + span[1]
    after = [c for c in cues if c.start >= cue_start] or cues
    if not after:
        return []
    said = after[0].predicate
    predicates = [KILLED, INJURED] if said == CASUALTIES else [said]
    how_many = _HOW_MANY.search(text, cue_end, end)
    category = None
    if how_many:  # "how many soldiers were wounded", "the number of militants killed"
        words = how_many.group(1).split()
        category = lexicon.category(words[0]) or lexicon.category(" ".join(words))
    party = named.for_figure(cue_start) or named.first()  # "لم تكشف الوزارة"
    return [_Draft(p, None, cue_start, cue_end, category, None, None,
                   Status.NOT_DISCLOSED, (party.name_start, party.name_end) if party else None)
            for p in predicates]
