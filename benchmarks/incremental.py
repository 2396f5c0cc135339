"""Time incremental work on a report (adding a claim, merging two parts) against reconciling
the whole from memory.

    python benchmarks/incremental.py claims-10k.jsonl claims-100k.jsonl --rounds 3

For each file, the dossier is loaded, and the report of all its claims and the reports of its
halves are built once (not timed). Then the contenders take turns, ``--rounds`` times:

- ``reconcile`` (the baseline): ``claims.reconcile`` of the loaded dossier, every claim of
  the file, from memory (a dossier's claims are checked when loaded, so not again here).
- ``add``: ``--adds`` new claims (200 by default) added one at a time, each to the report the
  previous one returned, each add timed on its own; the round's figure is the median add.
  Three in four go to a summary the report has (a new id for an existing claim's event,
  predicate, scope and value); one in four goes to an event the report knows but has no claims
  for, so it makes a new summary.
- ``add+event``: the same, then the touched event's results read (``report.event``): what a
  user looking at the change pays, the other events' results being kept.
- ``merge interleaved``: the reports of the even-numbered and of the odd-numbered claims
  merged; nearly every summary is on both sides and is settled again.
- ``merge by event``: the reports of the claims of alternate events merged; no summary is on
  both sides.

Times are medians over the rounds, with the range of the rounds; ``add`` also shows the
slowest single add seen and how many of all the adds took over 1 ms, in wall time and in
CPU time (on a shared machine a single add's wall time can include a wait for a core).
Ratios are against ``reconcile`` in the same invocation. Before timing, the script checks
once per file that both merges equal the report of the whole.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import claims


@attrs.frozen
class Setup:
    """What one file's contenders work on, built before any clock starts."""

    dossier: claims.Dossier
    """The file's, and the events some added claims go to (known, without claims)."""
    report: claims.Report
    new_claims: tuple[claims.Claim, ...]
    interleaved: tuple[claims.Report, claims.Report]
    by_event: tuple[claims.Report, claims.Report]


def reconcile(dossier: claims.Dossier, found: tuple[claims.Claim, ...],
              events: tuple[claims.Event, ...]) -> claims.Report:
    return claims.reconcile(found, vocabulary=dossier.vocabulary, sources=dossier.sources,
                            events=events)


def prepare(path: Path, adds: int, seed: int) -> Setup:
    rng = random.Random(seed)
    fresh = tuple(claims.Event(id=f"incremental-{i}", title=f"Added event {i}")
                  for i in range(adds // 4 + 1))
    dossier = claims.load(path).add(*fresh)
    events = dossier.events
    new: list[claims.Claim] = []
    for i in range(adds):
        model = rng.choice(dossier.claims)
        event = fresh[i // 4].id if i % 4 == 3 else model.event
        new.append(attrs.evolve(model, id=f"incremental-claim-{i}", event=event, revises=None))
    halves = dossier.claims[0::2], dossier.claims[1::2]
    parity = {e.id: n % 2 for n, e in enumerate(dossier.events)}
    by_event = (tuple(c for c in dossier.claims if parity[c.event] == 0),
                tuple(c for c in dossier.claims if parity[c.event] == 1))
    return Setup(dossier, claims.reconcile(dossier), tuple(new),
                 (reconcile(dossier, halves[0], events), reconcile(dossier, halves[1], events)),
                 (reconcile(dossier, by_event[0], events), reconcile(dossier, by_event[1], events)))


def timed(work: Callable[[], object]) -> float:
    """Milliseconds ``work`` took; what it returned is dropped after the clock stops."""
    start = time.perf_counter()
    kept = work()
    seconds = time.perf_counter() - start
    del kept
    return seconds * 1000


CPU: dict[str, list[float]] = {}
"""Each add's milliseconds of this thread's CPU time, by contender: on a shared machine the
wall time of a single add can include a wait for a core."""


def adding(setup: Setup, read: bool) -> list[float]:
    """Each add's milliseconds, the claims added one after another."""
    report, times = setup.report, []
    cpu = CPU.setdefault("add+event" if read else "add", [])
    for claim in setup.new_claims:
        start, used = time.perf_counter(), time.thread_time()
        report = report.add(claim)
        if read:
            report.event(claim.event)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - used) * 1000)
    return times


def check(setup: Setup) -> None:
    for name, (a, b) in (("interleaved", setup.interleaved), ("by event", setup.by_event)):
        if a.merge(b) != setup.report:
            raise SystemExit(f"merge {name} differs from the report of the whole")


def run(path: Path, rounds: int, adds: int, seed: int) -> None:
    CPU.clear()
    setup = prepare(path, adds, seed)
    check(setup)
    dossier = setup.dossier
    contenders: dict[str, Callable[[], list[float]]] = {
        "reconcile": lambda: [timed(lambda: claims.reconcile(dossier))],
        "add": lambda: adding(setup, read=False),
        "add+event": lambda: adding(setup, read=True),
        "merge interleaved": lambda: [timed(lambda: setup.interleaved[0].merge(
            setup.interleaved[1]))],
        "merge by event": lambda: [timed(lambda: setup.by_event[0].merge(setup.by_event[1]))],
    }
    figures: dict[str, list[float]] = {name: [] for name in contenders}
    every: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, contender in contenders.items():
            times = contender()
            figures[name].append(statistics.median(times))
            every[name] += times
    summaries = len(setup.report.summaries)
    print(f"{path.name}: {len(dossier.claims):,} claims, {summaries:,} summaries, "
          f"{len({c.event for c in dossier.claims}):,} events; {rounds} round(s), {adds} adds "
          f"a round")
    base = statistics.median(figures["reconcile"])
    print(f"  {'contender':18} {'ms (median)':>12} {'range':>21} {'vs reconcile':>13}  note")
    for name, done in figures.items():
        median = statistics.median(done)
        spread = f"{min(done):,.3f}-{max(done):,.3f}"
        times, cpu = every[name], CPU.get(name, [])
        note = (f"per claim; slowest {max(times):,.3f} ms ({max(cpu):,.3f} ms CPU); "
                f"{sum(t > 1 for t in times)} of {len(times)} over 1 ms "
                f"({sum(t > 1 for t in cpu)} by CPU time)" if cpu else "")
        print(f"  {name:18} {median:12,.3f} {spread:>21} {median / base:12.5f}x  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Time Report.add and Report.merge against "
                                                 "reconciling the whole, on JSON Lines files.")
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=3,
                        help="the contenders take turns this many times (median and range)")
    parser.add_argument("--adds", type=int, default=200, help="new claims added in a round")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for path in args.files:
        run(path, args.rounds, args.adds, args.seed)


if __name__ == "__main__":
    main()
