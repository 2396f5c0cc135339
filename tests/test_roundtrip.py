"""structure(unstructure(x)) == x for every public type, and files that read back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from tests import strategies


@pytest.mark.parametrize("cls", list(strategies.ALL), ids=lambda t: t.__name__)
@given(data=st.data())
def test_structure_inverts_unstructure(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(strategies.ALL[cls])
    plain = claims.unstructure(value)
    assert json.loads(json.dumps(plain)) == plain  # plain JSON data, nothing exotic
    assert claims.structure(plain, cls) == value


@given(strategies.values)
def test_values_round_trip_through_their_tag(value: claims.model.Value) -> None:
    plain = claims.unstructure(value, claims.model.Value)
    assert plain["type"] == claims.model.ValueKind.of(value).value
    assert claims.structure(plain, claims.model.Value) == value


@settings(max_examples=50)
@given(strategies.dossiers())
def test_json_text_round_trips(dossier: claims.Dossier) -> None:
    text = claims.dumps(dossier)
    again = claims.loads(text)
    assert again == dossier
    assert claims.dumps(again) == text  # writing is deterministic


@settings(max_examples=30)
@given(dossier=strategies.dossiers())
def test_files_round_trip_in_both_forms(tmp_path_factory: pytest.TempPathFactory,
                                        dossier: claims.Dossier) -> None:
    folder = tmp_path_factory.mktemp("files")
    for name in ("d.json", "d.jsonl"):
        path = folder / name
        claims.dump(dossier, path)
        assert claims.load(path) == dossier
        if name.endswith(".jsonl"):
            assert list(claims.iter_claims(path)) == list(dossier.claims)


def test_seed_file_is_written_back_byte_for_byte(seed: claims.Dossier, tmp_path: Path) -> None:
    from tests.conftest import SEED

    out = tmp_path / "seed.json"
    claims.dump(seed, out)
    assert out.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["new.json", "new.jsonl"])
def test_a_new_file_gets_the_permissions_open_would_give(seed: claims.Dossier, tmp_path: Path,
                                                         name: str) -> None:
    """Writing goes through a temporary file (created private); the file it becomes is
    readable as any new file is, under the process's umask, and a file written over keeps
    its own mode."""
    import os
    import stat

    mask = os.umask(0o022)
    try:
        claims.dump(seed, tmp_path / name)
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
        os.chmod(tmp_path / name, 0o600)
        claims.dump(seed, tmp_path / name)
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    finally:
        os.umask(mask)
