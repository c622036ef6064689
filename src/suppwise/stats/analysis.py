"""Did the supplement change MY score? One outcome of one personal trial, answered in plain words.

`analyse_outcome` turns a diary (day, score, exposure) into an `OutcomeAnalysis`: the posterior
of the effect of the exposure contrast under the AR(1) model of `suppwise.stats.ar1`, its 95%
equal-tailed credible interval, the probabilities that the effect is a clinically important
worsening, a clinically important improvement, or smaller than the important difference δ either
way, and a verdict.

Verdicts and their thresholds (`VERDICT_PROBABILITY` = 0.9):

- `likely_worse` / `likely_better`: P(effect at least δ in that direction) >= 0.9.
- `no_meaningful_change`: P(|effect| < δ) >= 0.9 (a region of practical equivalence of ±δ).
- `unclear`: none of the three reaches 0.9 — the size of any change is uncertain; the words
  still say the direction when that is at least 90% likely (`suppwise.stats.verdict_words`).

0.9 rather than 0.95: a personal trial informs a reversible decision (keep taking it or not, talk
to the clinician). When the verdict is "likely worse", the posterior probability that the change
was in fact smaller than δ (or the other way) is at most 0.1; the three probabilities themselves
are always shown alongside the verdict.

When no analysis is possible the verdict says why instead, never a crash or a warning:
`not_enough_data` (fewer than `MIN_DAYS` usable days, or fewer than `MIN_DAYS_PER_ARM` at either
end of the exposure contrast, including a diary with no scores at all), `no_contrast` (every
usable day had the same exposure, e.g. all on), `no_variation` (every usable score is identical,
so there is no day-to-day variation to judge a difference against).

Inputs: `values` NaN marks a missing score (no imputation: the AR(1) likelihood runs across the
gap); `exposure` NaN marks a day that is excluded by design (washout), during which the process
still runs. The exposure may be on/off (0/1) or a dose; the effect reported is that of going from
the lowest to the highest exposure observed, on the outcome's own scale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt

from suppwise.errors import TrialDataError
from suppwise.stats.ar1 import DEFAULT_PRIOR, Ar1Fit, Ar1Prior, fit_ar1_batch
from suppwise.stats.verdict_words import Probabilities, verdict_words

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
ArrayLike = npt.ArrayLike

VERDICT_PROBABILITY: Final = 0.9
INTERVAL_PROBABILITY: Final = 0.95
# A week of usable days, three on each side of the contrast: fewer cannot separate a supplement's
# effect from ordinary day-to-day swings and from the autocorrelation at the same time (the
# answer would mostly restate the prior).
MIN_DAYS: Final = 7
MIN_DAYS_PER_ARM: Final = 3
METHOD: Final = "AR(1) regression, conjugate normal-inverse-gamma given rho, rho integrated on a grid"

_RANGE_TOLERANCE: Final = 1e-9


class Scale(Protocol):
    """What the analysis needs of an outcome's scale: its name in words, the important difference
    δ, its direction and its range (`suppwise.trials.outcomes.OutcomeScale` is one)."""

    @property
    def noun(self) -> str: ...
    @property
    def delta(self) -> float: ...
    @property
    def higher_is_worse(self) -> bool: ...
    @property
    def score_range(self) -> tuple[float, float]: ...


class Verdict(StrEnum):
    LIKELY_WORSE = "likely_worse"
    LIKELY_BETTER = "likely_better"
    NO_MEANINGFUL_CHANGE = "no_meaningful_change"
    UNCLEAR = "unclear"
    NO_CONTRAST = "no_contrast"
    NOT_ENOUGH_DATA = "not_enough_data"
    NO_VARIATION = "no_variation"

    @property
    def answered(self) -> bool:
        """True when the verdict comes from a posterior (it may still be `unclear`)."""
        return self in _ANSWERED


_ANSWERED: Final = frozenset(
    {Verdict.LIKELY_WORSE, Verdict.LIKELY_BETTER, Verdict.NO_MEANINGFUL_CHANGE, Verdict.UNCLEAR}
)


@dataclass(frozen=True)
class RhoSummary:
    """The posterior of the day-to-day autocorrelation: how much yesterday predicts today."""

    mean: float
    sd: float
    ci_low: float
    ci_high: float
    grid_low: float
    grid_high: float


@dataclass(frozen=True)
class OutcomeAnalysis:
    """The answer for one outcome. Numbers are None when `verdict.answered` is False.

    `mean`, `sd`, `ci_low`, `ci_high`: posterior of the effect of the exposure contrast
    (highest minus lowest exposure) in score points; the interval is equal-tailed with probability
    `interval_probability`. `p_worse` + `p_better` + `p_within` = 1, where worse/better means a
    change of at least `delta` in the harmful/helpful direction (set by `higher_is_worse`);
    `p_any_worse` + `p_any_better` = 1 are the same for a change of any size. `verdict_text` says
    both (`suppwise.stats.verdict_words`): a direction can be near certain while its size is not.
    `trend` is the posterior mean drift over the whole trial when a trend was modelled.
    """

    outcome: str
    verdict: Verdict
    verdict_text: str
    explanation: str
    delta: float
    higher_is_worse: bool
    score_low: float
    score_high: float
    n_used: int
    n_missing: int
    n_excluded: int
    exposure_low: float | None = None
    exposure_high: float | None = None
    mean: float | None = None
    sd: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    interval_probability: float = INTERVAL_PROBABILITY
    interval_kind: str = "equal-tailed credible interval"
    p_worse: float | None = None
    p_better: float | None = None
    p_within: float | None = None
    p_any_worse: float | None = None
    p_any_better: float | None = None
    rho: RhoSummary | None = None
    trend_modelled: bool = False
    trend: float | None = None
    verdict_probability: float = VERDICT_PROBABILITY
    method: str = METHOD

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready data (the verdict as its code string)."""
        data = asdict(self)
        data["verdict"] = self.verdict.value
        return data


