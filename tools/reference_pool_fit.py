"""Reference fits of the pooling model by full hierarchical MCMC, written to
tests/fixtures/reference_pool_fits/.

Why: `suppwise.pooling` fits each person's AR(1) model exactly (given rho), hands the pooling step a
normal summary of each person's effect, and integrates the random-effects model on a tau grid. The
normal summary is an approximation and the grid code could be exactly wrong, so the same model is
fitted here by a different route: emcee's affine-invariant ensemble sampler on the *joint*
posterior of every person's (level, effect, log sigma^2, rho) and the population's (mu, log tau).
No person is summarised; no line of `suppwise.pooling` or `suppwise.trials` is used for the model:
the likelihood and priors are written again below from docs/pooling.md, and the prior settings are
stored in each fixture so a test can tell when the fixtures no longer describe the current priors.

The model, person i with used days d_1 < ... < d_n (scored on- or off-supplement days; washout and
titration days widen the gaps):

    y_t = level_i + effect_i * x_t + e_t,  e_1 ~ N(0, s2_i / (1 - rho_i^2)),
    e_t | e_{t-1} ~ N(rho_i^g e_{t-1}, s2_i (1 - rho_i^(2g)) / (1 - rho_i^2)),  g = d_t - d_{t-1}
    level_i ~ N(mean of person i's used scores, 2^2 s2_i / (1 - rho_i^2))
    s2_i ~ InvGamma(1/2, 1/2 (0.01 * score range)^2),  rho_i ~ (1 - rho^2)^(-1/2) on (-0.9, 0.99)
    effect_i ~ N(mu, tau^2),  mu ~ N(0, (score range)^2),  tau ~ HalfNormal(score range / 4)

Cohorts are drawn once with `suppwise.pooling.synthetic` (only to make data; the draws are stored
in the fixture, so the tests never depend on the generator).

Monte Carlo error: every summary is also computed on 25 consecutive batches of the chains; the
standard error of the batch means is stored as `mcse`.

What the fixtures showed (docs/pooling.md): in these 42-66 dimensions emcee's ensemble (DE moves,
2 walkers per dimension) finds mu's location but under-disperses: its mu sd and tau are about 60-70%
of the exact values, a known weakness of ensemble samplers in high dimensions. So each fixture also
holds `quadrature`: the same full model (no normal summary) integrated numerically on grids, which
is deterministic and which the tests hold the in-process result to.

emcee is an optional dependency (`pip install -e '.[reference]'`); the tests only read the JSON.

Run: ``.venv/bin/python tools/reference_pool_fit.py [--steps N] [--only NAME]``.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "reference_pool_fits"
FloatArray = npt.NDArray[np.float64]

# The priors, restated from docs/pooling.md and docs/trial-json.md.
PRIOR: dict[str, float] = {
    "rho_low": -0.9,
    "rho_high": 0.99,
    "level_sd": 2.0,
    "noise_days": 1.0,
    "noise_scale_fraction": 0.01,
    "mu_sd_ranges": 1.0,
    "tau_scale_ranges": 0.25,
}
BATCHES = 25


@dataclass(frozen=True)
class Cohort:
    name: str
    description: str
    people: int
    mu: float
    tau: float
    seed: int
    missing: float
    whole_numbers: bool
    delta: float = 2.0
    higher_is_worse: bool = True
    score_range: tuple[float, float] = (0.0, 10.0)


COHORTS = (
    Cohort(
        "ten_people_small_spread", "10 people, true mu -1, tau 0.5, decimal scores", 10, -1.0, 0.5, 501, 0.05, False
    ),
    Cohort(
        "thirteen_people_whole_numbers",
        "13 people, true mu 0.8, tau 1.2, whole-number scores clipped to 0-10",
        13,
        0.8,
        1.2,
        502,
        0.05,
        True,
    ),
    Cohort(
        "sixteen_people_gappy",
        "16 people, true mu -1.5, tau 1.0, 15% of days missing",
        16,
        -1.5,
        1.0,
        503,
        0.15,
        False,
    ),
)


def draw(cohort: Cohort) -> dict[str, Any]:
    """The cohort's diaries as lists (day, score or None, exposure or None per slot, per person)."""
    from suppwise.pooling.synthetic import synthetic_cohort

    drawn = synthetic_cohort(
        cohort.people,
        mu=cohort.mu,
        tau=cohort.tau,
        seed=cohort.seed,
        missing=cohort.missing,
        whole_numbers_within=cohort.score_range if cohort.whole_numbers else None,
    )
    batch = drawn.batch

    def listed(row: FloatArray) -> list[float | None]:
        return [None if math.isnan(v) else float(v) for v in row]

    return {
        "days": [[int(d) for d in row] for row in batch.day],
        "scores": [listed(row) for row in batch.score],
        "exposure": [listed(row) for row in batch.exposure],
        "true_effects": [float(e) for e in drawn.effects],
        "delta": cohort.delta,
        "higher_is_worse": cohort.higher_is_worse,
        "score_range": list(cohort.score_range),
    }


