"""The README's example runs, as written, and its two commands are the documented ones."""

from __future__ import annotations

import doctest

import pytest

from tests.conftest import ROOT


def test_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5
    assert result.failed == 0


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ('python3 -m venv .venv && .venv/bin/pip install -e ".[test]" '
               "&& .venv/bin/python -m pytest")
    assert command in readme
    assert command.replace("pip install -e", "pip install -q -e") in ci