def analyse_outcome(
    days: ArrayLike,
    values: ArrayLike,
    exposure: ArrayLike,
    *,
    delta: float,
    higher_is_worse: bool,
    score_range: tuple[float, float],
    outcome: str = "score",
    trend: bool = False,
    prior: Ar1Prior = DEFAULT_PRIOR,
) -> OutcomeAnalysis:
    """Analyse one outcome of one trial. See the module docstring for the meaning of NaN.

    `days` integer day numbers (any origin, unique, any order); `values` the scores; `exposure`
    0/1 or a dose per day; `delta` the clinically important difference in score points;
    `score_range` (low, high) of the scale, which also sets the scale of the noise prior.
    Raises `TrialDataError` for arrays that are not a diary; never for a diary that merely cannot
    answer (that is a verdict).
    """
    settings = _Settings.checked(outcome, delta, higher_is_worse, score_range)
    diary = _Diary.checked(days, exposure)
    screened = _screen(diary, diary.scores(values, settings), settings, trend)
    if isinstance(screened, OutcomeAnalysis):
        return screened
    (fit,) = _fit_group(diary, [screened], trend, prior)
    return _answered(screened.base, fit)


def analyse_scale(
    days: ArrayLike,
    values: ArrayLike,
    exposure: ArrayLike,
    scale: Scale,
    *,
    trend: bool = False,
    prior: Ar1Prior = DEFAULT_PRIOR,
) -> OutcomeAnalysis:
    """`analyse_outcome` with δ, direction and range taken from a known outcome scale."""
    return analyse_outcome(
        days,
        values,
        exposure,
        delta=scale.delta,
        higher_is_worse=scale.higher_is_worse,
        score_range=scale.score_range,
        outcome=scale.noun,
        trend=trend,
        prior=prior,
    )


