"""Pooling 50 people against the full hierarchical model fitted without the normal summary.

What is measured, and against what (the project rule: ratios against a reference in the same
process, never timed assertions in tests):

- the cohort: 50 synthetic people (`pooling/synthetic.py`, 90-day plans, true mu -1, tau 0.5, 5% of
  days missing, decimal scores), drawn by `tools/reference_pool_fit.py`'s `draw`;
- ours: `pool_cohort` in this process (per-person AR(1) summaries, then random effects), CPU time
  per pool as the median of `--repeats` runs;
- the reference: the same model integrated by quadrature (`tools/reference_pool_fit.py`,
  `quadrature`: each person's exact likelihood of their effect, level and noise integrated
  analytically and rho on a grid, convolved with N(mu, tau^2) on a 0.01 x 0.01 grid; no normal
  summary, no Monte Carlo error), CPU time of one run; with `--nuts`, the full hierarchical MCMC
  fit by NUTS (`tools/reference_pool_nuts.py`, NumPyro, the `reference` extra: every person's
  level, effect, noise and rho and the population's mu and tau sampled jointly, seeded), CPU time
  of one run including JAX's compilation; with `--mcmc`, also the joint emcee sample of all 202
  parameters (hours on a 2-core machine, and docs/pooling.md explains why an ensemble sampler
  under-disperses at this size), CPU time of one run;
- the time ratio reference / ours, and the agreement table: each quantity both ways, the
  difference in posterior sds of the reference (mu, tau, the new person) or in probability; with
  `--nuts`, also each person's own estimate (the shrunken mean and sd against NUTS's posterior of
  that person's effect), as the median and largest differences in NUTS posterior sds.

Run: ``.venv/bin/python benchmarks/bench_pool_reference.py [--people 50] [--repeats 5] [--nuts] [--mcmc]``
(``--no-quadrature`` to skip the quadrature, two minutes at 50 people).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchlib import table
from suppwise.pooling import batch_from_rows, pool_cohort

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import reference_pool_fit as reference  # noqa: E402


def ours(data: dict[str, Any]) -> tuple[dict[str, float], dict[str, list[float]]]:
    """The pooled quantities in process, and each person's shrunken mean and sd."""
    rows = [
        (
            np.asarray(days, dtype=np.int64),
            np.asarray([np.nan if v is None else v for v in scores], dtype=np.float64),
            np.asarray([np.nan if v is None else v for v in exposure], dtype=np.float64),
        )
        for days, scores, exposure in zip(data["days"], data["scores"], data["exposure"], strict=True)
    ]
    result = pool_cohort(
        [batch_from_rows(rows)],
        outcome="pain",
        delta=data["delta"],
        higher_is_worse=data["higher_is_worse"],
        score_range=tuple(data["score_range"]),
    )
    pooled = result.pooled
    people = {"mean": result.shrunken.mean.tolist(), "sd": result.shrunken.sd.tolist()}
    return {
        "mu_mean": pooled.mu.mean,
        "mu_sd": pooled.mu.sd,
        "mu_ci_low": pooled.mu.ci_low,
        "mu_ci_high": pooled.mu.ci_high,
        "mu_p_benefit": pooled.mu.p_benefit,
        "mu_p_harm": pooled.mu.p_harm,
        "tau_mean": pooled.tau.mean,
        "tau_ci_low": pooled.tau.ci_low,
        "tau_ci_high": pooled.tau.ci_high,
        "new_person_sd": pooled.new_person_sd,
        "new_person_p_improve": pooled.new_person_p_improve,
        "new_person_p_worsen": pooled.new_person_p_worsen,
    }, people


def cpu(action: Any) -> tuple[float, Any]:
    start = time.process_time()
    result = action()
    return time.process_time() - start, result


def differences(mine: dict[str, float], reference_values: dict[str, float]) -> dict[str, str]:
    """Each quantity's difference from a reference: in that reference's posterior sds (mu; tau: its
    95% interval's width / 3.92; the new person's effect), or in probability for P(...)."""
    scale = {
        "mu": reference_values["mu_sd"],
        "tau": (reference_values["tau_ci_high"] - reference_values["tau_ci_low"]) / 3.92,
        "new": reference_values["new_person_sd"],
    }
    out = {}
    for key, value in reference_values.items():
        difference = mine[key] - value
        out[key] = f"{difference:+.4f}" if "_p_" in key else f"{difference / scale[key.split('_')[0]]:+.3f} sd"
    return out


