"""Names: known actors whose names are close to one that matched none exactly. Nothing is
merged: a suggestion is scored, and the analyst decides."""

from __future__ import annotations

import attrs

from claims._extras import require
from claims.model import Vocabulary, fold_name


@attrs.frozen
class Suggestion:
    """A known actor whose name or alias is close to a name that matched none exactly."""

    actor: str
    name: str
    score: float


def suggest_actors(name: str, vocabulary: Vocabulary, *, limit: int = 3,
                   cutoff: float = 70.0) -> list[Suggestion]:
    """Actors whose names or aliases are close to ``name``, best first, scored 0-100.

    An exact match (ignoring case, accents, spaces, apostrophes and hyphens) scores 100; the
    rest are scored by rapidfuzz's ratio on the folded names (the ``parse`` extra). Nothing is
    merged: use the suggestion's id, or add ``name`` as an alias, if it is right.
    """
    fuzz = require("rapidfuzz.fuzz", extra="parse", feature="suggesting actors")
    process = require("rapidfuzz.process", extra="parse", feature="suggesting actors")
    names = {(actor.id, known): known for actor in vocabulary.actors
             for known in (actor.name, *actor.aliases)}
    found = process.extract(name, names, scorer=fuzz.ratio, processor=fold_name,
                            limit=None, score_cutoff=cutoff)
    best: dict[str, Suggestion] = {}
    for known, score, (actor, _) in found:
        if actor not in best or score > best[actor].score:
            best[actor] = Suggestion(actor, known, float(score))
    return sorted(best.values(), key=lambda s: (-s.score, s.actor))[:limit]
