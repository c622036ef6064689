"""The exceptions suppwise raises on purpose. Shells catch `SuppwiseError` and show its message;
anything else is a bug.

    SuppwiseError
    ├── EvidenceError      the evidence files are broken (carries every located problem)
    └── QuestionError      a question cannot be understood (empty, too long, nothing recognised)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from suppwise.evidence.problems import Problem


class SuppwiseError(Exception):
    """Base of every deliberate error; `hint` tells the user what to do next."""

    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class EvidenceError(SuppwiseError):
    code = "evidence_invalid"

    def __init__(self, problems: Sequence[Problem], folder: str | None = None) -> None:
        first = problems[0].render() if problems else "unknown problem"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        target = f" {folder}" if folder else ""
        super().__init__(
            f"the evidence base has {len(problems)} problem(s): {first}{more}",
            hint=f"run `suppwise evidence validate{target}` to list them all",
        )
        self.problems = tuple(problems)


class QuestionError(SuppwiseError):
    code = "question_invalid"
