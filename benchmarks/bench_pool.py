"""Speed and memory of pooling personal trials: 10^5 synthetic people x 90 days.

What is measured, and against what (the project rule: ratios against reference runs in the same
process, never timed assertions in tests):

- the reference: the single-trial analysis of one 90-day diary (`analyse_outcome`), the work a
  person waits for when opening their report; and the interpreter reference loop (benchlib);
- the pool of N people: the per-person AR(1) step (batches of `BATCH` people, drawn one batch at
  a time so no more than a batch of diaries is ever in memory) and the random-effects step, timed
  apart; drawing the synthetic diaries is timed on its own and not billed to pooling;
- peak memory (tracemalloc, a separate run so tracing does not slow the timed one) for several
  N: flat beyond a batch except for the per-person inputs and outputs of the random-effects step
  (a few dozen bytes per person).

Run: ``.venv/bin/python benchmarks/bench_pool.py [--quick] [--people N]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from benchlib import measure_reference, median, ms, ratio, table, time_call
from suppwise.pooling import CohortBatch, PersonEffects, person_effects, pool_estimates
from suppwise.pooling._threads import single_blas_thread
from suppwise.pooling.synthetic import TRIAL_DAYS, synthetic_cohort
from suppwise.stats.analysis import analyse_outcome

BATCH = 4096
TARGET_SECONDS = 10.0
PAIN = {"delta": 2.0, "higher_is_worse": True, "score_range": (0.0, 10.0)}


@dataclass(frozen=True)
class Run:
    people: int
    draw: float
    person_step: float
    pool_step: float
    used: int


def batches(people: int, seed: int) -> Iterator[CohortBatch]:
    rng = np.random.default_rng(seed)
    for start in range(0, people, BATCH):
        yield synthetic_cohort(min(BATCH, people - start), mu=-1.0, tau=0.5, seed=rng).batch


def pooled_run(people: int, seed: int = 1) -> Run:
    """The two steps of `pool_cohort`, timed apart, under the same one-BLAS-thread limit."""
    with single_blas_thread():
        return _pooled_run(people, seed)


def _pooled_run(people: int, seed: int) -> Run:
    draw = person_step = 0.0
    parts: list[PersonEffects] = []
    source = batches(people, seed)
    while True:
        start = time.perf_counter()
        batch = next(source, None)
        draw += time.perf_counter() - start
        if batch is None:
            break
        start = time.perf_counter()
        parts.append(person_effects(batch, score_range=PAIN["score_range"]))
        person_step += time.perf_counter() - start
        del batch
    start = time.perf_counter()
    effects = PersonEffects.concatenate(parts)
    used = effects.used
    pool_estimates(effects.estimate[used], effects.standard_error[used], **PAIN)  # type: ignore[arg-type]
    pool_step = time.perf_counter() - start
    return Run(people, draw, person_step, pool_step, int(np.count_nonzero(used)))


def peak_bytes(people: int) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        pooled_run(people)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _per_extra(extra_bytes: int, extra_people: int) -> str:
    return f"{extra_bytes / extra_people:.0f}" if extra_people else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and smaller memory runs")
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args(argv)
    repeats = 5 if args.quick else 20

    noop = measure_reference(repeats)
    one = synthetic_cohort(1, mu=-1.0, tau=0.5, seed=3).batch
    single = median(
        [
            time_call(
                lambda: analyse_outcome(
                    one.day[0], one.score[0], one.exposure[0], delta=2.0, higher_is_worse=True, score_range=(-10, 20)
                )
            )
            for _ in range(repeats)
        ]
    )
    pooled_run(2 * BATCH)  # warm-up: imports, caches
    run = pooled_run(args.people)
    total = run.person_step + run.pool_step
    rows = [
        ["reference: one diary, single-trial analysis", ms(single), "1.00x", ""],
        ["reference: interpreter loop (benchlib)", ms(noop.seconds), ratio(noop.seconds / single), ""],
        [f"draw {run.people:,} synthetic diaries x {TRIAL_DAYS} days", ms(run.draw), ratio(run.draw / single), ""],
        [f"per-person AR(1) step, {run.people:,} people", ms(run.person_step), ratio(run.person_step / single), ""],
        [f"random-effects step, {run.used:,} people", ms(run.pool_step), ratio(run.pool_step / single), ""],
        [
            f"pooled total ({run.people:,} people)",
            ms(total),
            ratio(total / single),
            "ok" if total < TARGET_SECONDS else f"MISS ({total / TARGET_SECONDS:.1f}x over)",
        ],
        [
            "per person, pooled vs one diary analysed alone",
            ms(total / run.people, 4),
            ratio(total / run.people / single),
            "",
        ],
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        table(
            f"Pooling {run.people:,} people x {TRIAL_DAYS} days (batches of {BATCH:,})",
            ["what", "ms", "vs one diary", f"target < {TARGET_SECONDS:.0f} s"],
            rows,
            note=f"Load average when done: {load} on {os.cpu_count()} CPUs (other work slows every row).",
        ),
        flush=True,
    )

    sizes = [BATCH, 4 * BATCH, 16 * BATCH] if args.quick else [BATCH, 4 * BATCH, 16 * BATCH, args.people]
    peaks = [(n, peak_bytes(n)) for n in sorted(set(sizes))]
    base = peaks[0][1]
    memory_rows = [
        [f"{n:,}", f"{peak / 1e6:.1f}", ratio(peak / base), _per_extra(peak - base, n - peaks[0][0])]
        for n, peak in peaks
    ]
    print()
    print(
        table(
            "Peak traced memory (tracemalloc) by number of people",
            ["people", "peak MB", f"vs {peaks[0][0]:,} people", "extra bytes per extra person"],
            memory_rows,
            note="Flat beyond a batch but for the per-person summaries the random-effects step keeps.",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
