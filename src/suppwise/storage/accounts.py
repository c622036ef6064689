"""Accounts of the web app: users, signed-in sessions, API tokens and sign-in failures.

Like the trial repository: plain functions over a `Database`, one transaction each, frozen records
out. Secrets never reach this module in the clear: callers pass the Argon2 hash of a password and
the SHA-256 of a session or API token (`suppwise.services.accounts` makes both), so the database alone is
not enough to sign in as anyone.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import bindparam, delete, select, text
from sqlalchemy.exc import IntegrityError

from suppwise.errors import StorageError
from suppwise.storage.db import Database
from suppwise.storage.tables import ApiToken, LoginFailure, User, WebSession, metadata

MAX_EMAIL_CHARS: Final = 254

# Who is signed in is looked up on every personal request: built once, run without the ORM.
_USERS: Final = metadata.tables[User.__tablename__]
_SESSIONS: Final = metadata.tables[WebSession.__tablename__]
_TOKENS: Final = metadata.tables[ApiToken.__tablename__]
_SESSION_USER: Final = (
    select(_USERS)
    .join(_SESSIONS, _SESSIONS.c.user_id == _USERS.c.id)
    .where(_SESSIONS.c.id == bindparam("token_hash"), _SESSIONS.c.expires_at > bindparam("now"))
)
_TOKEN_USER: Final = (
    select(_USERS)
    .join(_TOKENS, _TOKENS.c.user_id == _USERS.c.id)
    .where(_TOKENS.c.id == bindparam("token_hash"), _TOKENS.c.expires_at > bindparam("now"))
)


class AccountExistsError(StorageError):
    code = "account_exists"


@dataclass(frozen=True)
class UserRecord:
    id: str
    email: str
    password_hash: str
    created_at: datetime
    password_changed_at: datetime


@dataclass(frozen=True)
class TokenRecord:
    """An API token as listed: `ref` names it (the full hash stays in the database)."""

    ref: str
    user_id: str
    name: str
    created_at: datetime
    expires_at: datetime


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(db: Database, *, email: str, password_hash: str, now: datetime) -> UserRecord:
    """A new account; `AccountExistsError` when the address is taken (in any letter case)."""
    address = normalise_email(email)
    if not address or len(address) > MAX_EMAIL_CHARS or "\x00" in address:
        raise StorageError(f"{email[:80]!r} is not an email address that can be stored")
    try:
        with db.transaction(write=True) as session:
            if session.scalar(select(User.id).where(User.email == address)) is not None:
                raise AccountExistsError("an account with this email address already exists")
            user = User(
                id=f"u-{secrets.token_hex(8)}",
                email=address,
                password_hash=password_hash,
                created_at=now,
                password_changed_at=now,
            )
            session.add(user)
            session.flush()
            return _user(user)
    except StorageError as error:
        if isinstance(error.__cause__, IntegrityError):  # two sign-ups racing for one address
            raise AccountExistsError("an account with this email address already exists") from error
        raise


def user_by_email(db: Database, email: str) -> UserRecord | None:
    with db.transaction() as session:
        user = session.scalars(select(User).where(User.email == normalise_email(email))).one_or_none()
        return _user(user) if user is not None else None


def user_by_id(db: Database, user_id: str) -> UserRecord | None:
    with db.transaction() as session:
        user = session.get(User, user_id)
        return _user(user) if user is not None else None


def set_password_hash(
    db: Database, *, user_id: str, password_hash: str, now: datetime, keep_session: str | None
) -> None:
    """Change the password, sign out every other browser and revoke every API token (a changed
    password should lock out whoever knew the old one, and a token is as good as the password);
    `keep_session` is the hash of the session making the change."""
    with db.transaction(write=True) as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise StorageError("this account no longer exists")
        user.password_hash = password_hash
        user.password_changed_at = now
        session.execute(delete(WebSession).where(WebSession.user_id == user_id, WebSession.id != (keep_session or "")))
        session.execute(delete(ApiToken).where(ApiToken.user_id == user_id))


def delete_user(db: Database, *, user_id: str) -> None:
    """Delete the account with its trials, entries, alerts, sessions and tokens (the database cascades)."""
    with db.transaction(write=True) as session:
        session.execute(delete(User).where(User.id == user_id))


# -------------------------------------------------------------------------------------------- sessions


def create_session(db: Database, *, user_id: str, token_hash: str, now: datetime, expires_at: datetime) -> None:
    with db.transaction(write=True) as session:
        session.add(WebSession(id=token_hash, user_id=user_id, created_at=now, expires_at=expires_at))


def session_user(db: Database, *, token_hash: str, now: datetime) -> UserRecord | None:
    """The user a session token belongs to, or None when it is unknown or expired."""
    with db.connect() as connection:
        row = connection.execute(_SESSION_USER, {"token_hash": token_hash, "now": now}).first()
        return UserRecord(**row._asdict()) if row is not None else None


def delete_session(db: Database, *, token_hash: str) -> None:
    with db.transaction(write=True) as session:
        session.execute(delete(WebSession).where(WebSession.id == token_hash))


def delete_expired(db: Database, *, now: datetime) -> int:
    """Delete expired sessions and API tokens (run after each sign-in, so none lingers for long);
    how many went."""
    with db.transaction(write=True) as session:
        gone = session.execute(delete(WebSession).where(WebSession.expires_at <= now))
        tokens = session.execute(delete(ApiToken).where(ApiToken.expires_at <= now))
        return int(getattr(gone, "rowcount", 0) or 0) + int(getattr(tokens, "rowcount", 0) or 0)


# ---------------------------------------------------------------------------------------------- tokens

TOKEN_REF_CHARS: Final = 16


def create_api_token(
    db: Database, *, user_id: str, token_hash: str, name: str, now: datetime, expires_at: datetime
) -> TokenRecord:
    if not name.strip() or len(name) > 100 or "\x00" in name:
        raise StorageError("a token name must be 1 to 100 characters")
    if expires_at <= now:
        raise StorageError("a token must expire after it is made")
    with db.transaction(write=True) as session:
        token = ApiToken(
            id=token_hash,
            user_id=user_id,
            name=name.strip(),
            created_at=now,
            expires_at=expires_at,
            ref=token_hash[:TOKEN_REF_CHARS],
        )
        session.add(token)
        session.flush()
        return _token(token)


def token_user(db: Database, *, token_hash: str, now: datetime) -> UserRecord | None:
    """The user an unexpired API token belongs to, or None."""
    with db.connect() as connection:
        row = connection.execute(_TOKEN_USER, {"token_hash": token_hash, "now": now}).first()
        return UserRecord(**row._asdict()) if row is not None else None


def list_api_tokens(db: Database, *, user_id: str, now: datetime) -> list[TokenRecord]:
    """The user's unexpired tokens, oldest first."""
    with db.transaction() as session:
        query = select(ApiToken).where(ApiToken.user_id == user_id, ApiToken.expires_at > now)
        return [_token(t) for t in session.scalars(query.order_by(ApiToken.created_at, ApiToken.name, ApiToken.ref))]


