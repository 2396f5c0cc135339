"""Time trust learned across events on planted data: the library's methods (numpy) against
the same methods written plainly, and against the reconcile they start from.

    python benchmarks/trust.py benchmarks/data/trust-1m.jsonl --rounds 3

The file is written first when it is missing (seeded): 100,000 events, ten count claims
each (five sources, each giving "killed" and "injured"), from 20 sources whose planted
chance of a wrong figure runs from 2% to 60% (two of them speak for one party); a right
figure's band holds the true toll (exact, about, between, at least), a wrong one is anywhere
from 0 to three times it and 20; about 30% of claims are relayed.

Each contender runs in its own child process of one invocation, taking turns, for every
round; the median and every round's time are shown:

- ``load+reconcile``: ``claims.load`` + ``claims.reconcile`` + reading every group's range
  (as in ``load_reconcile.py``), the work before any trust;
- ``gather``: ``claims.trust.gather_evidence`` on that report (which builds every group's
  explanation); it writes the evidence beside the data for the method contenders;
- ``<method>``: ``estimate_trust`` on the evidence (numpy), and ``<method>-plain``: the same
  method in plain Python (``trust_plain.py``), both from the evidence loaded from disk.

Peak memory is each child's peak resident set (``resource.getrusage``); ``+MiB`` is how far
the method raised it above what loading the evidence had taken. The plain and numpy runs'
scores are checked to agree, and each method's Spearman correlation with the planted
reliability is shown.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SOURCES = 20
ERRORS = tuple(round(0.02 + 0.58 * i / (SOURCES - 1), 4) for i in range(SOURCES))
"""Each source's planted chance of a wrong figure."""
PARTY = {18: "party-x", 19: "party-x"}
METHODS = ("truthfinder", "sums", "crh")


# -- the data -----------------------------------------------------------------------------


def _figure(rng: random.Random, truth: int, right: bool) -> dict[str, object]:
    if not right:
        n = rng.randint(0, 3 * truth + 20)
        return {"type": "count", "low": n, "high": n, "bound": "exact"}
    shape = rng.random()
    if shape < 0.4:
        return {"type": "count", "low": truth, "high": truth, "bound": "exact"}
    if shape < 0.6:
        return {"type": "count", "low": truth - truth // 10, "high": truth + truth // 10,
                "bound": "approximately", "best": truth, "wording": f"about {truth}"}
    if shape < 0.8:
        return {"type": "count", "low": max(0, truth - rng.randint(0, 5)),
                "high": truth + rng.randint(0, 5), "bound": "between"}
    return {"type": "count", "low": max(0, truth - rng.randint(0, 5)), "bound": "at_least"}


def write(path: Path, events: int, seed: int) -> None:
    rng = random.Random(seed)
    head = {
        "format": "claims.dossier.lines", "version": 1,
        "sources": [{"id": f"source-{i}", "name": f"Source {i}", "kind": "news_agency",
                     **({"affiliation": PARTY[i]} if i in PARTY else {})}
                    for i in range(SOURCES)],
        "vocabulary": {"actors": [{"id": "party-x", "name": "Party X"}]},
        "events": [{"id": f"ev-{e}", "title": f"Event {e}"} for e in range(events)],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(head) + "\n")
        for event in range(events):
            tolls = {"killed": rng.randint(5, 300), "injured": rng.randint(5, 300)}
            for speaker in rng.sample(range(SOURCES), 5):
                for predicate, truth in tolls.items():
                    provenance: dict[str, object] = {
                        "source": f"source-{speaker}",
                        "quote": f"Source {speaker} on event {event}: {predicate}."}
                    if rng.random() < 0.3:
                        provenance["relays"] = [{"outlet": f"source-{rng.randrange(SOURCES)}"}]
                    right = rng.random() >= ERRORS[speaker]
                    out.write(json.dumps({
                        "id": f"c-{event}-{speaker}-{predicate}", "event": f"ev-{event}",
                        "predicate": predicate, "provenance": provenance,
                        "value": _figure(rng, truth, right)}) + "\n")


# -- the contenders -----------------------------------------------------------------------


