"""Personal trials for every shell (CLI, web, API): plan, log, import, export, overview, report, analyse.

Each function takes an open `Database` and the evidence base, plain values and `today` (so a test
or a server in another time zone decides what "today" is), calls the pure trial core and the
repository, and returns one of the documented result models (`suppwise.trials.trial_model`,
`suppwise.trials.report_model`). Nothing here prints or parses command lines.

What is stored where: the plan is the validated `TrialPlan` as JSON; an entry keeps the dose both
as the daily amount in its unit (for checks) and as the words the person wrote (for export); an
alert keeps the rule's message and what made it fire, while its rationale and sources are read
from the evidence base by rule id when shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from suppwise.errors import DiaryError, OutcomeKeyError, OutcomeSpecError, SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.questions.answer_model import DISCLAIMER
from suppwise.safety.crisis import crisis_resources_out, mentions_self_harm
from suppwise.safety.profile import Profile
from suppwise.safety.recognise import find_condition as find_condition  # re-exported: the shells name it
from suppwise.safety.recognise import find_substance
from suppwise.services.entry_records import diary_entry, entry_out, stored_values
from suppwise.services.stored_plans import validated_plan
from suppwise.storage import (
    AlertRecord,
    Database,
    EntrySource,
    ScreenLevel,
    TrialRecord,
    create_trial,
    current_entries,
    get_trial,
    list_alerts,
    list_trials,
    trial_write,
    write_rows,
)
from suppwise.storage import delete_trial as delete_trial_record
from suppwise.trials.alert_episodes import alert_episodes
from suppwise.trials.alerts import days_needed, days_to_check, dose_limits, evaluate, rule_reach
from suppwise.trials.custom_outcomes import CustomOutcome, check_values
from suppwise.trials.diary import (
    CSV_COLUMNS,
    DiaryEntry,
    check_dose_unit,
    column_name,
    make_entry,
    read_csv,
    write_csv,
)
from suppwise.trials.diary_analysis import analyse_scores, phases_from_doses
from suppwise.trials.gate import check_can_start, screen_plan
from suppwise.trials.outcome_keys import FIELD_SCALES, OUTCOME_FIELDS, parse_outcomes
from suppwise.trials.outcome_spec import OutcomeSpec as OutcomeSpec  # re-exported: the shells name the type
from suppwise.trials.outcome_spec import parse_range
from suppwise.trials.outcomes import OUTCOME_SCALES
from suppwise.trials.plan import Phase, ScheduledDay, TrialPlan, planned_days, schedule
from suppwise.trials.report import (
    METHOD,
    adherence_out,
    alert_out,
    build_report,
    by_day,
    important_difference_out,
    next_change,
    protocol_out,
    rule_fields,
)
from suppwise.trials.report_model import AlertOut, AnalysisOut, DiaryAnalysis, DiaryOutcome, TrialOut, TrialReport
from suppwise.trials.requests import PlanRequest
from suppwise.trials.score_table import header_columns, read_scores
from suppwise.trials.stopping import check_can_stop
from suppwise.trials.trial_model import (
    DayPlan,
    EntryOut,
    FiredAlert,
    ImportedOut,
    LoggedOut,
    OverviewOut,
    PlannedOut,
    StoppedOut,
    TrialSummary,
)


class TrialPlanError(SuppwiseError):
    """A plan that cannot be stored as given (names the field)."""

    code = "trial_plan_invalid"


# ------------------------------------------------------------------------------------------------ plan


START_WINDOW_PAST = timedelta(days=3 * 365)
"""How far back a trial may start: far enough to enter a diary kept on paper over the past years."""
START_WINDOW_AHEAD = timedelta(days=365)
FOLLOW_UP_DAYS = 90
"""Days after the schedule's last day that the diary still accepts (after-effects, a late entry);
with the plan's own limit this bounds every diary, and so the work of every report, by construction."""


