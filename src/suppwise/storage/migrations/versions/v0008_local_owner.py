"""The command line's trials get an explicit owner, the local account `local`, instead of none.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 14:00:00

Until now a trial planned with `suppwise trial plan` had `owner_id` NULL, and every read of "the
CLI's trials" asked for NULL: a second meaning of "owner" beside the accounts. This revision adds
the account `local` (the person who holds the database file), which cannot sign in (its password
hash is no hash, so no password verifies against it, and `local` is no email address a sign-up
accepts), and gives it every trial that had no owner. Nothing else changes: the trials keep their
ids, diaries, alerts and consents. The schema is the same; only data moves. Downgrading gives the
trials back to no owner and removes the account. Hand-written and free of suppwise imports, like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL = "local"
NO_PASSWORD = "!"  # not an Argon2 hash: verifying any password against it fails

_users = sa.table(
    "users",
    sa.column("id", sa.String),
    sa.column("email", sa.Text),
    sa.column("password_hash", sa.Text),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("password_changed_at", sa.DateTime(timezone=True)),
)
_trials = sa.table("trials", sa.column("owner_id", sa.String))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.select(_users.c.id).where(_users.c.id == LOCAL)).first() is None:
        now = datetime.now(UTC)
        if bind.dialect.name == "sqlite":  # stored as naive UTC there, as the app stores it
            now = now.replace(tzinfo=None)
        op.execute(
            _users.insert().values(
                id=LOCAL, email=LOCAL, password_hash=NO_PASSWORD, created_at=now, password_changed_at=now
            )
        )
    op.execute(_trials.update().where(_trials.c.owner_id.is_(None)).values(owner_id=LOCAL))


def downgrade() -> None:
    op.execute(_trials.update().where(_trials.c.owner_id == LOCAL).values(owner_id=None))
    op.execute(_users.delete().where(_users.c.id == LOCAL))
