"""Time load + reconcile on one JSON Lines file: this library against pandas and polars.

    python benchmarks/generate.py benchmarks/data/claims-1m.jsonl     # once, about 380 MB
    python benchmarks/load_reconcile.py benchmarks/data/claims-1m.jsonl

Each contender runs in its own child process of this one invocation, on the same file, so that
one's memory and garbage do not weigh on another; each reports its wall time and its peak
resident memory. Ratios are against pandas (above 1: slower than pandas).

- ``claims``: ``claims.load`` (every claim checked and built) + ``claims.reconcile`` + reading
  every group's figures (range, feasible interval, contradiction flag). The explanation of a
  group (its contributions, the claims at each end, the reason for a conflict) is built when
  first looked at, so it is timed separately:
- ``claims+explain``: the same, then every group's full ``CountResult`` built.
- ``pandas``: ``read_json(lines=True)``, then the low and high of each value and the category
  of each scope pulled out, then ``groupby(event, predicate, category)`` min/max.
- ``polars``: ``read_ndjson``, the same fields, ``group_by`` min/max.

The baselines answer a smaller question (min and max per exact scope, no scope hierarchy, no
revisions, no relays, no feasibility or contradictions, no checks of the data); they are what
a data person would reach for first.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _body(path: Path) -> io.BytesIO:
    """The claim lines (the first line of the file is the dossier's head)."""
    with path.open("rb") as stream:
        stream.readline()
        return io.BytesIO(stream.read())


def run_claims(path: Path, explain: bool) -> int:
    import claims

    dossier = claims.load(path)
    report = claims.reconcile(dossier)
    groups = sum(figure.high >= figure.low for figure in report.ranges())
    if explain:
        groups += sum(len(r.contributions) > 0 for e in report.results for r in e.counts)
    return groups


def run_bulk(path: Path, explain: bool = False) -> int:
    from claims import bulk

    reconciled = bulk.reconcile(path)
    groups = reconciled.ranges().height
    if explain:
        groups += sum(len(r.contributions) > 0 for report in reconciled.reports()
                      for e in report.results for r in e.counts)
    return groups


def run_pandas(path: Path) -> int:
    import pandas as pd

    frame = pd.read_json(_body(path), lines=True)
    values = frame["value"]
    frame = frame.assign(
        low=values.str.get("low"),
        high=values.str.get("high").astype("float64"),
        category=frame["scope"].str.get("category"),
    )
    grouped = frame.groupby(["event", "predicate", "category"], dropna=False).agg(
        low=("low", "min"), high=("high", "max"), claims=("id", "size"))
    return len(grouped)


def run_polars(path: Path) -> int:
    import polars as pl

    frame = pl.read_ndjson(_body(path))
    grouped = frame.with_columns(
        pl.col("value").struct.field("low").alias("low"),
        pl.col("value").struct.field("high").alias("high"),
        pl.col("scope").struct.field("category").alias("category"),
    ).group_by(["event", "predicate", "category"]).agg(
        pl.col("low").min(), pl.col("high").max(), pl.len().alias("claims"))
    return grouped.height


CONTENDERS = {
    "claims": lambda p: run_claims(p, explain=False),
    "claims+explain": lambda p: run_claims(p, explain=True),
    "bulk": run_bulk,
    "bulk+explain": lambda p: run_bulk(p, explain=True),
    "pandas": run_pandas,
    "polars": run_polars,
}


def child(name: str, path: Path) -> None:
    start = time.perf_counter()
    groups = CONTENDERS[name](path)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"name": name, "seconds": seconds, "groups": groups,
                      "peak_bytes": peak_kib * 1024}))


def measure(name: str, path: Path) -> dict[str, Any] | None:
    ran = subprocess.run([sys.executable, __file__, "--child", name, str(path)],
                         capture_output=True, text=True)
    if ran.returncode != 0:
        print(f"{name}: failed\n{ran.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(ran.stdout.strip().splitlines()[-1])
    return result


def _median(done: list[dict[str, Any]]) -> dict[str, Any]:
    done = sorted(done, key=lambda r: r["seconds"])
    middle = dict(done[(len(done) - 1) // 2])
    middle["low"], middle["high"] = done[0]["seconds"], done[-1]["seconds"]
    middle["peak_bytes"] = sorted(r["peak_bytes"] for r in done)[(len(done) - 1) // 2]
    return middle


def bench(path: Path, names: list[str], rounds: int) -> None:
    with path.open(encoding="utf-8") as stream:
        claims_in_file = sum(1 for _ in stream) - 1
    print(f"\n{path.name}: {claims_in_file:,} claims; {rounds} round(s), contenders in turn, "
          "one child process each; median [fastest-slowest]")
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for _ in range(rounds):
        for name in names:
            result = measure(name, path)
            if result is not None:
                runs[name].append(result)
    results = {name: _median(done) for name, done in runs.items() if done}
    polars, pandas = results.get("polars"), results.get("pandas")
    print(f"{'contender':16} {'seconds':>8} {'range':>15} {'/ polars':>9} {'/ pandas':>9} "
          f"{'peak MiB':>9} {'B/claim':>8} {'groups':>9}")
    for name, r in results.items():
        by_polars = f"{r['seconds'] / polars['seconds']:.2f}x" if polars else "-"
        by_pandas = f"{r['seconds'] / pandas['seconds']:.2f}x" if pandas else "-"
        spread = f"{r['low']:.2f}-{r['high']:.2f}"
        print(f"{name:16} {r['seconds']:8.2f} {spread:>15} {by_polars:>9} {by_pandas:>9} "
              f"{r['peak_bytes'] / 2**20:9.0f} {r['peak_bytes'] / claims_in_file:8.0f} "
              f"{r['groups']:9,}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Time load + reconcile against pandas and "
                                                 "polars on JSON Lines dossiers.")
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--only", nargs="+", choices=list(CONTENDERS), default=list(CONTENDERS))
    parser.add_argument("--rounds", type=int, default=1,
                        help="run every contender this many times, taking turns, and report "
                             "the median and range (the machine's load varies from minute to "
                             "minute)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.files[0])
        return
    for path in args.files:
        bench(path, args.only, args.rounds)


if __name__ == "__main__":
    main()
