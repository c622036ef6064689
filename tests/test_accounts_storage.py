"""Accounts and ownership in the database, on both backends: one person can never reach another's
trial by id, deleting an account deletes everything it owns, sessions expire and a new password
signs out other browsers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from suppwise.errors import StorageError
from suppwise.owners import LOCAL_OWNER
from suppwise.storage import Database, create_trial, list_trials, open_database, repository
from suppwise.storage import accounts as acc
from suppwise.storage import db as db_module
from suppwise.storage.tables import Alert, ApiToken, Entry, LoginFailure, Trial, WebSession

from .alert_helpers import fired

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
LATER = NOW + timedelta(days=90)
DAY = date(2026, 11, 1)


def user(db: Database, email: str) -> acc.UserRecord:
    return acc.create_user(db, email=email, password_hash="argon2-hash-of-something", now=NOW)


def owned_trial(db: Database, owner: str) -> str:
    return create_trial(db, substance="glutamine", outcomes=["pain"], plan={}, start_date=DAY, owner=owner).id


def test_an_email_is_one_account_whatever_its_case(db: Database) -> None:
    first = user(db, "Ann@Example.org")
    assert first.email == "ann@example.org"
    with pytest.raises(acc.AccountExistsError):
        user(db, " ANN@example.ORG ")
    assert acc.user_by_email(db, "ann@EXAMPLE.org") == first
    assert acc.user_by_email(db, "bob@example.org") is None


BY_ID: list[tuple[str, Callable[[Database, str, str], Any]]] = [
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
        lambda db, t, o: repository.save_alerts(db, trial_id=t, alerts=[fired(DAY, "r", "info", "m")], owner=o),
    ),
    ("list_alerts", lambda db, t, o: repository.list_alerts(db, trial_id=t, owner=o)),
]


@pytest.mark.parametrize(("name", "call"), BY_ID, ids=[name for name, _ in BY_ID])
def test_another_persons_trial_is_not_found_by_any_function(
    db: Database, name: str, call: Callable[[Database, str, str], Any]
) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    ann_trial = owned_trial(db, ann.id)
    repository.save_entry(db, trial_id=ann_trial, day=DAY, values={"pain": 7}, source="web", owner=ann.id)
    for intruder in (bob.id, LOCAL_OWNER):  # another account, or the CLI's local owner
        with pytest.raises(StorageError, match="no trial"):
            call(db, ann_trial, intruder)
    (entry,) = repository.current_entries(db, trial_id=ann_trial, owner=ann.id)
    assert entry.pain == 7  # nothing of Ann's changed
    assert repository.get_trial(db, trial_id=ann_trial, owner=ann.id).status == "planned"


def test_each_list_shows_only_its_owners_trials(db: Database) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    a, b, local = owned_trial(db, ann.id), owned_trial(db, bob.id), owned_trial(db, LOCAL_OWNER)
    assert [t.id for t in list_trials(db, owner=ann.id)] == [a]
    assert [t.id for t in list_trials(db, owner=bob.id)] == [b]
    assert [t.id for t in list_trials(db, owner=LOCAL_OWNER)] == [local]


def test_deleting_an_account_deletes_everything_it_owns(db: Database) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    trial_id = owned_trial(db, ann.id)
    repository.save_entry(db, trial_id=trial_id, day=DAY, values={"pain": 3}, source="web", owner=ann.id)
    repository.save_alerts(db, trial_id=trial_id, alerts=[fired(DAY, "r", "info", "m")], owner=ann.id)
    acc.create_session(db, user_id=ann.id, token_hash="a" * 64, now=NOW, expires_at=NOW + timedelta(days=1))
    acc.create_api_token(db, user_id=ann.id, token_hash="b" * 64, name="phone", now=NOW, expires_at=LATER)
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


def test_api_tokens_belong_to_their_user_expire_and_are_revoked_by_ref(db: Database) -> None:
    ann, bob = user(db, "ann@example.org"), user(db, "bob@example.org")
    made = acc.create_api_token(db, user_id=ann.id, token_hash="e" * 64, name="script", now=NOW, expires_at=LATER)
    assert made.ref == "e" * 16 and made.expires_at == LATER
    assert acc.token_user(db, token_hash="e" * 64, now=NOW) == ann
    assert acc.token_user(db, token_hash="e" * 64, now=LATER) is None  # expired: it no longer signs anyone in
    assert not acc.revoke_api_token(db, user_id=bob.id, ref=made.ref)  # not Bob's to revoke
    assert [t.name for t in acc.list_api_tokens(db, user_id=ann.id, now=NOW)] == ["script"]
    assert acc.list_api_tokens(db, user_id=ann.id, now=LATER) == []
    assert acc.revoke_api_token(db, user_id=ann.id, ref=made.ref)
    assert acc.token_user(db, token_hash="e" * 64, now=NOW) is None
    with pytest.raises(StorageError, match="expire after"):
        acc.create_api_token(db, user_id=ann.id, token_hash="f" * 64, name="x", now=NOW, expires_at=NOW)


def test_a_new_password_revokes_every_api_token(db: Database) -> None:
    ann = user(db, "ann@example.org")
    for mark in "ab":
        acc.create_api_token(db, user_id=ann.id, token_hash=mark * 64, name=mark, now=NOW, expires_at=LATER)
    acc.set_password_hash(db, user_id=ann.id, password_hash="new-hash", now=NOW, keep_session=None)
    assert acc.list_api_tokens(db, user_id=ann.id, now=NOW) == []


def test_expired_sessions_and_tokens_are_deleted(db: Database) -> None:
    ann = user(db, "ann@example.org")
    acc.create_session(db, user_id=ann.id, token_hash="a" * 64, now=NOW, expires_at=NOW + timedelta(hours=1))
    acc.create_session(db, user_id=ann.id, token_hash="b" * 64, now=NOW, expires_at=LATER)
    acc.create_api_token(
        db, user_id=ann.id, token_hash="c" * 64, name="c", now=NOW, expires_at=NOW + timedelta(hours=1)
    )
    assert acc.delete_expired(db, now=NOW + timedelta(hours=2)) == 2
    with db.transaction() as session:
        assert session.scalars(select(WebSession.id)).all() == ["b" * 64]
        assert session.scalar(select(func.count()).select_from(ApiToken)) == 0


PAIR = acc.AttemptLimit("pair:ann|1.2.3.4", free=5, cap=timedelta(minutes=15), window=timedelta(days=1))
ACCOUNT = acc.AttemptLimit("account:ann", free=10, cap=timedelta(minutes=1), window=timedelta(days=1))


@given(
    gaps=st.lists(st.integers(min_value=0, max_value=4 * 3600), max_size=60),
    free=st.integers(min_value=1, max_value=20),
    cap_s=st.integers(min_value=1, max_value=3600),
)
def test_a_limit_slows_down_but_never_waits_past_its_cap(gaps: list[int], free: int, cap_s: int) -> None:
    limit = acc.AttemptLimit("k", free=free, cap=timedelta(seconds=cap_s), window=timedelta(hours=2))
    attempts = [NOW + timedelta(seconds=sum(gaps[: i + 1])) for i in range(len(gaps))]
    now = attempts[-1] if attempts else NOW
    wait = limit.wait(attempts, now)
    assert timedelta(0) <= wait <= limit.cap
    recent = [a for a in attempts if a > now - limit.window]
    if len(recent) < free:
        assert wait == timedelta(0)
    assert limit.wait(attempts, now + limit.cap) == timedelta(0)  # whoever waits the cap out may try


def test_parallel_guesses_are_counted_before_any_is_checked(db: Database) -> None:
    """Thirty attempts at the same instant: exactly the five free ones go ahead (the count is taken
    and written in one step), on both backends."""
    limits = [PAIR, ACCOUNT]
    results: list[timedelta] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        wait = acc.reserve_attempt(db, limits=limits, attempt=f"a{n}", now=NOW)
        with lock:
            results.append(wait)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(1 for wait in results if wait == timedelta(0)) == 5
    assert all(wait == timedelta(seconds=1) for wait in results if wait)


def test_a_success_forgives_only_itself_and_its_own_account_and_address(db: Database) -> None:
    client = acc.AttemptLimit("client:1.2.3.4", free=20, cap=timedelta(seconds=30), window=timedelta(days=1))

    def guess(n: int, now: datetime) -> timedelta:  # one wrong password at another account each time
        pair = acc.AttemptLimit(f"pair:u{n}|1.2.3.4", free=5, cap=timedelta(minutes=15), window=timedelta(days=1))
        return acc.reserve_attempt(db, limits=[pair, client], attempt=f"guess{n}", now=now)

    for n in range(19):  # nineteen wrong guesses from one address ...
        assert guess(n, NOW + timedelta(minutes=n * 20)) == timedelta(0)
    later = NOW + timedelta(hours=7)
    assert acc.reserve_attempt(db, limits=[PAIR, client], attempt="mine", now=later) == timedelta(0)
    acc.forgive_attempt(db, attempt="mine", forget_keys=[PAIR.key])  # ... then a sign-in to one's own account
    assert guess(19, later) == timedelta(0)
    # twenty failures from this address: the next guess waits, whatever succeeded in between
    assert guess(20, later) == timedelta(seconds=1)
    assert guess(20, later + timedelta(seconds=1)) == timedelta(0)
    acc.prune_attempts(db, before=later)
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == 4  # two attempts, two keys each


def test_tokens_made_before_expiry_existed_get_ninety_days_when_migrated(db: Database, url: str) -> None:
    """A token from revision 0004 keeps working after the upgrade, for 90 days from then."""
    ann = user(db, "ann@example.org")
    db_module.downgrade(db, "0004")
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO api_tokens (id, user_id, name, created_at) VALUES (:id, :user, 'old', :at)"),
            {"id": "9" * 64, "user": ann.id, "at": NOW.replace(tzinfo=None) if db.backend == "sqlite" else NOW},
        )
    reopened = open_database(url)
    try:
        now = datetime.now(UTC)
        assert acc.token_user(reopened, token_hash="9" * 64, now=now) == ann
        (token,) = acc.list_api_tokens(reopened, user_id=ann.id, now=now)
        assert token.ref == "9" * 16
        assert timedelta(days=89) < token.expires_at - now <= timedelta(days=90)
        assert acc.token_user(reopened, token_hash="9" * 64, now=now + timedelta(days=91)) is None
    finally:
        reopened.close()
