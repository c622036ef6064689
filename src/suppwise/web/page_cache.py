"""Rendered public pages kept in memory, with ETags.

An answer page, an entity page and their JSON twins are pure functions of (address, evidence base):
nobody's cookies or account change them, so they are rendered once, kept as bytes, and a repeat
visit costs a dictionary lookup (or a 304 with no body at all when the browser has it already).

The key holds the evidence base's identity, so a process serving two evidence folders (tests, a
curator's preview) never mixes them; each entry keeps its base alive, so that identity cannot be
reused by another base while the entry exists. One cache per app (`app.state.page_cache`),
least recently used dropped first, guarded by a lock because pages may be rendered in the thread
pool. Pages kept here must not contain anything personal: no CSRF token, no signed-in name.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock
from typing import Final

from fastapi import Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from suppwise.evidence.base import EvidenceBase

PAGE_CACHE_SIZE: Final = 512
MAX_AGE_SECONDS: Final = 300


@dataclass(frozen=True)
class CachedPage:
    body: bytes
    status: int
    media_type: str
    etag: str


def cached_page(body: bytes, *, status: int = 200, media_type: str) -> CachedPage:
    return CachedPage(body, status, media_type, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


def html_page(text: str, *, status: int = 200) -> CachedPage:
    return cached_page(text.encode(), status=status, media_type="text/html; charset=utf-8")


def json_page(model: BaseModel, *, status: int = 200) -> CachedPage:
    return cached_page(model.model_dump_json(indent=2).encode(), status=status, media_type="application/json")


class PageCache:
    def __init__(self, size: int = PAGE_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, int], tuple[EvidenceBase, CachedPage]] = OrderedDict()
        self._lock = Lock()

    def get(self, path: str, base: EvidenceBase) -> CachedPage | None:
        key = (path, id(base))
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] is not base:
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, path: str, base: EvidenceBase, page: CachedPage) -> CachedPage:
        with self._lock:
            self._items[(path, id(base))] = (base, page)
            self._items.move_to_end((path, id(base)))
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return page

    def __len__(self) -> int:
        return len(self._items)


def _matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 weak comparison: any listed tag (with or without `W/`), or `*`."""
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags


def page_response(request: Request, page: CachedPage) -> Response:
    headers = {"ETag": page.etag, "Cache-Control": f"public, max-age={MAX_AGE_SECONDS}"}
    if page.status == 200 and _matches(request.headers.get("if-none-match", ""), page.etag):
        return Response(status_code=304, headers=headers)
    return Response(page.body, status_code=page.status, media_type=page.media_type, headers=headers)


async def cached_response(
    request: Request,
    base: EvidenceBase,
    build: Callable[[], CachedPage],
    *,
    key: str | None = None,
    cache: PageCache | None = None,
) -> Response:
    """The page at this path (or `key`) from the app's page cache (or `cache`), built in the thread
    pool, off the event loop, and kept when missing. Only 200s are kept, so made-up addresses cannot
    push real pages out; `build` may raise a SuppwiseError, and nothing is kept then."""
    pages: PageCache = cache if cache is not None else request.app.state.page_cache
    address = key if key is not None else request.url.path
    page = pages.get(address, base)
    if page is None:
        page = await run_in_threadpool(build)
        if page.status == 200:
            pages.put(address, base, page)
    return page_response(request, page)
