"""What routes need from the request: the database, the evidence base, and who is asking.

A person is identified by a session cookie (browsers) or an `Authorization: Bearer` API token
(programs); both are looked up by the SHA-256 of the token. Personal routes depend on
`api_user` or `page_user`, never on a user id from the URL, so no route can be pointed at another
person's data: every repository call is made with `owner=user.id`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Annotated, Any, Final, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State

from suppwise.errors import SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.services import accounts as account_service
from suppwise.services import answers as services
from suppwise.services.accounts import AsyncLookups, UserRecord
from suppwise.services.credentials import token_hash
from suppwise.services.database import Database

T = TypeVar("T")

SESSION_COOKIE: Final = "suppwise_session"


class NotSignedInError(SuppwiseError):
    code = "not_signed_in"


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def evidence(request: Request) -> EvidenceBase:
    return evidence_of(request.app.state)


def evidence_of(state: State) -> EvidenceBase:
    """The app's evidence base, looked up once (finding it reads settings and the file system)."""
    base: EvidenceBase | None = getattr(state, "evidence", None)
    if base is None:
        base = state.evidence = services.evidence_base(state.evidence_dir)
    return base


# Route dependencies. They are coroutines because FastAPI runs a plain-function dependency in a
# worker thread, and that hop costs more than the lookups themselves (a diary write made five).


async def _use_database(request: Request) -> Database:
    return database(request)


async def _use_evidence(request: Request) -> EvidenceBase:
    return evidence(request)


Db = Annotated[Database, Depends(_use_database)]
Base = Annotated[EvidenceBase, Depends(_use_evidence)]


User = UserRecord
"""The person signed in, as routes receive them."""


def pool_minimum(request: Request) -> int:
    """The fewest people a pool is shown for (`SUPPWISE_POOL_MIN_PEOPLE`), as the app was built with."""
    return int(request.app.state.pool_min_people)


def now() -> datetime:
    return datetime.now(UTC)


async def write_work(request: Request, work: Callable[[], T]) -> T:
    """Run a database write away from the event loop. On SQLite, which has one writer, writes queue
    here and run one at a time in a worker thread: forty threads contending for SQLite's lock and
    the GIL held it four times longer than the write itself took (measured under 50 diary clients).
    On PostgreSQL they run side by side in the thread pool."""
    state = request.app.state
    if database(request).backend != "sqlite":
        return await run_in_threadpool(work)
    limiter: anyio.CapacityLimiter | None = getattr(state, "sqlite_writer", None)
    if limiter is None:
        limiter = state.sqlite_writer = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(work, limiter=limiter)


async def quick_read(request: Request, work: Callable[[], T]) -> T:
    """Run a short indexed read (who is signed in): on SQLite in place, since handing a
    sub-millisecond in-process read to a thread costs more than the read; on PostgreSQL in the
    thread pool, so the event loop never waits on the network."""
    if database(request).backend == "sqlite":
        return work()
    return await run_in_threadpool(work)


def optional_user(request: Request) -> UserRecord | None:
    """Who is asking: the owner of an unexpired `Authorization: Bearer` token, else of the session
    cookie. A request with any other `Authorization` header is nobody's: it never falls back to the
    cookie, because a request carrying a header is exempt from the CSRF check only for a valid
    bearer token (`csrf`)."""
    credential = _credential(request)
    if credential is None:
        return None
    kind, digest = credential
    lookup = account_service.token_user if kind == "token" else account_service.session_user
    return lookup(database(request), token_hash=digest, now=now())


async def look_up_user(request: Request) -> UserRecord | None:
    """`optional_user` without a worker thread: on PostgreSQL awaited on the event loop
    (`storage.async_lookups`), on SQLite in place (`quick_read`)."""
    lookups: AsyncLookups | None = getattr(request.app.state, "lookups", None)
    if lookups is None:
        return await quick_read(request, lambda: optional_user(request))
    credential = _credential(request)
    if credential is None:
        return None
    kind, digest = credential
    lookup = lookups.token_user if kind == "token" else lookups.session_user
    return await lookup(token_hash=digest, now=now())


async def token_owner(request: Request, token: str) -> UserRecord | None:
    """The owner of an unexpired API token, looked up as `look_up_user` does."""
    lookups: AsyncLookups | None = getattr(request.app.state, "lookups", None)
    if lookups is not None:
        return await lookups.token_user(token_hash=token_hash(token), now=now())
    db = database(request)
    return await quick_read(request, lambda: account_service.token_user(db, token_hash=token_hash(token), now=now()))


def _credential(request: Request) -> tuple[str, str] | None:
    """What the request signs in with, as ("token" or "session", its SHA-256), or None."""
    header = request.headers.get("authorization")
    if header is not None:
        token = bearer_token(header)
        return ("token", token_hash(token)) if token else None
    cookie = request.cookies.get(SESSION_COOKIE)
    return ("session", token_hash(cookie)) if cookie else None


def bearer_token(header: str) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header, or None for any other scheme."""
    scheme, _, token = header.strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def signed_in(request: Request) -> UserRecord | None:
    """`optional_user`, looked up once per request (the route class and the dependency share it)."""
    if "user" not in request.scope.setdefault("state", {}):
        request.state.user = await look_up_user(request)
    user: UserRecord | None = request.state.user
    return user


async def api_user(request: Request) -> UserRecord:
    user = await signed_in(request)
    if user is None:
        raise NotSignedInError(
            "sign in first",
            hint="send 'Authorization: Bearer TOKEN' (POST /api/v1/tokens makes one) or a session cookie",
        )
    return user


class SignedInRoute(APIRoute):
    """A route that needs a user: the user is looked up before the body is parsed, so a request
    that is not signed in is answered 401 without decoding or validating what it sent."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def signed_in_first(request: Request) -> Response:
            await api_user(request)
            return await handler(request)

        return signed_in_first


ApiUser = Annotated[User, Depends(api_user)]
"""A route parameter: the person the request's bearer token (or session) signs in."""
