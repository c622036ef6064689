"""Running the app under uvicorn (what `suppwise serve` calls).

Without `reload` the app is built here, so a bad setting (an unreachable database, a broken
evidence folder) fails before the port opens. With `reload` uvicorn must import the app itself in
each fresh worker, so it gets the factory's import path and builds it with the default settings.
"""

from __future__ import annotations

import gc

APP_FACTORY = "suppwise.web.app:create_app"


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
        uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, reload=True, log_level="info")
        return
    from suppwise.web.app import create_app

    application = create_app(behind_https=behind_https, database=database)
    gc.collect()
    gc.freeze()  # the app's long-lived objects stay out of every later collection (fewer long pauses)
    uvicorn.run(application, host=host, port=port, log_level="info", proxy_headers=behind_https)
