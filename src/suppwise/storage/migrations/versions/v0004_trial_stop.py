"""Record when and why a person stopped a trial early (`trials.stopped_on`, `trials.stop_reason`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:00:00

A stopped trial's analysis ends on the day it was stopped (later days are not "missing"), and the
clinician's report says when and why. A trial is `stopped` exactly when it has a stop day; no trial
was stopped before this revision, so existing rows keep both empty. Hand-written and free of
suppwise imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("trials") as batch:
        batch.add_column(sa.Column("stopped_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("stop_reason", sa.Text(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_trials_stopped_has_a_day"), "(status = 'stopped') = (stopped_on IS NOT NULL)"
        )


def downgrade() -> None:
    with op.batch_alter_table("trials") as batch:
        batch.drop_constraint(op.f("ck_trials_stopped_has_a_day"), type_="check")
        batch.drop_column("stop_reason")
        batch.drop_column("stopped_on")
