"""The web app under load, on loopback, with one uvicorn worker (`suppwise serve`).

Read throughput and latency come from wrk (Debian's package) with 16 connections for a few
seconds per URL, on a fresh SQLite file: a static file (the reference: the cheapest thing the
server does), a cached answer page, its JSON twin, and `/api/v1/ask`.

Diary writes run on each backend asked for (SQLite, PostgreSQL or both), each run on a fresh
server and a fresh database: a new SQLite file, or a PostgreSQL schema of its own, dropped
afterwards. 50 concurrent httpx clients, each with its own account and trial, post distinct diary
days (the first one untimed: it opens the connection); the table gives writes/s, the client-side
p50/p99 latency of one write, and afterwards the database must hold exactly one entry per posted
day (nothing lost, nothing duplicated). Runs are interleaved (SQLite, PostgreSQL, SQLite, ...) and
the figures are medians over the runs; the last row is PostgreSQL's rate over SQLite's.

PostgreSQL: `SUPPWISE_BENCH_POSTGRES_URL`, else `SUPPWISE_TEST_POSTGRES_URL`, else
`postgresql+psycopg://postgres@127.0.0.1:5432/test` (or `--pg-url`). The default `--backend auto`
measures both when that server answers and prints a skip line when it does not.

Run: ``.venv/bin/python benchmarks/bench_web.py [--quick] [--backend auto|sqlite|postgresql|both]
[--repeat N] [--writes-only]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx2 as httpx
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from benchlib import median, percentile, table

ROOT = Path(__file__).resolve().parents[1]
SEED = "/q/does-glutamine-increase-pain-in-fibromyalgia"
CLIENTS = 50
PASSWORD = "correct horse battery"
PG_URL = (
    os.environ.get("SUPPWISE_BENCH_POSTGRES_URL")
    or os.environ.get("SUPPWISE_TEST_POSTGRES_URL")
    or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ("auto", "sqlite", "postgresql", "both")
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class WriteRun:
    """One diary-write run: rate over the timed writes, client-side latency of each, and the count
    the API accepted against the count the database holds afterwards."""

    rate: float
    p50_ms: float
    p99_ms: float
    accepted: int
    stored: int
    duplicated: int


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wrk(url: str, seconds: int) -> tuple[float, float]:
    """Requests per second and p99 latency in ms."""
    out = subprocess.run(
        ["wrk", "-t1", "-c16", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rps, p99


@contextmanager
def _server(db_url: str) -> Iterator[str]:
    """`suppwise serve` on a free loopback port with a private cache folder; yields its base URL."""
    port = _port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        # Every benchmark client signs up from 127.0.0.1: lift the per-address sign-up limit.
        env = {**os.environ, "SUPPWISE_CACHE_DIR": folder, "SUPPWISE_SIGNUPS_PER_ADDRESS": "1000000"}
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/suppwise"), "serve", "--port", str(port), "--db", db_url],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(300):
                if server.poll() is not None:
                    raise RuntimeError(f"the server exited at start-up (status {server.returncode}); db {db_url}")
                try:
                    httpx.get(base + "/static/site.css", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=20)


def pg_unreachable(pg_url: str) -> str | None:
    """None when the PostgreSQL server answers, else why not (for the skip line)."""
    engine = create_engine(pg_url, poolclass=NullPool, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return None
    except (SQLAlchemyError, ImportError) as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    finally:
        engine.dispose()


@contextmanager
def _database(backend: str, pg_url: str) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file in a temporary folder, or a PostgreSQL schema of
    its own (on the search path), dropped with everything in it afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.db"
        return
    schema = f"suppwise_bench_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(pg_url, poolclass=NullPool)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        try:
            yield make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
        finally:
            with admin.begin() as connection:
                connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        admin.dispose()


async def _patiently(send: Callable[[], Awaitable[httpx.Response]]) -> httpx.Response:
    """Send again when the server says it is busy (503 with Retry-After), as a polite client does:
    fifty simultaneous sign-ups are more password hashes than the server queues at once."""
    for _ in range(100):
        response = await send()
        if response.status_code != 503 or "retry-after" not in response.headers:
            return response
        await asyncio.sleep(float(response.headers["retry-after"]))
    return response


async def _account(base: str, n: int) -> str:
    """Registers writer `n` through the sign-up page and returns an API token for it."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        email = f"bench{n}@example.org"
        page = await client.get("/register")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        form = {"email": email, "password": PASSWORD, "csrf_token": token}
        registered = await _patiently(lambda: client.post("/register", data=form))
        issued = await _patiently(lambda: client.post("/api/v1/tokens", json={"email": email, "password": PASSWORD}))
        if issued.status_code != 201:
            raise RuntimeError(f"setup failed: register {registered.status_code} {registered.text[-700:]}")
        return str(issued.json()["token"])


