"""Placing a person's intended dose against what is known: the observed safe level (the most with
good evidence of no harm) and the amounts studies actually used, in the same unit.

Doses above the observed safe level are a caution, not a ban: studies have used more, but for
shorter times and in other settings, and the check says how much more and for how long. A dose
that cannot be compared (IU against grams, a per-kg dose without a weight) says exactly what is
missing rather than passing silently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import Dosing, ObservedSafeLevel, Route, StudiedDose
from suppwise.safety.dose import Dose, convert_amount
from suppwise.safety.screen_model import DailyAmount, DoseCheck, StudiedDoseOut


def _num(value: float) -> str:
    return f"{round(value, 2):g}"


def _base_unit(unit: str) -> tuple[str, bool]:
    """'g/kg/day' -> ('g', True); 'mg/day' -> ('mg', False)."""
    parts = unit.split("/")
    return parts[0], "kg" in parts[1:]


def studied_daily(studied: StudiedDose, unit: str, weight_kg: float | None) -> tuple[float, float] | None:
    """A studied oral daily range in `unit`/day for this person; None when it cannot be placed
    (another route, no amount, per kg without a weight, or a unit that does not convert)."""
    if studied.daily is None or studied.route is not Route.ORAL:
        return None
    base, per_kg = _base_unit(studied.daily.unit)
    scale = 1.0
    if per_kg:
        if weight_kg is None:
            return None
        scale = weight_kg
    low = convert_amount(studied.daily.low * scale, base, unit)
    high = convert_amount(studied.daily.high * scale, base, unit)
    return None if low is None or high is None else (low, high)


def _relation(amount: float, span: tuple[float, float] | None) -> str:
    if span is None:
        return "not_comparable"
    low, high = span
    if amount < low:
        return "below"
    if amount > high:
        return "above"
    return "within"


@dataclass(frozen=True)
class _Placement:
    studied: list[StudiedDoseOut]
    span: tuple[float, float] | None
    longest_weeks_at_or_above: float | None
    needs_weight: bool


def _place(record: Dosing, daily: float, unit: str, weight_kg: float | None) -> _Placement:
    """Where the person's daily amount sits against each studied dose, and the range they span."""
    out: list[StudiedDoseOut] = []
    spans: list[tuple[float, float]] = []
    longest: float | None = None
    needs_weight = False
    for studied in record.studied:
        span = studied_daily(studied, unit, weight_kg)
        if span is not None:
            spans.append(span)
            if span[1] >= daily and studied.weeks is not None:
                longest = max(longest or 0.0, studied.weeks)
        elif studied.daily is not None and _base_unit(studied.daily.unit)[1] and weight_kg is None:
            needs_weight = True
        out.append(
            StudiedDoseOut(
                setting=studied.setting,
                regimen=studied.regimen,
                daily=DailyAmount(low=span[0], high=span[1], unit=f"{unit}/day") if span else None,
                weeks=studied.weeks,
                route=studied.route.value,
                relation=_relation(daily, span) if studied.route is Route.ORAL else "other_route",
                sources=list(studied.sources),
            )
        )
    span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    return _Placement(out, span, longest, needs_weight)


def _judge(
    name: str, daily: float, unit: str, safe: ObservedSafeLevel | None, placement: _Placement
) -> tuple[str, str, str]:
    """(status, level, why) for a daily amount already in `unit`."""
    amount = f"{_num(daily)} {unit}/day"
    safe_amount = convert_amount(safe.amount, _base_unit(safe.unit)[0], unit) if safe else None
    safe_text = f"the {safe.label} of {safe.amount:g} {safe.unit}" if safe else ""
    span = placement.span
    if span is not None and daily > span[1]:
        times = f" and {_num(daily / safe_amount)} times {safe_text}" if safe_amount else ""
        return (
            "above_studied_doses",
            "caution",
            f"{amount} is more than any studied dose of {name} recorded here (the most was "
            f"{_num(span[1])} {unit}/day){times}. Nothing is known about safety at this amount; do not take it "
            "without medical supervision.",
        )
    if safe_amount is not None and daily > safe_amount:
        how_long = (
            f" for up to {_num(placement.longest_weeks_at_or_above)} weeks"
            if placement.longest_weeks_at_or_above
            else ""
        )
        return (
            "above_observed_safe_level",
            "caution",
            f"{amount} is above {safe_text} ({_num(daily / safe_amount)} times it). Studies have used this much or "
            f"more{how_long}, mostly in other conditions; long-term safety at this amount is not established.",
        )
    if safe_amount is not None:
        return (
            "within_observed_safe_level",
            "no_known_issue",
            f"{amount} is within {safe_text} for healthy adults. That level was not set for people with "
            "particular conditions; start low and agree the amount with your clinician.",
        )
    if span is None:
        return (
            "not_comparable",
            "no_known_issue",
            f"No safe upper level or comparable studied dose is recorded for {name}.",
        )
    relation = _relation(daily, span)
    return (
        f"{relation}_studied_doses",
        "no_known_issue",
        f"No safe upper level is recorded for {name}; {amount} is {relation} the range studied "
        f"({_num(span[0])}-{_num(span[1])} {unit}/day).",
    )


