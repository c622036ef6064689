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
  summary, no Monte Carlo error), CPU time of one run; with `--mcmc`, also the joint emcee sample
  of all 202 parameters (the `reference` extra; hours on a 2-core machine, and docs/pooling.md
  explains why an ensemble sampler under-disperses at this size), CPU time of one run;
- the time ratio reference / ours, and the agreement table: each quantity both ways, the
  difference in posterior sds of the reference (mu, tau, the new person) or in probability.

Run: ``.venv/bin/python benchmarks/bench_pool_reference.py [--people 50] [--repeats 5] [--mcmc]``.
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


def ours(data: dict[str, Any]) -> dict[str, float]:
    rows = [
        (
            np.asarray(days, dtype=np.int64),
            np.asarray([np.nan if v is None else v for v in scores], dtype=np.float64),
            np.asarray([np.nan if v is None else v for v in exposure], dtype=np.float64),
        )
        for days, scores, exposure in zip(data["days"], data["scores"], data["exposure"], strict=True)
    ]
    pooled = pool_cohort(
        [batch_from_rows(rows)],
        outcome="pain",
        delta=data["delta"],
        higher_is_worse=data["higher_is_worse"],
        score_range=tuple(data["score_range"]),
    ).pooled
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
    }


def cpu(action: Any) -> tuple[float, Any]:
    start = time.process_time()
    result = action()
    return time.process_time() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--mcmc", action="store_true", help="also the joint emcee sample (hours)")
    args = parser.parse_args(argv)
    cohort = reference.Cohort(
        f"{args.people}_people", f"{args.people} people, true mu -1, tau 0.5", args.people, -1.0, 0.5, 504, 0.05, False
    )
    data = reference.draw(cohort)
    ours(data)  # warm-up: imports, caches
    times, mine = [], {}
    for _ in range(args.repeats):
        spent, mine = cpu(lambda: ours(data))
        times.append(spent)
    our_cpu = statistics.median(times)
    quad_cpu, exact = cpu(lambda: reference.quadrature(data))
    rows_time = [
        ["in process (pool_cohort)", f"{our_cpu * 1000:,.1f}", "1x"],
        ["quadrature (full model, no normal summary)", f"{quad_cpu * 1000:,.0f}", f"{quad_cpu / our_cpu:,.0f}x"],
    ]
    sampled: dict[str, float] | None = None
    if args.mcmc:
        dimension = 4 * args.people + 2
        mcmc_cpu, fitted = cpu(
            lambda: reference.fit(data, walkers=2 * dimension, steps=15_000, burn=5_000, thin=10, seed=504)
        )
        sampled = fitted["summary"]
        rows_time.append(["emcee (joint sample)", f"{mcmc_cpu * 1000:,.0f}", f"{mcmc_cpu / our_cpu:,.0f}x"])
    scale = {
        "mu": exact["mu_sd"],
        "tau": (exact["tau_ci_high"] - exact["tau_ci_low"]) / 3.92,
        "new": exact["new_person_sd"],
    }
    rows = []
    for key, value in exact.items():
        kind = key.split("_")[0]
        probability = "_p_" in key
        difference = mine[key] - value
        row = [
            key,
            f"{mine[key]:.4g}",
            f"{value:.4g}",
            f"{difference:+.4f}" if probability else f"{difference / scale[kind]:+.3f} sd",
        ]
        if sampled is not None:
            row.append(f"{sampled.get(key, float('nan')):.4g}")
        rows.append(row)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        table(
            f"CPU time per pool, {args.people} people x 90 days",
            ["fit", "CPU ms", "vs in process"],
            rows_time,
            note=f"In process: median of {args.repeats} runs after a warm-up; references: one run each. "
            f"Load average when done: {load} on {os.cpu_count()} CPUs.",
        )
    )
    print()
    print(
        table(
            "Agreement with the full model",
            ["quantity", "in process", "quadrature", "difference", *(["emcee"] if sampled is not None else [])],
            rows,
            note="Differences in posterior sds of the quadrature (mu; tau: its 95% interval's width / 3.92; the new "
            "person's effect), or in probability for P(...). tests/test_pool_reference.py allows 0.1 sd (mu), "
            "0.2 sd (tau, new person) and 0.02 in probability on its three fixed cohorts.",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
