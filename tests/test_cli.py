"""The claims command: report, check, convert; readable errors and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import claims
from claims.cli import main
from tests.conftest import ROOT, SEED


def test_report_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("June 2021 United States airstrike in Syria (us-strike-2021-06-28)")
    assert "  4–9 militiamen killed  [corroborated; 2 independent sources]" in out
    assert "Contradictions\n  target: Syrian Arab News Agency (sana-target)" in out


def test_report_json_and_infobox(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["events"][0]["infobox"][1] == "4–9 militiamen killed"
    assert main(["report", str(SEED), "--infobox"]) == 0
    assert "4–9 militiamen killed" in capsys.readouterr().out.splitlines()


def test_report_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED), "--as-of", "2021-06-29T00:00+03:00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("As of 2021-06-29T00:00:00+03:00; left out as not yet published: ")
    with pytest.raises(SystemExit) as exited:
        main(["report", str(SEED), "--as-of", "2021-06-29"])
    assert exited.value.code == 2
    assert "give a time zone" in capsys.readouterr().err


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
