"""Prototypes of faster loading and answering, measured without touching src/: each is a copy or
a runtime wrapper that lives here, so its effect can be weighed before anyone changes the package.

Load:
- `located_parse`: the located YAML parse with a chosen PyYAML loader (pure Python or libyaml),
  split into YAML work and the line-map walk, to show which part a faster parser removes;
  `parser_swapped` runs a whole `load_evidence` with it, whichever parser src/ uses today.
- `gc_paused`: the same call with the cyclic garbage collector off: a load allocates hundreds of
  thousands of objects that all survive, so every automatic collection is wasted work.
- `stat_key`: a cache key from file sizes and times instead of hashing every byte.

Ask:
- `SubstanceIndex`: records grouped by substance once, instead of `for_substance` scanning every
  record of a section on every question.
- `LeanSuggester`: "did you mean" over each entity's base names only, not over every plural and
  spacing variant the lexicon holds for exact matching (fewer keys to score).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from rapidfuzz import fuzz, process

import suppwise.evidence.loader as loader_module
from suppwise.evidence import EvidenceBase
from suppwise.evidence.located_yaml import LocatedDocument, line_map, parse_located
from suppwise.questions.vocabulary import SUGGEST_CUTOFF, normalise

PURE_PYTHON: type[yaml.SafeLoader] = yaml.SafeLoader
LIBYAML: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)

R = TypeVar("R")


def yaml_files(directory: Path) -> list[Path]:
    """The files `read_directory` reads, in its order."""
    return sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


# -- YAML parsing -----------------------------------------------------------------------------


def _compose(text: str, loader_cls: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, Any]:
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def located_parse(text: str, path: Path, loader_cls: type[yaml.SafeLoader]) -> LocatedDocument:
    """`parse_located` itself, with a chosen loader."""
    return parse_located(text, path, loader_cls=loader_cls)


@dataclass(frozen=True)
class ParseSplit:
    """Seconds spent composing + constructing YAML, and walking the node tree for line numbers."""

    compose: float
    walk: float


def located_parse_split(texts: Sequence[str], loader_cls: type[yaml.SafeLoader]) -> ParseSplit:
    compose = walk = 0.0
    for text in texts:
        start = time.perf_counter()
        node, _data = _compose(text, loader_cls)
        middle = time.perf_counter()
        if node is not None:
            line_map(node)
        compose += middle - start
        walk += time.perf_counter() - middle
    return ParseSplit(compose, walk)


def same_documents(texts: Sequence[str], paths: Sequence[Path]) -> bool:
    """True when libyaml gives the same data and the same line map as pure Python on these files
    (the condition for swapping it in without changing a single error message)."""
    if LIBYAML is None:
        return False
    for text, path in zip(texts, paths, strict=True):
        slow, fast = located_parse(text, path, PURE_PYTHON), located_parse(text, path, LIBYAML)
        if slow.data != fast.data or slow.lines != fast.lines:
            return False
    return True


_PARSE_FUNCTION = "parse_located"  # the name read_directory calls the located parser by


@contextlib.contextmanager
def parser_swapped(loader_cls: type[yaml.SafeLoader]) -> Iterator[None]:
    """Within the block, `read_directory` parses with `loader_cls` (runtime patch, src untouched)."""
    original = getattr(loader_module, _PARSE_FUNCTION)

    def patched(text: str, path: Path) -> LocatedDocument:
        return located_parse(text, path, loader_cls)

    setattr(loader_module, _PARSE_FUNCTION, patched)
    try:
        yield
    finally:
        setattr(loader_module, _PARSE_FUNCTION, original)


# -- garbage collector, cache key -------------------------------------------------------------


def gc_paused(fn: Callable[[], R]) -> Callable[[], R]:
    """`fn` run with the cyclic collector off (and restored after, even on error)."""

    def paused() -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn()
        finally:
            if was_enabled:
                gc.enable()

    return paused


def stat_key(directory: Path) -> str:
    """A cache key from paths, sizes and modification times only (no file bytes read)."""
    parts = []
    for path in yaml_files(directory):
        info = path.stat()
        parts.append(f"{path.relative_to(directory).as_posix()}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=20).hexdigest()


# -- ask: per-substance index, lean suggestions -----------------------------------------------


class SubstanceIndex:
    """Every record section that has a `substance` field, grouped by substance once."""

    def __init__(self, base: EvidenceBase) -> None:
        self.sections: dict[str, dict[str, tuple[Any, ...]]] = {}
        for name in substance_sections(base):
            groups: dict[str, list[Any]] = defaultdict(list)
            for record in getattr(base, name):
                groups[record.substance].append(record)
            self.sections[name] = {k: tuple(v) for k, v in groups.items()}

    def lookup_all(self, substance: str) -> int:
        return sum(len(groups.get(substance, ())) for groups in self.sections.values())


def base_fields(base: EvidenceBase) -> dict[str, Any]:
    """The base's sections and indexes by name (robust to it gaining or losing some)."""
    if dataclasses.is_dataclass(base):
        return {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    names = [n for n in dir(type(base)) if not n.startswith("_") and not callable(getattr(type(base), n))]
    return {name: getattr(base, name) for name in names}


def substance_sections(base: EvidenceBase) -> list[str]:
    """Names of the base's record tuples whose records name a substance."""
    return [
        name
        for name, value in base_fields(base).items()
        if isinstance(value, tuple) and value and hasattr(value[0], "substance")
    ]


def scan_all(base: EvidenceBase, substance: str) -> int:
    """A full scan of every substance-keyed section for one substance: what
    `EvidenceBase.for_substance` does, once per section an answer consults."""
    return sum(
        len(tuple(r for r in getattr(base, name) if r.substance == substance)) for name in substance_sections(base)
    )


class LeanSuggester:
    """'Did you mean' scored by fuzz.ratio over base names only (id, name, synonyms, normalised),
    without the plural and spacing variants the lexicon adds for exact matching."""

    def __init__(self, base: EvidenceBase) -> None:
        owners: dict[str, str] = {}
        for entity in sorted(base.entities.values(), key=lambda e: e.id):
            for term in (entity.id.replace("-", " "), entity.name, *entity.synonyms):
                owners.setdefault(normalise(term), entity.id)
        self.owners = owners
        self.keys = tuple(owners)

    def suggest(self, term: str, limit: int = 5) -> list[str]:
        found: list[str] = []
        for key, _score, _index in process.extract(
            normalise(term), self.keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=SUGGEST_CUTOFF
        ):
            if self.owners[key] not in found:
                found.append(self.owners[key])
        return found[:limit]