def check_start_date(plan: TrialPlan, *, today: date) -> None:
    """A start between three years ago and a year ahead; anything else is a slip, refused before
    anything is stored."""
    earliest, latest = today - START_WINDOW_PAST, today + START_WINDOW_AHEAD
    if not earliest <= plan.start_date <= latest:
        raise TrialPlanError(
            f"start_date: {plan.start_date.isoformat()} is outside {earliest.isoformat()} to {latest.isoformat()}",
            hint="a trial starts within a year from today, or up to three years back to enter an old diary",
        )


def _plan_problems(invalid: ValidationError) -> TrialPlanError:
    """Every problem of a plan or plan request, each naming its field."""
    problems = []
    for error in invalid.errors():
        field = ".".join(str(part) for part in error["loc"]) or "plan"
        problems.append(f"{field}: {str(error['msg']).removeprefix('Value error, ')}")
    return TrialPlanError("; ".join(problems), hint="see `suppwise trial plan --help`")


def make_plan(data: Mapping[str, Any]) -> TrialPlan:
    """A validated plan from plain values; every problem names its field."""
    try:
        return TrialPlan.model_validate(dict(data))
    except ValidationError as invalid:
        raise _plan_problems(invalid) from None


def plan_request(data: Mapping[str, Any]) -> PlanRequest:
    """A plan request from a shell's plain values (options, form fields); a value left out takes
    the request's default, and every problem names its field."""
    try:
        return PlanRequest.model_validate(dict(data))
    except ValidationError as invalid:
        raise _plan_problems(invalid) from None


def plan_trial(
    db: Database, base: EvidenceBase, request: PlanRequest, *, today: date, owner: str
) -> PlannedOut:
    """Plan a trial as asked in any shell: resolve the names, build and check the plan (the seed
    drawn by the request's policy, the start today unless given), then screen and store it. The
    substance's IU-per-microgram factor, when the evidence base gives one, is recorded with the
    titration, so a plan or a diary in IU converts the way the screen's dose check does."""
    substance = find_substance(base, request.substance)
    plan = make_plan(
        {
            "substance": substance,
            "condition": find_condition(base, request.condition),
            "outcomes": parse_outcomes(request.outcomes) if request.outcomes else (),
            "custom_outcomes": [o.model_dump() for o in request.custom_outcomes],
            "start_date": request.start_date or today,
            "baseline_days": request.baseline_days,
            "titration": {**request.titration.model_dump(), "iu_per_mcg": dose_limits(base, substance).iu_per_mcg},
            "design": request.design,
            "block_days": request.block_days,
            "pairs": request.pairs,
            "washout_days": request.washout_days,
            "seed": request.chosen_seed(),
        }
    )
    return store_plan(
        db, base, plan, request.profile, acknowledgement=request.acknowledgement, today=today, owner=owner
    )


def store_plan(
    db: Database,
    base: EvidenceBase,
    plan: TrialPlan,
    profile: Profile,
    *,
    acknowledgement: str | None,
    today: date,
    owner: str,
) -> PlannedOut:
    """Screen the person with the plan's highest dose, refuse `avoid`, require the acknowledgement a
    `caution` needs, then store the plan, its seed and the acknowledgement verbatim. The trial's own
    condition is always part of the screened profile."""
    check_start_date(plan, today=today)
    if plan.condition is not None and plan.condition not in profile.conditions:
        profile = profile.model_copy(update={"conditions": (*profile.conditions, plan.condition)})
    result = screen_plan(base, profile, plan)
    stored_acknowledgement = check_can_start(result, acknowledgement)
    level: ScreenLevel = "caution" if result.level == "caution" else "no_known_issue"
    trial = create_trial(
        db,
        substance=plan.substance,
        condition=plan.condition,
        outcomes=list(plan.outcomes),
        plan=plan.model_dump(mode="json"),
        start_date=plan.start_date,
        seed=plan.seed,
        status="active" if plan.start_date <= today else "planned",
        screen_level=level,
        acknowledgement=stored_acknowledgement,
        owner=owner,
    )
    crisis = own_words_show_risk(trial)
    return PlannedOut(
        trial=trial_out(base, trial),
        protocol=protocol_out(plan, schedule(plan)),
        screen=result,
        crisis=crisis,
        crisis_resources=crisis_resources_out() if crisis else [],
    )


