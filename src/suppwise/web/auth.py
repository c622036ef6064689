"""Signing up, signing in and changing a password, with throttling, off the event loop.

Each flow is a coroutine that runs its database steps in the writer queue (`deps.write_work`) and
its password hashing in a slot of its own (`run_hash`), so neither a flood of sign-ups nor a slow
hash holds a worker thread that other people's requests need.

Throttling slows guessing down rather than locking anyone out (docs/security.md). Each sign-in is
recorded as a failure *before* its password is checked, in the same transaction that checks the
limits, and forgiven if the password was right: fifty guesses sent at once cannot all pass the
check before any is counted. Three limits apply together, each counting only its own failures:

    account + address   5 free in a day, then 1 s, 2 s, 4 s ... between tries, up to 15 minutes
    account             10 free in a day (from anywhere), then doubling up to 1 minute
    address             20 free in a day (to any account), then doubling up to 30 seconds

A successful sign-in forgives only its own account-and-address failures: it does not reset the
address's count (guess 19 times, sign in to your own account, guess again) nor the account's. No
limit waits longer than its cap, so whoever floods someone else's account slows its owner down by
at most a minute. Sign-ups are limited per address too (`SUPPWISE_SIGNUPS_PER_ADDRESS`, 5 in a day by
default, then doubling up to 15 minutes), which also slows down finding out which addresses have
accounts.

A wrong email and a wrong password get the same message and take the same time.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, TypeVar

from fastapi import Request

from suppwise.storage import Database
from suppwise.storage import accounts as store
from suppwise.web import credentials
from suppwise.web.api_errors import BusyError
from suppwise.web.credentials import AccountError
from suppwise.web.deps import quick_read, write_work
from suppwise.web.slots import Slots

T = TypeVar("T")

SESSION_LIFETIME: Final = timedelta(days=14)
TOKEN_LIFETIME_DAYS: Final = 90
MAX_TOKEN_LIFETIME_DAYS: Final = 365
ATTEMPT_MEMORY: Final = timedelta(days=1)
MAX_WAITING_HASHES: Final = 16
"""Sign-ins and sign-ups queued for a hashing slot beyond which more are refused at once (503 with
Retry-After) instead of piling up: each waits about a quarter of a second per request ahead of it."""


class TooManyAttemptsError(AccountError):
    code = "too_many_attempts"

    def __init__(self, message: str, *, retry_after: timedelta, hint: str | None = None, field: str | None = None):
        super().__init__(message, hint=hint, field=field)
        self.retry_after = retry_after

    @property
    def retry_after_seconds(self) -> int:
        return max(1, math.ceil(self.retry_after.total_seconds()))


class WrongCredentialsError(AccountError):
    code = "wrong_credentials"


def sign_in_limits(address: str, client: str) -> list[store.AttemptLimit]:
    return [
        store.AttemptLimit(f"pair:{address}|{client}", free=5, cap=timedelta(minutes=15), window=ATTEMPT_MEMORY),
        store.AttemptLimit(f"account:{address}", free=10, cap=timedelta(minutes=1), window=ATTEMPT_MEMORY),
        store.AttemptLimit(f"client:{client}", free=20, cap=timedelta(seconds=30), window=ATTEMPT_MEMORY),
    ]


def sign_up_limits(client: str, free: int) -> list[store.AttemptLimit]:
    return [store.AttemptLimit(f"signup:{client}", free=free, cap=timedelta(minutes=15), window=ATTEMPT_MEMORY)]


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
    request: Request, db: Database, limits: list[store.AttemptLimit], attempt: str, now: datetime
) -> None:
    wait = await write_work(request, lambda: store.reserve_attempt(db, limits=limits, attempt=attempt, now=now))
    if wait > timedelta(0):
        raise TooManyAttemptsError(
            f"too many attempts; try again in {_duration(max(1, math.ceil(wait.total_seconds())))}",
            retry_after=wait,
            hint="if you have forgotten the password, this version cannot reset it: ask the site's operator",
            field="password",
        )


def _duration(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minutes"


async def register(request: Request, db: Database, *, email: str, password: str, now: datetime) -> store.UserRecord:
    """A new account, signed in. An address already taken gets the same wording whatever the
    password, after the same work (the hash is made first), and counts against the sign-up limit."""
    address = credentials.checked_email(email)
    credentials.check_new_password(password, address)
    limits = sign_up_limits(client_address(request), request.app.state.signups_per_address)
    await _reserve(request, db, limits, secrets.token_hex(16), now)
    password_hash = await run_hash(request, lambda: credentials.hash_password(password))
    try:
        return await write_work(
            request, lambda: store.create_user(db, email=address, password_hash=password_hash, now=now)
        )
    except store.AccountExistsError as error:
        raise AccountError(
            "an account cannot be made with this email address",
            hint="if it is yours, sign in instead; otherwise use another address",
            field="email",
        ) from error


async def sign_in(request: Request, db: Database, *, email: str, password: str, now: datetime) -> store.UserRecord:
    """The user, or AccountError with one message for every wrong combination."""
    address = store.normalise_email(email)
    attempt = secrets.token_hex(16)
    limits = sign_in_limits(address, client_address(request))
    await _reserve(request, db, limits, attempt, now)
    try:
        user = await quick_read(request, lambda: store.user_by_email(db, address))
        stored = user.password_hash if user is not None else None
        matched = await run_hash(
            request, lambda: credentials.verify_password(stored or credentials.dummy_hash(), password)
        )
    except BusyError:
        await write_work(request, lambda: store.forgive_attempt(db, attempt=attempt))
        raise
    if user is None or not matched:
        raise WrongCredentialsError("wrong email address or password", field="password")

    def settle() -> None:
        store.forgive_attempt(db, attempt=attempt, forget_keys=[limits[0].key])
        store.prune_attempts(db, before=now - ATTEMPT_MEMORY)
        store.delete_expired(db, now=now)

    await write_work(request, settle)
    return user


@dataclass(frozen=True)
class NewSession:
    token: str
    expires_at: datetime


async def start_session(request: Request, db: Database, *, user_id: str, now: datetime) -> NewSession:
    token = credentials.new_token()
    expires = now + SESSION_LIFETIME
    await write_work(
        request,
        lambda: store.create_session(
            db, user_id=user_id, token_hash=credentials.token_hash(token), now=now, expires_at=expires
        ),
    )
    return NewSession(token, expires)


@dataclass(frozen=True)
class NewToken:
    token: str
    record: store.TokenRecord


async def issue_token(
    request: Request, db: Database, *, user: store.UserRecord, name: str, lifetime_days: int, now: datetime
) -> NewToken:
    token = credentials.new_token()
    expires = now + timedelta(days=lifetime_days)
    record = await write_work(
        request,
        lambda: store.create_api_token(
            db, user_id=user.id, token_hash=credentials.token_hash(token), name=name, now=now, expires_at=expires
        ),
    )
    return NewToken(token, record)


async def change_password(
    request: Request,
    db: Database,
    *,
    user: store.UserRecord,
    current: str,
    new: str,
    session_token: str | None,
    now: datetime,
) -> None:
    """Check the current password (throttled like a sign-in), then store the new one, sign out
    every other browser and revoke every API token."""
    credentials.check_new_password(new, user.email, field="new_password")
    attempt = secrets.token_hex(16)
    limits = sign_in_limits(user.email, client_address(request))
    await _reserve(request, db, limits, attempt, now)
    if not await run_hash(request, lambda: credentials.verify_password(user.password_hash, current)):
        raise AccountError("the current password is wrong", field="current_password")
    password_hash = await run_hash(request, lambda: credentials.hash_password(new))
    keep = credentials.token_hash(session_token) if session_token else None

    def store_it() -> None:
        store.forgive_attempt(db, attempt=attempt, forget_keys=[limits[0].key])
        store.set_password_hash(db, user_id=user.id, password_hash=password_hash, now=now, keep_session=keep)

    await write_work(request, store_it)
