"""Trial pages: the list, the plan wizard (with the safety screen), the dashboard with its quick daily
log form, charts, alerts and analysis, and the downloads (report, calendar, diary CSV).

Every page reads the trial with `owner=user.id`; another person's trial id is a 404 page.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from suppwise.errors import StorageError, SuppwiseError, TrialBlockedError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.render.trial_chart import outcome_chart_svg
from suppwise.render.trial_report import style_hash
from suppwise.safety.crisis import mentions_self_harm
from suppwise.safety.profile import profile_from_data
from suppwise.services import consent as consent_service
from suppwise.services import trials as trial_service
from suppwise.services.database import Database
from suppwise.services.files import ReportFormat, calendar_file
from suppwise.trials.custom_outcomes import MAX_CUSTOM_OUTCOMES, CustomOutcomeError, custom_outcome
from suppwise.trials.requests import plan_numbers
from suppwise.trials.trial_model import LoggedOut, PlannedOut
from suppwise.web.deps import Base, Db, User, now, optional_user, pool_minimum, signed_in, write_work
from suppwise.web.inputs import checked_form
from suppwise.web.views.pages import render
from suppwise.web.views.report_files import download_response, report_file

router = APIRouter(include_in_schema=False)
SCORES = ("pain", "fatigue", "sleep", "gi", "phq2", "phq9", "phq9_item9")
PAGE_REPORT_FORMATS = {"html": ReportFormat.HTML, "pdf": ReportFormat.PDF, "fhir.json": ReportFormat.FHIR}
"""The report's file names end in these (the JSON contract is the API's)."""
OUTCOME_LABELS = {"pain": "Pain", "fatigue": "Fatigue", "sleep": "Sleep quality", "mood": "Mood", "gi": "Gut symptoms"}


def _user(request: Request) -> User | None:
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


OWN_FIELDS = ("name", "low", "high", "direction", "decimals", "delta")
"""The fields of one row of the plan form's "your own outcomes" set: `own_name_1`, `own_low_1`, ..."""
OWN_VALUE = "own:"
"""The prefix of the log form's inputs for the trial's own outcomes (`own:energy`)."""


def _own_rows(form: dict[str, Any]) -> int:
    """How many rows of the "your own outcomes" set to show: those shown before (a hidden field),
    at least the last one filled in, one more when the person pressed "Add another outcome"."""
    rows = str(form.get("own_rows") or "").strip()
    shown = int(rows) if rows.isdigit() else 1
    filled = [k for k in range(1, MAX_CUSTOM_OUTCOMES + 1) if any(_own(form, f, k) for f in OWN_FIELDS[:3])]
    wanted = max(shown, max(filled, default=0)) + (1 if form.get("action") == "add_outcome" else 0)
    return max(1, min(wanted, MAX_CUSTOM_OUTCOMES))


def _own(form: dict[str, Any], field: str, row: int) -> str:
    return str(form.get(f"own_{field}_{row}") or "").strip()


