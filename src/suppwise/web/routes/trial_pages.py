"""Trial pages: the list, the plan wizard (with the safety screen), the dashboard with its quick daily
log form, charts, alerts and analysis, and the downloads (report, calendar, diary CSV).

Every page reads the trial with `owner=user.id`; another person's trial id is a 404 page.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from suppwise.errors import StorageError, SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.pooling import MIN_PEOPLE
from suppwise.render.trial_chart import outcome_chart_svg
from suppwise.safety.crisis import mentions_self_harm
from suppwise.safety.profile import profile_from_data
from suppwise.safety.recognise import find_substance
from suppwise.services import consent as consent_service
from suppwise.services import trials as trial_service
from suppwise.storage import Database
from suppwise.storage import accounts as store
from suppwise.trials.gate import TrialBlockedError
from suppwise.trials.outcome_keys import OUTCOME_FIELDS, parse_outcomes
from suppwise.trials.trial_model import LoggedOut, PlannedOut
from suppwise.web.deps import Base, Db, now, optional_user, signed_in, write_work
from suppwise.web.inputs import checked_form
from suppwise.web.views.pages import render
from suppwise.web.views.report_files import report_file

router = APIRouter(include_in_schema=False)
SCORES = ("pain", "fatigue", "sleep", "gi", "phq2", "phq9", "phq9_item9")
OUTCOME_LABELS = {"pain": "Pain", "fatigue": "Fatigue", "sleep": "Sleep quality", "mood": "Mood", "gi": "Gut symptoms"}


def _user(request: Request) -> store.UserRecord | None:
    return optional_user(request)


def _login() -> Response:
    return RedirectResponse("/login", status_code=303)


async def _form(request: Request) -> dict[str, Any]:
    """The posted form as plain values (lists for repeated names), capped in size by the server."""
    form = await request.form()
    data: dict[str, Any] = {}
    for key in form:
        values = [v for v in form.getlist(key) if isinstance(v, str)]
        data[key] = values if len(values) > 1 or key == "outcomes" else (values[0] if values else "")
    return data


def _entity_choices(base: EvidenceBase, kind: EntityKind) -> list[tuple[str, str]]:
    return sorted(((e.id, e.name) for e in base.entities.values() if e.kind is kind), key=lambda c: c[1])


@router.get("/trials")
def trials(request: Request, db: Db, base: Base) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return render(request, "trials.html.j2", user=user, trials=trial_service.trial_summaries(db, base, owner=user.id))


def _plan_page(request: Request, base: EvidenceBase, user: store.UserRecord, **context: Any) -> Response:
    status = int(context.pop("status", 200))
    return render(
        request,
        "trial_plan.html.j2",
        status=status,
        user=user,
        substances=_entity_choices(base, EntityKind.SUBSTANCE),
        conditions=_entity_choices(base, EntityKind.CONDITION),
        outcome_labels=OUTCOME_LABELS,
        today=date.today().isoformat(),
        **context,
    )


@router.get("/trials/new")
def plan_form(request: Request, base: Base) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return _plan_page(request, base, user, form={})


def _int(form: dict[str, Any], key: str, default: int) -> int:
    text = str(form.get(key) or "").strip()
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        raise trial_service.TrialPlanError(f"{key}: {text!r} is not a whole number") from None


def _names(form: dict[str, Any], key: str) -> list[str]:
    return [part.strip() for part in str(form.get(key) or "").split(",") if part.strip()]


@router.post("/trials/new")
async def plan(request: Request, db: Db, base: Base) -> Response:
    user = await signed_in(request)
    if user is None:
        return _login()
    form = await _form(request)
    outcome = await write_work(request, lambda: _plan_posted(db, base, user, form))
    if isinstance(outcome, SuppwiseError):
        blocked = outcome if isinstance(outcome, TrialBlockedError) else None
        context: dict[str, Any] = {"blocked": blocked, "screen": blocked.screen} if blocked else {"error": outcome}
        status = 409 if blocked else 422
        return await run_in_threadpool(lambda: _plan_page(request, base, user, form=form, status=status, **context))
    return RedirectResponse(f"/trials/{outcome.trial.id}", status_code=303)


def _plan_posted(
    db: Database, base: EvidenceBase, user: store.UserRecord, form: dict[str, Any]
) -> PlannedOut | SuppwiseError:
    """The posted wizard, screened and stored; or what to show the person instead (in the writer
    queue: storing is a write, and screening takes only a millisecond or two)."""
    try:
        checked_form(form)
        design = str(form.get("design") or "abab")
        plan = trial_service.make_plan(
            {
                "substance": find_substance(base, str(form.get("substance") or "")),
                "condition": trial_service.find_condition(base, str(form.get("condition") or "")),
                "outcomes": parse_outcomes(form.get("outcomes") or []),
                "start_date": str(form.get("start_date") or date.today().isoformat()),
                "baseline_days": _int(form, "baseline_days", 14),
                "titration": {
                    "start": str(form.get("start_dose") or ""),
                    "step": str(form.get("step") or ""),
                    "target": str(form.get("target") or ""),
                    "days_per_step": _int(form, "days_per_step", 3),
                },
                "design": design,
                "block_days": _int(form, "block_days", 14),
                "pairs": _int(form, "pairs", 2),
                "washout_days": _int(form, "washout_days", 3),
                "seed": secrets.randbits(31) if design == "abab" else None,
            }
        )
        profile = profile_from_data(
            {
                "medications": _names(form, "medications"),
                "sensitivities": _names(form, "sensitivities"),
                "conditions": _names(form, "other_conditions"),
                "pregnant": form.get("pregnant") == "yes",
                "breastfeeding": form.get("breastfeeding") == "yes",
                "age": str(form.get("age") or "").strip() or None,
            }
        )
        acknowledgement = str(form.get("acknowledgement") or "").strip() or None
        return trial_service.plan_trial(
            db, base, plan, profile, acknowledgement=acknowledgement, today=date.today(), owner=user.id
        )
    except SuppwiseError as error:
        if error.code == StorageError.code:
            raise  # a database failure is not the person's to fix: the error page says what to do
        return error


def _dashboard(
    request: Request, db: Database, base: EvidenceBase, user: store.UserRecord, trial_id: str, **context: Any
) -> Response:
    status = int(context.pop("status", 200))
    seen = trial_service.overview(db, base, trial_id, today=date.today(), owner=user.id)
    report = trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id)
    phases = list(report.protocol.phases)
    charts = {o.field: outcome_chart_svg(o, phases) for o in report.outcomes}
    fields = [f for outcome in seen.trial.outcomes for f in OUTCOME_FIELDS[outcome]]
    consent = consent_service.consent_status(db, base, trial_id, owner=user.id)
    minimum = int(getattr(request.app.state, "pool_min_people", MIN_PEOPLE))
    own_estimates = (
        [
            consent_service.own_pooled_estimate(db, base, trial_id, f, minimum, today=date.today(), owner=user.id)
            for f in fields
        ]
        if consent.shared
        else []
    )
    return render(
        request,
        "trial_view.html.j2",
        status=status,
        user=user,
        seen=seen,
        report=report,
        charts=charts,
        fields=fields,
        today=date.today().isoformat(),
        consent=consent,
        own_estimates=own_estimates,
        crisis=any(a.level == "crisis" for a in seen.alerts)
        or bool(context.get("logged") and context["logged"].crisis)
        or any(mentions_self_harm(text) for text in (seen.trial.acknowledgement, seen.trial.stop_reason) if text),
        **context,
    )


@router.get("/trials/{trial_id}")
def dashboard(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return _dashboard(request, db, base, user, trial_id)


@router.post("/trials/{trial_id}/log")
async def log(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    """Store the posted day (in the writer queue), then show the dashboard with its alerts (in a
    worker thread: analysing and drawing the charts take longer than the write)."""
    user = await signed_in(request)
    if user is None:
        return _login()
    form = await _form(request)
    data: dict[str, Any] = {"day": str(form.get("day") or date.today().isoformat())}
    for key in (*SCORES, "dose_taken", "note"):
        value = str(form.get(key) or "").strip()
        if value:
            data[key] = value

    def store_day() -> LoggedOut | SuppwiseError:
        try:
            checked_form(form)
            return trial_service.log_entry(db, base, trial_id, data, today=date.today(), source="web", owner=user.id)
        except SuppwiseError as error:
            if error.code in ("trial_not_found", StorageError.code):
                raise
            return error

    logged = await write_work(request, store_day)
    if isinstance(logged, SuppwiseError):
        return await run_in_threadpool(
            lambda: _dashboard(request, db, base, user, trial_id, log_error=logged, form=form, status=422)
        )
    return await run_in_threadpool(lambda: _dashboard(request, db, base, user, trial_id, logged=logged))


@router.post("/trials/{trial_id}/stop")
async def stop(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    user = await signed_in(request)
    if user is None:
        return _login()
    form = checked_form(await _form(request))
    reason = str(form.get("reason") or "")[:2000]
    await write_work(
        request,
        lambda: trial_service.stop_trial(db, base, trial_id, reason=reason, today=date.today(), owner=user.id),
    )
    return RedirectResponse(f"/trials/{trial_id}", status_code=303)


@router.post("/trials/{trial_id}/consent")
async def consent(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    """Share the trial for pooling (the page says what is shared and that it can be withdrawn)."""
    user = await signed_in(request)
    if user is None:
        return _login()
    checked_form(await _form(request))
    await write_work(request, lambda: consent_service.give_consent(db, base, trial_id, now=now(), owner=user.id))
    return RedirectResponse(f"/trials/{trial_id}#share-h", status_code=303)


@router.post("/trials/{trial_id}/withdraw-consent")
async def withdraw_consent(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    """Stop sharing the trial: later pools leave it out."""
    user = await signed_in(request)
    if user is None:
        return _login()
    checked_form(await _form(request))
    await write_work(request, lambda: consent_service.withdraw_consent(db, base, trial_id, now=now(), owner=user.id))
    return RedirectResponse(f"/trials/{trial_id}#share-h", status_code=303)


@router.post("/trials/{trial_id}/delete")
async def delete(trial_id: str, request: Request, db: Db) -> Response:
    from suppwise.storage import delete_trial

    user = await signed_in(request)
    if user is None:
        return _login()
    await write_work(request, lambda: delete_trial(db, trial_id=trial_id, owner=user.id))
    return RedirectResponse("/trials", status_code=303)


@router.get("/trials/{trial_id}/report.{fmt}")
async def report(trial_id: str, fmt: str, request: Request, db: Db, base: Base) -> Response:
    user = await signed_in(request)
    if user is None:
        return _login()
    kind = {"html": "html", "pdf": "pdf", "fhir.json": "fhir"}.get(fmt)
    if kind is None:
        raise trial_service.TrialPlanError(f"no report format {fmt[:20]!r}", hint="html, pdf or fhir.json")
    result = await run_in_threadpool(
        lambda: trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id)
    )
    file = await report_file(request, result, kind)
    if kind == "html":
        from suppwise.render.trial_report import style_hash

        csp = f"default-src 'none'; style-src {style_hash()}; img-src data:; frame-ancestors 'none'; base-uri 'none'"
        disposition = f'inline; filename="{file.filename}"'
        return Response(
            file.body,
            media_type=file.media_type,
            headers={"Content-Security-Policy": csp, "Content-Disposition": disposition},
        )
    return Response(
        file.body,
        media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )


@router.get("/trials/{trial_id}/calendar.ics")
def calendar(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    from suppwise.storage import get_trial
    from suppwise.trials.calendar import schedule_calendar

    user = _user(request)
    if user is None:
        return _login()
    record = get_trial(db, trial_id=trial_id, owner=user.id)
    plan = trial_service.stored_plan(record)
    return Response(
        schedule_calendar(plan, trial_id=record.id, substance_name=base.name(plan.substance)),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="suppwise-{record.id}.ics"'},
    )


@router.get("/trials/{trial_id}/diary.csv")
def diary_csv(trial_id: str, request: Request, db: Db) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return Response(
        trial_service.export_diary(db, trial_id, owner=user.id),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="suppwise-{trial_id}-diary.csv"'},
    )


def _pooled(request: Request, db: Database, base: EvidenceBase, substance: str, condition: str, outcome: str) -> Any:
    minimum = int(getattr(request.app.state, "pool_min_people", MIN_PEOPLE))
    return consent_service.pooled_page(
        db, base, substance[:100], condition[:100], outcome[:40], minimum, today=date.today()
    )


@router.get("/pooled/{substance}/{condition}/{outcome}.json")
def pooled_twin(substance: str, condition: str, outcome: str, request: Request, db: Db, base: Base) -> Response:
    """The public page's JSON twin: the same data, for everyone (it names no person, date or note)."""
    import json

    data = _pooled(request, db, base, substance, condition, outcome)
    return Response(json.dumps(data, indent=2), media_type="application/json", headers={"Cache-Control": "no-store"})


@router.get("/pooled/{substance}/{condition}/{outcome}")
def pooled(substance: str, condition: str, outcome: str, request: Request, db: Db, base: Base) -> Response:
    """Public: the pooled result of everyone who shared a trial of this supplement for this condition,
    once enough people did; else how many more are needed."""
    return render(request, "pooled.html.j2", page=_pooled(request, db, base, substance, condition, outcome))