def own_words_show_risk(trial: TrialRecord) -> bool:
    """Whether what the person wrote on the trial's forms (the acknowledgement of cautions, the reason
    for stopping) shows any sign of self-harm risk: the same detector as questions and diary notes
    (docs/crisis.md), so crisis resources come first wherever the trial is shown."""
    return any(mentions_self_harm(text) for text in (trial.acknowledgement, trial.stop_reason) if text)


def stored_plan(trial: TrialRecord, base: EvidenceBase | None = None) -> TrialPlan:
    """The trial's plan as stored. A plan made before plans recorded the substance's IU factor has
    none; given the evidence base, it gets the base's factor, so a diary dose in IU for such a
    trial (vitamin D logged in IU against a plan in mcg) still converts instead of being refused.
    The stored JSON is validated once per process (`stored_plans`)."""
    plan = validated_plan(trial)
    if base is None or plan.titration.iu_per_mcg is not None:
        return plan
    factor = dose_limits(base, plan.substance).iu_per_mcg
    if factor is None:
        return plan
    return plan.model_copy(update={"titration": plan.titration.model_copy(update={"iu_per_mcg": factor})})


def own_outcomes(trial: TrialRecord) -> list[CustomOutcome]:
    """The trial's own outcomes as its stored plan describes them (none in a plan made before them)."""
    return [CustomOutcome.model_validate(o) for o in trial.plan.get("custom_outcomes", ())]


def trial_out(base: EvidenceBase, trial: TrialRecord) -> TrialOut:
    return TrialOut(
        id=trial.id,
        substance=trial.substance,
        substance_name=base.name(trial.substance),
        condition=trial.condition,
        condition_name=base.name(trial.condition) if trial.condition else None,
        outcomes=list(trial.outcomes),
        custom_outcomes=own_outcomes(trial),
        status=trial.status,
        created_at=trial.created_at,
        screen_level=trial.screen_level,
        acknowledgement=trial.acknowledgement,
        acknowledged_at=trial.acknowledged_at,
        stopped_on=trial.stopped_on,
        stop_reason=trial.stop_reason,
    )


def stop_trial(
    db: Database, base: EvidenceBase, trial_id: str, *, reason: str | None, today: date, owner: str
) -> StoppedOut:
    """Stop a trial early, today: the analysis ends here (later days are not counted as missing) and
    the report says when and why. What the person writes as the reason is kept verbatim."""
    cleaned = (reason.strip() if reason else None) or None
    with trial_write(db, trial_id=trial_id, owner=owner) as write:
        found = write.trial
        check_can_stop(
            trial_id=found.id, start_date=found.start_date, stopped_on=found.stopped_on, on=today, reason=cleaned
        )
        stopped = write.stop(on=today, reason=cleaned)
    crisis = own_words_show_risk(stopped)
    return StoppedOut(
        trial=trial_out(base, stopped), crisis=crisis, crisis_resources=crisis_resources_out() if crisis else []
    )


def delete_trial(db: Database, trial_id: str, *, owner: str) -> None:
    """Delete a trial with its diary, alerts and consent (another person's trial reads as missing)."""
    delete_trial_record(db, trial_id=trial_id, owner=owner)


def trial_to_log(db: Database, given: str | None, *, owner: str) -> str:
    """The trial a diary entry is for: the one given, or the person's only active or planned one."""
    if given:
        return given
    open_trials = [t for t in list_trials(db, owner=owner) if t.status in ("active", "planned")]
    if len(open_trials) == 1:
        return open_trials[0].id
    ids = ", ".join(t.id for t in open_trials) or "none"
    raise DiaryError(
        "say which trial this entry is for" if open_trials else "there is no active trial to log to",
        hint=f"use --trial ID (active trials: {ids}); `suppwise trial list` shows them all",
        field="trial",
    )


