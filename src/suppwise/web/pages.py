"""Rendering pages: one Jinja2 environment with the layout's needs (who is signed in, the CSRF
field), autoescaped everywhere, so any text a person typed is shown, never run."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from suppwise.questions.answer_model import DISCLAIMER
from suppwise.trials.calendar import format_amount
from suppwise.web.deps import optional_user
from suppwise.web.headers import CSRF_FIELD, csrf_token


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("suppwise.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["amount"] = format_amount
    env.globals["disclaimer"] = DISCLAIMER
    return env


def render(request: Request, template: str, *, status: Any = 200, **context: Any) -> HTMLResponse:
    token = csrf_token(request)
    field = Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, token)
    user = context.pop("user", None) or optional_user(request)
    body = environment().get_template(template).render(request=request, user=user, csrf_field=field, **context)
    return HTMLResponse(body, status_code=int(status), headers={"Cache-Control": "no-store"})


def render_error(request: Request, status: int, message: str, hint: str | None) -> HTMLResponse:
    return render(request, "error.html.j2", status=status, status_code=status, message=message, hint=hint)
