"""Account pages: register, sign in, sign out, change password, export all data, delete the account.

The session cookie is HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
form posts) and Secure when the app runs behind HTTPS. Forms are CSRF-protected by the middleware
(`suppwise.web.security`).
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from suppwise import account_service
from suppwise.storage import Database
from suppwise.storage import accounts as store
from suppwise.web import auth
from suppwise.web.deps import Db, now, optional_user
from suppwise.web.pages import render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=auth.MAX_PASSWORD_CHARS)]


def page_user(request: Request) -> store.UserRecord | None:
    return optional_user(request)


def _signed_in(request: Request, user: store.UserRecord, db: Database, target: str = "/trials") -> Response:
    session = auth.start_session(db, user_id=user.id, now=now())
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        auth.SESSION_COOKIE,
        session.token,
        max_age=int(auth.SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=bool(request.app.state.https),
        path="/",
    )
    return response


def _form(request: Request, action: str, **context: object) -> Response:
    heading, button = ("Create an account", "Create account") if action == "/register" else ("Sign in", "Sign in")
    status = int(str(context.pop("status", 200)))
    return render(
        request, "account_form.html.j2", status=status, action=action, heading=heading, button=button, **context
    )


@router.get("/register")
def register_form(request: Request) -> Response:
    return _form(request, "/register")


@router.post("/register")
def register(request: Request, db: Db, email: Text, password: Text) -> Response:
    try:
        user = auth.register(db, email=email, password=password, now=now())
    except auth.AccountError as error:
        return _form(request, "/register", email=email, error=error.message, error_field=error.field, status=422)
    return _signed_in(request, user, db)


@router.get("/login")
def login_form(request: Request) -> Response:
    return _form(request, "/login")


@router.post("/login")
def login(request: Request, db: Db, email: Text, password: Text) -> Response:
    client = request.client.host if request.client else "unknown"
    try:
        user = auth.sign_in(db, email=email, password=password, client=client, now=now())
    except auth.AccountError as error:
        status = 429 if isinstance(error, auth.TooManyAttemptsError) else 401
        return _form(request, "/login", email=email, error=error.message, error_field=error.field, status=status)
    return _signed_in(request, user, db)


@router.post("/logout")
def logout(request: Request, db: Db) -> Response:
    token = request.cookies.get(auth.SESSION_COOKIE)
    if token:
        store.delete_session(db, token_hash=auth.token_hash(token))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


def _required(request: Request) -> store.UserRecord | Response:
    user = page_user(request)
    return user if user is not None else RedirectResponse("/login", status_code=303)


@router.get("/account")
def account(request: Request) -> Response:
    user = _required(request)
    if isinstance(user, Response):
        return user
    return render(request, "account.html.j2", user=user)


@router.post("/account/password")
def change_password(request: Request, db: Db, current_password: Text, new_password: Text) -> Response:
    user = _required(request)
    if isinstance(user, Response):
        return user
    try:
        auth.change_password(
            db,
            user=user,
            current=current_password,
            new=new_password,
            session_token=request.cookies.get(auth.SESSION_COOKIE),
            now=now(),
        )
    except auth.AccountError as error:
        return render(request, "account.html.j2", status=422, user=user, error=error.message)
    return render(request, "account.html.j2", user=user, notice="Password changed. Other browsers are signed out.")


@router.get("/account/export")
def export(request: Request, db: Db) -> Response:
    user = _required(request)
    if isinstance(user, Response):
        return user
    data = account_service.export_account(db, user, now=now())
    return Response(
        json.dumps(data, indent=2, default=str, ensure_ascii=False),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="suppwise-my-data.json"', "Cache-Control": "no-store"},
    )


@router.post("/account/delete")
def delete(request: Request, db: Db, confirm: Annotated[str, Form(max_length=20)] = "") -> Response:
    user = _required(request)
    if isinstance(user, Response):
        return user
    if confirm.strip() != "DELETE":
        return render(request, "account.html.j2", status=422, user=user, error="Type DELETE to confirm deletion.")
    account_service.delete_account(db, user)
    response = RedirectResponse("/register", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response
