from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import claims

# Timing varies from machine to machine; properties are about results, not speed (benchmarks/
# measures that), so examples have no deadline.
settings.register_profile("claims", deadline=None, print_blob=True)
settings.load_profile("claims")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "june-2021-us-airstrike-syria.json"


@pytest.fixture(scope="session")
def seed() -> claims.Dossier:
    return claims.load(SEED)
