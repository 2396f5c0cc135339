"""Export the seed event's reconciled figures the way the field keeps them, and draw them.

    python examples/seed_exports.py [OUTPUT_FOLDER]

Writes UCDP-GED-style and Airwars-style CSV files, every count result, the provenance as W3C
PROV-JSON, and a range plot of militiamen killed. Needs the extras: pip install -e ".[plot,prov]"
"""

from __future__ import annotations

import sys
from pathlib import Path

import claims

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "june-2021-us-airstrike-syria.json"
STRIKE = "us-strike-2021-06-28"


def main(output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    dossier = claims.load(SEED)
    report = claims.reconcile(dossier)
    claims.export.write_csv(claims.export.ucdp_rows(report), output / "ucdp.csv")
    claims.export.write_csv(claims.export.airwars_rows(report), output / "airwars.csv")
    claims.export.write_csv(claims.export.result_rows(report), output / "results.csv")
    (output / "provenance.json").write_text(
        claims.export.prov_document(dossier).serialize(format="json"), encoding="utf-8")
    import matplotlib

    matplotlib.use("Agg")
    ax = claims.render.plot_ranges(report, STRIKE, "killed", claims.Scope("militiaman"))
    ax.figure.savefig(output / "militiamen-killed.png", dpi=100, bbox_inches="tight")
    for name in sorted(p.name for p in output.iterdir()):
        print(output / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("output"))
