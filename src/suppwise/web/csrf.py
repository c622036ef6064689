"""CSRF protection for every form: the double-submit pattern.

A random token in an HttpOnly, SameSite=Lax cookie (`suppwise_csrf`, Secure behind HTTPS), and the
same token in the hidden `csrf_token` field every form carries (`{{ csrf_field() }}` in a
template). An unsafe request (POST, PUT, PATCH, DELETE) with a form's content type must carry a
matching token, or `security.SecurityMiddleware` refuses it with 403 before any route runs.
Another site can make a browser send this site's cookie, but cannot read it, so it cannot fill in
the field. A POST with no content type at all is treated as a form too: a page on another site can
send one with `fetch(..., {mode: "no-cors"})`.

Exempt, on purpose:
  - JSON requests (`application/json`): a browser sends a cross-site request with that content type
    only after a CORS preflight, which this app never answers with permission (it has no CORS), so
    another site cannot make a browser send one. The JSON API is therefore safe without the token.
  - PUT, PATCH and DELETE without a form content type: HTML forms cannot send these methods, and a
    cross-site script needs a preflight for them.
  - A form request carrying a *valid* `Authorization: Bearer` API token (checked by the middleware
    before it lets the request through): such a request acts as the token's owner, never as the
    cookie's (`deps.optional_user`), and no browser attaches the header by itself. Any other
    `Authorization` header — Basic, an unknown or expired token — does not replace the check.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Final
from urllib.parse import parse_qs

from fastapi import Request
from markupsafe import Markup

CSRF_COOKIE: Final = "suppwise_csrf"
CSRF_FIELD: Final = "csrf_token"
UNSAFE_METHODS: Final = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES: Final = frozenset({"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"})


def csrf_token(request: Request) -> str:
    """This browser's token: the cookie's, or a new one (the middleware then sets the cookie)."""
    token: str | None = getattr(request.state, "csrf_token", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf_token = token
    return token


def csrf_input(request: Request) -> Markup:
    """The hidden form field carrying the token (what `{{ csrf_field() }}` writes)."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, csrf_token(request))


def content_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def needs_csrf(request: Request) -> bool:
    """Whether another site could make a browser send this request with this site's cookies (a
    valid bearer token may still stand in for the token: the middleware checks that)."""
    if request.method not in UNSAFE_METHODS:
        return False
    kind = content_type(request)
    return kind in FORM_TYPES or (request.method == "POST" and not kind)


def csrf_ok(request: Request, body: bytes) -> bool:
    """The form's `csrf_token` field equals the cookie (compared in constant time)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie:
        return False
    kind = content_type(request)
    if kind == "application/x-www-form-urlencoded":
        sent = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD, [""])[0]
    elif kind == "multipart/form-data":
        sent = _multipart_field(body, request.headers.get("content-type", ""), CSRF_FIELD)
    else:
        return False
    return bool(sent) and hmac.compare_digest(sent.encode(), cookie.encode())


def _multipart_field(body: bytes, header: str, name: str) -> str:
    boundary = header.split("boundary=")[-1].split(";")[0].strip().strip('"').encode()
    if not boundary:
        return ""
    for part in body.split(b"--" + boundary):
        head, _, value = part.partition(b"\r\n\r\n")
        if f'name="{name}"'.encode() in head:
            return value.removesuffix(b"\r\n").decode("utf-8", "replace")
    return ""
