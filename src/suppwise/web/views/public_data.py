"""What the browse pages show, as typed data: each page's HTML and its JSON twin are made from the
same object (the twin is the object's JSON), so the two can never say different things.

Pure: an evidence base in, page data out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from suppwise.contract import Model
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import Entity, EntityKind
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.reasoning.condition_overview import ConditionOverview, condition_overview
from suppwise.safety.profile import FIELD_HELP
from suppwise.web.urls import question_url, twin
from suppwise.web.views.entity_questions import questions_about, spoken_name
from suppwise.web.views.popular import POPULAR_QUESTIONS

# The entity kinds with pages of their own, and the path segment of each.
BROWSABLE: Final[dict[EntityKind, str]] = {EntityKind.SUBSTANCE: "substances", EntityKind.CONDITION: "conditions"}
LIST_TEXT: Final[dict[EntityKind, tuple[str, str]]] = {
    EntityKind.SUBSTANCE: (
        "Substances",
        "Supplements and other substances the evidence base holds cited findings, cautions or doses for.",
    ),
    EntityKind.CONDITION: (
        "Conditions",
        "Conditions the evidence base holds findings or safety records about.",
    ),
}


class QuestionLink(Model):
    question: str
    url: str


class EntityLink(Model):
    id: str
    kind: str
    name: str
    synonyms: list[str]
    url: str


class HomePage(Model):
    popular: list[QuestionLink]
    substances: list[EntityLink]
    conditions: list[EntityLink]


class EntityListPage(Model):
    kind: str
    heading: str
    intro: str
    entities: list[EntityLink]


class EntityPage(Model):
    id: str
    kind: str
    name: str
    synonyms: list[str]
    description: str | None
    summary: str | None
    questions: list[QuestionLink]
    url: str
    twin: str
    overview: ConditionOverview | None = None  # for a condition: the supplements with evidence


class CheckFormPage(Model):
    """The twin of `/check`: the form's fields and the substances it knows. The result itself is
    `POST /api/v1/check` (a Screen)."""

    fields: dict[str, str]
    substances: list[EntityLink]
    result: str = "POST /api/v1/check"


def entity_path(entity: Entity) -> str:
    return f"/{BROWSABLE[entity.kind]}/{entity.id}"


def entity_link(entity: Entity) -> EntityLink:
    return EntityLink(
        id=entity.id, kind=entity.kind.value, name=entity.name, synonyms=list(entity.synonyms), url=entity_path(entity)
    )


def entity_links(base: EvidenceBase, kind: EntityKind) -> list[EntityLink]:
    chosen = sorted((e for e in base.entities.values() if e.kind is kind), key=lambda e: e.name.lower())
    return [entity_link(e) for e in chosen]


def question_links(questions: Iterable[str]) -> list[QuestionLink]:
    return [QuestionLink(question=q, url=question_url(q)) for q in questions]


def home_page(base: EvidenceBase) -> HomePage:
    return HomePage(
        popular=question_links(POPULAR_QUESTIONS),
        substances=entity_links(base, EntityKind.SUBSTANCE),
        conditions=entity_links(base, EntityKind.CONDITION),
    )


def entity_list_page(base: EvidenceBase, kind: EntityKind) -> EntityListPage:
    heading, intro = LIST_TEXT[kind]
    return EntityListPage(kind=kind.value, heading=heading, intro=intro, entities=entity_links(base, kind))


def _popular_about(base: EvidenceBase, entity_id: str) -> list[str]:
    """The popular questions that name this entity: they are the best-worded questions about it."""
    found = []
    for question in POPULAR_QUESTIONS:
        entities = parse(question, base).entities
        if any(entity_id in ids for ids in entities.values()):
            found.append(question)
    return found


def entity_page(base: EvidenceBase, kind: EntityKind, entity_id: str) -> EntityPage | None:
    """A substance's or condition's page, or None when the base has no such entity of that kind."""
    entity = base.entities.get(entity_id)
    if entity is None or entity.kind is not kind or kind not in BROWSABLE:
        return None
    summary = entity.description
    if kind is EntityKind.SUBSTANCE:  # the answer to "What is X?", as the answer page gives it
        summary = build_answer(base, parse(f"What is {spoken_name(base, entity_id)}?", base)).summary
    questions = list(dict.fromkeys([*_popular_about(base, entity_id), *questions_about(base, entity_id)]))
    path = entity_path(entity)
    return EntityPage(
        id=entity.id,
        kind=entity.kind.value,
        name=entity.name,
        synonyms=list(entity.synonyms),
        description=entity.description,
        summary=summary,
        questions=question_links(questions),
        url=path,
        twin=twin(path),
        overview=condition_overview(base, entity_id) if kind is EntityKind.CONDITION else None,
    )


def check_form_page(base: EvidenceBase) -> CheckFormPage:
    return CheckFormPage(fields=dict(FIELD_HELP), substances=entity_links(base, EntityKind.SUBSTANCE))
