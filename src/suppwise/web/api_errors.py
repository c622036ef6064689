"""One error envelope for the whole JSON API, and the HTTP status of each deliberate error.

`{"error": {"code", "message", "hint", "fields": [{"field", "message"}], ...}}`: the same envelope
the CLI prints with `--format json`, plus `fields` so a form can show each message next to its
input. Input the person can fix is 422; a missing sign-in or a wrong password 401; an id that is
not theirs (or does not exist) 404; a trial the safety screen blocks 409 (with the screen); too
many sign-in attempts 429; a database that cannot be reached 503.
"""

from __future__ import annotations

from typing import Any, Final

from fastapi.responses import JSONResponse

from suppwise.errors import SuppwiseError

STATUS_BY_CODE: Final[dict[str, int]] = {
    "not_signed_in": 401,
    "wrong_credentials": 401,
    "trial_not_found": 404,
    "substance_not_found": 404,
    "entity_not_found": 404,
    "trial_blocked": 409,
    "account_exists": 409,
    "too_many_attempts": 429,
    "storage_error": 503,
}


def field_errors(error: SuppwiseError) -> list[dict[str, str]]:
    """The field a deliberate error names (diary, profile, account and plan errors carry one)."""
    field = getattr(error, "field", None)
    return [{"field": str(field), "message": error.message}] if field else []


def error_body(error: SuppwiseError) -> dict[str, Any]:
    envelope = error.envelope()
    envelope["fields"] = field_errors(error)
    return {"error": envelope}


def error_response(error: SuppwiseError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.code == "not_signed_in" else None
    return JSONResponse(error_body(error), status_code=STATUS_BY_CODE.get(error.code, 422), headers=headers)
