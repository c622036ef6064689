"""Every setting declared once, with its default and help, read by a function (never at import).

A bad value fails at start-up with a hint instead of surfacing later as a confusing error.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from platformdirs import user_cache_dir

from suppwise.errors import SuppwiseError

DEFAULT_POOL_SIZE: Final = 40
"""PostgreSQL connections the web app keeps open: anyio's default number of worker threads, which
is how many database calls it makes at once."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "SUPPWISE_EVIDENCE_DIR",
        None,
        "Folder of evidence YAML files to use instead of the bundled evidence base (for curators).",
    ),
    Setting(
        "SUPPWISE_CACHE_DIR",
        "the user cache folder (platformdirs)",
        "Where the validated evidence base is cached between runs; `off` disables the cache.",
    ),
    Setting(
        "SUPPWISE_DATABASE_URL",
        None,
        "Database for personal trials, as a SQLAlchemy URL (`sqlite:///path.db` or "
        "`postgresql+psycopg://user@host/db`); unset: a SQLite file in the user data folder.",
    ),
    Setting(
        "SUPPWISE_DATABASE_POOL_SIZE",
        str(DEFAULT_POOL_SIZE),
        "PostgreSQL connections kept open by one process (the web app makes up to 40 database calls at "
        "once); lower it when several processes share a server with few connections. Ignored for SQLite.",
    ),
    Setting(
        "SUPPWISE_SIGNUPS_PER_ADDRESS",
        "5",
        "Web app: accounts that may be made from one client address in a day before each further sign-up "
        "must wait (1 s, doubling, up to 15 minutes). Raise it where many people share one address.",
    ),
    Setting(
        "SUPPWISE_POOL_MIN_PEOPLE",
        "10",
        "Web app: the fewest people whose shared trials the public pooled pages (`/pooled/...`) pool; "
        "10 at least (it can be raised, never lowered).",
    ),
)


@dataclass(frozen=True)
class Settings:
    evidence_dir: Path | None = None
    cache_dir: Path | None = None
    database_url: str | None = None
    database_pool_size: int = DEFAULT_POOL_SIZE
    signups_per_address: int = 5
    pool_min_people: int = 10


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    raw = env.get("SUPPWISE_EVIDENCE_DIR")
    evidence_dir = None
    if raw:
        evidence_dir = Path(raw).expanduser()
        if not evidence_dir.is_dir():
            raise SuppwiseError(
                f"SUPPWISE_EVIDENCE_DIR={raw!r} is not a folder",
                hint="point it at a folder of evidence .yaml files, or unset it to use the bundled evidence",
            )
    cache_raw = env.get("SUPPWISE_CACHE_DIR", "")
    cache_dir: Path | None
    if cache_raw.lower() == "off":
        cache_dir = None
    elif cache_raw:
        cache_dir = Path(cache_raw).expanduser()
    else:
        cache_dir = Path(user_cache_dir("suppwise"))
    database_url = env.get("SUPPWISE_DATABASE_URL", "").strip() or None
    if database_url is not None and "://" not in database_url:
        raise SuppwiseError(
            f"SUPPWISE_DATABASE_URL={database_url!r} is not a database URL",
            hint="use e.g. `sqlite:////home/me/suppwise.db` or `postgresql+psycopg://user@host/dbname`, "
            "or unset it to use a SQLite file in the user data folder",
        )
    pool_raw = env.get("SUPPWISE_DATABASE_POOL_SIZE", "").strip()
    pool_size = DEFAULT_POOL_SIZE
    if pool_raw:
        pool_size = int(pool_raw) if pool_raw.isdecimal() and len(pool_raw) <= 5 else 0
        if not 1 <= pool_size <= 10_000:
            raise SuppwiseError(
                f"SUPPWISE_DATABASE_POOL_SIZE={pool_raw!r} is not a number of connections",
                hint=f"use a whole number of 1 or more (default {DEFAULT_POOL_SIZE}), or unset it",
            )
    signups_raw = env.get("SUPPWISE_SIGNUPS_PER_ADDRESS", "").strip() or "5"
    if not (signups_raw.isdecimal() and len(signups_raw) <= 7 and 1 <= int(signups_raw) <= 1_000_000):
        raise SuppwiseError(
            f"SUPPWISE_SIGNUPS_PER_ADDRESS={signups_raw[:40]!r} is not a whole number from 1 to 1000000",
            hint="e.g. 5 (the default); unset it to use the default",
        )
    pool_raw_min = env.get("SUPPWISE_POOL_MIN_PEOPLE", "").strip() or "10"
    if not (pool_raw_min.isdecimal() and len(pool_raw_min) <= 7 and 10 <= int(pool_raw_min) <= 1_000_000):
        raise SuppwiseError(
            f"SUPPWISE_POOL_MIN_PEOPLE={pool_raw_min[:40]!r} is not a whole number from 10 to 1000000",
            hint="pools of fewer than 10 people are never made; raise it, or unset it to use 10",
        )
    return Settings(
        evidence_dir=evidence_dir,
        cache_dir=cache_dir,
        database_url=database_url,
        database_pool_size=pool_size,
        signups_per_address=int(signups_raw),
        pool_min_people=int(pool_raw_min),
    )