# ---------------------------------------------------------------------------------------- diary entries


def day_plan(day: ScheduledDay | None) -> DayPlan | None:
    if day is None:
        return None
    return DayPlan(
        day=day.day,
        phase=day.phase.value,
        planned_g=day.planned_g,
        planned=day.planned_text if day.planned_g else None,
        block=day.block,
        analysed=day.analysed,
    )


def diary(db: Database, trial_id: str, *, owner: str) -> list[DiaryEntry]:
    return [diary_entry(r) for r in current_entries(db, trial_id=trial_id, owner=owner)]


def log_fields(trial: TrialOut) -> list[str]:
    """The diary fields a trial's daily log asks for: those its outcomes are measured by."""
    return [field for outcome in trial.outcomes for field in OUTCOME_FIELDS[outcome]]


def entries(db: Database, trial_id: str, *, owner: str) -> list[EntryOut]:
    """The trial's current diary as its JSON contract, one entry per day (corrections replace)."""
    return [entry_out(r) for r in current_entries(db, trial_id=trial_id, owner=owner)]


def _check_in_trial(entry: DiaryEntry, plan: TrialPlan, row: int | None = None) -> None:
    """The entry's day lies within the trial, its values of the trial's own outcomes are ones the
    plan describes, each in its range, and its dose converts to the plan's unit (a DiaryError
    naming the row and field otherwise)."""
    check_values(entry.custom, plan.custom_outcomes, row=row)
    check_dose_unit(entry, plan.titration, row=row)
    where = f"row {row}: " if row is not None else ""
    if entry.day < plan.start_date:
        raise DiaryError(
            f"{where}{entry.day.isoformat()} is before this trial started ({plan.start_date.isoformat()})",
            hint="a trial's diary starts on its first baseline day",
            row=row,
            field="date",
        )
    last = planned_days(plan)[-1].day + timedelta(days=FOLLOW_UP_DAYS)
    if entry.day > last:
        raise DiaryError(
            f"{where}{entry.day.isoformat()} is more than {FOLLOW_UP_DAYS} days after this trial's schedule ended"
            f" ({planned_days(plan)[-1].day.isoformat()})",
            hint="start a new trial to keep a diary beyond that",
            row=row,
            field="date",
        )


def _alerts_on(
    base: EvidenceBase,
    trial: TrialRecord,
    planned: Sequence[ScheduledDay],
    entries: Sequence[DiaryEntry],
    days: Sequence[date],
) -> list[FiredAlert]:
    """Every alert firing on `days`, or on the days after them that a sustained rule now reaches (a
    missing day filled in can complete a run). `entries` must hold at least the days
    `days_needed` names for each of `days`."""
    checked = days_to_check(days, {e.day for e in entries}, rule_reach(base))
    return [alert for day in checked for alert in evaluate(base, trial.substance, entries, planned, day)]


def _fired_out(fired: Sequence[FiredAlert], new: Sequence[AlertRecord]) -> list[FiredAlert]:
    """The alerts as shown, crisis first, those that had fired on their day before marked not new."""
    fresh = {(a.day, a.rule_id) for a in new}
    ordered = sorted(fired, key=lambda a: (a.level != "crisis", a.day, a.rule_id))
    return [a if (a.day, a.rule_id) in fresh else a.model_copy(update={"new": False}) for a in ordered]


