"""Reading and writing trials, diary entries and alerts: plain functions over a `Database`.

Each function runs in one transaction and returns frozen records, never ORM objects, so callers
never hold a session. Arguments after the database are keyword-only, and every function that reads
or writes one person's trials takes its `owner` with no default: a caller that forgot it would
otherwise have read or written the command line's trials (`LOCAL_OWNER`) instead of failing.

Diary entries keep their whole history. `save_entry` for a day that already has an entry adds a
correction: the old row stays with `is_current=False` and the new one gets the next version, in one
transaction. Saving exactly the values already current is a no-op (so re-importing the same file
adds nothing). An entry's values are the complete record of that day: a key left out is stored as
empty (None), not kept from the previous version.

Entry values are validated by the domain before they get here (`DiaryEntry`, the plan's own
outcomes); storage stores them and guards integrity: a key that is no column is refused, and the
database's CHECK constraints (the ranges of `ENTRY_FIELDS`) refuse a value out of range, naming
the constraint (and the row, for many rows at once), with nothing stored.
Writes to one trial are serialised (its row is locked on PostgreSQL; SQLite takes the write lock at
BEGIN), so concurrent corrections of the same day cannot both win.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Final, Literal, Protocol

from sqlalchemy import Connection, Date, Row, any_, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from suppwise.errors import StorageError, TrialNotFoundError
from suppwise.owners import LOCAL_OWNER
from suppwise.storage.db import Database
from suppwise.storage.tables import (
    ALERT_LEVELS,
    ENTRY_FIELD_NAMES,
    ENTRY_SOURCES,
    SCREEN_LEVELS,
    TRIAL_STATUSES,
    Alert,
    Entry,
    OutcomeValue,
    PoolConsent,
    Trial,
    metadata,
)

TrialStatus = Literal["planned", "active", "stopped", "finished"]
ScreenLevel = Literal["no_known_issue", "caution"]
EntrySource = Literal["cli", "csv", "web", "api"]
AlertLevel = Literal["info", "warning", "urgent", "crisis"]
EntryValue = int | float | str | Mapping[str, float] | None
"""A column's value, or (under the key `custom`) the values of the trial's own outcomes by name."""
EntryValues = Mapping[str, EntryValue]
CUSTOM: Final = "custom"

TRIALS_HINT: Final = "see your trials and their ids with `suppwise trial list` (or My trials in the web app)"
_ID_ATTEMPTS: Final = 20
_SEED_LIMIT: Final = 2**63


@dataclass(frozen=True)
class TrialRecord:
    id: str
    created_at: datetime
    substance: str
    condition: str | None
    outcomes: tuple[str, ...]
    plan: dict[str, Any]
    seed: int | None
    start_date: date
    status: str
    screen_level: str
    acknowledgement: str | None
    acknowledged_at: datetime | None
    owner_id: str = LOCAL_OWNER
    stopped_on: date | None = None
    stop_reason: str | None = None


@dataclass(frozen=True)
class EntryRecord:
    """One version of one day's diary entry."""

    id: int
    trial_id: str
    day: date
    version: int
    is_current: bool
    recorded_at: datetime
    source: str
    pain: int | None = None
    fatigue: int | None = None
    sleep: int | None = None
    gi: int | None = None
    phq2: int | None = None
    phq9: int | None = None
    phq9_item9: int | None = None
    dose_taken: float | None = None
    dose_unit: str | None = None
    dose_text: str | None = None
    note: str | None = None
    custom: dict[str, float] = field(default_factory=dict)
    """The values of the trial's own outcomes (table `entry_values`), by outcome name."""

    def values(self) -> dict[str, EntryValue]:
        """The measured values, keyed like `save_entry`'s `values`."""
        return {**{name: getattr(self, name) for name in ENTRY_FIELD_NAMES}, CUSTOM: dict(self.custom)}


@dataclass(frozen=True)
class AlertRecord:
    id: int
    trial_id: str
    day: date
    rule_id: str
    level: str
    message: str
    created_at: datetime
    detail: str | None = None


