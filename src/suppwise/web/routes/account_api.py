"""The account part of the JSON API: API tokens (make, list, revoke) and the account itself.

`POST /api/v1/tokens` is the one personal route open without a token: it signs in with email and
password (throttled like the sign-in form) and answers with a new token, shown once. Tokens expire
(90 days unless asked otherwise, at most a year), are listed by their `ref` (never the token
itself) and revoked by it; changing the password revokes them all.
"""

from __future__ import annotations

import json
from datetime import datetime

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import Field

from suppwise.contract import Model
from suppwise.errors import SuppwiseError
from suppwise.services import accounts as account_service
from suppwise.services import credentials
from suppwise.web import auth
from suppwise.web.deps import ApiUser, Db, SignedInRoute, now, write_work
from suppwise.web.inputs import RequestBody

router = APIRouter(prefix="/api/v1", tags=["account"])
signed_in = APIRouter(prefix="/api/v1", tags=["account"], route_class=SignedInRoute)


class TokenNotFoundError(SuppwiseError):
    code = "not_found"


class TokenRequest(RequestBody):
    email: str = Field(max_length=254)
    password: str = Field(max_length=credentials.MAX_PASSWORD_CHARS)
    name: str = Field(default="api", min_length=1, max_length=100)
    lifetime_days: int = Field(
        default=account_service.TOKEN_LIFETIME_DAYS,
        ge=1,
        le=account_service.MAX_TOKEN_LIFETIME_DAYS,
        description="Days until the token stops working.",
    )


class TokenInfo(Model):
    """A token as listed: `ref` names it for revocation; the token itself is never shown again."""

    ref: str
    name: str
    created_at: datetime
    expires_at: datetime


class TokenOut(TokenInfo):
    token: str
    note: str = "Shown once: store it now. Send it as 'Authorization: Bearer TOKEN'."


def _info(record: account_service.TokenRecord) -> TokenInfo:
    return TokenInfo(ref=record.ref, name=record.name, created_at=record.created_at, expires_at=record.expires_at)


@router.post("/tokens", status_code=201, response_model=TokenOut)
async def create_token(body: TokenRequest, request: Request, db: Db) -> TokenOut:
    """Sign in with email and password and get an API token (attempts are throttled)."""
    user = await auth.sign_in(request, db, email=body.email, password=body.password, now=now())
    made = await auth.issue_token(request, db, user=user, name=body.name, lifetime_days=body.lifetime_days, now=now())
    return TokenOut(token=made.token, **_info(made.record).model_dump())


@signed_in.get("/tokens", response_model=list[TokenInfo])
def list_tokens(user: ApiUser, db: Db) -> list[TokenInfo]:
    """Your unexpired tokens, oldest first."""
    return [_info(t) for t in account_service.api_tokens(db, user_id=user.id, now=now())]


@signed_in.delete("/tokens/{ref}", status_code=204)
async def revoke_token(ref: str, request: Request, user: ApiUser, db: Db) -> Response:
    """Revoke one of your tokens at once (404 if you have none with this ref)."""
    if not await write_work(request, lambda: account_service.revoke_api_token(db, user_id=user.id, ref=ref)):
        raise TokenNotFoundError(f"you have no token {ref[:40]!r}", hint="GET /api/v1/tokens lists yours")
    return Response(status_code=204)


@signed_in.get("/account")
def export_account(user: ApiUser, db: Db) -> JSONResponse:
    """Everything stored about you: account, trials, every version of every entry, alerts."""
    data = account_service.export_account(db, user, now=now())
    return JSONResponse(json.loads(json.dumps(data, default=str)))


@signed_in.delete("/account", status_code=204)
async def delete_account(request: Request, user: ApiUser, db: Db) -> Response:
    """Delete your account and all its data, now and for good."""
    await write_work(request, lambda: account_service.delete_account(db, user))
    return Response(status_code=204)
