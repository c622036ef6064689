"""Accounts for the web app: passwords (Argon2id), session and API tokens, and sign-in rate limits.

Only hashes are stored: the password's Argon2id hash, and the SHA-256 of each random session or
API token (a token has 256 bits of entropy, so a fast hash is enough; a password does not, so it
gets the slow one). Sign-in failures are counted in the database, per account and per client
address, so every worker process sees the same count; after `MAX_FAILURES_PER_ACCOUNT` in
`FAILURE_WINDOW` further attempts are refused without checking the password. A wrong email and a
wrong password get the same message and take the same time, so the form does not reveal who has
an account.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from suppwise.errors import SuppwiseError
from suppwise.storage import Database
from suppwise.storage import accounts as store

SESSION_COOKIE: Final = "suppwise_session"
SESSION_LIFETIME: Final = timedelta(days=14)
MIN_PASSWORD_CHARS: Final = 10
MAX_PASSWORD_CHARS: Final = 1024
FAILURE_WINDOW: Final = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT: Final = 5
MAX_FAILURES_PER_CLIENT: Final = 20
_EMAIL: Final = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")


class AccountError(SuppwiseError):
    """A sign-up, sign-in or password change that cannot go ahead; names the form field."""

    code = "account_invalid"

    def __init__(self, message: str, *, hint: str | None = None, field: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.field = field

    def envelope(self) -> dict[str, object]:
        return {**super().envelope(), "fields": [{"field": self.field, "message": self.message}] if self.field else []}


class TooManyAttemptsError(AccountError):
    code = "too_many_attempts"


class WrongCredentialsError(AccountError):
    code = "wrong_credentials"


HASHES_AT_ONCE: Final = 4
"""Each Argon2 hash holds 64 MiB while it runs. Sign-ins run in a pool of 40 threads, so without a
bound 40 at once would take 2.5 GiB (the web benchmark's 50 simultaneous sign-ups pushed the server
past 2 GiB). Four at a time keep it at 256 MiB, and are as fast on a few cores: hashing is CPU work."""
_HASHING: Final = threading.BoundedSemaphore(HASHES_AT_ONCE)


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2-cffi's defaults: Argon2id, RFC 9106's low-memory profile


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    with _HASHING:
        return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        with _HASHING:
            return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def checked_email(email: str) -> str:
    address = store.normalise_email(email)
    if not _EMAIL.match(address) or len(address) > store.MAX_EMAIL_CHARS:
        raise AccountError("this is not an email address", hint="write it as name@example.org", field="email")
    return address


def check_new_password(password: str, email: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(
            f"the password needs at least {MIN_PASSWORD_CHARS} characters",
            hint="a few unrelated words make a long password that is easy to remember",
            field="password",
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"the password can have at most {MAX_PASSWORD_CHARS} characters", field="password")
    if password.strip().lower() == email.strip().lower():
        raise AccountError("the password cannot be your email address", field="password")


def register(db: Database, *, email: str, password: str, now: datetime) -> store.UserRecord:
    address = checked_email(email)
    check_new_password(password, address)
    try:
        return store.create_user(db, email=address, password_hash=hash_password(password), now=now)
    except store.AccountExistsError as error:
        raise AccountError(
            "an account with this email address already exists", hint="sign in instead", field="email"
        ) from error


def sign_in(db: Database, *, email: str, password: str, client: str, now: datetime) -> store.UserRecord:
    """The user, or AccountError with one message for every wrong combination."""
    address = store.normalise_email(email)
    keys = [f"account:{address}", f"client:{client}"]
    since = now - FAILURE_WINDOW
    if (
        store.recent_login_failures(db, key=keys[0], since=since) >= MAX_FAILURES_PER_ACCOUNT
        or store.recent_login_failures(db, key=keys[1], since=since) >= MAX_FAILURES_PER_CLIENT
    ):
        raise TooManyAttemptsError(
            "too many failed sign-ins; wait 15 minutes and try again",
            hint="if you have forgotten the password, this version cannot reset it: ask the site's operator",
            field="password",
        )
    user = store.user_by_email(db, address)
    matched = verify_password(user.password_hash if user else _dummy_hash(), password)
    if user is None or not matched:
        store.record_login_failure(db, keys=keys, now=now)
        raise WrongCredentialsError("wrong email address or password", field="password")
    store.forget_login_failures(db, keys=keys)
    store.prune_login_failures(db, before=since)
    return user


@dataclass(frozen=True)
class NewSession:
    token: str
    expires_at: datetime


def start_session(db: Database, *, user_id: str, now: datetime) -> NewSession:
    token = new_token()
    expires = now + SESSION_LIFETIME
    store.create_session(db, user_id=user_id, token_hash=token_hash(token), now=now, expires_at=expires)
    return NewSession(token, expires)


def change_password(
    db: Database, *, user: store.UserRecord, current: str, new: str, session_token: str | None, now: datetime
) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError("the current password is wrong", field="current_password")
    check_new_password(new, user.email)
    store.set_password_hash(
        db,
        user_id=user.id,
        password_hash=hash_password(new),
        now=now,
        keep_session=token_hash(session_token) if session_token else None,
    )