def analyse_trial(
    days: ArrayLike,
    exposure: ArrayLike,
    outcomes: Mapping[str, ArrayLike],
    *,
    scales: Mapping[str, Scale],
    trend: bool = False,
    prior: Ar1Prior = DEFAULT_PRIOR,
) -> dict[str, OutcomeAnalysis]:
    """Every outcome of one trial, keyed like `outcomes` (whose keys must be keys of `scales`).

    The same answers as `analyse_scale` per outcome, computed together: the days and exposure are
    checked once, and outcomes scored on the same days share one fit of everything that depends
    only on the days and the design (see `fit_ar1_batch`).
    """
    unknown = sorted(set(outcomes) - set(scales))
    if unknown:
        raise TrialDataError(f"unknown outcome scale {unknown[0]!r}", hint=f"known scales: {', '.join(sorted(scales))}")
    diary = _Diary.checked(days, exposure)
    results: dict[str, OutcomeAnalysis] = {}
    groups: dict[bytes, list[tuple[str, _Ready]]] = {}
    for key, values in outcomes.items():
        scale = scales[key]
        settings = _Settings.checked(scale.noun, scale.delta, scale.higher_is_worse, scale.score_range)
        screened = _screen(diary, diary.scores(values, settings), settings, trend)
        if isinstance(screened, OutcomeAnalysis):
            results[key] = screened
        else:
            groups.setdefault(screened.usable.tobytes(), []).append((key, screened))
    for members in groups.values():
        fits = _fit_group(diary, [ready for _, ready in members], trend, prior)
        for (key, ready), fit in zip(members, fits, strict=True):
            results[key] = _answered(ready.base, fit)
    return {key: results[key] for key in outcomes}


@dataclass(frozen=True)
class _Settings:
    """One outcome's checked settings."""

    outcome: str
    delta: float
    higher_is_worse: bool
    low: float
    high: float

    @classmethod
    def checked(cls, outcome: str, delta: float, higher_is_worse: bool, score_range: tuple[float, float]) -> _Settings:
        low, high = float(score_range[0]), float(score_range[1])
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            raise TrialDataError(f"score_range must be finite with low < high, got {score_range}")
        if not (math.isfinite(delta) and 0 < delta <= high - low):
            raise TrialDataError(f"delta must be positive and at most the score range ({high - low}), got {delta}")
        return cls(outcome, float(delta), higher_is_worse, low, high)


