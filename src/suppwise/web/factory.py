"""The one ASGI app: pages for people, `/api/v1` for programs, on one database.

`create_app` composes routers and middleware and nothing else, so each part can be read (and
tested) on its own. FastAPI's own /docs and /redoc are off: they load Swagger UI from a CDN, which
this project does not allow. The OpenAPI schema is at /openapi.json and `/docs` is a plain page
made from it (`suppwise.web.api_docs`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from suppwise.errors import SuppwiseError
from suppwise.settings import load_settings
from suppwise.storage import database_url, open_database
from suppwise.web import account_pages, api_docs, public_api, public_pages, trial_api, trial_pages
from suppwise.web.api_errors import error_response
from suppwise.web.headers import SecurityMiddleware
from suppwise.web.pages import render_error
from suppwise.web.static_files import router as static_router

API_PREFIX = "/api/"


def create_app(*, database: str | None = None, evidence_dir: Path | None = None, https: bool = False) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="suppwise",
        summary="Graded, cited answers about supplements, safety screens and personal trials.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = open_database(database_url(database, load_settings()))
    app.state.evidence_dir = evidence_dir
    app.state.https = https
    app.add_middleware(SecurityMiddleware, https=https)
    app.include_router(static_router)
    app.include_router(public_api.router)
    app.include_router(trial_api.router)
    app.include_router(public_pages.router)
    app.include_router(api_docs.router)
    app.include_router(account_pages.router)
    app.include_router(trial_pages.router)
    _error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SuppwiseError)
    async def deliberate(request: Request, error: Exception) -> Response:
        assert isinstance(error, SuppwiseError)
        if _wants_json(request):
            return error_response(error)
        status = error_response(error).status_code
        return render_error(request, status, error.message, error.hint)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        fields = [
            {"field": ".".join(str(p) for p in e["loc"] if p not in ("body", "query", "path")), "message": e["msg"]}
            for e in error.errors()
        ]
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields) or "the request is not valid"
        body = {"error": {"code": "request_invalid", "message": message, "hint": None, "fields": fields}}
        if _wants_json(request):
            return JSONResponse(body, status_code=422)
        return render_error(request, 422, message, None)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        message = str(error.detail) if error.detail else "error"
        if _wants_json(request):
            code = "not_found" if error.status_code == 404 else "http_error"
            body: dict[str, object] = {"error": {"code": code, "message": message, "hint": None, "fields": []}}
            return JSONResponse(body, status_code=error.status_code, headers=getattr(error, "headers", None))
        return render_error(request, error.status_code, message, None)
