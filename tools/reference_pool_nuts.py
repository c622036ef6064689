"""The pooling model fitted by NUTS (NumPyro): an independent full hierarchical MCMC reference.

Why a second sampler: emcee's ensemble (`reference_pool_fit.py`) finds mu's location but
under-disperses in the 42-202 dimensions of these cohorts (docs/pooling.md), so it cannot say
whether the in-process result's spreads are right. NUTS, a gradient-based sampler built for
hierarchical models of this size, can; the quadrature in `reference_pool_fit.py` remains the
deterministic check, this is the sampled one.

Nothing of `suppwise.pooling` or `suppwise.trials` is used: the model is written again below from
docs/pooling.md, in the direct residual form (one term per pair of consecutive used days), not
the cross-product form of the emcee reference nor the conjugate form of the package. Person i,
used days d_1 < ... < d_n (scored days on or off the supplement; missing, washout and titration
days only widen the gaps):

    y_t = level_i + effect_i * x_t + e_t,  e_1 ~ N(0, s2_i / (1 - rho_i^2)),
    e_t | e_{t-1} ~ N(rho_i^g e_{t-1}, s2_i (1 - rho_i^(2g)) / (1 - rho_i^2)),  g = d_t - d_{t-1}
    level_i ~ N(mean of person i's used scores, 2^2 s2_i / (1 - rho_i^2))
    s2_i ~ InvGamma(1/2, 1/2 (0.01 * score range)^2),  rho_i ~ (1 - rho^2)^(-1/2) on (-0.9, 0.99)
    effect_i ~ N(mu, tau^2),  mu ~ N(0, (score range)^2),  tau ~ HalfNormal(score range / 4)

Sampled non-centred (effect_i = mu + tau z_i, z_i ~ N(0, 1)): the same posterior, without the
funnel that makes a centred hierarchical model hard for NUTS when tau is small.

NumPyro and JAX are the `reference` extra (`pip install -e '.[reference]'`), never imported by
suppwise. Seeded: the same seed, chains and draws give the same numbers on the same machine.

Run: ``.venv/bin/python tools/reference_pool_nuts.py [--only NAME] [--write]`` fits the fixed
cohorts of tests/fixtures/reference_pool_fits/ and prints the summaries; `--write` stores them in
each fixture under `nuts` (tests/test_pool_reference.py compares the in-process result with them);
`benchmarks/bench_pool_reference.py --nuts` runs it on the 50-person cohort.
"""

from __future__ import annotations

import argparse
import json
import math
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

# The priors, restated from docs/pooling.md and docs/trial-json.md (the same as reference_pool_fit).
RHO_LOW, RHO_HIGH = -0.9, 0.99
LEVEL_SD = 2.0
NOISE_DAYS = 1.0
NOISE_SCALE_FRACTION = 0.01
MU_SD_RANGES = 1.0
TAU_SCALE_RANGES = 0.25


@dataclass(frozen=True)
class Padded:
    """Every person's used days, padded to a common length: `mask` is 1 on a real day, and
    `pair` on a real (previous, current) pair; `gap` is each pair's distance in days (1 where
    padded, where it does not count)."""

    y: FloatArray  # (people, n)
    x: FloatArray
    mask: FloatArray
    gap: FloatArray  # (people, n - 1)
    pair: FloatArray
    prior_level: FloatArray  # (people,)
    span: float


def padded(data: dict[str, Any]) -> Padded:
    """The used days of each person of a fixture's `data` (days, scores, exposure per slot)."""
    rows = []
    for days, scores, exposure in zip(data["days"], data["scores"], data["exposure"], strict=True):
        kept = sorted(
            (d, s, x) for d, s, x in zip(days, scores, exposure, strict=True) if s is not None and x is not None
        )
        rows.append(kept)
    width = max(len(r) for r in rows)
    people = len(rows)
    y, x, mask = np.zeros((people, width)), np.zeros((people, width)), np.zeros((people, width))
    gap, pair = np.ones((people, width - 1)), np.zeros((people, width - 1))
    for i, row in enumerate(rows):
        n = len(row)
        y[i, :n] = [r[1] for r in row]
        x[i, :n] = [r[2] for r in row]
        mask[i, :n] = 1.0
        gap[i, : n - 1] = np.diff(np.asarray([r[0] for r in row], dtype=np.float64))
        pair[i, : n - 1] = 1.0
    prior_level = np.asarray([float(np.mean([r[1] for r in row])) for row in rows])
    low, high = data["score_range"]
    return Padded(y, x, mask, gap, pair, prior_level, float(high) - float(low))


