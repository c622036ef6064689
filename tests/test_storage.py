"""The trial database on both backends: SQLite in a temporary folder, and PostgreSQL in a schema of
its own per test (created here, dropped afterwards even when the test fails; names carry the process
id and a random part, so two runs can go in parallel).

PostgreSQL: `SUPPWISE_TEST_POSTGRES_URL` (default `postgresql+psycopg://postgres@127.0.0.1:5432/test`);
those tests are skipped, with the reason, when that server cannot be reached.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, event, func, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

import suppwise.storage
from suppwise.errors import StorageError, SuppwiseError, TrialNotFoundError
from suppwise.owners import LOCAL_OWNER
from suppwise.services.credentials import verify_password
from suppwise.settings import load_settings
from suppwise.storage import (
    ENTRY_FIELDS,
    SCHEMA_REVISION,
    Database,
    EntryValues,
    TrialRecord,
    create_trial,
    current_entries,
    database_url,
    delete_trial,
    entry_history,
    get_trial,
    list_alerts,
    list_trials,
    open_database,
    save_alerts,
    save_entries,
    save_entry,
    set_status,
    trial_write,
)
from suppwise.storage import db as db_module
from suppwise.storage.db import alembic_config, current_revision, script_directory
from suppwise.storage.tables import Alert, Entry, OutcomeValue, Trial, User, metadata

from .alert_helpers import fired

DAY = date(2026, 1, 5)


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'trials.db'}")
    try:
        yield database
    finally:
        database.close()


def new_trial(db: Database, **overrides: Any) -> TrialRecord:
    fields: dict[str, Any] = {
        "substance": "magnesium",
        "outcomes": ["pain", "sleep"],
        "plan": {"design": "ABAB", "block_days": 14, "titration": {"steps": ["100 mg", "200 mg"]}},
        "start_date": DAY,
        "condition": "fibromyalgia",
        "seed": 20260105,
        "owner": LOCAL_OWNER,
    }
    fields.update(overrides)
    return create_trial(db, **fields)


def count(db: Database, table: Any, **where: Any) -> int:
    with db.engine.connect() as connection:
        query = select(func.count()).select_from(table)
        for column, value in where.items():
            query = query.where(table.c[column] == value)
        return int(connection.execute(query).scalar_one())


def entry_row(trial_id: str, **values: Any) -> dict[str, Any]:
    """A row for `entries` written directly, bypassing the repository's checks."""
    row: dict[str, Any] = {
        "trial_id": trial_id,
        "day": DAY,
        "version": 1,
        "is_current": True,
        "recorded_at": datetime.now(UTC),
        "source": "cli",
    }
    row.update(values)
    return row


ENTRIES = Entry.__table__
VALUES = OutcomeValue.__table__
TRIALS = Trial.__table__
ALERTS = Alert.__table__


# ------------------------------------------------------------------------------------- engine and schema


def test_migrates_an_empty_database_to_head(db: Database, url: str) -> None:
    assert current_revision(db) == SCHEMA_REVISION == script_directory().get_current_head()
    with db.engine.connect() as connection:
        assert {"trials", "entries", "alerts", "alembic_version"} <= set(inspect(connection).get_table_names())
    # opening again is a no-op
    open_database(url).close()
    assert current_revision(db) == SCHEMA_REVISION


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
        inspector = inspect(connection)
        for table in metadata.sorted_tables:
            # Alembic does not compare CHECK constraints: compare their names here.
            expected = {c.name for c in table.constraints if c.__class__.__name__ == "CheckConstraint"}
            assert {c["name"] for c in inspector.get_check_constraints(table.name)} == expected, table.name
        indexes = {i["name"]: i for i in inspector.get_indexes("entries")}
        assert indexes["uq_entries_current_day"]["unique"]
        assert indexes["uq_entries_current_day"]["column_names"] == ["trial_id", "day"]
        options = indexes["uq_entries_current_day"].get("dialect_options", {})
        assert "is_current" in str(options.get(f"{db.backend}_where")), options


def test_migration_downgrades_and_upgrades_again(db: Database) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with db.engine.connect() as connection:
        assert not {"trials", "entries", "alerts"} & set(inspect(connection).get_table_names())
    db_module.upgrade(db)
    assert current_revision(db) == SCHEMA_REVISION


