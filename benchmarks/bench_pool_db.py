"""Memory of a pool read from PostgreSQL in partitions: the client's and the workers' peaks, by size.

What is measured, and against what (the project rule: ratios against a reference in the same
process, never timed assertions in tests):

- A PostgreSQL schema of its own (`suppwise_bench_pool_<pid>_<hex>`, on the search path of the URL
  the pool is given; dropped at the end, also after an error) holds synthetic consenting people:
  an account each, one 80-day trial of glutamine for depression (baseline, titration, ABAB blocks
  with washout), a pain diary on every day with a note, drawn with a known truth (effect_i ~
  N(-1, 0.5^2), AR(1) noise), and open consent to pooling. The first person is stored through the
  services (plan, screen, diary, consent); the others are copies of their rows with new ids and
  their own scores, written in bulk, so writing a few thousand people takes seconds.
- For each size (people, ascending; the schema grows between sizes) the same pool,
  `consent_service.pool_from_database(..., people_per_partition=--partition)`, runs two ways:
  (1) in this process, which reads every partition itself, one after the other; (2) on a fresh
  `LocalCluster` of `--workers` worker processes (one thread each), which read their partitions
  from the database themselves while this process, the client, only counts people and pages
  through owner ids.
- Memory: the client's peak traced allocation (tracemalloc: Python objects and NumPy arrays,
  including the entry records a partition is read as) for both ways; each worker's peak traced
  allocation over the pool (tracemalloc started on the worker just before it) and its peak RSS
  (a fresh cluster per size, so the RSS peak is that size's). The reference for the ratios is the
  smallest size, one partition: "flat beyond a partition" means the ratios stay near 1.00x while
  the people grow by 16x.
- Agreement: the largest relative difference between the two ways' pooled numbers.
- `--rss-only`: no cluster and no tracemalloc (which makes a pool of thousands of people several
  times slower): for each size the in-process pool runs in a fresh child process, started after
  the people are written, and reports that process's peak RSS (the kernel's high-water mark: every
  import, connection, partition and array) and the pool's CPU time. The reference is the smallest
  size; flat means the ratios stay near 1.00x as the people grow.

Run: ``.venv/bin/python benchmarks/bench_pool_db.py [--pg-url URL] [--sizes 128,512,2048]
[--partition 128] [--workers 2] [--rss-only]`` (needs the `cluster` extra, except with
`--rss-only`, and a PostgreSQL server; the URL's database must allow CREATE SCHEMA). Keep the
sizes small on a shared machine.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import resource
import secrets
import signal
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from benchlib import ratio, table
from suppwise.evidence import EvidenceBase
from suppwise.pooling.cluster import code_version
from suppwise.safety.profile import Profile
from suppwise.services import answers
from suppwise.services import consent as consent_service
from suppwise.services import trials as trial_service
from suppwise.storage import Database, open_database, save_entries
from suppwise.storage.accounts import create_user
from suppwise.storage.tables import metadata
from suppwise.trials.plan import Phase, schedule

DEFAULT_URL = os.environ.get("SUPPWISE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
START = date(2026, 6, 1)
NOW = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
NOTE = "a private note that no pool may read"
ACKNOWLEDGED = "I have read the cautions and agreed this plan with my clinician"
PLAN: dict[str, Any] = {
    "substance": "glutamine",
    "condition": "depression",
    "outcomes": ("pain",),
    "start_date": START,
    "baseline_days": 14,
    "titration": {"start": "5 g", "step": "5 g", "target": "10 g", "days_per_step": 2},
    "design": "abab",
    "block_days": 14,
    "pairs": 2,
    "washout_days": 3,
    "seed": 11,
}
WORKER_CONFIG: dict[str, Any] = {  # the settings docs/pooling.md recommends for workers
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
POOL = ("glutamine", "depression", "pain")


@contextmanager
def own_schema(url: str) -> Iterator[str]:
    """A fresh schema, and the URL with it first on the search path; dropped afterwards."""
    schema = f"suppwise_bench_pool_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
        print(f"Dropped schema {schema}.")


class Cohort:
    """Consenting people written to the database: one through the services, the rest copied."""

    def __init__(self, db: Database, base: EvidenceBase, seed: int = 1) -> None:
        self.db = db
        self.rng = np.random.default_rng(seed)
        plan = trial_service.make_plan(PLAN)
        days = list(schedule(plan))
        self.today = days[-1].day + timedelta(days=1)
        self.on = np.array([d.phase is Phase.ON for d in days])
        user = create_user(db, email="template@example.org", password_hash="x", now=NOW - timedelta(days=200))
        stored = trial_service.store_plan(
            db, base, plan, Profile(), acknowledgement=ACKNOWLEDGED, today=START, owner=user.id
        )
        trial_id = stored.trial.id
        save_entries(
            db,
            trial_id=trial_id,
            rows=[(d.day, {"pain": p, "note": NOTE}) for d, p in zip(days, self._scores(), strict=True)],
            source="csv",
            owner=user.id,
        )
        consent_service.give_consent(db, base, trial_id, now=NOW, owner=user.id)
        tables = metadata.tables
        self.users, self.trials = tables["users"], tables["trials"]
        self.entries, self.consents = tables["entries"], tables["pool_consents"]
        with db.engine.connect() as connection:
            found = connection.execute(select(self.users).where(self.users.c.id == user.id)).one()
            self.user_row = dict(found._mapping)
            self.trial_row = dict(
                connection.execute(select(self.trials).where(self.trials.c.id == trial_id)).one()._mapping
            )
            self.entry_rows = [
                {k: v for k, v in row._mapping.items() if k != "id"}
                for row in connection.execute(
                    select(self.entries).where(self.entries.c.trial_id == trial_id).order_by(self.entries.c.day)
                )
            ]
            self.consent_row = {
                k: v
                for k, v in connection.execute(select(self.consents).where(self.consents.c.trial_id == trial_id))
                .one()
                ._mapping.items()
                if k != "id"
            }
        self.people = 1

    def _scores(self) -> list[int]:
        """One person's whole-number pain diary: level, their own effect on supplement days, AR(1) noise."""
        rng = self.rng
        effect = rng.normal(-1.0, 0.5)
        rho = rng.uniform(0.2, 0.7)
        noise = np.empty(self.on.size)
        noise[0] = rng.normal(0.0, 1.0 / math.sqrt(1 - rho**2))
        for t in range(1, noise.size):
            noise[t] = rho * noise[t - 1] + rng.normal()
        scores = rng.uniform(4.0, 6.0) + effect * self.on + noise
        return [int(x) for x in np.clip(np.rint(scores), 0, 10)]

    def grow(self, people: int, batch: int = 256) -> None:
        """Add people until there are `people`, `batch` people per transaction."""
        while self.people < people:
            users, trials, entries, consents = [], [], [], []
            for _ in range(min(batch, people - self.people)):
                user_id, trial_id = uuid.uuid4().hex, uuid.uuid4().hex
                users.append({**self.user_row, "id": user_id, "email": f"{user_id}@example.org"})
                trials.append({**self.trial_row, "id": trial_id, "owner_id": user_id})
                scores = self._scores()
                entries.extend(
                    {**row, "trial_id": trial_id, "pain": score}
                    for row, score in zip(self.entry_rows, scores, strict=True)
                )
                consents.append({**self.consent_row, "trial_id": trial_id})
                self.people += 1
            with self.db.engine.begin() as connection:
                for table_, rows in ((self.users, users), (self.trials, trials), (self.entries, entries)):
                    connection.execute(table_.insert(), rows)
                connection.execute(self.consents.insert(), consents)


