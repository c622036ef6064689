"""Rendering pages: one Jinja2 environment, autoescaped everywhere, so any text a person typed is
shown, never run.

Templates get `csrf_field()` (the hidden CSRF input for this browser) and `disclaimer` as globals.
`render` makes a page for one request (it may name the signed-in person and carry a CSRF token,
so it is sent `no-store`); `render_public` makes a page for everyone, which may be cached and
shared, so it has no request: `csrf_field()` refuses to run there rather than leak one person's
token into a page served to others.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Final

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from suppwise.questions.answer_model import DISCLAIMER
from suppwise.reasoning.condition_overview import DIRECTION_WORDS
from suppwise.web.csrf import csrf_input
from suppwise.web.deps import optional_user

_URL: Final = re.compile(r"""https?://[^\s<>()"']*[^\s<>()"'.,;:!?]""")


def linkify(text: str) -> Markup:
    """Text with each http(s) address made a link (resource lists name their sites); everything
    else, and the address itself, escaped."""
    parts: list[Markup] = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<a href="{0}" rel="noopener noreferrer">{0}</a>').format(match.group(0)))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def sentence(text: str) -> str:
    """An error message or hint as a sentence: capital first letter, closing full stop ("there
    is no such page" reads as "There is no such page.") without lower-casing the rest."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text[-1] in ".?!" else ".")


@pass_context
def _csrf_field(context: Context) -> Markup:
    request = context.get("request")
    if not isinstance(request, Request):
        raise RuntimeError("csrf_field() in a shared (cacheable) page: render it with render(), not render_public()")
    return csrf_input(request)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("suppwise.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["linkify"] = linkify
    env.filters["sentence"] = sentence
    env.globals["disclaimer"] = DISCLAIMER
    env.globals["direction_words"] = DIRECTION_WORDS
    env.globals["csrf_field"] = _csrf_field
    return env


def render(request: Request, template: str, *, status: Any = 200, **context: Any) -> HTMLResponse:
    """A page for this request (personal: never stored by a shared cache)."""
    if "user" in context:
        user = context.pop("user")
    elif "user" in request.scope.get("state", {}):
        user = request.state.user  # looked up already by `deps.signed_in`
    else:
        user = optional_user(request)
    body = environment().get_template(template).render(request=request, user=user, **context)
    return HTMLResponse(body, status_code=int(status), headers={"Cache-Control": "no-store"})


def render_public(template: str, **context: Any) -> str:
    """A page that is the same for everyone (answer and entity pages), safe to cache and share.
    Its header offers the personal pages without knowing who is signed in."""
    return environment().get_template(template).render(request=None, user=None, public=True, **context)


def render_error(request: Request, status: int, message: str, hint: str | None) -> HTMLResponse:
    return render(request, "error.html.j2", status=status, status_code=status, message=message, hint=hint)


def refusal_page(status: int, message: str, hint: str | None) -> str:
    """The page for a request refused before any route ran: a form without its CSRF check (403),
    a body too large (413), or an unexpected failure (500). It is the same for everyone, so it
    names nobody and carries no token."""
    if status == 403:
        return render_public("refused.html.j2", status_code=status)
    return render_public("error.html.j2", status_code=status, message=message, hint=hint)


def wants_json(path: str) -> bool:
    """API paths and JSON twins answer errors with the JSON envelope, pages with a page."""
    return path.startswith("/api/") or path.endswith(".json")


def error_envelope_bytes(code: str, message: str, hint: str | None) -> bytes:
    """The error envelope (`api_errors`) for an error that has no exception behind it."""
    return json.dumps({"error": {"code": code, "message": message, "hint": hint, "fields": []}}).encode()