async def _trial(client: httpx.AsyncClient, days: int) -> str:
    start = (date.today() - timedelta(days=days + 1)).isoformat()
    body = {
        "substance": "glutamine",
        "condition": "depression",
        "outcomes": ["pain"],
        "start_date": start,
        "titration": {"start": "5 g", "step": "5 g", "target": "10 g"},
    }
    created = await client.post("/api/v1/trials", json=body)
    if created.status_code != 201:
        raise RuntimeError(f"setup failed: new trial {created.status_code} {created.text[-300:]}")
    return str(created.json()["trial"]["id"])


async def _post_days(base: str, api: str, days: int, ready: asyncio.Barrier, latencies: list[float]) -> tuple[str, int]:
    """Makes a new trial and posts its day 0 untimed (that also opens the connection), waits until
    every client has, then posts the other days, appending each write's latency in seconds.
    Returns the trial and how many timed writes were accepted."""
    first = date.today() - timedelta(days=days)
    async with httpx.AsyncClient(base_url=base, timeout=60, headers={"Authorization": f"Bearer {api}"}) as client:
        try:
            trial = await _trial(client, days)
            opened = await client.post(f"/api/v1/trials/{trial}/entries", json={"day": first.isoformat(), "pain": 0})
            if opened.status_code != 201:
                raise RuntimeError(f"first diary write failed: {opened.status_code} {opened.text[-300:]}")
        except BaseException:
            await ready.abort()  # the other clients stop waiting for this one
            raise
        await ready.wait()
        ok = 0
        for k in range(1, days):
            day = (first + timedelta(days=k)).isoformat()
            sent = time.perf_counter()
            response = await client.post(f"/api/v1/trials/{trial}/entries", json={"day": day, "pain": k % 11})
            latencies.append(time.perf_counter() - sent)
            ok += response.status_code == 201
        return trial, ok


async def _writes(base: str, tokens: list[str], days: int) -> WriteRun:
    """One timed round: every client writes `days` days into a new trial of its own."""
    ready = asyncio.Barrier(len(tokens) + 1)
    latencies: list[float] = []
    tasks = [asyncio.create_task(_post_days(base, api, days, ready, latencies)) for api in tokens]
    try:
        await ready.wait()
    except asyncio.BrokenBarrierError:
        await asyncio.gather(*tasks)  # raises the client's error
        raise
    start = time.perf_counter()
    done = await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    accepted = sum(ok for _, ok in done)
    stored = duplicated = 0
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for api, (trial, _) in zip(tokens, done, strict=True):
            entries = (
                await client.get(f"/api/v1/trials/{trial}/entries", headers={"Authorization": f"Bearer {api}"})
            ).json()
            stored += len(entries)
            duplicated += len(entries) - len({e["day"] for e in entries}) + sum(e["version"] != 1 for e in entries)
    return WriteRun(
        rate=accepted / elapsed,
        p50_ms=percentile(latencies, 50) * 1e3,
        p99_ms=percentile(latencies, 99) * 1e3,
        accepted=accepted + len(tokens),
        stored=stored,
        duplicated=duplicated,
    )


async def _accounts(base: str) -> list[str]:
    return list(await asyncio.gather(*(_account(base, n) for n in range(CLIENTS))))


def write_runs(backends: list[str], days: int, repeats: int, pg_url: str = PG_URL) -> dict[str, list[WriteRun]]:
    """`repeats` timed rounds per backend, interleaved (so a busy moment hits every backend), each
    backend on a server and database of its own; the accounts are made once per backend (sign-up
    hashes passwords, which takes longer than the rounds), each round writes into new trials."""
    runs: dict[str, list[WriteRun]] = {b: [] for b in backends}
    with ExitStack() as stack:
        bases = {b: stack.enter_context(_server(stack.enter_context(_database(b, pg_url)))) for b in backends}
        tokens = {b: asyncio.run(_accounts(bases[b])) for b in backends}
        for _ in range(repeats):
            for b in backends:
                runs[b].append(asyncio.run(_writes(bases[b], tokens[b], days)))
    return runs


