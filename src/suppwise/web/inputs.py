"""What every request body and form must satisfy before a route sees its values.

Text people send may hold only printable characters (`suppwise.printable` says which and why);
anything else is refused at the boundary with 422 naming the field, like any other invalid value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from suppwise.errors import SuppwiseError
from suppwise.printable import forbidden_character, printable


class InputError(SuppwiseError):
    """A form value that cannot be accepted (422, naming the field)."""

    code = "request_invalid"

    def __init__(self, message: str, *, field: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.field = field

    def envelope(self) -> dict[str, object]:
        return {**super().envelope(), "fields": [{"field": self.field, "message": self.message}]}


def _check(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list | tuple):
        for item in value:
            _check(item)
    return value


class RequestBody(BaseModel):
    """The base of every JSON request body: unknown keys are refused, and so is a control
    character in any text field (nested models check their own)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _check(value)


def checked_form(form: Mapping[str, Any]) -> dict[str, Any]:
    """A posted form's values, or InputError naming the first field with a control character."""
    for key, value in form.items():
        for text in value if isinstance(value, list) else [value]:
            bad = forbidden_character(str(text)) or forbidden_character(str(key))
            if bad is not None:
                raise InputError(
                    f"{key[:40]}: contains the control character {bad}, which is not allowed", field=key[:40]
                )
    return dict(form)