@dataclass(frozen=True)
class Model:
    """The joint posterior over every person's (level, effect, log s2, rho) and (mu, log tau),
    vectorised over walkers. People are padded to a common number of used days; `pair` marks the
    (previous, current) pairs of used days and `kind` indexes each pair's gap in `lengths`, so
    rho^g is computed once per distinct gap and gathered."""

    y: FloatArray  # (people, n), the used days' scores in day order, 0 where padded
    x: FloatArray
    lengths: FloatArray  # the distinct gaps, in days
    current: FloatArray  # (people, gaps, 3, 3): sums over day pairs with that gap of w_t w_t'
    cross: FloatArray  # ... of w_t w_{t-1}' + w_{t-1} w_t'
    previous: FloatArray  # ... of w_{t-1} w_{t-1}'
    first: FloatArray  # (people, 3): w on the first used day
    counts: FloatArray  # (people, distinct gaps): how many pairs have each gap
    used: FloatArray  # (people,): used days
    prior_level: FloatArray
    a0: float
    b0: float
    mu_sd: float
    tau_scale: float

    @classmethod
    def build(cls, data: dict[str, Any]) -> Model:
        rows = []
        for days, scores, exposure in zip(data["days"], data["scores"], data["exposure"], strict=True):
            keep = [
                (d, s, x) for d, s, x in zip(days, scores, exposure, strict=True) if s is not None and x is not None
            ]
            rows.append(sorted(keep))
        width = max(len(r) for r in rows)
        people = len(rows)
        y, x = np.zeros((people, width)), np.zeros((people, width))
        gap = np.ones((people, width - 1))
        pair = np.zeros((people, width - 1))
        for i, row in enumerate(rows):
            y[i, : len(row)] = [r[1] for r in row]
            x[i, : len(row)] = [r[2] for r in row]
            gap[i, : len(row) - 1] = np.diff(np.asarray([r[0] for r in row], dtype=np.float64))
            pair[i, : len(row) - 1] = 1.0
        lengths, kind = np.unique(gap, return_inverse=True)
        kind = kind.reshape(gap.shape)
        counts = np.stack([((kind == k) * pair).sum(axis=1) for k in range(lengths.size)], axis=1)
        # e_t = v . w_t with w_t = (1, x_t, y_t) and v = (-level, -effect, 1): the sum of squared
        # innovations over the pairs with gap g is v'(C - a X + a^2 P)v, a = rho^g. Exactly the
        # residual form, a few hundred times fewer operations per likelihood.
        w = np.stack([np.ones_like(y), x, y], axis=2)  # (people, n, 3)
        cur, prev = w[:, 1:, :], w[:, :-1, :]
        one_hot = (kind[..., None] == np.arange(lengths.size)) * pair[..., None]  # (people, n - 1, gaps)
        current = np.einsum("ptk,pta,ptb->pkab", one_hot, cur, cur)
        cross = np.einsum("ptk,pta,ptb->pkab", one_hot, cur, prev)
        cross = cross + np.swapaxes(cross, 2, 3)
        previous = np.einsum("ptk,pta,ptb->pkab", one_hot, prev, prev)
        span = float(data["score_range"][1]) - float(data["score_range"][0])
        a0 = 0.5 * PRIOR["noise_days"]
        s0 = PRIOR["noise_scale_fraction"] * span
        used = np.asarray([float(len(r)) for r in rows])
        prior_level = np.asarray([float(np.mean([r[1] for r in row])) for row in rows])
        return cls(
            y,
            x,
            lengths,
            current,
            cross,
            previous,
            w[:, 0, :],
            counts,
            used,
            prior_level,
            a0,
            a0 * s0 * s0,
            PRIOR["mu_sd_ranges"] * span,
            PRIOR["tau_scale_ranges"] * span,
        )

    @property
    def people(self) -> int:
        return int(self.y.shape[0])

    def log_posterior(self, theta: FloatArray) -> FloatArray:
        """log p(everything | data) up to a constant, for a batch of parameter rows. Layout: for
        each person (level, effect, log s2, rho), then mu, log tau."""
        p = self.people
        per = theta[:, : 4 * p].reshape(-1, p, 4)
        level, effect, log_s2, rho = per[..., 0], per[..., 1], per[..., 2], per[..., 3]
        mu, log_tau = theta[:, 4 * p], theta[:, 4 * p + 1]
        out = np.full(theta.shape[0], -np.inf)
        ok = np.all((rho > PRIOR["rho_low"]) & (rho < PRIOR["rho_high"]) & np.isfinite(log_s2), axis=1)
        ok &= np.isfinite(log_tau) & (log_tau > -30.0)
        if not np.any(ok):
            return out
        level, effect, log_s2, rho = level[ok], effect[ok], log_s2[ok], rho[ok]
        mu, log_tau = mu[ok], log_tau[ok]
        s2 = np.exp(log_s2)
        stationary = s2 / (1.0 - rho * rho)  # (walkers, people)
        v = np.stack([-level, -effect, np.ones_like(level)], axis=2)  # (walkers, people, 3)
        a_by_gap = np.power(rho[..., None], self.lengths)  # (walkers, people, distinct gaps)
        c_by_gap = 1.0 - a_by_gap * a_by_gap  # the innovation variance over the stationary one
        quad_current = np.einsum("wpa,pkab,wpb->wpk", v, self.current, v)
        quad_cross = np.einsum("wpa,pkab,wpb->wpk", v, self.cross, v)
        quad_previous = np.einsum("wpa,pkab,wpb->wpk", v, self.previous, v)
        by_gap = (quad_current - a_by_gap * quad_cross + a_by_gap * a_by_gap * quad_previous) / c_by_gap
        squares = np.einsum("wpa,pa->wp", v, self.first) ** 2 + by_gap.sum(axis=2)
        log_lik = (
            -0.5 * squares / stationary
            - 0.5 * self.used * np.log(stationary)
            - 0.5 * np.sum(self.counts * np.log(c_by_gap), axis=2)
            - 0.5 * self.used * math.log(2.0 * math.pi)
        )
        level_var = PRIOR["level_sd"] ** 2 * stationary
        log_level = -0.5 * ((level - self.prior_level) ** 2 / level_var + np.log(2 * math.pi * level_var))
        log_noise = -(self.a0 + 1.0) * log_s2 - self.b0 / s2 + log_s2  # inverse gamma on s2, Jacobian of log
        log_rho = -0.5 * np.log1p(-rho * rho)
        tau = np.exp(log_tau)
        log_effect = -0.5 * ((effect - mu[:, None]) ** 2 / tau[:, None] ** 2 + np.log(2 * math.pi * tau[:, None] ** 2))
        log_mu = -0.5 * (mu / self.mu_sd) ** 2
        log_tau_prior = -0.5 * (tau / self.tau_scale) ** 2 + log_tau  # half-normal, Jacobian of log
        out[ok] = np.sum(log_lik + log_level + log_noise + log_rho + log_effect, axis=1) + log_mu + log_tau_prior
        return out

    def start(self) -> FloatArray:
        """A point near the posterior: each person's least-squares fit, their mean and spread."""
        p = self.people
        theta = np.empty(4 * p + 2)
        effects = []
        for i in range(p):
            n = int(self.used[i])
            y, x = self.y[i, :n], self.x[i, :n]
            design = np.column_stack([np.ones_like(x), x])
            coef, *_ = np.linalg.lstsq(design, y, rcond=None)
            resid = y - design @ coef
            rho = float(np.clip(np.corrcoef(resid[1:], resid[:-1])[0, 1], -0.5, 0.9))
            theta[4 * i : 4 * i + 4] = [coef[0], coef[1], math.log(np.var(resid) * (1 - rho * rho)), rho]
            effects.append(coef[1])
        theta[4 * p] = float(np.mean(effects))
        theta[4 * p + 1] = math.log(max(float(np.std(effects)), 0.1))
        return theta


