"""Security headers on every response, and CSRF protection for every form.

Headers: a Content-Security-Policy that allows scripts, styles and images only from this site (no
inline script, no inline style attribute or block, so a page may carry only presentation
attributes such as `fill`), forbids framing and `<base>`, and limits forms to this site;
`nosniff`; no referrer outside the site; `X-Frame-Options` for browsers without CSP frame-ancestors;
HSTS only on a response to a request that came over HTTPS. `X-Forwarded-Proto` says so only when
the app was told it sits behind an HTTPS proxy (`behind_https`); otherwise any client could send it.

CSRF uses the double-submit pattern: a random token in an HttpOnly, SameSite=Lax cookie
(`suppwise_csrf`, Secure behind HTTPS), and the same token in the hidden `csrf_token` field every
form carries (`{{ csrf_field() }}` in a template). An unsafe request (POST, PUT, PATCH, DELETE) with
a form's content type must carry a matching token, or it is refused with 403 before any route runs.
Another site can make a browser send this site's cookie, but cannot read it, so it cannot fill in
the field. A POST with no content type at all is treated as a form too: a page on another site can
send one with `fetch(..., {mode: "no-cors"})`.

Exempt, on purpose:
  - JSON requests (`application/json`): a browser sends a cross-site request with that content type
    only after a CORS preflight, which this app never answers with permission (it has no CORS), so
    another site cannot make a browser send one. The JSON API is therefore safe without the token.
  - Requests with an `Authorization` header (API tokens): a cross-site page cannot set it without a
    preflight either, and browsers never attach it by themselves.
  - PUT, PATCH and DELETE without a form content type: HTML forms cannot send these methods, and a
    cross-site script needs a preflight for them.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Final
from urllib.parse import parse_qs

from fastapi import Request
from markupsafe import Markup
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE: Final = "suppwise_csrf"
CSRF_FIELD: Final = "csrf_token"
CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
HSTS: Final = "max-age=31536000; includeSubDomains"
UNSAFE_METHODS: Final = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES: Final = frozenset({"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"})
MAX_FORM_BYTES: Final = 2_000_000  # the largest form (a diary CSV upload) is far below this
FIXED_HEADERS: Final = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


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


def came_over_https(request: Request, *, behind_https: bool) -> bool:
    if request.url.scheme == "https":
        return True
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return behind_https and forwarded == "https"


def needs_csrf(request: Request) -> bool:
    """Whether another site could make a browser send this request with this site's cookies."""
    if request.method not in UNSAFE_METHODS or "authorization" in request.headers:
        return False
    content_type = _content_type(request)
    return content_type in FORM_TYPES or (request.method == "POST" and not content_type)


def csrf_ok(request: Request, body: bytes) -> bool:
    """The form's `csrf_token` field equals the cookie (compared in constant time)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie:
        return False
    content_type = _content_type(request)
    if content_type == "application/x-www-form-urlencoded":
        sent = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD, [""])[0]
    elif content_type == "multipart/form-data":
        sent = _multipart_field(body, request.headers.get("content-type", ""), CSRF_FIELD)
    else:
        return False
    return bool(sent) and hmac.compare_digest(sent.encode(), cookie.encode())


class SecurityMiddleware:
    """Plain ASGI (Starlette's BaseHTTPMiddleware costs several times more per request): refuses a
    form whose CSRF token does not match before the app sees it, and adds the headers on the way out."""

    def __init__(self, app: ASGIApp, *, behind_https: bool) -> None:
        self.app = app
        self.behind_https = behind_https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        https = came_over_https(request, behind_https=self.behind_https)
        if needs_csrf(request):
            body = await _read_body(receive, MAX_FORM_BYTES)
            if body is None:
                await self._refuse(scope, send, 413, https)
                return
            if not csrf_ok(request, body):
                await self._refuse(scope, send, 403, https)
                return
            receive = _replay(body)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._add_headers(message, scope, request, https)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _add_headers(self, message: Message, scope: Scope, request: Request, https: bool) -> None:
        headers = MutableHeaders(scope=message)
        if "content-security-policy" not in headers:
            headers["Content-Security-Policy"] = CSP
        headers.raw.extend(FIXED_HEADERS)
        if https:
            headers["Strict-Transport-Security"] = HSTS
        token = scope.get("state", {}).get("csrf_token")
        if token is not None and request.cookies.get(CSRF_COOKIE) != token:
            secure = "; Secure" if https or self.behind_https else ""
            headers.append("set-cookie", f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=Lax{secure}")

    async def _refuse(self, scope: Scope, send: Send, status: int, https: bool) -> None:
        from suppwise.web.pages import refusal_page  # pages needs this module: import when used

        body = refusal_page(status).encode()
        message: Message = {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())],
        }
        self._add_headers(message, scope, Request(scope), https)
        await send(message)
        await send({"type": "http.response.body", "body": body})


def _content_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None once it grows past `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _multipart_field(body: bytes, content_type: str, name: str) -> str:
    boundary = content_type.split("boundary=")[-1].split(";")[0].strip().strip('"').encode()
    if not boundary:
        return ""
    for part in body.split(b"--" + boundary):
        head, _, value = part.partition(b"\r\n\r\n")
        if f'name="{name}"'.encode() in head:
            return value.removesuffix(b"\r\n").decode("utf-8", "replace")
    return ""
