"""Time and peak memory of the outputs on JSON Lines files: the report as JSON and as text, an
export, and writing a dossier as JSON Lines, each a whole process.

    python benchmarks/outputs.py claims-10000.jsonl claims-100000.jsonl --rounds 3

Every contender runs in a child process of this one invocation, the contenders taking turns
round after round; each child's wall time is taken from outside (interpreter start included)
and its peak resident memory from the operating system (``ru_maxrss`` of that child). The
median and every round are shown.

- ``load+reconcile``: ``claims.load`` + ``claims.reconcile`` + every group's figures
  (``report.ranges()``): what holding the whole collection costs, with no output. The
  baseline of the report and export rows.
- ``report --json``, ``report``, ``export --ucdp``: the command line (``python -m claims``),
  standard output to ``/dev/null``, the export to a scratch directory; these stream (a chunk
  of events at a time).
- ``... (whole)``: the same output made as the command line made it before it streamed
  (``claims.load``, ``claims.reconcile``, then ``report.to_json()``, ``str(report)`` or
  ``write_csv(ucdp_rows(report))`` at once); only up to ``--whole-up-to`` claims, as the
  JSON report of a million claims took over 24 GB that way.
- ``dump``: ``claims.load`` then ``claims.dump`` to ``.jsonl``; ``dump (cattrs)``: the same
  load, then the lines written as ``dump`` wrote them before (every claim unstructured by
  the converter and ``json.dumps``); ``polars``: ``read_ndjson`` of the claim lines, then
  ``write_ndjson`` of the same rows. The write alone is also timed inside each child and
  compared with polars' write: the baseline of the dump rows.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# -- children ---------------------------------------------------------------------------------


def _load_reconcile(path: Path, _: Path) -> dict[str, Any]:
    import claims

    report = claims.reconcile(claims.load(path))
    return {"groups": sum(1 for _ in report.ranges())}


def _whole(output: str) -> Callable[[Path, Path], dict[str, Any]]:
    def run(path: Path, scratch: Path) -> dict[str, Any]:
        import claims
        from claims import export
        from claims.cli import printable

        report = claims.reconcile(claims.load(path))
        with open(os.devnull, "w", encoding="utf-8") as out:
            if output == "json":
                out.write(report.to_json())
            elif output == "text":
                out.write(printable(str(report)))
            else:
                export.write_csv(export.ucdp_rows(report), scratch / "ucdp-whole.csv")
        return {}

    return run


def _dump(path: Path, scratch: Path) -> dict[str, Any]:
    import claims

    dossier = claims.load(path)
    started = time.perf_counter()
    claims.dump(dossier, scratch / "dump.jsonl")
    return {"write_seconds": time.perf_counter() - started, "rows": len(dossier.claims)}


def _dump_cattrs(path: Path, scratch: Path) -> dict[str, Any]:
    import claims
    from claims.io import LINES_FORMAT, unstructure
    from claims.io._converter import converter

    dossier = claims.load(path)
    started = time.perf_counter()
    head = {**unstructure(dossier), "format": LINES_FORMAT}
    del head["claims"]
    unstructured = converter().unstructure
    with (scratch / "dump-cattrs.jsonl").open("w", encoding="utf-8") as out:
        out.write(json.dumps(head, ensure_ascii=False) + "\n")
        for claim in dossier.claims:
            out.write(json.dumps(unstructured(claim), ensure_ascii=False) + "\n")
    return {"write_seconds": time.perf_counter() - started, "rows": len(dossier.claims)}


def _polars(path: Path, scratch: Path) -> dict[str, Any]:
    import polars as pl

    with path.open("rb") as stream:
        stream.readline()  # the dossier's head; the claims follow, one a line
        frame = pl.read_ndjson(io.BytesIO(stream.read()))
    started = time.perf_counter()
    frame.write_ndjson(scratch / "polars.jsonl")
    return {"write_seconds": time.perf_counter() - started, "rows": frame.height}


CHILDREN: dict[str, Callable[[Path, Path], dict[str, Any]]] = {
    "load+reconcile": _load_reconcile,
    "report --json (whole)": _whole("json"),
    "report (whole)": _whole("text"),
    "export --ucdp (whole)": _whole("ucdp"),
    "dump": _dump,
    "dump (cattrs)": _dump_cattrs,
    "polars": _polars,
}

COMMANDS: dict[str, list[str]] = {
    "report --json": ["report", "{file}", "--json"],
    "report": ["report", "{file}"],
    "export --ucdp": ["export", "{file}", "--ucdp", "{scratch}/ucdp.csv"],
}

ORDER = ["load+reconcile", "report --json", "report --json (whole)", "report",
         "report (whole)", "export --ucdp", "export --ucdp (whole)", "dump", "dump (cattrs)",
         "polars"]
BASELINE = {"report --json": "load+reconcile", "report --json (whole)": "load+reconcile",
            "report": "load+reconcile", "report (whole)": "load+reconcile",
            "export --ucdp": "load+reconcile", "export --ucdp (whole)": "load+reconcile"}
WRITE_BASELINE = "polars"


def child(name: str, path: Path, scratch: Path) -> None:
    print(json.dumps(CHILDREN[name](path, scratch)))


# -- the parent -------------------------------------------------------------------------------


def measure(name: str, path: Path, scratch: Path) -> dict[str, Any] | None:
    """One whole child process: its wall time, peak resident memory, and what it reported."""
    if name in COMMANDS:
        arguments = [a.format(file=path, scratch=scratch) for a in COMMANDS[name]]
        command = [sys.executable, "-m", "claims", *arguments]
    else:
        command = [sys.executable, __file__, "--child", name, str(path), "--scratch",
                   str(scratch)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL if name in COMMANDS
                                   else out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            print(f"{name}: failed\n{err.read().decode()[-2000:]}", file=sys.stderr)
            return None
        out.seek(0)
        reported = out.read().decode().strip()
    result: dict[str, Any] = json.loads(reported.splitlines()[-1]) if reported else {}
    return {**result, "seconds": seconds, "peak": usage.ru_maxrss * 1024}


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _show(file: Path, claims_in_file: int, runs: dict[str, list[dict[str, Any]]]) -> None:
    times = {n: _median([r["seconds"] for r in done]) for n, done in runs.items() if done}
    writes = {n: _median([r["write_seconds"] for r in done]) for n, done in runs.items()
              if done and "write_seconds" in done[0]}
    print(f"\n{file.name}: {claims_in_file:,} claims; median of {len(next(iter(runs.values())))}"
          " round(s), every round listed")
    print("| contender | seconds | every round | vs baseline | peak MiB | every round "
          "| write s | rows/s | write vs polars |")
    print("| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |")
    for name in ORDER:
        done = runs.get(name)
        if not done:
            continue
        seconds = [r["seconds"] for r in done]
        peaks = [r["peak"] / 2**20 for r in done]
        base = BASELINE.get(name)
        ratio = f"{times[name] / times[base]:.2f}x" if base in times else ""
        write = rate = versus = ""
        if name in writes:
            write = f"{writes[name]:.2f}"
            rate = f"{done[0]['rows'] / writes[name]:,.0f}"
            if WRITE_BASELINE in writes:
                versus = f"{writes[name] / writes[WRITE_BASELINE]:.1f}x"
        print(f"| {name} | {times[name]:.2f} | {', '.join(f'{s:.2f}' for s in seconds)} | "
              f"{ratio} | {_median(peaks):.0f} | {', '.join(f'{p:.0f}' for p in peaks)} | "
              f"{write} | {rate} | {versus} |")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Time and peak memory of the report, an export and dump on JSON Lines "
                    "dossiers, each a whole process, against baselines run alongside.")
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=3,
                        help="run every contender this many times, taking turns (median "
                             "shown with every round)")
    parser.add_argument("--only", nargs="+", choices=ORDER, default=ORDER)
    parser.add_argument("--whole-up-to", type=int, default=100_000, metavar="CLAIMS",
                        help="run the '(whole)' contenders only on files of at most this many "
                             "claims (default 100,000)")
    parser.add_argument("--scratch", type=Path, help="where outputs are written (default: a "
                                                     "temporary directory)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.files[0], args.scratch)
        return
    for file in args.files:
        with file.open("rb") as stream:
            claims_in_file = sum(1 for line in stream if line.strip()) - 1
        names = [n for n in args.only
                 if "(whole)" not in n or claims_in_file <= args.whole_up_to]
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
            for _ in range(args.rounds):
                for name in names:
                    result = measure(name, file.resolve(), Path(scratch))
                    if result is not None:
                        runs[name].append(result)
                    for made in Path(scratch).iterdir():
                        made.unlink()
        _show(file, claims_in_file, runs)


if __name__ == "__main__":
    main()
