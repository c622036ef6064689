"""Synthetic cohorts with a known truth, for the pooling tests and benchmarks.

Why it lives in the package: the tests (simulation with known mu and tau), the benchmarks
(10^5 people in process, 10^6 on a Dask cluster) and a cluster's workers, which draw their own
partitions (`SyntheticPartition`), must draw cohorts the same way, and a typed module that mypy
checks is the one place they can all import. Nothing in the product calls it.

Each person follows the protocol a default suppwise plan produces, scaled to 90 days: 14 baseline
days, 4 titration days, then two randomised pairs of 18-day blocks (on-off or off-on per pair,
drawn per person), with 3 washout days at the start of every block that switches. Titration and
washout days get NaN exposure (excluded from the contrast, as the single-trial analysis does);
the true effect acts on every day the supplement is taken (titration and "on"). On top of that:

    score_t = level_i + effect_i * taken_t + e_t,   e_t = rho_i e_{t-1} + eps_t,   eps_t ~ N(0, sigma_i^2)

with effect_i ~ N(mu, tau^2), the AR(1) noise stationary from the first day, and each score
missing with probability `missing` (the process keeps running through missing days).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import numpy as np
import numpy.typing as npt

from suppwise.pooling.cohort import CohortBatch

FloatArray = npt.NDArray[np.float64]

BASELINE_DAYS: Final = 14
TITRATION_DAYS: Final = 4
BLOCK_DAYS: Final = 18
PAIRS: Final = 2
WASHOUT_DAYS: Final = 3
TRIAL_DAYS: Final = BASELINE_DAYS + TITRATION_DAYS + 2 * PAIRS * BLOCK_DAYS  # 90


@dataclass(frozen=True)
class SyntheticCohort:
    """A drawn cohort and the truth behind it: `effects[i]` is row i's true effect."""

    batch: CohortBatch
    effects: FloatArray


def plan_exposures(people: int, rng: np.random.Generator) -> tuple[FloatArray, FloatArray]:
    """(analysed exposure with NaN for excluded days, supplement actually taken 0/1), people x 90."""
    taken = np.zeros((people, TRIAL_DAYS))
    analysed = np.zeros((people, TRIAL_DAYS))
    taken[:, BASELINE_DAYS : BASELINE_DAYS + TITRATION_DAYS] = 1.0
    analysed[:, BASELINE_DAYS : BASELINE_DAYS + TITRATION_DAYS] = np.nan
    on_first = rng.random((people, PAIRS)) < 0.5
    blocks = np.empty((people, 2 * PAIRS), dtype=bool)
    blocks[:, 0::2] = on_first
    blocks[:, 1::2] = ~on_first
    previous = np.ones(people, dtype=bool)  # titration counts as on
    start = BASELINE_DAYS + TITRATION_DAYS
    for b in range(2 * PAIRS):  # a loop over the four blocks, each vectorised over people
        on = blocks[:, b]
        span = slice(start + b * BLOCK_DAYS, start + (b + 1) * BLOCK_DAYS)
        taken[:, span] = on[:, None]
        analysed[:, span] = on[:, None]
        switched = on != previous
        washout = slice(span.start, span.start + WASHOUT_DAYS)
        analysed[:, washout] = np.where(switched[:, None], np.nan, analysed[:, washout])
        previous = on
    return analysed, taken


def synthetic_cohort(
    people: int,
    *,
    mu: float,
    tau: float,
    seed: int | np.random.Generator,
    rho: float | tuple[float, float] = (0.2, 0.7),
    sigma: float | tuple[float, float] = (0.7, 1.3),
    level: float = 5.0,
    missing: float = 0.05,
    whole_numbers_within: tuple[float, float] | None = None,
) -> SyntheticCohort:
    """Draw `people` 90-day diaries; `rho` and `sigma` are fixed or drawn uniformly per person.

    `whole_numbers_within` (low, high) rounds scores to whole numbers and clips them to that scale,
    as a diary app records them; the model then only approximately holds (for files and the CLI)."""
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    analysed, taken = plan_exposures(people, rng)
    effects = mu + tau * rng.standard_normal(people)
    rhos = _per_person(rho, people, rng)
    sigmas = _per_person(sigma, people, rng)
    innovations = rng.standard_normal((people, TRIAL_DAYS)) * sigmas[:, None]
    noise = np.empty((people, TRIAL_DAYS))
    noise[:, 0] = innovations[:, 0] / np.sqrt(1.0 - rhos * rhos)
    for t in range(1, TRIAL_DAYS):  # the AR(1) recursion runs over days, vectorised over people
        noise[:, t] = rhos * noise[:, t - 1] + innovations[:, t]
    score = level + effects[:, None] * taken + noise
    if whole_numbers_within is not None:
        score = np.clip(np.round(score), *whole_numbers_within)
    score[rng.random((people, TRIAL_DAYS)) < missing] = np.nan
    day = np.broadcast_to(np.arange(TRIAL_DAYS, dtype=np.int64), (people, TRIAL_DAYS)).copy()
    return SyntheticCohort(CohortBatch(day, score, analysed), effects)


@dataclass(frozen=True)
class SyntheticPartition:
    """`people` diaries drawn from the seed (`seed`, `index`) where the partition is loaded: a
    cluster's workers draw their own people, so a benchmark of 10^6 people ships only seeds. The
    same partition draws the same people wherever it is loaded."""

    people: int
    seed: int
    index: int
    mu: float
    tau: float

    def load(self) -> CohortBatch:
        rng = np.random.default_rng([self.seed, self.index])
        return synthetic_cohort(self.people, mu=self.mu, tau=self.tau, seed=rng).batch


def synthetic_partitions(
    people: int, *, per_partition: int, mu: float, tau: float, seed: int
) -> list[SyntheticPartition]:
    """`people` synthetic people in partitions of `per_partition` (the last one smaller)."""
    return [
        SyntheticPartition(min(per_partition, people - start), seed, index, mu, tau)
        for index, start in enumerate(range(0, people, per_partition))
    ]


def _per_person(value: float | tuple[float, float], people: int, rng: np.random.Generator) -> FloatArray:
    if isinstance(value, tuple):
        return rng.uniform(value[0], value[1], people)
    return np.full(people, float(value))


def diary_csv(cohort: SyntheticCohort, row: int, *, field: str = "pain", start: date = date(2026, 1, 5)) -> str:
    """Row `row` of a cohort as a diary CSV (date, phase, the score), as `suppwise analyze` reads it.

    Phases follow the plan: baseline, titration, then on/off with washout days; a day whose score is
    missing has no row (a diary row needs a value)."""
    batch = cohort.batch
    lines = [f"date,phase,{field}"]
    for slot in range(batch.day.shape[1]):
        day = start + timedelta(days=int(batch.day[row, slot]))
        exposure = batch.exposure[row, slot]
        if math.isnan(exposure):
            phase = "titration" if slot < BASELINE_DAYS + TITRATION_DAYS else "washout"
        elif exposure == 1.0:
            phase = "on"
        else:
            phase = "baseline" if slot < BASELINE_DAYS else "off"
        score = batch.score[row, slot]
        if not math.isnan(score):
            lines.append(f"{day.isoformat()},{phase},{score:g}")
    return "\n".join(lines) + "\n"
