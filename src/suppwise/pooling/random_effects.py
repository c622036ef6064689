"""From many people's effect estimates to the population: a normal-normal random-effects model.

Each person i contributes an estimate b_i of their own effect with standard error s_i (from
`suppwise.pooling.person_effects`). The model:

    b_i | effect_i ~ N(effect_i, s_i^2),    effect_i ~ N(mu, tau^2),
    mu ~ N(0, (mu_sd_ranges * score range)^2),    tau ~ HalfNormal(tau_scale_ranges * score range).

**Exact on a grid.** Given tau, the model is conjugate in mu: b_i ~ N(mu, s_i^2 + tau^2)
independently, so mu | tau, data is normal and p(data | tau) is closed-form. tau is integrated on
a grid of equal cells (midpoint rule) with that marginal likelihood, exactly as the single-trial
fit integrates rho. Every posterior quantity is then a finite mixture over the tau cells of normals,
and its probabilities are exact up to the grid. The grid adapts: coarse grids (a quarter of the
cells) start on [0, 5 tau prior scales] and narrow to the cells that hold all but 1e-12 of the
posterior (plus one cell either side) until the posterior spans at least a quarter of them; the
full grid then covers that range. So a cohort of 10^5 people, whose tau is known to a few
thousandths of a point, is resolved as finely as one of ten people. The shrunken per-person
estimates of very large pools mix over groups of cells (see `_shrink`).

**Scale.** Given tau every person enters only through four sums (of w_i, w_i b_i, w_i b_i^2 and
log w_i with w_i = 1 / (s_i^2 + tau^2)); they are accumulated over fixed-size chunks of people,
so memory does not grow with the number of people beyond the per-person inputs and outputs
themselves, and chunks could be summed on different machines.

**What is reported.** mu: the population mean effect (mean, 95% equal-tailed credible interval,
P(mu is a benefit of at least delta), P(mu is a harm of at least delta)). tau: the between-person
sd (mean, 95% interval). The predictive effect of a new person, N(mu, tau^2) averaged over the
posterior, with P(they improve / worsen by at least delta). The share of the population whose own
effect is an improvement (or a harm) of at least delta, Phi((benefit(mu) - delta) / tau), as a
posterior mean and 95% interval; its mean equals the predictive probability of improving, its
interval says how well the cohort pins it down. Each person's effect shrunk towards the
population (mean, sd, P(improve >= delta), P(worsen >= delta)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from suppwise.errors import PoolingError
from suppwise.pooling._special import normal_cdf, normal_quantile

FloatArray = npt.NDArray[np.float64]

INTERVAL_PROBABILITY: Final = 0.95
MIN_PEOPLE: Final = 10
"""The smallest pool: fewer people than this cannot separate the population mean from the spread
between people (tau would restate its prior), and a pooled result from a handful of diaries would
come close to describing the individuals in it. A caller may ask for more, never fewer."""
_CHUNK: Final = 2048
# Normal probabilities per person in the shrinkage step: every tau cell while people x cells stays
# within this budget, else groups of consecutive cells (at least 40; see `_shrink`).
_SHRINK_BUDGET: Final = 4_000_000
_MIN_SHRINK_GROUPS: Final = 40
_NEGLIGIBLE: Final = 1e-12
_MAX_REFINEMENTS: Final = 12
_LOG_2PI: Final = math.log(2.0 * math.pi)


@dataclass(frozen=True)
class PoolPrior:
    """The weakly informative priors, in units of the outcome's score range so they read the same
    on every scale.

    - `mu_sd_ranges` = 1: mu ~ N(0, range^2). A supplement that moved everyone's score by the whole
      scale is one prior sd away, so the prior is flat over every effect a diary could show.
    - `tau_scale_ranges` = 0.25: tau ~ HalfNormal(range / 4), i.e. 2.5 points on a 0-10 scale: people
      differing by a few points is unremarkable, differing by more than the half the scale is
      unlikely (prior probability 4.6%). It keeps tau off implausible values when a pool is small,
      and the data overrule it within a few dozen people.
    - `tau_cells` = 400 equal cells for tau's grid (see the module docstring for how it adapts).
    """

    mu_sd_ranges: float = 1.0
    tau_scale_ranges: float = 0.25
    tau_cells: int = 400

    def __post_init__(self) -> None:
        for name in ("mu_sd_ranges", "tau_scale_ranges"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value > 0):
                raise ValueError(f"{name} must be a positive finite number, got {value}")
        if self.tau_cells < 20:
            raise ValueError(f"tau_cells must be at least 20, got {self.tau_cells}")


DEFAULT_POOL_PRIOR: Final = PoolPrior()


@dataclass(frozen=True)
class Interval:
    mean: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class PopulationEffect:
    """mu, the population mean effect in score points (on minus off)."""

    mean: float
    sd: float
    ci_low: float
    ci_high: float
    p_benefit: float
    p_harm: float


@dataclass(frozen=True)
class PooledEstimate:
    """Everything about the population; nothing in it belongs to one person."""

    people: int
    delta: float
    higher_is_worse: bool
    mu: PopulationEffect
    tau: Interval
    new_person_mean: float
    new_person_sd: float
    new_person_p_improve: float
    new_person_p_worsen: float
    share_improving: Interval
    share_worsening: Interval
    prior: dict[str, float]
    tau_grid: tuple[float, float, int]


@dataclass(frozen=True)
class ShrunkenEffects:
    """Each person's effect shrunk towards the population, in the order of the inputs."""

    mean: FloatArray
    sd: FloatArray
    p_improve: FloatArray
    p_worsen: FloatArray


