"""Create trials, entries (with correction history) and alerts.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00

Written by hand and kept free of imports from suppwise, so it stays the same when the models move
on; `tests/test_storage.py` checks that the migrated schema matches `suppwise.storage.tables`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "trials",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("substance", sa.Text(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.Column("outcomes", _json(), nullable=False),
        sa.Column("plan", _json(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("screen_level", sa.String(32), nullable=False),
        sa.Column("acknowledgement", sa.Text(), nullable=True),
        sa.Column("acknowledged_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trials")),
        sa.CheckConstraint("status IN ('planned', 'active', 'stopped', 'finished')", name=op.f("ck_trials_status")),
        sa.CheckConstraint("screen_level IN ('no_known_issue', 'caution')", name=op.f("ck_trials_screen_level")),
        sa.CheckConstraint(
            "(acknowledgement IS NULL) = (acknowledged_at IS NULL)", name=op.f("ck_trials_acknowledgement_pair")
        ),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("trial_id", sa.String(32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", _utc(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("fatigue", sa.Integer(), nullable=True),
        sa.Column("sleep", sa.Integer(), nullable=True),
        sa.Column("gi", sa.Integer(), nullable=True),
        sa.Column("phq2", sa.Integer(), nullable=True),
        sa.Column("phq9", sa.Integer(), nullable=True),
        sa.Column("phq9_item9", sa.Integer(), nullable=True),
        sa.Column("dose_taken", sa.Float(), nullable=True),
        sa.Column("dose_unit", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
        sa.ForeignKeyConstraint(
            ["trial_id"], ["trials.id"], name=op.f("fk_entries_trial_id_trials"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("trial_id", "day", "version", name=op.f("uq_entries_trial_id_day_version")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_entries_version")),
        sa.CheckConstraint("source IN ('cli', 'csv', 'web', 'api')", name=op.f("ck_entries_source")),
        sa.CheckConstraint("pain >= 0 AND pain <= 10", name=op.f("ck_entries_pain_range")),
        sa.CheckConstraint("fatigue >= 0 AND fatigue <= 10", name=op.f("ck_entries_fatigue_range")),
        sa.CheckConstraint("sleep >= 0 AND sleep <= 10", name=op.f("ck_entries_sleep_range")),
        sa.CheckConstraint("gi >= 0 AND gi <= 10", name=op.f("ck_entries_gi_range")),
        sa.CheckConstraint("phq2 >= 0 AND phq2 <= 6", name=op.f("ck_entries_phq2_range")),
        sa.CheckConstraint("phq9 >= 0 AND phq9 <= 27", name=op.f("ck_entries_phq9_range")),
        sa.CheckConstraint("phq9_item9 >= 0 AND phq9_item9 <= 3", name=op.f("ck_entries_phq9_item9_range")),
        sa.CheckConstraint("dose_taken >= 0 AND dose_taken <= 1000000000", name=op.f("ck_entries_dose_taken_range")),
        sa.CheckConstraint("phq9_item9 <= phq9", name=op.f("ck_entries_phq9_item9_within_total")),
        sa.CheckConstraint("length(note) <= 2000", name=op.f("ck_entries_note_length")),
    )
    # At most one current row per (trial, day); older versions stay as the correction history.
    op.create_index(
        "uq_entries_current_day",
        "entries",
        ["trial_id", "day"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("trial_id", sa.String(32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rule_id", sa.Text(), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.ForeignKeyConstraint(
            ["trial_id"], ["trials.id"], name=op.f("fk_alerts_trial_id_trials"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("trial_id", "day", "rule_id", name=op.f("uq_alerts_trial_id_day_rule_id")),
        sa.CheckConstraint("level IN ('info', 'warning', 'urgent', 'crisis')", name=op.f("ck_alerts_level")),
    )


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_index("uq_entries_current_day", table_name="entries")
    op.drop_table("entries")
    op.drop_table("trials")
