"""Time load + reconcile + every group's figures: this library against polars and pandas, on
the JSON Lines form and on the Parquet form of the same dossier.

    python benchmarks/generate.py data/claims-1m.jsonl --parquet     # once
    python benchmarks/load_reconcile.py data/claims-10k.jsonl data/claims-100k.jsonl \\
        data/claims-1m.jsonl --rounds 3

Each contender runs in its own child process of this one invocation, on the same file, so that
one's memory and garbage do not weigh on another; each reports its wall time and its peak
resident memory. The contenders take turns, round after round; each figure is the median of
the rounds, with the fastest and slowest. A contender's ratio is against the baseline named
beside it, run in the same invocation (above 1: slower than the baseline).

- ``polars``: ``read_ndjson`` of the claim lines, the low and high of each value and the
  category of each scope pulled out, ``group_by(event, predicate, category)`` min/max. The
  baseline of the JSON Lines contenders.
- ``polars-parquet``: ``read_parquet`` of the Parquet form, the same ``group_by``. The
  baseline of the Parquet contenders.
- ``pandas``: ``read_json(lines=True)``, the same fields, ``groupby`` min/max.
- ``bulk``: ``claims.bulk.reconcile`` (every claim checked as ``claims.load`` checks it, the
  columns the rules read kept) + every count group's figures (``Bulk.ranges()``).
- ``bulk-parquet``: the same from the Parquet form.
- ``bulk-read``, ``bulk-read-parquet``: reading and checking alone (no figures): how much
  faster the Parquet form is read.
- ``claims``: the object path, ``claims.load`` (every claim checked and built) +
  ``claims.reconcile`` + ``Report.ranges()``.
- ``claims+explain``, ``bulk+explain``: the same, then every group's full explanation
  (contributions, the claims at each end, conflict reasons) built, as a user who looks at
  every result would; the bulk path builds it an event batch at a time.

Before the rounds the library's modules are byte-compiled, as installing a package does:
polars' are, and a machine that sets ``PYTHONDONTWRITEBYTECODE`` would otherwise make every
child compile the library's afresh (about 0.14 s of each run, no part of the work measured).

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
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _body(path: Path) -> io.BytesIO:
    """The claim lines (the first line of the file is the dossier's head)."""
    with path.open("rb") as stream:
        stream.readline()
        return io.BytesIO(stream.read())


def _parquet(path: Path) -> Path:
    return path.with_suffix(".parquet")


def run_claims(path: Path, explain: bool) -> int:
    import claims

    dossier = claims.load(path)
    report = claims.reconcile(dossier)
    groups = sum(figure.high >= figure.low for figure in report.ranges())
    if explain:
        groups += sum(len(r.contributions) > 0 for e in report.results for r in e.counts)
    return groups


def run_bulk(path: Path, explain: bool = False, figures: bool = True) -> int:
    from claims import bulk

    reconciled = bulk.reconcile(path)
    if not figures:
        return int(reconciled.claims.height)
    groups = int(reconciled.ranges().height)
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


def run_polars_parquet(path: Path) -> int:
    import polars as pl

    frame = pl.read_parquet(path)
    grouped = frame.group_by(["event", "predicate", "scope_category"]).agg(
        pl.col("value_low").min(), pl.col("value_high").max(), pl.len().alias("claims"))
    return grouped.height


CONTENDERS: dict[str, tuple[Callable[[Path], int], str, str]] = {
    # name: (run, which file, baseline)
    "polars": (run_polars, "jsonl", "polars"),
    "bulk": (run_bulk, "jsonl", "polars"),
    "bulk-read": (lambda p: run_bulk(p, figures=False), "jsonl", "polars"),
    "bulk+explain": (lambda p: run_bulk(p, explain=True), "jsonl", "polars"),
    "claims": (lambda p: run_claims(p, explain=False), "jsonl", "polars"),
    "claims+explain": (lambda p: run_claims(p, explain=True), "jsonl", "polars"),
    "pandas": (run_pandas, "jsonl", "polars"),
    "polars-parquet": (run_polars_parquet, "parquet", "polars-parquet"),
    "bulk-parquet": (run_bulk, "parquet", "polars-parquet"),
    "bulk-read-parquet": (lambda p: run_bulk(p, figures=False), "parquet", "bulk-read"),
}
DEFAULT = ["polars", "bulk", "bulk-read", "polars-parquet", "bulk-parquet",
           "bulk-read-parquet", "claims", "pandas"]


def child(name: str, path: Path) -> None:
    run, form, _ = CONTENDERS[name]
    target = _parquet(path) if form == "parquet" else path
    start = time.perf_counter()
    groups = run(target)
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
    names = [n for n in names if CONTENDERS[n][1] == "jsonl" or _parquet(path).exists()]
    print(f"\n{path.name}: {claims_in_file:,} claims; {rounds} round(s), contenders in turn, "
          "one child process each; median [fastest-slowest]")
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for _ in range(rounds):
        for name in names:
            result = measure(name, path)
            if result is not None:
                runs[name].append(result)
    results = {name: _median(done) for name, done in runs.items() if done}
    print(f"{'contender':18} {'seconds':>8} {'range':>13} {'ratio':>7} {'against':15} "
          f"{'peak MiB':>9} {'B/claim':>8} {'groups':>9}")
    for name, r in results.items():
        baseline = results.get(CONTENDERS[name][2])
        ratio = f"{r['seconds'] / baseline['seconds']:.2f}x" if baseline else "-"
        spread = f"{r['low']:.2f}-{r['high']:.2f}"
        print(f"{name:18} {r['seconds']:8.2f} {spread:>13} {ratio:>7} {CONTENDERS[name][2]:15} "
              f"{r['peak_bytes'] / 2**20:9.0f} {r['peak_bytes'] / claims_in_file:8.0f} "
              f"{r['groups']:9,}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Time load + reconcile + figures against "
                                                 "polars and pandas on JSON Lines dossiers "
                                                 "(and their Parquet form, beside them).")
    parser.add_argument("files", type=Path, nargs="+",
                        help="JSON Lines dossiers; FILE.parquet beside one is used for the "
                             "Parquet contenders")
    parser.add_argument("--only", nargs="+", choices=list(CONTENDERS), default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=1,
                        help="run every contender this many times, taking turns, and report "
                             "the median and range (the machine's load varies from minute to "
                             "minute)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.files[0])
        return
    _compiled()
    for path in args.files:
        bench(path, args.only, args.rounds)


def _compiled() -> None:
    """Byte-compile the library's modules (see the module's docstring)."""
    import compileall

    import claims

    compileall.compile_dir(Path(claims.__file__).parent, quiet=1)


if __name__ == "__main__":
    main()
