"""Opening the trial database for a shell: the URL given (`--db`), else `SUPPWISE_DATABASE_URL`,
else a SQLite file in the user's data folder. `Database` is the handle every service takes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from suppwise.settings import load_settings
from suppwise.storage import Database, database_url, open_database

__all__ = ["Database", "open_trial_database"]


@contextmanager
def open_trial_database(url: str | None) -> Iterator[Database]:
    with open_database(database_url(url, load_settings())) as db:
        yield db
