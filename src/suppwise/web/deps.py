"""What routes need from the request: the database, the evidence base, and who is asking.

A person is identified by a session cookie (browsers) or an `Authorization: Bearer` API token
(programs); both are looked up by the SHA-256 of the token. Personal routes depend on
`api_user` or `page_user`, never on a user id from the URL, so no route can be pointed at another
person's data: every repository call is made with `owner=user.id`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Request

from suppwise import services
from suppwise.errors import SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.storage import Database
from suppwise.storage import accounts as store
from suppwise.web.auth import SESSION_COOKIE, token_hash


class NotSignedInError(SuppwiseError):
    code = "not_signed_in"


def database(request: Request) -> Database:
    db: Database = request.app.state.database
    return db


def evidence(request: Request) -> EvidenceBase:
    return services.evidence_base(request.app.state.evidence_dir)


def now() -> datetime:
    return datetime.now(UTC)


def optional_user(request: Request) -> store.UserRecord | None:
    db = database(request)
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return store.token_user(db, token_hash=token_hash(header[7:].strip()))
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return store.session_user(db, token_hash=token_hash(cookie), now=now())
    return None


def api_user(request: Request) -> store.UserRecord:
    user = optional_user(request)
    if user is None:
        raise NotSignedInError(
            "sign in first",
            hint="send 'Authorization: Bearer TOKEN' (POST /api/v1/tokens makes one) or a session cookie",
        )
    return user
