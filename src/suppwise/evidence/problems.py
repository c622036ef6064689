"""A problem found in the evidence files, located to file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a curator must fix. `code` is stable for tests and tooling."""

    file: str
    line: int
    field: str
    code: str
    message: str

    def render(self) -> str:
        where = f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message} [{self.code}]"
            if self.field
            else f"{where}: {self.message} [{self.code}]"
        )

    def as_dict(self) -> dict[str, str | int]:
        return {"file": self.file, "line": self.line, "field": self.field, "code": self.code, "message": self.message}


def display_path(path: Path, root: Path) -> str:
    """Paths relative to the evidence folder read better than absolute ones."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
