"""The one ASGI app: pages for people, `/api/v1` for programs.

`create_app` composes routers, one middleware and the error handlers, and nothing else, so each
part can be read (and tested) on its own:

    static_files    /static/site.css
    browse_pages    /, /substances, /conditions, /substances/<id>, /conditions/<id>  (+ .json twins)
    answer_pages    /ask, /q/<slug>  (+ .json twin)
    check_page      /check  (+ /check.json)
    public_api      /api/v1/ask, /api/v1/entities, /api/v1/check
    api_docs        /docs  (the reference, made from /openapi.json)
    account_api     /api/v1/tokens, /api/v1/account
    account_pages, trial_pages, trial_api   accounts and personal trials

FastAPI's own /docs and /redoc are off: they load Swagger UI from a CDN, which this project does not
allow. The schema is at /openapi.json; `/docs` is a plain server-rendered page made from it.

Errors: on `/api/` paths and `.json` twins every error, FastAPI's own included, is the one JSON
envelope (`api_errors`); on pages it is an error page with the message and hint.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Final

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from suppwise.errors import StorageError, SuppwiseError
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.services import accounts as account_service
from suppwise.services.database import open_served_database
from suppwise.settings import load_settings
from suppwise.web import static_files
from suppwise.web.api_errors import (
    STATUS_BY_CODE,
    error_response,
    http_error_response,
    retry_after_header,
    use_error_envelope,
    validation_fields,
    validation_response,
)
from suppwise.web.deps import evidence_of
from suppwise.web.page_cache import PageCache
from suppwise.web.routes import (
    account_api,
    account_pages,
    answer_pages,
    api_docs,
    browse_pages,
    check_page,
    public_api,
    trial_api,
    trial_pages,
)
from suppwise.web.security import SecurityMiddleware
from suppwise.web.views.pages import render_error, wants_json

logger = logging.getLogger("suppwise.web")

WARM_UP_QUESTION: Final = "Does glutamine help fibromyalgia pain?"

ROUTERS = (
    static_files.router,
    public_api.router,
    account_api.router,
    account_api.signed_in,
    trial_api.router,
    browse_pages.router,
    answer_pages.router,
    check_page.router,
    api_docs.router,
    account_pages.router,
    trial_pages.router,
)


def create_app(*, evidence_dir: Path | None = None, behind_https: bool = False, database: str | None = None) -> FastAPI:
    """The app. `evidence_dir`: the evidence folder (default: the setting, else the bundled base).
    `behind_https`: the app is reached over HTTPS through a proxy, so cookies are Secure and
    `X-Forwarded-Proto: https` is believed for HSTS. `database`: the trial database URL (default:
    `SUPPWISE_DATABASE_URL`, else a SQLite file)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(_warm_up, app)
        yield
        app.state.database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="suppwise",
        summary="Graded, cited answers about supplements, safety screens and personal trials.",
        version="1",
        docs_url=None,
        redoc_url=None,
        # FastAPI's OpenTelemetry hooks looked for a configured provider on every request (3% of a
        # diary write's CPU); suppwise exports no telemetry (docs/security.md: what is logged).
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.evidence_dir = evidence_dir
    app.state.behind_https = behind_https
    app.state.https = behind_https  # the account pages' name for it (Secure session cookie)
    app.state.page_cache = PageCache()
    app.state.answer_cache = PageCache()  # /api/v1/ask, by question
    settings = load_settings()
    app.state.signups_per_address = settings.signups_per_address
    app.state.pool_min_people = settings.pool_min_people
    app.state.database = open_served_database(database, settings)
    # Who is signed in, on PostgreSQL: looked up from the event loop, not in a worker thread.
    app.state.lookups = account_service.async_lookups(app.state.database, pool_size=settings.database_pool_size)
    app.add_middleware(SecurityMiddleware, behind_https=behind_https)
    for router in ROUTERS:
        app.include_router(router)
    _error_handlers(app)
    _openapi_with_envelope(app)
    return app


def _warm_up(app: FastAPI) -> None:
    """Load the evidence base and answer one question before the first request, in a worker thread.
    Loaded on first use instead, the base (0.7 s when its cache misses) and the question parser's
    tables were built on the event loop inside somebody's request, stalling every other request
    for that long. A broken evidence folder is logged here and reported by each request that needs
    the base, as before, rather than stopping the server."""
    try:
        base = evidence_of(app.state)
        build_answer(base, parse(WARM_UP_QUESTION, base))
    except SuppwiseError as error:
        logger.error("evidence not loaded at start-up: %s", error.message)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SuppwiseError)
    async def deliberate(request: Request, error: Exception) -> Response:
        assert isinstance(error, SuppwiseError)
        if error.code == StorageError.code:
            # The database's own words can name its address or echo what was sent: they go to the
            # server's log, and the person gets a message that says what to do.
            logger.error("storage error on %s %s: %s", request.method, request.url.path, error.message)
            error = StorageError(
                "the trial database could not complete this request; nothing was changed",
                hint="try again in a moment; if it keeps happening, tell the site's operator",
            )
        if wants_json(request.url.path):
            return error_response(error)
        page = render_error(request, STATUS_BY_CODE.get(error.code, 422), error.message, error.hint)
        page.headers.update(retry_after_header(error))
        return page

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if wants_json(request.url.path):
            return validation_response(error)
        fields = validation_fields(error.errors())
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields) or "the request is not valid"
        return render_error(request, 422, message, None)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if wants_json(request.url.path):
            return http_error_response(error.status_code, str(error.detail), getattr(error, "headers", None))
        message = "there is no page at this address" if error.status_code == 404 else str(error.detail)
        return render_error(request, error.status_code, message, "try the question box on the home page")


def _openapi_with_envelope(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = use_error_envelope(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
