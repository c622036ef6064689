"""Shared fixtures: the bundled evidence base, the tiny made-up one for rule tests, and empty trial
databases on both backends.

Databases: SQLite in a temporary folder, and PostgreSQL in a schema of its own per test (created
here, dropped afterwards even when the test fails; names carry the process id and a random part, so
two runs can go in parallel). PostgreSQL: `SUPPWISE_TEST_POSTGRES_URL` (default
`postgresql+psycopg://postgres@127.0.0.1:5432/test`); those tests are skipped, with the reason, when
that server cannot be reached.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from suppwise.evidence import EvidenceBase, bundled_data_dir, load_evidence
from suppwise.storage import Database, open_database
from suppwise.storage import db as db_module

# No per-example deadline: speed is measured by benchmarks/, never asserted in tests, and a lazily built
# cache (the shared word gate's index, made after a few hundred questions; the spelling word list) makes
# one example slow in whichever property test happens to pay for it.
settings.register_profile("suppwise", deadline=None)
settings.load_profile("suppwise")

PG_URL = os.environ.get("SUPPWISE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("SUPPWISE_REQUIRE_POSTGRES", "") == "1"
"""CI sets this: there, a PostgreSQL that cannot be reached fails the run instead of skipping half
of the database tests (a server short of connections once made CI green without them)."""
BACKENDS = ["sqlite", "postgresql"]

FIXTURES = Path(__file__).parent / "fixtures"
MINI_DIR = FIXTURES / "mini"
UNCLEAR_FILE = FIXTURES / "unclear" / "unclear.yaml"


@pytest.fixture(scope="session")
def mini() -> EvidenceBase:
    return load_evidence(MINI_DIR)


@pytest.fixture(scope="session")
def mini_unclear(tmp_path_factory: pytest.TempPathFactory) -> EvidenceBase:
    """The mini base plus findings of no clear effect and a partly matching sample (fixtures/unclear)."""
    folder = tmp_path_factory.mktemp("mini-unclear")
    shutil.copytree(MINI_DIR, folder, dirs_exist_ok=True)
    shutil.copy(UNCLEAR_FILE, folder / UNCLEAR_FILE.name)
    return load_evidence(folder)


@pytest.fixture(scope="session")
def bundled() -> EvidenceBase:
    return load_evidence(bundled_data_dir())


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep tests out of the user's real cache folder."""
    previous = os.environ.get("SUPPWISE_CACHE_DIR")
    os.environ["SUPPWISE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("SUPPWISE_CACHE_DIR", None)
    else:
        os.environ["SUPPWISE_CACHE_DIR"] = previous


@pytest.fixture(autouse=True)
def _no_real_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The default database lives in the user data folder; tests never touch the real one."""
    monkeypatch.setattr(db_module, "user_data_dir", lambda appname: str(tmp_path / "user-data" / appname))


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine | None]:
    engine = create_engine(PG_URL, poolclass=NullPool, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        engine.dispose()
        if REQUIRE_POSTGRES:
            pytest.fail(f"SUPPWISE_REQUIRE_POSTGRES=1 but PostgreSQL is not usable at {PG_URL}: {error}")
        yield None
        return
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema on the search path."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'trials.db'}"
        return
    admin: Engine | None = request.getfixturevalue("pg_admin")
    if admin is None:
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL}")
    schema = f"suppwise_test_{os.getpid()}_{secrets.token_hex(4)}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def db(url: str) -> Iterator[Database]:
    database = open_database(url)
    try:
        yield database
    finally:
        database.close()
