"""Names: known actors whose names are close to one that matched none exactly, and the
spellings of one Arabic name in Latin letters that are the same name. Nothing is merged: a
suggestion is scored, and the analyst decides."""

from __future__ import annotations

import re

import attrs

from claims._extras import require
from claims.model import Vocabulary, fold_name
from claims.parse._letters import fold_words

_GLIDE = re.compile(r"(?<=[aeiou])y(?=i)")
"""A glide written between two vowels: "Katayib" is "Kataib"."""
_VOWELS = str.maketrans("eo", "iu")
_DOUBLE_VOWEL = re.compile(r"([aiu])\1+")
_ARTICLE = re.compile(r"^(?:[ae]l|ul|il)-|^[ae]([tdrzsn]h?)-(?=\1)", re.IGNORECASE)
"""The article as transliterated: "al-", "el-", "ul-", and assimilated ("ash-Shuhada")."""


def spelling_key(name: str) -> str:
    """``name`` folded as :func:`claims.model.fold_name` folds it, and further over the
    usual spellings of Arabic names in Latin letters: e is i and o is u ("Sayyed",
    "Sayyid"; "Hezbollah", "Hizbullah"), a doubled vowel is one ("Shuhada", "Shouhada"), a
    glide between vowels is dropped ("Katayib", "Kataib"), the article is "al" ("el-",
    "ash-Sh"). Arabic script is folded as the readers fold it (no short vowels, one alef).
    A doubled consonant stays: "Sayed" is not "Sayyid" (an analyst decides that one)."""
    keys = []
    for word in fold_words(name).split():
        word = _ARTICLE.sub("al", word)
        key = fold_name(word)
        if key.isascii():
            key = _DOUBLE_VOWEL.sub(r"\1", _GLIDE.sub("", key).translate(_VOWELS))
        keys.append(key)
    return "".join(keys)


@attrs.frozen
class Suggestion:
    """A known actor whose name or alias is close to a name that matched none exactly."""

    actor: str
    name: str
    score: float


def suggest_actors(name: str, vocabulary: Vocabulary, *, limit: int = 3,
                   cutoff: float = 70.0) -> list[Suggestion]:
    """Actors whose names or aliases are close to ``name``, best first, scored 0-100.

    An exact match (ignoring case, accents, spaces, apostrophes and hyphens, and the
    spellings :func:`spelling_key` folds: "Katayib Sayyed" is "Kata'ib Sayyid") scores 100;
    the rest are scored by rapidfuzz's ratio on the folded names (the ``parse`` extra).
    Nothing is merged: use the suggestion's id, or add ``name`` as an alias, if it is right.
    """
    fuzz = require("rapidfuzz.fuzz", extra="parse", feature="suggesting actors")
    process = require("rapidfuzz.process", extra="parse", feature="suggesting actors")
    names = {(actor.id, known): known for actor in vocabulary.actors
             for known in (actor.name, *actor.aliases)}
    found = process.extract(name, names, scorer=fuzz.ratio, processor=spelling_key,
                            limit=None, score_cutoff=cutoff)
    best: dict[str, Suggestion] = {}
    for known, score, (actor, _) in found:
        if actor not in best or score > best[actor].score:
            best[actor] = Suggestion(actor, known, float(score))
    return sorted(best.values(), key=lambda s: (-s.score, s.actor))[:limit]
