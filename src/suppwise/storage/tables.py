"""The trial database schema: SQLAlchemy 2 typed declarative tables, identical on SQLite and PostgreSQL.

The trial tables:

- `trials` — one personal trial: the substance and outcomes, the plan (an opaque JSON document the
  domain validates), the randomisation seed, status, the safety screen level and the person's
  verbatim acknowledgement of cautions.
- `entries` — the daily diary with full correction history: a correction never overwrites, it adds
  version n+1 and marks the old row not current. At most one current row per (trial, day) is enforced
  by a partial unique index (`WHERE is_current`, supported by both backends).
- `entry_values` — the values of a trial's own outcomes (energy, headache hours, ...), one row per
  (entry version, outcome), so a new outcome needs no schema change. The built-in scores stay
  columns of `entries`: their ranges, whole points and the PHQ-9 item-9 bound are CHECK constraints
  there, the alert rules and pooling read them, and moving them would rewrite every stored diary for
  nothing a person would notice. A correction copies the day's values to its new version, so every
  version of an entry keeps its own.
- `alerts` — stopping or crisis rules that fired, with what made them fire (`detail`); unique per
  (trial, day, rule) so re-evaluating a day does not duplicate them.
- `pool_consents` — a person's opt-in to pooling one trial with other people's (docs/pooling.md):
  when it was given and, once withdrawn, when. A trial is shared exactly while it has a row not
  withdrawn (a partial unique index allows one); withdrawn rows stay as the record of what was
  agreed and when.

And the web app's accounts: `users`, `sessions` and `api_tokens` (tokens stored only as hashes),
`login_failures` (for rate limiting); a trial with an `owner_id` belongs to that user and goes when
the account is deleted.

Every range is a CHECK constraint: the domain validates first (`suppwise.trials.diary.DiaryEntry`),
the database guards integrity after it; the repository itself does not re-check values. The ranges
live once, in `ENTRY_FIELDS`.
The Alembic migrations in `suppwise.storage.migrations` create exactly this schema (a test compares
them); change both together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

TRIAL_STATUSES: Final = ("planned", "active", "stopped", "finished")
SCREEN_LEVELS: Final = ("no_known_issue", "caution")
ENTRY_SOURCES: Final = ("cli", "csv", "web", "api")
ALERT_LEVELS: Final = ("info", "warning", "urgent", "crisis")
NOTE_MAX_CHARS: Final = 2000
VALUE_MAX: Final = 1_000_000_000
"""Bound of an `entry_values` value either way (as `MAX_SCORE_MAGNITUDE` in the trial core); it
keeps Infinity and NaN out on both backends."""
OUTCOME_KEY_MAX_CHARS: Final = 40
DOSE_MAX: Final = 1_000_000_000
"""Upper bound of `dose_taken`; far above any real dose in any unit, it keeps Infinity and NaN out
(PostgreSQL orders NaN above every number, so `>= 0` alone would let it in)."""

# Deterministic constraint names, so later migrations (including SQLite batch mode) can refer to them.
NAMING_CONVENTION: Final = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


@dataclass(frozen=True)
class EntryField:
    """One measured column of `entries`: its Python type and, for numbers, the allowed range."""

    name: str
    kind: type[int] | type[float] | type[str]
    low: int | None = None
    high: int | None = None
    help: str = ""


ENTRY_FIELDS: Final[tuple[EntryField, ...]] = (
    EntryField("pain", int, 0, 10, "pain NRS 0–10"),
    EntryField("fatigue", int, 0, 10, "fatigue NRS 0–10"),
    EntryField("sleep", int, 0, 10, "sleep quality NRS 0–10"),
    EntryField("gi", int, 0, 10, "gastrointestinal symptoms NRS 0–10"),
    EntryField("phq2", int, 0, 6, "PHQ-2 total 0–6"),
    EntryField("phq9", int, 0, 27, "PHQ-9 total 0–27"),
    EntryField("phq9_item9", int, 0, 3, "PHQ-9 item 9 (thoughts of self-harm) 0–3"),
    EntryField("dose_taken", float, 0, DOSE_MAX, "dose taken that day, in `dose_unit`"),
    EntryField("dose_unit", str, None, None, "unit of `dose_taken`"),
    EntryField("dose_text", str, None, 100, "the dose as the person wrote it"),
    EntryField("note", str, None, NOTE_MAX_CHARS, f"free-text note, at most {NOTE_MAX_CHARS} characters"),
)
ENTRY_FIELD_NAMES: Final = tuple(f.name for f in ENTRY_FIELDS)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _range(column: str, low: int, high: int) -> str:
    return f"{column} >= {low} AND {column} <= {high}"


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on both backends.

    PostgreSQL stores `timestamptz`; SQLite has no time zones, so the value is stored as naive UTC.
    Either way the value read back is aware and in UTC, and a naive value is refused on write.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JsonDocument = JSON().with_variant(JSONB(), "postgresql")
"""JSON text on SQLite, `jsonb` on PostgreSQL."""


class Base(DeclarativeBase):
    metadata = metadata


class Trial(Base):
    __tablename__ = "trials"
    __table_args__ = (
        CheckConstraint(_in("status", TRIAL_STATUSES), name="status"),
        CheckConstraint(_in("screen_level", SCREEN_LEVELS), name="screen_level"),
        CheckConstraint("(acknowledgement IS NULL) = (acknowledged_at IS NULL)", name="acknowledgement_pair"),
        CheckConstraint("(status = 'stopped') = (stopped_on IS NOT NULL)", name="stopped_has_a_day"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    substance: Mapped[str] = mapped_column(Text)
    condition: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[list[str]] = mapped_column(JsonDocument)
    plan: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    seed: Mapped[int | None] = mapped_column(BigInteger)
    start_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    screen_level: Mapped[str] = mapped_column(String(32))
    acknowledgement: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    owner_id: Mapped[str | None] = mapped_column(
        String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True, default=None
    )
    stopped_on: Mapped[date | None] = mapped_column(Date, default=None)
    stop_reason: Mapped[str | None] = mapped_column(Text, default=None)


class Entry(Base):
    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("trial_id", "day", "version"),
        CheckConstraint("version >= 1", name="version"),
        CheckConstraint(_in("source", ENTRY_SOURCES), name="source"),
        *(
            CheckConstraint(_range(f.name, f.low, f.high), name=f"{f.name}_range")
            for f in ENTRY_FIELDS
            if f.kind is not str and f.low is not None and f.high is not None
        ),
        CheckConstraint("phq9_item9 <= phq9", name="phq9_item9_within_total"),
        CheckConstraint(f"length(note) <= {NOTE_MAX_CHARS}", name="note_length"),
        # At most one current row per (trial, day): the history of corrections stays, one row counts.
        Index(
            "uq_entries_current_day",
            "trial_id",
            "day",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trial_id: Mapped[str] = mapped_column(String(32), ForeignKey("trials.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    source: Mapped[str] = mapped_column(String(8))
    pain: Mapped[int | None] = mapped_column(Integer)
    fatigue: Mapped[int | None] = mapped_column(Integer)
    sleep: Mapped[int | None] = mapped_column(Integer)
    gi: Mapped[int | None] = mapped_column(Integer)
    phq2: Mapped[int | None] = mapped_column(Integer)
    phq9: Mapped[int | None] = mapped_column(Integer)
    phq9_item9: Mapped[int | None] = mapped_column(Integer)
    dose_taken: Mapped[float | None] = mapped_column(Float)
    dose_unit: Mapped[str | None] = mapped_column(Text)
    dose_text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class OutcomeValue(Base):
    """One value of one of the trial's own outcomes in one version of a day's entry."""

    __tablename__ = "entry_values"
    __table_args__ = (
        CheckConstraint(f"value >= {-VALUE_MAX} AND value <= {VALUE_MAX}", name="value_range"),
        CheckConstraint(f"length(outcome) >= 1 AND length(outcome) <= {OUTCOME_KEY_MAX_CHARS}", name="outcome_length"),
    )

    entry_id: Mapped[int] = mapped_column(Integer, ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(OUTCOME_KEY_MAX_CHARS), primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        UniqueConstraint("trial_id", "day", "rule_id"),
        CheckConstraint(_in("level", ALERT_LEVELS), name="level"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trial_id: Mapped[str] = mapped_column(String(32), ForeignKey("trials.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    rule_id: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    detail: Mapped[str | None] = mapped_column(Text)


class User(Base):
    """An account of the web app, or `LOCAL_OWNER` (`suppwise.owners`), the owner of the command
    line's trials."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lower"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    email: Mapped[str] = mapped_column(Text, unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WebSession(Base):
    """A signed-in browser. `id` is the SHA-256 of the cookie's token, so a copy of the database
    cannot be used to sign in."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class ApiToken(Base):
    """A bearer token for the JSON API, stored as its SHA-256 like a session. `ref` (the first 16
    hex digits of the hash) names it in the token list and in a revocation; it stops working at
    `expires_at`."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ref: Mapped[str] = mapped_column(String(16), unique=True)


class LoginFailure(Base):
    """One throttled attempt (a sign-in, or a sign-up), kept for a day to slow down guessing: per
    account, per client address, and per account and address together. A sign-in is recorded here
    before its password is checked (`attempt` names it) and forgiven if the password was right, so
    that parallel guesses cannot all pass the check before any is counted. Shared by every worker
    process because it lives in the database."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    attempt: Mapped[str | None] = mapped_column(String(32), index=True)


class PoolConsent(Base):
    """One period during which a trial's diary may be pooled: from `given_at` until `withdrawn_at`
    (NULL while it lasts). Pooling reads only trials with an open period."""

    __tablename__ = "pool_consents"
    __table_args__ = (
        CheckConstraint("withdrawn_at IS NULL OR withdrawn_at >= given_at", name="withdrawn_after_given"),
        # At most one open consent per trial: giving consent twice does not stack.
        Index(
            "uq_pool_consents_open",
            "trial_id",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
            postgresql_where=text("withdrawn_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trial_id: Mapped[str] = mapped_column(String(32), ForeignKey("trials.id", ondelete="CASCADE"), index=True)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