def person_rows(mine: dict[str, list[float]], nuts: dict[str, list[float]]) -> list[list[str]]:
    """Each person's shrunken estimate against NUTS's posterior of their effect, in NUTS sds."""
    reference_sd = np.asarray(nuts["sd"])
    mean_gap = np.abs(np.asarray(mine["mean"]) - np.asarray(nuts["mean"])) / reference_sd
    sd_gap = np.abs(np.asarray(mine["sd"]) - reference_sd) / reference_sd
    return [
        ["|mean difference| / NUTS sd", f"{np.median(mean_gap):.3f}", f"{np.max(mean_gap):.3f}"],
        ["|sd difference| / NUTS sd", f"{np.median(sd_gap):.3f}", f"{np.max(sd_gap):.3f}"],
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--nuts", action="store_true", help="also the NUTS fit (NumPyro, the reference extra)")
    parser.add_argument("--chains", type=int, default=4, help="NUTS chains (run one after the other)")
    parser.add_argument("--draws", type=int, default=2000, help="NUTS draws per chain after 1,000 warm-up steps")
    parser.add_argument("--no-quadrature", action="store_true", help="skip the quadrature")
    parser.add_argument("--mcmc", action="store_true", help="also the joint emcee sample (hours)")
    args = parser.parse_args(argv)
    cohort = reference.Cohort(
        f"{args.people}_people", f"{args.people} people, true mu -1, tau 0.5", args.people, -1.0, 0.5, 504, 0.05, False
    )
    data = reference.draw(cohort)
    ours(data)  # warm-up: imports, caches
    times: list[float] = []
    mine: dict[str, float] = {}
    my_people: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        spent, (mine, my_people) = cpu(lambda: ours(data))
        times.append(spent)
    our_cpu = statistics.median(times)
    rows_time = [["in process (pool_cohort)", f"{our_cpu * 1000:,.1f}", "1x"]]
    references: dict[str, dict[str, float]] = {}
    if not args.no_quadrature:
        quad_cpu, references["quadrature"] = cpu(lambda: reference.quadrature(data))
        rows_time.append(
            ["quadrature (full model, no normal summary)", f"{quad_cpu * 1000:,.0f}", f"{quad_cpu / our_cpu:,.0f}x"]
        )
    nuts: dict[str, Any] | None = None
    if args.nuts:
        import reference_pool_nuts

        nuts_cpu, nuts = cpu(lambda: reference_pool_nuts.fit(data, chains=args.chains, draws=args.draws, seed=504))
        references["NUTS"] = nuts["summary"]
        rows_time.append(
            [
                f"NUTS (NumPyro, {args.chains} x {args.draws} draws)",
                f"{nuts_cpu * 1000:,.0f}",
                f"{nuts_cpu / our_cpu:,.0f}x",
            ]
        )
    if args.mcmc:
        dimension = 4 * args.people + 2
        mcmc_cpu, fitted = cpu(
            lambda: reference.fit(data, walkers=2 * dimension, steps=15_000, burn=5_000, thin=10, seed=504)
        )
        references["emcee"] = fitted["summary"]
        rows_time.append(["emcee (joint sample)", f"{mcmc_cpu * 1000:,.0f}", f"{mcmc_cpu / our_cpu:,.0f}x"])
    gaps = {name: differences(mine, values) for name, values in references.items()}
    rows = []
    for key, value in mine.items():
        row = [key, f"{value:.4g}"]
        for name, values in references.items():
            row += [f"{values[key]:.4g}", gaps[name][key]]
        rows.append(row)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        table(
            f"CPU time per pool, {args.people} people x 90 days",
            ["fit", "CPU ms", "vs in process"],
            rows_time,
            note=f"In process: median of {args.repeats} runs after a warm-up; references: one run each"
            + (" (NUTS including JAX's compilation)" if args.nuts else "")
            + f". Load average when done: {load} on {os.cpu_count()} CPUs.",
        )
    )
    print()
    print(
        table(
            "Agreement with the full model",
            ["quantity", "in process", *[f"{name}{suffix}" for name in references for suffix in ("", " diff")]],
            rows,
            note="Differences of the in-process value from each reference, in that reference's posterior sds (mu; "
            "tau: its 95% interval's width / 3.92; the new person's effect), or in probability for P(...). "
            "tests/test_pool_reference.py allows 0.1 sd (mu), 0.2 sd (tau, new person) and 0.02 in probability "
            "against the quadrature on its three fixed cohorts.",
        )
    )
    if nuts is not None:
        d = nuts["diagnostics"]
        print()
        print(
            table(
                f"Each person's own estimate against NUTS ({args.people} people)",
                ["quantity", "median", "largest"],
                person_rows(my_people, nuts["people"]),
                note=f"NUTS: R-hat at most {max(d['r_hat_max'].values()):.3f}, effective draws at least "
                f"{min(d['effective_draws_min'].values()):.0f}, {d['divergent_transitions']} divergent transitions; "
                f"MCSE of mu's mean {nuts['mcse']['mu_mean']:.4f}, of tau's {nuts['mcse']['tau_mean']:.4f}.",
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
