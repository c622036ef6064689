"""The trial database: SQLite by default, PostgreSQL when hosted, one schema, Alembic migrations.

This package is the only code that talks to the database. Open it with
`open_database(database_url(cli_db_option, load_settings()))` (the schema is migrated to head on
open), then call the repository functions, which run one transaction each and return frozen
records::

    db = open_database(database_url(None, load_settings()))
    trial = create_trial(db, substance="magnesium", outcomes=["pain"], plan=plan.model_dump(mode="json"),
                         start_date=date(2026, 1, 5), seed=plan.seed)
    save_entry(db, trial_id=trial.id, day=date(2026, 1, 5), values={"pain": 6}, source="cli")

Every deliberate failure is a `suppwise.errors.StorageError` with a hint.
"""

from __future__ import annotations

from suppwise.storage.db import SCHEMA_REVISION, Database, database_url, open_database
from suppwise.storage.repository import (
    AlertLike,
    AlertRecord,
    ConsentRecord,
    EntryRecord,
    EntrySource,
    EntryValues,
    OwnerRange,
    PoolTrials,
    ScreenLevel,
    TrialRecord,
    TrialStatus,
    TrialWrite,
    all_entry_versions,
    create_trial,
    current_entries,
    delete_trial,
    entry_history,
    get_trial,
    give_pool_consent,
    list_alerts,
    list_trials,
    pool_consents,
    pool_owner_ranges,
    pool_people_count,
    pool_trial_plans,
    pool_trials,
    save_alerts,
    save_entries,
    save_entry,
    set_status,
    trial_write,
    withdraw_pool_consent,
    write_rows,
)
from suppwise.storage.tables import ALERT_LEVELS, ENTRY_FIELDS, ENTRY_SOURCES, SCREEN_LEVELS, TRIAL_STATUSES

__all__ = [
    "ALERT_LEVELS",
    "ENTRY_FIELDS",
    "ENTRY_SOURCES",
    "SCHEMA_REVISION",
    "SCREEN_LEVELS",
    "TRIAL_STATUSES",
    "AlertLike",
    "AlertRecord",
    "ConsentRecord",
    "Database",
    "EntryRecord",
    "EntrySource",
    "EntryValues",
    "OwnerRange",
    "PoolTrials",
    "ScreenLevel",
    "TrialRecord",
    "TrialStatus",
    "TrialWrite",
    "all_entry_versions",
    "create_trial",
    "current_entries",
    "database_url",
    "delete_trial",
    "entry_history",
    "get_trial",
    "give_pool_consent",
    "list_alerts",
    "list_trials",
    "open_database",
    "pool_consents",
    "pool_owner_ranges",
    "pool_people_count",
    "pool_trial_plans",
    "pool_trials",
    "save_alerts",
    "save_entries",
    "save_entry",
    "set_status",
    "trial_write",
    "withdraw_pool_consent",
    "write_rows",
]
