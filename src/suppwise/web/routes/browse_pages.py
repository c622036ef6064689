"""Browse pages: home, the lists of substances and conditions, and one page per substance or
condition, each with its JSON twin (the same path plus `.json`; home's is `/index.json`).

All of them are pure functions of the evidence base, so they are served from the page cache.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.web.api_errors import entity_not_found
from suppwise.web.deps import evidence
from suppwise.web.page_cache import CachedPage, cached_response, html_page, json_page
from suppwise.web.urls import split_twin, twin
from suppwise.web.views.pages import render_public
from suppwise.web.views.public_data import BROWSABLE, entity_list_page, entity_page, home_page

router = APIRouter(include_in_schema=False)


@router.get("/")
async def home(request: Request) -> Response:
    base = evidence(request)

    def build() -> CachedPage:
        data = home_page(base)
        return html_page(render_public("home.html.j2", nav="ask", **data.model_dump()))

    return await cached_response(request, base, build)


@router.get("/index.json")
@router.get("/.json")
async def home_twin(request: Request) -> Response:
    base = evidence(request)
    return await cached_response(request, base, lambda: json_page(home_page(base)))


async def _list(request: Request, kind: EntityKind, as_json: bool) -> Response:
    base = evidence(request)

    def build() -> CachedPage:
        data = entity_list_page(base, kind)
        if as_json:
            return json_page(data)
        path = f"/{BROWSABLE[kind]}"
        return html_page(
            render_public("entity_list.html.j2", nav=BROWSABLE[kind], twin=twin(path), **data.model_dump())
        )

    return await cached_response(request, base, build)


@router.get("/substances")
async def substances(request: Request) -> Response:
    return await _list(request, EntityKind.SUBSTANCE, as_json=False)


@router.get("/substances.json")
async def substances_twin(request: Request) -> Response:
    return await _list(request, EntityKind.SUBSTANCE, as_json=True)


@router.get("/conditions")
async def conditions(request: Request) -> Response:
    return await _list(request, EntityKind.CONDITION, as_json=False)


@router.get("/conditions.json")
async def conditions_twin(request: Request) -> Response:
    return await _list(request, EntityKind.CONDITION, as_json=True)


def _entity_build(base: EvidenceBase, kind: EntityKind, page: str) -> CachedPage:
    entity_id, as_json = split_twin(page)
    data = entity_page(base, kind, entity_id)
    if data is None:
        known = [e.id for e in base.entities.values() if e.kind is kind]
        raise entity_not_found(entity_id, known, what=kind.value, browse=f"see the list at /{BROWSABLE[kind]}")
    if as_json:
        return json_page(data)
    return html_page(
        render_public(
            "entity.html.j2",
            nav=BROWSABLE[kind],
            entity=data,
            kind=data.kind,
            kind_title=BROWSABLE[kind].capitalize(),
            summary=data.summary,
            questions=data.questions,
            twin=data.twin,
        )
    )


@router.get("/substances/{page}")
async def substance(page: str, request: Request) -> Response:
    base = evidence(request)
    return await cached_response(request, base, lambda: _entity_build(base, EntityKind.SUBSTANCE, page))


@router.get("/conditions/{page}")
async def condition(page: str, request: Request) -> Response:
    base = evidence(request)
    return await cached_response(request, base, lambda: _entity_build(base, EntityKind.CONDITION, page))
