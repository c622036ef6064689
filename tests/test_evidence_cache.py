"""The validated-base cache: fast when nothing changed, never stale, never a source of errors."""

from __future__ import annotations

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


def test_cached_base_keeps_every_record(folder: Path, tmp_path: Path, mini) -> None:
    load_cached(folder, tmp_path / "cache")
    copy = load_cached(folder, tmp_path / "cache")
    for section in ("entities", "sources", "findings", "links", "contraindications", "comparisons", "resources"):
        assert copy.records(section) == mini.records(section), section
    assert copy.links_from.keys() == mini.links_from.keys()


def test_second_load_comes_from_the_cache(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    first = load_cached(folder, cache_dir)
    assert len(list(cache_dir.glob("evidence-*.cache"))) == 1

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
    assert len(list(cache_dir.glob("evidence-*.cache"))) == 1, "the stale entry is removed"


def test_a_broken_edit_raises_even_with_an_old_cache(folder: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    (folder / "broken.yaml").write_text("entities: [", encoding="utf-8")
    with pytest.raises(EvidenceError):
        load_cached(folder, cache_dir)


def test_a_corrupt_cache_file_is_ignored(folder: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    [entry] = cache_dir.glob("evidence-*.cache")
    entry.write_bytes(b'{"entities": [{"id": "x", "kind": "bogus"}]}')
    assert "alpha" in load_cached(folder, cache_dir).entities


def test_an_unwritable_cache_is_ignored(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert "alpha" in load_cached(folder, blocker / "cache").entities


def test_cache_setting() -> None:
    assert load_settings({"SUPPWISE_CACHE_DIR": "off"}).cache_dir is None
    assert load_settings({"SUPPWISE_CACHE_DIR": "/tmp/x"}).cache_dir == Path("/tmp/x")
    assert load_settings({}).cache_dir is not None