def test_a_database_at_0001_keeps_its_data_when_migrated(db: Database, url: str) -> None:
    """A diary written by the first release gains `alerts.detail` and `entries.dose_text`, empty."""
    trial = create_trial(db, substance="glutamine", outcomes=["pain"], plan={}, start_date=DAY, owner=LOCAL_OWNER)
    save_entry(
        db,
        trial_id=trial.id,
        day=DAY,
        values={"pain": 4, "dose_taken": 5.0, "dose_unit": "g/day"},
        source="cli",
        owner=LOCAL_OWNER,
    )
    save_alerts(db, trial_id=trial.id, alerts=[fired(DAY, "gi-severe", "warning", "m", "gi 8")], owner=LOCAL_OWNER)
    db_module.downgrade(db, "0001")
    with db.engine.connect() as connection:
        assert "detail" not in {c["name"] for c in inspect(connection).get_columns("alerts")}
    reopened = open_database(url)
    try:
        assert current_revision(reopened) == SCHEMA_REVISION
        (entry,) = current_entries(reopened, trial_id=trial.id, owner=LOCAL_OWNER)
        assert (entry.pain, entry.dose_taken, entry.dose_unit, entry.dose_text) == (4, 5.0, "g/day", None)
        (alert,) = list_alerts(reopened, trial_id=trial.id, owner=LOCAL_OWNER)
        assert (alert.rule_id, alert.detail) == ("gi-severe", None)
    finally:
        reopened.close()


def test_a_database_at_0007_gives_its_ownerless_trials_to_the_local_owner(db: Database, url: str) -> None:
    """The CLI's trials, stored with no owner before revision 0008, become the local owner's with
    their diary; the local account cannot sign in; a downgrade gives them back to no owner."""
    trial = create_trial(db, substance="glutamine", outcomes=["pain"], plan={}, start_date=DAY, owner=LOCAL_OWNER)
    save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 4}, source="cli", owner=LOCAL_OWNER)
    assert trial.owner_id == LOCAL_OWNER
    db_module.downgrade(db, "0007")
    with db.engine.connect() as connection:
        assert connection.execute(select(Trial.owner_id)).scalars().all() == [None]
        assert connection.execute(select(User.id)).scalars().all() == []
    reopened = open_database(url)
    try:
        assert current_revision(reopened) == SCHEMA_REVISION
        assert [t.id for t in list_trials(reopened, owner=LOCAL_OWNER)] == [trial.id]
        assert get_trial(reopened, trial_id=trial.id, owner=LOCAL_OWNER).owner_id == LOCAL_OWNER
        (entry,) = current_entries(reopened, trial_id=trial.id, owner=LOCAL_OWNER)
        assert (entry.day, entry.pain) == (DAY, 4)
        with reopened.engine.connect() as connection:
            (local_hash,) = connection.execute(select(User.password_hash).where(User.id == LOCAL_OWNER)).one()
        assert not verify_password(local_hash, "") and not verify_password(local_hash, LOCAL_OWNER)
        with pytest.raises(TrialNotFoundError):
            get_trial(reopened, trial_id=trial.id, owner="someone-else")
    finally:
        reopened.close()


def test_a_database_from_a_newer_suppwise_is_refused(db: Database, url: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="newer") as caught:
        open_database(url)
    assert caught.value.hint and "upgrade suppwise" in caught.value.hint


def test_sqlite_uses_wal_and_foreign_keys_on_every_connection(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.engine.connect() as first, sqlite_db.engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    new_trial(sqlite_db)
    assert (tmp_path / "trials.db-wal").exists()


def test_sqlite_ddl_is_transactional(sqlite_db: Database) -> None:
    """SQLAlchemy emits BEGIN itself, so even DDL rolls back (a failed migration leaves nothing)."""
    with pytest.raises(RuntimeError), sqlite_db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        raise RuntimeError("boom")
    with sqlite_db.engine.connect() as connection:
        assert "scratch" not in inspect(connection).get_table_names()


@pytest.mark.parametrize(
    ("bad_url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://user@host/db", "unsupported database 'mysql'"),
        ("sqlite:////nonexistent-folder-for-suppwise/x/trials.db", "cannot open the database"),
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/test", "cannot open the database"),
    ],
)
def test_a_bad_url_or_unreachable_server_is_a_storage_error_with_a_hint(bad_url: str, expected: str) -> None:
    with pytest.raises(StorageError, match=expected) as caught:
        open_database(bad_url)
    assert caught.value.code == "storage_error"
    assert caught.value.hint and "SUPPWISE_DATABASE_URL" in caught.value.hint
    assert "secret" not in caught.value.message


def test_database_url_prefers_the_option_then_the_setting_then_the_data_folder(tmp_path: Path) -> None:
    configured = load_settings({"SUPPWISE_DATABASE_URL": "sqlite:////srv/trials.db"})
    assert configured.database_url == "sqlite:////srv/trials.db"
    assert database_url("sqlite:////tmp/cli.db", configured) == "sqlite:////tmp/cli.db"
    assert database_url(None, configured) == "sqlite:////srv/trials.db"
    default = database_url(None, load_settings({}))
    folder = tmp_path / "user-data" / "suppwise"
    assert default == f"sqlite:///{folder / 'suppwise.db'}"
    assert folder.is_dir()
    with pytest.raises(SuppwiseError, match="SUPPWISE_DATABASE_URL"):
        load_settings({"SUPPWISE_DATABASE_URL": "trials.db"})


