"""Account pages: register, sign in, sign out, change password, API tokens, export all data,
delete the account.

The session cookie is HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
form posts) and Secure when the app runs behind HTTPS. Forms are CSRF-protected by the middleware
(`suppwise.web.security`). Signing up and in run as coroutines (`auth`): their database writes
queue with every other write, and their password hashing waits for a slot of its own.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from suppwise.printable import printable
from suppwise.services import accounts as account_service
from suppwise.services import credentials
from suppwise.services.database import Database
from suppwise.web import auth
from suppwise.web.deps import SESSION_COOKIE, Db, User, now, signed_in, write_work
from suppwise.web.views.pages import render

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=credentials.MAX_PASSWORD_CHARS), AfterValidator(printable)]


async def _signed_in(request: Request, user: User, db: Database, target: str = "/trials") -> Response:
    session = await auth.start_session(request, db, user_id=user.id, now=now())
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=int(account_service.SESSION_LIFETIME.total_seconds()),
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


def _refused(request: Request, action: str, email: str, error: credentials.AccountError) -> Response:
    """The form again with what went wrong (and when to try again, if throttled)."""
    throttled = isinstance(error, account_service.TooManyAttemptsError)
    status = 429 if throttled else 401 if isinstance(error, account_service.WrongCredentialsError) else 422
    page = _form(request, action, user=None, email=email, error=error.message, error_field=error.field, status=status)
    if isinstance(error, account_service.TooManyAttemptsError):
        page.headers["Retry-After"] = str(error.retry_after_seconds)
    return page


@router.get("/register")
async def register_form(request: Request) -> Response:
    return _form(request, "/register", user=await signed_in(request))


@router.post("/register")
async def register(request: Request, db: Db, email: Text, password: Text) -> Response:
    try:
        user = await auth.register(request, db, email=email, password=password, now=now())
    except credentials.AccountError as error:
        return _refused(request, "/register", email, error)
    return await _signed_in(request, user, db)


@router.get("/login")
async def login_form(request: Request) -> Response:
    return _form(request, "/login", user=await signed_in(request))


@router.post("/login")
async def login(request: Request, db: Db, email: Text, password: Text) -> Response:
    try:
        user = await auth.sign_in(request, db, email=email, password=password, now=now())
    except credentials.AccountError as error:
        return _refused(request, "/login", email, error)
    return await _signed_in(request, user, db)


@router.post("/logout")
async def logout(request: Request, db: Db) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await write_work(request, lambda: account_service.sign_out(db, token_hash=credentials.token_hash(token)))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _account_page(
    request: Request, db: Database, user: User, *, status: int = 200, **context: object
) -> Response:
    tokens = account_service.api_tokens(db, user_id=user.id, now=now())
    return render(request, "account.html.j2", status=status, user=user, tokens=tokens, **context)


@router.get("/account")
async def account(request: Request, db: Db) -> Response:
    user = await signed_in(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    return await run_in_threadpool(_account_page, request, db, user)


@router.post("/account/password")
async def change_password(request: Request, db: Db, current_password: Text, new_password: Text) -> Response:
    user = await signed_in(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    try:
        await auth.change_password(
            request,
            db,
            user=user,
            current=current_password,
            new=new_password,
            session_token=request.cookies.get(SESSION_COOKIE),
            now=now(),
        )
    except credentials.AccountError as error:
        status = 429 if isinstance(error, account_service.TooManyAttemptsError) else 422
        return await run_in_threadpool(_account_page, request, db, user, status=status, error=error.message)
    notice = "Password changed. Other browsers are signed out and every API token is revoked."
    return await run_in_threadpool(_account_page, request, db, user, notice=notice)


@router.post("/account/tokens/{ref}/revoke")
async def revoke_token(ref: str, request: Request, db: Db) -> Response:
    user = await signed_in(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    revoked = await write_work(request, lambda: account_service.revoke_api_token(db, user_id=user.id, ref=ref))
    notice = "Token revoked: it no longer works." if revoked else "There is no such token (it may have expired)."
    return await run_in_threadpool(_account_page, request, db, user, notice=notice)


@router.get("/account/export")
async def export(request: Request, db: Db) -> Response:
    user = await signed_in(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    data = await run_in_threadpool(account_service.export_account, db, user, now=now())
    return Response(
        json.dumps(data, indent=2, default=str, ensure_ascii=False),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="suppwise-my-data.json"'},
    )


@router.post("/account/delete")
async def delete(request: Request, db: Db, confirm: Annotated[str, Form(max_length=20)] = "") -> Response:
    user = await signed_in(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    if confirm.strip() != "DELETE":
        error = "Type DELETE to confirm deletion."
        return await run_in_threadpool(_account_page, request, db, user, status=422, error=error)
    await write_work(request, lambda: account_service.delete_account(db, user))
    response = RedirectResponse("/register", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
