"""Read a folder of evidence files into located records, keeping every problem instead of stopping
at the first: a curator wants the whole list in one run.

Each record is validated on its own, so one bad finding does not hide the rest of its file from
the cross-reference checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from suppwise.evidence.located_yaml import LocatedDocument, PathKey, YamlSyntaxError, parse_located
from suppwise.evidence.problems import Problem, display_path
from suppwise.evidence.schema import SECTIONS, EvidenceFile

MAX_FILE_BYTES = 5_000_000


def bundled_data_dir() -> Path:
    """The evidence files shipped inside the package."""
    return Path(str(files("suppwise.evidence") / "data"))


@dataclass(frozen=True)
class Origin:
    """Where a record was written: used to locate cross-reference problems."""

    file: str
    document: LocatedDocument
    path: PathKey

    def line(self, *field_path: str | int) -> int:
        return self.document.line_of((*self.path, *field_path))


@dataclass
class RawEvidence:
    """Validated records per section, each with its origin, plus the problems met so far."""

    records: dict[str, list[tuple[BaseModel, Origin]]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    problems: list[Problem] = field(default_factory=list)


def field_name(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _section_model(section: str) -> type[BaseModel]:
    annotation = EvidenceFile.model_fields[section].annotation
    args: tuple[object, ...] = getattr(annotation, "__args__", ())
    model = args[0] if args else None
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model


def _load_document(document: LocatedDocument, name: str, raw: RawEvidence) -> None:
    data: Any = document.data
    if data is None:
        return
    if not isinstance(data, dict):
        raw.problems.append(Problem(name, 1, "", "not_a_mapping", "the top level must be a mapping of sections"))
        return
    for section, items in data.items():
        line = document.line_of((section,))
        if section not in SECTIONS:
            raw.problems.append(
                Problem(name, line, str(section), "unknown_section", f"unknown section; allowed: {', '.join(SECTIONS)}")
            )
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            raw.problems.append(Problem(name, line, section, "not_a_list", "a section must be a list of records"))
            continue
        model = _section_model(section)
        for index, item in enumerate(items):
            origin = Origin(name, document, (section, index))
            try:
                record = model.model_validate(item)
            except ValidationError as error:
                for detail in error.errors():
                    loc = (section, index, *detail["loc"])
                    raw.problems.append(Problem(name, document.line_of(loc), field_name(loc), "schema", detail["msg"]))
                continue
            raw.records[section].append((record, origin))


def read_directory(directory: Path) -> RawEvidence:
    """Parse and schema-check every `*.yaml` file below `directory` (sorted, so output is stable)."""
    raw = RawEvidence()
    if not directory.is_dir():
        raw.problems.append(Problem(str(directory), 1, "", "no_directory", "evidence folder not found"))
        return raw
    paths = sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())
    if not paths:
        raw.problems.append(Problem(str(directory), 1, "", "no_files", "no .yaml files in the evidence folder"))
    for path in paths:
        name = display_path(path, directory)
        if path.stat().st_size > MAX_FILE_BYTES:
            raw.problems.append(Problem(name, 1, "", "too_large", f"file larger than {MAX_FILE_BYTES} bytes"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raw.problems.append(Problem(name, 1, "", "encoding", f"not UTF-8 text ({error.reason})"))
            continue
        try:
            document = parse_located(text, path)
        except YamlSyntaxError as error:
            raw.problems.append(Problem(name, error.line, "", "yaml_syntax", str(error)))
            continue
        _load_document(document, name, raw)
    return raw