def test_the_public_api_is_curated() -> None:
    assert sorted(suppwise.storage.__all__) == sorted(set(suppwise.storage.__all__))
    for name in suppwise.storage.__all__:
        assert getattr(suppwise.storage, name) is not None
    assert "Trial" not in suppwise.storage.__all__  # ORM classes stay inside the package


# ------------------------------------------------------------------------------------------------ trials


def test_trial_round_trip(db: Database) -> None:
    acknowledged = datetime(2026, 1, 4, 21, 30, tzinfo=timezone(timedelta(hours=2)))
    trial = new_trial(
        db,
        screen_level="caution",
        acknowledgement="I understand magnesium may interact with my antibiotics — Ünïcødé ✓",
        acknowledged_at=acknowledged,
        plan={"nested": {"list": [1, 2.5, None, True, "é"]}, "seed": 2**40},
    )
    assert trial.id.startswith("t-") and len(trial.id) == 8
    stored = get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER)
    assert stored == trial
    assert stored.created_at.tzinfo is UTC
    assert stored.acknowledged_at == acknowledged and stored.acknowledged_at is not None
    assert stored.acknowledged_at.tzinfo is UTC
    assert stored.outcomes == ("pain", "sleep")
    assert stored.plan == {"nested": {"list": [1, 2.5, None, True, "é"]}, "seed": 2**40}
    second = new_trial(db, condition=None, seed=None, substance="vitamin_d")
    assert [t.id for t in list_trials(db, owner=LOCAL_OWNER)] == [trial.id, second.id]
    assert get_trial(db, trial_id=second.id, owner=LOCAL_OWNER).condition is None
    assert set_status(db, trial_id=trial.id, status="active", owner=LOCAL_OWNER).status == "active"
    assert get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER).status == "active"


def test_trial_values_are_checked(db: Database) -> None:
    with pytest.raises(StorageError, match="status 'paused'"):
        new_trial(db, status="paused")
    with pytest.raises(StorageError, match="timezone-aware"):
        new_trial(db, acknowledgement="ok", acknowledged_at=datetime(2026, 1, 1, 12))
    with pytest.raises(StorageError, match="plan is not a JSON document"):
        new_trial(db, plan={"bad": float("nan")})
    with pytest.raises(StorageError, match="64-bit"):
        new_trial(db, seed=2**64)
    assert list_trials(db, owner=LOCAL_OWNER) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda db: get_trial(db, trial_id="t-000000", owner=LOCAL_OWNER),
        lambda db: set_status(db, trial_id="t-000000", status="active", owner=LOCAL_OWNER),
        lambda db: delete_trial(db, trial_id="t-000000", owner=LOCAL_OWNER),
        lambda db: save_entry(db, trial_id="t-000000", day=DAY, values={"pain": 3}, source="cli", owner=LOCAL_OWNER),
        lambda db: save_entries(db, trial_id="t-000000", rows=[(DAY, {"pain": 3})], source="csv", owner=LOCAL_OWNER),
        lambda db: current_entries(db, trial_id="t-000000", owner=LOCAL_OWNER),
        lambda db: entry_history(db, trial_id="t-000000", day=DAY, owner=LOCAL_OWNER),
        lambda db: save_alerts(db, trial_id="t-000000", alerts=[], owner=LOCAL_OWNER),
        lambda db: list_alerts(db, trial_id="t-000000", owner=LOCAL_OWNER),
    ],
    ids=["get", "status", "delete", "save", "save_many", "current", "history", "save_alerts", "alerts"],
)
def test_an_unknown_trial_is_a_storage_error_with_a_hint(db: Database, call: Any) -> None:
    with pytest.raises(StorageError) as caught:
        call(db)
    assert caught.value.message == "no trial 't-000000'"
    assert caught.value.hint and "suppwise trial list" in caught.value.hint
    assert caught.value.envelope()["code"] == "trial_not_found"


# ----------------------------------------------------------------------------------------------- entries


def test_entries_round_trip_in_day_order(db: Database) -> None:
    trial = new_trial(db)
    later = save_entry(
        db, trial_id=trial.id, day=DAY + timedelta(days=1), values={"pain": 4}, source="web", owner=LOCAL_OWNER
    )
    first = save_entry(
        db,
        trial_id=trial.id,
        day=DAY,
        values={"pain": 6, "sleep": 3, "phq9": 12, "phq9_item9": 0, "dose_taken": 0.4, "dose_unit": "g", "note": "ok"},
        source="cli",
        owner=LOCAL_OWNER,
    )
    assert first.version == 1 and first.is_current and first.recorded_at.tzinfo is UTC
    assert current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER) == [first, later]
    assert first.values() == {
        **{f.name: None for f in ENTRY_FIELDS},
        "pain": 6,
        "sleep": 3,
        "phq9": 12,
        "phq9_item9": 0,
        "dose_taken": 0.4,
        "dose_unit": "g",
        "note": "ok",
        "custom": {},
    }


