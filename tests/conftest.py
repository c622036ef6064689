"""Shared fixtures: the bundled evidence base and the tiny made-up one for rule tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from suppwise.evidence import EvidenceBase, bundled_data_dir, load_evidence

FIXTURES = Path(__file__).parent / "fixtures"
MINI_DIR = FIXTURES / "mini"


@pytest.fixture(scope="session")
def mini() -> EvidenceBase:
    return load_evidence(MINI_DIR)


@pytest.fixture(scope="session")
def bundled() -> EvidenceBase:
    return load_evidence(bundled_data_dir())
