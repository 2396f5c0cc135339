"""The claims command: report, check, convert; readable errors and exit statuses."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import claims
import claims.cli
from claims.cli import main
from tests.conftest import ROOT, SEED


def test_report_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("June 2021 United States airstrike in Syria (us-strike-2021-06-28)")
    assert "  4 to at least 9 militiamen killed  [corroborated; 2 independent sources]" in out
    assert "Contradictions\n  target: Syrian Arab News Agency (sana-target)" in out


def test_report_json_and_infobox(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["events"][0]["infobox"][1] == "4–9 militiamen killed"
    assert main(["report", str(SEED), "--infobox"]) == 0
    assert "4–9 militiamen killed" in capsys.readouterr().out.splitlines()


def test_report_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    bulletins = ROOT / "fixtures" / "invented-bulletins.json"
    assert main(["report", str(bulletins), "--as-of", "2024-03-02T20:00+03:00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("As of 2024-03-02T20:00:00+03:00; left out as published later: "
                          "monitor-bulletin-3; left out as undated: ministry-undated\n")
    assert "0–12 civilians killed" in out.replace(" to ", "–")
    assert "superseded: monitor-bulletin-1 by monitor-bulletin-2" in out
    assert main(["report", str(bulletins), "--infobox", "--as-of",
                 "2024-03-01T20:00+03:00"]) == 0
    assert capsys.readouterr().out == "0–7 civilians killed (disputed; figures for children " \
                                      "disputed)\n"
    with pytest.raises(SystemExit) as exited:
        main(["report", str(SEED), "--as-of", "2021-06-29"])
    assert exited.value.code == 2
    hint = capsys.readouterr().err.split("e.g. ")[1].strip()
    assert hint == "2021-06-29T00:00:00+00:00"
    assert main(["report", str(SEED), "--as-of", hint]) == 0  # following the hint works


def test_version_and_standard_streams(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("claims ")
    monkeypatch.setattr(sys, "stdin", io.StringIO(SEED.read_text(encoding="utf-8")))
    assert main(["report", "-", "--infobox"]) == 0
    assert "4–9 militiamen killed" in capsys.readouterr().out
    assert main(["convert", str(SEED), "-"]) == 0
    assert claims.loads(capsys.readouterr().out) == claims.load(SEED)
    assert not (Path.cwd() / "-").exists()


def test_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED)]) == 0
    assert "22 claims about 2 events from 8 sources; no problems" in capsys.readouterr().out
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["claims"][10]["value"]["low"] = -9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err == (f"claims: 1 problem in {bad}:\n"
                   "  'low' must be a non-negative integer: low=-9 @ $.claims[10].value\n")


def test_check_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["sources"] += [{"id": f"blog-{i}", "name": "A blog", "kind": "blogger"}
                        for i in range(60)]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"claims: 60 problems in {bad}:"
    assert lines[1:] == [f"  unknown source kind 'blogger' @ $.sources[{8 + i}].kind"
                         for i in range(60)]
    assert main(["check", str(bad), "--limit", "10"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 + 10 + 1
    assert lines[-1] == f"  ... and 50 more (claims check {bad} lists them all)"
    assert main(["report", str(bad)]) == 1  # other commands list the first 50
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == f"  ... and 10 more (claims check {bad} lists them all)"
    with pytest.raises(SystemExit):
        main(["check", str(bad), "--limit", "0"])
    assert "not a positive whole number: '0'" in capsys.readouterr().err


def test_convert_round_trip(tmp_path: Path, seed: claims.Dossier) -> None:
    lines = tmp_path / "seed.jsonl"
    back = tmp_path / "seed.json"
    assert main(["convert", str(SEED), str(lines)]) == 0
    assert main(["convert", str(lines), str(back)]) == 0
    assert len(lines.read_text(encoding="utf-8").splitlines()) == 1 + len(seed.claims)
    assert back.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "no-such-file.json"]) == 1
    assert "cannot read the file" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["report", "check", "convert", "export"])
def test_help_for_every_subcommand(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert f"usage: claims {command}" in capsys.readouterr().out


def test_python_dash_m_and_the_example_script() -> None:
    ran = subprocess.run([sys.executable, "-m", "claims", "report", str(SEED), "--infobox"],
                         capture_output=True, text=True, check=True, encoding="utf-8")
    assert "4–9 militiamen killed" in ran.stdout.splitlines()
    example = subprocess.run([sys.executable, str(ROOT / "examples" / "seed_report.py")],
                             capture_output=True, text=True, check=True, encoding="utf-8")
    assert "  Casualties: 4–9 militiamen killed" in example.stdout.splitlines()


def _with_words(tmp_path: Path, words: str) -> Path:
    """The seed with SOHR's figure worded ``words`` (the report prints the wording)."""
    dossier = claims.load(SEED)
    sohr = dossier.claim("sohr-killed")
    evil = attrs.evolve(sohr, value=attrs.evolve(sohr.value, wording=words))
    changed = attrs.evolve(dossier, claims=tuple(
        evil if c.id == "sohr-killed" else c for c in dossier.claims))
    path = tmp_path / "evil.json"
    claims.dump(changed, path)
    return path


def test_control_characters_in_quotes_are_shown_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _with_words(tmp_path, "at least nine\x1b[2J\x1b]0;owned\x07 \u202egnp.exe")
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "at least nine\\x1b[2J\\x1b]0;owned\\x07 \\u202egnp.exe" in out


def test_printable_keeps_text_and_escapes_controls() -> None:
    assert claims.cli.printable("a\nb\tc الشهداء") == "a\nb\tc الشهداء"
    assert claims.cli.printable("\x1b[31mred") == "\\x1b[31mred"
    assert claims.cli.printable("\x9b") == "\\x9b"


def test_convert_and_export_refuse_to_overwrite_their_input(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(SEED.read_bytes())
    before = path.read_bytes()
    assert main(["convert", str(path), str(path)]) == 1
    assert main(["export", str(path), "--claims", str(path)]) == 1
    assert main(["export", str(path), "--ucdp", str(tmp_path / "x.csv"),
                 "--airwars", str(tmp_path / "x.csv")]) == 1
    assert path.read_bytes() == before
    assert not (tmp_path / "x.csv").exists()


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    dossier = claims.load(SEED)
    path = tmp_path / "out.json"
    claims.dump(dossier, path)
    before = path.read_bytes()
    broken = attrs.evolve(dossier.claims[0], note="\ud800")  # UTF-8 cannot encode it
    with pytest.raises(claims.ValidationError, match=r"lone surrogate"):
        claims.dump(attrs.evolve(dossier, claims=(broken, *dossier.claims[1:])), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_csv_cells_that_would_run_as_formulas_are_neutralised(tmp_path: Path) -> None:
    rows = [{"quote": "=HYPERLINK(\"http://x\")", "n": 3, "minus": "-2+3", "ok": "plain"}]
    path = tmp_path / "rows.csv"
    claims.export.write_csv(rows, path)
    text = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'-2+3" in text and ",3," in text and "plain" in text
    claims.export.write_csv(rows, path, formulas=True)
    assert '"=HYPERLINK(""http://x"")"' in path.read_text(encoding="utf-8")


def test_progress_goes_to_a_terminal_only(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED), "--infobox"]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: silent
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["report", str(SEED), "--infobox"]) == 0
    err = capsys.readouterr().err
    assert f"claims: reading {SEED}…" in err and "claims: reconciling 22 claims…" in err
