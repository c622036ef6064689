"""Who owns a trial: a web account, or `LOCAL_OWNER` for the command line's trials.

Kept in a module of its own that imports nothing, so a shell can name the local owner without
loading the database layer (the CLI's start-up stays light).
"""

from __future__ import annotations

from typing import Final

__all__ = ["LOCAL_OWNER"]

LOCAL_OWNER: Final = "local"
"""The account that owns the command line's trials: whoever holds the database file. Storage
revision 0008 made it and gave it the trials that had no owner; it cannot sign in (no password
verifies against its hash, and `local` is no email address)."""
