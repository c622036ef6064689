"""The trial part of the JSON API: trials, diary entries, analysis, reports, calendars.

Each route mirrors a CLI command and returns the same documented model (docs/trial-json.md). Every
trial route reads the trial with `owner=user.id`, so another person's trial id answers 404 exactly
like an id that does not exist; and every one is a `SignedInRoute`, so a request without a valid
sign-in is answered 401 before its body is parsed.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from suppwise.safety.profile import profile_from_data
from suppwise.safety.recognise import find_substance
from suppwise.services import consent as consent_service
from suppwise.services import trials as trial_service
from suppwise.storage import accounts as store
from suppwise.storage import current_entries, delete_trial
from suppwise.trials.outcome_keys import parse_outcomes
from suppwise.trials.report_model import OutcomeReport, TrialReport
from suppwise.trials.trial_model import (
    ConsentOut,
    EntryOut,
    LoggedOut,
    OverviewOut,
    PlannedOut,
    StoppedOut,
    TrialSummary,
)
from suppwise.web.deps import Base, Db, SignedInRoute, api_user, now, write_work
from suppwise.web.inputs import RequestBody
from suppwise.web.views.report_files import report_file

router = APIRouter(prefix="/api/v1", tags=["trials"], route_class=SignedInRoute)

User = Annotated[store.UserRecord, Depends(api_user)]
Score = Annotated[int | None, Field(default=None, ge=0, le=10)]


class TitrationIn(RequestBody):
    start: str = Field(max_length=100, examples=["5 g/day"])
    step: str = Field(max_length=100, examples=["5 g/day"])
    target: str = Field(max_length=100, examples=["15 g/day"])
    days_per_step: int = Field(default=3, ge=1, le=28)


class ProfileIn(RequestBody):
    conditions: list[str] = Field(default_factory=list, max_length=50)
    medications: list[str] = Field(default_factory=list, max_length=50)
    sensitivities: list[str] = Field(default_factory=list, max_length=50)
    pregnant: bool = False
    breastfeeding: bool = False
    age: int | None = Field(default=None, ge=0, le=125)
    weight_kg: float | None = Field(default=None, gt=0, le=500)


class PlanRequest(RequestBody):
    substance: str = Field(max_length=100, examples=["glutamine"])
    condition: str = Field(max_length=100, examples=["fibromyalgia"])
    outcomes: list[str] = Field(min_length=1, max_length=5, examples=[["pain", "sleep", "gi"]])
    start_date: date | None = None
    baseline_days: int = Field(default=14, ge=0, le=90)
    titration: TitrationIn
    design: Literal["ab", "abab"] = "abab"
    block_days: int = Field(default=14, ge=3, le=90)
    pairs: int = Field(default=2, ge=1, le=6)
    washout_days: int = Field(default=3, ge=0, le=30)
    seed: int | None = Field(default=None, ge=0, lt=2**31)
    profile: ProfileIn = Field(default_factory=ProfileIn)
    acknowledgement: str | None = Field(default=None, max_length=2000)


class EntryRequest(RequestBody):
    day: date | None = Field(default=None, description="the day recorded (default: today)")
    pain: Score = None
    fatigue: Score = None
    sleep: Score = None
    gi: Score = None
    phq2: int | None = Field(default=None, ge=0, le=6)
    phq9: int | None = Field(default=None, ge=0, le=27)
    phq9_item9: int | None = Field(default=None, ge=0, le=3)
    dose_taken: str | None = Field(default=None, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class StopRequest(RequestBody):
    reason: str | None = Field(default=None, max_length=2000, description="Why you stopped, in your words.")


class ReportFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    PDF = "pdf"
    FHIR = "fhir"


@router.get("/trials", response_model=list[TrialSummary])
def list_trials(user: User, db: Db, base: Base) -> list[TrialSummary]:
    return trial_service.trial_summaries(db, base, owner=user.id)


@router.post("/trials", status_code=201, response_model=PlannedOut)
def plan_trial(body: PlanRequest, user: User, db: Db, base: Base) -> PlannedOut:
    """Plan a trial: screened at the target dose; `avoid` → 409, `caution` needs `acknowledgement`."""
    plan = trial_service.make_plan(
        {
            "substance": find_substance(base, body.substance),
            "condition": trial_service.find_condition(base, body.condition),
            "outcomes": parse_outcomes(body.outcomes),
            "start_date": body.start_date or date.today(),
            "baseline_days": body.baseline_days,
            "titration": body.titration.model_dump(),
            "design": body.design,
            "block_days": body.block_days,
            "pairs": body.pairs,
            "washout_days": body.washout_days,
            "seed": body.seed if body.seed is not None or body.design == "ab" else _random_seed(),
        }
    )
    profile = profile_from_data(body.profile.model_dump())
    return trial_service.plan_trial(
        db, base, plan, profile, acknowledgement=body.acknowledgement, today=date.today(), owner=user.id
    )


def _random_seed() -> int:
    import secrets

    return secrets.randbits(31)


@router.get("/trials/{trial_id}", response_model=OverviewOut)
def show_trial(trial_id: str, user: User, db: Db, base: Base) -> OverviewOut:
    return trial_service.overview(db, base, trial_id, today=date.today(), owner=user.id)


@router.delete("/trials/{trial_id}", status_code=204)
def remove_trial(trial_id: str, user: User, db: Db) -> Response:
    delete_trial(db, trial_id=trial_id, owner=user.id)
    return Response(status_code=204)


@router.post("/trials/{trial_id}/stop", response_model=StoppedOut)
def stop_trial(trial_id: str, body: StopRequest, user: User, db: Db, base: Base) -> StoppedOut:
    """Stop a trial early, today: its analysis ends today and the report says when and why."""
    return trial_service.stop_trial(db, base, trial_id, reason=body.reason, today=date.today(), owner=user.id)


@router.get("/trials/{trial_id}/consent", response_model=ConsentOut)
def consent_status(trial_id: str, user: User, db: Db, base: Base) -> ConsentOut:
    """Whether the trial is shared for pooling, since when (or when consent was withdrawn)."""
    return consent_service.consent_status(db, base, trial_id, owner=user.id)


@router.put("/trials/{trial_id}/consent", response_model=ConsentOut)
async def give_consent(trial_id: str, request: Request, user: User, db: Db, base: Base) -> ConsentOut:
    """Share the trial for pooling: its daily scores and phases, never notes, dates or identity.
    Consent already given keeps its date (`changed` false)."""
    return await write_work(request, lambda: consent_service.give_consent(db, base, trial_id, now=now(), owner=user.id))


@router.delete("/trials/{trial_id}/consent", response_model=ConsentOut)
async def withdraw_consent(trial_id: str, request: Request, user: User, db: Db, base: Base) -> ConsentOut:
    """Withdraw consent to pooling: every pool made from now on leaves the trial out."""
    return await write_work(
        request, lambda: consent_service.withdraw_consent(db, base, trial_id, now=now(), owner=user.id)
    )


@router.get("/trials/{trial_id}/pooled-estimate")
def pooled_estimate(
    trial_id: str,
    request: Request,
    user: User,
    db: Db,
    base: Base,
    outcome: Annotated[str, Query(max_length=40, description="pain, fatigue, sleep, gi, phq2 or mood")],
) -> dict[str, Any]:
    """Your own effect as the pool of shared trials estimates it (owner-only; see docs/pooling.md)."""
    minimum = int(getattr(request.app.state, "pool_min_people", 10))
    return consent_service.own_pooled_estimate(db, base, trial_id, outcome, minimum, today=date.today(), owner=user.id)


@router.get("/trials/{trial_id}/entries", response_model=list[EntryOut])
def list_entries(trial_id: str, user: User, db: Db) -> list[EntryOut]:
    return [trial_service.entry_out(r) for r in current_entries(db, trial_id=trial_id, owner=user.id)]


@router.post("/trials/{trial_id}/entries", status_code=201, response_model=LoggedOut)
async def log_entry(trial_id: str, body: EntryRequest, request: Request, user: User, db: Db, base: Base) -> LoggedOut:
    """Log a day (today by default); a day logged again is a correction. Alerts come back at once."""
    data: dict[str, Any] = {k: v for k, v in body.model_dump().items() if v is not None}
    data.setdefault("day", date.today())
    return await write_work(
        request,
        lambda: trial_service.log_entry(db, base, trial_id, data, today=date.today(), source="api", owner=user.id),
    )


@router.get("/trials/{trial_id}/analysis", response_model=list[OutcomeReport])
def analysis(trial_id: str, user: User, db: Db, base: Base) -> list[OutcomeReport]:
    """Per outcome: the daily series, the posterior of the effect and its verdict."""
    return trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id).outcomes


@router.get("/trials/{trial_id}/report", response_model=TrialReport)
async def report(
    trial_id: str,
    request: Request,
    user: User,
    db: Db,
    base: Base,
    format: Annotated[ReportFormat, Query(description="json, html, pdf or fhir (a FHIR R4 Bundle)")] = (
        ReportFormat.JSON
    ),
) -> Any:
    """The clinician's report. `format=json` returns the documented model; the others a file (a
    PDF may answer 503 with Retry-After while others are being drawn)."""
    result = await run_in_threadpool(
        lambda: trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id)
    )
    if format is ReportFormat.JSON:
        return result
    file = await report_file(request, result, format.value)
    disposition = "inline" if format is ReportFormat.HTML else "attachment"
    return Response(
        file.body,
        media_type=file.media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{file.filename}"'},
    )


@router.get("/trials/{trial_id}/calendar", response_class=Response)
def calendar(trial_id: str, user: User, db: Db, base: Base) -> Response:
    """The schedule as iCalendar: a daily diary reminder and every dose change."""
    from suppwise.storage import get_trial
    from suppwise.trials.calendar import schedule_calendar

    record = get_trial(db, trial_id=trial_id, owner=user.id)
    plan = trial_service.stored_plan(record)
    body = schedule_calendar(plan, trial_id=record.id, substance_name=base.name(plan.substance))
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="suppwise-{record.id}.ics"'},
    )
