"""Keep what made an alert fire (`alerts.detail`) and the dose as the person wrote it (`entries.dose_text`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 00:00:00

The rule's message says what to do; the detail ("pain 7, 8, 8 against a baseline mean of 4.1") is
the evidence for it on that day, which the clinician's report shows. `dose_taken` keeps the daily
amount in `dose_unit` for sums and checks; `dose_text` keeps the words ("5 g twice a day") so an
export gives back what was typed. Existing rows keep both empty. Hand-written and free of suppwise
imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("detail", sa.Text(), nullable=True))
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("dose_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("dose_text")
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("detail")
