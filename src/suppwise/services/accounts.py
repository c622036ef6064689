"""What a person can do with their whole account: take all their data with them, or delete it;
and with its sign-ins: list and revoke API tokens, sign out.

The export is everything stored about them, in one JSON document they can read or load elsewhere:
the account (never the password hash), every trial with its plan and acknowledgement, every
version of every diary entry (corrections included), and every alert. Deleting the account
deletes all of that in one transaction (the database cascades from the user row).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from suppwise.storage import Database, all_entry_versions, list_alerts, list_trials
from suppwise.storage import accounts as store

EXPORT_VERSION = 1
UserRecord = store.UserRecord
TokenRecord = store.TokenRecord


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
