"""The trial part of the JSON API: trials, diary entries, analysis, reports, calendars.

Each route mirrors a CLI command and returns the same documented model (docs/trial-json.md). Every
trial route reads the trial with `owner=user.id`, so another person's trial id answers 404 exactly
like an id that does not exist; and every one is a `SignedInRoute`, so a request without a valid
sign-in is answered 401 before its body is parsed.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from suppwise.services import consent as consent_service
from suppwise.services import trials as trial_service
from suppwise.services.files import ReportFormat, calendar_file
from suppwise.trials.report_model import OutcomeReport, TrialReport
from suppwise.trials.requests import DiaryEntry, PlanRequest, StopRequest
from suppwise.trials.trial_model import (
    ConsentOut,
    EntryOut,
    LoggedOut,
    OverviewOut,
    PlannedOut,
    StoppedOut,
    TrialSummary,
)
from suppwise.web.deps import ApiUser, Base, Db, SignedInRoute, now, pool_minimum, write_work
from suppwise.web.views.report_files import download_response, report_file

router = APIRouter(prefix="/api/v1", tags=["trials"], route_class=SignedInRoute)


@router.get("/trials", response_model=list[TrialSummary])
def list_trials(user: ApiUser, db: Db, base: Base) -> list[TrialSummary]:
    return trial_service.trial_summaries(db, base, owner=user.id)


@router.post("/trials", status_code=201, response_model=PlannedOut)
def plan_trial(body: PlanRequest, user: ApiUser, db: Db, base: Base) -> PlannedOut:
    """Plan a trial: screened at the target dose; `avoid` → 409, `caution` needs `acknowledgement`."""
    return trial_service.plan_trial(db, base, body, today=date.today(), owner=user.id)


@router.get("/trials/{trial_id}", response_model=OverviewOut)
def show_trial(trial_id: str, user: ApiUser, db: Db, base: Base) -> OverviewOut:
    return trial_service.overview(db, base, trial_id, today=date.today(), owner=user.id)


@router.delete("/trials/{trial_id}", status_code=204)
def remove_trial(trial_id: str, user: ApiUser, db: Db) -> Response:
    trial_service.delete_trial(db, trial_id, owner=user.id)
    return Response(status_code=204)


@router.post("/trials/{trial_id}/stop", response_model=StoppedOut)
def stop_trial(trial_id: str, body: StopRequest, user: ApiUser, db: Db, base: Base) -> StoppedOut:
    """Stop a trial early, today: its analysis ends today and the report says when and why."""
    return trial_service.stop_trial(db, base, trial_id, reason=body.reason, today=date.today(), owner=user.id)


@router.get("/trials/{trial_id}/consent", response_model=ConsentOut)
def consent_status(trial_id: str, user: ApiUser, db: Db, base: Base) -> ConsentOut:
    """Whether the trial is shared for pooling, since when (or when consent was withdrawn)."""
    return consent_service.consent_status(db, base, trial_id, owner=user.id)


@router.put("/trials/{trial_id}/consent", response_model=ConsentOut)
async def give_consent(trial_id: str, request: Request, user: ApiUser, db: Db, base: Base) -> ConsentOut:
    """Share the trial for pooling: its daily scores and phases, never notes, dates or identity.
    Consent already given keeps its date (`changed` false)."""
    return await write_work(request, lambda: consent_service.give_consent(db, base, trial_id, now=now(), owner=user.id))


@router.delete("/trials/{trial_id}/consent", response_model=ConsentOut)
async def withdraw_consent(trial_id: str, request: Request, user: ApiUser, db: Db, base: Base) -> ConsentOut:
    """Withdraw consent to pooling: every pool made from now on leaves the trial out."""
    return await write_work(
        request, lambda: consent_service.withdraw_consent(db, base, trial_id, now=now(), owner=user.id)
    )


@router.get("/trials/{trial_id}/pooled-estimate")
def pooled_estimate(
    trial_id: str,
    request: Request,
    user: ApiUser,
    db: Db,
    base: Base,
    outcome: Annotated[
        str,
        Query(max_length=40, description="pain, fatigue, sleep, gi, phq2 or mood, or one of the trial's own outcomes"),
    ],
) -> dict[str, Any]:
    """Your own effect as the pool of shared trials estimates it (owner-only; see docs/pooling.md)."""
    minimum = pool_minimum(request)
    return consent_service.own_pooled_estimate(db, base, trial_id, outcome, minimum, today=date.today(), owner=user.id)


@router.get("/trials/{trial_id}/entries", response_model=list[EntryOut])
def list_entries(trial_id: str, user: ApiUser, db: Db) -> list[EntryOut]:
    return trial_service.entries(db, trial_id, owner=user.id)


@router.post("/trials/{trial_id}/entries", status_code=201, response_model=LoggedOut)
async def log_entry(trial_id: str, body: DiaryEntry, request: Request, user: ApiUser, db: Db, base: Base) -> LoggedOut:
    """Log a day (today by default); a day logged again is a correction. Alerts come back at once."""
    return await write_work(
        request,
        lambda: trial_service.log_entry(db, base, trial_id, body, today=date.today(), source="api", owner=user.id),
    )


@router.get("/trials/{trial_id}/analysis", response_model=list[OutcomeReport])
def analysis(trial_id: str, user: ApiUser, db: Db, base: Base) -> list[OutcomeReport]:
    """Per outcome: the daily series, the posterior of the effect and its verdict."""
    return trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id).outcomes


@router.get("/trials/{trial_id}/report", response_model=TrialReport)
async def report(
    trial_id: str,
    request: Request,
    user: ApiUser,
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
    return download_response(await report_file(request, result, format), inline=format is ReportFormat.HTML)


@router.get("/trials/{trial_id}/calendar", response_class=Response)
def calendar(trial_id: str, user: ApiUser, db: Db, base: Base) -> Response:
    """The schedule as iCalendar: a daily diary reminder and every dose change."""
    return download_response(calendar_file(db, base, trial_id, owner=user.id))
