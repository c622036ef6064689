"""A cache of the validated evidence base, so that a command does not re-parse and re-check
every YAML file each time it starts.

The key is a hash of the package version and of every evidence file's path and bytes: any edit,
added or removed file gives a new key, so a stale base can never be served. A cache that cannot
be read or written is ignored (the base is then loaded from the files as usual); it is a speed-up,
never a source of truth. It is stored as JSON and read back through the same Pydantic schema, so
a tampered file can at worst fail validation (and be ignored), never run code.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from suppwise import __version__
from suppwise.evidence import schema
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EvidenceFile
from suppwise.evidence.validate import collector_paused, load_evidence

CACHE_PREFIX = "evidence-"


class CachedEvidence(BaseModel):
    """What the cache holds: the records, and the word forms derived from them (evidence.word_forms),
    which would otherwise need the morphology library at every start."""

    model_config = ConfigDict(extra="forbid")

    records: EvidenceFile
    word_forms: dict[str, str]


def evidence_key(directory: Path) -> str:
    """A digest of everything that determines the loaded base."""
    digest = hashlib.sha256(f"suppwise {__version__}\n".encode())
    digest.update(Path(schema.__file__).read_bytes())
    for path in sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path) -> EvidenceBase | None:
    try:
        with collector_paused():
            cached = CachedEvidence.model_validate_json(path.read_bytes())
            records = cached.records
            return EvidenceBase.build(
                **{name: getattr(records, name) for name in EvidenceFile.model_fields}, word_forms=cached.word_forms
            )
    except (OSError, ValidationError, ValueError):
        return None


def _write(path: Path, base: EvidenceBase, stale: str) -> None:
    records = EvidenceFile(**{name: base.records(name) for name in EvidenceFile.model_fields})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(stale):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(CachedEvidence(records=records, word_forms=dict(base.word_forms)).model_dump_json().encode())
        os.replace(handle.name, path)
    except OSError:
        return


def load_cached(directory: Path, cache_dir: Path | None) -> EvidenceBase:
    """The validated base for `directory`, from the cache when its files are unchanged.

    Validation errors are never cached: a broken folder raises `EvidenceError` every time.
    """
    if cache_dir is None:
        return load_evidence(directory)
    folder = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:8]
    path = cache_dir / f"{CACHE_PREFIX}{folder}-{evidence_key(directory)}.json"
    cached = _read(path)
    if cached is not None:
        return cached
    base = load_evidence(directory)
    _write(path, base, stale=f"{CACHE_PREFIX}{folder}-*.json")
    return base


@lru_cache(maxsize=8)
def cached_base(directory: Path, cache_dir: Path | None) -> EvidenceBase:
    """`load_cached`, kept for the life of the process: every caller asking for the same folder
    (the shells through `suppwise.services`, the trial engine for its outcome scales) shares one
    loaded base."""
    return load_cached(directory, cache_dir)
