"""Time reconciling one Parquet dossier in one process against Dask with one and two workers.

    python benchmarks/generate.py claims-100k.jsonl --claims 100000 --events 10000
    claims convert claims-100k.jsonl claims-100k.parquet
    python benchmarks/dask_reconcile.py claims-100k.parquet --rounds 3

Each contender runs in its own child process of this one invocation, on the same file, in
turn, round after round; the medians are shown with every round's time, the range and the
ratio to the one-process baseline measured in the same invocation.

- ``one-process``: ``claims.load`` (every row checked and built) + ``claims.reconcile`` +
  reading every group's figures (range, feasible interval, contradiction flag).
- ``dask-1``, ``dask-2``: ``claims.dask.reconcile`` on a ``distributed.LocalCluster`` of one
  or two worker processes (one thread each), then the same figures read from the report,
  which has come back to this process. The cluster is started before the clock (a user of a
  real cluster has one running) and its start is shown apart.

- ``bulk``: ``claims.bulk.reconcile`` + every group's figures, in one process (the baseline
  of the next two).
- ``dask-ranges-1``, ``dask-ranges-2``: ``claims.dask.ranges`` on one or two workers: each
  reads, checks and reconciles its part over columns and sends back only its figures.

Each contender reports its wall time, the peak resident memory of its own process and (for
Dask) of the largest worker, and a digest of the report (groups and their figures) that must
be the same for all.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import attrs


def _digest(report: Any) -> tuple[int, str]:
    """How many count groups the report has, and a hash of their figures."""
    return _figures_digest(report.ranges())


def _figures_digest(ranges: Any) -> tuple[int, str]:
    figures = sorted(repr(attrs.astuple(figure)) for figure in ranges)
    return len(figures), hashlib.sha256("\n".join(figures).encode()).hexdigest()[:16]


def _frame_ranges(frame: Any) -> Any:
    """The rows of a figures frame as ``GroupRange`` objects."""
    from claims import Scope
    from claims.reconciler import GroupKey, GroupRange

    for (event, predicate, category, actor, place, low, high, high_open, more_than, floor,
         ceiling, contradicted) in frame.iter_rows():
        yield GroupRange(GroupKey(event, predicate, Scope(category, actor, place)), low, high,
                         high_open, floor, ceiling, contradicted, more_than)


def run_bulk(path: Path) -> dict[str, Any]:
    from claims import bulk

    start = time.perf_counter()
    groups, digest = _figures_digest(_frame_ranges(bulk.reconcile(path).ranges()))
    return {"seconds": time.perf_counter() - start, "groups": groups, "digest": digest}


def run_one(path: Path) -> dict[str, Any]:
    import claims

    start = time.perf_counter()
    report = claims.reconcile(claims.load(path))
    groups, digest = _digest(report)
    return {"seconds": time.perf_counter() - start, "groups": groups, "digest": digest}


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_dask(path: Path, workers: int, figures_only: bool = False) -> dict[str, Any]:
    import distributed

    import claims.dask

    started = time.perf_counter()
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        client.wait_for_workers(workers)
        startup = time.perf_counter() - started
        start = time.perf_counter()
        if figures_only:
            groups, digest = _figures_digest(_frame_ranges(claims.dask.ranges(path,
                                                                              client=client)))
        else:
            groups, digest = _digest(claims.dask.reconcile(path, client=client))
        seconds = time.perf_counter() - start
        worker_peak = max(client.run(_peak_kib).values())
    return {"seconds": seconds, "groups": groups, "digest": digest, "startup": startup,
            "worker_peak_bytes": worker_peak * 1024}


CONTENDERS = {
    "one-process": run_one,
    "dask-1": lambda p: run_dask(p, 1),
    "dask-2": lambda p: run_dask(p, 2),
    "bulk": run_bulk,
    "dask-ranges-1": lambda p: run_dask(p, 1, figures_only=True),
    "dask-ranges-2": lambda p: run_dask(p, 2, figures_only=True),
}


def child(name: str, path: Path) -> None:
    result = CONTENDERS[name](path)
    result["peak_bytes"] = _peak_kib() * 1024
    print(json.dumps({"name": name, **result}))


def measure(name: str, path: Path) -> dict[str, Any] | None:
    ran = subprocess.run([sys.executable, __file__, "--child", name, str(path)],
                         capture_output=True, text=True)
    if ran.returncode != 0:
        print(f"{name}: failed\n{ran.stderr.strip()[-2000:]}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(ran.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Time one process against Dask with one "
                                                 "and two workers on one Parquet dossier.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--only", nargs="+", choices=list(CONTENDERS), default=list(CONTENDERS))
    parser.add_argument("--rounds", type=int, default=1,
                        help="run every contender this many times, taking turns, and report "
                             "the median (the machine's load varies from minute to minute)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return
    import pyarrow.parquet as pq

    metadata = pq.ParquetFile(args.file).metadata
    print(f"{args.file.name}: {metadata.num_rows:,} claims in {metadata.num_row_groups} row "
          f"groups; one child process per contender and round; {args.rounds} round(s)")
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in args.only}
    for _ in range(args.rounds):
        for name in args.only:
            result = measure(name, args.file)
            if result is not None:
                runs[name].append(result)
    bases = {name: statistics.median(r["seconds"] for r in done)
             for name, done in runs.items() if done and name in ("one-process", "bulk")}
    digests = {r["digest"] for done in runs.values() for r in done}
    print(f"{'contender':14} {'median s':>9} {'range s':>13} {'ratio':>7} {'peak MiB':>9} "
          f"{'worker MiB':>11} {'start s':>8} {'groups':>9}  every round")
    for name, done in runs.items():
        if not done:
            continue
        times = sorted(r["seconds"] for r in done)
        median = statistics.median(times)
        base = bases.get("bulk" if name in ("bulk", "dask-ranges-1", "dask-ranges-2")
                         else "one-process")
        ratio = f"{median / base:.2f}x" if base else "-"
        peak = max(r["peak_bytes"] for r in done) / 2**20
        worker = max((r.get("worker_peak_bytes", 0) for r in done), default=0) / 2**20
        startup = statistics.median(r.get("startup", 0.0) for r in done)
        print(f"{name:14} {median:9.2f} {times[0]:6.2f}-{times[-1]:<6.2f} {ratio:>7} "
              f"{peak:9.0f} {worker or float('nan'):11.0f} {startup:8.1f} "
              f"{done[0]['groups']:9,}  {[round(t, 2) for t in times]}")
    print("ratio: against one-process; bulk and dask-ranges-* against bulk")
    print("the same figures everywhere" if len(digests) == 1
          else f"FIGURES DIFFER: {len(digests)} digests")


if __name__ == "__main__":
    main()
