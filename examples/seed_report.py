"""Reconcile the seed event (the June 2021 US airstrike in Syria) and print the report.

Run from anywhere:  python examples/seed_report.py
"""

from __future__ import annotations

from pathlib import Path

import claims

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "june-2021-us-airstrike-syria.json"


def main() -> None:
    dossier = claims.load(SEED)
    report = claims.reconcile(dossier)
    print(report)
    print("Infobox")
    for line in report.infobox("us-strike-2021-06-28").splitlines():
        print(f"  Casualties: {line}")


if __name__ == "__main__":
    main()