def traced_peak(action: Callable[[], Any]) -> tuple[int, Any, float]:
    """This process's peak traced allocation while `action` runs, its result and its wall time."""
    gc.collect()
    tracemalloc.start()
    try:
        start = time.perf_counter()
        result = action()
        return tracemalloc.get_traced_memory()[1], result, time.perf_counter() - start
    finally:
        tracemalloc.stop()


def _start_tracing() -> None:
    gc.collect()
    tracemalloc.start()


def _stop_tracing() -> int:
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def numbers(data: Any, path: str = "") -> Iterator[tuple[str, float]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from numbers(value, f"{path}.{key}")
    elif isinstance(data, float):
        yield path, data


def largest_difference(a: dict[str, Any], b: dict[str, Any]) -> float:
    worst = 0.0
    for (_, x), (_, y) in zip(numbers(a), numbers(b), strict=True):
        scale = max(abs(x), abs(y))
        if scale > 0 and math.isfinite(scale):
            worst = max(worst, abs(x - y) / scale)
    return worst


def pool_in_child(url: str, today: date, partition: int) -> dict[str, float]:
    """In a fresh process: the pool in process, its CPU time, and the process's peak RSS."""
    base = answers.evidence_base()
    with open_database(url, migrate=False) as db:
        rss_before = _peak_rss_mb()
        start = time.process_time()
        pooled = consent_service.pool_from_database(db, base, *POOL, today=today, people_per_partition=partition)
        cpu = time.process_time() - start
    return {"people": pooled["people_used"], "cpu": cpu, "rss_before": rss_before, "rss": _peak_rss_mb()}


def rss_only(args: argparse.Namespace, sizes: list[int]) -> int:
    """Peak RSS of the in-process pool by size, each in a fresh process (`--rss-only`)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    base = answers.evidence_base()
    rows: list[list[str]] = []
    reference = 0.0
    with own_schema(args.pg_url) as url, open_database(url) as db:
        cohort = Cohort(db, base)
        for people in sizes:
            start = time.perf_counter()
            cohort.grow(people)
            written = time.perf_counter() - start
            print(f"{people:,} people written in {written:.1f} s", file=sys.stderr, flush=True)
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
                found = child.submit(pool_in_child, url, cohort.today, args.partition).result()
            assert found["people"] == people, (found["people"], people)
            reference = reference or found["rss"]
            rows.append(
                [
                    f"{people:,}",
                    f"{math.ceil(people / args.partition)}",
                    f"{found['rss_before']:.0f}",
                    f"{found['rss']:.0f} ({ratio(found['rss'] / reference)})",
                    f"{found['cpu']:.1f}",
                    f"{1000 * found['cpu'] / people:.2f}",
                ]
            )
            print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        table(
            f"A pool read from PostgreSQL in process, partitions of {args.partition:,} people "
            f"({len(cohort.on)} diary days each), each size in a fresh process",
            ["people", "partitions", "RSS MB before the pool", "peak RSS MB", "pool CPU s", "CPU ms/person"],
            rows,
            note="RSS before: the child after imports and opening the database; peak: its high-water mark after the "
            f"pool. Ratios (in brackets) are to the smallest size. Load average when done: {load} on "
            f"{os.cpu_count()} CPUs.",
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pg-url", default=DEFAULT_URL)
    parser.add_argument("--sizes", default="128,512,2048", help="people, comma-separated, ascending")
    parser.add_argument("--partition", type=int, default=128, help="people per partition")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rss-only", action="store_true", help="in process only, peak RSS per size, no tracing")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a stopped run still drops its schema
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if args.rss_only:
        return rss_only(args, sizes)
    import dask
    from distributed import Client, LocalCluster

    base = answers.evidence_base()
    rows: list[list[str]] = []
    reference: dict[str, float] = {}
    with own_schema(args.pg_url) as url, open_database(url) as db:
        cohort = Cohort(db, base)
        for people in sizes:
            start = time.perf_counter()
            cohort.grow(people)
            written = time.perf_counter() - start

            def here() -> dict[str, Any]:
                return consent_service.pool_from_database(
                    db, base, *POOL, today=cohort.today, people_per_partition=args.partition
                )

            print(f"{people:,} people written in {written:.1f} s", file=sys.stderr)
            start = time.perf_counter()
            here()  # warm-up: imports, caches, connections; timed untraced
            untraced = time.perf_counter() - start
            local_peak, local, local_time = traced_peak(here)
            print(f"  in process: {untraced:.1f} s untraced, {local_time:.1f} s traced", file=sys.stderr)
            with (
                dask.config.set(WORKER_CONFIG),
                LocalCluster(
                    n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
                ) as cluster,
                Client(cluster.scheduler_address, set_as_default=False) as client,
            ):
                address = cluster.scheduler_address

                def there(address: str = address) -> dict[str, Any]:
                    return consent_service.pool_from_database(
                        db, base, *POOL, today=cohort.today, people_per_partition=args.partition, scheduler=address
                    )

                client.run(code_version)  # warm-up: the workers import suppwise and digest its source
                rss_before = sorted(client.run(_peak_rss_mb).values())
                client.run(_start_tracing)
                client_peak, remote, remote_time = traced_peak(there)
                worker_traced = sorted(client.run(_stop_tracing).values())
                worker_rss = sorted(client.run(_peak_rss_mb).values())
            assert local["people_used"] == remote["people_used"] == people, (local["people_used"], people)
            figures = {
                "local": local_peak,
                "client": client_peak,
                "worker": max(worker_traced),
                "rss": max(worker_rss),
            }
            if not reference:
                reference = dict(figures)
            rows.append(
                [
                    f"{people:,}",
                    f"{math.ceil(people / args.partition)}",
                    f"{written:.1f}",
                    f"{local_peak / 1e6:.1f} ({ratio(local_peak / reference['local'])})",
                    f"{client_peak / 1e6:.1f} ({ratio(client_peak / reference['client'])})",
                    ", ".join(f"{x / 1e6:.1f}" for x in worker_traced)
                    + f" ({ratio(max(worker_traced) / reference['worker'])})",
                    ", ".join(f"{x:.0f}" for x in rss_before),
                    ", ".join(f"{x:.0f}" for x in worker_rss) + f" ({ratio(max(worker_rss) / reference['rss'])})",
                    f"{untraced:.1f} / {local_time:.1f} / {remote_time:.1f}",
                    f"{largest_difference(remote, local):.1e}",
                ]
            )
            print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        table(
            f"A pool read from PostgreSQL in partitions of {args.partition:,} people "
            f"({len(cohort.on)} diary days each), {args.workers} workers",
            [
                "people",
                "partitions",
                "written s",
                "in process: peak traced MB",
                "cluster client: peak traced MB",
                "each worker: peak traced MB",
                "each worker: RSS MB before",
                "each worker: peak RSS MB",
                "pool s (in process untraced / traced / cluster traced)",
                "largest rel. difference",
            ],
            rows,
            note="Ratios (in brackets) are to the smallest size, one partition. Traced: Python objects and NumPy "
            "arrays (tracemalloc), including the entry records a partition is read as; RSS before: the worker after "
            "start-up and imports, before the pool. "
            f"Load average when done: {load} on {os.cpu_count()} CPUs.",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
