"""Seeing the result and taking it elsewhere: HTML, tables, the field's exports, the plot,
the example scripts and the notebook."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import claims
from tests.conftest import ROOT

STRIKE = "us-strike-2021-06-28"


@pytest.fixture(scope="module")
def report(seed: claims.Dossier) -> claims.Report:
    return claims.reconcile(seed)


def test_html_shows_figures_with_their_provenance(seed: claims.Dossier,
                                                  report: claims.Report) -> None:
    html = report._repr_html_()
    td = '<td style="text-align:left;vertical-align:top">'
    assert f"{td}4 to at least 9 militiamen killed</td>" in html
    assert "Syrian Observatory for Human Rights: “the SOHR stated that at least nine" in html
    assert "<caption style=\"text-align:left\">Contradictions</caption>" in html
    assert "sana-target, us-target" in html and "cannot both be right about what was hit" in html
    assert ">Facts</caption>" in html and "Abu Kamal (Syrian Arab News Agency)" in html
    assert ">Not disclosed</caption>" in html
    dossier_html = seed._repr_html_()
    assert "22 claims about 2 events from 8 sources</caption>" in dossier_html
    assert dossier_html.count("<tr>") == 1 + len(seed.claims)
    claim_html = seed.claim("sana-perpetrator")._repr_html_()
    assert f"{td}presumably</td>" in claim_html and f"{td}wikipedia</td>" in claim_html
    result = report.count(STRIKE, "killed", claims.Scope("militiaman"))
    figure_html = result._repr_html_()
    assert (f"{td}account</td>{td}Syrian Observatory for Human Rights</td>{td}at least nine"
            "</td>") in figure_html
    assert "4 to at least 9 killed of militiaman (corroborated; consistent)" in figure_html
    assert "Scope(" not in figure_html and "Scope(" not in html
    assert "the SOHR stated that at least nine" in figure_html  # the quote
    evil = claims.Term("x", wording="<script>")
    assert "<script>" not in claims._html.table(("v",), [(evil,)])


def test_long_collections_display_cut_with_a_note(seed: claims.Dossier) -> None:
    template = seed.claim("sohr-killed")
    many = [attrs.evolve(template, id=f"many-{i}") for i in range(5000)]
    big = attrs.evolve(seed, claims=(*seed.claims, *many))
    html = big._repr_html_()
    assert "5,022 claims about 2 events from 8 sources (5,022 rows; 5,012 not shown)" in html
    assert html.count("<tr>") == 1 + 10 + 1  # header, five first, five last, and the gap
    assert len(html) < 20_000
    assert repr(big) == "<Dossier: 8 sources, 2 events, 5022 claims>"
    report = claims.reconcile(big)
    assert repr(report) == "<Report: 2 events, 5022 claims, 11 summaries>"
    assert len(repr(claims.reconcile(seed))) < 100
    claims.render.set_display(max_rows=10_000)
    try:
        assert big._repr_html_().count("<tr>") == 1 + 5022
    finally:
        claims.render.set_display(max_rows=60)


def test_every_result_reads_as_a_line(report: claims.Report) -> None:
    militiamen = report.count(STRIKE, "killed", claims.Scope("militiaman"))
    assert str(militiamen) == "4 to at least 9 killed (militiaman) [corroborated; consistent]"
    assert str(report.fact(STRIKE, "target")).startswith("target (everyone): ")
    assert str(report.event(STRIKE)) == (
        "June 2021 United States airstrike in Syria (us-strike-2021-06-28): 8 figures, "
        "8 facts, 1 contradiction")


def test_tables_for_pandas_and_polars(seed: claims.Dossier, report: claims.Report) -> None:
    claims_frame = claims.export.to_pandas(claims.export.claim_rows(seed))
    assert len(claims_frame) == len(seed.claims)
    sohr = claims_frame.set_index("claim").loc["sohr-killed"]
    assert (sohr["source_name"], sohr["low"], sohr["outlets"]) == (
        "Syrian Observatory for Human Rights", 9, "wikipedia")
    results = claims.export.to_polars(claims.export.result_rows(report))
    row = results.filter((results["predicate"] == "killed")
                         & (results["category"] == "militiaman")
                         & results["actor"].is_null()).row(0, named=True)
    assert (row["range"], row["low_claims"], row["high_claims"], row["high_open"]) == (
        "4 to at least 9", "militia-killed", "sohr-killed", True)


def test_ucdp_and_airwars_rows(report: claims.Report, tmp_path: Path) -> None:
    ucdp = {r["id"]: r for r in claims.export.ucdp_rows(report)}
    strike = ucdp[STRIKE]
    assert (strike["low"], strike["best"], strike["high"]) == (5, 10, 10)
    assert (strike["deaths_b"], strike["deaths_civilians"]) == (9, 1)
    assert strike["number_of_sources"] == 3
    assert strike["source_original"] == ("Syrian Arab News Agency; Iraqi militia groups aligned "
                                         "with Iran (statement); Syrian Observatory for Human "
                                         "Rights")
    assert strike["source_office"] == "Wikipedia"
    airwars = {r["incident"]: r for r in claims.export.airwars_rows(report)}
    assert (airwars[STRIKE]["militants_killed_min"], airwars[STRIKE]["militants_killed_max"],
            airwars[STRIKE]["grade"]) == (4, 9, "Weak")
    assert airwars[STRIKE]["hedged"] is False  # the hedge is on the attacker
    path = tmp_path / "ucdp.csv"
    claims.export.write_csv(claims.export.ucdp_rows(report), path)
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["low"] == "5" and rows[0]["best"] == "10" and rows[0]["deaths_b"] == "9"
    assert rows[1]["best"] == ""  # the rocket attack: no claim gives a death toll


def test_prov_json(seed: claims.Dossier) -> None:
    data = json.loads(claims.export.prov_document(seed).serialize(format="json"))
    assert data["agent"]["claims:source/sohr"]["prov:label"] == \
        "Syrian Observatory for Human Rights"
    attributed = {(a["prov:entity"], a["prov:agent"]) for a in data["wasAttributedTo"].values()}
    assert ("claims:claim/sohr-killed", "claims:source/sohr") in attributed
    assert ("claims:relay/sohr-killed/0", "claims:source/wikipedia") in attributed
    quoted = {(q["prov:generatedEntity"], q["prov:usedEntity"])
              for q in data["wasDerivedFrom"].values()}
    assert ("claims:relay/sohr-killed/0", "claims:claim/sohr-killed") in quoted


def test_the_range_plot_renders(report: claims.Report, tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    ax = claims.render.plot_ranges(report, STRIKE, "killed", claims.Scope("militiaman"))
    assert ax.get_title() == "4 to at least 9 militiamen killed"
    assert len(ax.patches) >= 2  # a bar per claim (and the bands)
    ax.figure.savefig(tmp_path / "plot.png")
    assert (tmp_path / "plot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    capped = claims.Claim(id="ill", event=STRIKE, predicate="killed",
                          value=claims.Count.at_most(5), scope=claims.Scope("militiaman"),
                          provenance=claims.Provenance(source="sana", quote="illustration"))
    contested = report.add(capped)
    ax = claims.render.plot_ranges(contested, STRIKE, "killed", claims.Scope("militiaman"))
    assert ax.get_title().endswith("the claims contradict one another")


def test_export_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claims.cli import main
    from tests.conftest import SEED

    assert main(["export", str(SEED), "--airwars", str(tmp_path / "a.csv"),
                 "--prov", str(tmp_path / "p.json")]) == 0
    assert "grade" in (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[0]
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["prefix"]
    assert main(["export", str(SEED)]) == 1
    assert "say what to export" in capsys.readouterr().err


def test_the_exports_example(tmp_path: Path) -> None:
    ran = subprocess.run([sys.executable, str(ROOT / "examples" / "seed_exports.py"),
                          str(tmp_path)], capture_output=True, text=True, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "airwars.csv", "militiamen-killed.png", "provenance.json", "results.csv", "ucdp.csv"]
    assert ran.stdout.count("\n") == 5


def test_the_notebook_runs_and_shows_the_change(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import nbclient
    import nbformat

    monkeypatch.setenv("CLAIMS_OUTPUT", str(tmp_path))
    notebook = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    text = "".join(o.get("text", "") for o in outputs)
    assert "4–9 militiamen killed\n" in text
    assert "4–9 militiamen killed (disputed)" in text
    assert "so at most 5" in text
    assert any("text/html" in o.get("data", {}) for o in outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plot shows inline
    assert (tmp_path / "militiamen-killed.png").exists()
    assert len(claims.load(tmp_path / "seed-with-illustration.json").claims) == 23
    pages = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    _check_in_a_browser(pages, tmp_path)


def _check_in_a_browser(pages: list[str], tmp_path: Path) -> None:
    """Render the notebook's HTML outputs in headless Chromium, when it is installed, and
    check what the browser built: the tables, their captions, the figures' words."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return  # optional: a machine without the browser checks the HTML above only
    page = tmp_path / "outputs.html"
    page.write_text("<!doctype html><meta charset=utf-8><body>" + "".join(pages) + "</body>",
                    encoding="utf-8")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert dom.count("<table") >= 5
    assert "4 to at least 9 militiamen killed" in dom  # the report before the new source
    assert "Why the claims cannot all hold" in dom
    shot = tmp_path / "outputs.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_a_new_kind_of_claim_from_a_new_kind_of_source_in_a_few_lines(
        seed: claims.Dossier) -> None:
    displaced = claims.Predicate("displaced", "displaced", claims.model.ValueKind.COUNT)
    ngo = claims.Source(id="illustrative-ngo", name="An NGO (illustration)", kind="ngo")
    claim = claims.Claim(
        id="illustration-displaced", event=STRIKE, predicate="displaced",
        value=claims.Count.at_least(40), scope=claims.Scope("civilian"),
        provenance=claims.Provenance(source=ngo.id, quote="ILLUSTRATION - not a real statement"))
    dossier = seed.add(displaced, "ngo", ngo, claim)
    report = claims.reconcile(dossier)
    result = report.count(STRIKE, "displaced", claims.Scope("civilian"))
    assert result.range_text() == "at least 40"
    assert "at least 40 civilians displaced" in report.infobox(STRIKE).splitlines()