def _own_outcomes(form: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of "your own outcomes" that are filled in, as checked outcomes (a row with only a
    name or only numbers is an error naming the row)."""
    found: list[dict[str, Any]] = []
    for row in range(1, MAX_CUSTOM_OUTCOMES + 1):
        name, low, high, delta = (_own(form, f, row) for f in ("name", "low", "high", "delta"))
        if not (name or low or high or delta):
            continue
        where = f"your outcome {row}" + (f" ({name[:40]})" if name else "")
        if not (name and low and high):
            raise CustomOutcomeError(f"{where}: give its name, lowest and highest value", hint="or leave the row empty")
        direction = _own(form, "direction", row)
        if direction not in ("higher-better", "higher-worse"):
            never = "suppwise never guesses: a wrong guess would call a harm a benefit"
            raise CustomOutcomeError(f"{where}: say which way is better", hint=never)
        try:
            outcome = custom_outcome(
                name=name,
                low=_decimal(low, f"{where}: lowest value"),
                high=_decimal(high, f"{where}: highest value"),
                higher_is_worse=direction == "higher-worse",
                decimals=_own(form, "decimals", row) == "decimals",
                important_difference=_decimal(delta, f"{where}: important difference") if delta else None,
            )
        except CustomOutcomeError as error:
            message = error.message if error.message.startswith(where) else f"{where}: {error.message}"
            raise CustomOutcomeError(message, hint=error.hint) from None
        found.append(outcome.model_dump())
    return found


def _decimal(text: str, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise CustomOutcomeError(f"{what} {text[:40]!r} is not a number") from None


def _entity_choices(base: EvidenceBase, kind: EntityKind) -> list[tuple[str, str]]:
    return sorted(((e.id, e.name) for e in base.entities.values() if e.kind is kind), key=lambda c: c[1])


@router.get("/trials")
def trials(request: Request, db: Db, base: Base) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return render(request, "trials.html.j2", user=user, trials=trial_service.trial_summaries(db, base, owner=user.id))


def _plan_page(request: Request, base: EvidenceBase, user: User, **context: Any) -> Response:
    status = int(context.pop("status", 200))
    return render(
        request,
        "trial_plan.html.j2",
        status=status,
        user=user,
        substances=_entity_choices(base, EntityKind.SUBSTANCE),
        conditions=_entity_choices(base, EntityKind.CONDITION),
        outcome_labels=OUTCOME_LABELS,
        numbers=plan_numbers(),
        today=date.today().isoformat(),
        own_rows=_own_rows(context.get("form") or {}),
        max_own_outcomes=MAX_CUSTOM_OUTCOMES,
        **context,
    )


@router.get("/trials/new")
def plan_form(request: Request, base: Base) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return _plan_page(request, base, user, form={})


def _given(form: dict[str, Any], *keys: str) -> dict[str, str]:
    """The fields the person filled in; one left empty takes the plan request's default."""
    return {key: text for key in keys if (text := str(form.get(key) or "").strip())}


def _names(form: dict[str, Any], key: str) -> list[str]:
    return [part.strip() for part in str(form.get(key) or "").split(",") if part.strip()]


@router.post("/trials/new")
async def plan(request: Request, db: Db, base: Base) -> Response:
    user = await signed_in(request)
    if user is None:
        return _login()
    form = await _form(request)
    if form.get("action") == "add_outcome":  # "Add another outcome": the same form, one more row, nothing stored
        checked_form(form)
        return await run_in_threadpool(lambda: _plan_page(request, base, user, form=form))
    outcome = await write_work(request, lambda: _plan_posted(db, base, user, form))
    if isinstance(outcome, SuppwiseError):
        blocked = outcome if isinstance(outcome, TrialBlockedError) else None
        context: dict[str, Any] = {"blocked": blocked, "screen": blocked.screen} if blocked else {"error": outcome}
        status = 409 if blocked else 422
        return await run_in_threadpool(lambda: _plan_page(request, base, user, form=form, status=status, **context))
    return RedirectResponse(f"/trials/{outcome.trial.id}", status_code=303)


def _plan_posted(
    db: Database, base: EvidenceBase, user: User, form: dict[str, Any]
) -> PlannedOut | SuppwiseError:
    """The posted wizard, screened and stored; or what to show the person instead (in the writer
    queue: storing is a write, and screening takes only a millisecond or two)."""
    try:
        checked_form(form)
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
        request = trial_service.plan_request(
            {
                "substance": str(form.get("substance") or ""),
                "condition": str(form.get("condition") or ""),
                "outcomes": form.get("outcomes") or [],
                "custom_outcomes": _own_outcomes(form),
                "titration": {
                    "start": str(form.get("start_dose") or ""),
                    "step": str(form.get("step") or ""),
                    "target": str(form.get("target") or ""),
                    **_given(form, "days_per_step"),
                },
                "profile": profile,
                "acknowledgement": str(form.get("acknowledgement") or "").strip() or None,
                **_given(form, "start_date", "baseline_days", "design", "block_days", "pairs", "washout_days"),
            }
        )
        return trial_service.plan_trial(db, base, request, today=date.today(), owner=user.id)
    except SuppwiseError as error:
        if error.code == StorageError.code:
            raise  # a database failure is not the person's to fix: the error page says what to do
        return error


def _dashboard(
    request: Request, db: Database, base: EvidenceBase, user: User, trial_id: str, **context: Any
) -> Response:
    status = int(context.pop("status", 200))
    seen = trial_service.overview(db, base, trial_id, today=date.today(), owner=user.id)
    report = trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id)
    phases = list(report.protocol.phases)
    charts = {o.field: outcome_chart_svg(o, phases) for o in report.outcomes}
    fields = trial_service.log_fields(seen.trial)
    consent = consent_service.consent_status(db, base, trial_id, owner=user.id)
    minimum = pool_minimum(request)
    own_estimates = (
        [
            consent_service.own_pooled_estimate(db, base, trial_id, f, minimum, today=date.today(), owner=user.id)
            for f in [*fields, *(own.name for own in seen.trial.custom_outcomes)]
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
    own = {k.removeprefix(OWN_VALUE): v for k, v in form.items() if k.startswith(OWN_VALUE) and str(v).strip()}
    if own:
        data["custom"] = {k: str(v).strip() for k, v in own.items()}

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
    user = await signed_in(request)
    if user is None:
        return _login()
    await write_work(request, lambda: trial_service.delete_trial(db, trial_id, owner=user.id))
    return RedirectResponse("/trials", status_code=303)


@router.get("/trials/{trial_id}/report.{fmt}")
async def report(trial_id: str, fmt: str, request: Request, db: Db, base: Base) -> Response:
    user = await signed_in(request)
    if user is None:
        return _login()
    kind = PAGE_REPORT_FORMATS.get(fmt)
    if kind is None:
        raise trial_service.TrialPlanError(f"no report format {fmt[:20]!r}", hint="html, pdf or fhir.json")
    result = await run_in_threadpool(
        lambda: trial_service.trial_report(db, base, trial_id, today=date.today(), now=now(), owner=user.id)
    )
    file = await report_file(request, result, kind)
    if kind is ReportFormat.HTML:
        csp = f"default-src 'none'; style-src {style_hash()}; img-src data:; frame-ancestors 'none'; base-uri 'none'"
        return download_response(file, inline=True, headers={"Content-Security-Policy": csp})
    return download_response(file)


@router.get("/trials/{trial_id}/calendar.ics")
def calendar(trial_id: str, request: Request, db: Db, base: Base) -> Response:
    user = _user(request)
    if user is None:
        return _login()
    return download_response(calendar_file(db, base, trial_id, owner=user.id))


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
    minimum = pool_minimum(request)
    return consent_service.pooled_page(
        db, base, substance[:100], condition[:100], outcome[:40], minimum, today=date.today()
    )


@router.get("/pooled/{substance}/{condition}/{outcome}.json")
def pooled_twin(substance: str, condition: str, outcome: str, request: Request, db: Db, base: Base) -> Response:
    """The public page's JSON twin: the same data, for everyone (it names no person, date or note)."""
    data = _pooled(request, db, base, substance, condition, outcome)
    return Response(json.dumps(data, indent=2), media_type="application/json", headers={"Cache-Control": "no-store"})


@router.get("/pooled/{substance}/{condition}/{outcome}")
def pooled(substance: str, condition: str, outcome: str, request: Request, db: Db, base: Base) -> Response:
    """Public: the pooled result of everyone who shared a trial of this supplement for this condition,
    once enough people did; else how many more are needed."""
    return render(request, "pooled.html.j2", page=_pooled(request, db, base, substance, condition, outcome))
