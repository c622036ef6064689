"""What every request passes through: a body limit, the CSRF check, security headers, and an
error answer that keeps both even when a route fails.

Headers: a Content-Security-Policy that allows scripts, styles and images only from this site (no
inline script, no inline style attribute or block, so a page may carry only presentation
attributes such as `fill`), forbids framing and `<base>`, and limits forms to this site;
`nosniff`; no referrer outside the site; `X-Frame-Options` for browsers without CSP frame-ancestors;
HSTS only on a response to a request that came over HTTPS. `X-Forwarded-Proto` says so only when
the app was told it sits behind an HTTPS proxy (`behind_https`); otherwise any client could send it.
Every personal address (trials, account, tokens) is sent `Cache-Control: no-store`, so neither a
shared cache nor the browser's keeps a report, a diary or an export.

Bodies: each route has a limit (`body_limits`); a larger body is refused with 413 before any of it
is parsed. CSRF: see `csrf`. A route that fails unexpectedly still answers with the error
envelope (API paths) or an error page, with every header, and nothing of the failure's detail.
"""

from __future__ import annotations

from typing import Final

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from suppwise.web.body_limits import body_limit
from suppwise.web.csrf import CSRF_COOKIE, UNSAFE_METHODS, csrf_ok, needs_csrf
from suppwise.web.deps import bearer_token, token_owner
from suppwise.web.views.pages import error_envelope_bytes, refusal_page, wants_json

CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
HSTS: Final = "max-age=31536000; includeSubDomains"
FIXED_HEADERS: Final = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
PERSONAL_PREFIXES: Final = ("/trials", "/account", "/api/v1/trials", "/api/v1/account", "/api/v1/tokens")


def came_over_https(request: Request, *, behind_https: bool) -> bool:
    # The scope's scheme, not `request.url`: building the URL object cost 3% of a diary write.
    if request.scope.get("scheme") == "https":
        return True
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return behind_https and forwarded == "https"


def is_personal(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PERSONAL_PREFIXES)


class SecurityMiddleware:
    """Plain ASGI (Starlette's BaseHTTPMiddleware costs several times more per request): refuses an
    oversized body or a form without its CSRF token before the app sees it, adds the headers on the
    way out, and turns an unexpected failure into a proper error answer."""

    def __init__(self, app: ASGIApp, *, behind_https: bool) -> None:
        self.app = app
        self.behind_https = behind_https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        https = came_over_https(request, behind_https=self.behind_https)
        if request.method in UNSAFE_METHODS:
            limit = body_limit(request.method, scope["path"])
            declared = request.headers.get("content-length")
            if declared is not None and not declared.strip().isdigit():
                await self._refuse(
                    scope, send, https, 400, "request_invalid", "the Content-Length header is not a number"
                )
                return
            too_long = declared is not None and (len(declared.strip()) > 18 or int(declared) > limit)
            body = None if too_long else await _read_body(receive, limit)
            if body is None:
                await self._refuse(
                    scope,
                    send,
                    https,
                    413,
                    "request_too_large",
                    f"the request body is larger than this address accepts ({limit:,} bytes)",
                    "send less at once",
                )
                return
            if needs_csrf(request) and not csrf_ok(request, body) and not await _valid_bearer(request):
                await self._refuse(scope, send, https, 403, "csrf_failed", "the form did not carry its CSRF check")
                return
            receive = _replay(body, receive)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                self._add_headers(message, scope, request, https)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            await self._refuse(
                scope,
                send,
                https,
                500,
                "internal_error",
                "something went wrong on our side",
                "try again in a moment; if it keeps happening, tell the site's operator",
            )
            raise  # the server logs it; the person has had their answer

    def _add_headers(self, message: Message, scope: Scope, request: Request, https: bool) -> None:
        headers = MutableHeaders(scope=message)
        if "content-security-policy" not in headers:
            headers["Content-Security-Policy"] = CSP
        headers.raw.extend(FIXED_HEADERS)
        if https:
            headers["Strict-Transport-Security"] = HSTS
        if is_personal(scope["path"]):
            headers["Cache-Control"] = "no-store"
        token = scope.get("state", {}).get("csrf_token")
        if token is not None and request.cookies.get(CSRF_COOKIE) != token:
            secure = "; Secure" if https or self.behind_https else ""
            headers.append("set-cookie", f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=Lax{secure}")

    async def _refuse(
        self, scope: Scope, send: Send, https: bool, status: int, code: str, message: str, hint: str | None = None
    ) -> None:
        if wants_json(scope["path"]):
            body, kind = error_envelope_bytes(code, message, hint), b"application/json"
        else:
            body, kind = refusal_page(status, message, hint).encode(), b"text/html; charset=utf-8"
        start: Message = {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
        self._add_headers(start, scope, Request(scope), https)
        if status == 413:
            MutableHeaders(scope=start)["Connection"] = "close"
        await send(start)
        await send({"type": "http.response.body", "body": body})


async def _valid_bearer(request: Request) -> bool:
    """The request carries an unexpired API token (which may stand in for the CSRF token)."""
    token = bearer_token(request.headers.get("authorization", ""))
    return token is not None and await token_owner(request, token) is not None


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None once it grows past `limit` bytes (nothing more is read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, then whatever the connection says next (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