def _summaries(chain: FloatArray, data: dict[str, Any], people: int) -> dict[str, float]:
    """Posterior summaries from draws (rows) of the parameter vector."""
    mu = chain[:, 4 * people]
    tau = np.exp(chain[:, 4 * people + 1])
    delta = float(data["delta"])
    sign = -1.0 if data["higher_is_worse"] else 1.0
    benefit = sign * mu
    lo, hi = np.quantile(mu, [0.025, 0.975])
    tau_lo, tau_hi = np.quantile(tau, [0.025, 0.975])
    # A new person's effect is N(mu, tau^2) given (mu, tau): probabilities averaged over the draws.
    p_improve = _normal_cdf((benefit - delta) / tau)
    p_worsen = _normal_cdf((-delta - benefit) / tau)
    return {
        "mu_mean": float(mu.mean()),
        "mu_sd": float(mu.std()),
        "mu_ci_low": float(lo),
        "mu_ci_high": float(hi),
        "mu_p_benefit": float(np.mean(benefit >= delta)),
        "mu_p_harm": float(np.mean(benefit <= -delta)),
        "tau_mean": float(tau.mean()),
        "tau_ci_low": float(tau_lo),
        "tau_ci_high": float(tau_hi),
        "new_person_sd": float(math.sqrt(float(np.var(mu)) + float(np.mean(tau * tau)))),
        "new_person_p_improve": float(p_improve.mean()),
        "new_person_p_worsen": float(p_worsen.mean()),
    }


