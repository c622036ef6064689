"""Accounts and ownership in the database, on both backends: one person can never reach another's
trial by id, deleting an account deletes everything it owns, sessions expire and a new password
signs out other browsers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from suppwise.errors import StorageError
from suppwise.storage import Database, NewAlert, create_trial, list_trials, repository
from suppwise.storage import accounts as acc
from suppwise.storage.tables import Alert, ApiToken, Entry, Trial, WebSession

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
DAY = date(2026, 11, 1)


def user(db: Database, email: str) -> acc.UserRecord:
    return acc.create_user(db, email=email, password_hash="argon2-hash-of-something", now=NOW)


def owned_trial(db: Database, owner: str | None) -> str:
    return create_trial(db, substance="glutamine", outcomes=["pain"], plan={}, start_date=DAY, owner=owner).id


def test_an_email_is_one_account_whatever_its_case(db: Database) -> None:
    first = user(db, "Ann@Example.org")
    assert first.email == "ann@example.org"
    with pytest.raises(acc.AccountExistsError):
        user(db, " ANN@example.ORG ")
    assert acc.user_by_email(db, "ann@EXAMPLE.org") == first
    assert acc.user_by_email(db, "bob@example.org") is None


BY_ID: list[tuple[str, Callable[[Database, str, str | None], Any]]] = [
    ("get_trial", lambda db, t, o: repository.get_trial(db, trial_id=t, owner=o)),
    ("set_status", lambda db, t, o: repository.set_status(db, trial_id=t, status="stopped", owner=o)),
    ("delete_trial", lambda db, t, o: repository.delete_trial(db, trial_id=t, owner=o)),
    (
        "save_entry",
        lambda db, t, o: repository.save_entry(db, trial_id=t, day=DAY, values={"pain": 1}, source="web", owner=o),
    ),
    (
        "save_entries",
        lambda db, t, o: repository.save_entries(db, trial_id=t, rows=[(DAY, {"pain": 1})], source="web", owner=o),
    ),
    ("current_entries", lambda db, t, o: repository.current_entries(db, trial_id=t, owner=o)),
    ("entry_history", lambda db, t, o: repository.entry_history(db, trial_id=t, day=DAY, owner=o)),
    (
        "save_alerts",
        lambda db, t, o: repository.save_alerts(db, trial_id=t, alerts=[NewAlert(DAY, "r", "info", "m")], owner=o),
    ),
    ("list_alerts", lambda db, t, o: repository.list_alerts(db, trial_id=t, owner=o)),
]


@pytest.mark.parametrize(("name", "call"), BY_ID, ids=[name for name, _ in BY_ID])
def test_another_persons_trial_is_not_found_by_any_function(
    db: Database, name: str, call: Callable[[Database, str, str | None], Any]
) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    ann_trial = owned_trial(db, ann.id)
    repository.save_entry(db, trial_id=ann_trial, day=DAY, values={"pain": 7}, source="web", owner=ann.id)
    for intruder in (bob.id, None):  # another account, or the CLI's owner-less view
        with pytest.raises(StorageError, match="no trial"):
            call(db, ann_trial, intruder)
    (entry,) = repository.current_entries(db, trial_id=ann_trial, owner=ann.id)
    assert entry.pain == 7  # nothing of Ann's changed
    assert repository.get_trial(db, trial_id=ann_trial, owner=ann.id).status == "planned"


def test_each_list_shows_only_its_owners_trials(db: Database) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    a, b, local = owned_trial(db, ann.id), owned_trial(db, bob.id), owned_trial(db, None)
    assert [t.id for t in list_trials(db, owner=ann.id)] == [a]
    assert [t.id for t in list_trials(db, owner=bob.id)] == [b]
    assert [t.id for t in list_trials(db)] == [local]


def test_deleting_an_account_deletes_everything_it_owns(db: Database) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    trial_id = owned_trial(db, ann.id)
    repository.save_entry(db, trial_id=trial_id, day=DAY, values={"pain": 3}, source="web", owner=ann.id)
    repository.save_alerts(db, trial_id=trial_id, alerts=[NewAlert(DAY, "r", "info", "m")], owner=ann.id)
    acc.create_session(db, user_id=ann.id, token_hash="a" * 64, now=NOW, expires_at=NOW + timedelta(days=1))
    acc.create_api_token(db, user_id=ann.id, token_hash="b" * 64, name="phone", now=NOW)
    bob_trial = owned_trial(db, bob.id)
    acc.delete_user(db, user_id=ann.id)
    assert acc.user_by_id(db, ann.id) is None
    with db.transaction() as session:
        for table in (Trial, Entry, Alert, WebSession, ApiToken):
            assert session.scalar(select(func.count()).select_from(table).where(_owned(table, ann.id))) == 0
    assert [t.id for t in list_trials(db, owner=bob.id)] == [bob_trial]


def _owned(table: type, user_id: str) -> Any:
    if table is Trial:
        return Trial.owner_id == user_id
    if table in (Entry, Alert):
        return table.trial_id.in_(select(Trial.id).where(Trial.owner_id == user_id))  # type: ignore[attr-defined]
    return table.user_id == user_id  # type: ignore[attr-defined]


def test_sessions_expire_and_a_new_password_signs_out_other_browsers(db: Database) -> None:
    ann = user(db, "ann@example.org")
    here, there = "c" * 64, "d" * 64
    for token in (here, there):
        acc.create_session(db, user_id=ann.id, token_hash=token, now=NOW, expires_at=NOW + timedelta(hours=1))
    assert acc.session_user(db, token_hash=here, now=NOW) == ann
    assert acc.session_user(db, token_hash=here, now=NOW + timedelta(hours=2)) is None
    acc.set_password_hash(db, user_id=ann.id, password_hash="new-hash", now=NOW, keep_session=here)
    assert acc.session_user(db, token_hash=there, now=NOW) is None
    kept = acc.session_user(db, token_hash=here, now=NOW)
    assert kept is not None and kept.password_hash == "new-hash"
    acc.delete_session(db, token_hash=here)
    assert acc.session_user(db, token_hash=here, now=NOW) is None


def test_api_tokens_belong_to_their_user(db: Database) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    acc.create_api_token(db, user_id=ann.id, token_hash="e" * 64, name="script", now=NOW)
    assert acc.token_user(db, token_hash="e" * 64) == ann
    assert not acc.delete_api_token(db, user_id=bob.id, token_hash="e" * 64)
    assert [t.name for t in acc.list_api_tokens(db, user_id=ann.id)] == ["script"]
    assert acc.delete_api_token(db, user_id=ann.id, token_hash="e" * 64)
    assert acc.token_user(db, token_hash="e" * 64) is None


def test_login_failures_are_counted_per_key_and_pruned(db: Database) -> None:
    for minute in range(3):
        acc.record_login_failure(db, keys=["email:ann", "ip:1.2.3.4"], now=NOW + timedelta(minutes=minute))
    assert acc.recent_login_failures(db, key="email:ann", since=NOW - timedelta(minutes=1)) == 3
    assert acc.recent_login_failures(db, key="email:ann", since=NOW + timedelta(minutes=1)) == 1
    acc.forget_login_failures(db, keys=["email:ann"])
    assert acc.recent_login_failures(db, key="email:ann", since=NOW - timedelta(days=1)) == 0
    acc.prune_login_failures(db, before=NOW + timedelta(minutes=2))
    assert acc.recent_login_failures(db, key="ip:1.2.3.4", since=NOW - timedelta(days=1)) == 1
