"""Opening the trial database: which URL, the engine, SQLite's pragmas, and migrations to head.

`database_url` picks the URL (the CLI's `--db`, else `SUPPWISE_DATABASE_URL`, else a SQLite file in
the user data folder); `open_database` returns a `Database` whose schema is at the newest Alembic
revision. Only SQLite and PostgreSQL are supported, with the same schema.

SQLite connections get `PRAGMA foreign_keys=ON` and `journal_mode=WAL` (readers never block the
writer), and SQLAlchemy emits BEGIN itself instead of the sqlite3 module, so every transaction is a
real one — including the DDL of a migration — and writes start with `BEGIN IMMEDIATE`, which takes
the write lock up front (waiting up to the busy timeout) rather than failing half-way when two
processes write at once. On PostgreSQL, migrations hold an advisory lock so two processes starting
together do not both migrate.

PostgreSQL connections are pooled (`pool_size`, default one per web worker thread, so no request
waits for a connection and none is opened and closed per request) and held in autocommit mode, with
SQLAlchemy emitting BEGIN itself (as on SQLite): a write transaction is BEGIN … COMMIT, while a read
(`connect()` without `write`) sends its SELECTs alone, two round trips fewer; each of them sees
committed data, exactly as in a READ COMMITTED transaction, where every statement takes a fresh
snapshot. A pooled connection is not pinged before use (a round trip each time): at checkout its
socket is polled without waiting, which finds a connection the server has closed (restart,
`pg_terminate_backend`, idle timeout) and replaces it; connections are renewed after
`_PG_RECYCLE_S`; and if a write's BEGIN still finds the connection dead, nothing of the transaction
has reached the server, so it is retried once on a fresh connection.
"""

from __future__ import annotations

import functools
import select
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from platformdirs import user_data_dir
from sqlalchemy import URL, Connection, Engine, Transaction, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

from suppwise.errors import StorageError
from suppwise.settings import DEFAULT_POOL_SIZE, Settings

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR: Final = Path(__file__).parent / "migrations"
SCHEMA_REVISION: Final = "0008"
"""The newest revision in `migrations/versions` (a test checks it). Opening a database already at
this revision skips Alembic entirely, which keeps ~100 ms of imports off every CLI command."""
DEFAULT_FILENAME: Final = "suppwise.db"
SUPPORTED_BACKENDS: Final = ("sqlite", "postgresql")
POOL_HINT: Final = f"set SUPPWISE_DATABASE_POOL_SIZE to 1 or more (default {DEFAULT_POOL_SIZE}), or unset it"
URL_HINT: Final = (
    "check SUPPWISE_DATABASE_URL or the --db option, e.g. `sqlite:////home/me/suppwise.db` or "
    "`postgresql+psycopg://user@host:5432/dbname`; unset both to use the default SQLite file"
)
_SQLITE_BEGIN: Final = "suppwise_sqlite_begin"
_SQLITE_BUSY_TIMEOUT_S: Final = 30.0  # how long a writer in another process waits for the lock
_MIGRATION_LOCK: Final = 0x5355_5050  # "SUPP": the PostgreSQL advisory lock key held while migrating
_PG_CONNECT_TIMEOUT_S: Final = 10
_PG_BEGIN: Final = "suppwise_pg_begin"  # execution option: False for a read that needs no BEGIN
_PG_RECYCLE_S: Final = 1800  # renew pooled connections after 30 minutes (idle timeouts of proxies)
_PG_MAX_OVERFLOW: Final = 10  # connections beyond the pool, opened only while it is exhausted