def person_log_likelihood(
    days: FloatArray, y: FloatArray, x: FloatArray, effects: FloatArray, span: float
) -> FloatArray:
    """log p(y | effect) for one person on a grid of effects: level and s2 integrated analytically
    given rho (normal-inverse-gamma after the gap-exact AR(1) transform), rho on 189 midpoints with
    its Jeffreys prior. Up to a constant that does not depend on the effect."""
    rho = PRIOR["rho_low"] + (np.arange(189) + 0.5) * ((PRIOR["rho_high"] - PRIOR["rho_low"]) / 189)
    n = y.size
    a = rho[:, None] ** np.diff(days)[None, :]  # (rho, n - 1)
    one = 1.0 - rho * rho
    scale = np.sqrt(one[:, None] / (1.0 - a * a))
    u = y[None, :] - effects[:, None] * x[None, :]  # (effects, n)
    v_rest = scale[None] * (u[:, None, 1:] - a[None] * u[:, None, :-1])  # (effects, rho, n - 1)
    v_first = np.sqrt(one)[None, :] * u[:, None, 0]
    q_rest, q_first = scale * (1.0 - a), np.sqrt(one)
    qq = q_first**2 + (q_rest**2).sum(axis=1)
    qv = q_first[None, :] * v_first + (q_rest[None] * v_rest).sum(axis=2)
    vv = v_first**2 + (v_rest**2).sum(axis=2)
    log_jacobian = np.log(scale).sum(axis=1) + 0.5 * np.log(one)
    k0 = one / PRIOR["level_sd"] ** 2
    k = k0 + qq
    m0 = float(y.mean())
    m = (k0 * m0 + qv) / k
    ss = vv + k0 * m0 * m0 - k * m * m
    a0 = 0.5 * PRIOR["noise_days"]
    b0 = a0 * (PRIOR["noise_scale_fraction"] * span) ** 2
    log_p = log_jacobian + 0.5 * np.log(k0 / k) - (a0 + 0.5 * n) * np.log(b0 + 0.5 * ss) - 0.5 * np.log(one)
    top = log_p.max(axis=1, keepdims=True)
    return np.asarray(top[:, 0] + np.log(np.exp(log_p - top).sum(axis=1)), dtype=np.float64)


