"""The trial report: one typed document that the HTML, PDF, JSON and FHIR renderers all work from.

It is written for two readers at once, the person and their clinician, so it carries both the
plain verdict and everything needed to check it: the protocol as agreed, how closely it was
followed, every day's score with its phase, the posterior behind each verdict, the important
difference and its source, the alerts that fired, and what the published evidence says. Its JSON
form is a stable contract documented in docs/trial-json.md; `SCHEMA_VERSION` changes when a field
changes meaning or disappears.
"""

from __future__ import annotations

from datetime import date, datetime

from suppwise.contract import Model
from suppwise.evidence.citation import Reference
from suppwise.questions.answer_model import EvidenceItem, VerdictOut
from suppwise.safety.crisis import CrisisResourceOut
from suppwise.trials.custom_outcomes import CustomOutcome

SCHEMA_VERSION = 1


class TrialOut(Model):
    """A trial as every shell shows it; `custom_outcomes` are the outcomes of its own, as planned."""

    id: str
    substance: str
    substance_name: str
    condition: str | None
    condition_name: str | None
    outcomes: list[str]
    custom_outcomes: list[CustomOutcome] = []
    status: str
    created_at: datetime
    screen_level: str
    acknowledgement: str | None
    acknowledged_at: datetime | None
    stopped_on: date | None = None
    stop_reason: str | None = None


class TitrationOut(Model):
    start: str
    step: str
    target: str
    days_per_step: int
    steps_g: list[float]
    unit: str
    steps: list[str]


class PhaseSpan(Model):
    """A run of consecutive days with the same phase and planned amount (a chart band)."""

    phase: str
    start: date
    end: date
    days: int
    block: int | None
    planned_g: float
    planned: str | None
    analysed: bool


class ProtocolOut(Model):
    design: str
    start_date: date
    end_date: date
    total_days: int
    baseline_days: int
    titration: TitrationOut
    block_days: int
    pairs: int
    washout_days: int
    seed: int | None
    block_order: list[str]
    phases: list[PhaseSpan]


class AdherenceOut(Model):
    days_planned: int
    days_elapsed: int
    diary_days: int
    missing_days: int
    on_days: int
    on_days_dose_recorded: int
    on_days_as_planned: int
    comparison_days: int
    comparison_days_dose_taken: int
    diary_fraction: float | None
    dose_fraction: float | None


class SourceOut(Model):
    """A source of an outcome scale's important difference, as it was checked."""

    citation: str
    url: str | None
    checked: str


class ImportantDifferenceOut(Model):
    points: float
    relative: float | None
    status: str
    basis: str
    sources: list[SourceOut]


class RhoOut(Model):
    mean: float
    sd: float
    ci_low: float
    ci_high: float
    grid_low: float
    grid_high: float


class AnalysisOut(Model):
    """`suppwise.stats.analysis.OutcomeAnalysis` as data (see its docstring for each number)."""

    outcome: str
    verdict: str
    verdict_text: str
    explanation: str
    delta: float
    higher_is_worse: bool
    score_low: float
    score_high: float
    n_used: int
    n_missing: int
    n_excluded: int
    exposure_low: float | None
    exposure_high: float | None
    mean: float | None
    sd: float | None
    ci_low: float | None
    ci_high: float | None
    interval_probability: float
    interval_kind: str
    p_worse: float | None
    p_better: float | None
    p_within: float | None
    p_any_worse: float | None
    p_any_better: float | None
    rho: RhoOut | None
    trend_modelled: bool
    trend: float | None
    verdict_probability: float
    method: str


class SeriesPoint(Model):
    day: date
    value: int | float | None
    phase: str | None


class OutcomeReport(Model):
    """One measured field: a built-in instrument, or (`custom`) one of the trial's own outcomes,
    whose `field`, `outcome` and `scale` are its name and whose important difference is the one
    given in the plan or the stated default."""

    field: str
    outcome: str
    scale: str
    name: str
    low: float
    high: float
    higher_is_worse: bool
    decimals: bool = False
    custom: bool = False
    loinc: str | None
    important_difference: ImportantDifferenceOut
    baseline_mean: float | None
    series: list[SeriesPoint]
    analysis: AnalysisOut


class AlertOut(Model):
    day: date
    rule_id: str
    level: str
    message: str
    detail: str | None
    rationale: str | None
    sources: list[str]
    recorded_at: datetime


class AlertEpisodeOut(Model):
    """Alerts of one rule on days close together, as one event (`suppwise.trials.alert_episodes`):
    a sustained rise fires on each day it lasts, and a reader needs it once, with its span and how
    high the score went. `peak_*` are None for rules on no score (doses, notes)."""

    rule_id: str
    level: str
    first_day: date
    last_day: date
    alert_days: int
    message: str
    peak_field: str | None
    peak_value: float | None
    peak_day: date | None
    rationale: str | None
    sources: list[str]


class EvidenceSummary(Model):
    """What the published evidence says about the substance for the condition (the reasoner's answer)."""

    question: str
    summary: str
    verdicts: list[VerdictOut]
    key_points: list[str]
    studies: list[EvidenceItem]
    caution_sources: list[str]  # the sources of the cautions the summary opens with


class TrialReport(Model):
    schema_version: int = SCHEMA_VERSION
    generated_at: datetime
    as_of: date
    trial: TrialOut
    protocol: ProtocolOut
    adherence: AdherenceOut
    outcomes: list[OutcomeReport]
    alerts: list[AlertOut]
    alert_episodes: list[AlertEpisodeOut]
    evidence: EvidenceSummary | None
    references: list[Reference]
    crisis: bool
    crisis_resources: list[CrisisResourceOut]
    method: str
    disclaimer: str


class DiaryOutcome(Model):
    field: str
    scale: str
    name: str
    important_difference: ImportantDifferenceOut
    analysis: AnalysisOut


class DiaryAnalysis(Model):
    """`suppwise analyze`: a diary kept elsewhere, analysed without storing anything."""

    schema_version: int = SCHEMA_VERSION
    days: int
    first_day: date
    last_day: date
    phase_days: dict[str, int]
    outcomes: list[DiaryOutcome]
    note: str
    method: str
    disclaimer: str
