"""API tokens expire and can be listed and revoked; sign-in attempts are reserved, then settled.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:00:00

`api_tokens.expires_at`: a token stops working when it expires. Tokens made before this revision
never expired; they get 90 days from now, the default lifetime of a new token, so nobody is cut off
on the day of the upgrade. `api_tokens.ref`: a short public name of the token (the first 16 hex
digits of its hash), which the list shows and a revocation names, so the full hash never leaves
the database. `login_failures.attempt`: a sign-in is counted as a failure before its password is
checked and forgiven if the password was right; the attempt id finds the rows to forgive.
Hand-written and free of suppwise imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("ref", sa.String(16), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # Timestamps are naive UTC text on SQLite (see tables.UTCDateTime), as SQLAlchemy writes them.
        op.execute("UPDATE api_tokens SET expires_at = strftime('%Y-%m-%d %H:%M:%f000', 'now', '+90 days')")
    else:
        op.execute("UPDATE api_tokens SET expires_at = now() + interval '90 days'")
    op.execute("UPDATE api_tokens SET ref = substr(id, 1, 16)")
    with op.batch_alter_table("api_tokens") as batch:
        batch.alter_column("expires_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.alter_column("ref", existing_type=sa.String(16), nullable=False)
        batch.create_unique_constraint(op.f("uq_api_tokens_ref"), ["ref"])
        batch.create_index(op.f("ix_api_tokens_expires_at"), ["expires_at"])
    with op.batch_alter_table("sessions") as batch:
        batch.create_index(op.f("ix_sessions_expires_at"), ["expires_at"])
    with op.batch_alter_table("login_failures") as batch:
        batch.add_column(sa.Column("attempt", sa.String(32), nullable=True))
        batch.create_index(op.f("ix_login_failures_attempt"), ["attempt"])
        batch.create_index(op.f("ix_login_failures_at"), ["at"])


def downgrade() -> None:
    with op.batch_alter_table("login_failures") as batch:
        batch.drop_index(op.f("ix_login_failures_at"))
        batch.drop_index(op.f("ix_login_failures_attempt"))
        batch.drop_column("attempt")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_index(op.f("ix_sessions_expires_at"))
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_index(op.f("ix_api_tokens_expires_at"))
        batch.drop_constraint(op.f("uq_api_tokens_ref"), type_="unique")
        batch.drop_column("ref")
        batch.drop_column("expires_at")
