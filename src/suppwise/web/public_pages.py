"""The public pages: home, answer pages, substance and condition pages, and the safety check form.

Stable URLs: `/q/<slug>` where the slug is the question in lower case with every run of other
characters turned into one `-` (`/q/does-glutamine-increase-pain-in-fibromyalgia`), and
`/substances/<id>`, `/conditions/<id>`. The JSON twin of every page is the same URL with `.json`
added (`/q/<slug>.json` is the Answer, `/index.json` the home page's data).

An answer page is a pure function of the question and the evidence base, so rendered pages are kept
in an in-process LRU keyed by slug and sent with an ETag; a repeat visit costs a dictionary lookup
(or a 304).
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from threading import Lock
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

from suppwise import services
from suppwise.errors import NotFoundError, SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer_model import Answer
from suppwise.render import view
from suppwise.render.mechanism_svg import mechanism_svg
from suppwise.safety.profile import profile_from_data
from suppwise.web.deps import evidence
from suppwise.web.pages import environment, render

router = APIRouter(include_in_schema=False)
Base = Annotated[EvidenceBase, Depends(evidence)]

POPULAR: Final = (
    "Does glutamine increase pain in fibromyalgia?",
    "What does glutamine do for depression?",
    "How much glutamine should I take for fibromyalgia?",
    "What are the potential side effects of glutamine?",
    "Can glutamine interact with other medications?",
    "Is glutamine the same as glutamate?",
    "Which foods contain glutamine?",
    "What alternatives to glutamine could improve gut health in fibromyalgia?",
)
CACHE_SIZE: Final = 512
MAX_SLUG: Final = 300


def slug(question: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", question.lower()).strip("-")[:MAX_SLUG]


class _PageCache:
    """Rendered answer pages by (slug, kind): bytes and their ETag, least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, str], tuple[bytes, str, int]] = OrderedDict()
        self.lock = Lock()

    def get(self, key: tuple[str, str]) -> tuple[bytes, str, int] | None:
        with self.lock:
            item = self.items.get(key)
            if item is not None:
                self.items.move_to_end(key)
            return item

    def put(self, key: tuple[str, str], body: bytes, status: int) -> tuple[bytes, str, int]:
        item = (body, f'"{hashlib.sha256(body).hexdigest()[:32]}"', status)
        with self.lock:
            self.items[key] = item
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return item


_CACHE = _PageCache(CACHE_SIZE)


def _cached(request: Request, item: tuple[bytes, str, int], media_type: str) -> Response:
    body, etag, status = item
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type=media_type, headers=headers)


def _answer(request: Request, words: str) -> Answer:
    return services.ask(words, request.app.state.evidence_dir)


def _entity_lists(base: EvidenceBase) -> dict[str, list[tuple[str, str]]]:
    def of(kind: EntityKind) -> list[tuple[str, str]]:
        return sorted(((e.id, e.name) for e in base.entities.values() if e.kind is kind), key=lambda c: c[1])

    return {"substances": of(EntityKind.SUBSTANCE), "conditions": of(EntityKind.CONDITION)}


@router.get("/")
def home(request: Request, base: Base) -> Response:
    return render(request, "home.html.j2", popular=[(q, slug(q)) for q in POPULAR], **_entity_lists(base))


@router.get("/index.json")
def home_json(base: Base) -> JSONResponse:
    lists = _entity_lists(base)
    return JSONResponse(
        {
            "popular": [{"question": q, "url": f"/q/{slug(q)}"} for q in POPULAR],
            **{k: [{"id": i, "name": n, "url": f"/{k}/{i}"} for i, n in v] for k, v in lists.items()},
        }
    )


@router.get("/ask")
def ask(q: Annotated[str, Query(max_length=500)] = "") -> Response:
    target = slug(q)
    return RedirectResponse(f"/q/{target}" if target else "/", status_code=303)