def test_a_correction_keeps_the_history_and_one_current_row(db: Database) -> None:
    trial = new_trial(db)
    v1 = save_entry(
        db, trial_id=trial.id, day=DAY, values={"pain": 6, "note": "first"}, source="cli", owner=LOCAL_OWNER
    )
    v2 = save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 5, "note": "typo"}, source="web", owner=LOCAL_OWNER)
    v3 = save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 5}, source="api", owner=LOCAL_OWNER)
    history = entry_history(db, trial_id=trial.id, day=DAY, owner=LOCAL_OWNER)
    assert [(e.version, e.is_current, e.pain, e.note, e.source) for e in history] == [
        (1, False, 6, "first", "cli"),
        (2, False, 5, "typo", "web"),
        (3, True, 5, None, "api"),  # a key left out is stored as empty, not kept
    ]
    assert [e.id for e in history] == [v1.id, v2.id, v3.id]
    assert current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER) == [v3]
    assert count(db, ENTRIES, trial_id=trial.id, day=DAY, is_current=True) == 1
    # saving the values already current adds nothing
    assert (
        save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 5, "note": None}, source="csv", owner=LOCAL_OWNER)
        == v3
    )
    assert count(db, ENTRIES, trial_id=trial.id) == 3


def test_a_trial_write_reads_each_day_with_its_own_outcome_values_as_the_plain_reads_do(db: Database) -> None:
    """The write's read joins the trial's own outcome values into the entries (one statement): any
    diary, corrections and days without such values included, reads back exactly as
    `current_entries` and `entry_history` read it, values ordered by name."""
    trial = new_trial(db)
    days = itertools.count()
    names = st.sampled_from(["zeta", "Energy", "headache_hours", "a", "ä_steps", "b10", "b9"])
    values = st.dictionaries(names, st.floats(-1e6, 1e6, allow_nan=False), max_size=5)

    @settings(
        max_examples=60 if db.backend == "sqlite" else 15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(diary=st.lists(st.tuples(st.none() | st.integers(0, 10), values, st.booleans()), max_size=6))
    def joined_read(diary: list[tuple[int | None, dict[str, float], bool]]) -> None:
        first = DAY + timedelta(days=next(days) * 10)
        logged = [first + timedelta(days=k) for k in range(len(diary))]
        for day, (pain, custom, correct) in zip(logged, diary, strict=True):
            if correct:
                save_entry(
                    db,
                    trial_id=trial.id,
                    day=day,
                    values={"pain": 1, "custom": {"old": 1.0}},
                    source="cli",
                    owner=LOCAL_OWNER,
                )
            save_entry(
                db, trial_id=trial.id, day=day, values={"pain": pain, "custom": custom}, source="api", owner=LOCAL_OWNER
            )
        asked = {*logged[::2], first + timedelta(days=9)}  # some logged days and one without an entry
        with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
            some, every = write.current_entries(asked), write.current_entries()
        plain = {e.day: e for e in current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER)}
        assert every == plain
        assert some == {day: entry for day, entry in plain.items() if day in asked}
        for day, (_pain, custom, _correct) in zip(logged, diary, strict=True):
            assert list(every[day].custom) == sorted(custom)
            assert every[day] == entry_history(db, trial_id=trial.id, day=day, owner=LOCAL_OWNER)[-1]

    joined_read()


def test_a_stop_is_stored_with_its_day_and_reason(db: Database) -> None:
    """Storage records the stop; whether a trial may stop is the domain's rule (tested with the
    trial service), and the database keeps status and day together."""
    trial = new_trial(db, status="active")
    with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
        stopped = write.stop(on=DAY + timedelta(days=5), reason="rash ✱ <b>")
    assert get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER) == stopped
    assert (stopped.status, stopped.stopped_on, stopped.stop_reason) == (
        "stopped",
        DAY + timedelta(days=5),
        "rash ✱ <b>",
    )
    other = new_trial(db)
    with pytest.raises(TrialNotFoundError), trial_write(db, trial_id=other.id, owner="someone-else") as write:
        write.stop(on=DAY, reason=None)
    with pytest.raises(StorageError, match="refused"):  # the database keeps status and day together
        set_status(db, trial_id=other.id, status="stopped", owner=LOCAL_OWNER)
    assert get_trial(db, trial_id=other.id, owner=LOCAL_OWNER).status == "planned"


