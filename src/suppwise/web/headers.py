"""Security headers on every response, and CSRF protection for every form.

Headers: a Content-Security-Policy that allows scripts and styles only from this site (no inline
script, no inline style attribute), forbids framing, and limits forms to this site; `nosniff`;
no referrer outside the site; HSTS only when the app is served over HTTPS.

CSRF uses the double-submit pattern: a random token in an HttpOnly cookie, and the same token in a
hidden `csrf_token` field of every form. A form POST whose field does not match the cookie is
refused with 403 before any route runs. Another site can make a browser send the cookie but cannot
read it, so it cannot fill in the field. JSON requests are not forms: a browser will not send a
cross-site `application/json` POST without a CORS preflight, which this app never grants, so the
JSON API relies on that (and on bearer tokens, which browsers never attach by themselves).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Final
from urllib.parse import parse_qs

from fastapi import Request, Response
from fastapi.responses import HTMLResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE: Final = "suppwise_csrf"
CSRF_FIELD: Final = "csrf_token"
CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
FORM_TYPES: Final = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")


def csrf_token(request: Request) -> str:
    """The token for this browser (made on first use; the middleware sets the cookie)."""
    token: str | None = getattr(request.state, "csrf_token", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf_token = token
    return token


class SecurityMiddleware:
    """Plain ASGI (not Starlette's BaseHTTPMiddleware, which costs several times more per request):
    checks the CSRF field of form posts before the app sees them, and adds the headers on the way out."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https
        self.fixed = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]
        if https:
            self.fixed.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if _needs_csrf(request):
            body = await _read_body(receive)
            if not _csrf_ok(request, body):
                await _refused()(scope, receive, send)
                return
            receive = _replay(body)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "content-security-policy" not in headers:
                    headers["Content-Security-Policy"] = CSP
                for name, value in self.fixed:
                    headers.raw.append((name, value))
                token = scope.get("state", {}).get("csrf_token")
                if token is not None and request.cookies.get(CSRF_COOKIE) != token:
                    secure = "; Secure" if self.https else ""
                    headers.append("set-cookie", f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=Lax{secure}")
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
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


def _needs_csrf(request: Request) -> bool:
    """A request another site could make a browser send with this site's cookies: a POST (the only
    unsafe method an HTML form has) with a form's content type or none, and no Authorization header
    (which a cross-site page cannot set without a CORS preflight)."""
    if request.method != "POST" or "authorization" in request.headers:
        return False
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return content_type in FORM_TYPES or not content_type


def _csrf_ok(request: Request, body: bytes) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie:
        return False
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        sent = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD, [""])[0]
    elif content_type.startswith("multipart/form-data"):
        sent = _multipart_field(body, content_type, CSRF_FIELD)
    else:
        return False
    return bool(sent) and hmac.compare_digest(sent.encode(), cookie.encode())


def _multipart_field(body: bytes, content_type: str, name: str) -> str:
    boundary = content_type.split("boundary=")[-1].strip().strip('"').encode()
    for part in body.split(b"--" + boundary):
        head, _, value = part.partition(b"\r\n\r\n")
        if f'name="{name}"'.encode() in head:
            return value.rstrip(b"\r\n").decode("utf-8", "replace")
    return ""


def _refused() -> Response:
    return HTMLResponse(
        "<!doctype html><html lang=en><title>Form expired</title><h1>This form has expired</h1>"
        "<p>For your safety, a form must come from this site. Go back, reload the page and send it again.</p>",
        status_code=403,
    )
