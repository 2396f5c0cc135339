"""Whole claims from what sources say, proposed from a quote for an analyst to accept or
adjust. Nothing here invents: a proposal holds only what its quote says."""

from __future__ import annotations

import re

from claims.errors import ParseError
from claims.model import Claim, Provenance, Scope, Vocabulary, fold_name
from claims.parse._counts import parse_count
from claims.parse._excerpts import excerpt
from claims.parse._stance import parse_stance

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


def propose_claims(quote: str, vocabulary: Vocabulary, *, source: str, event: str,
                   id_prefix: str | None = None) -> list[Claim]:
    """Claims a quote makes about casualties, for an analyst to accept or adjust.

    For each casualty word ("killed", "died", "injured", "wounded", ...) the figure is read
    from the words just after it ("killed a child") or, failing that, from the clause before
    it ("at least nine fighters died"); the noun after the figure gives the scope's category
    and an actor the vocabulary knows by name gives its actor; the quote's hedge or denial
    goes on every claim, except a hedge on who attacked ("an air attack, presumably by
    American warplanes, killed a child" hedges the attacker, not the child's death). Figures
    the quote does not give are not proposed.

    Raises:
        ParseError: when the quote holds no casualty figure at all.
    """
    stance = parse_stance(_ATTRIBUTION_HEDGE.sub("", quote))
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
        raise ParseError(f"found no casualty figure in {excerpt(quote)}")
    return claims


_ATTRIBUTION_HEDGE = re.compile(
    r"\b(?:presumably|allegedly|reportedly|apparently|possibly|probably)(?=\s*,?\s*by\b)",
    re.IGNORECASE)
"""A hedge on who did it ("presumably by American warplanes"), which is not a hedge on the
figures of the same sentence."""

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
