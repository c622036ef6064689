"""A cache of the validated evidence base, so that a command does not re-parse and re-check
every YAML file each time it starts, and opens a large base about as fast as a small one.

**Why a hit is served without re-running the cross-record checks.** The cache file is named by a
key that digests the package version, the code of `suppwise.evidence` (schema, loader, checks,
this module) and every evidence file's path and bytes, and it is written only after
`load_evidence` accepted exactly those files with exactly that code (the key is taken again after
the load, and nothing is written if a file changed meanwhile). Any edit, added or removed file,
or change of code gives a new key, so a stale base is never served, and the checks would give the
same answer again: the only ones left to trust are the file's bytes. Each blob of them carries a
CRC-32, checked when the blob is first used, and every record is still read back through the
same Pydantic schema, so a tampered file can at worst fail validation, never run code; a blob
that fails either is never served: the file is removed and the base is loaded from the evidence
files (`CachedRecords`). A cache that cannot be read or written is ignored: it is a speed-up,
never a source of truth.

**Why a hit is cheap.** The key is looked up from `stat()` alone: a small memo file maps a digest
of every input's path, size, modification and change times, inode and device to the content key.
When any of those changes the files are hashed again, so an edit that keeps size and modification
time (`touch -d`, a restored backup) still changes the inode change time and misses. A file
changed less than `RACY_SECONDS` before the stat is "racy" (its timestamps may not yet differ
from an edit made in the same clock tick) and keeps the memo from being written, as git does for
its index. The file is memory-mapped; a short header locates each section's records, its id
index, the groups and the word forms, each decoded on first use (`EvidenceBase` asks for a
section, an id, a group): opening the base reads the header only, and an `ask` decodes the
sections and records it touches.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import re
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from suppwise import __version__
from suppwise.evidence.base import GROUPINGS, KEYED_SECTIONS, EvidenceBase
from suppwise.evidence.schema import SECTIONS, EvidenceFile
from suppwise.evidence.validate import collector_paused, load_evidence

CACHE_PREFIX = "evidence-"
MAGIC = b"suppwise-evidence-cache 2\n"
# A file whose change time is this close to the moment of the stat is hashed every time.
RACY_SECONDS = 2.0
_KEY = re.compile(r"^[0-9a-f]{32}$")
_CODE_DIR = Path(__file__).resolve().parent


# -- the key ----------------------------------------------------------------------------------


def _yaml_files(directory: Path) -> list[tuple[str, str]]:
    """The evidence files below `directory` as `read_directory` finds them (`*.yaml`, `*.yml`):
    (path relative to it, full path), sorted. os.scandir with plain strings: the per-file cost is
    what grows with the number of files, so no `Path` objects are made here."""
    found: list[tuple[str, str]] = []
    pending = [(str(directory), "")]
    while pending:
        folder, prefix = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
                    found.append((prefix + entry.name, entry.path))
    found.sort()
    return found


@lru_cache(maxsize=4)
def _code_files(code_dir: Path) -> tuple[tuple[str, str], ...]:
    """The modules of `suppwise.evidence` (listed once per process; their bytes and stats are
    read every time like the data's)."""
    return tuple((f"code/{p.name}", str(p)) for p in sorted(code_dir.glob("*.py")))


def _inputs(directory: Path) -> list[tuple[str, str]]:
    """Every file that determines the loaded base: (the name it is hashed under, its path)."""
    return [*_code_files(_CODE_DIR), *((f"data/{name}", path) for name, path in _yaml_files(directory))]


def _content_key(inputs: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"suppwise {__version__}\n".encode())
    for label, path in inputs:
        digest.update(label.encode() + b"\0")
        with open(path, "rb") as handle:
            digest.update(handle.read() + b"\0")
    return digest.hexdigest()[:32]


def evidence_key(directory: Path) -> str:
    """A digest of everything that determines the loaded base: the package version, the code of
    `suppwise.evidence`, and every evidence file's path and bytes."""
    return _content_key(_inputs(directory))


def stat_signature(inputs: list[tuple[str, str]], now_ns: int) -> tuple[str, bool]:
    """A digest of every input's name, size, times, inode and device, and whether any input is
    racy (changed within `RACY_SECONDS` of `now_ns`, so that a second edit in the same clock tick
    could leave every one of these unchanged)."""
    racy_after = now_ns - int(RACY_SECONDS * 1e9)
    newest = 0
    lines = [f"suppwise {__version__}"]
    for label, path in inputs:
        info = os.stat(path)
        lines.append(f"{label}\0{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}")
        newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
    return hashlib.blake2b("\n".join(lines).encode(), digest_size=16).hexdigest(), newest >= racy_after


def _folder_tag(directory: Path) -> str:
    return hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:8]


