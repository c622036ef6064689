"""The site's static files (one stylesheet), read once and served from memory with a content hash
as ETag: cheaper than a file-system lookup per request, and there is nothing else to serve."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Final

from fastapi import APIRouter, Request, Response

STATIC_DIR: Final = Path(__file__).parent / "static"
TYPES: Final = {".css": "text/css; charset=utf-8"}

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=16)
def _load(name: str) -> tuple[bytes, str, str] | None:
    path = STATIC_DIR / name
    if path.suffix not in TYPES or not path.is_file() or path.parent != STATIC_DIR:
        return None
    body = path.read_bytes()
    return body, f'"{hashlib.sha256(body).hexdigest()[:32]}"', TYPES[path.suffix]


@router.get("/static/{name}")
async def static(name: str, request: Request) -> Response:
    found = _load(name)
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    body, etag, media_type = found
    headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
