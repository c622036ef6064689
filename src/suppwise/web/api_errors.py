"""One error envelope for the whole JSON API, and the HTTP status of each deliberate error.

`{"error": {"code", "message", "hint", "fields": [{"field", "message"}], ...}}`: the same envelope
the CLI prints with `--format json`, plus `fields` so a form can show each message next to its
input. FastAPI's own validation errors and HTTP errors on `/api/` paths are turned into it too
(suppwise.web.app), so a program handles one shape for every failure.

Status: a body that is not JSON at all is 400; input the person can fix is 422; a missing sign-in
or a wrong password 401; a form without its CSRF check 403; an id that is not theirs (or does not
exist) 404; a trial the safety screen blocks 409 (with the screen); a body over the route's limit
413; too many sign-in or sign-up attempts 429 (with Retry-After); a database that cannot be
reached, or too many password checks queued, 503 (busy: with Retry-After). Bad input is never a
500; an unexpected failure is, with this envelope too (`security.SecurityMiddleware`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any, Final

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from suppwise.errors import SuppwiseError

STATUS_BY_CODE: Final[dict[str, int]] = {
    "not_signed_in": 401,
    "wrong_credentials": 401,
    "trial_not_found": 404,
    "substance_not_found": 404,
    "condition_not_found": 404,
    "entity_not_found": 404,
    "not_found": 404,
    "trial_blocked": 409,
    "trial_stop_refused": 409,
    "account_exists": 409,
    "too_many_attempts": 429,
    "storage_error": 503,
    "busy": 503,
    "csrf_failed": 403,
    "request_too_large": 413,
    "internal_error": 500,
}
_LOCATION_PARTS: Final = frozenset({"body", "query", "path", "header", "cookie"})


class FieldMessage(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    """Deliberate errors may add their own keys (an evidence error's `problems`, a profile error's
    `field`, `file` and `line`, a blocked trial's `screen`)."""

    model_config = ConfigDict(extra="allow")

    code: str
    message: str
    hint: str | None = None
    fields: list[FieldMessage] = []


class ErrorEnvelope(BaseModel):
    error: ErrorBody


_ERROR_DESCRIPTIONS: Final[dict[int, str]] = {
    400: "The body is not valid JSON",
    404: "Not found (the hint names close matches)",
    422: "A field is missing or invalid (see `fields`)",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: these statuses answer with the error envelope."""
    return {status: {"model": ErrorEnvelope, "description": _ERROR_DESCRIPTIONS[status]} for status in statuses}


class BusyError(SuppwiseError):
    """Work the server does a few at a time (password hashing, drawing a PDF) has too many waiting;
    503 with Retry-After rather than a queue that grows without bound."""

    code = "busy"

    def __init__(self, message: str, *, hint: str | None = None, retry_after_seconds: int = 2) -> None:
        super().__init__(message, hint=hint)
        self.retry_after_seconds = retry_after_seconds


class EntityNotFoundError(SuppwiseError):
    """No substance, condition or other entity with this id (404, with close matches as the hint)."""

    code = "entity_not_found"


def entity_not_found(
    entity_id: str, known_ids: Iterable[str], *, what: str = "entity", browse: str
) -> EntityNotFoundError:
    """The error for an unknown id, naming up to three close ids as the hint."""
    shown = entity_id[:80]
    close = difflib.get_close_matches(shown.lower(), list(known_ids), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? Otherwise {browse}" if close else browse
    return EntityNotFoundError(f"there is no {what} {shown!r} in the evidence base", hint=hint)


def field_errors(error: SuppwiseError) -> list[dict[str, str]]:
    """The field a deliberate error names (diary, profile, account and plan errors carry one)."""
    field = getattr(error, "field", None)
    return [{"field": str(field), "message": error.message}] if field else []


def error_body(error: SuppwiseError, *, field: str | None = None) -> dict[str, Any]:
    """The envelope of a deliberate error; `field` names the request field it came from when the
    error itself cannot know (a question is just text to the parser, but `q` to the API)."""
    envelope = error.envelope()
    envelope["fields"] = [{"field": field, "message": error.message}] if field else field_errors(error)
    return {"error": envelope}


def retry_after_header(error: SuppwiseError) -> dict[str, str]:
    """`Retry-After` for an error that says when to try again (throttled, busy)."""
    seconds = getattr(error, "retry_after_seconds", None)
    return {"Retry-After": str(seconds)} if seconds is not None else {}


def error_response(error: SuppwiseError, *, field: str | None = None) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.code == "not_signed_in" else {}
    headers.update(retry_after_header(error))
    return JSONResponse(
        error_body(error, field=field), status_code=STATUS_BY_CODE.get(error.code, 422), headers=headers or None
    )


def validation_fields(errors: Sequence[Any]) -> list[dict[str, str]]:
    """FastAPI's validation errors as `{field, message}`: `("body", "age")` becomes `age`,
    `("body", "conditions", 2)` becomes `conditions.2`."""
    fields = []
    for error in errors:
        location = [str(p) for p in error.get("loc", ()) if p not in _LOCATION_PARTS]
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        fields.append({"field": ".".join(location) or "body", "message": message})
    return fields


def validation_response(error: RequestValidationError) -> JSONResponse:
    """422 for a missing or invalid field, 400 when the body is not JSON at all."""
    errors = error.errors()
    unreadable = any(e.get("type") == "json_invalid" for e in errors)
    fields = [] if unreadable else validation_fields(errors)
    if unreadable:
        message, hint = "the request body is not valid JSON", "send a JSON object with Content-Type: application/json"
    else:
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields) or "the request is not valid"
        hint = "see /docs for each field's type and range"
    body = {"error": {"code": "request_invalid", "message": message, "hint": hint, "fields": fields}}
    return JSONResponse(body, status_code=400 if unreadable else 422)


def http_error_response(status: int, detail: str | None, headers: dict[str, str] | None = None) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed"}.get(status, "http_error")
    message = detail or "error"
    if status == 404 and message == "Not Found":
        message, hint = "there is no such API address", "see /docs for every operation"
    else:
        hint = None
    body: dict[str, Any] = {"error": {"code": code, "message": message, "hint": hint, "fields": []}}
    return JSONResponse(body, status_code=status, headers=headers)


def use_error_envelope(schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI schema with FastAPI's default 422 body (`HTTPValidationError`, which this app
    never sends) replaced by the error envelope, in every operation."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    for methods in schema.get("paths", {}).values():
        for operation in methods.values():
            response = operation.get("responses", {}).get("422")
            if response is None:
                continue
            content = response.setdefault("content", {}).setdefault("application/json", {})
            if "HTTPValidationError" in str(content.get("schema", {})):
                response["description"] = "A field is missing or invalid (see `fields`)"
                content["schema"] = {"$ref": "#/components/schemas/ErrorEnvelope"}
    return schema
