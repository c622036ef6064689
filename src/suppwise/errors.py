"""The exceptions suppwise raises on purpose. Shells catch `SuppwiseError` and show its message;
anything else is a bug.

    SuppwiseError
    ├── EvidenceError      the evidence files are broken (carries every located problem)
    ├── QuestionError      a question cannot be understood (empty, too long, nothing recognised)
    ├── ProfileError       a person's profile or intended dose is invalid (names the field and line)
    ├── NotFoundError      a named substance is not in the evidence base (with close matches)
    ├── DiaryError         a diary entry or CSV row is invalid (names row and field)
    ├── TrialDataError     numbers handed to the trial analysis are malformed
    ├── TrialBlockedError  the safety screen stops a trial from starting
    ├── TrialPlanError     a trial plan is invalid (services/trials.py; names the field)
    ├── OutcomeKeyError    an unknown outcome name
    ├── OutcomeSpecError   a custom outcome described incompletely or inconsistently (names the flag)
    ├── PoolingError       a pool cannot be formed (too few people, malformed inputs)
    ├── AccountError       a sign-up, sign-in or password change cannot go ahead (web/auth.py)
    └── StorageError       the trial database cannot be opened or refused a read or write (a value
        │                  out of range, an unreachable server)
        ├── TrialNotFoundError  no such trial for this person (another person's reads the same)
        └── AccountExistsError  the email address already has an account (storage/accounts.py)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from suppwise.evidence.problems import Problem
    from suppwise.safety.screen_model import Screen


class SuppwiseError(Exception):
    """Base of every deliberate error; `hint` tells the user what to do next."""

    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def envelope(self) -> dict[str, object]:
        """The body of the JSON error envelope `{"error": ...}` that every shell prints."""
        return {"code": self.code, "message": self.message, "hint": self.hint}

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle every attribute (hint, row, field, ...): an error raised on a Dask worker reaches
        the client whole (docs/pooling.md). Exception's own pickling calls the class again with
        `args` alone, which drops keyword-only attributes such as the hint."""
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type[SuppwiseError], args: tuple[Any, ...], state: dict[str, Any]) -> SuppwiseError:
    error = cls.__new__(cls, *args)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


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

    def envelope(self) -> dict[str, object]:
        return {**super().envelope(), "problems": [p.as_dict() for p in self.problems]}


class QuestionError(SuppwiseError):
    code = "question_invalid"


class ProfileError(SuppwiseError):
    """A profile field or file that cannot be used. `field` is the dotted field name
    (`medications.2`, `dose`); `file` and `line` are set when it came from a profile file."""

    code = "profile_invalid"

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        field: str | None = None,
        file: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.field = field
        self.file = file
        self.line = line

    def located(self, *, file: str, line: int, field: str | None = None) -> ProfileError:
        """The same error, placed in a profile file."""
        where = f"{file}:{line}: "
        return ProfileError(where + self.message, hint=self.hint, field=field or self.field, file=file, line=line)

    def envelope(self) -> dict[str, object]:
        return {**super().envelope(), "field": self.field, "file": self.file, "line": self.line}


class NotFoundError(SuppwiseError):
    code = "substance_not_found"


class ConditionNotFoundError(NotFoundError):
    """A condition the evidence base does not know (a trial's condition, for one)."""

    code = "condition_not_found"


class StorageError(SuppwiseError):
    """The trial database cannot be opened, or refused a read or write; the message names the trial,
    row or field, and the hint says what to do (often: check `SUPPWISE_DATABASE_URL` or `--db`)."""

    code = "storage_error"


class TrialStopRefusedError(SuppwiseError):
    """A stop the trial's rules refuse (`suppwise.trials.stopping`): the trial was stopped already,
    or has not started yet."""

    code = "trial_stop_refused"


class TrialNotFoundError(StorageError):
    """No trial with this id belongs to the asker (another person's trial reads the same)."""

    code = "trial_not_found"


class DiaryError(SuppwiseError):
    """A diary entry or file that cannot be stored; names the row (for files) and the field."""

    code = "diary_invalid"

    def __init__(self, message: str, *, hint: str | None = None, row: int | None = None, field: str | None = None):
        super().__init__(message, hint=hint)
        self.row = row
        self.field = field

    def envelope(self) -> dict[str, object]:
        return {**super().envelope(), "row": self.row, "field": self.field}


class TrialBlockedError(SuppwiseError):
    """The screen says `avoid` (or the acknowledgement a caution needs is missing)."""

    code = "trial_blocked"

    def __init__(self, message: str, *, hint: str | None = None, screen: Screen | None = None) -> None:
        super().__init__(message, hint=hint)
        self.screen = screen

    def envelope(self) -> dict[str, object]:
        envelope = super().envelope()
        if self.screen is not None:
            envelope["screen"] = self.screen.model_dump(mode="json")
        return envelope


class OutcomeKeyError(SuppwiseError):
    code = "outcome_unknown"


class OutcomeSpecError(SuppwiseError):
    """A custom outcome described incompletely or inconsistently (names the flag)."""

    code = "outcome_spec_invalid"


class PoolingError(SuppwiseError):
    """A pool cannot be formed (too few people, or malformed inputs)."""

    code = "pool_invalid"


class TrialDataError(SuppwiseError, ValueError):
    """The diary arrays cannot be analysed as given (mismatched lengths, repeated or fractional
    days, scores outside the scale). Names the first offending position."""

    code = "trial_data_invalid"