def quadrature(data: dict[str, Any]) -> dict[str, float]:
    """The same hierarchical model integrated numerically instead of sampled: each person's exact
    likelihood of their effect on a 0.02-point grid (`person_log_likelihood`, no normal summary),
    convolved with N(mu, tau^2) on a 0.01 x 0.01 grid of (mu, tau). Deterministic, no Monte Carlo
    error; grid error well below 0.01 points for these cohorts."""
    span = float(data["score_range"][1]) - float(data["score_range"][0])
    effects = np.arange(-8.0, 8.0, 0.02)
    likelihoods, modes = [], []
    for days, scores, exposure in zip(data["days"], data["scores"], data["exposure"], strict=True):
        kept = [(d, s, x) for d, s, x in zip(days, scores, exposure, strict=True) if s is not None and x is not None]
        arrays = [np.asarray([row[j] for row in kept], dtype=np.float64) for j in range(3)]
        log_l = person_log_likelihood(*arrays, effects, span)
        likelihoods.append(np.exp(log_l - log_l.max()))
        modes.append(float(effects[np.argmax(log_l)]))
    mu = np.arange(min(modes) - 1.5, max(modes) + 1.5, 0.01)
    tau = (np.arange(250) + 0.5) * 0.01
    log_post = np.zeros((mu.size, tau.size))
    for lik in likelihoods:
        keep = lik > 1e-12
        e, li = effects[keep], lik[keep]
        for j, t in enumerate(tau):
            kernel = np.exp(-0.5 * ((e[None, :] - mu[:, None]) / t) ** 2)
            kernel /= kernel.sum(axis=1, keepdims=True) + 1e-300
            log_post[:, j] += np.log(kernel @ li + 1e-300)
    log_post += -0.5 * (mu[:, None] / (PRIOR["mu_sd_ranges"] * span)) ** 2
    log_post += -0.5 * (tau[None, :] / (PRIOR["tau_scale_ranges"] * span)) ** 2
    w = np.exp(log_post - log_post.max())
    w /= w.sum()
    p_mu, p_tau = w.sum(axis=1), w.sum(axis=0)
    delta = float(data["delta"])
    benefit = (-1.0 if data["higher_is_worse"] else 1.0) * mu

    def quantiles(grid: FloatArray, p: FloatArray) -> list[float]:
        return [float(np.interp(q, np.cumsum(p) - 0.5 * p, grid)) for q in (0.025, 0.975)]

    mu_mean = float(p_mu @ mu)
    improve = _normal_cdf((benefit[:, None] - delta) / tau[None, :])
    worsen = _normal_cdf((-delta - benefit[:, None]) / tau[None, :])
    (mu_low, mu_high), (tau_low, tau_high) = quantiles(mu, p_mu), quantiles(tau, p_tau)
    return {
        "mu_mean": mu_mean,
        "mu_sd": float(np.sqrt(p_mu @ (mu - mu_mean) ** 2)),
        "mu_ci_low": mu_low,
        "mu_ci_high": mu_high,
        "mu_p_benefit": float(p_mu @ (benefit >= delta)),
        "mu_p_harm": float(p_mu @ (benefit <= -delta)),
        "tau_mean": float(p_tau @ tau),
        "tau_ci_low": tau_low,
        "tau_ci_high": tau_high,
        "new_person_sd": float(np.sqrt(p_mu @ (mu - mu_mean) ** 2 + p_tau @ (tau * tau))),
        "new_person_p_improve": float((w * improve).sum()),
        "new_person_p_worsen": float((w * worsen).sum()),
    }


def _normal_cdf(z: FloatArray) -> FloatArray:
    from scipy.special import ndtr

    return np.asarray(ndtr(z), dtype=np.float64)