def revoke_api_token(db: Database, *, user_id: str, ref: str) -> bool:
    """Delete the user's token named `ref`; False when the user has no such token."""
    with db.transaction(write=True) as session:
        result = session.execute(delete(ApiToken).where(ApiToken.ref == ref, ApiToken.user_id == user_id))
        return bool(getattr(result, "rowcount", 0))


def _token(token: ApiToken) -> TokenRecord:
    return TokenRecord(token.ref, token.user_id, token.name, token.created_at, token.expires_at)


# ------------------------------------------------------------------------------------------- throttling


@dataclass(frozen=True)
class AttemptLimit:
    """How quickly one kind of attempt may be repeated under one key: the first `free` attempts
    in `window` go through at once; after that each must wait twice as long as the one before
    (1 s, 2 s, 4 s, ...), up to `cap`, counted from the latest. Slowing down rather than locking
    out: whoever else tries the same key waits at most `cap`, never a lock-out."""

    key: str
    free: int
    cap: timedelta
    window: timedelta

    def wait(self, attempts: Sequence[datetime], now: datetime) -> timedelta:
        """How long from `now` until the next attempt may go ahead (zero: now)."""
        recent = sorted(at for at in attempts if at > now - self.window)
        if len(recent) < self.free:
            return timedelta(0)
        excess = min(len(recent) - self.free, 40)  # 2**40 s is past any cap; keeps the number small
        delay = min(timedelta(seconds=2**excess), self.cap)
        return max(recent[-1] + delay - now, timedelta(0))


def reserve_attempt(db: Database, *, limits: Sequence[AttemptLimit], attempt: str, now: datetime) -> timedelta:
    """Check and count an attempt in one step: if every limit lets it go ahead, record it under
    each key (as a failure until `forgive_attempt` says otherwise) and return zero; otherwise
    record nothing and return how long to wait. Atomic per key, so that fifty guesses sent at
    once cannot all be checked before any is counted: SQLite runs one write transaction at a
    time, and PostgreSQL takes a transaction-level advisory lock on each key (in a fixed order, so
    two attempts never wait for each other)."""
    keys = sorted({limit.key for limit in limits})
    longest = max((limit.window for limit in limits), default=timedelta(0))
    with db.transaction(write=True) as session:
        if db.backend == "postgresql":
            for key in keys:
                session.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _lock_id(key)})
        rows = session.execute(
            select(LoginFailure.key, LoginFailure.at).where(LoginFailure.key.in_(keys), LoginFailure.at > now - longest)
        ).all()
        seen: dict[str, list[datetime]] = {key: [] for key in keys}
        for key, at in rows:
            seen[key].append(at)
        wait = max((limit.wait(seen[limit.key], now) for limit in limits), default=timedelta(0))
        if wait > timedelta(0):
            return wait
        session.add_all(LoginFailure(key=key, at=now, attempt=attempt) for key in keys)
        return timedelta(0)


def forgive_attempt(db: Database, *, attempt: str, forget_keys: Sequence[str] = ()) -> None:
    """An attempt that succeeded is not a failure: remove its rows, and every earlier failure under
    `forget_keys` (this account from this address, which has just proved it knows the password).
    The account's and the address's own counts keep every other failure."""
    with db.transaction(write=True) as session:
        session.execute(delete(LoginFailure).where(LoginFailure.attempt == attempt))
        if forget_keys:
            session.execute(delete(LoginFailure).where(LoginFailure.key.in_(list(forget_keys))))


def prune_attempts(db: Database, *, before: datetime) -> None:
    """Drop attempts too old to count, so the table stays small."""
    with db.transaction(write=True) as session:
        session.execute(delete(LoginFailure).where(LoginFailure.at < before))


def _lock_id(key: str) -> int:
    """A signed 64-bit advisory lock number for a throttle key."""
    return int.from_bytes(hashlib.sha256(b"suppwise-throttle:" + key.encode()).digest()[:8], "big", signed=True)


def _user(user: User) -> UserRecord:
    return UserRecord(user.id, user.email, user.password_hash, user.created_at, user.password_changed_at)