def test_a_trial_write_stores_activates_and_reads_back_only_the_days_asked_for(db: Database) -> None:
    """The diary write of the web app: one transaction that reads the days the alerts need, stores
    the day over its current entry and marks a planned trial active."""
    trial = new_trial(db, status="planned")
    for k, pain in enumerate([4, 5, 6, 7]):
        save_entry(
            db, trial_id=trial.id, day=DAY + timedelta(days=k), values={"pain": pain}, source="cli", owner=LOCAL_OWNER
        )
    save_entry(
        db, trial_id=trial.id, day=DAY + timedelta(days=1), values={"pain": 9}, source="cli", owner=LOCAL_OWNER
    )  # v2 of day 1
    day = DAY + timedelta(days=3)
    wanted = {DAY + timedelta(days=1), day, DAY + timedelta(days=30)}
    with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
        current = write.current_entries(wanted)
        assert [(e.day, e.pain, e.version) for e in current.values()] == [
            (DAY + timedelta(days=1), 9, 2),  # the current version only
            (day, 7, 1),
        ]
        replaced = current[day]
        saved = write.save_entry(day, {"pain": 2}, source="api", replaced=replaced, now=datetime.now(UTC))
        assert write.activate().status == "active"
    assert get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER).status == "active"
    assert (saved.version, saved.pain, saved.is_current) == (2, 2, True)
    with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:  # the same values again store nothing
        current_day = write.current_entries({day})[day]
        again = write.save_entry(day, {"pain": 2}, source="web", replaced=current_day, now=datetime.now(UTC))
    assert again == saved
    assert len(entry_history(db, trial_id=trial.id, day=day, owner=LOCAL_OWNER)) == 2


def test_a_trial_write_stores_the_entry_and_its_alerts_together_or_nothing(db: Database) -> None:
    trial = new_trial(db)
    with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
        write.save_entry(DAY, {"pain": 9}, source="api", replaced=None, now=datetime.now(UTC))
        first = write.add_alerts([fired(DAY, "pain_high", "warning", "pain is high", "pain 9")])
    assert [(a.rule_id, a.detail) for a in first] == [("pain_high", "pain 9")]
    with trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
        assert write.add_alerts([fired(DAY, "pain_high", "warning", "pain is high", "pain 9")]) == []  # once
    assert [a.rule_id for a in list_alerts(db, trial_id=trial.id, owner=LOCAL_OWNER)] == ["pain_high"]
    with pytest.raises(RuntimeError), trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write:
        write.save_entry(DAY + timedelta(days=1), {"pain": 2}, source="api", replaced=None, now=datetime.now(UTC))
        raise RuntimeError("a rule failed")
    assert [e.day for e in current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER)] == [
        DAY
    ]  # no entry without its alerts


def test_a_trial_write_checks_ownership_and_leaves_nothing_when_the_database_refuses(db: Database) -> None:
    trial = new_trial(db)
    with pytest.raises(TrialNotFoundError), trial_write(db, trial_id=trial.id, owner="someone-else"):
        pass
    with (
        pytest.raises(StorageError, match="ck_entries_pain_range"),
        trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write,
    ):
        write.save_entry(DAY, {"pain": 11}, source="web", replaced=None, now=datetime.now(UTC))
    with (
        pytest.raises(StorageError, match="day must be a date"),
        trial_write(db, trial_id=trial.id, owner=LOCAL_OWNER) as write,
    ):
        write.current_entries(["2026-01-01"])  # type: ignore[list-item]
    assert current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER) == []


def test_every_function_over_a_persons_trials_needs_its_owner_named() -> None:
    """A forgotten owner must fail loudly, not read or write the command line's trials."""
    import inspect

    from suppwise.storage import repository

    functions = {n: f for n, f in vars(repository).items() if inspect.isfunction(f) and not n.startswith("_")}
    public = {name: inspect.signature(function).parameters for name, function in functions.items()}
    owned = {name: parameters["owner"] for name, parameters in public.items() if "owner" in parameters}
    assert {"create_trial", "get_trial", "list_trials", "save_entry", "current_entries", "pool_consents"} <= set(owned)
    assert {name for name, p in owned.items() if p.default is not p.empty or p.kind is not p.KEYWORD_ONLY} == set()


def test_the_database_refuses_a_second_current_row_for_a_day(db: Database) -> None:
    trial = new_trial(db)
    save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 6}, source="cli", owner=LOCAL_OWNER)
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(insert(ENTRIES).values(entry_row(trial.id, version=2, pain=4)))
    with db.engine.begin() as connection:  # an old, non-current version is fine
        connection.execute(insert(ENTRIES).values(entry_row(trial.id, version=2, is_current=False)))


