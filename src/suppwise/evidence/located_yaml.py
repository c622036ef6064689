"""YAML parsing that remembers where every value came from.

A curator fixing a broken file needs "glutamine-safety.yaml:42 findings[3].effect", not a bare
Pydantic message. PyYAML's node tree knows each node's line; we walk it once alongside the
constructed data and keep a map from data path to line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PathKey = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (about ten times faster); the pure-Python one
# otherwise. Both give nodes with line marks.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(ValueError):
    """The file is not valid YAML; carries the 1-based line of the first problem."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class LocatedDocument:
    """Parsed data plus the line (1-based) at which each path starts."""

    path: Path
    data: Any
    lines: dict[PathKey, int]

    def line_of(self, key: PathKey) -> int:
        """The line of the longest known prefix of `key` (a missing field is reported at its parent)."""
        for end in range(len(key), -1, -1):
            found = self.lines.get(tuple(key[:end]))
            if found is not None:
                return found
        return 1


def line_map(node: yaml.Node) -> dict[PathKey, int]:
    """The 1-based line at which each data path of a composed document starts."""
    lines: dict[PathKey, int] = {}
    _walk(node, (), lines)
    return lines


def _walk(node: yaml.Node, prefix: PathKey, lines: dict[PathKey, int]) -> None:
    lines.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            child = (*prefix, key)
            lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*prefix, index), lines)


def parse_located(text: str, path: Path, *, loader_cls: type[yaml.SafeLoader] = _Loader) -> LocatedDocument:
    """Parse one YAML document; raise YamlSyntaxError with the line of the first error.

    `loader_cls` exists so benchmarks can compare parsers on this very code."""
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        line = min(mark.line + 1, max(1, last_line)) if mark is not None else 1
        raise YamlSyntaxError(f"{error.problem or error}", line) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 1) from error
    finally:
        loader.dispose()
    return LocatedDocument(path=path, data=data, lines=line_map(node) if node is not None else {})
