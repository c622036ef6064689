"""How suppwise holds PostgreSQL connections: a pool sized by a setting, reads without BEGIN/COMMIT,
no ping per checkout, and a pooled connection the server has closed replaced without losing or
repeating a write (see the `suppwise.storage.db` docstring). PostgreSQL only, in a schema of its own
per test; skipped with the reason when the server cannot be reached.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import anyio
import anyio.to_thread
import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import Connection, Engine, event, text

from suppwise.errors import SuppwiseError
from suppwise.owners import LOCAL_OWNER
from suppwise.settings import DEFAULT_POOL_SIZE, load_settings
from suppwise.storage import (
    Database,
    create_trial,
    current_entries,
    entry_history,
    get_trial,
    open_database,
    save_entry,
    trial_write,
)
from suppwise.storage import db as db_module
from suppwise.web.app import create_app

DAY = date(2026, 1, 5)
on_postgresql = pytest.mark.parametrize("url", ["postgresql"], indirect=True)


def backend_pid(db: Database) -> int:
    with db.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def terminate(admin: Engine, pid: int) -> None:
    """Close one server connection from the server's side, as a restart or an idle timeout would,
    and wait until it is gone. `pg_terminate_backend` with a timeout waits for the backend to exit;
    polling `pg_stat_activity` inside one transaction cannot, since the server takes one snapshot of
    it per transaction (a busy CI machine saw the old snapshot for two seconds and failed here)."""
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        ended = connection.execute(text("SELECT pg_terminate_backend(:pid, 30000)"), {"pid": pid}).scalar_one()
        if not ended:
            raise AssertionError(f"backend {pid} is still there after 30 s")


def until_the_client_sees_it(db: Database) -> None:
    """Wait until each idle pooled connection's socket shows the server's goodbye: the server has
    dropped the backend, but the kernel may deliver the end of the connection a moment later (a
    busy machine made this a race). A real restart is seen long before the next request."""
    import select

    for record in list(db.engine.pool._pool.queue):  # type: ignore[attr-defined]
        connection = record.dbapi_connection
        if connection is not None:
            select.select([connection.pgconn.socket], [], [], 5)


def transaction_status(connection: Connection) -> TransactionStatus:
    return TransactionStatus(connection.connection.dbapi_connection.info.transaction_status)


@on_postgresql
def test_the_pool_size_follows_the_setting(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings({}).database_pool_size == DEFAULT_POOL_SIZE
    assert load_settings({"SUPPWISE_DATABASE_POOL_SIZE": "7"}).database_pool_size == 7
    with open_database(url, pool_size=3) as db:
        assert db.engine.pool.size() == 3
    monkeypatch.setenv("SUPPWISE_DATABASE_POOL_SIZE", "7")
    app = create_app(database=url)
    try:
        assert app.state.database.engine.pool.size() == 7
    finally:
        app.state.database.close()


def test_the_default_pool_holds_a_connection_for_every_web_worker_thread() -> None:
    async def worker_threads() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(worker_threads) == DEFAULT_POOL_SIZE


@pytest.mark.parametrize("raw", ["0", "-2", "many", "1.5"])
def test_a_bad_pool_size_fails_at_start_with_a_hint(raw: str) -> None:
    with pytest.raises(SuppwiseError, match="SUPPWISE_DATABASE_POOL_SIZE") as caught:
        load_settings({"SUPPWISE_DATABASE_POOL_SIZE": raw})
    assert caught.value.hint and "whole number" in caught.value.hint


@on_postgresql
def test_reads_send_no_begin_and_writes_run_in_one_transaction(db: Database) -> None:
    sent: list[str] = []

    def record(_c: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement.split()[0])

    event.listen(db.engine, "before_cursor_execute", record)
    trial = create_trial(db, substance="magnesium", outcomes=["pain"], plan={}, start_date=DAY, owner=LOCAL_OWNER)
    sent.clear()
    get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER)
    assert sent == ["SELECT"]  # no ping, no BEGIN (and psycopg sent none either, see below)
    with db.connect() as connection:
        connection.execute(text("SELECT 1"))
        assert transaction_status(connection) is TransactionStatus.IDLE
    with db.connect(write=True) as connection:
        assert transaction_status(connection) is TransactionStatus.INTRANS
    with db.transaction(write=True) as session:
        session.execute(text("SELECT 1"))
        assert transaction_status(session.connection()) is TransactionStatus.INTRANS


@on_postgresql
def test_a_diary_write_reads_its_days_and_their_own_outcome_values_in_one_statement(db: Database) -> None:
    """Each statement is a round trip to the server and about 0.1 ms of the app's CPU: the write's
    unit of work locks the trial, reads the days the alerts need with their values, inserts the
    entry and commits, nothing more."""
    trial = create_trial(db, substance="magnesium", outcomes=["pain"], plan={}, start_date=DAY, owner=LOCAL_OWNER)
    for k in range(3):
        save_entry(
            db,
            trial_id=trial.id,
            day=DAY + timedelta(days=k),
            values={"custom": {"energy": k}},
            source="api",
            owner=LOCAL_OWNER,
        )
    sent: list[str] = []

    def record(_c: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(" ".join(statement.split()[:3]))

    event.listen(db.engine, "before_cursor_execute", record)
    with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
        current = write.current_entries({DAY + timedelta(days=k) for k in range(4)})
        write.save_entry(DAY + timedelta(days=3), {"pain": 2}, source="api", replaced=None, now=datetime.now(UTC))
    event.remove(db.engine, "before_cursor_execute", record)

    assert [current[DAY + timedelta(days=k)].custom for k in range(3)] == [{"energy": float(k)} for k in range(3)]
    assert sent == [
        "BEGIN",
        "SELECT trials.id, trials.created_at,",
        "SELECT entries.id, entries.trial_id,",
        "INSERT INTO entries",
    ]


@on_postgresql
def test_a_pooled_connection_the_server_closed_is_replaced_and_the_write_lands_once(
    db: Database, pg_admin: Engine
) -> None:
    trial = create_trial(db, substance="magnesium", outcomes=["pain"], plan={}, start_date=DAY, owner=LOCAL_OWNER)
    terminate(pg_admin, backend_pid(db))
    until_the_client_sees_it(db)
    assert get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER) == trial  # a read, too, gets a fresh connection
    before = backend_pid(db)
    terminate(pg_admin, before)
    until_the_client_sees_it(db)

    saved = save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 4}, source="api", owner=LOCAL_OWNER)

    assert [e.pain for e in entry_history(db, trial_id=trial.id, day=DAY, owner=LOCAL_OWNER)] == [4]
    assert saved.version == 1
    assert backend_pid(db) != before


@on_postgresql
def test_a_write_whose_begin_finds_the_connection_closed_is_retried_once(
    db: Database, pg_admin: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    trial = create_trial(db, substance="magnesium", outcomes=["pain"], plan={}, start_date=DAY, owner=LOCAL_OWNER)
    before = backend_pid(db)
    # The checkout check misses it (the server closes the connection just after the check): BEGIN,
    # the first thing sent, fails, and nothing of the transaction has reached the server.
    monkeypatch.setattr(db_module, "_readable", lambda fd: False)
    terminate(pg_admin, before)

    save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 4}, source="api", owner=LOCAL_OWNER)

    assert [(e.day, e.pain, e.version) for e in current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER)] == [
        (DAY, 4, 1)
    ]
    assert len(entry_history(db, trial_id=trial.id, day=DAY, owner=LOCAL_OWNER)) == 1
    assert backend_pid(db) != before
