"""Reference fits of the personal-trial model by MCMC, written to tests/fixtures/reference_fits/.

Why: `suppwise.trials` computes the posterior exactly (conjugate given rho, rho on a grid). An
exact method can still be exactly wrong (a dropped Jacobian, a prior on the wrong scale, an
off-by-one in a gap), so the same model and priors are fitted here by a different route: emcee's
affine-invariant ensemble sampler on the joint posterior of (coefficients, log sigma^2, rho),
with the likelihood from the dense covariance matrix sigma^2 rho^|d_i - d_j| / (1 - rho^2) of the
observed days. Nothing from `suppwise.trials` is imported: the design, the priors and the
likelihood are written again below from the documented model, and the prior settings are stored
in each fixture so a test can tell when the fixtures no longer describe the current priors.

Monte Carlo error: every summary is also computed on 25 consecutive batches of the chains; the
standard error of the batch means (batch length far above the autocorrelation time) is stored
as `mcse`, and the tests allow 4 of them.

emcee is an optional dependency (`pip install -e '.[reference]'`); the tests only read the JSON.

Run: ``.venv/bin/python tools/reference_fit.py [--steps N] [--only NAME]`` (about a minute per
dataset at the default length).
"""

from __future__ import annotations

import argparse
import json
import logging
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
FIXTURES = ROOT / "tests" / "fixtures" / "reference_fits"
FloatArray = npt.NDArray[np.float64]

# The priors of the model, restated (see suppwise.stats.ar1.Ar1Prior for the reasons).
PRIOR: dict[str, float | int | str] = {
    "rho_low": -0.9,
    "rho_high": 0.99,
    "rho_cells": 189,
    "rho_prior": "jeffreys",
    "level_sd": 2.0,
    "effect_sd": 5.0,
    "trend_sd": 5.0,
    "noise_days": 1.0,
    "noise_scale_fraction": 0.01,
}
BATCHES = 25


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    days: list[int]
    values: list[float | None]
    exposure: list[float | None]
    delta: float
    higher_is_worse: bool
    score_range: tuple[float, float]
    trend: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "values": self.values,
            "exposure": self.exposure,
            "delta": self.delta,
            "higher_is_worse": self.higher_is_worse,
            "score_range": list(self.score_range),
            "trend": self.trend,
        }


def _ar1(rng: np.random.Generator, n: int, rho: float, sigma: float) -> FloatArray:
    e = np.empty(n)
    e[0] = rng.normal(scale=sigma / math.sqrt(1 - rho * rho))
    for t in range(1, n):
        e[t] = rho * e[t - 1] + rng.normal(scale=sigma)
    return e


def _listed(array: FloatArray) -> list[float | None]:
    return [None if math.isnan(v) else float(v) for v in array]