def test_concurrent_corrections_of_one_day_keep_one_current_row(db: Database) -> None:
    trial = new_trial(db)
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            for i in range(8):
                save_entry(
                    db, trial_id=trial.id, day=DAY, values={"pain": (offset + i) % 11}, source="api", owner=LOCAL_OWNER
                )
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n * 3,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    history = entry_history(db, trial_id=trial.id, day=DAY, owner=LOCAL_OWNER)
    assert [e.version for e in history] == list(range(1, len(history) + 1))
    assert sum(e.is_current for e in history) == 1 and history[-1].is_current


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"pian": 3}, "unknown entry field"),
        ({"custom": [("energy", 3)]}, "custom must be a mapping"),
        ({"pain": 11}, "refused.*ck_entries_pain_range"),
        ({"phq9": -1}, "refused.*ck_entries_phq9_range"),
        ({"dose_taken": float("inf")}, "refused.*ck_entries_dose_taken_range"),
        ({"note": "x" * 2001}, "refused.*ck_entries_note_length"),
        ({"phq9": 2, "phq9_item9": 3}, "refused.*ck_entries_phq9_item9_within_total"),
        ({"pain": 3, "custom": {"energy": 2e9}}, "refused.*ck_entry_values_value_range"),
        # PostgreSQL refuses it by the column type, varchar(40), before the CHECK
        ({"pain": 3, "custom": {"x" * 41: 1}}, r"ck_entry_values_outcome_length|character varying\(40\)"),
    ],
)
def test_storage_refuses_what_has_no_column_and_what_breaks_a_constraint(
    db: Database, values: EntryValues, message: str
) -> None:
    """Storage does not validate entries (the domain does, `DiaryEntry`); it refuses a key that is no
    column, and the database's CHECK constraints refuse a value out of range, naming the constraint.
    Either way nothing is stored."""
    trial = new_trial(db)
    with pytest.raises(StorageError, match=message) as caught:
        save_entry(db, trial_id=trial.id, day=DAY, values=values, source="cli", owner=LOCAL_OWNER)
    if "unknown" in message:
        assert caught.value.hint and "pain" in caught.value.hint
    assert count(db, ENTRIES) == 0
    assert count(db, VALUES) == 0


def test_save_entries_with_a_bad_row_in_the_middle_writes_nothing(db: Database) -> None:
    trial = new_trial(db)
    before = save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 6}, source="cli", owner=LOCAL_OWNER)
    rows: list[tuple[date, EntryValues]] = [
        (DAY, {"pain": 2}),  # a correction of the saved day
        (DAY + timedelta(days=1), {"pain": 99}),
        (DAY + timedelta(days=2), {"pain": 4}),
    ]
    with pytest.raises(StorageError, match=r"row 2 \(2026-01-06\): the database refused it.*ck_entries_pain_range"):
        save_entries(db, trial_id=trial.id, rows=rows, source="csv", owner=LOCAL_OWNER)
    assert current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER) == [before]
    saved = save_entries(db, trial_id=trial.id, rows=[rows[0], rows[2]], source="csv", owner=LOCAL_OWNER)
    assert [(e.day, e.version, e.pain) for e in saved] == [(DAY, 2, 2), (DAY + timedelta(days=2), 1, 4)]


def test_save_entries_refused_by_the_database_mid_write_rolls_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row 3 reaches the database (storage does not re-check values), whose CHECK refuses it after
    rows 1 and 2 were already flushed. Nothing stays."""
    trial = new_trial(db)
    rows: list[tuple[date, EntryValues]] = [(DAY + timedelta(days=i), {"pain": 11 if i == 2 else i}) for i in range(4)]
    with pytest.raises(StorageError, match=r"row 3 \(2026-01-07\): the database refused it.*ck_entries_pain_range"):
        save_entries(db, trial_id=trial.id, rows=rows, source="csv", owner=LOCAL_OWNER)
    assert count(db, ENTRIES) == 0


def test_an_exception_inside_the_transaction_leaves_nothing(db: Database) -> None:
    trial = new_trial(db)
    save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 6}, source="cli", owner=LOCAL_OWNER)
    inserts = itertools.count(1)

    def fail_on_third_insert(conn: Connection, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("INSERT INTO entries") and next(inserts) == 3:
            raise RuntimeError("simulated failure in the middle of the import")

    rows: list[tuple[date, EntryValues]] = [(DAY + timedelta(days=i), {"pain": i}) for i in range(5)]
    event.listen(db.engine, "before_cursor_execute", fail_on_third_insert)
    try:
        with pytest.raises(RuntimeError, match="simulated"):
            save_entries(db, trial_id=trial.id, rows=rows, source="csv", owner=LOCAL_OWNER)
    finally:
        event.remove(db.engine, "before_cursor_execute", fail_on_third_insert)
    assert [(e.day, e.version, e.pain) for e in current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER)] == [
        (DAY, 1, 6)
    ]
    assert count(db, ENTRIES) == 1
    assert len(save_entries(db, trial_id=trial.id, rows=rows, source="csv", owner=LOCAL_OWNER)) == 5  # still usable


CRASHING_IMPORT = """
import os, sys
from datetime import date, timedelta
from sqlalchemy import event
from suppwise.storage import open_database, save_entries