@router.get("/q/{page}")
async def answer_page(page: str, request: Request) -> Response:
    """Async so a cached page is served on the event loop, without a trip through the thread pool."""
    as_json = page.endswith(".json")
    key = slug(page.removesuffix(".json"))
    kind = "json" if as_json else "html"
    item = _CACHE.get((key, kind))
    if item is None:
        try:
            answer = _answer(request, key.replace("-", " ").capitalize() + "?")
        except SuppwiseError as error:
            status = 404 if isinstance(error, NotFoundError) else 422
            if as_json:
                return JSONResponse({"error": error.envelope()}, status_code=status)
            return render(
                request, "error.html.j2", status=status, status_code=status, message=error.message, hint=error.hint
            )
        status = 404 if answer.code == "SUBSTANCE_NOT_FOUND" else 200
        if as_json:
            body = answer.model_dump_json(indent=2).encode()
        else:
            _, hidden = view.shown_mechanisms(answer)
            body = (
                environment()
                .get_template("answer_page.html.j2")
                .render(
                    request=request,
                    user=None,
                    csrf_field="",
                    answer=answer,
                    view=view,
                    diagram=mechanism_svg(answer),
                    hidden_mechanisms=hidden,
                    evidence_groups=view.grouped_evidence(answer),
                    canonical=f"/q/{key}",
                )
                .encode()
            )
        item = _CACHE.put((key, kind), body, status)
    return _cached(request, item, "application/json" if as_json else "text/html; charset=utf-8")


def _entity(base: EvidenceBase, kind: EntityKind, entity_id: str) -> Any:
    entity = base.entities.get(entity_id)
    if entity is None or entity.kind is not kind:
        raise NotFoundError(
            f"no {kind.value} {entity_id[:80]!r} in the evidence base", hint="browse from the home page"
        )
    return entity


def _questions(base: EvidenceBase, kind: EntityKind, entity_id: str) -> list[tuple[str, str]]:
    name = base.name(entity_id)
    lists = _entity_lists(base)
    if kind is EntityKind.SUBSTANCE:
        questions = [f"Does {name} help {c}?" for _, c in lists["conditions"]] + [
            f"Is {name} safe?",
            f"What are the side effects of {name}?",
            f"How much {name} should I take?",
            f"Which foods contain {name}?",
            f"Can {name} interact with other medications?",
        ]
    else:
        questions = [f"Does {s} help {name}?" for _, s in lists["substances"]]
    return [(q, slug(q)) for q in questions]


def _entity_page(request: Request, base: EvidenceBase, kind: EntityKind, page: str) -> Response:
    entity_id = page.removesuffix(".json")
    entity = _entity(base, kind, entity_id)
    questions = _questions(base, kind, entity_id)
    if page.endswith(".json"):
        return JSONResponse(
            {
                "id": entity.id,
                "kind": entity.kind.value,
                "name": entity.name,
                "synonyms": list(entity.synonyms),
                "questions": [{"question": q, "url": f"/q/{s}"} for q, s in questions],
            }
        )
    summary = _answer(request, f"What is {entity.name}?").summary if kind is EntityKind.SUBSTANCE else None
    return render(request, "entity.html.j2", entity=entity, kind=kind.value, questions=questions, summary=summary)


@router.get("/substances/{page}")
def substance(page: str, request: Request, base: Base) -> Response:
    return _entity_page(request, base, EntityKind.SUBSTANCE, page)


@router.get("/conditions/{page}")
def condition(page: str, request: Request, base: Base) -> Response:
    return _entity_page(request, base, EntityKind.CONDITION, page)


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@router.get("/check")
def check_form(request: Request, base: Base) -> Response:
    return render(request, "check.html.j2", form={}, **_entity_lists(base))


@router.post("/check")
async def check(request: Request, base: Base) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    try:
        age = form.get("age", "").strip()
        weight = form.get("weight_kg", "").strip()
        profile = profile_from_data(
            {
                "conditions": _names(form.get("conditions", "")),
                "medications": _names(form.get("medications", "")),
                "sensitivities": _names(form.get("sensitivities", "")),
                "pregnant": form.get("pregnant") == "yes",
                "breastfeeding": form.get("breastfeeding") == "yes",
                "age": int(age) if age.lstrip("-").isdigit() else (age or None),
                "weight_kg": float(weight) if weight.replace(".", "", 1).isdigit() else (weight or None),
                "dose": form.get("dose", "").strip() or None,
            }
        )
        screen = services.check(form.get("substance", ""), profile, request.app.state.evidence_dir)
    except SuppwiseError as error:
        field = getattr(error, "field", None) or ("substance" if isinstance(error, NotFoundError) else None)
        return render(
            request, "check.html.j2", status=422, form=form, error=error, error_field=field, **_entity_lists(base)
        )
    return render(request, "check.html.j2", form=form, screen=screen, **_entity_lists(base))
