"""Write a seeded synthetic dossier in the JSON Lines form, for the benchmarks.

    python benchmarks/generate.py --events 100000 --claims 1000000 OUT.jsonl

Claims are counts (killed or injured) with mixed bounds (exact, at least, at most, between,
about, vague), scopes from a small category/actor hierarchy, sources of several kinds with
affiliations, publication days (so that sources revise themselves), and relays. The same seed
writes the same file.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

KINDS = ("monitoring_group", "news_agency", "government", "military", "armed_group",
         "state_media", "medical", "local_official")
CATEGORIES = [
    {"id": "person", "label": "person", "plural": "people"},
    {"id": "civilian", "label": "civilian", "parent": "person", "summary": True},
    {"id": "child", "label": "child", "plural": "children", "parent": "civilian"},
    {"id": "combatant", "label": "combatant", "parent": "person"},
    {"id": "militiaman", "label": "militiaman", "plural": "militiamen", "parent": "combatant",
     "summary": True},
    {"id": "soldier", "label": "soldier", "parent": "combatant", "summary": True},
]
SCOPES = [{}, {"category": "person"}, {"category": "civilian"}, {"category": "child"},
          {"category": "militiaman"}, {"category": "militiaman", "actor": "faction-0"},
          {"category": "militiaman", "actor": "faction-1"}, {"category": "soldier"}]


def head(sources: int) -> dict[str, object]:
    actors = [{"id": "alliance", "name": "Alliance"}, {"id": "state", "name": "State"}]
    actors += [{"id": f"faction-{i}", "name": f"Faction {i}", "parent": "alliance"}
               for i in range(2)]
    return {
        "format": "claims.dossier.lines",
        "version": 1,
        "sources": [{"id": f"source-{i}", "name": f"Source {i}", "kind": KINDS[i % len(KINDS)],
                     **({"affiliation": "state"} if i % 8 == 2 else {})}
                    for i in range(sources)],
        "vocabulary": {"categories": CATEGORIES, "actors": actors},
        "events": [],
    }


def count(rng: random.Random) -> dict[str, object]:
    n = rng.randint(0, 60)
    shape = rng.random()
    if shape < 0.4:
        return {"type": "count", "low": n, "high": n, "bound": "exact", "best": n}
    if shape < 0.6:
        return {"type": "count", "low": n, "bound": "at_least", "wording": f"at least {n}"}
    if shape < 0.7:
        return {"type": "count", "low": 0, "high": n, "bound": "at_most"}
    if shape < 0.85:
        return {"type": "count", "low": n, "high": n + rng.randint(1, 30), "bound": "between"}
    if shape < 0.95:
        return {"type": "count", "low": max(0, n - 5), "high": n + 5, "bound": "approximately",
                "best": n, "wording": f"about {n}"}
    return {"type": "count", "low": 2, "bound": "vague", "wording": "many"}


def write(path: Path, events: int, total: int, seed: int, sources: int = 40) -> None:
    """Statements, each from one source on one day about one event, each read as one to
    three claims (as "killed a child and injured three civilians" is two), until ``total``."""
    rng = random.Random(seed)
    data = head(sources)
    data["events"] = [{"id": f"ev-{e}", "title": f"Event {e}"} for e in range(events)]
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(data) + "\n")
        index = statement = 0
        while index < total:
            day = rng.randint(1, 28)
            speaker = rng.randrange(sources)
            source = f"source-{speaker}"
            provenance: dict[str, object] = {
                "source": source,
                "quote": f"Statement {statement} of {source}: figures for the day.",
                "published": {"start": f"2024-03-{day:02d}T00:00:00+00:00",
                              "end": f"2024-03-{day + 1:02d}T00:00:00+00:00",
                              "precision": "day"},
            }
            if rng.random() < 0.3:
                outlet = rng.randrange(sources - 1)  # another source: none relays itself
                outlet += outlet >= speaker
                provenance["relays"] = [{"outlet": f"source-{outlet}",
                                         "url": f"https://example.org/{statement}"}]
            event = f"ev-{rng.randrange(events)}"
            for _ in range(min(rng.randint(1, 3), total - index)):
                claim: dict[str, object] = {
                    "id": f"c-{index}",
                    "event": event,
                    "predicate": "killed" if rng.random() < 0.7 else "injured",
                    "provenance": provenance,
                    "value": count(rng),
                }
                scope = rng.choice(SCOPES)
                if scope:
                    claim["scope"] = scope
                out.write(json.dumps(claim) + "\n")
                index += 1
            statement += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--parquet", action="store_true",
                        help="also write the Parquet form beside it (OUT with .parquet; needs "
                             "the parquet extra)")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write(args.out, args.events, args.claims, args.seed)
    if args.parquet:
        from claims.io import lines_to_parquet

        lines_to_parquet(args.out, args.out.with_suffix(".parquet"))


if __name__ == "__main__":
    main()
