"""From a diary and the phase of each day to the per-outcome analysis and the adherence figures.

Exposure follows the protocol, not what was taken (intention to treat): a day planned "on"
counts as on even if a dose was missed, because excluding missed doses would let the days a person
felt too unwell to take it bias the contrast. Adherence is reported beside the verdict instead, so
a reader can judge how far the plan was followed. Baseline and "off" days are the comparison (0),
"on" days the exposure (1); titration and washout days are kept in the AR(1) process but excluded
from the contrast, because the dose there is neither the target nor zero in effect.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from suppwise.lazy import lazy_module
from suppwise.trials.alerts import DOSE_TOLERANCE
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.outcome_keys import FIELD_SCALES
from suppwise.trials.plan import Phase, ScheduledDay

if TYPE_CHECKING:
    from suppwise.stats import analysis as stats_analysis
    from suppwise.stats.analysis import OutcomeAnalysis
    from suppwise.trials.outcomes import OutcomeScale
else:
    stats_analysis = lazy_module("suppwise.stats.analysis")  # NumPy and SciPy load only when analysing

EXPOSURE: Final[dict[Phase, float]] = {
    Phase.BASELINE: 0.0,
    Phase.OFF: 0.0,
    Phase.ON: 1.0,
    Phase.TITRATION: math.nan,
    Phase.WASHOUT: math.nan,
}


@dataclass(frozen=True)
class Adherence:
    """How far the diary and the doses followed the plan, over the days that have passed.

    `days_elapsed` counts scheduled days up to the report date; `diary_days` those with an entry
    and `missing_days` the rest. Of the elapsed "on" days, `on_days_dose_recorded` have a dose and
    `on_days_as_planned` a dose within 5% either side of the plan (`DOSE_TOLERANCE`); of the
    comparison days (baseline and off), `comparison_days_dose_taken` have a dose above zero.
    """

    days_planned: int
    days_elapsed: int
    diary_days: int
    missing_days: int
    on_days: int
    on_days_dose_recorded: int
    on_days_as_planned: int
    comparison_days: int
    comparison_days_dose_taken: int

    @property
    def diary_fraction(self) -> float | None:
        return self.diary_days / self.days_elapsed if self.days_elapsed else None

    @property
    def dose_fraction(self) -> float | None:
        """Share of elapsed on days with the planned dose recorded (None before any on day)."""
        return self.on_days_as_planned / self.on_days if self.on_days else None


def adherence(
    entries: Sequence[DiaryEntry], days: Sequence[ScheduledDay], today: date, *, iu_per_mcg: float | None = None
) -> Adherence:
    """How the diary kept to the schedule up to `today`; a dose in IU is compared with the plan
    through the substance's `iu_per_mcg` (a vitamin D diary in IU against a plan in IU or mcg)."""
    by_day = {e.day: e for e in entries}
    elapsed = [d for d in days if d.day <= today]
    on = [d for d in elapsed if d.phase is Phase.ON]
    comparison = [d for d in elapsed if d.phase in (Phase.BASELINE, Phase.OFF)]

    def taken(day: ScheduledDay) -> float | None:
        entry = by_day.get(day.day)
        return entry.dose_taken_g(iu_per_mcg=iu_per_mcg) if entry is not None else None

    on_taken = [taken(d) for d in on]
    as_planned = sum(
        1
        for d, amount in zip(on, on_taken, strict=True)
        if amount is not None and d.planned_g / DOSE_TOLERANCE <= amount <= d.planned_g * DOSE_TOLERANCE
    )
    diary_days = sum(1 for d in elapsed if d.day in by_day)
    return Adherence(
        days_planned=len(days),
        days_elapsed=len(elapsed),
        diary_days=diary_days,
        missing_days=len(elapsed) - diary_days,
        on_days=len(on),
        on_days_dose_recorded=sum(1 for amount in on_taken if amount is not None),
        on_days_as_planned=as_planned,
        comparison_days=len(comparison),
        comparison_days_dose_taken=sum(1 for d in comparison if (amount := taken(d)) is not None and amount > 0),
    )


def phases_from_doses(entries: Sequence[DiaryEntry], phases: Mapping[date, Phase]) -> dict[date, Phase]:
    """A diary kept elsewhere may record doses but no phases: a day with a dose above zero is "on",
    a day with "none" is "off". A phase the file states is kept."""
    known = dict(phases)
    for entry in entries:
        # Only whether the amount is above zero matters here, so any IU factor tells it for a dose in IU.
        if entry.day not in known and (amount := entry.dose_taken_g(iu_per_mcg=1.0)) is not None:
            known[entry.day] = Phase.ON if amount > 0 else Phase.OFF
    return known


def analyse_diary(
    entries: Sequence[DiaryEntry],
    phases: Mapping[date, Phase],
    fields: Sequence[str] | Mapping[str, OutcomeScale],
    *,
    trend: bool = False,
) -> dict[str, OutcomeAnalysis]:
    """One analysis per diary field, over every day from the first phase or entry to the last.
    `fields` names built-in fields (analysed on their cited scales) or maps each field, a trial's
    own outcomes included, to its scale.

    Days with no phase (outside the plan, or unlabelled in a file) are excluded from the contrast
    like washout; days with no entry are missing and integrated out by the model.
    """
    from suppwise.trials.outcomes import OUTCOME_SCALES

    if isinstance(fields, Mapping):
        scales = dict(fields)
    else:
        scales = {field: OUTCOME_SCALES[FIELD_SCALES[field]] for field in fields}
    scores = {
        field: {e.day: float(value) for e in entries if (value := e.score(field)) is not None} for field in scales
    }
    days = {e.day for e in entries}
    return analyse_scores(days, phases, scores, scales, trend=trend)


def analyse_scores(
    days: Iterable[date],
    phases: Mapping[date, Phase],
    scores: Mapping[str, Mapping[date, float]],
    scales: Mapping[str, OutcomeScale],
    *,
    trend: bool = False,
) -> dict[str, OutcomeAnalysis]:
    """`analyse_diary` for scores of any kind: each key of `scores` is analysed on the scale of the
    same key, over every day from the first of `days` and `phases` to the last."""
    span = sorted(set(phases) | set(days))
    every_day = [span[0] + timedelta(days=k) for k in range((span[-1] - span[0]).days + 1)] if span else []
    exposure = [EXPOSURE[phases[d]] if d in phases else math.nan for d in every_day]
    series = {key: [values.get(d, math.nan) for d in every_day] for key, values in scores.items()}
    ordinals = [d.toordinal() for d in every_day]
    return stats_analysis.analyse_trial(ordinals, exposure, series, scales=scales, trend=trend)
