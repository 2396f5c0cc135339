"""How well :func:`claims.parse.propose` reads wire copy: the precision and recall of its
proposals against the coded corpus in ``tests/data/wire_corpus.jsonl``, per language.

    python -m tests.wire_quality            # the scores; exit status 1 below the bars
    python -m tests.wire_quality --show     # and every miss and every wrong proposal

A proposal is right when one coded claim of its sentence has the same predicate, low, high,
bound (and best, for an approximate figure), category, hedge and status, and the proposal's
words overlap the coded words (it points at the figure it came from); each coded claim is
matched once. Precision is right proposals over all proposals (nothing invented), recall
right proposals over coded claims. Actors, attributions, parts and revisions are scored
apart, over the right proposals. The bars, per language, are in :data:`BARS`
(``tests/test_wire.py`` holds the reader to them).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import claims
from claims.parse import Proposal, propose

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "wire_corpus.jsonl"
VOCABULARY = DATA / "wire_vocabulary.json"
LANGUAGES = ("en", "ar")
BARS = {"precision": 0.95, "recall": 0.85}
"""The least precision (nothing invented) and recall each language must reach."""


@attrs.define
class Score:
    """The counts for one language."""

    sentences: int = 0
    expected: int = 0
    proposed: int = 0
    right: int = 0
    actor_right: int = 0
    attributed: int = 0
    attributed_right: int = 0
    parts: int = 0
    parts_right: int = 0
    revisions: int = 0
    revisions_right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def passes(self) -> bool:
        """Whether the scores reach :data:`BARS`."""
        return self.precision >= BARS["precision"] and self.recall >= BARS["recall"]

    def line(self, language: str) -> str:
        return (f"{language}: {self.sentences} sentences, {self.expected} claims coded, "
                f"{self.proposed} proposed, {self.right} right: precision "
                f"{self.precision:.3f}, recall {self.recall:.3f}")

    def details(self) -> str:
        return (f"    of the right: actor {self.actor_right}/{self.right}; attribution "
                f"{self.attributed_right}/{self.attributed}; part of "
                f"{self.parts_right}/{self.parts}; revision "
                f"{self.revisions_right}/{self.revisions}")


def entries(path: Path = CORPUS) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def vocabulary(path: Path = VOCABULARY) -> claims.Vocabulary:
    return claims.structure(json.loads(path.read_text(encoding="utf-8")), claims.Vocabulary)


def proposals_for(entry: dict[str, Any], words: claims.Vocabulary) -> list[Proposal]:
    try:
        return propose(entry["text"], words, source="wire", event="wire-event",
                       language=entry["lang"])
    except claims.ParseError:
        return []


def key(proposal: Proposal) -> tuple[Any, ...]:
    claim = proposal.claim
    value = claim.value
    if isinstance(value, claims.Count):
        best = value.best if value.bound is claims.model.Bound.APPROXIMATELY else None
        figure: tuple[Any, ...] = (value.low, value.high, value.bound.value, best)
    else:
        figure = (None, None, None, None)
    return (claim.predicate, *figure, claim.scope.category,
            None if claim.hedge is None else claim.hedge.value, claim.status.value)


def coded_key(coded: dict[str, Any]) -> tuple[Any, ...]:
    best = coded.get("best") if coded["bound"] == "approximately" else None
    return (coded["predicate"], coded["low"], coded["high"], coded["bound"], best,
            coded["category"], coded["hedge"], coded["status"])


def _overlaps(proposal: Proposal, text: str, coded: dict[str, Any]) -> bool:
    start = text.find(coded["words"])
    return start < proposal.end and proposal.start < start + len(coded["words"])


def match(entry: dict[str, Any], proposals: list[Proposal]) -> dict[int, int]:
    """Proposal index -> coded claim index, for the right proposals."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for index, proposal in enumerate(proposals):
        for number, coded in enumerate(entry["claims"]):
            if number not in taken and key(proposal) == coded_key(coded) and _overlaps(
                    proposal, entry["text"], coded):
                matched[index] = number
                taken.add(number)
                break
    return matched


def measure(show: bool = False) -> dict[str, Score]:
    """The scores per language; with ``show``, print each miss and wrong proposal."""
    words = vocabulary()
    scores = {language: Score() for language in LANGUAGES}
    for entry in entries():
        score = scores[entry["lang"]]
        proposals = proposals_for(entry, words)
        matched = match(entry, proposals)
        score.sentences += 1
        score.expected += len(entry["claims"])
        score.proposed += len(proposals)
        score.right += len(matched)
        back = {number: index for index, number in matched.items()}
        for index, number in matched.items():
            _details(score, entry, proposals, index, number, back)
        if show and (len(matched) < len(proposals) or len(matched) < len(entry["claims"])):
            _show(entry, proposals, matched)
    return scores


def _details(score: Score, entry: dict[str, Any], proposals: list[Proposal], index: int,
             number: int, back: dict[int, int]) -> None:
    coded, proposal = entry["claims"][number], proposals[index]
    score.actor_right += proposal.claim.scope.actor == coded["actor"]
    if coded.get("attributed_to"):
        score.attributed += 1
        said = proposal.attributed_to or ""
        score.attributed_right += bool(said) and (said in coded["attributed_to"]
                                                  or coded["attributed_to"] in said)
    if "part_of" in coded:
        score.parts += 1
        score.parts_right += proposal.part_of is not None and proposal.part_of == back.get(
            coded["part_of"])
    if coded.get("revision"):
        score.revisions += 1
        score.revisions_right += proposal.revision


def _show(entry: dict[str, Any], proposals: list[Proposal], matched: dict[int, int]) -> None:
    print(f"{entry['id']}: {entry['text']}")
    for number, coded in enumerate(entry["claims"]):
        if number not in matched.values():
            print(f"    missed   {coded_key(coded)} {coded['words']!r}")
    for index, proposal in enumerate(proposals):
        if index not in matched:
            print(f"    wrong    {key(proposal)} {proposal.words!r}")


def report(scores: dict[str, Score]) -> list[str]:
    """The lines the script prints: per language, the scores and the details."""
    lines = []
    for language, score in scores.items():
        lines += [score.line(language), score.details()]
    return lines


def main(argv: list[str]) -> int:
    scores = measure(show="--show" in argv)
    print("\n".join(report(scores)))
    return 0 if all(score.passes for score in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
