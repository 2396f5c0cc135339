"""A long run of the readers' fuzzer (``tests/test_fuzz.py``), for maintainers.

    python -m tests.fuzz_campaign --documents 10000 [--seed 1] [--keep failures/]

Each document is a mutant of the seed fixture or a generated dossier, read as ``.json`` and
``.jsonl``, each with orjson (where installed) and with the standard parser alone: four reads
a document. Prints how many reads were tried, accepted, refused with a claims error, ended in
any other exception (or broke another of the fuzzer's rules), and took over a second; with
``--keep``, writes each failing document and what went wrong there. Zero failures is the bar.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from claims.io import _builder
from tests.test_fuzz import FORMS, PARSERS, Outcome, documents, run

SLOW = 1.0
"""Seconds a read may take before it counts as slow."""


def main(argv: list[str] | None = None) -> int:
    """Run the campaign; exit status 1 when anything failed."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz_campaign",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write each failing document and its failures here")
    parser.add_argument("--progress", type=int, default=1000, metavar="N",
                        help="print the counts every N documents (0: only at the end)")
    args = parser.parse_args(argv)
    has_orjson = _builder._fast_parser() is not json.loads
    print(f"{args.documents} documents, seed {args.seed}, forms {', '.join(FORMS)}, parsers "
          f"{', '.join(PARSERS)}{'' if has_orjson else ' (orjson not installed: json twice)'}")
    counts = dict.fromkeys(("tried", "accepted", "rejected", "other", "slow"), 0)
    failed_documents = 0
    started = time.perf_counter()
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as folder:
        for index, mutant, rng in documents(args.documents, args.seed):
            outcome = run(mutant, Path(folder), rng)
            for (form, name), reading in outcome.readings.items():
                counts["tried"] += 1
                if reading.failure:
                    counts["other"] += 1
                elif reading.dossier is not None:
                    counts["accepted"] += 1
                else:
                    counts["rejected"] += 1
                if reading.seconds > SLOW:
                    counts["slow"] += 1
                if reading.seconds > slowest[0]:
                    slowest = (reading.seconds, f"document {index} as .{form} with {name}: "
                                                f"{'; '.join(outcome.steps)}")
            if outcome.failures:
                failed_documents += 1
                print(f"document {index} ({'; '.join(outcome.steps)}):", file=sys.stderr)
                for failure in outcome.failures:
                    print("  " + failure.strip().replace("\n", "\n  ")[-2000:], file=sys.stderr)
                if args.keep:
                    _keep(args.keep, index, outcome)
            if args.progress and (index + 1) % args.progress == 0:
                print(f"  {index + 1} documents: {_counts(counts)}", flush=True)
    print(f"{_counts(counts)}; {failed_documents} documents with failures "
          f"(other exceptions, or orjson and json or the two forms disagreeing)")
    print(f"slowest read: {slowest[0]:.2f} s, {slowest[1]}")
    print(f"{time.perf_counter() - started:.0f} s in all")
    return 1 if failed_documents else 0


def _counts(counts: dict[str, int]) -> str:
    return (f"tried {counts['tried']}, accepted {counts['accepted']}, rejected "
            f"{counts['rejected']}, other exception {counts['other']}, slow (> {SLOW:g} s) "
            f"{counts['slow']}")


def _keep(folder: Path, index: int, outcome: Outcome) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for form, raw in outcome.files.items():
        (folder / f"document-{index}.{form}").write_bytes(raw)
    (folder / f"document-{index}.txt").write_text(
        "\n\n".join(["; ".join(outcome.steps), *outcome.failures]), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