def model(data: Padded) -> None:
    """The hierarchical AR(1) model, as a NumPyro program."""
    import jax.numpy as jnp
    import numpyro
    import numpyro.distributions as dist

    people = data.y.shape[0]
    mu = numpyro.sample("mu", dist.Normal(0.0, MU_SD_RANGES * data.span))
    tau = numpyro.sample("tau", dist.HalfNormal(TAU_SCALE_RANGES * data.span))
    a0 = 0.5 * NOISE_DAYS
    b0 = a0 * (NOISE_SCALE_FRACTION * data.span) ** 2
    with numpyro.plate("people", people):
        z = numpyro.sample("z", dist.Normal(0.0, 1.0))
        effect = numpyro.deterministic("effect", mu + tau * z)
        s2 = numpyro.sample("s2", dist.InverseGamma(a0, b0))
        rho = numpyro.sample("rho", dist.Uniform(RHO_LOW, RHO_HIGH))
        numpyro.factor("rho_jeffreys", -0.5 * jnp.log1p(-rho * rho))
        stationary = s2 / (1.0 - rho * rho)
        level = numpyro.sample("level", dist.Normal(jnp.asarray(data.prior_level), LEVEL_SD * jnp.sqrt(stationary)))
    y, x = jnp.asarray(data.y), jnp.asarray(data.x)
    e = (y - level[:, None] - effect[:, None] * x) * jnp.asarray(data.mask)
    a = rho[:, None] ** jnp.asarray(data.gap)  # (people, n - 1)
    variance = stationary[:, None] * (1.0 - a * a)
    innovation = e[:, 1:] - a * e[:, :-1]
    pair = jnp.asarray(data.pair)
    log_pairs = -0.5 * (innovation * innovation / variance + jnp.log(2.0 * math.pi * variance))
    log_first = -0.5 * (e[:, 0] ** 2 / stationary + jnp.log(2.0 * math.pi * stationary))
    numpyro.factor("ar1_likelihood", jnp.sum(log_first) + jnp.sum(log_pairs * pair))


def fit(
    data: dict[str, Any], *, chains: int = 4, warmup: int = 1000, draws: int = 2000, seed: int = 2026
) -> dict[str, Any]:
    """NUTS draws of the model; summaries as `reference_pool_fit._summaries` names them, with
    Monte Carlo standard errors (sd / sqrt(effective draws)), R-hat and each person's effect."""
    import jax
    import numpyro
    from numpyro.diagnostics import summary
    from numpyro.infer import MCMC, NUTS, init_to_median

    numpyro.enable_x64()
    numpyro.set_host_device_count(1)
    arrays = padded(data)
    kernel = NUTS(model, target_accept_prob=0.9, init_strategy=init_to_median(num_samples=15))
    mcmc = MCMC(
        kernel, num_warmup=warmup, num_samples=draws, num_chains=chains, chain_method="sequential", progress_bar=False
    )
    began = time.process_time()
    mcmc.run(jax.random.PRNGKey(seed), arrays, extra_fields=("diverging",))
    cpu_seconds = time.process_time() - began
    grouped = mcmc.get_samples(group_by_chain=True)
    mu = np.asarray(grouped["mu"], dtype=np.float64)
    tau = np.asarray(grouped["tau"], dtype=np.float64)
    effect = np.asarray(grouped["effect"], dtype=np.float64)  # (chains, draws, people)
    diagnostics = summary({"mu": mu, "tau": tau, "effect": effect}, group_by_chain=True)
    divergent = int(np.asarray(mcmc.get_extra_fields()["diverging"]).sum())
    flat_mu, flat_tau = mu.reshape(-1), tau.reshape(-1)
    result = summaries(flat_mu, flat_tau, data)
    ess = {name: float(np.min(diagnostics[name]["n_eff"])) for name in ("mu", "tau", "effect")}
    r_hat = {name: float(np.max(diagnostics[name]["r_hat"])) for name in ("mu", "tau", "effect")}
    flat_effect = effect.reshape(-1, effect.shape[2])
    return {
        "summary": result,
        "mcse": {
            "mu_mean": float(flat_mu.std() / math.sqrt(ess["mu"])),
            "tau_mean": float(flat_tau.std() / math.sqrt(ess["tau"])),
        },
        "people": {"mean": flat_effect.mean(axis=0).tolist(), "sd": flat_effect.std(axis=0).tolist()},
        "diagnostics": {
            "effective_draws_min": ess,
            "r_hat_max": r_hat,
            "divergent_transitions": divergent,
            "cpu_seconds": cpu_seconds,
        },
        "sampler": {
            "library": "numpyro",
            "library_version": numpyro.__version__,
            "jax_version": jax.__version__,
            "kernel": "NUTS, target acceptance 0.9, non-centred effects",
            "chains": chains,
            "warmup": warmup,
            "draws": draws,
            "seed": seed,
        },
    }