def log_entry(
    db: Database,
    base: EvidenceBase,
    trial_id: str,
    data: DiaryEntry | Mapping[str, Any],
    *,
    today: date,
    source: EntrySource,
    owner: str,
) -> LoggedOut:
    """Validate and store one day (a second entry for the same day is a correction that keeps the
    history), then evaluate the safety rules on it at once. One unit of work, whatever the diary's
    length: read the trial and only the days the alerts depend on, check the day against the plan,
    write the entry, evaluate the alerts and store them; all of it commits together or not at all."""
    entry = make_entry(data, today=today)
    reach = rule_reach(base)
    with trial_write(db, trial_id=trial_id, owner=owner) as write:
        plan = stored_plan(write.trial, base)
        _check_in_trial(entry, plan)
        planned = planned_days(plan)
        needed = days_needed(planned, entry.day, reach)
        current = write.current_entries(needed | {entry.day})
        replaced = current.get(entry.day)
        saved = current[entry.day] = write.save_entry(
            entry.day, stored_values(entry), source=source, replaced=replaced, now=datetime.now(UTC)
        )
        trial = write.activate()
        nearby = [diary_entry(current[day]) for day in sorted(current) if day in needed]
        fired = _alerts_on(base, trial, planned, nearby, [entry.day])
        new = write.add_alerts(fired)
    unchanged = replaced is not None and replaced.id == saved.id
    alerts = _fired_out(fired, new)
    crisis = any(a.level == "crisis" for a in alerts)
    return LoggedOut(
        trial_id=trial.id,
        substance_name=base.name(trial.substance),
        entry=entry_out(saved),
        corrected=replaced is not None and not unchanged,
        unchanged=unchanged,
        scheduled=day_plan(next((d for d in planned if d.day == entry.day), None)),
        alerts=alerts,
        crisis=crisis,
        crisis_resources=crisis_resources_out() if crisis else [],
    )


def import_diary(
    db: Database,
    base: EvidenceBase,
    trial_id: str,
    text: str,
    *,
    today: date,
    source: EntrySource = "csv",
    owner: str,
) -> ImportedOut:
    """A diary CSV into a trial, all or nothing; days already logged are corrected (history kept).
    The rows are checked against the plan first; then one unit of work reads the diary, writes the
    rows, evaluates the alerts on the whole diary and stores them, committed together."""
    # The file is read and checked against the plan (which never changes) before the write begins,
    # so a long file does not hold the trial's write lock while it is parsed.
    plan = stored_plan(get_trial(db, trial_id=trial_id, owner=owner), base)
    entries = read_csv(text, today=today, custom=[o.name for o in plan.custom_outcomes])
    for row, entry in enumerate(entries, start=2):
        _check_in_trial(entry, plan, row)
    with trial_write(db, trial_id=trial_id, owner=owner) as write:
        existing = write.current_entries()
        saved = write_rows(write, [(e.day, stored_values(e)) for e in entries], source=source)
        trial = write.activate() if entries else write.trial
        whole = [diary_entry(r) for r in write.current_entries().values()]
        fired = _alerts_on(base, trial, planned_days(plan), whole, [e.day for e in entries])
        new = write.add_alerts(fired)
    added = sum(1 for r in saved if r.day not in existing)
    unchanged = sum(1 for r in saved if r.day in existing and existing[r.day].id == r.id)
    alerts = _fired_out(fired, new)
    crisis = any(a.level == "crisis" for a in alerts)
    return ImportedOut(
        trial_id=trial.id,
        substance_name=base.name(trial.substance),
        rows=len(entries),
        added=added,
        corrected=len(saved) - added - unchanged,
        unchanged=unchanged,
        alerts=alerts,
        crisis=crisis,
        crisis_resources=crisis_resources_out() if crisis else [],
    )