def fit(data: dict[str, Any], *, walkers: int, steps: int, burn: int, thin: int, seed: int) -> dict[str, Any]:
    import emcee

    model = Model.build(data)
    dim = 4 * model.people + 2
    rng = np.random.default_rng(seed)
    centre = model.start()
    spread = [*np.tile([0.05, 0.05, 0.05, 0.02], model.people).tolist(), 0.05, 0.05]
    p0 = centre + np.asarray(spread) * rng.standard_normal((walkers, dim))
    sampler = emcee.EnsembleSampler(
        walkers,
        dim,
        model.log_posterior,
        vectorize=True,
        moves=[(emcee.moves.DEMove(), 0.8), (emcee.moves.DESnookerMove(), 0.2)],
    )
    sampler.random_state = np.random.RandomState(seed).get_state()
    began = time.perf_counter()
    sampler.run_mcmc(p0, (burn + steps) // thin, progress=False, thin_by=thin)  # runs burn + steps steps
    seconds = time.perf_counter() - began
    chains = sampler.get_chain(discard=burn // thin)  # (kept, walkers, dim)
    kept = chains.shape[0]
    pooled = chains.reshape(-1, dim)
    summary = _summaries(pooled, data, model.people)
    batch_len = kept // BATCHES
    batch = [
        _summaries(chains[i * batch_len : (i + 1) * batch_len].reshape(-1, dim), data, model.people)
        for i in range(BATCHES)
    ]
    mcse = {key: float(np.std([b[key] for b in batch], ddof=1) / math.sqrt(BATCHES)) for key in summary}
    focus = chains[:, :, 4 * model.people :]  # mu and log tau
    tau_steps = emcee.autocorr.integrated_time(focus, quiet=True) * thin
    return {
        "summary": summary,
        "mcse": mcse,
        "diagnostics": {
            "acceptance": float(np.mean(sampler.acceptance_fraction)),
            "autocorr_steps_mu_log_tau": [float(t) for t in tau_steps],
            "effective_draws": float(walkers * kept * thin / float(np.max(tau_steps))),
            "chain_over_50_autocorr_times": bool(kept * thin > 50 * float(np.max(tau_steps))),
            "seconds": seconds,
        },
        "sampler": {
            "walkers": walkers,
            "steps": steps,
            "burn": burn,
            "thin": thin,
            "seed": seed,
            "moves": "DEMove 0.8, DESnookerMove 0.2",
            "dimensions": dim,
        },
    }


def dumps(fixture: dict[str, Any]) -> str:
    """JSON with one line per top-level field and per data series (diffable)."""
    lines = []
    for key, value in fixture.items():
        if isinstance(value, dict):
            inner = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in value.items()]
            lines.append(f"{json.dumps(key)}: {{\n" + ",\n".join(inner) + "\n }")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value)}")
    return "{\n " + ",\n ".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=12_000, help="steps per walker after burn-in")
    parser.add_argument("--burn", type=int, default=3_000)
    parser.add_argument("--thin", type=int, default=10)
    parser.add_argument("--walkers", type=int, default=0, help="default: 2 x the dimension")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--only", help="fit one cohort by name")
    parser.add_argument(
        "--quadrature-only", action="store_true", help="add the quadrature to existing fixtures, keep their MCMC"
    )
    args = parser.parse_args(argv)
    if args.quadrature_only:
        for cohort in COHORTS:
            path = FIXTURES / f"{cohort.name}.json"
            if (args.only and cohort.name != args.only) or not path.exists():
                continue
            fixture = json.loads(path.read_text())
            began = time.perf_counter()
            fixture["quadrature"] = quadrature(fixture["data"])
            fixture["quadrature_seconds"] = time.perf_counter() - began
            path.write_text(dumps(fixture))
            print(f"{cohort.name:32s} quadrature {fixture['quadrature']}", flush=True)
        return 0
    try:
        import emcee
    except ImportError:
        print("emcee is not installed: pip install -e '.[reference]'", file=sys.stderr)
        return 2
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for cohort in COHORTS:
        if args.only and cohort.name != args.only:
            continue
        data = draw(cohort)
        walkers = args.walkers or 2 * (4 * cohort.people + 2)
        result = fit(data, walkers=walkers, steps=args.steps, burn=args.burn, thin=args.thin, seed=args.seed)
        fixture = {
            "name": cohort.name,
            "description": cohort.description,
            "truth": {"mu": cohort.mu, "tau": cohort.tau, "seed": cohort.seed, "missing": cohort.missing},
            "data": data,
            "prior": PRIOR,
            "library": "emcee",
            "library_version": emcee.__version__,
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "likelihood": "AR(1) across exact gaps per person, effects N(mu, tau^2), sampled jointly",
            **result,
            "quadrature": quadrature(data),
        }
        (FIXTURES / f"{cohort.name}.json").write_text(dumps(fixture))
        s, e, d = result["summary"], result["mcse"], result["diagnostics"]
        print(
            f"{cohort.name:32s} mu {s['mu_mean']:+.3f}±{e['mu_mean']:.3f} "
            f"[{s['mu_ci_low']:+.3f}, {s['mu_ci_high']:+.3f}]  "
            f"tau {s['tau_mean']:.3f}±{e['tau_mean']:.3f}  P(improve) {s['new_person_p_improve']:.3f}  "
            f"ESS {d['effective_draws']:.0f}  acc {d['acceptance']:.2f}  {d['seconds']:.0f} s",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
