"""The validated-base cache: fast when nothing changed, never stale, never a source of errors."""

from __future__ import annotations

import json
import os
import shutil
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.errors import EvidenceError
from suppwise.evidence import EvidenceBase, bundled_data_dir
from suppwise.evidence import cache as cache_module
from suppwise.evidence.base import GROUPINGS, KEYED_SECTIONS
from suppwise.evidence.cache import evidence_key, load_cached
from suppwise.evidence.schema import SECTIONS, EntityKind
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
    entry.write_bytes(b'{"entities": [{"id": "x", "kind": "bogus"}]}')  # another format altogether
    assert "alpha" in load_cached(folder, cache_dir).entities


def test_an_unwritable_cache_is_ignored(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert "alpha" in load_cached(folder, blocker / "cache").entities


def test_cache_setting() -> None:
    assert load_settings({"SUPPWISE_CACHE_DIR": "off"}).cache_dir is None
    assert load_settings({"SUPPWISE_CACHE_DIR": "/tmp/x"}).cache_dir == Path("/tmp/x")
    assert load_settings({}).cache_dir is not None


# -- what a hit serves --------------------------------------------------------------------------


def _same_base(served: EvidenceBase, fresh: EvidenceBase) -> None:
    for section in SECTIONS:
        assert served.records(section) == fresh.records(section), section
    for grouping in GROUPINGS:
        assert dict(getattr(served, grouping)) == dict(getattr(fresh, grouping)), grouping
        assert list(getattr(served, grouping).items()) == list(getattr(fresh, grouping).items()), grouping
    assert dict(served.word_forms) == dict(fresh.word_forms)


def test_a_hit_serves_the_bundled_base_unchanged(tmp_path: Path, bundled: EvidenceBase) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(bundled_data_dir(), cache_dir)
    served = cache_module._read(next(cache_dir.glob("evidence-*.cache")), bundled_data_dir())
    assert served is not None
    _same_base(served, bundled)
    substance = "magnesium"
    for section in ("interactions", "contraindications", "dosing", "side_effects"):
        assert served.for_substance(getattr(served, section), substance) == bundled.for_substance(
            getattr(bundled, section), substance
        )
    assert served.for_substance(served.interactions, substance)


def test_a_record_read_alone_is_the_one_a_section_hands_out(tmp_path: Path, bundled: EvidenceBase) -> None:
    cache_dir = tmp_path / "cache"
    load_cached(bundled_data_dir(), cache_dir)
    served = cache_module._read(next(cache_dir.glob("evidence-*.cache")), bundled_data_dir())
    assert served is not None
    some_id = next(iter(bundled.sources))
    alone = served.sources[some_id]
    assert alone == bundled.sources[some_id]
    assert alone is dict(served.sources.items())[some_id]
    assert all(f is served.findings[f.id] for group in served.findings_by_subject.values() for f in group)


@st.composite
def sub_bases(draw: st.DrawFn, records: dict[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Any subset of each section of the bundled base (ids stay unique), in any order."""
    return {
        name: tuple(draw(st.permutations(items))[: draw(st.integers(0, len(items)))]) for name, items in records.items()
    }


ACCESSES = st.lists(
    st.tuples(st.sampled_from([*SECTIONS, *GROUPINGS, "for_substance"]), st.integers(0, 10_000)), max_size=12
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), accesses=ACCESSES)
def test_a_hit_and_a_fresh_base_are_equal_in_any_order_of_use(
    tmp_path: Path, bundled: EvidenceBase, data: st.DataObject, accesses: list[tuple[str, int]]
) -> None:
    """Whatever subset of records is cached and in whatever order a command touches the base (one
    record, a group, a whole section), the served base equals the one it was written from."""
    sections = data.draw(sub_bases({name: bundled.records(name) for name in SECTIONS}))
    fresh = EvidenceBase.build(**sections, word_forms={"magnesiums": "magnesium"})
    path = tmp_path / f"evidence-{data.draw(st.integers(0, 10**9))}.cache"
    path.write_bytes(cache_module.encode(fresh))
    served = cache_module._read(path, tmp_path / "no-such-folder")
    assert served is not None
    for what, pick in accesses:
        if what in KEYED_SECTIONS and sections[what]:
            record = sections[what][pick % len(sections[what])]
            assert getattr(served, what)[record.id] == record
        elif what in GROUPINGS and getattr(fresh, what):
            key = sorted(getattr(fresh, what))[pick % len(getattr(fresh, what))]
            assert getattr(served, what)[key] == getattr(fresh, what)[key]
        elif what == "for_substance":
            substance = sorted(bundled.entities)[pick % len(bundled.entities)]
            assert served.for_substance(served.interactions, substance) == fresh.for_substance(
                fresh.interactions, substance
            )
        elif what in SECTIONS:
            assert served.records(what) == fresh.records(what)
    _same_base(served, fresh)


# -- when a hit is allowed ----------------------------------------------------------------------


def _loads_from_files(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every load that goes to the evidence files instead of the cache."""
    calls: list[Path] = []
    real = cache_module.load_evidence

    def counting(directory: Path) -> EvidenceBase:
        calls.append(directory)
        return real(directory)

    monkeypatch.setattr(cache_module, "load_evidence", counting)
    return calls


def _age_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every file look older than the racy window (the clock the cache compares against
    runs a minute ahead), so the stat memo is written as it would be for a base edited earlier."""
    real = cache_module.time.time_ns
    monkeypatch.setattr(cache_module.time, "time_ns", lambda: real() + 60 * 10**9)


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (same length) and put the modification time back."""
    assert len(old) == len(new)
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns


def test_unchanged_files_are_served_from_the_stat_memo(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age_files(monkeypatch)
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    assert len(list(cache_dir.glob("evidence-*-stat-*.key"))) == 1
    calls = _loads_from_files(monkeypatch)

    def no_hashing(inputs: object) -> str:
        raise AssertionError("the stat memo should have answered")

    monkeypatch.setattr(cache_module, "_content_key", no_hashing)
    assert "alpha" in load_cached(folder, cache_dir).entities
    assert calls == []


def test_an_edit_keeping_size_and_modification_time_is_seen(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age_files(monkeypatch)
    cache_dir = tmp_path / "cache"
    before = load_cached(folder, cache_dir)
    name = before.entities["alpha"].name
    _same_size_edit(folder / "mini.yaml", f"name: {name}", f"name: {name[::-1].capitalize()}")
    assert load_cached(folder, cache_dir).entities["alpha"].name == name[::-1].capitalize()


def test_a_racy_file_is_hashed_every_time(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written just now could change again within the same clock tick without any stat
    field changing: no memo is trusted for them, so such an edit is still seen."""
    cache_dir = tmp_path / "cache"
    before = load_cached(folder, cache_dir)
    assert list(cache_dir.glob("evidence-*-stat-*.key")) == []
    name = before.entities["alpha"].name
    _same_size_edit(folder / "mini.yaml", f"name: {name}", f"name: {name.upper()}")
    assert load_cached(folder, cache_dir).entities["alpha"].name == name.upper()


def test_another_code_version_misses(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _age_files(monkeypatch)
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    calls = _loads_from_files(monkeypatch)
    monkeypatch.setattr(cache_module, "__version__", "0.0.0+another")
    load_cached(folder, cache_dir)
    assert calls == [folder]
    assert len(list(cache_dir.glob("evidence-*.cache"))) == 1, "the entry of the other version is removed"


def test_changed_evidence_code_misses(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to the schema or the checks (any module of suppwise.evidence) is a new key, so a
    base accepted by the old checks is never served to the new ones."""
    code = tmp_path / "code"
    shutil.copytree(Path(cache_module.__file__).parent, code, ignore=shutil.ignore_patterns("data", "__pycache__"))
    monkeypatch.setattr(cache_module, "_CODE_DIR", code)
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    calls = _loads_from_files(monkeypatch)
    load_cached(folder, cache_dir)
    assert calls == []
    with (code / "validate.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# a stricter check would go here\n")
    load_cached(folder, cache_dir)
    assert calls == [folder]


def test_a_damaged_file_is_never_trusted(folder: Path, tmp_path: Path, mini: EvidenceBase) -> None:
    """Bytes changed after the file was written (disk, another program): the damaged part fails
    its checksum when first used, the file is removed and the base comes from the evidence files."""
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    [entry] = cache_dir.glob("evidence-*.cache")
    data = bytearray(entry.read_bytes())
    data[data.index(b'"kind":"substance"') + 9] ^= 0x20
    entry.write_bytes(bytes(data))
    served = load_cached(folder, cache_dir)
    _same_base(served, mini)
    assert not entry.exists()


def test_a_tampered_record_is_refused_by_the_schema(folder: Path, tmp_path: Path, mini: EvidenceBase) -> None:
    """A file rewritten with matching checksums but a record the schema refuses: the record is
    never served, the file is removed and the base comes from the evidence files."""
    cache_dir = tmp_path / "cache"
    load_cached(folder, cache_dir)
    [entry] = cache_dir.glob("evidence-*.cache")
    magic, header_line, body = entry.read_bytes().split(b"\n", 2)
    header = json.loads(header_line)
    start, end, _crc = header["sections"]["entities"]["records"]
    tampered = body[start:end].replace(b'"kind":"substance"', b'"kind":"potion!!!"', 1)
    assert len(tampered) == end - start and tampered != body[start:end]
    header["sections"]["entities"]["records"][2] = zlib.crc32(tampered)
    entry.write_bytes(magic + b"\n" + json.dumps(header).encode() + b"\n" + body[:start] + tampered + body[end:])
    served = load_cached(folder, cache_dir)
    assert dict(served.entities.items()) == dict(mini.entities)
    assert all(entity.kind in set(EntityKind) for entity in served.entities.values())
    assert not entry.exists()