def export_diary(db: Database, trial_id: str, *, owner: str) -> str:
    """The trial's current diary as CSV, with each day's planned phase."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    plan = stored_plan(trial)
    phases = {d.day: d.phase.value for d in schedule(plan)}
    return write_csv(diary(db, trial.id, owner=owner), phases, [o.name for o in plan.custom_outcomes])


# --------------------------------------------------------------------------------------- report, overview


def stored_alerts(db: Database, base: EvidenceBase, trial_id: str, *, owner: str) -> list[AlertOut]:
    """The trial's stored alerts as the contract shows them, by day: the one place an alert record
    becomes an `AlertOut`."""
    records = list_alerts(db, trial_id=trial_id, owner=owner)
    return by_day(
        [
            alert_out(
                base,
                day=a.day,
                rule_id=a.rule_id,
                level=a.level,
                message=a.message,
                detail=a.detail,
                recorded_at=a.created_at,
            )
            for a in records
        ]
    )


def trial_report(
    db: Database, base: EvidenceBase, trial_id: str, *, today: date, now: datetime, owner: str
) -> TrialReport:
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    return build_report(
        base,
        trial_out(base, trial),
        stored_plan(trial, base),
        diary(db, trial.id, owner=owner),
        stored_alerts(db, base, trial.id, owner=owner),
        today=today,
        generated_at=now,
    )


def overview(
    db: Database, base: EvidenceBase, trial_id: str, *, today: date, recent: int = 7, owner: str
) -> OverviewOut:
    """Where the trial stands today: phase and planned dose, the next change, adherence so far, the
    last `recent` entries and every alert."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    plan = stored_plan(trial)
    days = schedule(plan)
    entries = current_entries(db, trial_id=trial.id, owner=owner)
    by_day = {d.day: d for d in days}
    diary_entries = [diary_entry(r) for r in entries]
    alerts = stored_alerts(db, base, trial.id, owner=owner)
    return OverviewOut(
        as_of=today,
        trial=trial_out(base, trial),
        protocol=protocol_out(plan, days),
        # A stopped trial has no plan for today and no change to come.
        today=day_plan(by_day.get(today)) if trial.stopped_on is None else None,
        next_change=day_plan(next_change(days, today)) if trial.stopped_on is None else None,
        adherence=adherence_out(
            diary_entries, days, min(today, trial.stopped_on or today), iu_per_mcg=plan.titration.iu_per_mcg
        ),
        recent_entries=[entry_out(r) for r in entries[-recent:]] if recent > 0 else [],
        alerts=alerts,
        alert_episodes=alert_episodes(alerts, diary_entries, rule_fields(base)),
    )


def trial_summaries(db: Database, base: EvidenceBase, *, owner: str) -> list[TrialSummary]:
    """Every trial of `owner`, oldest first, with its dates and how much has been logged."""
    summaries = []
    for trial in list_trials(db, owner=owner):
        plan = stored_plan(trial)
        summaries.append(
            TrialSummary(
                trial=trial_out(base, trial),
                start_date=plan.start_date,
                end_date=plan.start_date + timedelta(days=plan.total_days() - 1),
                diary_days=len(current_entries(db, trial_id=trial.id, owner=owner)),
                alerts=len(list_alerts(db, trial_id=trial.id, owner=owner)),
            )
        )
    return summaries


# ------------------------------------------------------------------------------------ stateless analysis


DIARY_ANALYSIS_NOTE = (
    "Days are compared by the phase column (on against baseline and off; washout and titration left out). "
    "Where a row has no phase, a dose above zero counts as on and 'none' as off; rows with neither are "
    "kept in the model but not compared."
)


def outcome_spec(
    *, score_range: str | None, higher_is_worse: bool | None, important_difference: float | None
) -> OutcomeSpec:
    """What a person says about a custom column, read from their words (`LOW-HIGH` for the range)."""
    return OutcomeSpec(
        score_range=parse_range(score_range) if score_range is not None else None,
        higher_is_worse=higher_is_worse,
        important_difference=important_difference,
    )


