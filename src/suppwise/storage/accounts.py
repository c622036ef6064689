"""Accounts of the web app: users, signed-in sessions, API tokens and sign-in failures.

Like the trial repository: plain functions over a `Database`, one transaction each, frozen records
out. Secrets never reach this module in the clear: callers pass the Argon2 hash of a password and
the SHA-256 of a session or API token (`suppwise.web.auth` makes both), so the database alone is
not enough to sign in as anyone.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import bindparam, delete, func, select
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
    select(_USERS).join(_TOKENS, _TOKENS.c.user_id == _USERS.c.id).where(_TOKENS.c.id == bindparam("token_hash"))
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
    id: str
    user_id: str
    name: str
    created_at: datetime


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
    """Change the password and sign out every other browser (a changed password should lock out
    whoever knew the old one); `keep_session` is the hash of the session making the change."""
    with db.transaction(write=True) as session:
        user = session.get(User, user_id, with_for_update=True)
        if user is None:
            raise StorageError("this account no longer exists")
        user.password_hash = password_hash
        user.password_changed_at = now
        session.execute(delete(WebSession).where(WebSession.user_id == user_id, WebSession.id != (keep_session or "")))


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


def delete_expired_sessions(db: Database, *, now: datetime) -> int:
    with db.transaction(write=True) as session:
        result = session.execute(delete(WebSession).where(WebSession.expires_at <= now))
        return int(getattr(result, "rowcount", 0) or 0)


# ---------------------------------------------------------------------------------------------- tokens


def create_api_token(db: Database, *, user_id: str, token_hash: str, name: str, now: datetime) -> TokenRecord:
    if not name.strip() or len(name) > 100 or "\x00" in name:
        raise StorageError("a token name must be 1 to 100 characters")
    with db.transaction(write=True) as session:
        token = ApiToken(id=token_hash, user_id=user_id, name=name.strip(), created_at=now)
        session.add(token)
        session.flush()
        return TokenRecord(token.id, token.user_id, token.name, token.created_at)


def token_user(db: Database, *, token_hash: str) -> UserRecord | None:
    with db.connect() as connection:
        row = connection.execute(_TOKEN_USER, {"token_hash": token_hash}).first()
        return UserRecord(**row._asdict()) if row is not None else None


def list_api_tokens(db: Database, *, user_id: str) -> list[TokenRecord]:
    with db.transaction() as session:
        rows = session.scalars(select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at))
        return [TokenRecord(t.id, t.user_id, t.name, t.created_at) for t in rows]


def delete_api_token(db: Database, *, user_id: str, token_hash: str) -> bool:
    with db.transaction(write=True) as session:
        result = session.execute(delete(ApiToken).where(ApiToken.id == token_hash, ApiToken.user_id == user_id))
        return bool(getattr(result, "rowcount", 0))


# ------------------------------------------------------------------------------------ sign-in failures


def record_login_failure(db: Database, *, keys: list[str], now: datetime) -> None:
    with db.transaction(write=True) as session:
        session.add_all(LoginFailure(key=key, at=now) for key in keys)


def recent_login_failures(db: Database, *, key: str, since: datetime) -> int:
    with db.transaction() as session:
        count = session.scalar(select(func.count()).where(LoginFailure.key == key, LoginFailure.at > since))
        return int(count or 0)


def forget_login_failures(db: Database, *, keys: list[str]) -> None:
    """Clear these keys' failures (after a successful sign-in)."""
    with db.transaction(write=True) as session:
        session.execute(delete(LoginFailure).where(LoginFailure.key.in_(keys)))


def prune_login_failures(db: Database, *, before: datetime) -> None:
    """Drop failures too old to count, so the table stays small."""
    with db.transaction(write=True) as session:
        session.execute(delete(LoginFailure).where(LoginFailure.at < before))


def _user(user: User) -> UserRecord:
    return UserRecord(user.id, user.email, user.password_hash, user.created_at, user.password_changed_at)
