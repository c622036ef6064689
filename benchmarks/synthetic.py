"""A synthetic evidence base N times larger than a real one, for measuring how load and answer
times grow with the size of the evidence.

Why replicate rather than invent: replicas keep the real base's shape (how many findings per
substance, how long the text fields are, how deep the mechanism graph is), so a slow-down seen on
the synthetic base is one a curator would meet as the real base grows.

Replica 0 is the source base unchanged; replica k renames every id with the suffix ``-xk`` and every
name and synonym with the suffix ``xk`` fused to its last word ("Glutamine" -> "Glutaminexk"), so
each replica is internally consistent, no two entities share a name, and a question names a
replica's entity with the same number of words as the original question. Replicas are then joined
by "bridge" links (process -> next replica's node), each backed by a bridge finding, so a path
search from a substance walks into neighbouring replicas instead of a small island.

Run as a script to write one and validate it:
``.venv/bin/python benchmarks/synthetic.py DEST [--factor 100] [--source DIR]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from suppwise.evidence import bundled_data_dir, validate_directory

SEED = 20240611
MAX_SLUG = 80
BRIDGE_FILE = "bridges.yaml"

# Which record keys hold references, and to which id namespace. Everything else is data.
ENTITY_REF_KEYS = frozenset(
    {"subject", "object", "context", "member_of", "outcome", "substance", "condition", "drug", "food", "conditions"}
)
NAMESPACE_OF_KEY = {"sources": "sources", "source": "sources", "instrument_sources": "sources", "findings": "findings"}
ENTITY_NAME_KEYS = ("name", "synonyms")

# libyaml when PyYAML was built with it: writing 14 MB with the pure-Python dumper takes ~10 s.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Record = dict[str, Any]
Document = dict[str, list[Record]]


class SyntheticError(RuntimeError):
    """The source base is not valid, or the generated one failed validation."""


def id_suffix(replica: int) -> str:
    """The id suffix of a replica (replica 0 keeps the source ids)."""
    return f"-x{replica}" if replica else ""


def name_suffix(replica: int) -> str:
    """The name suffix of a replica, fused to the last word so word counts stay the same."""
    return f"x{replica}" if replica else ""


def suffixed_id(value: str, replica: int) -> str:
    """`value` renamed for `replica`, trimmed so it stays within the schema's 80-character limit."""
    suffix = id_suffix(replica)
    if len(value) + len(suffix) <= MAX_SLUG:
        return value + suffix
    return value[: MAX_SLUG - len(suffix)].rstrip("-_") + suffix


def read_source(source_dir: Path) -> dict[str, Document]:
    """Every YAML document below `source_dir`, by path relative to it (sorted, hence stable)."""
    paths = sorted(p for p in source_dir.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())
    documents: dict[str, Document] = {}
    for path in paths:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader (libyaml or pure Python)
        documents[path.relative_to(source_dir).as_posix()] = data or {}
    return documents


def collect_ids(documents: Iterable[Document]) -> dict[str, set[str]]:
    """The ids a reference may point at, per namespace: entities, sources, findings."""
    ids: dict[str, set[str]] = {"entities": set(), "sources": set(), "findings": set()}
    for document in documents:
        for section, namespace in (("entities", "entities"), ("sources", "sources"), ("findings", "findings")):
            ids[namespace].update(record["id"] for record in document.get(section) or ())
    return ids


class Renamer:
    """Renames one record's ids, references and entity names for one replica."""

    def __init__(self, ids: dict[str, set[str]], replica: int) -> None:
        self.ids = ids
        self.replica = replica

    def ref(self, namespace: str, value: Any) -> Any:
        """A reference renamed if it points at a known id (dangling ones are left for the validator)."""
        if isinstance(value, str) and value in self.ids[namespace]:
            return suffixed_id(value, self.replica)
        return value

    def value(self, key: str, value: Any, in_entity: bool) -> Any:
        if key == "id":
            return suffixed_id(value, self.replica)
        if in_entity and key in ENTITY_NAME_KEYS:
            return self.names(value)
        namespace = NAMESPACE_OF_KEY.get(key) or ("entities" if key in ENTITY_REF_KEYS else None)
        if namespace is not None:
            return [self.ref(namespace, v) for v in value] if isinstance(value, list) else self.ref(namespace, value)
        if isinstance(value, list):
            return [self.record(v) if isinstance(v, dict) else v for v in value]
        if isinstance(value, dict) and key != "external_ids":
            return self.record(value)
        return value

    def names(self, value: str | list[str]) -> str | list[str]:
        suffix = name_suffix(self.replica)
        return [v + suffix for v in value] if isinstance(value, list) else value + suffix

    def record(self, record: Record, in_entity: bool = False) -> Record:
        return {key: self.value(key, value, in_entity) for key, value in record.items()}

    def document(self, document: Document) -> Document:
        return {
            section: [self.record(r, in_entity=section == "entities") for r in records or ()]
            for section, records in document.items()
        }