def _reads(seconds: int) -> str:
    with _database("sqlite", PG_URL) as db_url, _server(db_url) as base:
        httpx.get(base + SEED)
        reference = _wrk(base + "/static/site.css", seconds)
        rows = [["static file (reference)", f"{reference[0]:,.0f}", f"{reference[1]:.1f}", "1.00"]]
        for label, path in [
            ("answer page, cached", SEED),
            ("answer JSON twin, cached", SEED + ".json"),
            ("/api/v1/ask", "/api/v1/ask?q=Does+glutamine+increase+pain+in+fibromyalgia%3F"),
        ]:
            rps, p99 = _wrk(base + path, seconds)
            rows.append([label, f"{rps:,.0f}", f"{p99:.1f}", f"{rps / reference[0]:.2f}"])
    return table(
        "Web reads: one uvicorn worker, wrk 16 connections, loopback",
        ["request", "req/s", "p99 ms", "x reference"],
        rows,
        note="targets: cached answer pages >= 1,000 req/s and p99 < 50 ms",
    )


def _backends(choice: str, pg_url: str) -> tuple[list[str], str]:
    """The backends to measure and a skip line ('' when nothing is skipped)."""
    if choice == "sqlite":
        return ["sqlite"], ""
    reason = pg_unreachable(pg_url)
    if reason is None:
        return (["postgresql"] if choice == "postgresql" else ["sqlite", "postgresql"]), ""
    shown = make_url(pg_url).render_as_string(hide_password=True)
    skip = f"PostgreSQL diary writes skipped: {shown} is not reachable ({reason}); set SUPPWISE_BENCH_POSTGRES_URL"
    return ([] if choice == "postgresql" else ["sqlite"]), skip


def writes_table(runs: dict[str, list[WriteRun]], days: int) -> str:
    """The per-backend medians, the totals checked, and PostgreSQL over SQLite."""
    rows = []
    for backend, done in runs.items():
        accepted = sum(r.accepted for r in done)
        stored = sum(r.stored for r in done)
        rows.append(
            [
                LABELS[backend],
                f"{median([r.rate for r in done]):,.0f}",
                ", ".join(f"{r.rate:,.0f}" for r in done),
                f"{median([r.p50_ms for r in done]):,.0f}",
                f"{median([r.p99_ms for r in done]):,.0f}",
                str(accepted),
                str(stored),
                str(accepted - stored),
                str(sum(r.duplicated for r in done)),
            ]
        )
    if len(runs) == 2:
        pg, lite = (median([r.rate for r in runs[b]]) for b in ("postgresql", "sqlite"))
        rows.append(["PostgreSQL / SQLite", f"{pg / lite:.2f}x", "", "", "", "", "", "", ""])
    count = len(next(iter(runs.values())))
    return table(
        f"Diary writes: {CLIENTS} concurrent API clients x {days - 1} timed days, new trials per run "
        f"(median of {count} run{'s' * (count != 1)})",
        ["backend", "writes/s", "runs", "p50 ms", "p99 ms", "accepted", "stored", "lost", "duplicated"],
        rows,
        note="target: >= 300 writes/s on each backend with none lost or duplicated (accepted/stored: all runs)",
    )


def run(
    quick: bool,
    *,
    backend: str = "auto",
    repeat: int | None = None,
    writes_only: bool = False,
    pg_url: str = PG_URL,
) -> str:
    if not writes_only and shutil.which("wrk") is None:
        return "web benchmark skipped: wrk is not installed (apt-get install wrk)"
    seconds, days = (3, 12) if quick else (5, 40)
    repeats = repeat if repeat is not None else (1 if quick else 3)
    backends, skip = _backends(backend, pg_url)
    parts = [] if writes_only else [_reads(seconds)]
    runs = write_runs(backends, days, repeats, pg_url)
    if runs:
        parts.append(writes_table(runs, days))
    if skip:
        parts.append(skip)
    return "\n\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="shorter wrk runs, 12 days per writer, one write run")
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default="auto",
        help="diary-write backends; auto: both when PostgreSQL is reachable, else SQLite with a skip line",
    )
    parser.add_argument("--repeat", type=int, default=None, help="write runs per backend (default 3, quick 1)")
    parser.add_argument("--writes-only", action="store_true", help="skip the wrk read measurements")
    parser.add_argument("--pg-url", default=PG_URL, help="PostgreSQL server for the writes (a schema is made there)")
    args = parser.parse_args()
    print(run(args.quick, backend=args.backend, repeat=args.repeat, writes_only=args.writes_only, pg_url=args.pg_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
