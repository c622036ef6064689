"""Per-trial consent to pooling (`pool_consents`): given with its time, withdrawable with its time.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 00:00:00

Pooling personal trials (docs/pooling.md) is opt-in per trial. A row is one period of consent:
`given_at` when the person agreed, `withdrawn_at` when they took it back (NULL while it lasts). A
partial unique index allows one open period per trial; withdrawn rows are kept as the record of
what was agreed and when. No trial was shared before this revision, so the table starts empty.
Hand-written and free of suppwise imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pool_consents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("trial_id", sa.String(32), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "withdrawn_at IS NULL OR withdrawn_at >= given_at", name=op.f("ck_pool_consents_withdrawn_after_given")
        ),
        sa.ForeignKeyConstraint(
            ["trial_id"], ["trials.id"], name=op.f("fk_pool_consents_trial_id_trials"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool_consents")),
    )
    op.create_index(op.f("ix_pool_consents_trial_id"), "pool_consents", ["trial_id"])
    op.create_index(
        "uq_pool_consents_open",
        "pool_consents",
        ["trial_id"],
        unique=True,
        sqlite_where=sa.text("withdrawn_at IS NULL"),
        postgresql_where=sa.text("withdrawn_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_pool_consents_open", table_name="pool_consents")
    op.drop_index(op.f("ix_pool_consents_trial_id"), table_name="pool_consents")
    op.drop_table("pool_consents")
