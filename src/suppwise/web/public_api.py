"""The public part of the JSON API: ask, entities and the safety check, the same contracts as
`suppwise ask --format json`, `suppwise evidence list --format json` and `suppwise check --format json`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from suppwise import services
from suppwise.errors import SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer_model import Answer
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen_model import Screen
from suppwise.web.deps import evidence

router = APIRouter(prefix="/api/v1", tags=["evidence"])
Base = Annotated[EvidenceBase, Depends(evidence)]


class EntityNotFoundError(SuppwiseError):
    code = "entity_not_found"


class EntityOut(BaseModel):
    id: str
    kind: str
    name: str
    synonyms: list[str]


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    substance: str = Field(max_length=100, examples=["glutamine"])
    conditions: list[str] = Field(default_factory=list, max_length=50)
    medications: list[str] = Field(default_factory=list, max_length=50)
    sensitivities: list[str] = Field(default_factory=list, max_length=50)
    pregnant: bool = False
    breastfeeding: bool = False
    age: int | None = Field(default=None, ge=0, le=125)
    weight_kg: float | None = Field(default=None, gt=0, le=500)
    dose: str | None = Field(default=None, max_length=100, examples=["5 g twice a day"])


@router.get("/ask", response_model=Answer)
def ask(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)]) -> Answer:
    """Answer a plain question with a graded, cited verdict (docs/answer-json.md)."""
    return services.ask(q, request.app.state.evidence_dir)


@router.get("/entities", response_model=list[EntityOut])
def entities(base: Base, kind: EntityKind | None = None) -> list[EntityOut]:
    chosen = sorted(
        (e for e in base.entities.values() if kind is None or e.kind is kind), key=lambda e: (e.kind.value, e.id)
    )
    return [EntityOut(id=e.id, kind=e.kind.value, name=e.name, synonyms=list(e.synonyms)) for e in chosen]


@router.get("/entities/{entity_id}", response_model=EntityOut)
def entity(entity_id: str, base: Base) -> EntityOut:
    found = base.entities.get(entity_id)
    if found is None:
        raise EntityNotFoundError(f"no entity {entity_id[:80]!r}", hint="GET /api/v1/entities lists them")
    return EntityOut(id=found.id, kind=found.kind.value, name=found.name, synonyms=list(found.synonyms))


@router.post("/check", response_model=Screen)
def check(body: CheckRequest, request: Request) -> Screen:
    """Screen one supplement against a profile (docs/screen-json.md). Nothing is stored."""
    profile = profile_from_data(body.model_dump(exclude={"substance"}))
    return services.check(body.substance, profile, request.app.state.evidence_dir)