def summaries(mu: FloatArray, tau: FloatArray, data: dict[str, Any]) -> dict[str, float]:
    """The pooled quantities from joint draws of (mu, tau)."""
    from scipy.special import ndtr

    delta = float(data["delta"])
    benefit = (-1.0 if data["higher_is_worse"] else 1.0) * mu
    low, high = np.quantile(mu, [0.025, 0.975])
    tau_low, tau_high = np.quantile(tau, [0.025, 0.975])
    return {
        "mu_mean": float(mu.mean()),
        "mu_sd": float(mu.std()),
        "mu_ci_low": float(low),
        "mu_ci_high": float(high),
        "mu_p_benefit": float(np.mean(benefit >= delta)),
        "mu_p_harm": float(np.mean(benefit <= -delta)),
        "tau_mean": float(tau.mean()),
        "tau_ci_low": float(tau_low),
        "tau_ci_high": float(tau_high),
        "new_person_sd": float(math.sqrt(float(np.var(mu)) + float(np.mean(tau * tau)))),
        "new_person_p_improve": float(np.mean(ndtr((benefit - delta) / tau))),
        "new_person_p_worsen": float(np.mean(ndtr((-delta - benefit) / tau))),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", help="fit one fixture by name")
    parser.add_argument("--chains", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", action="store_true", help="store the fit in each fixture under `nuts`")
    args = parser.parse_args(argv)
    try:
        import numpyro  # noqa: F401
    except ImportError:
        print("numpyro is not installed: pip install -e '.[reference]'", file=sys.stderr)
        return 2
    for path in sorted(FIXTURES.glob("*.json")):
        if args.only and path.stem != args.only:
            continue
        fixture = json.loads(path.read_text())
        fitted = fit(fixture["data"], chains=args.chains, warmup=args.warmup, draws=args.draws, seed=args.seed)
        s, d = fitted["summary"], fitted["diagnostics"]
        q = fixture["quadrature"]
        if args.write:
            from reference_pool_fit import dumps

            fixture["nuts"] = fitted
            path.write_text(dumps(fixture))
        print(
            f"{path.stem:32s} mu {s['mu_mean']:+.3f}±{fitted['mcse']['mu_mean']:.3f} sd {s['mu_sd']:.3f} "
            f"(quadrature {q['mu_mean']:+.3f} sd {q['mu_sd']:.3f})  tau {s['tau_mean']:.3f} "
            f"[{s['tau_ci_low']:.3f}, {s['tau_ci_high']:.3f}] (quadrature {q['tau_mean']:.3f} "
            f"[{q['tau_ci_low']:.3f}, {q['tau_ci_high']:.3f}])  P(improve) {s['new_person_p_improve']:.3f} "
            f"(quadrature {q['new_person_p_improve']:.3f})  R-hat {max(d['r_hat_max'].values()):.3f} "
            f"ESS {min(d['effective_draws_min'].values()):.0f} divergent {d['divergent_transitions']} "
            f"{d['cpu_seconds']:.0f} s CPU",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
