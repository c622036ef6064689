"""Running the app under uvicorn (what `suppwise serve` calls).

Without `reload` the app is built here, so a bad setting (an unreachable database, a broken
evidence folder) fails before the port opens. With `reload` uvicorn must import the app itself in
each fresh worker, so it gets the factory's import path and builds it with the default settings.
"""

from __future__ import annotations

import copy
import gc
import logging
import re
from typing import Any, Final

APP_FACTORY = "suppwise.web.app:create_app"
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
) -> None:
    """Serve the web app and the JSON API until interrupted. `behind_https`: a TLS-terminating
    proxy sits in front (Secure cookies, HSTS, and its X-Forwarded-* headers are believed)."""
    import uvicorn

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