def cached_key(directory: Path, cache_dir: Path) -> str:
    """`evidence_key(directory)`, from the stat memo in `cache_dir` when no input changed since
    it was written; else hashed, and the memo written unless an input is racy."""
    inputs = _inputs(directory)
    signature, racy = stat_signature(inputs, time.time_ns())
    tag = _folder_tag(directory)
    memo = cache_dir / f"{CACHE_PREFIX}{tag}-stat-{signature}.key"
    try:
        key = memo.read_text(encoding="ascii").strip()
        if _KEY.match(key):
            return key
    except (OSError, UnicodeDecodeError):
        pass
    key = _content_key(inputs)
    if not racy:
        _write_atomic(memo, key.encode(), f"{CACHE_PREFIX}{tag}-stat-*.key")
    return key


# -- the file ---------------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes, *stale: str) -> None:
    """Write `path` whole or not at all, after removing the files matching `stale` patterns."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for pattern in stale:
            for old in path.parent.glob(pattern):
                if old != path:
                    old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        return


def _blob(body: bytearray, data: bytes) -> list[int]:
    """Append `data` to `body`; where it lies and its CRC-32."""
    start = len(body)
    body += data
    return [start, len(body), zlib.crc32(data)]


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def encode(base: EvidenceBase) -> bytes:
    """The cache file's bytes for `base`: a short header saying where each blob of the body lies,
    with its CRC-32, then the body: per section, its records as one JSON array (as the schema dumps
    them) and, for a keyed section, an index of ids and record positions; the groups; the word
    forms. Opening the file reads the header only; each blob is checked and parsed on first use."""
    body = bytearray()
    sections: dict[str, dict[str, Any]] = {}
    ids: dict[str, list[str]] = {}
    for name in SECTIONS:
        records = base.records(name)
        dumped = [record.model_dump_json().encode() for record in records]
        spans, offset = [], 1
        for data in dumped:
            spans.append([offset, offset + len(data)])
            offset += len(data) + 1
        entry: dict[str, Any] = {"records": _blob(body, b"[" + b",".join(dumped) + b"]"), "count": len(records)}
        if name in KEYED_SECTIONS:
            ids[name] = [record.id for record in records]
            entry["index"] = _blob(body, _json({"ids": ids[name], "spans": spans}))
        sections[name] = entry
    groups: dict[str, list[int]] = {}
    for attribute, (section, _field) in GROUPINGS.items():
        position = {record_id: index for index, record_id in enumerate(ids[section])}
        grouped = {key: [position[r.id] for r in rs] for key, rs in getattr(base, attribute).items()}
        groups[attribute] = _blob(body, _json(grouped))
    header = {"sections": sections, "groups": groups, "word_forms": _blob(body, _json(dict(base.word_forms)))}
    return MAGIC + _json(header) + b"\n" + bytes(body)


class CacheDamaged(Exception):
    """A blob of the cache file fails its checksum or the schema."""


class CachedRecords:
    """A `RecordSource` over one cache file: each blob checked (CRC-32) and parsed on first use,
    each record decoded through the schema (`EvidenceFile`) at most once.

    A blob that turns out damaged after the base was handed out (the file was overwritten, or
    tampered with a matching checksum) is never trusted: the file is removed and every later
    request is served from the evidence files, loaded and checked as on a miss."""

    def __init__(self, path: Path, directory: Path, header: Mapping[str, Any], body: bytes) -> None:
        self._path = path
        self._directory = directory
        self._header = header
        self._body = body
        self._lock = threading.RLock()
        self._blobs: dict[tuple[str, str], Any] = {}
        self._keyed: dict[str, dict[str, Any]] = {}
        self._fallback: EvidenceBase | None = None

    # -- reading blobs --

    def _bytes(self, where: list[int]) -> bytes:
        start, end, crc = where
        data = self._body[start:end]
        if len(data) != end - start or zlib.crc32(data) != crc:
            raise CacheDamaged(f"checksum of bytes {start}-{end}")
        return data

    def _parsed(self, kind: str, name: str, where: list[int]) -> Any:
        with self._lock:
            found = self._blobs.get((kind, name), _NOT_READ)
            if found is _NOT_READ:
                with collector_paused():
                    found = self._blobs[(kind, name)] = json.loads(self._bytes(where))
            return found

    def _records_bytes(self, name: str) -> bytes:
        """A section's records blob, checked once and kept (records are then sliced from it)."""
        with self._lock:
            found = self._blobs.get(("records", name))
            if found is None:
                found = self._blobs[("records", name)] = self._bytes(self._header["sections"][name]["records"])
            data: bytes = found
            return data

    def _index(self, name: str) -> Mapping[str, Any]:
        index: Mapping[str, Any] = self._parsed("index", name, self._header["sections"][name]["index"])
        return index

    def ids(self, name: str) -> list[str]:
        try:
            ids: list[str] = self._index(name)["ids"]
        except CacheDamaged as error:
            return list(getattr(self._fall_back(error), name))
        return ids

    def _decode(self, name: str, data: bytes) -> tuple[Any, ...]:
        """Records of a section from a JSON array, through the schema. The collector is paused as
        in `load_evidence`: decoding (and building the schema's validator, on a process's first
        decode) makes many objects and no cycles, and a collection in the middle is wasted work."""
        try:
            with collector_paused():
                wrapped = EvidenceFile.model_validate_json(b'{"%s":%s}' % (name.encode(), data))
        except ValidationError as error:
            raise CacheDamaged(f"section {name}: {error.error_count()} schema error(s)") from error
        decoded: tuple[Any, ...] = getattr(wrapped, name)
        return decoded

    def _fall_back(self, error: CacheDamaged) -> EvidenceBase:
        """The base from the evidence files, once the cache file proved damaged."""
        with self._lock:
            if self._fallback is None:
                self._path.unlink(missing_ok=True)
                self._fallback = load_evidence(self._directory)
            return self._fallback

    # -- RecordSource --

    def section(self, name: str) -> tuple[Any, ...]:
        """Every record of a section; for a keyed section, the objects `by_id` hands out."""
        try:
            if name in KEYED_SECTIONS:
                records = self.record_map(name)
                return tuple(records[record_id] for record_id in self.ids(name))
            return self._decode(name, self._bytes(self._header["sections"][name]["records"]))
        except CacheDamaged as error:
            return self._fall_back(error).records(name)

    def decoded(self, name: str) -> dict[str, Any]:
        """The records of a keyed section decoded so far, by id (the dict `record` fills)."""
        with self._lock:
            return self._keyed.setdefault(name, {})

    def record_map(self, name: str) -> dict[str, Any]:
        """All records of a keyed section by id, the missing ones decoded in one call."""
        with self._lock:
            records = self._keyed.setdefault(name, {})
            if len(records) < self._header["sections"][name]["count"]:
                try:
                    data = self._records_bytes(name)
                    decoded = dict(zip(self.ids(name), self._decode(name, data), strict=True))
                except CacheDamaged as error:
                    decoded = dict(getattr(self._fall_back(error), name))
                records.update({k: v for k, v in decoded.items() if k not in records})
            return records

    def record(self, name: str, index: int) -> Any:
        """One record of a keyed section by its position, decoded alone."""
        with self._lock:
            try:
                record_id = self.ids(name)[index]
                records = self._keyed.setdefault(name, {})
                found = records.get(record_id)
                if found is None:
                    start, end = self._index(name)["spans"][index]
                    section = self._records_bytes(name)
                    found = records[record_id] = self._decode(name, b"[%s]" % section[start:end])[0]
                return found
            except CacheDamaged as error:
                return self._fall_back(error).records(name)[index]

    def by_id(self, name: str) -> Mapping[str, Any]:
        try:
            return LazyRecords(self, name, self.ids(name))
        except CacheDamaged as error:
            return getattr(self._fall_back(error), name)  # type: ignore[no-any-return]

    def grouped(self, name: str, key: str) -> Mapping[str, tuple[Any, ...]]:
        attribute = next(a for a, (section, field) in GROUPINGS.items() if (section, field) == (name, key))
        try:
            return LazyGroups(self, name, self._parsed("groups", attribute, self._header["groups"][attribute]))
        except CacheDamaged as error:
            return getattr(self._fall_back(error), attribute)  # type: ignore[no-any-return]

    def word_forms(self) -> Mapping[str, str]:
        try:
            forms: Mapping[str, str] = self._parsed("word_forms", "", self._header["word_forms"])
        except CacheDamaged as error:
            return self._fall_back(error).word_forms
        return forms


