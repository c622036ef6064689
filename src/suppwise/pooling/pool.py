"""Pool many people's diaries of one outcome: per-person AR(1) effects, then random effects.

The two steps of `suppwise.pooling` joined, with the bookkeeping a reader of the result needs:
how many people and days were used, how many people were left out and why, and how close each
person's posterior was to the normal summary pooling uses. The pooled part (`PoolResult.to_dict`)
never holds anything about one person; the shrunken per-person estimates are kept apart, in the
order of the input rows, for a caller to show each person their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from suppwise.pooling._threads import single_blas_thread
from suppwise.pooling.cohort import CohortBatch
from suppwise.pooling.partitions import BatchPartition, effects_in_process
from suppwise.pooling.person_effects import PersonEffects, PersonStatus
from suppwise.pooling.random_effects import (
    DEFAULT_POOL_PRIOR,
    INTERVAL_PROBABILITY,
    MIN_PEOPLE,
    PooledEstimate,
    PoolPrior,
    ShrunkenEffects,
    pool_estimates,
)
from suppwise.stats.ar1 import DEFAULT_PRIOR, Ar1Prior

FloatArray = npt.NDArray[np.float64]

METHOD: Final = (
    "per person: AR(1) regression on the on/off contrast, exact given rho, rho integrated on a grid "
    "(as for one trial), summarised as a normal likelihood; between people: normal random effects, "
    "mu integrated analytically given tau, tau integrated on an adaptive grid"
)


@dataclass(frozen=True)
class PoolResult:
    """The pooled answer and, apart from it, every input row's shrunken estimate (NaN if excluded)."""

    outcome: str
    pooled: PooledEstimate
    people_used: int
    people_excluded: dict[str, int]
    days_used: int
    max_abs_skewness: float
    max_excess_kurtosis: float
    shrunken: ShrunkenEffects
    person_effects: PersonEffects

    def to_dict(self) -> dict[str, Any]:
        """The pooled part only, JSON-ready: no row, id, date or note of any person."""
        pooled = self.pooled
        return {
            "outcome": self.outcome,
            "people_used": self.people_used,
            "people_excluded": dict(self.people_excluded),
            "days_used": self.days_used,
            "delta": pooled.delta,
            "higher_is_worse": pooled.higher_is_worse,
            "mu": asdict(pooled.mu),
            "tau": asdict(pooled.tau),
            "new_person": {
                "mean": pooled.new_person_mean,
                "sd": pooled.new_person_sd,
                "p_improve": pooled.new_person_p_improve,
                "p_worsen": pooled.new_person_p_worsen,
            },
            "share_improving": asdict(pooled.share_improving),
            "share_worsening": asdict(pooled.share_worsening),
            "interval_probability": INTERVAL_PROBABILITY,
            "prior": dict(pooled.prior),
            "tau_grid": {"low": pooled.tau_grid[0], "high": pooled.tau_grid[1], "cells": pooled.tau_grid[2]},
            "normal_summary_check": {
                "max_abs_skewness": self.max_abs_skewness,
                "max_excess_kurtosis": self.max_excess_kurtosis,
            },
            "method": METHOD,
        }


def pool_cohort(
    batches: Iterable[CohortBatch],
    *,
    outcome: str,
    delta: float,
    higher_is_worse: bool,
    score_range: tuple[float, float],
    min_people: int = MIN_PEOPLE,
    prior: Ar1Prior = DEFAULT_PRIOR,
    pool_prior: PoolPrior = DEFAULT_POOL_PRIOR,
) -> PoolResult:
    """Analyse every person batch by batch (memory bounded by a batch), then pool the used ones.

    Raises `PoolingError` when fewer than `min_people` people have an analysable diary.
    """
    effects = effects_in_process((BatchPartition(b) for b in batches), score_range=score_range, prior=prior)
    return pool_person_effects(
        effects,
        outcome=outcome,
        delta=delta,
        higher_is_worse=higher_is_worse,
        score_range=score_range,
        min_people=min_people,
        pool_prior=pool_prior,
    )


def pool_person_effects(
    effects: PersonEffects,
    *,
    outcome: str,
    delta: float,
    higher_is_worse: bool,
    score_range: tuple[float, float],
    min_people: int = MIN_PEOPLE,
    pool_prior: PoolPrior = DEFAULT_POOL_PRIOR,
) -> PoolResult:
    """The between-person step alone, on every person's summary however the per-person step ran: in
    this process batch by batch, or partition by partition on a cluster (`suppwise.pooling.cluster`),
    its parts concatenated in the order of the people. Nothing else about the people is needed, so
    the two routes give the same result (see docs/pooling.md, "On a cluster").

    Raises `PoolingError` when fewer than `min_people` people have an analysable diary.
    """
    used = effects.used
    with single_blas_thread():
        pooled, shrunk_used = pool_estimates(
            effects.estimate[used],
            effects.standard_error[used],
            delta=delta,
            higher_is_worse=higher_is_worse,
            score_range=score_range,
            prior=pool_prior,
            min_people=min_people,
        )
    names = ("mean", "sd", "p_improve", "p_worsen")
    shrunken = ShrunkenEffects(*(_spread(getattr(shrunk_used, name), used) for name in names))
    counts = np.bincount(effects.status, minlength=len(PersonStatus))
    return PoolResult(
        outcome=outcome,
        pooled=pooled,
        people_used=int(np.count_nonzero(used)),
        people_excluded={s.code: int(counts[s]) for s in PersonStatus if s is not PersonStatus.USED},
        days_used=int(effects.days_used[used].sum()),
        max_abs_skewness=float(np.max(np.abs(effects.skewness[used]))),
        max_excess_kurtosis=float(np.max(effects.excess_kurtosis[used])),
        shrunken=shrunken,
        person_effects=effects,
    )


def _spread(values: FloatArray, used: npt.NDArray[np.bool_]) -> FloatArray:
    """Values of the used rows placed back at their rows, NaN elsewhere."""
    full = np.full(used.shape, np.nan)
    full[used] = values
    return full
