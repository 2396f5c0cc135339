"""Names, times and whole claims from what sources say: fuzzy suggestions for unknown names,
time spans from dates and parts of the day, and claims proposed from a quote for an analyst to
accept or adjust. Nothing here merges or invents: a suggestion is scored, a proposal holds only
what its quote says."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from claims._claim import Claim, Scope
from claims._errors import ParseError
from claims._provenance import Provenance
from claims._time import Precision, TimeSpan
from claims._vocabulary import Vocabulary, fold_name
from claims._words import parse_count, parse_stance


@attrs.frozen
class Suggestion:
    """A known actor whose name or alias is close to a name that matched none exactly."""

    actor: str
    name: str
    score: float


def suggest_actors(vocabulary: Vocabulary, name: str, *, limit: int = 3,
                   cutoff: float = 70.0) -> list[Suggestion]:
    """Actors whose names or aliases are close to ``name``, best first, scored 0-100.

    An exact match (ignoring case, accents, spaces, apostrophes and hyphens) scores 100; the
    rest are scored by rapidfuzz's ratio on the folded names (the ``parse`` extra). Nothing is
    merged: use the suggestion's id, or add ``name`` as an alias, if it is right.
    """
    from rapidfuzz import fuzz, process

    names = {(actor.id, known): known for actor in vocabulary.actors
             for known in (actor.name, *actor.aliases)}
    found = process.extract(name, names, scorer=fuzz.ratio, processor=fold_name,
                            limit=None, score_cutoff=cutoff)
    best: dict[str, Suggestion] = {}
    for known, score, (actor, _) in found:
        if actor not in best or score > best[actor].score:
            best[actor] = Suggestion(actor, known, float(score))
    return sorted(best.values(), key=lambda s: (-s.score, s.actor))[:limit]


# -- times ---------------------------------------------------------------------------------

_MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names}
_PARTS_OF_DAY = {  # words -> (first hour, hours long)
    "after midnight": (0, 6), "early morning": (4, 4), "dawn": (4, 4), "morning": (6, 6),
    "midday": (11, 2), "noon": (11, 2), "afternoon": (12, 6), "evening": (18, 6),
    "night": (20, 10), "overnight": (20, 10),
}
"""Parts of the day and the local hours each is read as (after midnight: 00:00-06:00)."""


def parse_time(text: str, zone: dt.tzinfo, *, day: dt.date | None = None) -> TimeSpan:
    """A time span from what a source says, in the zone the source meant.

    Reads an ISO 8601 time stamp ("2021-06-28T01:30+03:00"; without an offset, in ``zone``),
    a date ("2021-06-28", "28 June 2021", "June 28, 2021"), a month ("June 2021"), a year,
    or a part of ``day`` ("after midnight", "in the evening"; see ``_PARTS_OF_DAY``).

    Raises:
        ParseError: quoting the text when it is none of these, or a part of the day comes
            without ``day``.
    """
    words = " ".join(text.split()).strip(" .,")
    folded = words.casefold()
    try:
        return _read_time(words, folded, zone, day)
    except ValueError as error:
        raise ParseError(f"cannot read a time in {text!r}: {error}") from None


def _read_time(words: str, folded: str, zone: dt.tzinfo, day: dt.date | None) -> TimeSpan:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        return TimeSpan.on(dt.date.fromisoformat(words), zone, words)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", words):
        moment = dt.datetime.fromisoformat(words)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
        return TimeSpan.at(moment, words)
    match = (re.fullmatch(r"(\d{1,2}) ([a-z]+),? (\d{4})", folded)
             or re.fullmatch(r"([a-z]+) (\d{1,2}),? (\d{4})", folded))
    if match:
        first, second, year = match.groups()
        day_part, month = (first, second) if first.isdigit() else (second, first)
        if month not in _MONTHS:
            raise ValueError(f"{month!r} is not a month")
        return TimeSpan.on(dt.date(int(year), _MONTHS[month], int(day_part)), zone, words)
    match = re.fullmatch(r"([a-z]+) (\d{4})", folded)
    if match and match.group(1) in _MONTHS:
        start = dt.datetime(int(match.group(2)), _MONTHS[match.group(1)], 1, tzinfo=zone)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return TimeSpan(start, following, Precision.MONTH, words)
    if re.fullmatch(r"\d{4}", words):
        start = dt.datetime(int(words), 1, 1, tzinfo=zone)
        return TimeSpan(start, start.replace(year=start.year + 1), Precision.YEAR, words)
    part = re.sub(r"^(?:in the|at|during the|early in the)\s+", "", folded)
    if part in _PARTS_OF_DAY:
        if day is None:
            raise ValueError(f"{part!r} needs the day it belongs to (day=...)")
        hour, hours = _PARTS_OF_DAY[part]
        start = dt.datetime(day.year, day.month, day.day, hour, tzinfo=zone)
        return TimeSpan(start, start + dt.timedelta(hours=hours), Precision.PART_OF_DAY, words)
    raise ValueError("expected an ISO date or time, a date such as '28 June 2021', a month, "
                     "a year, or a part of the day such as 'after midnight'")


# -- claims from a quote -------------------------------------------------------------------

_VERBS = (
    (r"\b(?:killed|killing|died|dead)\b", "killed"),
    (r"\b(?:injured|injuring|wounded|wounding|hurt)\b", "injured"),
    (r"\b(?:detained|arrested|captured)\b", "detained"),
)
_NOUNS = (  # nouns that carry their own figure: "no injuries", "at least 40 deaths"
    (r"\b(?:deaths|fatalities)\b", "killed"),
    (r"\b(?:injuries)\b", "injured"),
)
_CUT = re.compile(r"\s*(?:,|;|\.|\band\b|\bwho\b|\bthat\b|\bthey\b|\bwere\b|\bwas\b|\bin\b|"
                  r"\bon\b|\bat\b|\bby\b|\bfrom\b|\bafter\b|\bduring\b|\bwhile\b)",
                  re.IGNORECASE)


def propose_claims(vocabulary: Vocabulary, *, source: str, quote: str, event: str,
                   id_prefix: str | None = None) -> list[Claim]:
    """Claims a quote makes about casualties, for an analyst to accept or adjust.

    For each casualty word ("killed", "died", "injured", "wounded", ...) the figure is read
    from the words just after it ("killed a child") or, failing that, from the clause before
    it ("at least nine fighters died"); the noun after the figure gives the scope's category
    and an actor the vocabulary knows by name gives its actor; the quote's hedge or denial
    goes on every claim. Figures the quote does not give are not proposed.

    Raises:
        ParseError: when the quote holds no casualty figure at all.
    """
    stance = parse_stance(quote)
    prefix = id_prefix or f"{source}-proposed"
    claims: list[Claim] = []
    found = [(m, p, False) for pattern, p in _VERBS for m in re.finditer(pattern, quote, re.I)]
    found += [(m, p, True) for pattern, p in _NOUNS for m in re.finditer(pattern, quote, re.I)]
    for verb, predicate, noun_verb in sorted(found, key=lambda f: f[0].start()):
        if noun_verb:
            phrase = _figure_before(quote[:verb.end()], vocabulary)
        else:
            phrase = (_figure_after(quote[verb.end():])
                      or _figure_before(quote[:verb.start()], vocabulary))
        if phrase is None:
            continue
        parsed = parse_count(phrase, vocabulary)
        noun = parsed.noun or ""
        scope = Scope(category=_category_of(noun, vocabulary),
                      actor=_actor_in(noun, vocabulary))
        claims.append(Claim(
            id=f"{prefix}-{len(claims) + 1}", event=event, predicate=predicate,
            value=parsed.count, scope=scope, hedge=stance.hedge, status=stance.status,
            provenance=Provenance(source=source, quote=quote),
            note=f"proposed from {phrase!r}; check before use",
        ))
    if not claims:
        raise ParseError(f"found no casualty figure in {quote!r}")
    return claims


_HAS_NUMBER = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|dozens?|many|several)\b", re.IGNORECASE)
"""A figure later in the phrase: "a statement named four members" is about the four."""


def _readable(phrase: str) -> bool:
    try:
        parse_count(phrase)
    except ParseError:
        return False
    return True


def _figure_after(text: str) -> str | None:
    """The count phrase that starts right after the verb, up to the end of its clause."""
    clause = re.split(r"[,;.]|\band\b|\bin\b|\bon\b", text, maxsplit=1)[0].strip()
    return clause if clause and _readable(clause) else None


def _figure_before(text: str, vocabulary: Vocabulary) -> str | None:
    """The count phrase in the clause before the verb ("at least nine fighters died"): the
    leftmost whose noun is a known category, else the leftmost with a figure of its own (a
    bare "a" or "an" counts only before a known category: "a statement" is no figure)."""
    clause = re.split(r"[,;]", text)[-1].strip()
    words = clause.split()
    readable = [phrase for phrase in (" ".join(words[start:]) for start in range(len(words)))
                if re.match(r"\w", phrase) and _readable(phrase)
                and not _HAS_NUMBER.search(parse_count(phrase).noun or "")]
    for phrase in readable:
        noun = parse_count(phrase).noun or ""
        if phrase.split()[0].casefold() in ("a", "an"):
            noun = " ".join(noun.split()[:2])  # "a child", not "a statement said people"
        if _category_of(noun, vocabulary) is not None:
            return phrase
    return next((p for p in readable if p.split()[0].casefold() not in ("a", "an")), None)


def _category_of(noun: str, vocabulary: Vocabulary) -> str | None:
    """The category of the noun's head: the words before "of", a verb of the clause or a
    preposition ("members of the ... faction" is about members)."""
    head = _CUT.split(noun, maxsplit=1)[0]
    head = re.split(r"\bof\b|\bsaid\b|\bsays\b", head, maxsplit=1)[0].strip()
    return parse_count(f"1 {head}", vocabulary).category if head else None


def _actor_in(noun: str, vocabulary: Vocabulary) -> str | None:
    """An actor the noun phrase names exactly ("members of the Kataib Sayyed al-Shuhada
    faction"), by name or alias, the longest name first."""
    folded = fold_name(noun)
    names = sorted(((fold_name(n), a.id) for a in vocabulary.actors for n in (a.name, *a.aliases)
                    if len(fold_name(n)) > 3), key=lambda pair: -len(pair[0]))
    return next((actor for name, actor in names if name in folded), None)
