"""Accounts for the web app: users, sessions, API tokens, sign-in failures, and trial owners.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 00:00:01

Trials made before this revision (by the CLI) keep no owner. Hand-written and free of suppwise
imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("password_changed_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_users_email_lower")),
    )
    for table in ("sessions", "api_tokens"):
        columns: list[sa.schema.SchemaItem] = [
            sa.Column("id", sa.String(64), nullable=False),
            sa.Column("user_id", sa.String(32), nullable=False),
            sa.Column("created_at", _utc(), nullable=False),
        ]
        if table == "sessions":
            columns.append(sa.Column("expires_at", _utc(), nullable=False))
        else:
            columns.append(sa.Column("name", sa.Text(), nullable=False))
        op.create_table(
            table,
            *columns,
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.ForeignKeyConstraint(
                ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
            ),
        )
        op.create_index(op.f(f"ix_{table}_user_id"), table, ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    with op.batch_alter_table("trials") as batch:
        batch.add_column(sa.Column("owner_id", sa.String(32), nullable=True))
        batch.create_foreign_key(op.f("fk_trials_owner_id_users"), "users", ["owner_id"], ["id"], ondelete="CASCADE")
        batch.create_index(op.f("ix_trials_owner_id"), ["owner_id"])


def downgrade() -> None:
    with op.batch_alter_table("trials") as batch:
        batch.drop_index(op.f("ix_trials_owner_id"))
        batch.drop_constraint(op.f("fk_trials_owner_id_users"), type_="foreignkey")
        batch.drop_column("owner_id")
    op.drop_index("ix_login_failures_key_at", table_name="login_failures")
    op.drop_table("login_failures")
    for table in ("api_tokens", "sessions"):
        op.drop_index(op.f(f"ix_{table}_user_id"), table_name=table)
        op.drop_table(table)
    op.drop_table("users")