def database_url(explicit: str | None, settings: Settings) -> str:
    """The URL to open: `explicit` (the CLI's `--db`), else `SUPPWISE_DATABASE_URL`, else the default
    SQLite file `suppwise.db` in the user data folder (created if missing)."""
    if explicit:
        return explicit
    if settings.database_url:
        return settings.database_url
    folder = Path(user_data_dir("suppwise"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the data folder {folder}: {exc.strerror}", hint=URL_HINT) from exc
    return f"sqlite:///{folder / DEFAULT_FILENAME}"


@dataclass(frozen=True)
class Database:
    """An open trial database: the engine and a session factory. Use the repository functions rather
    than sessions directly; close it (or use it as a context manager) to release connections."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    writer: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)
    _closers: list[Callable[[], None]] = field(default_factory=list, compare=False, repr=False)

    @property
    def backend(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, for messages."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every connection: the engine's pool and whatever `on_close` registered."""
        while self._closers:
            self._closers.pop()()
        self.engine.dispose()

    def on_close(self, close: Callable[[], None]) -> None:
        """Call `close` when this database is closed (connections opened beside the engine's pool,
        such as `async_lookups`')."""
        self._closers.append(close)

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """One ORM session in one transaction: committed when the block ends, rolled back if it raises.

        Database failures become `StorageError`; any other exception propagates unchanged (after the
        rollback). `write=True` takes SQLite's write lock at BEGIN.
        """
        with self._guarded(write), self.sessions.begin() as session:
            if write and self.backend == "sqlite":
                session.connection(execution_options={_SQLITE_BEGIN: "IMMEDIATE"})
            yield session

    @contextmanager
    def connect(self, *, write: bool = False) -> Iterator[Connection]:
        """Like `transaction`, for SQL expressions without the ORM: a connection in one transaction.
        The busiest paths (a diary write, looking up who is signed in) use it, because building ORM
        objects costs several times more than the statements themselves."""
        with self._guarded(write):
            connection, transaction = self._begin(write)
            with connection, transaction:
                yield connection

    def _begin(self, write: bool) -> tuple[Connection, Transaction]:
        """A pooled connection and its transaction, begun. On PostgreSQL a write's BEGIN is the first
        round trip on the connection: if it finds the connection closed by the server, nothing of
        this transaction was sent, so it is retried once on a fresh connection (the pool has
        already dropped the dead one). A read sends no BEGIN (see the module docstring)."""
        if self.backend == "sqlite":
            options: dict[str, Any] = {_SQLITE_BEGIN: "IMMEDIATE"} if write else {}
        else:
            options = {} if write else {_PG_BEGIN: False}
        for attempt in range(2):
            connection = self.engine.connect().execution_options(**options)
            try:
                return connection, connection.begin()
            except DBAPIError as exc:
                connection.close()
                if attempt or not exc.connection_invalidated or self.backend != "postgresql":
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def _guarded(self, write: bool) -> Iterator[None]:
        """Writers queue, and database failures become `StorageError`."""
        # SQLite allows one writer at a time. Threads of this process queue on a lock instead of
        # polling SQLite's busy handler (which sleeps in growing steps and, under load, times out);
        # other processes still wait on the busy timeout.
        queue = self.writer if write and self.backend == "sqlite" else nullcontext()
        try:
            with queue:
                yield
        except IntegrityError as exc:
            raise StorageError(
                f"the database refused the change: {_first_line(exc)}",
                hint="the value breaks a rule of the trial database; check the values, or report this as a bug",
            ) from exc
        except DBAPIError as exc:
            raise StorageError(
                f"the database {self.display_url} failed: {_first_line(exc)}",
                hint="check that the database is reachable and not locked by another program; " + URL_HINT,
            ) from exc


def open_database(url: str, *, migrate: bool = True, pool_size: int = DEFAULT_POOL_SIZE) -> Database:
    """Open the database at `url` and, unless `migrate=False`, bring its schema to the newest
    revision. `pool_size`: PostgreSQL connections kept open (the setting
    `SUPPWISE_DATABASE_POOL_SIZE`). Raises `StorageError` (with a hint naming the setting) for a bad
    URL, an unsupported backend, an unreachable server or a database from a newer version of
    suppwise."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"{url!r} is not a database URL", hint=URL_HINT) from exc
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise StorageError(
            f"unsupported database {backend!r} in {parsed.render_as_string(hide_password=True)}",
            hint="suppwise stores trials in SQLite or PostgreSQL; " + URL_HINT,
        )
    kwargs: dict[str, Any] = {}
    if backend == "sqlite":
        kwargs["connect_args"] = {"timeout": _SQLITE_BUSY_TIMEOUT_S}
    if backend == "postgresql":
        if pool_size < 1:
            raise StorageError(f"the connection pool size must be 1 or more, not {pool_size}", hint=POOL_HINT)
        kwargs.update(
            isolation_level="AUTOCOMMIT",  # BEGIN is emitted by _pg_on_begin, for writes only
            pool_size=pool_size,
            max_overflow=_PG_MAX_OVERFLOW,
            pool_recycle=_PG_RECYCLE_S,
        )
        if "connect_timeout" not in parsed.query:
            kwargs["connect_args"] = {"connect_timeout": _PG_CONNECT_TIMEOUT_S}
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StorageError(
            f"cannot use the database URL {parsed.render_as_string(hide_password=True)}: {exc}", hint=URL_HINT
        ) from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    else:
        event.listen(engine, "begin", _pg_on_begin)
        event.listen(engine, "checkout", _pg_on_checkout)
    db = Database(url=parsed, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    if migrate:
        try:
            upgrade(db)
        except BaseException:
            db.close()
            raise
    return db


def alembic_config() -> Config:
    """An Alembic configuration built in code (no alembic.ini) pointing at the bundled migrations.

    For development, e.g. a new revision: set `config.attributes["connection"]` to a connection of a
    database at head, call `alembic.command.revision(config, "message", autogenerate=True)`, review
    the result by hand and update `SCHEMA_REVISION`. Autogenerate never runs at runtime.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return config


@functools.cache
def script_directory() -> ScriptDirectory:
    """The bundled migrations, as Alembic reads them."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def current_revision(db: Database) -> str | None:
    """The schema revision of the database (`None` for an empty database)."""
    try:
        with db.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            revisions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError as exc:
        raise _open_error(db, exc) from exc
    if len(revisions) > 1:
        raise StorageError(
            f"the database {db.display_url} records several schema revisions: {', '.join(revisions)}",
            hint="the schema was changed outside suppwise; restore a backup or use a new database",
        )
    return revisions[0] if revisions else None


def upgrade(db: Database) -> None:
    """Bring the schema to `SCHEMA_REVISION` in one transaction; a no-op when it is already there."""
    current = current_revision(db)
    if current == SCHEMA_REVISION:
        return
    if current is not None and current not in {rev.revision for rev in script_directory().walk_revisions()}:
        raise StorageError(
            f"the database {db.display_url} has schema revision {current!r}, newer than this suppwise knows",
            hint="upgrade suppwise, or point SUPPWISE_DATABASE_URL / --db at another database",
        )
    _migrate(db, "upgrade", "head")


def downgrade(db: Database, revision: str) -> None:
    """Take the schema back to `revision` (for operators restoring an older suppwise, and tests)."""
    _migrate(db, "downgrade", revision)


def _migrate(db: Database, direction: str, target: str) -> None:
    """Run Alembic in one transaction. On SQLite, foreign keys are off while it runs and checked
    before the commit: SQLite changes a table by copying it and dropping the old one, and with
    foreign keys on, dropping `trials` would cascade and delete every diary entry."""
    from alembic import command
    from alembic.util import CommandError

    config = alembic_config()
    try:
        with db.engine.connect() as connection:
            raw = connection.connection.dbapi_connection if db.backend == "sqlite" else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, where SQLite honours it
                connection = connection.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
            try:
                with connection.begin():
                    if db.backend == "postgresql":
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                    config.attributes["connection"] = connection
                    getattr(command, direction)(config, target)
                    if raw is not None:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise StorageError(
                                f"migrating {db.display_url} would break {len(broken)} reference(s) between tables",
                                hint="nothing was changed; report this as a bug",
                            )
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")
    except DBAPIError as exc:
        raise _open_error(db, exc) from exc
    except (CommandError, SQLAlchemyError) as exc:
        raise StorageError(
            f"cannot migrate the database {db.display_url}: {exc}",
            hint="the schema may have been changed by hand; restore a backup or use a new database",
        ) from exc


def _open_error(db: Database, exc: DBAPIError) -> StorageError:
    return StorageError(f"cannot open the database {db.display_url}: {_first_line(exc)}", hint=URL_HINT)


def _first_line(exc: DBAPIError) -> str:
    original = exc.orig if exc.orig is not None else exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


def _sqlite_on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):  # pragma: no cover - only the sqlite3 driver
        return
    # SQLAlchemy, not the sqlite3 module, emits BEGIN (see _sqlite_on_begin): real transactions for DDL too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL syncs at checkpoints instead of at every commit: still never corrupt
        # and never half-written after a crash, but an operating-system crash or power cut may lose
        # the last few commits. A diary entry can be typed again; a write per fsync cannot keep up.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
    assert mode in ("DEFERRED", "IMMEDIATE"), mode
    connection.exec_driver_sql(f"BEGIN {mode}")


def _pg_on_begin(connection: Connection) -> None:
    """The connections are in autocommit mode: a transaction starts with this BEGIN, unless the
    connection is a read's (`_PG_BEGIN` False), whose statements each commit on their own."""
    if connection.get_execution_options().get(_PG_BEGIN, True):
        connection.exec_driver_sql("BEGIN")


def _pg_on_checkout(dbapi_connection: Any, _record: ConnectionPoolEntry, _proxy: PoolProxiedConnection) -> None:
    """Replace a pooled connection the server has closed, without a round trip. An idle connection
    is sent nothing (suppwise never LISTENs), so anything waiting on its socket means the server said
    goodbye: a FATAL message, then the end of the connection. The two can arrive a moment apart, so
    a connection with anything to read is replaced, not read and kept."""
    pgconn = getattr(dbapi_connection, "pgconn", None)
    if pgconn is None:  # pragma: no cover - only the psycopg driver
        return
    lost = pg_connection_lost(pgconn)
    if lost:
        raise DisconnectionError(lost)


def pg_connect_arguments(db: Database) -> dict[str, Any]:
    """The keyword arguments `psycopg` connects with for the engine's connections (host, database,
    user, options such as a search path, the connect timeout): for connections opened beside the
    engine's pool, which must reach the same database the same way."""
    args, kwargs = db.engine.dialect.create_connect_args(db.url)
    arguments: dict[str, Any] = {"conninfo": args[0]} if args else {}
    arguments.update(kwargs)
    arguments.setdefault("connect_timeout", _PG_CONNECT_TIMEOUT_S)
    return arguments


def pg_connection_lost(pgconn: Any) -> str | None:
    """Why an idle psycopg connection (its `pgconn`) can no longer be used, or None when it can."""
    from psycopg.pq import ConnStatus

    try:
        if _readable(pgconn.socket):
            return "the server sent something to an idle pooled connection (its goodbye)"
    except OSError as exc:  # the socket is gone
        return f"the pooled connection was closed: {exc}"
    if pgconn.status != ConnStatus.OK:
        return "the pooled connection was closed by the server"
    return None


def _readable(fd: int) -> bool:
    """Whether the socket has data (or an end of file, or an error) waiting, without waiting."""
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(0))
    return bool(select.select([fd], [], [], 0)[0])  # pragma: no cover - Windows
