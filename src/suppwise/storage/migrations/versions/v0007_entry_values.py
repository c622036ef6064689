"""The values of a trial's own outcomes (`entry_values`): one row per entry version and outcome.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:45:00

A trial may track outcomes of its own beside the built-in scores (energy 0-10, headache hours;
docs/trial-json.md). Their values live here, keyed by the entry version and the outcome's name, so
a new outcome needs no schema change. The built-in scores stay columns of `entries` with their
CHECK constraints (see `suppwise.storage.tables`), so no stored diary is rewritten and the table
starts empty. Hand-written and free of suppwise imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "entry_values",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(40), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "value >= -1000000000 AND value <= 1000000000", name=op.f("ck_entry_values_value_range")
        ),
        sa.CheckConstraint(
            "length(outcome) >= 1 AND length(outcome) <= 40", name=op.f("ck_entry_values_outcome_length")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name=op.f("fk_entry_values_entry_id_entries"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "outcome", name=op.f("pk_entry_values")),
    )


def downgrade() -> None:
    op.drop_table("entry_values")
