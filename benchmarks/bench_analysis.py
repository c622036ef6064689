"""Speed of the personal-trial analysis: one trial, an MCMC fit of the same model, and 10,000 trials.

Why these three: a person opening their report waits for one trial (5 outcomes; target < 5 ms in
process); the design claims the exact grid method is thousands of times faster than MCMC at the
same answer, so both run here on the same data and their answers are compared; pooling a cohort
analyses thousands of trials one after another (target: 10,000 in < 30 s, memory flat).

Figures are also given as ratios against the in-process reference loop (benchlib), the project
rule for comparing machines. The MCMC comparison needs emcee (`pip install -e '.[reference]'`);
without it the row says so.

Run: ``.venv/bin/python benchmarks/bench_analysis.py [--quick] [--trials N]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import resource
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from benchlib import Reference, against, measure_reference, median, ms, percentile, ratio, table, time_call
from suppwise.stats.analysis import OutcomeAnalysis, analyse_trial
from suppwise.trials.outcomes import OUTCOME_SCALES

ROOT = Path(__file__).resolve().parents[1]
ONE_TRIAL_TARGET = 0.005
MANY_TRIALS_TARGET = 30.0
DAYS = 90
# The five daily outcomes of a fibromyalgia trial (the PHQ-9 asks about two weeks, so not daily).
OUTCOMES = ("pain_nrs", "phq2", "fatigue_nrs", "sleep_quality_nrs", "gi_symptoms_nrs")
SCALES = {key: OUTCOME_SCALES[key] for key in OUTCOMES}
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Trial:
    days: npt.NDArray[np.int64]
    exposure: FloatArray
    outcomes: dict[str, FloatArray]


def make_trial(rng: np.random.Generator, pain_effect: float | None = None) -> Trial:
    """90 days of 14-day ABAB blocks (random start), 3 washout days after each switch, about 10%
    of days not filled in (all outcomes of a day together), AR(1) noise (rho 0.3-0.7), whole-number
    scores clipped to each scale, a random effect per outcome (or `pain_effect` points on pain)."""
    days = np.arange(DAYS, dtype=np.int64)
    on = ((days // 14 + rng.integers(2)) % 2).astype(float)
    exposure = on.copy()
    for start in np.flatnonzero(np.diff(on) != 0) + 1:
        exposure[start : start + 3] = math.nan
    skipped = rng.random(DAYS) < 0.1
    outcomes = {}
    for key, scale in SCALES.items():
        width = scale.high - scale.low
        rho = rng.uniform(0.3, 0.7)
        noise = np.empty(DAYS)
        noise[0] = rng.normal(scale=0.1 * width / math.sqrt(1 - rho * rho))
        shocks = rng.normal(scale=0.1 * width, size=DAYS)
        for t in range(1, DAYS):
            noise[t] = rho * noise[t - 1] + shocks[t]
        effect = rng.uniform(-0.2, 0.2) * width
        if key == "pain_nrs" and pain_effect is not None:
            effect = pain_effect
        values = np.clip(np.round(scale.low + 0.45 * width + effect * on + noise), scale.low, scale.high)
        values[skipped] = math.nan
        outcomes[key] = values
    return Trial(days, exposure, outcomes)


def analyse(trial: Trial) -> dict[str, OutcomeAnalysis]:
    return analyse_trial(trial.days, trial.exposure, trial.outcomes, scales=SCALES)


@dataclass(frozen=True)
class OneTrial:
    samples: list[float]  # seconds per trial (5 outcomes)


def measure_one_trial(repeats: int) -> OneTrial:
    trial = make_trial(np.random.default_rng(1))
    for _ in range(20):  # warm caches and lazy imports
        analyse(trial)
    return OneTrial([time_call(lambda: analyse(trial)) for _ in range(repeats)])


@dataclass(frozen=True)
class McmcComparison:
    available: bool
    note: str
    exact_seconds: float = math.nan
    mcmc_seconds: float = math.nan
    rows: tuple[tuple[str, str, str, str], ...] = ()


def _reference_module() -> ModuleType | None:
    """tools/reference_fit.py (not a package), or None when emcee is missing."""
    if importlib.util.find_spec("emcee") is None:
        return None
    spec = importlib.util.spec_from_file_location("reference_fit", ROOT / "tools" / "reference_fit.py")
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules["reference_fit"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def measure_mcmc(steps: int) -> McmcComparison:
    """The pain outcome of one trial, exact vs emcee (32 walkers, `steps` kept steps each). The
    diary's true effect is δ itself, so P(effect >= δ) is far from 0 and 1 and the comparison
    says something."""
    reference = _reference_module()
    if reference is None:
        return McmcComparison(False, "emcee not installed (pip install -e '.[reference]'): MCMC comparison skipped")
    scale = SCALES["pain_nrs"]
    trial = make_trial(np.random.default_rng(1), pain_effect=scale.delta)
    values = trial.outcomes["pain_nrs"]
    dataset = reference.Dataset(
        "bench",
        "benchmark trial, pain",
        trial.days.tolist(),
        [None if math.isnan(v) else float(v) for v in values],
        [None if math.isnan(v) else float(v) for v in trial.exposure],
        scale.delta,
        scale.higher_is_worse,
        scale.score_range,
        False,
    )
    pain_only = {"pain_nrs": values}
    exact_runs = [
        time_call(lambda: analyse_trial(trial.days, trial.exposure, pain_only, scales=SCALES)) for _ in range(50)
    ]
    exact = analyse_trial(trial.days, trial.exposure, pain_only, scales=SCALES)["pain_nrs"]
    began = time.perf_counter()
    fitted: dict[str, Any] = reference.fit(dataset, walkers=32, steps=steps, burn=500, seed=7)
    mcmc_seconds = time.perf_counter() - began
    summary, mcse = fitted["summary"], fitted["mcse"]

    def row(label: str, ours: float | None, key: str, digits: int) -> tuple[str, str, str, str]:
        value = math.nan if ours is None else ours
        return (
            label,
            f"{value:.{digits}f}",
            f"{summary[key]:.{digits}f} ± {mcse[key]:.{digits}f}",
            f"{value - summary[key]:+.{digits}f}",
        )

    rows = (
        row("posterior mean of the effect (points)", exact.mean, "mean", 3),
        row("2.5% quantile", exact.ci_low, "ci_low", 3),
        row("97.5% quantile", exact.ci_high, "ci_high", 3),
        row("P(effect >= delta)", exact.p_worse, "p_above", 4),
        row("P(effect <= -delta)", exact.p_better, "p_below", 4),
        row("P(|effect| < delta)", exact.p_within, "p_within", 4),
        row("posterior mean of rho", exact.rho.mean if exact.rho else None, "rho_mean", 3),
    )
    return McmcComparison(
        True,
        f"emcee {reference_version()}, 32 walkers x {steps} steps after 500 burn-in, "
        f"~{fitted['diagnostics']['effective_draws']:.0f} effective draws; ± is 1 Monte Carlo standard error",
        median(exact_runs),
        mcmc_seconds,
        rows,
    )


def reference_version() -> str:
    import emcee

    return str(emcee.__version__)


@dataclass(frozen=True)
class ManyTrials:
    trials: int
    analysis_seconds: float
    total_seconds: float
    slowest: float
    rss_before_mb: float
    rss_after_mb: float
    traced_peak_kb: float
    traced_trials: int
    verdicts: dict[str, int]


def _rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def measure_many(trials: int, traced: int) -> ManyTrials:
    """`trials` trials one after another, each generated then analysed; only analysis is timed.
    A separate short run under tracemalloc gives the peak traced allocation (tracemalloc slows
    every allocation, so it is kept out of the timed run)."""
    rng = np.random.default_rng(2024)
    rss_before = _rss_mb()
    verdicts: dict[str, int] = {}
    spent, slowest = 0.0, 0.0
    began = time.perf_counter()
    for _ in range(trials):
        trial = make_trial(rng)
        start = time.perf_counter()
        results = analyse(trial)
        took = time.perf_counter() - start
        spent += took
        slowest = max(slowest, took)
        for result in results.values():
            verdicts[result.verdict.value] = verdicts.get(result.verdict.value, 0) + 1
    total = time.perf_counter() - began
    rss_after = _rss_mb()
    tracemalloc.start()
    for _ in range(traced):
        analyse(make_trial(rng))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return ManyTrials(trials, spent, total, slowest, rss_before, rss_after, peak / 1024.0, traced, verdicts)


def one_trial_table(one: OneTrial, ref: Reference) -> str:
    p50, p95 = median(one.samples), percentile(one.samples, 95)
    rows = [
        [
            "one trial, 5 outcomes (analyse_trial)",
            ms(p50),
            ms(p95),
            ms(max(one.samples)),
            ratio(ref.ratio(p50)),
            against(p50, ONE_TRIAL_TARGET),
        ],
        [
            "per outcome",
            ms(p50 / len(OUTCOMES)),
            ms(p95 / len(OUTCOMES)),
            "",
            ratio(ref.ratio(p50 / len(OUTCOMES))),
            "",
        ],
        ["ref: 100,000 empty calls", ms(ref.seconds), "", "", "1.00x", ""],
    ]
    return table(
        f"(a) One {DAYS}-day trial, {len(one.samples)} repeats (target < {ms(ONE_TRIAL_TARGET, 0)} ms)",
        ["measurement", "p50 ms", "p95 ms", "max ms", "x ref", "target"],
        rows,
    )


def mcmc_table(cmp: McmcComparison) -> str:
    if not cmp.available:
        return f"(a') Exact vs MCMC, same model and priors\n{cmp.note}"
    speed = [
        ["exact (grid + Student-t mixture), pain only", ms(cmp.exact_seconds), "1x"],
        ["MCMC (emcee, dense covariance)", ms(cmp.mcmc_seconds), ratio(cmp.mcmc_seconds / cmp.exact_seconds)],
    ]
    first = table("(a') Exact vs MCMC on the same pain diary: time", ["fit", "ms", "x exact"], speed)
    second = table(
        "(a') Exact vs MCMC: agreement",
        ["summary", "exact", "MCMC", "exact - MCMC"],
        [list(r) for r in cmp.rows],
        note=cmp.note,
    )
    return f"{first}\n\n{second}"


def many_table(many: ManyTrials, ref: Reference) -> str:
    per = many.analysis_seconds / many.trials
    rows = [
        [
            f"{many.trials:,} trials x 5 outcomes, analysis only",
            f"{many.analysis_seconds:.1f} s",
            against(many.analysis_seconds, MANY_TRIALS_TARGET * many.trials / 10_000),
        ],
        ["  per trial (mean) / slowest", f"{ms(per)} / {ms(many.slowest)} ms", f"{ratio(ref.ratio(per))} ref"],
        ["  including generating the data", f"{many.total_seconds:.1f} s", ""],
        [
            "peak RSS before / after (ru_maxrss)",
            f"{many.rss_before_mb:.0f} / {many.rss_after_mb:.0f} MB",
            "flat" if many.rss_after_mb - many.rss_before_mb < 20 else "GREW",
        ],
        [f"peak traced allocation, {many.traced_trials} trials (tracemalloc)", f"{many.traced_peak_kb:,.0f} kB", ""],
    ]
    verdicts = ", ".join(f"{k} {v}" for k, v in sorted(many.verdicts.items()))
    target = MANY_TRIALS_TARGET * many.trials / 10_000
    return table(
        f"(b) Many trials one after another (target < {target:.0f} s for {many.trials:,})",
        ["measurement", "value", "target"],
        rows,
        note=f"verdicts: {verdicts}",
    )


def run(quick: bool, trials: int | None = None) -> str:
    """Measure everything and return the tables (the caller prints)."""
    ref = measure_reference(10 if quick else 25)
    one = measure_one_trial(200 if quick else 1000)
    cmp = measure_mcmc(1500 if quick else 5000)
    many = measure_many(trials or (1_000 if quick else 10_000), traced=50 if quick else 200)
    parts: list[str] = [one_trial_table(one, ref), mcmc_table(cmp), many_table(many, ref)]
    return "\n\n".join(parts)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the personal-trial analysis against targets and MCMC.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 1,000 trials, a shorter MCMC run")
    parser.add_argument("--trials", type=int, default=None, help="trials in part (b) (default 10,000; quick 1,000)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print(run(args.quick, args.trials))
    return 0


if __name__ == "__main__":
    sys.exit(main())