def bridges(documents: Iterable[Document], replica: int, next_replica: int) -> Document:
    """Links from replica `replica`'s processes into `next_replica`, each backed by its own finding.

    A bridge copies a real link's sign and, for each finding behind it, the finding's effect and
    sources, so it passes every check the curated link does; it only changes where the edge lands.
    """
    docs = list(documents)
    kinds = {e["id"]: e["kind"] for d in docs for e in d.get("entities") or ()}
    findings = {f["id"]: f for d in docs for f in d.get("findings") or ()}
    out: Document = {"findings": [], "links": []}
    for document in docs:
        for link in document.get("links") or ():
            backing = [findings[f] for f in link.get("findings") or () if f in findings]
            if kinds.get(link["subject"]) != "process" or not backing:
                continue
            subject = suffixed_id(link["subject"], replica)
            target = suffixed_id(link["object"], next_replica)
            finding_ids = [suffixed_id(f"bridge{i}-{link['id']}", replica) for i in range(len(backing))]
            for finding_id, finding in zip(finding_ids, backing, strict=True):
                out["findings"].append(
                    {
                        "id": finding_id,
                        "subject": subject,
                        "effect": finding["effect"],
                        "object": target,
                        "sources": [suffixed_id(s, replica) for s in finding["sources"]],
                        "summary": f"Synthetic bridge: {subject} to {target} (benchmark data, not evidence).",
                    }
                )
            out["links"].append(
                {
                    "id": suffixed_id(f"bridge-{link['id']}", replica),
                    "subject": subject,
                    "sign": link["sign"],
                    "object": target,
                    "findings": finding_ids,
                }
            )
    return out


def _dump(document: Document, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(document, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def replica_path(dest: Path, replica: int, relative: str) -> Path:
    """One folder per replica: replica k's copy of `relative` (the shape of a base split by topic)."""
    return dest / f"x{replica:04d}" / relative


def write_replicas(dest: Path, documents: dict[str, Document], factor: int, rng: random.Random) -> None:
    ids = collect_ids(documents.values())
    order = list(range(1, factor))
    rng.shuffle(order)  # each replica bridges to a pseudo-random other one: no tidy chain to exploit
    chain = [0, *order]
    next_of = {chain[i]: chain[i + 1] for i in range(len(chain) - 1)}
    for replica in range(factor):
        renamer = Renamer(ids, replica)
        for relative, document in documents.items():
            if replica and "outcome_scales" in document:
                continue  # the trial engine's scales (and the sources only they cite) stay single
            _dump(renamer.document(document), replica_path(dest, replica, relative))
        if replica in next_of:
            bridge = bridges(documents.values(), replica, next_of[replica])
            if bridge["links"]:
                _dump(bridge, replica_path(dest, replica, BRIDGE_FILE))


def write_synthetic(dest: Path, factor: int = 100, source_dir: Path | None = None, *, validate: bool = True) -> Path:
    """Write a valid evidence base `factor` times the size of `source_dir` (default: bundled) into
    `dest` (emptied first) and return `dest`. Deterministic: same source and factor, same files.

    Raises SyntheticError when the source base is invalid (replicas would copy its problems) or,
    with `validate`, when the result fails validation (the generator no longer matches the
    schema). Validating 100x costs one full load (~25 s today): a caller that loads the result
    with `load_evidence` anyway, which raises on any problem, may pass `validate=False`."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    source = source_dir or bundled_data_dir()
    source_problems = validate_directory(source)
    if source_problems:
        raise SyntheticError(_problem_summary(f"source base {source} is not valid", source_problems))
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    write_replicas(dest, read_source(source), factor, random.Random(SEED))
    problems = validate_directory(dest) if validate else []
    if problems:
        raise SyntheticError(_problem_summary(f"synthetic base in {dest} is not valid", problems))
    return dest


def _problem_summary(title: str, problems: list[Any]) -> str:
    shown = "\n  ".join(p.render() for p in problems[:5])
    more = f"\n  ... and {len(problems) - 5} more" if len(problems) > 5 else ""
    return f"{title} ({len(problems)} problem(s)):\n  {shown}{more}"


def temporary_synthetic(
    factor: int = 100, source_dir: Path | None = None, *, validate: bool = True
) -> tuple[Path, Callable[[], None]]:
    """A synthetic base in a fresh temp folder, and the function that removes it."""
    folder = Path(tempfile.mkdtemp(prefix=f"suppwise-synthetic-{factor}x-"))
    try:
        write_synthetic(folder / "evidence", factor, source_dir, validate=validate)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder / "evidence", lambda: shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to write (emptied first)")
    parser.add_argument("--factor", type=int, default=100, help="how many replicas (default 100)")
    parser.add_argument("--source", type=Path, default=None, help="evidence folder to replicate (default: bundled)")
    args = parser.parse_args(argv)
    try:
        dest = write_synthetic(args.dest, args.factor, args.source)
    except SyntheticError as error:
        print(error, file=sys.stderr)
        return 1
    files = sum(1 for _ in dest.rglob("*.yaml"))
    print(f"OK: {files} valid evidence files, {args.factor}x the source, in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
