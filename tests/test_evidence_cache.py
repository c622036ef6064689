"""The validated-base cache: fast when nothing changed, never stale, never a source of errors."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from suppwise.errors import EvidenceError
from suppwise.evidence import cache as cache_module
from suppwise.evidence.cache import evidence_key, load_cached
from suppwise.settings import load_settings

from .conftest import MINI_DIR


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "evidence"
    shutil.copytree(MINI_DIR, target)
    return target


def test_pickled_base_keeps_every_record(mini) -> None:
    copy = pickle.loads(pickle.dumps(mini))
    assert copy.entities == mini.entities and copy.findings == mini.findings
    assert copy.links_from.keys() == mini.links_from.keys() and copy.members == mini.members


def test_second_load_comes_from_the_cache(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    first = load_cached(folder, cache_dir)
    assert len(list(cache_dir.glob("evidence-*.pickle"))) == 1

    def no_parsing(directory: Path) -> None:
        raise AssertionError("should have been served from the cache")

    monkeypatch.setattr(cache_module, "load_evidence", no_parsing)
    again = load_cached(folder, cache_dir)
    assert again.entities == first.entities


def test_an_edit_is_never_served_stale(folder: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    key = evidence_key(folder)
    (folder / "more.yaml").write_text("entities:\n  - {id: delta, kind: substance, name: Delta}\n", encoding="utf-8")
    assert evidence_key(folder) != key
    assert "delta" in load_cached(folder, cache_dir).entities
    assert len(list(cache_dir.glob("evidence-*.pickle"))) == 1, "the stale entry is removed"


def test_a_broken_edit_raises_even_with_an_old_cache(folder: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    (folder / "broken.yaml").write_text("entities: [", encoding="utf-8")
    with pytest.raises(EvidenceError):
        load_cached(folder, cache_dir)


def test_a_corrupt_cache_file_is_ignored(folder: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    [entry] = cache_dir.glob("evidence-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert "alpha" in load_cached(folder, cache_dir).entities


def test_an_unwritable_cache_is_ignored(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert "alpha" in load_cached(folder, blocker / "cache").entities


def test_cache_setting() -> None:
    assert load_settings({"SUPPWISE_CACHE_DIR": "off"}).cache_dir is None
    assert load_settings({"SUPPWISE_CACHE_DIR": "/tmp/x"}).cache_dir == Path("/tmp/x")
    assert load_settings({}).cache_dir is not None
