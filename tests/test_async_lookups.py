"""Who is signed in, looked up on PostgreSQL from the event loop (`storage.async_lookups`): the same
people as the engine's lookups, a connection the server closed replaced without the person
noticing, never more connections than asked for, and none left open when the database closes.
PostgreSQL only, in a schema of its own per test; skipped with the reason when the server cannot
be reached."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from suppwise.errors import StorageError
from suppwise.storage import Database, open_database
from suppwise.storage import accounts as store
from suppwise.storage import db as db_module
from suppwise.storage.async_lookups import AsyncLookups
from tests.test_storage_postgres import terminate

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
on_postgresql = pytest.mark.parametrize("url", ["postgresql"], indirect=True)


def people(db: Database) -> tuple[store.UserRecord, str, str]:
    """Ann, with an API token and a session (their hashes), both valid for a day."""
    ann = store.create_user(db, email="ann@example.org", password_hash="argon2-hash", now=NOW)
    store.create_api_token(
        db, user_id=ann.id, token_hash="t" * 64, name="laptop", now=NOW, expires_at=NOW + timedelta(days=1)
    )
    store.create_session(db, user_id=ann.id, token_hash="s" * 64, now=NOW, expires_at=NOW + timedelta(days=1))
    return ann, "t" * 64, "s" * 64


@on_postgresql
def test_the_same_person_as_the_engine_finds_and_nobody_for_expired_or_unknown(db: Database) -> None:
    ann, token, session = people(db)
    lookups = AsyncLookups(db)

    async def look() -> list[store.UserRecord | None]:
        later = NOW + timedelta(days=2)
        return [
            await lookups.token_user(token_hash=token, now=NOW),
            await lookups.session_user(token_hash=session, now=NOW),
            await lookups.token_user(token_hash=token, now=later),  # expired
            await lookups.session_user(token_hash=session, now=later),
            await lookups.token_user(token_hash="x" * 64, now=NOW),  # unknown
            await lookups.token_user(token_hash=session, now=NOW),  # a session is not a token
        ]

    found = asyncio.run(look())

    assert found == [ann, ann, None, None, None, None]
    assert found[0] == store.token_user(db, token_hash=token, now=NOW)
    assert found[0] is not None and found[0].created_at.tzinfo is UTC


@on_postgresql
def test_a_connection_the_server_closed_is_replaced_without_an_error(db: Database, pg_admin: Engine) -> None:
    ann, token, _ = people(db)
    lookups = AsyncLookups(db, size=1)

    async def pid() -> int:
        await lookups.token_user(token_hash=token, now=NOW)
        (pooled,) = lookups._idle
        return int(pooled.connection.info.backend_pid)

    before = asyncio.run(pid())
    terminate(pg_admin, before)

    assert asyncio.run(lookups.token_user(token_hash=token, now=NOW)) == ann
    assert asyncio.run(pid()) != before


@on_postgresql
def test_a_lookup_on_a_connection_closed_unseen_is_sent_again_on_a_new_one(
    db: Database, pg_admin: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, token, _ = people(db)
    lookups = AsyncLookups(db, size=2)
    asyncio.run(lookups.token_user(token_hash=token, now=NOW))
    (pooled,) = lookups._idle
    # The check before use misses it (the server closes the connection just after the check).
    monkeypatch.setattr(db_module, "_readable", lambda fd: False)
    terminate(pg_admin, pooled.connection.info.backend_pid)

    assert asyncio.run(lookups.token_user(token_hash=token, now=NOW)) == ann


@on_postgresql
def test_many_lookups_at_once_share_the_few_connections(db: Database) -> None:
    ann, token, session = people(db)
    lookups = AsyncLookups(db, size=2)
    most = 0

    async def many() -> list[store.UserRecord | None]:
        async def one(n: int) -> store.UserRecord | None:
            nonlocal most
            most = max(most, lookups._open)
            found = await (lookups.token_user if n % 2 else lookups.session_user)(
                token_hash=token if n % 2 else session, now=NOW
            )
            most = max(most, lookups._open)
            return found

        return list(await asyncio.gather(*(one(n) for n in range(40))))

    assert asyncio.run(many()) == [ann] * 40
    assert most == 2


@on_postgresql
def test_a_cancelled_lookup_leaves_the_others_working(db: Database) -> None:
    ann, token, _ = people(db)
    lookups = AsyncLookups(db, size=1)

    async def cancel_some() -> list[store.UserRecord | None]:
        waiting = [asyncio.create_task(lookups.token_user(token_hash=token, now=NOW)) for _ in range(6)]
        await asyncio.sleep(0)
        waiting[0].cancel()  # holding the connection
        waiting[3].cancel()  # waiting its turn
        done = await asyncio.gather(*waiting, return_exceptions=True)
        return [d for d in done if not isinstance(d, BaseException)] + [
            await lookups.token_user(token_hash=token, now=NOW)
        ]

    assert asyncio.run(asyncio.wait_for(cancel_some(), 30)) == [ann] * 5
    assert lookups._open <= 1


@on_postgresql
def test_closing_the_database_closes_the_lookups_connections(db: Database) -> None:
    _, token, _ = people(db)
    lookups = AsyncLookups(db, size=3)

    async def three_at_once() -> None:
        await asyncio.gather(*(lookups.token_user(token_hash=token, now=NOW) for _ in range(3)))

    asyncio.run(three_at_once())
    opened = [p.connection for p in lookups._idle]
    assert opened and not any(c.closed for c in opened)

    db.close()

    assert all(c.closed for c in opened)
    with pytest.raises(StorageError, match="closed"):
        asyncio.run(lookups.token_user(token_hash=token, now=NOW))


@on_postgresql
def test_an_unreachable_server_is_a_storage_error_and_holds_no_connection(db: Database) -> None:
    lookups = AsyncLookups(db)
    lookups._arguments = {**lookups._arguments, "port": 1, "connect_timeout": 2}

    with pytest.raises(StorageError) as raised:
        asyncio.run(lookups.token_user(token_hash="t" * 64, now=NOW))

    assert lookups._open == 0
    assert raised.value.code == "storage_error"


def test_sqlite_keeps_the_engine(tmp_path: Path) -> None:
    with open_database(f"sqlite:///{tmp_path}/a.db") as db, pytest.raises(ValueError, match="PostgreSQL"):
        AsyncLookups(db)