class AlertLike(Protocol):
    """What `save_alerts` reads of an alert that fired (the rules' `FiredAlert` contract model fits):
    an interface, not a second record type; what is stored comes back as `AlertRecord`."""

    @property
    def day(self) -> date: ...
    @property
    def rule_id(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def detail(self) -> str | None: ...


# Statements built once: the busiest paths run them with parameters, and SQLAlchemy reuses their
# compiled form.
_TRIALS: Final = metadata.tables[Trial.__tablename__]
_ENTRIES: Final = metadata.tables[Entry.__tablename__]
_ALERTS_TABLE: Final = metadata.tables[Alert.__tablename__]
_VALUES: Final = metadata.tables[OutcomeValue.__tablename__]
_VALUES_OF: Final = select(_VALUES).where(_VALUES.c.entry_id.in_(bindparam("entry_ids", expanding=True)))
_IDS_PER_READ: Final = 5000  # well under SQLite's limit on bound parameters (32766)
_ALERT_KEY: Final = ["trial_id", "day", "rule_id"]  # one alert per rule and day (a unique constraint)


_TRIAL_OF_OWNER: Final = select(_TRIALS).where(
    _TRIALS.c.id == bindparam("trial_id"), _TRIALS.c.owner_id == bindparam("owner")
)
_TRIAL_QUERIES: Final = {False: _TRIAL_OF_OWNER, True: _TRIAL_OF_OWNER.with_for_update()}
_CURRENT: Final = (
    select(_ENTRIES)
    .where(_ENTRIES.c.trial_id == bindparam("trial_id"), _ENTRIES.c.is_current.is_(True))
    .order_by(_ENTRIES.c.day)
)
# A write reads the current entries with the values of the trial's own outcomes in the same
# statement: an outer join gives one row per value (one row of NULLs for an entry without any), so
# the write makes one round trip where `_entries` makes two, and needs no list of entry ids.
_CURRENT_WITH_VALUES: Final = (
    select(_ENTRIES, _VALUES.c.outcome.label("custom_outcome"), _VALUES.c.value.label("custom_value"))
    .select_from(_ENTRIES.outerjoin(_VALUES, _VALUES.c.entry_id == _ENTRIES.c.id))
    .where(_ENTRIES.c.trial_id == bindparam("trial_id"), _ENTRIES.c.is_current.is_(True))
    .order_by(_ENTRIES.c.day)
)
# The days as one parameter: on PostgreSQL an array, so the statement's text is the same whatever
# the number of days and the server keeps it prepared; SQLite spells the list out.
_CURRENT_ON_DAYS: Final = {
    "postgresql": _CURRENT_WITH_VALUES.where(_ENTRIES.c.day == any_(bindparam("days", type_=postgresql.ARRAY(Date)))),
    "sqlite": _CURRENT_WITH_VALUES.where(_ENTRIES.c.day.in_(bindparam("days", expanding=True))),
}
_RETIRE: Final = update(_ENTRIES).where(_ENTRIES.c.id == bindparam("entry_id")).values(is_current=False)
# A new version is numbered after the day's newest, in the INSERT itself: no read of the history.
_NEXT_VERSION: Final = (
    select(func.coalesce(func.max(_ENTRIES.c.version), 0) + 1)
    .where(_ENTRIES.c.trial_id == bindparam("of_trial"), _ENTRIES.c.day == bindparam("of_day"))
    .scalar_subquery()
)
_INSERT_ENTRY: Final = insert(_ENTRIES).values(version=_NEXT_VERSION).returning(_ENTRIES.c.id, _ENTRIES.c.version)
_ACTIVATE: Final = (
    update(_TRIALS).where(_TRIALS.c.id == bindparam("trial_id"), _TRIALS.c.status == "planned").values(status="active")
)
_INSERT_ALERT: Final = {  # an alert already stored for its (day, rule) is left as it is
    name: dialect.insert(_ALERTS_TABLE).on_conflict_do_nothing(index_elements=_ALERT_KEY).returning(_ALERTS_TABLE.c.id)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_ALERTS: Final = (
    select(_ALERTS_TABLE)
    .where(_ALERTS_TABLE.c.trial_id == bindparam("trial_id"))
    .order_by(_ALERTS_TABLE.c.day, _ALERTS_TABLE.c.id)
)


# ---------------------------------------------------------------------------------------------- trials


def create_trial(
    db: Database,
    *,
    substance: str,
    outcomes: Sequence[str],
    plan: Mapping[str, Any],
    start_date: date,
    condition: str | None = None,
    seed: int | None = None,
    status: TrialStatus = "planned",
    screen_level: ScreenLevel = "no_known_issue",
    acknowledgement: str | None = None,
    acknowledged_at: datetime | None = None,
    owner: str,
) -> TrialRecord:
    """Store a new trial under a fresh short id (`t-7f3a9c`). `plan` is stored as given (a JSON
    document the domain has validated); `acknowledgement` is the person's words, verbatim, and
    `acknowledged_at` defaults to now when it is given."""
    _check_text("substance", substance, required=True)
    _check_text("owner", owner, required=True)
    _check_text("condition", condition)
    _check_text("acknowledgement", acknowledgement)
    if isinstance(outcomes, str) or not all(isinstance(o, str) and o for o in outcomes):
        raise StorageError(f"outcomes must be a list of outcome keys, not {outcomes!r}")
    for outcome in outcomes:
        _check_text("outcomes", outcome)
    _check_choice("status", status, TRIAL_STATUSES)
    _check_choice("screen_level", screen_level, SCREEN_LEVELS)
    if seed is not None and (
        isinstance(seed, bool) or not isinstance(seed, int) or not -_SEED_LIMIT <= seed < _SEED_LIMIT
    ):
        raise StorageError(f"seed {seed!r} is not a 64-bit integer", hint="use a seed from 0 to 2**63 - 1")
    now = datetime.now(UTC)
    if acknowledgement is None and acknowledged_at is not None:
        raise StorageError("acknowledged_at is set but there is no acknowledgement")
    if acknowledgement is not None and acknowledged_at is None:
        acknowledged_at = now
    if acknowledged_at is not None and (
        not isinstance(acknowledged_at, datetime) or acknowledged_at.utcoffset() is None
    ):
        raise StorageError(f"acknowledged_at must be a timezone-aware datetime, not {acknowledged_at!r}")
    if not isinstance(start_date, date) or isinstance(start_date, datetime):
        raise StorageError(f"start_date must be a date, not {start_date!r}")
    document = _json_document("plan", plan)
    with db.connect(write=True) as connection:
        record = TrialRecord(
            id=_unused_trial_id(connection),
            created_at=now,
            substance=substance,
            condition=condition,
            outcomes=tuple(outcomes),
            plan=document,
            seed=seed,
            start_date=start_date,
            status=status,
            screen_level=screen_level,
            acknowledgement=acknowledgement,
            acknowledged_at=acknowledged_at,
            owner_id=owner,
        )
        connection.execute(insert(_TRIALS), [{**asdict(record), "outcomes": list(outcomes)}])
        return record


def get_trial(db: Database, *, trial_id: str, owner: str) -> TrialRecord:
    """The trial, or `StorageError` "no trial 't-…'" with a hint on how to list trials."""
    with db.connect() as connection:
        return _trial(connection, trial_id, owner)


def list_trials(db: Database, *, owner: str) -> list[TrialRecord]:
    """Every trial of `owner` (`LOCAL_OWNER` for the command line's), oldest first."""
    owned = _TRIALS.c.owner_id == owner
    with db.connect() as connection:
        rows = connection.execute(select(_TRIALS).where(owned).order_by(_TRIALS.c.created_at, _TRIALS.c.id))
        return [_trial_record(row) for row in rows]


def set_status(db: Database, *, trial_id: str, status: TrialStatus, owner: str) -> TrialRecord:
    """Change a trial's status (which transitions are allowed is the domain's decision)."""
    _check_choice("status", status, TRIAL_STATUSES)
    with db.connect(write=True) as connection:
        trial = _trial(connection, trial_id, owner, lock=True)
        connection.execute(update(_TRIALS).where(_TRIALS.c.id == trial.id).values(status=status))
        return replace(trial, status=status)


def delete_trial(db: Database, *, trial_id: str, owner: str) -> None:
    """Delete a trial with all its entries and alerts (the database cascades)."""
    with db.connect(write=True) as connection:
        _trial(connection, trial_id, owner, lock=True)
        connection.execute(delete(_TRIALS).where(_TRIALS.c.id == trial_id))


# --------------------------------------------------------------------------------------------- entries


class TrialWrite:
    """One write transaction on one trial, its row locked (PostgreSQL; SQLite holds its write lock
    from BEGIN): the unit of work a service runs in plain sight, reading, deciding with the pure
    trial core, and writing, all committed together when its `with trial_write(...)` block ends,
    or none of it if the block raises. It only reads and stores; what may be stored is decided by
    the caller between its calls."""

    def __init__(self, connection: Connection, trial: TrialRecord) -> None:
        self._connection = connection
        self.trial = trial
        """The trial as read (and locked) when the unit of work began, updated by `activate`/`stop`."""

    def current_entries(self, days: Collection[date] | None = None) -> dict[date, EntryRecord]:
        """The current entry of each of `days` that has one (None: every day of the diary), in one read."""
        connection = self._connection
        if days is None:
            rows = connection.execute(_CURRENT_WITH_VALUES, {"trial_id": self.trial.id})
        else:
            for day in days:
                _check_day(day)
            wanted = {"trial_id": self.trial.id, "days": sorted(days)}
            rows = connection.execute(_CURRENT_ON_DAYS[connection.dialect.name], wanted)
        return {record.day: record for record in _joined_entries(rows)}

    def save_entry(
        self, day: date, values: EntryValues, *, source: EntrySource, replaced: EntryRecord | None, now: datetime
    ) -> EntryRecord:
        """Store `day`'s entry over `replaced`, its current entry (None: the day has none), which
        stays in the history; values equal to the current ones store nothing and return `replaced`."""
        _check_day(day)
        _check_choice("source", source, ENTRY_SOURCES)
        return _save(self._connection, self.trial.id, day, _row_values(values), source, now, replaced)

    def activate(self) -> TrialRecord:
        """Mark a planned trial active (its first diary day); any other status is left as it is."""
        if self.trial.status == "planned":
            self._connection.execute(_ACTIVATE, {"trial_id": self.trial.id})
            self.trial = replace(self.trial, status="active")
        return self.trial

    def add_alerts(self, alerts: Iterable[AlertLike]) -> list[AlertRecord]:
        """Store alerts that fired; one already stored for the same (day, rule) is left as it is.
        Returns only the new ones."""
        pending = list(alerts)
        _check_alerts(pending)
        return _insert_alerts(self._connection, self.trial.id, pending)

    def stop(self, *, on: date, reason: str | None) -> TrialRecord:
        """Store that the trial stopped on `on`, with the person's reason verbatim (whether it may
        stop is the domain's decision: `suppwise.trials.stopping`)."""
        _check_day(on)
        _check_text("reason", reason)
        stopped = {"status": "stopped", "stopped_on": on, "stop_reason": reason}
        self._connection.execute(update(_TRIALS).where(_TRIALS.c.id == self.trial.id).values(**stopped))
        self.trial = replace(self.trial, status="stopped", stopped_on=on, stop_reason=reason)
        return self.trial


@contextmanager
def trial_write(db: Database, *, trial_id: str, owner: str) -> Iterator[TrialWrite]:
    """A `TrialWrite` on `owner`'s trial (another owner's trial is "not found"); everything done
    through it commits when the block ends, and nothing does if it raises."""
    with db.connect(write=True) as connection:
        yield TrialWrite(connection, _trial(connection, trial_id, owner, lock=True))


def save_entry(
    db: Database, *, trial_id: str, day: date, values: EntryValues, source: EntrySource, owner: str
) -> EntryRecord:
    """Store one day's entry; if the day already has one, this is a correction (see the module
    docstring). Returns the current version after the call."""
    checked = _row_values(values)
    with trial_write(db, trial_id=trial_id, owner=owner) as write:
        replaced = write.current_entries({day}).get(day)
        return write.save_entry(day, checked, source=source, replaced=replaced, now=datetime.now(UTC))


def save_entries(
    db: Database,
    *,
    trial_id: str,
    rows: Iterable[tuple[date, EntryValues]],
    source: EntrySource,
    owner: str,
) -> list[EntryRecord]:
    """Store many days at once (an import), all or nothing: if any row is refused nothing is
    written, and the `StorageError` names the row (1-based) and its day. A day given twice is
    corrected by the later row. Returns the current version of each row, in order."""
    _check_choice("source", source, ENTRY_SOURCES)
    checked: list[tuple[date, dict[str, EntryValue]]] = []
    for number, (day, values) in enumerate(rows, start=1):
        try:
            _check_day(day)
            checked.append((day, _row_values(values)))
        except StorageError as error:
            raise StorageError(f"row {number} ({day}): {error.message}", hint=error.hint) from error
    with trial_write(db, trial_id=trial_id, owner=owner) as write:
        return write_rows(write, checked, source=source)


def write_rows(
    write: TrialWrite, rows: Sequence[tuple[date, EntryValues]], *, source: EntrySource
) -> list[EntryRecord]:
    """Store each row over its day's current entry within `write`, naming the row (1-based) that
    the database refuses. Returns the current version of each row, in order."""
    now = datetime.now(UTC)
    saved: list[EntryRecord] = []
    for number, (day, values) in enumerate(rows, start=1):
        try:
            replaced = write.current_entries({day}).get(day)
            saved.append(write.save_entry(day, values, source=source, replaced=replaced, now=now))
        except IntegrityError as error:
            raise StorageError(
                f"row {number} ({day}): the database refused it: {_first_line(error)}",
                hint="nothing was saved; fix the row and import again",
            ) from error
        except StorageError as error:
            raise StorageError(f"row {number} ({day}): {error.message}", hint=error.hint) from error
    return saved


def current_entries(db: Database, *, trial_id: str, owner: str) -> list[EntryRecord]:
    """The current version of every day's entry, ordered by day."""
    with db.connect() as connection:
        _trial(connection, trial_id, owner)
        return _entries(connection, connection.execute(_CURRENT, {"trial_id": trial_id}).all())


def entry_history(db: Database, *, trial_id: str, day: date, owner: str) -> list[EntryRecord]:
    """Every version of one day's entry, oldest first (empty if the day has no entry)."""
    with db.connect() as connection:
        _trial(connection, trial_id, owner)
        query = select(_ENTRIES).where(_ENTRIES.c.trial_id == trial_id, _ENTRIES.c.day == day)
        return _entries(connection, connection.execute(query.order_by(_ENTRIES.c.version)).all())


def all_entry_versions(db: Database, *, trial_id: str, owner: str) -> list[EntryRecord]:
    """Every version of every day's entry (the whole history, for a data export), by day then version."""
    with db.connect() as connection:
        _trial(connection, trial_id, owner)
        query = select(_ENTRIES).where(_ENTRIES.c.trial_id == trial_id)
        return _entries(connection, connection.execute(query.order_by(_ENTRIES.c.day, _ENTRIES.c.version)).all())


def _row_values(values: EntryValues) -> dict[str, EntryValue]:
    """The values as one row of `entries` and its `entry_values`: every column present (None where
    not given), the trial's own outcomes by name. A key that is no column is refused, since it has
    nowhere to go. What a value may be is not decided here: the domain validates an entry
    (`suppwise.trials.diary.DiaryEntry`, the plan's own outcomes) before the trial services store it,
    and the schema's CHECK constraints (`tables.ENTRY_FIELDS`) hold the ranges, enforced by the
    database, whose refusal is a `StorageError` naming the constraint, with nothing stored."""
    if not isinstance(values, Mapping):
        raise StorageError(f"entry values must be a mapping of field to value, not {type(values).__name__}")
    unknown = sorted(str(key) for key in values if key not in ENTRY_FIELD_NAMES and key != CUSTOM)
    if unknown:
        raise StorageError(
            f"unknown entry field(s): {', '.join(unknown)}",
            hint=f"entry fields are: {', '.join(ENTRY_FIELD_NAMES)} and {CUSTOM}",
        )
    custom = values.get(CUSTOM) or {}
    if not isinstance(custom, Mapping):
        raise StorageError(f"{CUSTOM} must be a mapping of outcome name to value, not {type(custom).__name__}")
    return {
        **{name: values.get(name) for name in ENTRY_FIELD_NAMES},
        CUSTOM: {str(name): float(value) for name, value in sorted(custom.items())},
    }


def _save(
    connection: Connection,
    trial_id: str,
    day: date,
    values: dict[str, EntryValue],
    source: str,
    now: datetime,
    current: EntryRecord | None,
) -> EntryRecord:
    """Write one day whose current entry is `current` (None: the day has none)."""
    if current is not None and all(getattr(current, name) == value for name, value in values.items()):
        return current
    if current is not None:
        # Before the insert: the partial unique index allows one current row per day.
        connection.execute(_RETIRE, {"entry_id": current.id})
    columns = {name: value for name, value in values.items() if name != CUSTOM}
    custom = values.get(CUSTOM) or {}
    assert isinstance(custom, Mapping)
    row: dict[str, Any] = {
        "trial_id": trial_id,
        "day": day,
        "is_current": True,
        "recorded_at": now,
        "source": source,
        **columns,
    }
    stored = connection.execute(_INSERT_ENTRY, {**row, "of_trial": trial_id, "of_day": day}).one()
    if custom:
        rows = [{"entry_id": stored.id, "outcome": name, "value": value} for name, value in custom.items()]
        connection.execute(insert(_VALUES), rows)
    return EntryRecord(id=stored.id, version=stored.version, custom=dict(custom), **row)


# ---------------------------------------------------------------------------------------------- alerts


def save_alerts(
    db: Database, *, trial_id: str, alerts: Iterable[AlertLike], owner: str
) -> list[AlertRecord]:
    """Store alerts that fired; one already stored for the same (day, rule) is left as it is, so
    re-evaluating a day is harmless. Returns only the alerts that are new."""
    pending = list(alerts)
    if not pending:  # the common case: check the trial in a read, without taking the write lock
        get_trial(db, trial_id=trial_id, owner=owner)
        return []
    _check_alerts(pending)
    with db.connect(write=True) as connection:
        _trial(connection, trial_id, owner, lock=True)
        return _insert_alerts(connection, trial_id, pending)


def _check_alerts(alerts: Sequence[AlertLike]) -> None:
    for alert in alerts:
        _check_day(alert.day)
        _check_text("rule_id", alert.rule_id, required=True)
        _check_text("message", alert.message, required=True)
        _check_text("detail", alert.detail)
        _check_choice("level", alert.level, ALERT_LEVELS)


def _insert_alerts(connection: Connection, trial_id: str, alerts: Sequence[AlertLike]) -> list[AlertRecord]:
    """Insert the alerts not stored yet for their (day, rule); returns those, with their ids."""
    now = datetime.now(UTC)
    new: list[AlertRecord] = []
    statement = _INSERT_ALERT[connection.dialect.name]
    for alert in alerts:
        record = AlertRecord(
            id=0,  # set by the database
            trial_id=trial_id,
            day=alert.day,
            rule_id=alert.rule_id,
            level=alert.level,
            message=alert.message,
            created_at=now,
            detail=alert.detail,
        )
        alert_id = connection.scalar(statement, {k: v for k, v in asdict(record).items() if k != "id"})
        if alert_id is not None:
            new.append(replace(record, id=alert_id))
    return new


def list_alerts(db: Database, *, trial_id: str, owner: str) -> list[AlertRecord]:
    """The trial's alerts by day (in the order they were stored within a day)."""
    with db.connect() as connection:
        _trial(connection, trial_id, owner)
        rows = connection.execute(_ALERTS, {"trial_id": trial_id})
        return [AlertRecord(**row._asdict()) for row in rows]


# ------------------------------------------------------------------------------------------ pool consent

_CONSENTS: Final = metadata.tables[PoolConsent.__tablename__]


@dataclass(frozen=True)
class ConsentRecord:
    """One period of consent to pooling a trial: open while `withdrawn_at` is None."""

    id: int
    trial_id: str
    given_at: datetime
    withdrawn_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.withdrawn_at is None


def give_pool_consent(db: Database, *, trial_id: str, at: datetime, owner: str) -> ConsentRecord:
    """Consent to pooling the trial from `at` on. Consent already given stays as it was (with its
    own date) and is returned: agreeing twice does not make two periods."""
    _check_moment("at", at)
    with db.connect(write=True) as connection:
        trial = _trial(connection, trial_id, owner, lock=True)
        current = _open_consent(connection, trial.id)
        if current is not None:
            return current
        statement = insert(_CONSENTS).values(trial_id=trial.id, given_at=at).returning(_CONSENTS.c.id)
        return ConsentRecord(id=int(connection.execute(statement).scalar_one()), trial_id=trial.id, given_at=at)


def withdraw_pool_consent(
    db: Database, *, trial_id: str, at: datetime, owner: str
) -> ConsentRecord | None:
    """Withdraw the trial's open consent at `at` (the trial is left out of every pool from then on).
    Returns the withdrawn period, or None when the trial was not shared (nothing to withdraw)."""
    _check_moment("at", at)
    with db.connect(write=True) as connection:
        trial = _trial(connection, trial_id, owner, lock=True)
        current = _open_consent(connection, trial.id)
        if current is None:
            return None
        # A clock that went back must not make a withdrawal precede its consent.
        withdrawn_at = max(at, current.given_at)
        connection.execute(update(_CONSENTS).where(_CONSENTS.c.id == current.id).values(withdrawn_at=withdrawn_at))
        return replace(current, withdrawn_at=withdrawn_at)


def pool_consents(db: Database, *, trial_id: str, owner: str) -> list[ConsentRecord]:
    """Every period of consent the trial has had, oldest first (the last one is open if it is shared)."""
    with db.connect() as connection:
        _trial(connection, trial_id, owner)
        query = select(_CONSENTS).where(_CONSENTS.c.trial_id == trial_id).order_by(_CONSENTS.c.given_at, _CONSENTS.c.id)
        return [ConsentRecord(**row._asdict()) for row in connection.execute(query)]


@dataclass(frozen=True)
class OwnerRange:
    """Some of the people a pool reads, by the owner of their trials: owners whose id comes after
    `after` (None: from the first) up to and including `last` (None: to the end), in the database's
    order of ids (the command line's trials are those of `LOCAL_OWNER`, one person). A range holds
    every trial of its owners, so one diary per person is chosen within it."""

    after: str | None = None
    last: str | None = None


@dataclass(frozen=True)
class PoolTrials:
    """Consented trials and the current diary of each (ordered by day)."""

    trials: list[TrialRecord]
    entries: dict[str, list[EntryRecord]]


def _consented(substance: str, condition: str) -> list[Any]:
    """Trials of `substance` for `condition` whose consent to pooling is open now."""
    open_consent = select(_CONSENTS.c.trial_id).where(_CONSENTS.c.withdrawn_at.is_(None))
    return [_TRIALS.c.substance == substance, _TRIALS.c.condition == condition, _TRIALS.c.id.in_(open_consent)]


def pool_people_count(db: Database, *, substance: str, condition: str) -> int:
    """How many people (owners) have a consented trial of `substance` for `condition` now: a
    pool's size, counted without reading any diary."""
    query = select(func.count(_TRIALS.c.owner_id.distinct())).where(*_consented(substance, condition))
    with db.connect() as connection:
        return int(connection.execute(query).scalar_one())


def pool_owner_ranges(db: Database, *, substance: str, condition: str, people: int) -> Iterator[OwnerRange]:
    """The people with a consented trial of `substance` for `condition`, as ranges of at most
    `people` owners each. Keyset pagination: each range is one read of at most `people` owner ids
    after the previous range's last, so no read grows with the number of people, and no connection
    is held between ranges (a caller may read each range's trials in between, here or on another
    machine)."""
    if people < 1:
        raise StorageError(f"a range of people must hold at least one person, not {people}")
    owner = _TRIALS.c.owner_id
    consented = _consented(substance, condition)
    after: str | None = None
    while True:
        query = select(owner).where(*consented).group_by(owner).order_by(owner).limit(people)
        if after is not None:
            query = query.where(owner > after)
        with db.connect() as connection:
            owners = list(connection.execute(query).scalars())
        if not owners:
            return
        yield OwnerRange(after=after, last=owners[-1])
        if len(owners) < people:
            return
        after = owners[-1]


def pool_trials(db: Database, *, substance: str, condition: str, owners: OwnerRange) -> PoolTrials:
    """The consented trials of `substance` for `condition` of the owners in `owners`, ordered by
    creation, and their current diaries, in two reads. Pooling reads across people; the result it
    feeds never names a trial or its owner."""
    owner = _TRIALS.c.owner_id
    where = _consented(substance, condition)
    if owners.after is not None:
        where.append(owner > owners.after)
    if owners.last is not None:
        where.append(owner <= owners.last)
    with db.connect() as connection:
        trials = [
            _trial_record(row)
            for row in connection.execute(select(_TRIALS).where(*where).order_by(_TRIALS.c.created_at, _TRIALS.c.id))
        ]
        entries: dict[str, list[EntryRecord]] = {trial.id: [] for trial in trials}
        if trials:
            query = (
                select(_ENTRIES)
                .where(_ENTRIES.c.trial_id.in_(select(_TRIALS.c.id).where(*where)), _ENTRIES.c.is_current.is_(True))
                .order_by(_ENTRIES.c.trial_id, _ENTRIES.c.day)
            )
            for record in _entries(connection, connection.execute(query).all()):
                if record.trial_id in entries:  # a trial consented between the two reads waits for the next pool
                    entries[record.trial_id].append(record)
    return PoolTrials(trials, entries)


def pool_trial_plans(
    db: Database, *, substance: str, condition: str, owners: OwnerRange
) -> list[tuple[str, dict[str, Any]]]:
    """(owner, plan) of each consented trial of `substance` for `condition` of the owners in
    `owners`, in one read and without any diary: what a pool of a trial's own outcome needs to
    learn how each person's trials define it before any diary is read."""
    owner = _TRIALS.c.owner_id
    where = _consented(substance, condition)
    if owners.after is not None:
        where.append(owner > owners.after)
    if owners.last is not None:
        where.append(owner <= owners.last)
    query = select(owner, _TRIALS.c.plan).where(*where).order_by(owner, _TRIALS.c.created_at, _TRIALS.c.id)
    with db.connect() as connection:
        return [(str(row.owner_id), dict(row.plan)) for row in connection.execute(query)]


def _open_consent(connection: Connection, trial_id: str) -> ConsentRecord | None:
    query = select(_CONSENTS).where(_CONSENTS.c.trial_id == trial_id, _CONSENTS.c.withdrawn_at.is_(None))
    row = connection.execute(query).first()
    return ConsentRecord(**row._asdict()) if row is not None else None


def _check_moment(field: str, value: object) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise StorageError(f"{field} must be a timezone-aware datetime, not {value!r}")


# ------------------------------------------------------------------------------------------------ helpers


def new_trial_id() -> str:
    """A short random trial id, `t-` and six hex digits."""
    return f"t-{secrets.token_hex(3)}"


def _unused_trial_id(connection: Connection) -> str:
    for _ in range(_ID_ATTEMPTS):
        candidate = new_trial_id()
        if connection.execute(select(_TRIALS.c.id).where(_TRIALS.c.id == candidate)).first() is None:
            return candidate
    raise StorageError("could not find an unused trial id", hint="try again")  # pragma: no cover


def _trial(connection: Connection, trial_id: str, owner: str, *, lock: bool = False) -> TrialRecord:
    """The trial if it belongs to `owner` (`LOCAL_OWNER` for the command line's trials). Another
    owner's trial is "not found", exactly like a trial that does not exist. `lock` serialises writes
    to one trial on PostgreSQL (SQLite holds its write lock from BEGIN already)."""
    query = _TRIAL_QUERIES[lock]
    row = connection.execute(query, {"trial_id": trial_id, "owner": owner}).first()
    if row is None:
        raise TrialNotFoundError(f"no trial {trial_id!r}", hint=TRIALS_HINT)
    return _trial_record(row)


def _entry(row: Row[Any], custom: Mapping[str, float] | None = None) -> EntryRecord:
    return EntryRecord(**row._asdict(), custom=dict(custom or {}))


def _entries(connection: Connection, rows: Sequence[Row[Any]]) -> list[EntryRecord]:
    """Entry rows as records, each with the values of the trial's own outcomes (one more read)."""
    if not rows:
        return []
    custom: dict[int, dict[str, float]] = {}
    ids = [row.id for row in rows]
    for start in range(0, len(ids), _IDS_PER_READ):
        for value in connection.execute(_VALUES_OF, {"entry_ids": ids[start : start + _IDS_PER_READ]}):
            custom.setdefault(value.entry_id, {})[value.outcome] = value.value
    return [_entry(row, dict(sorted(custom.get(row.id, {}).items()))) for row in rows]


def _joined_entries(rows: Iterable[Row[Any]]) -> list[EntryRecord]:
    """Records from `_CURRENT_WITH_VALUES` rows: an entry's rows are adjacent (one current entry per
    day, ordered by day), each carrying one of its own-outcome values or none. The values are
    ordered by name in Python, as `_entries` orders them, not by the database's collation."""
    columns: dict[int, dict[str, Any]] = {}
    custom: dict[int, dict[str, float]] = {}
    for row in rows:
        values = row._asdict()
        outcome, value = values.pop("custom_outcome"), values.pop("custom_value")
        columns.setdefault(values["id"], values)
        values_of_entry = custom.setdefault(values["id"], {})
        if outcome is not None:
            values_of_entry[outcome] = value
    return [EntryRecord(**columns[key], custom=dict(sorted(custom[key].items()))) for key in columns]


def _trial_record(row: Row[Any]) -> TrialRecord:
    values = row._asdict()
    return TrialRecord(**{**values, "outcomes": tuple(values["outcomes"])})


def _check_text(field: str, value: object, *, required: bool = False) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()):
        raise StorageError(f"{field} must be {'a non-empty' if required else 'a'} text, not {value!r}")
    if "\x00" in value:
        raise StorageError(f"{field} contains a NUL character, which cannot be stored")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise StorageError(f"{field} is not valid Unicode text (at character {error.start})") from error


def _check_choice(field: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise StorageError(f"{field} {value!r} is not one of {', '.join(allowed)}")


def _check_day(day: object) -> None:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise StorageError(f"day must be a date, not {day!r}")


def _json_document(field: str, document: Mapping[str, Any]) -> dict[str, Any]:
    """The document as JSON will store it (tuples become lists); refuses what JSON cannot hold."""
    if not isinstance(document, Mapping):
        raise StorageError(f"{field} must be a JSON object, not {type(document).__name__}")
    try:
        text = json.dumps(document, allow_nan=False, ensure_ascii=False)
        text.encode("utf-8")
    except (TypeError, ValueError) as error:
        raise StorageError(f"{field} is not a JSON document: {error}") from error
    if "\x00" in text or "\\u0000" in text:
        raise StorageError(f"{field} contains a NUL character, which cannot be stored")
    result: dict[str, Any] = json.loads(text)
    return result


def _first_line(error: IntegrityError) -> str:
    lines = str(error.orig if error.orig is not None else error).strip().splitlines()
    return lines[0] if lines else "integrity error"