def _supporting(status: str, placement: _Placement) -> list[str]:
    """The studies a dose verdict leans on: those that used this much or more when the dose is
    above the safe level; the largest one when it is above them all."""
    placed = [s for s in placement.studied if s.daily is not None]
    if status == "above_studied_doses" and placed:
        largest = max(placed, key=lambda s: s.daily.high if s.daily else 0.0)
        return largest.sources
    if status in ("above_observed_safe_level", "within_studied_doses", "below_studied_doses"):
        return [source for s in placed if s.relation in ("within", "below") for source in s.sources]
    return []


def _comparison_unit(record: Dosing, dose: Dose) -> str:
    """The unit the evidence states amounts in: the observed safe level's, else the first studied
    dose's. A dose in another family of units (IU against grams) then fails to convert and is
    reported as not comparable."""
    stated = record.observed_safe_level.unit if record.observed_safe_level else None
    if stated is None:
        stated = next((s.daily.unit for s in record.studied if s.daily is not None), None)
    return _base_unit(stated)[0] if stated else dose.unit


def _restated(record: Dosing, dose: Dose, unit: str) -> Dose | None:
    """The dose restated in `unit` through the substance's IU-per-microgram factor, when it is in
    the other family of units (IU against a mass) and the evidence gives that factor; else None."""
    factor = record.iu_per_mcg
    if factor is None or (dose.unit == "IU") == (unit == "IU"):
        return None

    low = convert_amount(dose.low, dose.unit, unit, iu_per_mcg=factor)
    high = convert_amount(dose.high, dose.unit, unit, iu_per_mcg=factor)
    if low is None or high is None:
        return None
    return replace(dose, low=low, high=high, unit=unit)


def _unchecked(dose: Dose, status: str, why: str, notes: list[str]) -> DoseCheck:
    return DoseCheck(
        intended=dose.text,
        understood=dose.describe(),
        daily=None,
        status=status,
        level="no_known_issue",
        why=why,
        observed_safe_level=None,
        ratio_to_safe_level=None,
        studied_range=None,
        longest_study_weeks_at_or_above=None,
        studied=[],
        notes=notes,
        sources=[],
    )


def check_dose(base: EvidenceBase, substance: str, dose: Dose, weight_kg: float | None) -> DoseCheck:
    """The dose check for one substance. `level` is 'caution' when the dose is above the observed
    safe level or above every studied dose, else 'no_known_issue'."""
    name = base.name(substance)
    notes: list[str] = []
    if dose.assumed_once_daily:
        notes.append(
            f"Read as {dose.describe()}; say how often (e.g. '5 g twice a day') if you take it more than once."
        )
    if dose.is_range:
        notes.append("You gave a range; the check uses the top of it.")
    records = base.for_substance(base.dosing, substance)
    if not records:
        why = f"The evidence base holds no dose information for {name}; ask a pharmacist what amount is usual."
        return _unchecked(dose, "no_dose_data", why, notes)
    record = records[0]
    unit = _comparison_unit(record, dose)
    as_written = dose.describe()
    restated = _restated(record, dose, unit)
    if restated is not None:
        factor = f"{record.iu_per_mcg:g} IU of {name} are 1 microgram"
        notes.append(f"Read {as_written} as {restated.describe()} ({factor}).")
        dose = restated
    daily = dose.daily_in(unit, weight_kg=weight_kg)
    if daily is None:
        if dose.per_kg and weight_kg is None:
            why = f"{dose.describe()} depends on body weight; add your weight (weight_kg) to compare it."
            return _unchecked(dose, "needs_weight", why, notes)
        why = (
            f"A dose in {dose.unit} cannot be compared with the amounts recorded for {name} (in {unit}); give it "
            "in the unit the evidence uses."
        )
        return _unchecked(dose, "not_comparable", why, notes)
    low = replace(dose, high=dose.low).daily_in(unit, weight_kg=weight_kg) or daily
    if dose.per_kg:
        notes.append(f"Per-kg dose worked out for {_num(weight_kg or 0)} kg.")
    placement = _place(record, daily, unit, weight_kg)
    if placement.needs_weight:
        notes.append("Some studies gave a dose per kg of body weight; add your weight to compare with them too.")
    safe = record.observed_safe_level
    status, level, why = _judge(name, daily, unit, safe, placement)
    safe_amount = convert_amount(safe.amount, _base_unit(safe.unit)[0], unit) if safe else None
    if record.upper_limit_note and level != "no_known_issue":
        notes.append(record.upper_limit_note)
    sources = [*(safe.sources if safe else ()), *_supporting(status, placement)]
    span = placement.span
    return DoseCheck(
        intended=dose.text,
        understood=as_written + (f" = {_num(daily)} {unit}/day" if dose.per_kg or restated else ""),
        daily=DailyAmount(low=low, high=daily, unit=f"{unit}/day"),
        status=status,
        level=level,
        why=why,
        observed_safe_level=DailyAmount(low=safe.amount, high=safe.amount, unit=safe.unit) if safe else None,
        ratio_to_safe_level=round(daily / safe_amount, 3) if safe_amount else None,
        studied_range=DailyAmount(low=span[0], high=span[1], unit=f"{unit}/day") if span else None,
        longest_study_weeks_at_or_above=placement.longest_weeks_at_or_above,
        studied=placement.studied,
        notes=notes,
        sources=list(dict.fromkeys(sources)),
    )
