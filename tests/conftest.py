"""Shared fixtures: the bundled evidence base and the tiny made-up one for rule tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep tests out of the user's real cache folder."""
    previous = os.environ.get("SUPPWISE_CACHE_DIR")
    os.environ["SUPPWISE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("SUPPWISE_CACHE_DIR", None)
    else:
        os.environ["SUPPWISE_CACHE_DIR"] = previous
