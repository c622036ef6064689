"""The safety check form: `/check` shows it, a POST (CSRF-protected by the middleware) screens one
supplement against what the person entered and shows the Screen above the form, keeping every
value; with other supplements entered, it shows the CombinationCheck: the interacting pairs, most
severe first, above each supplement's screen. An invalid value re-shows the form with the message
next to its field. Nothing is stored.

The JSON twin `/check.json` describes the form; the result itself as JSON is `POST /api/v1/check`.
"""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from suppwise.errors import NotFoundError, ProfileError, SuppwiseError
from suppwise.evidence.schema import EntityKind
from suppwise.printable import forbidden_character
from suppwise.safety.combination_model import CombinationCheck
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen_model import Screen
from suppwise.services import answers as services
from suppwise.web.deps import evidence
from suppwise.web.page_cache import json_page, page_response
from suppwise.web.views.article import citation_numbers
from suppwise.web.views.labels import DOSE_WORDS, FIELD_LABELS, LEVEL_WORDS, form_field
from suppwise.web.views.pages import render
from suppwise.web.views.public_data import check_form_page, entity_links

router = APIRouter(include_in_schema=False)
TEXT_FIELDS: Final = (
    "substance",
    "conditions",
    "medications",
    "supplements",
    "sensitivities",
    "dose",
    "age",
    "weight_kg",
)
FLAG_FIELDS: Final = ("pregnant", "breastfeeding")
MAX_FIELD_CHARS: Final = 2000
MAX_SUBSTANCE_CHARS: Final = 100


def _page(request: Request, form: dict[str, str], *, status: int = 200, **context: Any) -> Response:
    base = evidence(request)
    return render(
        request,
        "check.html.j2",
        status=status,
        nav="check",
        form=form,
        substances=entity_links(base, EntityKind.SUBSTANCE),
        level_words=LEVEL_WORDS,
        dose_words=DOSE_WORDS,
        field_labels=FIELD_LABELS,
        **context,
    )


@router.get("/check")
def check_form(request: Request, substance: str = "") -> Response:
    return _page(request, {"substance": substance[:MAX_SUBSTANCE_CHARS]})


@router.get("/check.json")
def check_form_twin(request: Request) -> Response:
    return page_response(request, json_page(check_form_page(evidence(request))))


def screen_form(form: dict[str, str], evidence_dir: Any) -> Screen | CombinationCheck:
    """The Screen (or, with other supplements, the CombinationCheck) for the submitted form; raises
    the ProfileError or NotFoundError to show."""
    substance = form.get("substance", "").strip()
    if not substance:
        raise ProfileError("enter the supplement to check", hint="e.g. glutamine", field="substance")
    if len(substance) > MAX_SUBSTANCE_CHARS:
        raise ProfileError(f"the name is longer than {MAX_SUBSTANCE_CHARS} characters", field="substance")
    too_long = next((k for k in TEXT_FIELDS if len(form.get(k, "")) > MAX_FIELD_CHARS), None)
    if too_long:
        raise ProfileError(f"this is longer than {MAX_FIELD_CHARS} characters", field=too_long)
    for key in TEXT_FIELDS:
        bad = forbidden_character(form.get(key, ""))
        if bad is not None:
            raise ProfileError(f"this contains the control character {bad}, which is not allowed", field=key)
    profile = profile_from_data(
        {
            "conditions": form.get("conditions", ""),
            "medications": form.get("medications", ""),
            "supplements": form.get("supplements", ""),
            "sensitivities": form.get("sensitivities", ""),
            "pregnant": bool(form.get("pregnant")),
            "breastfeeding": bool(form.get("breastfeeding")),
            "age": form.get("age", "").strip() or None,
            "weight_kg": form.get("weight_kg", "").strip().replace(",", ".") or None,
            "dose": form.get("dose", "").strip() or None,
        }
    )
    return services.check(substance, profile, evidence_dir)


@router.post("/check")
async def check(request: Request) -> Response:
    submitted = await request.form()
    form = {k: v for k in (*TEXT_FIELDS, *FLAG_FIELDS) if isinstance(v := submitted.get(k, ""), str)}
    return await run_in_threadpool(_checked, request, form)


def _checked(request: Request, form: dict[str, str]) -> Response:
    """The screen of a posted profile, or the form again with the problem (in a worker thread:
    screening and rendering take milliseconds the event loop should not wait)."""
    try:
        result = screen_form(form, request.app.state.evidence_dir)
    except SuppwiseError as error:
        field = form_field(getattr(error, "field", None))
        if isinstance(error, NotFoundError):
            field = "substance"
        return _page(request, form, status=422, error=error, error_field=field)
    numbers = citation_numbers(result.references)
    if isinstance(result, Screen):
        return _page(request, form, screen=result, result=result, numbers=numbers)
    return _page(request, form, combination=result, result=result, numbers=numbers)
