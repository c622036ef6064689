"""Secrets of the web app's accounts: passwords (Argon2id), session and API tokens, and what makes
an email address or a new password acceptable.

Only hashes are stored: the password's Argon2id hash, and the SHA-256 of each random session or
API token (a token has 256 bits of entropy, so a fast hash is enough; a password does not, so it
gets the slow one). Nothing here touches the database or the request: the account services
(`suppwise.services.accounts`) and the web app's sign-in flows (`suppwise.web.auth`, which runs the
hashing off the event loop) call these.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from functools import lru_cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from suppwise.errors import SuppwiseError
from suppwise.storage import accounts as store

MIN_PASSWORD_CHARS: Final = 10
MAX_PASSWORD_CHARS: Final = 1024
_EMAIL: Final = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")

HASHES_AT_ONCE: Final = 1
"""Argon2 hashes that run at the same time. Each holds 64 MiB and, with RFC 9106's four lanes, can
keep both cores of a small server busy for a quarter of a second; one at a time leaves the other
core to everyone else's requests (a flood of sign-ups had taken unrelated requests from 8 ms to
2.2 s with four at once). Web sign-ins wait for a slot as coroutines (`web.auth.run_hash`), not threads."""
_HASHING: Final = threading.BoundedSemaphore(HASHES_AT_ONCE)


class AccountError(SuppwiseError):
    """A sign-up, sign-in or password change that cannot go ahead; names the form field."""

    code = "account_invalid"

    def __init__(self, message: str, *, hint: str | None = None, field: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.field = field

    def envelope(self) -> dict[str, object]:
        return {**super().envelope(), "fields": [{"field": self.field, "message": self.message}] if self.field else []}


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2-cffi's defaults: Argon2id, RFC 9106's low-memory profile


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash to check a password against when the email has no account, so that a wrong email
    takes as long as a wrong password."""
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


def check_new_password(password: str, email: str, *, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(
            f"the password needs at least {MIN_PASSWORD_CHARS} characters",
            hint="a few unrelated words make a long password that is easy to remember",
            field=field,
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"the password can have at most {MAX_PASSWORD_CHARS} characters", field=field)
    if password.strip().lower() == email.strip().lower():
        raise AccountError("the password cannot be your email address", field=field)