def datasets() -> list[Dataset]:
    """Fixed, seeded diaries covering the cases the exact method must get right."""
    out = []

    rng = np.random.default_rng(20240601)
    days = np.arange(84)
    x = ((days // 21) % 2).astype(float)
    y = np.clip(np.round(4.0 + 1.0 * x + _ar1(rng, 84, 0.5, 1.0)), 0, 10)
    out.append(
        Dataset(
            "complete_abab",
            "84 days, four 21-day blocks (off/on/off/on), no missing days, whole-number pain scores",
            days.tolist(),
            _listed(y),
            _listed(x),
            2.0,
            True,
            (0.0, 10.0),
            False,
        )
    )

    rng = np.random.default_rng(20240602)
    days = np.arange(90)
    x = ((days // 14 + 1) % 2).astype(float)
    y = 5.0 + 1.5 * x + _ar1(rng, 90, 0.6, 0.9)
    y = np.clip(np.round(y, 1), 0, 10)
    switch = np.flatnonzero(np.diff(x) != 0) + 1
    exposure = x.copy()
    for start in switch:
        exposure[start : start + 3] = np.nan  # 3 washout days after every switch
    y[rng.random(90) < 0.15] = np.nan  # about 15% of days not filled in
    out.append(
        Dataset(
            "missing_and_washout",
            "90 days, 14-day blocks starting on, 3 washout days after each switch, about 15% of days missing",
            days.tolist(),
            _listed(y),
            _listed(exposure),
            2.0,
            True,
            (0.0, 10.0),
            False,
        )
    )

    rng = np.random.default_rng(20240603)
    days = np.arange(100, 170)  # day numbers need not start at 0
    dose = np.array([0.0, 5.0, 10.0, 0.0, 10.0, 5.0, 0.0])[(days - 100) // 10]
    drift = 1.5 * (days - 100) / 69
    y = 5.0 + 0.08 * dose + drift + _ar1(rng, 70, 0.4, 0.8)
    y = np.clip(np.round(y, 1), 0, 10)
    y[[5, 6, 30, 51, 52, 53]] = np.nan
    out.append(
        Dataset(
            "dose_with_trend",
            "70 days of doses 0, 5 and 10 g in 10-day blocks, a 1.5-point upward drift, a linear trend modelled",
            days.tolist(),
            _listed(y),
            _listed(dose),
            2.0,
            True,
            (0.0, 10.0),
            True,
        )
    )

    rng = np.random.default_rng(20240604)
    days = np.arange(21)
    x = ((days // 7) % 2).astype(float)
    y = np.clip(np.round(6.0 - 0.5 * x + _ar1(rng, 21, 0.7, 1.0)), 0, 10)
    y[[3, 15]] = np.nan
    out.append(
        Dataset(
            "short_and_autocorrelated",
            "21 days in 7-day blocks, strong autocorrelation, two missing days: a wide posterior",
            days.tolist(),
            _listed(y),
            _listed(x),
            2.0,
            True,
            (0.0, 10.0),
            False,
        )
    )

    rng = np.random.default_rng(20240605)
    days = np.arange(0, 120, 2)  # every other day, so every gap is 2 days long
    x = ((days // 10) % 2).astype(float)
    y = np.clip(np.round(6.0 + 1.0 * x + _ar1(rng, days.size, -0.4, 1.2), 1), 0, 10)
    out.append(
        Dataset(
            "alternate_days_negative_rho",
            (
                "60 entries on alternate days from noise with rho = -0.4, higher scores better; with every gap "
                "2 days only rho^2 is identified, so rho's posterior is nearly symmetric about 0"
            ),
            days.tolist(),
            _listed(y),
            _listed(x),
            1.0,
            False,
            (0.0, 10.0),
            False,
        )
    )
    return out


@dataclass(frozen=True)
class Model:
    """The trial model for one dataset, written independently of suppwise.trials."""

    days: npt.NDArray[np.int64]
    y: FloatArray
    design: FloatArray
    prior_mean: FloatArray
    prior_sd: FloatArray
    a0: float
    b0: float
    lags: npt.NDArray[np.int64]

    @classmethod
    def build(cls, data: Dataset) -> Model:
        days = np.asarray(data.days, dtype=np.int64)
        y = np.asarray([math.nan if v is None else v for v in data.values])
        x = np.asarray([math.nan if v is None else v for v in data.exposure])
        keep = ~np.isnan(y) & ~np.isnan(x)
        days, y, x = days[keep], y[keep], x[keep]
        columns = [np.ones_like(y), (x - x.min()) / (x.max() - x.min())]
        sds = [float(PRIOR["level_sd"]), float(PRIOR["effect_sd"])]
        if data.trend:
            columns.append((days - 0.5 * (days[0] + days[-1])) / (days[-1] - days[0]))
            sds.append(float(PRIOR["trend_sd"]))
        design = np.column_stack(columns)
        prior_mean = np.zeros(design.shape[1])
        prior_mean[0] = y.mean()
        a0 = 0.5 * float(PRIOR["noise_days"])
        s0 = float(PRIOR["noise_scale_fraction"]) * (data.score_range[1] - data.score_range[0])
        lags = np.abs(days[:, None] - days[None, :])
        return cls(days, y, design, prior_mean, np.asarray(sds), a0, a0 * s0 * s0, lags)

    def log_posterior(self, theta: FloatArray) -> FloatArray:
        """log p(b, log sigma^2, rho | y) up to a constant, for a batch of parameter rows."""
        p = self.design.shape[1]
        b, log_s2, rho = theta[:, :p], theta[:, p], theta[:, p + 1]
        out = np.full(theta.shape[0], -np.inf)
        ok = (rho > float(PRIOR["rho_low"])) & (rho < float(PRIOR["rho_high"])) & np.isfinite(log_s2)
        if not np.any(ok):
            return out
        b, log_s2, rho = b[ok], log_s2[ok], rho[ok]
        s2 = np.exp(log_s2)
        stationary = s2 / (1.0 - rho * rho)
        cov = stationary[:, None, None] * np.power(rho[:, None, None], self.lags[None, :, :])
        chol = np.linalg.cholesky(cov)
        resid = self.y[None, :] - b @ self.design.T
        white = np.linalg.solve(chol, resid[:, :, None])[:, :, 0]
        n = self.y.size
        log_lik = -0.5 * np.sum(white * white, axis=1) - np.sum(np.log(np.diagonal(chol, axis1=1, axis2=2)), axis=1)
        log_lik -= 0.5 * n * math.log(2 * math.pi)
        prior_var = stationary[:, None] * self.prior_sd[None, :] ** 2
        log_b = -0.5 * np.sum((b - self.prior_mean) ** 2 / prior_var + np.log(2 * math.pi * prior_var), axis=1)
        log_sigma = -(self.a0 + 1.0) * log_s2 - self.b0 / s2 + log_s2  # inverse gamma, plus d sigma^2 / d log sigma^2
        log_rho = -0.5 * np.log1p(-rho * rho) if PRIOR["rho_prior"] == "jeffreys" else 0.0
        out[ok] = log_lik + log_b + log_sigma + log_rho
        return out


def _summaries(chain: FloatArray, data: Dataset) -> dict[str, float]:
    """Posterior summaries from draws (rows) of (b..., log sigma^2, rho)."""
    effect = chain[:, 1]
    lo, hi = np.quantile(effect, [0.025, 0.975])
    above = float(np.mean(effect >= data.delta))
    below = float(np.mean(effect <= -data.delta))
    out = {
        "mean": float(effect.mean()),
        "sd": float(effect.std()),
        "ci_low": float(lo),
        "ci_high": float(hi),
        "p_above": above,
        "p_below": below,
        "p_within": 1.0 - above - below,
        "rho_mean": float(chain[:, -1].mean()),
    }
    if data.trend:
        out["trend_mean"] = float(chain[:, 2].mean())
    return out


def fit(data: Dataset, *, walkers: int, steps: int, burn: int, seed: int) -> dict[str, Any]:
    import emcee

    model = Model.build(data)
    p = model.design.shape[1]
    rng = np.random.default_rng(seed)
    start, *_ = np.linalg.lstsq(model.design, model.y, rcond=None)
    resid_var = float(np.var(model.y - model.design @ start))
    centre = np.concatenate([start, [math.log(resid_var), 0.3]])
    spread = np.concatenate([np.full(p, 0.1), [0.1, 0.05]])
    p0 = centre + spread * rng.standard_normal((walkers, p + 2))
    sampler = emcee.EnsembleSampler(walkers, p + 2, model.log_posterior, vectorize=True)
    sampler.random_state = np.random.RandomState(seed).get_state()
    began = time.perf_counter()
    sampler.run_mcmc(p0, burn + steps, progress=False)
    seconds = time.perf_counter() - began
    chains = sampler.get_chain(discard=burn)  # (steps, walkers, dim)
    pooled = chains.reshape(-1, p + 2)
    summary = _summaries(pooled, data)
    batch_len = steps // BATCHES
    batch = [_summaries(chains[i * batch_len : (i + 1) * batch_len].reshape(-1, p + 2), data) for i in range(BATCHES)]
    mcse = {key: float(np.std([b[key] for b in batch], ddof=1) / math.sqrt(BATCHES)) for key in summary}
    quiet = logging.getLogger("emcee.autocorr")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # short chains are flagged in the fixture instead of logged
    try:
        tau = emcee.autocorr.integrated_time(chains, quiet=True)
    finally:
        quiet.setLevel(level)
    return {
        "summary": summary,
        "mcse": mcse,
        "diagnostics": {
            "acceptance": float(np.mean(sampler.acceptance_fraction)),
            "autocorr_steps": [float(t) for t in tau],
            "effective_draws": float(walkers * steps / float(np.max(tau))),
            "chain_over_50_autocorr_times": bool(steps > 50 * float(np.max(tau))),
            "seconds": seconds,
        },
        "sampler": {"walkers": walkers, "steps": steps, "burn": burn, "seed": seed},
    }


def dumps(fixture: dict[str, Any]) -> str:
    """JSON with one line per top-level field and per data series: diffable, and short enough to
    read (the default indented form puts every day on its own line)."""
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
    parser.add_argument("--steps", type=int, default=30_000, help="kept steps per walker (default 30000)")
    parser.add_argument("--burn", type=int, default=3_000)
    parser.add_argument("--walkers", type=int, default=32)
    parser.add_argument("--seed", type=int, default=12345)
    parser.add_argument("--only", help="fit one dataset by name")
    args = parser.parse_args(argv)
    try:
        import emcee
    except ImportError:
        print("emcee is not installed: pip install -e '.[reference]'", file=sys.stderr)
        return 2
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for data in datasets():
        if args.only and data.name != args.only:
            continue
        result = fit(data, walkers=args.walkers, steps=args.steps, burn=args.burn, seed=args.seed)
        fixture = {
            "name": data.name,
            "description": data.description,
            "data": data.as_json(),
            "prior": PRIOR,
            "library": "emcee",
            "library_version": emcee.__version__,
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "likelihood": "dense Gaussian, covariance sigma^2 rho^|d_i - d_j| / (1 - rho^2)",
            **result,
        }
        path = FIXTURES / f"{data.name}.json"
        path.write_text(dumps(fixture))
        s, e = result["summary"], result["mcse"]
        print(
            f"{data.name:30s} mean {s['mean']:+.3f}±{e['mean']:.3f}  ci [{s['ci_low']:+.3f}, {s['ci_high']:+.3f}]  "
            f"P(>=d) {s['p_above']:.3f}±{e['p_above']:.3f}  rho {s['rho_mean']:.3f}  "
            f"ESS {result['diagnostics']['effective_draws']:.0f}  {result['diagnostics']['seconds']:.0f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