_NOT_READ = object()


class LazyRecords(Mapping[str, Any]):
    """A keyed section read from the cache: ids known at once, each record decoded on first
    access; iterating values or items decodes the rest in one call."""

    def __init__(self, source: CachedRecords, name: str, ids: list[str]) -> None:
        self._source = source
        self._name = name
        self._position = {record_id: index for index, record_id in enumerate(ids)}
        self._decoded = source.decoded(name)  # filled by the source; read here without its lock

    def __getitem__(self, record_id: str) -> Any:
        found = self._decoded.get(record_id)
        if found is None:
            found = self._source.record(self._name, self._position[record_id])
        return found

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)

    def values(self) -> Any:
        records = self._source.record_map(self._name)
        return [records[record_id] for record_id in self._position]

    def items(self) -> Any:
        records = self._source.record_map(self._name)
        return [(record_id, records[record_id]) for record_id in self._position]


class LazyGroups(Mapping[str, tuple[Any, ...]]):
    """Records of a keyed section grouped by a field, each group decoded on first access."""

    def __init__(self, source: CachedRecords, name: str, groups: Mapping[str, list[int]]) -> None:
        self._source = source
        self._name = name
        self._groups = groups
        self._made: dict[str, tuple[Any, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Any, ...]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = tuple(self._source.record(self._name, i) for i in self._groups[key])
        return made

    def _make_all(self) -> dict[str, tuple[Any, ...]]:
        """Every group, the section decoded in one call (as a full iteration needs it)."""
        if len(self._made) < len(self._groups):
            records, ids = self._source.record_map(self._name), self._source.ids(self._name)
            for key, positions in self._groups.items():
                if key not in self._made:
                    self._made[key] = tuple(records[ids[i]] for i in positions)
        return self._made

    def values(self) -> Any:
        made = self._make_all()
        return [made[key] for key in self._groups]

    def items(self) -> Any:
        made = self._make_all()
        return [(key, made[key]) for key in self._groups]

    def __contains__(self, key: object) -> bool:
        return key in self._groups

    def __iter__(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)


def _read(path: Path, directory: Path) -> EvidenceBase | None:
    """The base in a cache file (its header read, nothing decoded), or None when the file is
    missing or of another format. `directory` is where to load from should a blob prove damaged."""
    try:
        with path.open("rb") as handle:
            try:
                body: bytes = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # type: ignore[assignment]
            except ValueError:  # an empty file cannot be mapped
                return None
        if body[: len(MAGIC)] != MAGIC:
            return None
        end = body.find(b"\n", len(MAGIC))
        header = json.loads(body[len(MAGIC) : end])
        if not isinstance(header, dict) or set(header.get("sections", ())) != set(SECTIONS):
            return None
        start = end + 1
        shift = {"sections": header["sections"], "groups": header["groups"], "word_forms": header["word_forms"]}
        _shift(shift, start)
        return EvidenceBase(CachedRecords(path, directory, header, body))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _shift(value: Any, offset: int) -> None:
    """Make every blob location `[start, end, crc]` in the header count from the file's start."""
    if isinstance(value, dict):
        for item in value.values():
            _shift(item, offset)
    elif isinstance(value, list) and len(value) == 3 and all(isinstance(v, int) for v in value):
        value[0] += offset
        value[1] += offset


def load_cached(directory: Path, cache_dir: Path | None) -> EvidenceBase:
    """The validated base for `directory`, from the cache when its files are unchanged.

    Validation errors are never cached: a broken folder raises `EvidenceError` every time.
    """
    if cache_dir is None:
        return load_evidence(directory)
    tag = _folder_tag(directory)
    key = cached_key(directory, cache_dir)
    path = cache_dir / f"{CACHE_PREFIX}{tag}-{key}.cache"
    cached = _read(path, directory)
    if cached is not None:
        return cached
    base = load_evidence(directory)
    if evidence_key(directory) == key:  # nothing changed while it loaded
        # the previous format's files (.json) go too
        _write_atomic(path, encode(base), f"{CACHE_PREFIX}{tag}-*.cache", f"{CACHE_PREFIX}{tag}-*.json")
    return base


@lru_cache(maxsize=8)
def cached_base(directory: Path, cache_dir: Path | None) -> EvidenceBase:
    """`load_cached`, kept for the life of the process: every caller asking for the same folder
    (the shells through `suppwise.services`, the trial engine for its outcome scales) shares one
    loaded base."""
    return load_cached(directory, cache_dir)
