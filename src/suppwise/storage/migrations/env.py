"""Alembic environment for the trial database.

At runtime `suppwise.storage.db.upgrade` builds the Alembic `Config` in code and passes an open
connection (already inside a transaction) as `config.attributes["connection"]`; this file runs the
migrations on it. Without a connection it falls back to the `sqlalchemy.url` main option, and in
offline mode (`--sql`) it writes the SQL for a database administrator instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from suppwise.storage.tables import metadata

config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if isinstance(connection, Connection):
        _configure(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set config.attributes['connection'] or the sqlalchemy.url option")
    engine = create_engine(url)
    try:
        with engine.connect() as own_connection:
            _configure(own_connection)
            own_connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
