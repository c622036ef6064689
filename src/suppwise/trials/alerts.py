"""Safety alerts on a personal trial's diary, evaluated on every entry and shown at once.

The rules are evidence data (`alert_rules` in the evidence base: thresholds with a cited
rationale); this module only knows how each kind of rule reads the diary. A crisis alert (PHQ-9
question 9 above zero, or a note that mentions self-harm) always comes first and carries the
crisis resources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import AlertKind, AlertRule
from suppwise.safety.crisis import mentions_self_harm
from suppwise.safety.dose import convert_amount, format_daily
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.plan import Phase, ScheduledDay
from suppwise.trials.trial_model import FiredAlert

LEVEL_ORDER = {"crisis": 0, "urgent": 1, "warning": 2, "info": 3}
DOSE_TOLERANCE = 1.05  # 5% over the plan is rounding (a heaped scoop), not a different dose


def rule_reach(base: EvidenceBase) -> int:
    """How many days the longest sustained rule looks back: a day logged can complete a run that
    ends up to `reach - 1` days later (a missing day filled in)."""
    return max((rule.days or 1 for rule in base.alert_rules), default=1)


def days_to_check(logged: Iterable[date], recorded: set[date], reach: int) -> list[date]:
    """The recorded days whose alerts may change when `logged` days are written."""
    return sorted({d + timedelta(days=k) for d in logged for k in range(reach)} & recorded)


def days_needed(schedule: Sequence[ScheduledDay], day: date, reach: int) -> set[date]:
    """The diary days that decide every alert logging `day` can fire: the baseline (its means are
    the reference for rises) and `reach - 1` days either side of `day` (the runs through it).
    Reading only these keeps a diary write's cost flat as the diary grows."""
    around = {day + timedelta(days=k) for k in range(1 - reach, reach)}
    return around | {d.day for d in schedule if d.phase is Phase.BASELINE}


def baseline_mean(entries: Sequence[DiaryEntry], schedule: Sequence[ScheduledDay], field: str) -> float | None:
    """The mean of `field` over the baseline days that have a value."""
    return _mean_over(entries, _baseline_days(schedule), field)


def _baseline_days(schedule: Sequence[ScheduledDay]) -> set[date]:
    return {d.day for d in schedule if d.phase is Phase.BASELINE}


def _mean_over(entries: Sequence[DiaryEntry], days: set[date], field: str) -> float | None:
    values = [v for e in entries if e.day in days and (v := e.score(field)) is not None]
    return sum(values) / len(values) if values else None


def _sustained_rise(rule: AlertRule, day: date, by_day: dict[date, DiaryEntry], base: float | None) -> str | None:
    if base is None or rule.field is None or rule.threshold is None:
        return None
    days = rule.days or 1
    run = [by_day.get(day - timedelta(days=k)) for k in range(days)]
    values = [getattr(e, rule.field) if e is not None else None for e in run]
    if all(v is not None and v >= base + rule.threshold for v in values):
        return f"{rule.field} {', '.join(str(v) for v in reversed(values))} against a baseline mean of {base:.1f}"
    return None


def _triggered(
    rule: AlertRule,
    entry: DiaryEntry,
    by_day: dict[date, DiaryEntry],
    planned: dict[date, ScheduledDay],
    baseline: float | None,
    limits: DoseLimits,
) -> str | None:
    """What made the rule fire on this entry (shown to the person), or None."""
    value = getattr(entry, rule.field) if rule.field else None
    if rule.kind is AlertKind.SUSTAINED_RISE:
        return _sustained_rise(rule, entry.day, by_day, baseline)
    if rule.kind is AlertKind.SEVERE_SCORE:
        return (
            f"{rule.field} {value}"
            if value is not None and rule.threshold is not None and value >= rule.threshold
            else None
        )
    if rule.kind is AlertKind.CRISIS:
        if value is not None and rule.threshold is not None and value > rule.threshold:
            return f"{rule.field} {value}"
        return "the note mentions self-harm" if entry.note and mentions_self_harm(entry.note) else None
    taken = entry.dose_taken_g(iu_per_mcg=limits.iu_per_mcg)
    if taken is None:
        return None
    day = planned.get(entry.day)
    in_plan_unit = _as_planned(taken, day, limits)
    written = f"took {entry.dose_taken} ({in_plan_unit})"
    if rule.kind is AlertKind.DOSE_ABOVE_PLAN:
        if day is not None and taken > day.planned_g * DOSE_TOLERANCE:
            return f"{written} against {day.planned_text} planned ({day.phase.value})"
        return None
    if limits.safe_amount is None:
        return None
    in_safe_unit = convert_amount(taken, "g", limits.safe_unit, iu_per_mcg=limits.iu_per_mcg)
    if in_safe_unit is not None and in_safe_unit > limits.safe_amount:
        return (
            f"{written}, which is {in_safe_unit:g} {limits.safe_unit}/day; the observed safe level is "
            f"{limits.safe_amount:g} {limits.safe_unit}/day"
        )
    return None


def _as_planned(grams: float, day: ScheduledDay | None, limits: DoseLimits) -> str:
    """A daily amount in the unit the plan is written in: IU for a plan in IU, else g, mg or mcg."""
    iu = convert_amount(grams, "g", "IU", iu_per_mcg=limits.iu_per_mcg)
    return format_daily(grams, iu=iu if day is not None and day.planned_iu is not None else None)


@dataclass(frozen=True)
class DoseLimits:
    """A substance's observed safe level in the unit its record states (g, mg, mcg or IU per day)
    and its IU-per-microgram factor, so a diary dose in any of those units is compared."""

    safe_amount: float | None = None
    safe_unit: str = "g"
    iu_per_mcg: float | None = None


def dose_limits(base: EvidenceBase, substance: str) -> DoseLimits:
    limits = DoseLimits()
    for record in base.for_substance(base.dosing, substance):
        level = record.observed_safe_level
        if level is not None:
            limits = replace(limits, safe_amount=level.amount, safe_unit=level.unit.removesuffix("/day"))
        if record.iu_per_mcg is not None:
            limits = replace(limits, iu_per_mcg=record.iu_per_mcg)
    return limits


def evaluate(
    base: EvidenceBase,
    substance: str,
    entries: Sequence[DiaryEntry],
    schedule: Sequence[ScheduledDay],
    day: date,
) -> list[FiredAlert]:
    """Every rule that fires on `day`, given the whole diary so far; crisis first."""
    by_day = {e.day: e for e in entries}
    entry = by_day.get(day)
    if entry is None:
        return []
    planned = {d.day: d for d in schedule}
    baseline_days = _baseline_days(schedule)  # once, not once per rule: a pass over the whole schedule
    limits = dose_limits(base, substance)
    alerts = []
    for rule in base.alert_rules:
        baseline = _mean_over(entries, baseline_days, rule.field) if rule.field else None
        detail = _triggered(rule, entry, by_day, planned, baseline, limits)
        if detail is not None:
            alerts.append(
                FiredAlert(
                    day=day,
                    rule_id=rule.id,
                    level=rule.level.value,
                    message=rule.message,
                    detail=detail,
                    rationale=rule.rationale,
                    sources=list(rule.sources),
                )
            )
    alerts.sort(key=lambda a: LEVEL_ORDER[a.level])
    return alerts