@dataclass(frozen=True)
class _TauPosterior:
    tau: FloatArray
    width: float
    weights: FloatArray
    mu_mean: FloatArray  # mean of mu given each tau
    mu_var: FloatArray  # variance of mu given each tau


def pool_estimates(
    estimates: FloatArray,
    standard_errors: FloatArray,
    *,
    delta: float,
    higher_is_worse: bool,
    score_range: tuple[float, float],
    prior: PoolPrior = DEFAULT_POOL_PRIOR,
    min_people: int = MIN_PEOPLE,
) -> tuple[PooledEstimate, ShrunkenEffects]:
    """Pool per-person (estimate, standard error) pairs; see the module docstring."""
    b = np.asarray(estimates, dtype=np.float64)
    s = np.asarray(standard_errors, dtype=np.float64)
    _check(b, s, delta, score_range, min_people)
    span = float(score_range[1]) - float(score_range[0])
    sign = -1.0 if higher_is_worse else 1.0  # benefit = sign * effect
    posterior = _tau_posterior(b, s, span, prior)
    w, m, v, tau = posterior.weights, posterior.mu_mean, posterior.mu_var, posterior.tau

    mu_mean = float(w @ m)
    mu_sd = math.sqrt(max(float(w @ (v + m * m)) - mu_mean * mu_mean, 0.0))
    tail = 0.5 * (1.0 - INTERVAL_PROBABILITY)
    mu_low, mu_high = _mixture_quantiles(w, m, np.sqrt(v), (tail, 1.0 - tail))
    p_benefit, p_harm = _beyond(w, sign * m, np.sqrt(v), delta)

    new_var = v + tau * tau
    new_sd = math.sqrt(max(float(w @ (new_var + m * m)) - mu_mean * mu_mean, 0.0))
    improve, worsen = _beyond(w, sign * m, np.sqrt(new_var), delta)

    edges = np.concatenate([tau - 0.5 * posterior.width, tau[-1:] + 0.5 * posterior.width])
    cumulative = np.concatenate([[0.0], np.cumsum(w)])
    tau_low, tau_high = np.interp([tail, 1.0 - tail], cumulative, edges)
    share_up = _share_interval(w, sign * m, v, tau, delta, improve)
    share_down = _share_interval(w, -sign * m, v, tau, delta, worsen)

    pooled = PooledEstimate(
        people=int(b.size),
        delta=float(delta),
        higher_is_worse=higher_is_worse,
        mu=PopulationEffect(mu_mean, mu_sd, mu_low, mu_high, p_benefit, p_harm),
        tau=Interval(float(w @ tau), float(tau_low), float(tau_high)),
        new_person_mean=mu_mean,
        new_person_sd=new_sd,
        new_person_p_improve=improve,
        new_person_p_worsen=worsen,
        share_improving=share_up,
        share_worsening=share_down,
        prior={
            "mu_mean": 0.0,
            "mu_sd": prior.mu_sd_ranges * span,
            "tau_half_normal_scale": prior.tau_scale_ranges * span,
        },
        tau_grid=(float(edges[0]), float(edges[-1]), int(tau.size)),
    )
    return pooled, _shrink(b, s, posterior, sign, delta)