@dataclass(frozen=True)
class _Diary:
    """Checked days and exposures, sorted by day; `order` puts any score array in the same order."""

    day: IntArray
    dose: FloatArray
    order: IntArray

    @classmethod
    def checked(cls, days: ArrayLike, exposure: ArrayLike) -> _Diary:
        try:
            raw_days = np.asarray(days, dtype=np.float64)
            dose = np.asarray(exposure, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise TrialDataError(f"days and exposure must be numbers: {exc}") from exc
        if raw_days.ndim != 1 or dose.shape != raw_days.shape:
            raise TrialDataError(
                f"days and exposure must be 1-D and equally long, got shapes {raw_days.shape}, {dose.shape}"
            )
        bad = ~np.isfinite(raw_days) | (raw_days != np.round(raw_days))
        if np.any(bad):
            at = int(np.flatnonzero(bad)[0])
            raise TrialDataError(f"day numbers must be whole numbers; position {at} is {raw_days[at]}")
        _reject_infinite("exposure", dose)
        order = np.argsort(raw_days, kind="stable")
        day = raw_days[order].astype(np.int64)
        repeated = np.flatnonzero(np.diff(day) == 0)
        if repeated.size:
            raise TrialDataError(f"day {int(day[repeated[0]])} appears more than once; a diary has one entry per day")
        return cls(day, dose[order], order)

    def scores(self, values: ArrayLike, settings: _Settings) -> FloatArray:
        """One outcome's scores, checked against its scale and sorted like the days."""
        try:
            score = np.asarray(values, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise TrialDataError(f"{settings.outcome} values must be numbers: {exc}") from exc
        if score.shape != self.day.shape:
            raise TrialDataError(
                f"{settings.outcome} values must be 1-D and as long as the days, got shape {score.shape} "
                f"for {self.day.size} days"
            )
        _reject_infinite(f"{settings.outcome} values", score)
        low, high = settings.low, settings.high
        outside = (score < low - _RANGE_TOLERANCE) | (score > high + _RANGE_TOLERANCE)
        if np.any(outside):
            at = int(np.flatnonzero(outside)[0])
            day = int(self.day[np.flatnonzero(self.order == at)[0]])
            raise TrialDataError(
                f"{settings.outcome} score {score[at]} on day {day} is outside the scale {low:g}-{high:g}"
            )
        return np.asarray(score[self.order], dtype=np.float64)


@dataclass(frozen=True)
class _Ready:
    """An outcome that passed every check, waiting for its fit."""

    base: OutcomeAnalysis
    usable: npt.NDArray[np.bool_]
    score: FloatArray
    low: float
    high: float


def _reject_infinite(name: str, array: FloatArray) -> None:
    infinite = np.isinf(array)
    if np.any(infinite):
        at = int(np.flatnonzero(infinite)[0])
        raise TrialDataError(f"{name} must be finite or NaN; position {at} is {array[at]}")


def _screen(diary: _Diary, score: FloatArray, settings: _Settings, trend: bool) -> OutcomeAnalysis | _Ready:
    """The answer when the diary cannot give one (a verdict saying why), else what the fit needs."""
    washout = np.isnan(diary.dose)
    usable = ~washout & ~np.isnan(score)
    n_used = int(np.count_nonzero(usable))
    n_excluded = int(np.count_nonzero(washout))
    span = int(diary.day[-1] - diary.day[0] + 1) if diary.day.size else 0
    dose, used_score = diary.dose[usable], score[usable]
    dose_low, dose_high = (float(np.min(dose)), float(np.max(dose))) if n_used else (None, None)
    base = OutcomeAnalysis(
        outcome=settings.outcome,
        verdict=Verdict.NOT_ENOUGH_DATA,
        verdict_text="",
        explanation="",
        delta=settings.delta,
        higher_is_worse=settings.higher_is_worse,
        score_low=settings.low,
        score_high=settings.high,
        n_used=n_used,
        n_missing=span - n_used - n_excluded,
        n_excluded=n_excluded,
        exposure_low=dose_low if dose_low != dose_high else None,
        exposure_high=dose_high if dose_low != dose_high else None,
        trend_modelled=trend,
    )
    if n_used == 0:
        return _unanswered(base, Verdict.NOT_ENOUGH_DATA, "no scores were recorded on days that count")
    if dose_low == dose_high:
        return _unanswered(
            base, Verdict.NO_CONTRAST, f"every day with a score had the same exposure ({_number(float(dose[0]))})"
        )
    at_low = int(np.count_nonzero(dose == dose_low))
    if n_used < MIN_DAYS or min(at_low, n_used - at_low) < MIN_DAYS_PER_ARM:
        return _unanswered(
            base,
            Verdict.NOT_ENOUGH_DATA,
            f"{n_used} usable days ({at_low} at the lowest exposure, {n_used - at_low} above it); "
            f"an answer needs at least {MIN_DAYS} days with at least {MIN_DAYS_PER_ARM} on each side",
        )
    if np.all(used_score == used_score[0]):
        return _unanswered(base, Verdict.NO_VARIATION, f"every usable score was {_number(float(used_score[0]))}")
    return _Ready(base, usable, used_score, settings.low, settings.high)


def _fit_group(diary: _Diary, group: Sequence[_Ready], trend: bool, prior: Ar1Prior) -> list[Ar1Fit]:
    """Fit outcomes that share their usable days (so their design) in one batch.

    Design: intercept, exposure scaled to 0..1 (so the effect is that of the whole contrast),
    and optionally the day scaled to -0.5..0.5 (so the trend is the drift over the whole trial).
    """
    usable = group[0].usable
    day, dose = diary.day[usable], diary.dose[usable]
    dose_low, dose_high = float(np.min(dose)), float(np.max(dose))
    columns = 3 if trend else 2
    design = np.empty((day.size, columns))
    design[:, 0] = 1.0
    design[:, 1] = (dose - dose_low) / (dose_high - dose_low)
    sds = [prior.level_sd, prior.effect_sd]
    if trend:
        first, last = float(day[0]), float(day[-1])
        design[:, 2] = (day - 0.5 * (first + last)) / (last - first)
        sds.append(prior.trend_sd)
    ys = np.column_stack([ready.score for ready in group])
    prior_means = np.zeros((len(group), columns))
    prior_means[:, 0] = ys.mean(axis=0)
    noise = [prior.noise_shape_rate(ready.high - ready.low) for ready in group]
    rho = prior.rho_grid()
    return fit_ar1_batch(
        day,
        ys,
        design,
        prior_means=prior_means,
        prior_sd=np.asarray(sds, dtype=np.float64),
        sigma2_shape=noise[0][0],
        sigma2_rates=np.asarray([rate for _, rate in noise]),
        rho=rho,
        log_rho_prior=prior.rho_log_prior(rho),
    )


def _answered(base: OutcomeAnalysis, fit: Ar1Fit) -> OutcomeAnalysis:
    delta, outcome = base.delta, base.outcome
    effect = fit.coefficient(1)
    tail = 0.5 * (1.0 - INTERVAL_PROBABILITY)
    ci_low, ci_high = (float(v) for v in effect.quantiles([tail, 1.0 - tail]))
    at_least_up, at_least_down = effect.outside(delta)
    within = max(0.0, 1.0 - at_least_up - at_least_down)
    p_worse, p_better = (at_least_up, at_least_down) if base.higher_is_worse else (at_least_down, at_least_up)
    up, down = effect.outside(0.0)
    any_worse, any_better = (up, down) if base.higher_is_worse else (down, up)
    mean = effect.mean()
    if p_worse >= VERDICT_PROBABILITY:
        verdict = Verdict.LIKELY_WORSE
    elif p_better >= VERDICT_PROBABILITY:
        verdict = Verdict.LIKELY_BETTER
    elif within >= VERDICT_PROBABILITY:
        verdict = Verdict.NO_MEANINGFUL_CHANGE
    else:
        verdict = Verdict.UNCLEAR
    chances = Probabilities(any_worse, any_better, p_worse, p_better, within)
    when = "on supplement days" if (base.exposure_low, base.exposure_high) == (0.0, 1.0) else "at the higher exposure"
    text = verdict_words(
        verdict.value, outcome, _number(delta), chances, higher_is_worse=base.higher_is_worse, when=when
    )
    direction = "higher" if mean >= 0 else "lower"
    explanation = (
        f"{_contrast(base)} your {outcome} was {_number(abs(mean))} points {direction} on average "
        f"(95% credible interval {_number(ci_low)} to {_number(ci_high)}). "
        f"Probability of a change of at least {_number(delta)} points: worse {p_worse:.2f}, better {p_better:.2f}; "
        f"smaller than that either way: {within:.2f}."
    )
    return replace(
        base,
        verdict=verdict,
        verdict_text=text,
        explanation=explanation,
        mean=mean,
        sd=math.sqrt(effect.variance()),
        ci_low=ci_low,
        ci_high=ci_high,
        p_worse=p_worse,
        p_better=p_better,
        p_within=within,
        p_any_worse=any_worse,
        p_any_better=any_better,
        rho=_rho_summary(fit),
        trend=fit.coefficient(2).mean() if base.trend_modelled else None,
    )


def _unanswered(base: OutcomeAnalysis, verdict: Verdict, why: str) -> OutcomeAnalysis:
    texts = {
        Verdict.NOT_ENOUGH_DATA: "not enough data yet",
        Verdict.NO_CONTRAST: "cannot tell — no days to compare",
        Verdict.NO_VARIATION: "cannot tell — your scores did not vary",
    }
    return replace(
        base,
        verdict=verdict,
        verdict_text=texts[verdict],
        explanation=f"No analysis: {why}.",
    )


def _rho_summary(fit: Ar1Fit) -> RhoSummary:
    """Mean, sd and 95% interval of rho, treating each grid cell as uniform (the midpoint rule)."""
    weights, rho = fit.weights, fit.rho
    mean = float(weights @ rho)
    sd = math.sqrt(max(float(weights @ (rho * rho)) - mean * mean, 0.0))
    edges = fit.rho_cell_edges()
    cumulative = np.concatenate([[0.0], np.cumsum(weights)])
    tail = 0.5 * (1.0 - INTERVAL_PROBABILITY)
    ci_low, ci_high = np.interp([tail, 1.0 - tail], cumulative, edges)
    # The outer edges are rebuilt from the midpoints; rounding drops the float noise (0.99, not
    # 0.9900000000000001) that readers of the JSON would otherwise see.
    return RhoSummary(mean, sd, float(ci_low), float(ci_high), round(float(edges[0]), 9), round(float(edges[-1]), 9))


def _contrast(result: OutcomeAnalysis) -> str:
    """How the exposure contrast reads in a sentence: on/off for 0/1, else the two exposures."""
    if (result.exposure_low, result.exposure_high) == (0.0, 1.0):
        return "On days with the supplement"
    return f"At exposure {result.exposure_high:g} compared with {result.exposure_low:g},"


def _number(value: float) -> str:
    """One decimal: diary scores are whole points, so finer digits would be noise."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text
