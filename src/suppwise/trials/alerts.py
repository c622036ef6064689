"""Safety alerts on a personal trial's diary, evaluated on every entry and shown at once.

The rules are evidence data (`alert_rules` in the evidence base: thresholds with a cited
rationale); this module only knows how each kind of rule reads the diary. A crisis alert (PHQ-9
question 9 above zero, or a note that mentions self-harm) always comes first and carries the
crisis resources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import AlertKind, AlertRule
from suppwise.safety.crisis import mentions_self_harm
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.plan import Phase, ScheduledDay

LEVEL_ORDER = {"crisis": 0, "urgent": 1, "warning": 2, "info": 3}
DOSE_TOLERANCE = 1.05  # 5% over the plan is rounding (a heaped scoop), not a different dose


@dataclass(frozen=True)
class Alert:
    rule_id: str
    day: date
    level: str
    message: str
    rationale: str
    sources: tuple[str, ...]
    detail: str


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
    baseline = {d.day for d in schedule if d.phase is Phase.BASELINE}
    values = [v for e in entries if e.day in baseline and (v := e.score(field)) is not None]
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
    safe_level_g: float | None,
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
    taken = entry.dose_taken_g()
    if taken is None:
        return None
    if rule.kind is AlertKind.DOSE_ABOVE_PLAN:
        day = planned.get(entry.day)
        if day is not None and taken > day.planned_g * DOSE_TOLERANCE:
            return f"took {taken:g} g against {day.planned_g:g} g planned ({day.phase.value})"
        return None
    if safe_level_g is not None and taken > safe_level_g:
        return f"took {taken:g} g/day; the observed safe level is {safe_level_g:g} g/day"
    return None


def evaluate(
    base: EvidenceBase,
    substance: str,
    entries: Sequence[DiaryEntry],
    schedule: Sequence[ScheduledDay],
    day: date,
) -> list[Alert]:
    """Every rule that fires on `day`, given the whole diary so far; crisis first."""
    by_day = {e.day: e for e in entries}
    entry = by_day.get(day)
    if entry is None:
        return []
    planned = {d.day: d for d in schedule}
    safe_level_g = None
    for record in base.for_substance(base.dosing, substance):
        level = record.observed_safe_level
        if level is not None and level.unit == "g/day":
            safe_level_g = level.amount
    alerts = []
    for rule in base.alert_rules:
        baseline = baseline_mean(entries, schedule, rule.field) if rule.field else None
        detail = _triggered(rule, entry, by_day, planned, baseline, safe_level_g)
        if detail is not None:
            alerts.append(Alert(rule.id, day, rule.level.value, rule.message, rule.rationale, rule.sources, detail))
    alerts.sort(key=lambda a: LEVEL_ORDER[a.level])
    return alerts
