"""The public part of the JSON API, with the CLI's JSON contracts:

    GET  /api/v1/ask?q=...          the Answer      (`suppwise ask --format json`, docs/answer-json.md)
    GET  /api/v1/entities?kind=...  the entities    (`suppwise evidence list --format json`)
    GET  /api/v1/entities/{id}      one entity
    POST /api/v1/check              the Screen, or with `also_taking` the CombinationCheck
                                    (`suppwise check --format json`, docs/screen-json.md)

An answer that finds nothing to answer about is still an Answer (200) whose `code` says why
(`SUBSTANCE_NOT_FOUND`, ...): the caller asked a question and got the product's reply. Its page
twin `/q/<slug>.json` is a 404 instead, because there the address names a page that has nothing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import Field, StringConstraints

from suppwise.errors import QuestionError
from suppwise.evidence.schema import EntityKind
from suppwise.printable import PrintableText
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import MAX_QUESTION_CHARS
from suppwise.safety.combination_model import CombinationCheck
from suppwise.safety.profile import FIELD_HELP, MAX_AGE, MAX_TERMS, MAX_WEIGHT_KG, profile_from_data
from suppwise.safety.screen_model import Screen
from suppwise.services import answers as services
from suppwise.services.answers import EntityOut
from suppwise.web.api_errors import entity_not_found, error_response, error_responses
from suppwise.web.deps import evidence
from suppwise.web.inputs import RequestBody
from suppwise.web.page_cache import CachedPage, cached_page, cached_response

router = APIRouter(prefix="/api/v1", tags=["evidence"])
JSON = "application/json"
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class CheckRequest(RequestBody):
    """A supplement and a profile. Only `substance` is required; unknown keys and control
    characters are refused. With `also_taking`, the answer is a CombinationCheck: every interacting
    pair among the supplements and the medicines once, most severe first, and each supplement's
    Screen."""

    substance: Name = Field(description="The supplement to screen, by name or synonym.", examples=["glutamine"])
    conditions: list[Name] = Field(default=[], max_length=MAX_TERMS, description=FIELD_HELP["conditions"])
    medications: list[Name] = Field(default=[], max_length=MAX_TERMS, description=FIELD_HELP["medications"])
    also_taking: list[Name] = Field(
        default=[],
        max_length=MAX_TERMS,
        description=FIELD_HELP["supplements"] + "; when given, the answer is a CombinationCheck",
        examples=[["5-HTP", "magnesium"]],
    )
    sensitivities: list[Name] = Field(default=[], max_length=MAX_TERMS, description=FIELD_HELP["sensitivities"])
    pregnant: bool = Field(default=False, description=FIELD_HELP["pregnant"])
    breastfeeding: bool = Field(default=False, description=FIELD_HELP["breastfeeding"])
    age: int | None = Field(default=None, ge=0, le=MAX_AGE, description=FIELD_HELP["age"])
    weight_kg: float | None = Field(default=None, gt=0, le=MAX_WEIGHT_KG, description=FIELD_HELP["weight_kg"])
    dose: str | None = Field(default=None, max_length=100, description=FIELD_HELP["dose"], examples=["5 g twice a day"])


@router.get("/ask", response_model=Answer, summary="Answer a question", responses=error_responses(422))
async def ask(
    request: Request,
    q: Annotated[
        PrintableText,
        Query(
            min_length=1,
            max_length=MAX_QUESTION_CHARS,
            description="A plain-language question.",
            examples=["Does glutamine increase pain in fibromyalgia?"],
        ),
    ],
) -> Response:
    """A graded, cited verdict with its mechanisms, studies, cautions and references."""

    def answer() -> CachedPage:
        return cached_page(services.ask(q, request.app.state.evidence_dir).model_dump_json().encode(), media_type=JSON)

    # An answer is a pure function of the question and the evidence base, like an answer page; it is
    # kept in a cache of its own, so that a flood of made-up questions cannot push pages out.
    try:
        return await cached_response(request, evidence(request), answer, key=q, cache=request.app.state.answer_cache)
    except QuestionError as error:
        return error_response(error, field="q")


@router.get("/entities", response_model=list[EntityOut], summary="List the entities", responses=error_responses(422))
def entities(
    request: Request,
    kind: Annotated[EntityKind | None, Query(description="Only entities of this kind.")] = None,
) -> list[EntityOut]:
    """Every entity of the evidence base (or of one kind), sorted by kind and id."""
    return services.list_entities(evidence(request), kind)


@router.get("/entities/{entity_id}", response_model=EntityOut, summary="One entity", responses=error_responses(404))
def entity(entity_id: str, request: Request) -> EntityOut:
    base = evidence(request)
    found = base.entities.get(entity_id)
    if found is None:
        raise entity_not_found(entity_id, base.entities, browse="GET /api/v1/entities lists them")
    return services.entity_out(found)


@router.post(
    "/check",
    response_model=Screen | CombinationCheck,
    summary="Screen a supplement against a profile",
    responses=error_responses(400, 404, 422),
)
def check(body: CheckRequest, request: Request) -> Screen | CombinationCheck:
    """Avoid / caution / no known issue, with the reasons and sources: a Screen, or, when
    `also_taking` lists other supplements, a CombinationCheck (every interacting pair once, most
    severe first, then each supplement's Screen). Nothing is stored."""
    fields = body.model_dump(exclude={"substance", "also_taking"})
    profile = profile_from_data({**fields, "supplements": body.also_taking})
    return services.check(body.substance, profile, request.app.state.evidence_dir)