db = open_database(sys.argv[1])
inserts = 0

def crash(conn, cursor, statement, *args):
    global inserts
    if statement.startswith("INSERT INTO entries"):
        inserts += 1
        if inserts == 3:
            os._exit(17)  # the process dies mid-transaction: no rollback, no cleanup

event.listen(db.engine, "after_cursor_execute", crash)
rows = [(date(2026, 1, 5) + timedelta(days=i), {"pain": i}) for i in range(6)]
save_entries(db, trial_id=sys.argv[2], rows=rows, source="csv", owner="local")
"""


def test_a_process_killed_mid_write_leaves_the_database_consistent(db: Database, url: str) -> None:
    trial = new_trial(db)
    before = save_entry(db, trial_id=trial.id, day=DAY, values={"pain": 9}, source="cli", owner=LOCAL_OWNER)
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_IMPORT, url, trial.id], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 17, result.stderr
    assert current_entries(db, trial_id=trial.id, owner=LOCAL_OWNER) == [before]
    assert count(db, ENTRIES) == 1
    if db.backend == "sqlite":
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    save_entry(
        db, trial_id=trial.id, day=DAY, values={"pain": 8}, source="cli", owner=LOCAL_OWNER
    )  # the write lock is free


# ------------------------------------------------------------------ constraints, bypassing the repository


@pytest.mark.parametrize(
    ("values", "constraint"),
    [
        ({"pain": 11}, "ck_entries_pain_range"),
        ({"pain": -1}, "ck_entries_pain_range"),
        ({"fatigue": 11}, "ck_entries_fatigue_range"),
        ({"sleep": -1}, "ck_entries_sleep_range"),
        ({"gi": 11}, "ck_entries_gi_range"),
        ({"phq2": 7}, "ck_entries_phq2_range"),
        ({"phq9": 28}, "ck_entries_phq9_range"),
        ({"phq9_item9": 4}, "ck_entries_phq9_item9_range"),
        ({"phq9": 1, "phq9_item9": 2}, "ck_entries_phq9_item9_within_total"),
        ({"dose_taken": -0.5}, "ck_entries_dose_taken_range"),
        ({"dose_taken": float("inf")}, "ck_entries_dose_taken_range"),
        ({"note": "x" * 2001}, "ck_entries_note_length"),
        ({"version": 0}, "ck_entries_version"),
        ({"source": "email"}, "ck_entries_source"),
    ],
)
def test_check_constraints_refuse_out_of_range_entries(db: Database, values: dict[str, Any], constraint: str) -> None:
    trial = new_trial(db)
    with pytest.raises(IntegrityError, match=constraint), db.engine.begin() as connection:
        connection.execute(insert(ENTRIES).values(entry_row(trial.id, **values)))
    assert count(db, ENTRIES) == 0


@pytest.mark.parametrize(
    ("table", "values", "constraint"),
    [
        ("trials", {"status": "paused"}, "ck_trials_status"),
        ("trials", {"screen_level": "unknown"}, "ck_trials_screen_level"),
        ("trials", {"acknowledgement": "yes"}, "ck_trials_acknowledgement_pair"),
        ("alerts", {"level": "severe"}, "ck_alerts_level"),
    ],
)
def test_check_constraints_refuse_bad_trials_and_alerts(
    db: Database, table: str, values: dict[str, Any], constraint: str
) -> None:
    now = datetime.now(UTC)
    if table == "trials":
        row: dict[str, Any] = {
            "id": "t-abcdef",
            "created_at": now,
            "substance": "magnesium",
            "outcomes": ["pain"],
            "plan": {},
            "start_date": DAY,
            "status": "planned",
            "screen_level": "no_known_issue",
            **values,
        }
        target = TRIALS
    else:
        trial = new_trial(db)
        row = {"trial_id": trial.id, "day": DAY, "rule_id": "r", "level": "info", "message": "m", "created_at": now}
        row.update(values)
        target = ALERTS
    with pytest.raises(IntegrityError, match=constraint), db.engine.begin() as connection:
        connection.execute(insert(target).values(row))


def test_foreign_keys_refuse_an_entry_for_a_missing_trial(db: Database) -> None:
    """On SQLite this passes only when `PRAGMA foreign_keys=ON` is set on the connection."""
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), db.engine.begin() as connection:
        connection.execute(insert(ENTRIES).values(entry_row("t-000000", pain=3)))


def test_deleting_a_trial_cascades_to_entries_and_alerts(db: Database) -> None:
    trial = new_trial(db)
    kept = new_trial(db)
    for t in (trial, kept):
        save_entry(db, trial_id=t.id, day=DAY, values={"pain": 6}, source="cli", owner=LOCAL_OWNER)
        save_entry(db, trial_id=t.id, day=DAY, values={"pain": 5}, source="cli", owner=LOCAL_OWNER)
        save_alerts(db, trial_id=t.id, alerts=[fired(DAY, "pain_rise", "warning", "Pain rose")], owner=LOCAL_OWNER)
    delete_trial(db, trial_id=trial.id, owner=LOCAL_OWNER)
    assert count(db, ENTRIES, trial_id=trial.id) == 0
    assert count(db, ALERTS, trial_id=trial.id) == 0
    assert count(db, ENTRIES, trial_id=kept.id) == 2
    assert [t.id for t in list_trials(db, owner=LOCAL_OWNER)] == [kept.id]
    with pytest.raises(StorageError, match="no trial"):
        get_trial(db, trial_id=trial.id, owner=LOCAL_OWNER)


# ------------------------------------------------------------------------------------------------ alerts


def test_alerts_are_idempotent(db: Database) -> None:
    trial = new_trial(db)
    day_alerts = [
        fired(DAY, "phq9_item9", "crisis", "Thoughts of self-harm: call a crisis line now."),
        fired(DAY, "pain_rise", "warning", "Pain rose 3 points over baseline."),
    ]
    first = save_alerts(db, trial_id=trial.id, alerts=day_alerts, owner=LOCAL_OWNER)
    assert [a.rule_id for a in first] == ["phq9_item9", "pain_rise"]
    assert (
        save_alerts(db, trial_id=trial.id, alerts=day_alerts, owner=LOCAL_OWNER) == []
    )  # re-evaluating the day adds nothing
    later = save_alerts(
        db, trial_id=trial.id, alerts=[fired(DAY + timedelta(days=1), "pain_rise", "warning", "x")], owner=LOCAL_OWNER
    )
    assert len(later) == 1
    stored = list_alerts(db, trial_id=trial.id, owner=LOCAL_OWNER)
    assert stored == [*first, *later]
    assert stored[0].created_at.tzinfo is UTC
    with pytest.raises(StorageError, match="level 'severe'"):
        save_alerts(db, trial_id=trial.id, alerts=[fired(DAY, "r", "severe", "m")], owner=LOCAL_OWNER)


# ------------------------------------------------------------------------------------------------ property


def entry_values() -> st.SearchStrategy[dict[str, Any]]:
    text_ok = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for spec in ENTRY_FIELDS:
        if spec.kind is int:
            assert spec.low is not None and spec.high is not None
            optional[spec.name] = st.none() | st.integers(spec.low, spec.high)
        elif spec.kind is float:
            optional[spec.name] = st.none() | st.floats(0, spec.high, allow_nan=False, allow_infinity=False)
        else:
            optional[spec.name] = st.none() | st.text(text_ok, max_size=spec.high or 40)
    # The trial's own outcomes (table entry_values): any names the domain allows, any finite value.
    names = st.from_regex(r"\A[a-z][a-z0-9_]{0,39}\Z")
    optional["custom"] = st.dictionaries(names, st.floats(-1e9, 1e9, allow_nan=False), max_size=4)
    return st.fixed_dictionaries({}, optional=optional).filter(
        lambda v: v.get("phq9_item9") is None or v.get("phq9") is None or v["phq9_item9"] <= v["phq9"]
    )


def test_stored_entry_values_read_back_identical(db: Database) -> None:
    trial = new_trial(db)
    days = itertools.count()

    @settings(
        max_examples=120 if db.backend == "sqlite" else 25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(values=entry_values(), correct=st.booleans())
    def round_trip(values: dict[str, Any], correct: bool) -> None:
        day = DAY + timedelta(days=next(days))
        if correct:  # also through a correction
            save_entry(db, trial_id=trial.id, day=day, values={"note": "before"}, source="cli", owner=LOCAL_OWNER)
        saved = save_entry(db, trial_id=trial.id, day=day, values=values, source="csv", owner=LOCAL_OWNER)
        read = entry_history(db, trial_id=trial.id, day=day, owner=LOCAL_OWNER)[-1]
        expected = {**{f.name: values.get(f.name) for f in ENTRY_FIELDS}, "custom": values.get("custom", {})}
        assert read == saved
        assert read.values() == expected
        for spec in ENTRY_FIELDS:
            value = getattr(read, spec.name)
            assert value is None or type(value) is spec.kind, spec.name

    round_trip()
