"""What a person can do with their account: sign up, sign in (throttled), keep sessions and API
tokens, change the password; take all their data with them, or delete it.

The policy lives here, once: the sign-in and sign-up limits and their messages, how long a session
and a token last, what a sign-in forgives. Each function is one synchronous step on the database;
the web app (`suppwise.web.auth`) runs the steps in order, the database writes in its writer queue
and the password hashing (`services.credentials`) in a slot of its own, off the event loop.

Throttling slows guessing down rather than locking anyone out (docs/security.md). Each sign-in is
recorded as a failure *before* its password is checked, in the same transaction that checks the
limits (`reserve_attempt`), and forgiven if the password was right: fifty guesses sent at once
cannot all pass the check before any is counted. Three limits apply together, each counting only
its own failures:

    account + address   5 free in a day, then 1 s, 2 s, 4 s ... between tries, up to 15 minutes
    account             10 free in a day (from anywhere), then doubling up to 1 minute
    address             20 free in a day (to any account), then doubling up to 30 seconds

A successful sign-in forgives only its own account-and-address failures: it does not reset the
address's count (guess 19 times, sign in to your own account, guess again) nor the account's. No
limit waits longer than its cap, so whoever floods someone else's account slows its owner down by
at most a minute. Sign-ups are limited per address too (`SUPPWISE_SIGNUPS_PER_ADDRESS`, 5 in a day
by default, then doubling up to 15 minutes), which also slows down finding out which addresses have
accounts. A wrong email and a wrong password get the same message and take the same time.

The export is everything stored about them, in one JSON document they can read or load elsewhere:
the account (never the password hash), every trial with its plan and acknowledgement, every
version of every diary entry (corrections included), and every alert. Deleting the account
deletes all of that in one transaction (the database cascades from the user row).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from suppwise.services import credentials
from suppwise.services.credentials import AccountError
from suppwise.storage import Database, all_entry_versions, list_alerts, list_trials
from suppwise.storage import accounts as store
from suppwise.storage.async_lookups import DEFAULT_SIZE as LOOKUP_CONNECTIONS
from suppwise.storage.async_lookups import AsyncLookups

EXPORT_VERSION = 1
UserRecord = store.UserRecord
TokenRecord = store.TokenRecord
AttemptLimit = store.AttemptLimit
normalise_email = store.normalise_email

SESSION_LIFETIME: Final = timedelta(days=14)
TOKEN_LIFETIME_DAYS: Final = 90
MAX_TOKEN_LIFETIME_DAYS: Final = 365
ATTEMPT_MEMORY: Final = timedelta(days=1)

__all__ = [
    "ATTEMPT_MEMORY",
    "EXPORT_VERSION",
    "MAX_TOKEN_LIFETIME_DAYS",
    "SESSION_LIFETIME",
    "TOKEN_LIFETIME_DAYS",
    "AccountError",
    "AsyncLookups",
    "AttemptLimit",
    "NewSession",
    "NewToken",
    "TokenRecord",
    "TooManyAttemptsError",
    "UserRecord",
    "WrongCredentialsError",
]


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


# ------------------------------------------------------------------------------------------- throttling


def sign_in_limits(address: str, client: str) -> list[AttemptLimit]:
    return [
        AttemptLimit(f"pair:{address}|{client}", free=5, cap=timedelta(minutes=15), window=ATTEMPT_MEMORY),
        AttemptLimit(f"account:{address}", free=10, cap=timedelta(minutes=1), window=ATTEMPT_MEMORY),
        AttemptLimit(f"client:{client}", free=20, cap=timedelta(seconds=30), window=ATTEMPT_MEMORY),
    ]


def sign_up_limits(client: str, free: int) -> list[AttemptLimit]:
    return [AttemptLimit(f"signup:{client}", free=free, cap=timedelta(minutes=15), window=ATTEMPT_MEMORY)]


def reserve_attempt(db: Database, *, limits: list[AttemptLimit], attempt: str, now: datetime) -> None:
    """Count `attempt` against every limit, or raise `TooManyAttemptsError` saying how long to wait
    (and count nothing)."""
    wait = store.reserve_attempt(db, limits=limits, attempt=attempt, now=now)
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


def forgive_attempt(db: Database, *, attempt: str) -> None:
    """An attempt that never reached the password check (the server was busy) is not a failure."""
    store.forgive_attempt(db, attempt=attempt)


# ---------------------------------------------------------------------------------- sign-up and sign-in


def create_account(db: Database, *, address: str, password_hash: str, now: datetime) -> UserRecord:
    """A new account for a checked address (`credentials.checked_email`). An address already taken
    gets the same wording whatever the password."""
    try:
        return store.create_user(db, email=address, password_hash=password_hash, now=now)
    except store.AccountExistsError as error:
        raise AccountError(
            "an account cannot be made with this email address",
            hint="if it is yours, sign in instead; otherwise use another address",
            field="email",
        ) from error


def user_by_email(db: Database, address: str) -> UserRecord | None:
    return store.user_by_email(db, address)


def settle_sign_in(db: Database, *, attempt: str, limits: list[AttemptLimit], now: datetime) -> None:
    """After a right password: forgive this attempt and the account-and-address failures before it
    (`limits[0]`, not the account's or the address's own), and drop what is too old to count."""
    store.forgive_attempt(db, attempt=attempt, forget_keys=[limits[0].key])
    store.prune_attempts(db, before=now - ATTEMPT_MEMORY)
    store.delete_expired(db, now=now)


@dataclass(frozen=True)
class NewSession:
    token: str
    expires_at: datetime


def start_session(db: Database, *, user_id: str, now: datetime) -> NewSession:
    """A new browser session; only the token's hash is stored."""
    token = credentials.new_token()
    expires = now + SESSION_LIFETIME
    store.create_session(db, user_id=user_id, token_hash=credentials.token_hash(token), now=now, expires_at=expires)
    return NewSession(token, expires)