def analyse_csv(
    text: str, *, outcomes: Sequence[str] | None, today: date, spec: OutcomeSpec | None = None
) -> DiaryAnalysis:
    """Analyse a diary kept elsewhere, storing nothing: every outcome the file scores, or those asked
    for. A name that is a column of the file but no diary field is a custom outcome, described by
    `spec` (range, direction, optionally δ); scores may have decimals (docs/diary-csv.md)."""
    spec = spec or OutcomeSpec()
    names = [n.strip() for item in outcomes or () for n in item.split(",") if n.strip()]
    columns = header_columns(text)
    custom = list(dict.fromkeys(c for c in map(column_name, names) if c in columns and c not in CSV_COLUMNS))
    if spec.given and not custom:
        raise OutcomeSpecError(
            "--range, --higher-is-better/--higher-is-worse and --important-difference describe a column "
            "suppwise has no instrument for; the outcomes named here have their own cited scales",
            hint="name the file's own column with --outcome, e.g. --outcome mood --range 0-10 --higher-is-better",
        )
    custom_scales = {name: spec.scale(name) for name in custom}
    table = read_scores(text, today=today, custom={n: s.score_range for n, s in custom_scales.items()})
    phases = phases_from_doses(table.entries, table.phases)
    if not phases:
        raise DiaryError(
            "the file does not say which days were on the supplement",
            hint="add a phase column (baseline, on, off, washout) or a dose_taken column ('none' on off days)",
            field="phase",
        )
    scored = [f for f in FIELD_SCALES if table.scores.get(f)]
    fields = _fields_asked(names, custom, scored, table.unread) if names else scored
    for name in custom:
        if not table.scores.get(name):
            raise DiaryError(
                f"the file has no scores for {name}", hint="every cell of that column is empty", field=name
            )
    if not fields:
        raise DiaryError(
            "the file has no scores to analyse",
            hint="add a pain, fatigue, sleep, gi or phq2 column"
            + (f", or name one of its columns: --outcome {table.unread[0]} --range LOW-HIGH" if table.unread else ""),
        )
    scales = {f: custom_scales[f] if f in custom_scales else OUTCOME_SCALES[FIELD_SCALES[f]] for f in fields}
    analyses = analyse_scores(table.days, phases, {f: table.scores[f] for f in fields}, scales)
    unread = [c for c in table.unread if c not in fields]
    note = DIARY_ANALYSIS_NOTE + (
        f" Columns not analysed: {', '.join(unread)} (name one with --outcome and describe it with --range and "
        "--higher-is-better or --higher-is-worse)."
        if unread
        else ""
    )
    return DiaryAnalysis(
        days=len(table.days),
        first_day=min(table.days),
        last_day=max(table.days),
        phase_days={phase.value: sum(1 for p in phases.values() if p is phase) for phase in Phase},
        outcomes=[
            DiaryOutcome(
                field=field,
                scale=scales[field].id,
                name=scales[field].name,
                important_difference=important_difference_out(scales[field]),
                analysis=AnalysisOut.model_validate(analyses[field].to_dict()),
            )
            for field in fields
        ],
        note=note,
        method=METHOD,
        disclaimer=DISCLAIMER,
    )


def _fields_asked(
    names: Sequence[str], custom: Sequence[str], scored: Sequence[str], unread: Sequence[str]
) -> list[str]:
    """The fields for the outcomes named, in the order named: a custom column as itself, a known
    outcome (pain, mood, ...) as the diary fields that measure it and that the file scores."""
    fields: list[str] = []
    for name in names:
        column = column_name(name)
        if column in custom:
            found = [column]
        else:
            try:
                keys = parse_outcomes(name)
            except OutcomeKeyError as error:
                others = f"; the file's other columns: {', '.join(unread)}" if unread else ""
                raise OutcomeKeyError(
                    f"{name!r} is neither an outcome suppwise knows nor a column of the file",
                    hint=f"known outcomes: {', '.join(OUTCOME_FIELDS)}{others}",
                ) from error
            found = [f for key in keys for f in OUTCOME_FIELDS[key] if f in scored]
            if not found:
                raise DiaryError(
                    f"the file has no scores for {', '.join(keys)}",
                    hint=f"it scores: {', '.join(scored) or 'nothing'}",
                    field=OUTCOME_FIELDS[keys[0]][0],
                )
        fields.extend(f for f in found if f not in fields)
    return fields
