"""Pooling on a Dask LocalCluster against the in-process path: 10^6 synthetic people x 90 days.

What is measured, and against what (the project rule: ratios against a reference run in the same
process, never timed assertions in tests):

- the reference: the in-process path at the same size, in this process (`effects_in_process` over
  the same partitions, then `pool_person_effects`);
- the cluster path: a `LocalCluster` of `--workers` worker processes (one thread each), each
  partition drawn by its worker (`SyntheticPartition` ships only a seed) and summarised there, the
  summaries gathered and the between-person step run here. Cluster start-up and a warm-up round
  (imports on the workers) are timed apart and not billed to the pool;
- throughput: people per second per worker of the per-person step (drawing included on both
  sides: the workers draw their own people), and the whole pool's wall time, as ratios to the
  in-process path;
- agreement: the largest relative difference between the two pooled results' numbers;
- memory: the client's peak traced allocation (tracemalloc, in separate runs so tracing does not
  slow the timed ones) for both paths, and each worker process's peak RSS.

Drawing is part of every partition on both sides, so "people/s" here is lower than bench_pool.py's
per-person step alone.

The workers run with the settings docs/pooling.md recommends for a deployment (`WORKER_CONFIG`: no
statistical profiler, glibc's own malloc trimming); `--dask-defaults` keeps Dask's defaults instead,
under which a partition cost about three times the CPU on this machine (measured: 0.9 s against
0.3 s for 4,096 people), because a fixed trim threshold turns every large NumPy temporary into a
fresh mmap and page faults. On a machine whose cores are busy with other work the cluster cannot show
its speed-up; the load average is printed with the tables.

Run: ``.venv/bin/python benchmarks/bench_pool_cluster.py [--people N] [--workers W] [--partition P]
[--memory-people N] [--dask-defaults]`` (needs the `cluster` extra).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from benchlib import ms, ratio, table
from suppwise.pooling import PersonEffects, PoolResult
from suppwise.pooling.cluster import effects_on_cluster
from suppwise.pooling.partitions import Partition, effects_in_process
from suppwise.pooling.pool import pool_person_effects
from suppwise.pooling.synthetic import TRIAL_DAYS, synthetic_partitions

PAIN: dict[str, Any] = {"delta": 2.0, "higher_is_worse": True, "score_range": (0.0, 10.0)}
PersonStep = Callable[[list[Partition]], PersonEffects]
WORKER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: not set for the workers
}


@dataclass(frozen=True)
class Run:
    person_step: float
    person_cpu: float
    pool_step: float
    result: PoolResult

    @property
    def total(self) -> float:
        return self.person_step + self.pool_step


def pooled(step: PersonStep, partitions: list[Partition], cpu: Callable[[], float] = time.process_time) -> Run:
    """Both steps timed apart; `cpu()` reads the CPU seconds used so far by whatever runs the
    per-person step (this process, or the worker processes)."""
    cpu_before = cpu()
    start = time.perf_counter()
    effects = step(partitions)
    middle = time.perf_counter()
    person_cpu = cpu() - cpu_before
    result = pool_person_effects(effects, outcome="pain", **PAIN)
    return Run(middle - start, person_cpu, time.perf_counter() - middle, result)


def peak_bytes(step: PersonStep, partitions: list[Partition]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        pooled(step, partitions)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def numbers(data: Any, path: str = "") -> Iterator[tuple[str, float]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from numbers(value, f"{path}.{key}")
    elif isinstance(data, float):
        yield path, data


def largest_difference(a: PoolResult, b: PoolResult) -> tuple[float, str]:
    """The largest relative difference between two pooled results' numbers, and where."""
    worst, where = 0.0, "-"
    for (path, x), (_, y) in zip(numbers(a.to_dict()), numbers(b.to_dict()), strict=True):
        scale = max(abs(x), abs(y))
        difference = abs(x - y) / scale if scale > 0 and math.isfinite(scale) else 0.0
        if difference > worst:
            worst, where = difference, path
    return worst, where


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition", type=int, default=4096, help="people per partition")
    parser.add_argument("--memory-people", type=int, default=None, help="people in the memory runs (default: --people)")
    parser.add_argument("--dask-defaults", action="store_true", help="workers with Dask's default settings")
    args = parser.parse_args(argv)
    import dask
    from distributed import Client, LocalCluster

    def draw(people: int) -> list[Partition]:
        return list(synthetic_partitions(people, per_partition=args.partition, mu=-1.0, tau=0.5, seed=1))

    partitions = draw(args.people)
    memory_people = args.memory_people or args.people
    memory_partitions = draw(memory_people)
    warm = draw(2 * args.workers * args.partition)

    def here(parts: list[Partition]) -> PersonEffects:
        return effects_in_process(parts, score_range=PAIN["score_range"])

    pooled(here, warm)  # warm-up: imports, caches
    local = pooled(here, partitions)

    start = time.perf_counter()
    with (
        dask.config.set({} if args.dask_defaults else WORKER_CONFIG),
        LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
    ):
        startup = time.perf_counter() - start
        address = cluster.scheduler_address

        def there(parts: list[Partition]) -> PersonEffects:
            return effects_on_cluster(address, parts, score_range=PAIN["score_range"])

        start = time.perf_counter()
        pooled(there, warm)
        warm_up = time.perf_counter() - start
        with Client(address, set_as_default=False) as client:

            def workers_cpu() -> float:
                return float(sum(client.run(time.process_time).values()))

            remote = pooled(there, partitions, workers_cpu)
            client_peak = peak_bytes(there, memory_partitions)
            worker_rss = sorted(client.run(_peak_rss_mb).values())
    local_peak = peak_bytes(here, memory_partitions)

    people, workers = args.people, args.workers
    local_rate = people / local.person_step
    remote_rate = people / remote.person_step / workers
    local_cpu_rate = people / local.person_cpu
    remote_cpu_rate = people / remote.person_cpu
    worst, where = largest_difference(remote.result, local.result)
    rows = [
        [
            "in process (reference)",
            ms(local.person_step),
            ms(local.pool_step),
            ms(local.total),
            f"{local_rate:,.0f}",
            "1.00x",
            f"{local_cpu_rate:,.0f}",
            "1.00x",
            "1.00x",
        ],
        [
            f"LocalCluster, {workers} workers{', Dask defaults' if args.dask_defaults else ''}",
            ms(remote.person_step),
            ms(remote.pool_step),
            ms(remote.total),
            f"{remote_rate:,.0f}",
            ratio(remote_rate / local_rate),
            f"{remote_cpu_rate:,.0f}",
            ratio(remote_cpu_rate / local_cpu_rate),
            ratio(remote.total / local.total),
        ],
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        table(
            f"Pooling {people:,} people x {TRIAL_DAYS} days, partitions of {args.partition:,} "
            f"({len(partitions):,} partitions)",
            [
                "path",
                "per-person step ms",
                "between-person ms",
                "total ms",
                "people/s/worker",
                "vs in process",
                "people/CPU-s",
                "vs in process",
                "total time vs in process",
            ],
            rows,
            note="Per-person step includes drawing the diaries; people/CPU-s counts the CPU time of the process(es) "
            "that ran it (the workers' whole processes), which a busy machine distorts far less than wall time. "
            f"Cluster start-up {ms(startup)} ms and "
            f"warm-up {ms(warm_up)} ms not included. Load average when done: {load} on {os.cpu_count()} CPUs "
            "(other work slows every row and hides any speed-up).",
        )
    )
    print()
    print(
        table(
            "Agreement and memory",
            ["what", "value", "vs in process"],
            [
                ["largest relative difference of the pooled numbers", f"{worst:.1e} ({where})", ""],
                [
                    "people used (in process / cluster)",
                    f"{local.result.people_used:,} / {remote.result.people_used:,}",
                    "",
                ],
                [f"client peak traced MB, in process ({memory_people:,} people)", f"{local_peak / 1e6:.1f}", "1.00x"],
                [
                    f"client peak traced MB, cluster ({memory_people:,} people)",
                    f"{client_peak / 1e6:.1f}",
                    ratio(client_peak / local_peak),
                ],
                ["worker peak RSS MB (each)", ", ".join(f"{x:.0f}" for x in worker_rss), ""],
            ],
            note="Traced memory: Python and NumPy allocations of this process (tracemalloc), separate runs.",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
