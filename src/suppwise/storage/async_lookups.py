"""Who is signed in, looked up on PostgreSQL from the event loop, without a worker thread.

Every personal request of the web app starts by finding the owner of its API token or session
cookie. Through the engine that lookup ran in a worker thread: the hop to the thread and back, and
SQLAlchemy's work around one SELECT, cost about five times the statement itself in the server's CPU
(measured: benchmarks/README.md, "Diary writes on PostgreSQL"). Here the same statements
(`accounts`' own, compiled once) run as prepared statements on a few psycopg async connections of
their own, awaited on the event loop, and give the same records and the same `StorageError`.

The connections (at most `size`) are opened when first needed and closed with the database
(`Database.on_close`). A connection is not reused when the server has closed it (checked without a
round trip, as the engine's pool does), when it is older than the engine's recycle age, or when
its query failed or was cancelled half-way; a lookup that fails on a lost connection is sent once
more on a new one (it only reads, so sending it twice is harmless). Lookups beyond `size` wait
their turn in order.

SQLite keeps the engine: its lookups run in place, in the process, with no thread and no network.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

import psycopg
from sqlalchemy import Select

from suppwise.errors import StorageError
from suppwise.storage.accounts import _SESSION_USER, _TOKEN_USER, UserRecord
from suppwise.storage.db import _PG_RECYCLE_S, URL_HINT, Database, pg_connect_arguments, pg_connection_lost

DEFAULT_SIZE: Final = 4
"""Connections per process: a lookup holds one for a round trip, so a few serve hundreds a second."""


@dataclass
class _Pooled:
    connection: psycopg.AsyncConnection[Any]
    opened: float = field(default_factory=time.monotonic)


class AsyncLookups:
    """`token_user` and `session_user` of `accounts`, as coroutines, for a PostgreSQL `Database`."""

    def __init__(self, db: Database, *, size: int = DEFAULT_SIZE) -> None:
        if db.backend != "postgresql":
            raise ValueError(f"async lookups need PostgreSQL, not {db.backend}")
        self._db = db
        self._size = max(1, size)
        self._arguments = pg_connect_arguments(db)
        self._token_sql = _compiled(db, _TOKEN_USER)
        self._session_sql = _compiled(db, _SESSION_USER)
        self._idle: list[_Pooled] = []
        self._open = 0
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._closed = False
        db.on_close(self.close)

    async def token_user(self, *, token_hash: str, now: datetime) -> UserRecord | None:
        """The user an unexpired API token belongs to, or None."""
        return await self._user(self._token_sql, token_hash, now)

    async def session_user(self, *, token_hash: str, now: datetime) -> UserRecord | None:
        """The user a session token belongs to, or None when it is unknown or expired."""
        return await self._user(self._session_sql, token_hash, now)

    def close(self) -> None:
        """Close the idle connections now, and the others as their lookups end."""
        self._closed = True
        while self._idle:
            _close(self._idle.pop())

    async def _user(self, sql: str, token_hash: str, now: datetime) -> UserRecord | None:
        row = await self._fetch_one(sql, {"token_hash": token_hash, "now": now})
        if row is None:
            return None
        user_id, email, password_hash, created_at, password_changed_at = row
        return UserRecord(
            id=user_id,
            email=email,
            password_hash=password_hash,
            created_at=created_at.astimezone(UTC),
            password_changed_at=password_changed_at.astimezone(UTC),
        )

    async def _fetch_one(self, sql: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
        for attempt in range(2):
            pooled = await self._checkout(fresh=attempt > 0)
            try:
                cursor = await pooled.connection.execute(sql, params, prepare=True)
                row = await cursor.fetchone()
            except psycopg.OperationalError as exc:
                self._discard(pooled)
                if attempt or not pooled.connection.broken:
                    raise self._error(exc) from exc
                continue  # the connection was lost: nothing was changed, ask once more on a new one
            except psycopg.Error as exc:
                self._discard(pooled)
                raise self._error(exc) from exc
            except BaseException:  # cancelled half-way: the connection's state is unknown
                self._discard(pooled)
                raise
            self._checkin(pooled)
            return row
        raise AssertionError("unreachable")  # pragma: no cover

    async def _checkout(self, *, fresh: bool) -> _Pooled:
        while True:
            if self._closed:
                raise StorageError(f"the database {self._db.display_url} is closed", hint=URL_HINT)
            while self._idle and not fresh:
                pooled = self._idle.pop()
                if _usable(pooled):
                    return pooled
                self._discard(pooled)
            if fresh and self._idle:  # a connection was lost: the idle ones may have been too
                self._discard(self._idle.pop())
            if self._open < self._size:
                self._open += 1
                try:
                    connection = await psycopg.AsyncConnection.connect(autocommit=True, **self._arguments)
                except BaseException as exc:
                    self._open -= 1
                    self._wake()
                    if isinstance(exc, psycopg.Error):
                        raise self._error(exc) from exc
                    raise
                return _Pooled(connection)
            await self._wait()

    async def _wait(self) -> None:
        turn = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._wake()  # woken, then cancelled: pass the turn on
            else:
                self._waiting.remove(turn)
            raise

    def _wake(self) -> None:
        while self._waiting:
            turn = self._waiting.popleft()
            if not turn.done():
                turn.set_result(None)
                return

    def _checkin(self, pooled: _Pooled) -> None:
        if self._closed:
            self._discard(pooled)
            return
        self._idle.append(pooled)
        self._wake()

    def _discard(self, pooled: _Pooled) -> None:
        """Close a connection that is not coming back, making room for another."""
        _close(pooled)
        self._open -= 1
        self._wake()

    def _error(self, exc: psycopg.Error) -> StorageError:
        lines = str(exc).strip().splitlines()
        return StorageError(
            f"the database {self._db.display_url} failed: {lines[0] if lines else type(exc).__name__}",
            hint="check that the database is reachable; " + URL_HINT,
        )


def _compiled(db: Database, statement: Select[Any]) -> str:
    """The statement as psycopg takes it (named `%(name)s` parameters)."""
    return str(statement.compile(dialect=db.engine.dialect))


def _usable(pooled: _Pooled) -> bool:
    connection = pooled.connection
    if connection.closed or time.monotonic() - pooled.opened >= _PG_RECYCLE_S:
        return False
    return pg_connection_lost(connection.pgconn) is None


def _close(pooled: _Pooled) -> None:
    # What `AsyncConnection.close` does, without awaiting: it is called from `Database.close`, which
    # is not a coroutine and may run after the event loop the connection was used on has ended.
    pooled.connection.pgconn.finish()
