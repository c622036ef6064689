"""Running the app under uvicorn (what `suppwise serve` calls).

Without `reload` the app is built here, so a bad setting (an unreachable database, a broken
evidence folder) fails before the port opens. With `reload` uvicorn must import the app itself in
each fresh worker, so it gets the factory's import path and builds it with the default settings.

With several `workers` (PostgreSQL only) uvicorn starts that many processes sharing the port, each
building its own app through `worker_app` from the options this process passes in the environment;
the app is built once here first, so a bad setting still fails before the port opens. One process
runs Python on one core at a time (the GIL), and a diary write costs a few milliseconds of Python,
so on a machine with several cores the write rate grows with the workers (docs/security.md,
"Throughput"). SQLite is refused: its one writer would make the processes queue on the database
file's lock, polling its busy timeout, where one process queues its writers fairly in memory.
"""

from __future__ import annotations

import copy
import gc
import json
import logging
import os
import re
from typing import TYPE_CHECKING, Any, Final

from suppwise.errors import SuppwiseError

if TYPE_CHECKING:
    from fastapi import FastAPI

APP_FACTORY = "suppwise.web.app:create_app"
WORKER_APP: Final = f"{__name__}:worker_app"
WORKER_OPTIONS_VARIABLE: Final = "SUPPWISE_SERVE_WORKER_OPTIONS"  # set by `serve` for its worker processes
MAX_WORKERS: Final = 64


class ServeError(SuppwiseError):
    code = "serve_invalid"


_QUESTION_PATH: Final = re.compile(r"^/q/[^/?]+")


class PrivateAccessLog(logging.Filter):
    """The access log keeps method, path, status and address, but never what someone asked: the
    query string (`/api/v1/ask?q=...`, `/ask?q=...`) is dropped and an answer page's question
    (`/q/how-much-...`) becomes `/q/…`. A question can say more about a person than anything else
    the server sees (docs/security.md)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = _QUESTION_PATH.sub("/q/…", args[2].split("?", 1)[0])
            record.args = (*args[:2], path, *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging set-up, with `PrivateAccessLog` on the access log's handler (given to
    uvicorn as configuration, so a reloaded worker process has it too)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["private"] = {"()": f"{__name__}.PrivateAccessLog"}
    config["handlers"]["access"].setdefault("filters", []).append("private")
    return config


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    reload: bool = False,
    behind_https: bool = False,
    database: str | None = None,
    workers: int = 1,
) -> None:
    """Serve the web app and the JSON API until interrupted. `behind_https`: a TLS-terminating
    proxy sits in front (Secure cookies, HSTS, and its X-Forwarded-* headers are believed).
    `workers`: processes serving the port (PostgreSQL only)."""
    import uvicorn

    if not 1 <= workers <= MAX_WORKERS:
        raise ServeError(f"--workers must be 1 to {MAX_WORKERS}, not {workers}", hint="one per core is a good start")
    if workers > 1:
        _serve_workers(host, port, workers=workers, behind_https=behind_https, database=database)
        return
    if reload:
        uvicorn.run(
            APP_FACTORY, factory=True, host=host, port=port, reload=True, log_level="info", log_config=log_config()
        )
        return
    from suppwise.web.app import create_app

    application = create_app(behind_https=behind_https, database=database)
    gc.collect()
    gc.freeze()  # the app's long-lived objects stay out of every later collection (fewer long pauses)
    uvicorn.run(
        application, host=host, port=port, log_level="info", proxy_headers=behind_https, log_config=log_config()
    )


def _serve_workers(host: str, port: int, *, workers: int, behind_https: bool, database: str | None) -> None:
    import uvicorn

    from suppwise.web.app import create_app

    checked = create_app(behind_https=behind_https, database=database)  # fails here, not in a worker
    backend = checked.state.database.backend
    checked.state.database.close()
    if backend != "postgresql":
        raise ServeError(
            "several workers need PostgreSQL: SQLite has one writer, and separate processes would queue "
            "on its file lock instead of in one fair queue",
            hint="serve SQLite with one worker (the default), or give --db a postgresql+psycopg:// URL",
        )
    os.environ[WORKER_OPTIONS_VARIABLE] = json.dumps({"behind_https": behind_https, "database": database})
    uvicorn.run(
        WORKER_APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=behind_https,
        log_config=log_config(),
    )


def worker_app() -> FastAPI:
    """The app of one worker process started by `serve(workers=N)`, with that call's options."""
    from suppwise.web.app import create_app

    options = json.loads(os.environ[WORKER_OPTIONS_VARIABLE])
    application = create_app(behind_https=options["behind_https"], database=options["database"])
    gc.collect()
    gc.freeze()
    return application