def _check(b: FloatArray, s: FloatArray, delta: float, score_range: tuple[float, float], min_people: int) -> None:
    if min_people < MIN_PEOPLE:
        raise PoolingError(
            f"the minimum pool size cannot be lowered below {MIN_PEOPLE} people (asked for {min_people})",
            hint="a smaller pool would come close to describing the individuals in it",
        )
    if b.ndim != 1 or s.shape != b.shape:
        raise PoolingError(f"estimates and standard errors must be 1-D and equally long, got {b.shape}, {s.shape}")
    if not (np.all(np.isfinite(b)) and np.all(np.isfinite(s)) and np.all(s > 0)):
        raise PoolingError("every estimate must be finite and every standard error positive and finite")
    low, high = float(score_range[0]), float(score_range[1])
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise PoolingError(f"score_range must be finite with low < high, got {score_range}")
    if not (math.isfinite(delta) and 0 < delta <= high - low):
        raise PoolingError(f"delta must be positive and at most the score range, got {delta}")
    if b.size < min_people:
        raise PoolingError(
            f"a pool needs at least {min_people} people with an analysable diary; this one has {b.size}",
            hint="add more people's diaries; people without both on and comparison days do not count",
        )


def _tau_posterior(b: FloatArray, s: FloatArray, span: float, prior: PoolPrior) -> _TauPosterior:
    """tau's cells and weights, with mu's normal posterior given each tau; the grid narrows to
    where the posterior is (see the module docstring)."""
    centre = float(np.median(b))  # sums of squares around a central value do not cancel
    centred = b - centre
    variance = s * s
    mu_prior_sd = prior.mu_sd_ranges * span
    tau_scale = prior.tau_scale_ranges * span
    low, high = 0.0, 5.0 * tau_scale

    def on_grid(cells: int) -> tuple[FloatArray, float, FloatArray, FloatArray, FloatArray]:
        width = (high - low) / cells
        tau = np.asarray(low + width * (np.arange(cells) + 0.5), dtype=np.float64)
        log_post, m, v = _log_marginal(centred, variance, tau, -centre, mu_prior_sd)
        log_post = log_post - 0.5 * (tau / tau_scale) ** 2
        weights = np.exp(log_post - np.max(log_post))
        return tau, width, weights / np.sum(weights), m, v

    # Find where the posterior is on coarse grids (a quarter of the cells), then fill that range.
    explore = max(prior.tau_cells // 4, 8)
    for _ in range(_MAX_REFINEMENTS):
        _, width, weights, _, _ = on_grid(explore)
        kept = np.flatnonzero(weights > _NEGLIGIBLE / explore)
        if kept.size >= explore // 4:
            break
        low, high = max(low + width * (int(kept[0]) - 1), 0.0), low + width * (int(kept[-1]) + 2)
    tau, width, weights, m, v = on_grid(prior.tau_cells)
    return _TauPosterior(tau, width, weights, m + centre, v)


def _log_marginal(
    b: FloatArray, variance: FloatArray, tau: FloatArray, mu_prior_mean: float, mu_prior_sd: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """log p(b | tau) (mu integrated out) and mu's posterior mean and variance given each tau.

    Summed over chunks of people: the four sums are all the data a tau grid point needs."""
    grid = tau.size
    sum_w = np.zeros(grid)
    sum_wb = np.zeros(grid)
    sum_wbb = np.zeros(grid)
    sum_log_w = np.zeros(grid)
    tau2 = (tau * tau)[:, None]
    for start in range(0, b.size, _CHUNK):
        chunk_b = b[start : start + _CHUNK]
        total = variance[start : start + _CHUNK][None, :] + tau2
        w = 1.0 / total
        sum_w += w.sum(axis=1)
        wb = w * chunk_b[None, :]
        sum_wb += wb.sum(axis=1)
        sum_wbb += (wb * chunk_b[None, :]).sum(axis=1)
        sum_log_w -= np.log(total).sum(axis=1)
    prior_precision = 1.0 / (mu_prior_sd * mu_prior_sd)
    precision = prior_precision + sum_w
    mean = (prior_precision * mu_prior_mean + sum_wb) / precision
    quadratic = sum_wbb + prior_precision * mu_prior_mean**2 - precision * mean * mean
    log_marginal = (
        0.5 * sum_log_w
        - 0.5 * b.size * _LOG_2PI
        - 0.5 * np.maximum(quadratic, 0.0)
        - 0.5 * np.log(precision / prior_precision)
    )
    return log_marginal, mean, 1.0 / precision


def _beyond(weights: FloatArray, benefit_mean: FloatArray, sd: FloatArray, delta: float) -> tuple[float, float]:
    """(P(benefit >= delta), P(benefit <= -delta)) for a mixture of normals, each from its own tail."""
    up = float(weights @ normal_cdf((benefit_mean - delta) / sd))
    down = float(weights @ normal_cdf((-delta - benefit_mean) / sd))
    return min(up, 1.0), min(down, 1.0)  # the weights sum to 1 up to rounding


def _mixture_quantiles(
    weights: FloatArray, means: FloatArray, sds: FloatArray, probs: tuple[float, ...]
) -> tuple[float, ...]:
    """Quantiles of a normal mixture by bisection, all probabilities at once (60 halvings of a
    bracket that holds every component's quantile: below 1e-15 of its width)."""
    target = np.asarray(probs)
    z = normal_quantile(target)
    low = np.min(means[None, :] + sds[None, :] * z[:, None], axis=1)
    high = np.max(means[None, :] + sds[None, :] * z[:, None], axis=1)
    for _ in range(60):
        middle = 0.5 * (low + high)
        below = normal_cdf((middle[:, None] - means[None, :]) / sds[None, :]) @ weights < target
        low = np.where(below, middle, low)
        high = np.where(below, high, middle)
    return tuple(float(x) for x in 0.5 * (low + high))


def _share_interval(
    weights: FloatArray, benefit_mean: FloatArray, mu_var: FloatArray, tau: FloatArray, delta: float, mean: float
) -> Interval:
    """The share Phi((benefit(mu) - delta) / tau) of people whose effect is at least delta in the
    benefit direction: its posterior mean (`mean`, equal to the predictive probability) and 95%
    interval. Given tau the share is increasing in mu, so with share = Phi(z),
    P(share <= Phi(z) | tau) = P(benefit(mu) <= delta + tau z), a normal probability: the interval's
    ends are solved in z by bisection on that mixture cdf, from a bracket holding every cell's own
    solution (60 halvings)."""
    tail = 0.5 * (1.0 - INTERVAL_PROBABILITY)
    target = np.asarray([tail, 1.0 - tail])
    sd = np.sqrt(mu_var)
    each = (benefit_mean[None, :] + sd[None, :] * normal_quantile(target)[:, None] - delta) / tau[None, :]
    low, high = each.min(axis=1), each.max(axis=1)
    for _ in range(60):
        middle = 0.5 * (low + high)
        cdf = normal_cdf((delta + tau[None, :] * middle[:, None] - benefit_mean[None, :]) / sd[None, :]) @ weights
        below = cdf < target
        low = np.where(below, middle, low)
        high = np.where(below, high, middle)
    share_low, share_high = normal_cdf(0.5 * (low + high))
    return Interval(mean, float(share_low), float(share_high))


def _shrink(b: FloatArray, s: FloatArray, posterior: _TauPosterior, sign: float, delta: float) -> ShrunkenEffects:
    """effect_i | data: given tau, normal with mean b_i - B_i (b_i - m) and variance
    s_i^2 (1 - B_i) + B_i^2 V, B_i = s_i^2 / (s_i^2 + tau^2); mixed over tau. Chunked over people.

    The mixture runs over every tau cell while people x cells is within `_SHRINK_BUDGET`; a larger
    pool uses groups of consecutive cells instead (each at its cells' weighted mean tau, m and V),
    never fewer than 40: these quantities change smoothly over the grid, so the shrunken means
    move by about a thousandth of their sd and probabilities by less than 1e-3 (a test compares
    the two), and a pool of 10^5 people needs 40 rather than 400 normal probabilities each."""
    cells = posterior.tau.size
    count = int(min(cells, max(_MIN_SHRINK_GROUPS, _SHRINK_BUDGET // max(b.size, 1))))
    starts = np.linspace(0, cells, count + 1).astype(np.int64)[:-1]  # consecutive, near-equal groups
    w = np.add.reduceat(posterior.weights, starts)
    keep = w > _NEGLIGIBLE / count
    safe = np.where(w > 0, w, 1.0)

    def grouped(values: FloatArray) -> FloatArray:
        return np.asarray(np.add.reduceat(posterior.weights * values, starts) / safe, dtype=np.float64)

    tau, m, v = grouped(posterior.tau)[keep], grouped(posterior.mu_mean)[keep], grouped(posterior.mu_var)[keep]
    w = w[keep] / w[keep].sum()
    mean, sd = np.empty_like(b), np.empty_like(b)
    up, down = np.empty_like(b), np.empty_like(b)
    for start in range(0, b.size, _CHUNK):
        part = slice(start, start + _CHUNK)
        variance = (s[part] * s[part])[:, None]
        shrink = variance / (variance + (tau * tau)[None, :])
        given_mean = b[part][:, None] - shrink * (b[part][:, None] - m[None, :])
        given_var = variance * (1.0 - shrink) + shrink * shrink * v[None, :]
        mean[part] = given_mean @ w
        sd[part] = np.sqrt(np.maximum((given_var + given_mean * given_mean) @ w - mean[part] ** 2, 0.0))
        given_sd = np.sqrt(given_var)
        up[part] = np.minimum(normal_cdf((sign * given_mean - delta) / given_sd) @ w, 1.0)
        down[part] = np.minimum(normal_cdf((-delta - sign * given_mean) / given_sd) @ w, 1.0)
    return ShrunkenEffects(mean, sd, up, down)
