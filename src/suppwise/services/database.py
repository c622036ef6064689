"""Opening the trial database for a shell: the URL given (`--db`), else `SUPPWISE_DATABASE_URL`,
else a SQLite file in the user's data folder. `Database` is the handle every service takes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from suppwise.settings import Settings, load_settings
from suppwise.storage import Database, database_url, open_database

__all__ = ["Database", "open_served_database", "open_trial_database"]


@contextmanager
def open_trial_database(url: str | None) -> Iterator[Database]:
    with open_database(database_url(url, load_settings())) as db:
        yield db


def open_served_database(url: str | None, settings: Settings) -> Database:
    """The database a web app serves, kept open for its lifetime (closed at shutdown), with the
    connection pool `SUPPWISE_DATABASE_POOL_SIZE` asks for."""
    return open_database(database_url(url, settings), pool_size=settings.database_pool_size)
