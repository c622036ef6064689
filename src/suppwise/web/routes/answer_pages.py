"""Answer pages: `/ask?q=...` sends a question to its stable address, `/q/<slug>` answers it as a
health article, `/q/<slug>.json` is the same Answer as JSON (the `suppwise ask --format json`
contract, docs/answer-json.md).

An answer is a pure function of the question and the evidence base, so both forms are served from
the app's page cache (`page_cache`); a hit is served on the event loop without touching the thread
pool. A question that names nothing the base knows is a 404 page that offers the close matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.answer_model import Answer
from suppwise.render import view
from suppwise.render.json_format import render_json
from suppwise.services import answers as services
from suppwise.web.deps import evidence
from suppwise.web.page_cache import CachedPage, cached_page, cached_response, html_page
from suppwise.web.urls import question_from_slug, slug, split_twin, twin
from suppwise.web.views.article import article
from suppwise.web.views.entity_questions import questions_about, spoken_name
from suppwise.web.views.labels import LEVEL_WORDS, NOT_FOUND_CODES
from suppwise.web.views.mechanism_diagram import mechanism_diagram
from suppwise.web.views.pages import render_public
from suppwise.web.views.public_data import (
    BROWSABLE,
    EntityLink,
    QuestionLink,
    entity_link,
    entity_links,
    question_links,
)

router = APIRouter(include_in_schema=False)
MAX_RELATED = 6
MAX_CORRECTIONS = 6


@router.get("/ask")
def ask(q: str = "") -> Response:
    """The question box's target: 303 to the question's stable address (home for an empty box)."""
    target = slug(q)
    return RedirectResponse(f"/q/{target}" if target else "/", status_code=303)


@router.get("/q/{page}")
async def answer_page(page: str, request: Request) -> Response:
    name, as_json = split_twin(page)
    canonical = slug(name)
    if not canonical:
        return RedirectResponse("/", status_code=303)
    if canonical != name:  # one address per question: /q/Does_Glutamine... → /q/does-glutamine-...
        return RedirectResponse(f"/q/{canonical}{'.json' if as_json else ''}", status_code=301)
    base = evidence(request)
    directory = request.app.state.evidence_dir

    def build() -> CachedPage:
        answer = services.ask(question_from_slug(canonical), directory)
        status = 404 if answer.code in NOT_FOUND_CODES and not answer.crisis else 200
        if as_json:
            return cached_page(render_json(answer).encode(), status=status, media_type="application/json")
        return html_page(answer_html(base, answer, canonical, found=status == 200), status=status)

    return await cached_response(request, base, build)


def answer_html(base: EvidenceBase, answer: Answer, page_slug: str, *, found: bool) -> str:
    path = f"/q/{page_slug}"
    if not found:
        return render_public(
            "answer_missing.html.j2",
            answer=answer,
            twin=twin(path),
            corrections=corrections(base, answer),
            substances=entity_links(base, EntityKind.SUBSTANCE),
            conditions=entity_links(base, EntityKind.CONDITION),
            nav="ask",
        )
    shown, _ = view.shown_mechanisms(answer)
    diagram = mechanism_diagram(answer, shown)
    return render_public(
        "answer_page.html.j2",
        answer=answer,
        art=article(answer, has_diagram=diagram is not None),
        diagram=diagram,
        twin=twin(path),
        about=about(base, answer),
        related=related(base, answer, page_slug),
        caution_words=LEVEL_WORDS,
        read_as=view.read_as_line(answer.read_as) if answer.read_as else None,
        nav="ask",
    )


def about(base: EvidenceBase, answer: Answer) -> list[EntityLink]:
    """The substances and conditions the question named, linked to their pages."""
    ids = [*answer.entities.get("substance", []), *answer.entities.get("condition", [])]
    found = [base.entities[i] for i in ids if i in base.entities]
    return [entity_link(e) for e in found if e.kind in BROWSABLE]


def related(base: EvidenceBase, answer: Answer, page_slug: str) -> list[QuestionLink]:
    """Other answered questions about the first substance asked about (or the condition)."""
    ids = answer.entities.get("substance", [])[:1] or answer.entities.get("condition", [])[:1]
    questions = [q for i in ids for q in questions_about(base, i) if slug(q) != page_slug]
    return question_links(questions[:MAX_RELATED])


def _constant(text: str) -> Callable[[re.Match[str]], str]:
    return lambda _: text


def corrections(base: EvidenceBase, answer: Answer) -> list[QuestionLink]:
    """The question again with each unrecognised word replaced by a close match the base knows."""
    out: list[str] = []
    for term, ids in answer.suggestions.items():
        for entity_id in ids:
            if entity_id in base.entities:
                # a function as the replacement, so a name is never read as a regex template
                name = spoken_name(base, entity_id)
                fixed = re.compile(re.escape(term), re.IGNORECASE).sub(_constant(name), answer.question, count=1)
                if fixed != answer.question:
                    out.append(fixed)
    return question_links(list(dict.fromkeys(out))[:MAX_CORRECTIONS])
