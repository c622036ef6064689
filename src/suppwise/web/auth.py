"""Signing up, signing in and changing a password in the web app, off the event loop.

The policy (limits, lifetimes, what a sign-in forgives, the messages) is the account services'
(`suppwise.services.accounts`, whose docstring states the limits); what is here is the web's own
scheduling of its steps: each database step runs in the writer queue (`deps.write_work`) and each
password hash in a slot of its own (`run_hash`), so neither a flood of sign-ups nor a slow hash
holds a worker thread that other people's requests need.

A wrong email and a wrong password get the same message and take the same time.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Final, TypeVar

from fastapi import Request

from suppwise.services import accounts as account_service
from suppwise.services import credentials
from suppwise.services.accounts import NewSession, NewToken, UserRecord
from suppwise.services.credentials import AccountError
from suppwise.services.database import Database
from suppwise.web.api_errors import BusyError
from suppwise.web.deps import quick_read, write_work
from suppwise.web.slots import Slots

T = TypeVar("T")

MAX_WAITING_HASHES: Final = 16
"""Sign-ins and sign-ups queued for a hashing slot beyond which more are refused at once (503 with
Retry-After) instead of piling up: each waits about a quarter of a second per request ahead of it."""


def client_address(request: Request) -> str:
    """The address limits are counted by (the proxy's `X-Forwarded-For` is used only when uvicorn
    was told to trust it: `suppwise serve --https` sets `proxy_headers`)."""
    return request.client.host if request.client else "unknown"


async def run_hash(request: Request, work: Callable[[], T]) -> T:
    """Run password hashing in one of `credentials.HASHES_AT_ONCE` slots; waiting happens on the
    event loop, not in a worker thread, and a queue longer than `MAX_WAITING_HASHES` is refused."""
    state = request.app.state
    slots: Slots | None = getattr(state, "hash_slots", None)
    if slots is None:
        slots = state.hash_slots = Slots(at_once=credentials.HASHES_AT_ONCE, waiting=MAX_WAITING_HASHES)
    return await slots.run(
        work, busy=lambda: BusyError("the server is busy checking passwords", hint="try again in a few seconds")
    )


async def _reserve(
    request: Request, db: Database, limits: list[account_service.AttemptLimit], attempt: str, now: datetime
) -> None:
    await write_work(request, lambda: account_service.reserve_attempt(db, limits=limits, attempt=attempt, now=now))


async def register(request: Request, db: Database, *, email: str, password: str, now: datetime) -> UserRecord:
    """A new account, signed in. An address already taken gets the same wording whatever the
    password, after the same work (the hash is made first), and counts against the sign-up limit."""
    address = credentials.checked_email(email)
    credentials.check_new_password(password, address)
    limits = account_service.sign_up_limits(client_address(request), request.app.state.signups_per_address)
    await _reserve(request, db, limits, secrets.token_hex(16), now)
    password_hash = await run_hash(request, lambda: credentials.hash_password(password))
    return await write_work(
        request, lambda: account_service.create_account(db, address=address, password_hash=password_hash, now=now)
    )


async def sign_in(request: Request, db: Database, *, email: str, password: str, now: datetime) -> UserRecord:
    """The user, or AccountError with one message for every wrong combination."""
    address = account_service.normalise_email(email)
    attempt = secrets.token_hex(16)
    limits = account_service.sign_in_limits(address, client_address(request))
    await _reserve(request, db, limits, attempt, now)
    try:
        user = await quick_read(request, lambda: account_service.user_by_email(db, address))
        stored = user.password_hash if user is not None else None
        matched = await run_hash(
            request, lambda: credentials.verify_password(stored or credentials.dummy_hash(), password)
        )
    except BusyError:
        await write_work(request, lambda: account_service.forgive_attempt(db, attempt=attempt))
        raise
    if user is None or not matched:
        raise account_service.WrongCredentialsError("wrong email address or password", field="password")
    await write_work(request, lambda: account_service.settle_sign_in(db, attempt=attempt, limits=limits, now=now))
    return user


async def start_session(request: Request, db: Database, *, user_id: str, now: datetime) -> NewSession:
    return await write_work(request, lambda: account_service.start_session(db, user_id=user_id, now=now))


async def issue_token(
    request: Request, db: Database, *, user: UserRecord, name: str, lifetime_days: int, now: datetime
) -> NewToken:
    return await write_work(
        request,
        lambda: account_service.issue_token(db, user_id=user.id, name=name, lifetime_days=lifetime_days, now=now),
    )


async def change_password(
    request: Request,
    db: Database,
    *,
    user: UserRecord,
    current: str,
    new: str,
    session_token: str | None,
    now: datetime,
) -> None:
    """Check the current password (throttled like a sign-in), then store the new one, sign out
    every other browser and revoke every API token."""
    credentials.check_new_password(new, user.email, field="new_password")
    attempt = secrets.token_hex(16)
    limits = account_service.sign_in_limits(user.email, client_address(request))
    await _reserve(request, db, limits, attempt, now)
    if not await run_hash(request, lambda: credentials.verify_password(user.password_hash, current)):
        raise AccountError("the current password is wrong", field="current_password")
    password_hash = await run_hash(request, lambda: credentials.hash_password(new))
    await write_work(
        request,
        lambda: account_service.store_new_password(
            db,
            user_id=user.id,
            password_hash=password_hash,
            attempt=attempt,
            limits=limits,
            session_token=session_token,
            now=now,
        ),
    )