@dataclass(frozen=True)
class NewToken:
    token: str
    record: TokenRecord


def issue_token(db: Database, *, user_id: str, name: str, lifetime_days: int, now: datetime) -> NewToken:
    """A new API token (shown once); only its hash is stored."""
    token = credentials.new_token()
    expires = now + timedelta(days=lifetime_days)
    record = store.create_api_token(
        db, user_id=user_id, token_hash=credentials.token_hash(token), name=name, now=now, expires_at=expires
    )
    return NewToken(token, record)


def store_new_password(
    db: Database,
    *,
    user_id: str,
    password_hash: str,
    attempt: str,
    limits: list[AttemptLimit],
    session_token: str | None,
    now: datetime,
) -> None:
    """After the current password was checked: forgive the attempt, store the new hash, sign out
    every other browser (all but `session_token`'s) and revoke every API token."""
    keep = credentials.token_hash(session_token) if session_token else None
    store.forgive_attempt(db, attempt=attempt, forget_keys=[limits[0].key])
    store.set_password_hash(db, user_id=user_id, password_hash=password_hash, now=now, keep_session=keep)


# ------------------------------------------------------------------------------------ who is signed in


def session_user(db: Database, *, token_hash: str, now: datetime) -> UserRecord | None:
    return store.session_user(db, token_hash=token_hash, now=now)


def token_user(db: Database, *, token_hash: str, now: datetime) -> UserRecord | None:
    return store.token_user(db, token_hash=token_hash, now=now)


def async_lookups(db: Database, *, pool_size: int) -> AsyncLookups | None:
    """Who is signed in, looked up from the event loop (PostgreSQL; a storage detail), or None on
    SQLite, which is read in place."""
    if db.backend != "postgresql":
        return None
    return AsyncLookups(db, size=min(LOOKUP_CONNECTIONS, pool_size))


def api_tokens(db: Database, *, user_id: str, now: datetime) -> list[TokenRecord]:
    """The person's API tokens that have not expired (never the secret, only its reference)."""
    return store.list_api_tokens(db, user_id=user_id, now=now)


def revoke_api_token(db: Database, *, user_id: str, ref: str) -> bool:
    """Revoke one of the person's own tokens; False when they have none with this reference."""
    return store.revoke_api_token(db, user_id=user_id, ref=ref)


def sign_out(db: Database, *, token_hash: str) -> None:
    """End the session whose token hashes to `token_hash` (signing out on one device only)."""
    store.delete_session(db, token_hash=token_hash)


def export_account(db: Database, user: store.UserRecord, *, now: datetime) -> dict[str, Any]:
    trials = []
    for trial in list_trials(db, owner=user.id):
        record = asdict(trial)
        record.pop("owner_id")
        trials.append(
            {
                **record,
                "entries": [
                    {k: v for k, v in asdict(e).items() if k not in ("id", "trial_id")}
                    for e in all_entry_versions(db, trial_id=trial.id, owner=user.id)
                ],
                "alerts": [
                    {k: v for k, v in asdict(a).items() if k not in ("id", "trial_id")}
                    for a in list_alerts(db, trial_id=trial.id, owner=user.id)
                ],
            }
        )
    return {
        "export_version": EXPORT_VERSION,
        "exported_at": now,
        "account": {"email": user.email, "created_at": user.created_at},
        "trials": trials,
    }


def delete_account(db: Database, user: store.UserRecord) -> None:
    store.delete_user(db, user_id=user.id)