def _evidence_path(path: Path) -> Path:
    return path.with_suffix(".evidence.pickle")


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(name: str, path: Path) -> dict[str, Any]:
    import claims
    from claims.trust import estimate_trust, gather_evidence

    if name in ("load+reconcile", "gather"):
        start = time.perf_counter()
        report = claims.reconcile(claims.load(path))
        groups = sum(1 for _ in report.ranges())
        reconciled = time.perf_counter() - start
        if name == "load+reconcile":
            return {"seconds": reconciled, "groups": groups}
        start = time.perf_counter()
        evidence = gather_evidence(report)
        seconds = time.perf_counter() - start
        with _evidence_path(path).open("wb") as out:
            pickle.dump(evidence, out, protocol=pickle.HIGHEST_PROTOCOL)
        return {"seconds": seconds, "objects": len(evidence.objects), "claims": evidence.claims}
    with _evidence_path(path).open("rb") as stream:
        evidence = pickle.load(stream)
    import numpy  # noqa: F401  (imported before the clock starts: the methods are timed)

    loaded = _peak()
    method, _, plainly = name.partition("-")
    start = time.perf_counter()
    if plainly:
        sys.path.insert(0, str(Path(__file__).parent))
        from trust_plain import METHODS as PLAIN

        scores, accuracy, iterations, change, converged = PLAIN[method](evidence)
    else:
        estimate = estimate_trust(evidence, method=method)
        scores = [t.score for t in estimate.sources]
        accuracy = [t.accuracy for t in estimate.sources]
        iterations, change, converged = estimate.iterations, estimate.change, estimate.converged
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "grown": max(0, _peak() - loaded), "iterations": iterations,
            "converged": converged, "change": change, "sources": list(evidence.sources),
            "scores": scores, "accuracy": accuracy}


def measure(name: str, path: Path) -> dict[str, Any] | None:
    ran = subprocess.run([sys.executable, __file__, str(path), "--child", name],
                         capture_output=True, text=True)
    if ran.returncode != 0:
        print(f"{name}: failed\n{ran.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(ran.stdout.strip().splitlines()[-1])
    return result


def spearman(first: list[float], second: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        found = [0.0] * len(values)
        start = 0
        while start < len(order):
            end = start
            while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
                end += 1
            for position in range(start, end + 1):
                found[order[position]] = (start + end) / 2
            start = end + 1
        return found

    a, b = ranks(first), ranks(second)
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b, strict=True))
    return cov / math.sqrt(sum((x - mean_a) ** 2 for x in a) * sum((y - mean_b) ** 2 for y in b))


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(runs, key=lambda r: r["seconds"])
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["all"] = [round(r["seconds"], 2) for r in ordered]
    return chosen


def report(runs: dict[str, list[dict[str, Any]]]) -> None:
    results = {name: _median(done) for name, done in runs.items() if done}
    base = results.get("load+reconcile")
    print(f"{'contender':19} {'seconds':>8} {'vs plain':>9} {'vs reconcile':>13} "
          f"{'peak MiB':>9} {'+MiB':>6} {'rounds':>7} {'spearman':>9}  every round (s)")
    for name, r in results.items():
        plain = results.get(f"{name}-plain") if name in METHODS else None
        vs_plain = f"{r['seconds'] / plain['seconds']:.3f}x" if plain else "-"
        vs_base = f"{r['seconds'] / base['seconds']:.3f}x" if base else "-"
        grown = f"{r['grown'] / 2**20:6.0f}" if "grown" in r else "     -"
        rounds = f"{r['iterations']:>7}" if "iterations" in r else "      -"
        rho = "-"
        if "scores" in r:
            planted = {f"source-{i}": 1 - e for i, e in enumerate(ERRORS)}
            rho = f"{spearman(r['scores'], [planted[s] for s in r['sources']]):.3f}"
        print(f"{name:19} {r['seconds']:8.2f} {vs_plain:>9} {vs_base:>13} "
              f"{r['peak_bytes'] / 2**20:9.0f} {grown} {rounds} {rho:>9}  {r['all']}")
    for method in METHODS:
        numpy, plain = results.get(method), results.get(f"{method}-plain")
        if numpy and plain:
            gap = max(abs(a - b) for a, b in zip(numpy["scores"] + numpy["accuracy"],
                                                 plain["scores"] + plain["accuracy"],
                                                 strict=True))
            print(f"{method}: numpy and plain scores and accuracies differ by at most "
                  f"{gap:.1e}; {numpy['iterations']} rounds, converged {numpy['converged']}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Time trust on planted data.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--events", type=int, default=100_000,
                        help="events to write when the file is missing (ten claims each)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", nargs="+", help="contenders to run (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child(args.child, args.file)
        result["peak_bytes"] = _peak()
        print(json.dumps(result))
        return
    if not args.file.exists():
        print(f"writing {args.file} ({args.events:,} events, seed {args.seed})")
        write(args.file, args.events, args.seed)
    contenders = args.only or ["load+reconcile", "gather", *(
        name for method in METHODS for name in (method, f"{method}-plain"))]
    if any(c != "load+reconcile" for c in contenders) and "gather" not in contenders \
            and not _evidence_path(args.file).exists():
        contenders.insert(0, "gather")
    with args.file.open(encoding="utf-8") as stream:
        lines = sum(1 for _ in stream) - 1
    print(f"{args.file.name}: {lines:,} claims; one child process per contender and round; "
          f"{args.rounds} round(s), median shown")
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name in contenders:
            result = measure(name, args.file)
            if result is not None:
                runs[name].append(result)
    report(runs)


if __name__ == "__main__":
    main()
