from __future__ import annotations

from pathlib import Path

import pytest

import claims

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "june-2021-us-airstrike-syria.json"


@pytest.fixture(scope="session")
def seed() -> claims.Dossier:
    return claims.load(SEED)
