"""iter_claims checks a JSON Lines file's references a batch of lines at a time (each check
costs the size of the head), with the outcome of checking each line alone after the ones
before it: the same claims streamed, the same problem at the same line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims.io import _reading


def _claim(index: int, ident: str, source: str, revises: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": ident, "event": "us-strike-2021-06-28", "predicate": "killed",
        "provenance": {"source": source, "quote": f"statement {index}"},
        "value": {"type": "count", "low": index, "high": index, "best": index}}
    if revises is not None:
        data["revises"] = revises
    return data


_lines = st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "e", "f"]),
                            st.sampled_from(["sohr", "sana", "afp"]),
                            st.none() | st.sampled_from(["a", "b", "c", "d", "e", "f"])),
                  max_size=9)


def _outcome(path: Path) -> tuple[list[str], str | None]:
    streamed: list[str] = []
    try:
        streamed.extend(c.id for c in claims.iter_claims(path))
    except claims.DossierError as error:
        return streamed, str(error)
    return streamed, None


@settings(max_examples=150)
@given(lines=_lines)
def test_batches_stream_and_fail_as_single_lines_do(
        seed: claims.Dossier, tmp_path_factory: pytest.TempPathFactory,
        lines: list[tuple[str, str, str | None]]) -> None:
    path = tmp_path_factory.mktemp("lines") / "d.jsonl"
    claims.dump(seed.add(*()), path)
    head = path.read_text(encoding="utf-8").splitlines()[0]
    body = [json.dumps(_claim(i, *line)) for i, line in enumerate(lines)]
    path.write_text("\n".join([head, *body]) + "\n", encoding="utf-8")
    outcomes = []
    for size in (1, 2, 3, 4096):
        original = _reading._BATCH
        _reading._BATCH = size
        try:
            outcomes.append(_outcome(path))
        finally:
            _reading._BATCH = original
    assert outcomes[1:] == outcomes[:1] * 3


def test_a_forward_revision_and_a_repeated_id_are_found_inside_a_batch(
        seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    claims.dump(seed, path)
    head = path.read_text(encoding="utf-8").splitlines()[0]
    body = [json.dumps(_claim(0, "x", "sohr", "y")), json.dumps(_claim(1, "y", "sohr", None))]
    path.write_text("\n".join([head, *body]) + "\n", encoding="utf-8")
    with pytest.raises(claims.DossierError, match=r"unknown claim 'y' @ line 2: \$\.revises"):
        list(claims.iter_claims(path))
    body = [json.dumps(_claim(0, "x", "sohr", None)), json.dumps(_claim(1, "x", "sana", None))]
    path.write_text("\n".join([head, *body]) + "\n", encoding="utf-8")
    streamed: list[claims.Claim] = []
    with pytest.raises(claims.DossierError, match=r"duplicate claim id 'x' @ line 3: \$\.id"):
        streamed.extend(claims.iter_claims(path))
    assert [c.id for c in streamed] == ["x"]
