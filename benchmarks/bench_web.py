"""The web app under load, on loopback, with one uvicorn worker (`suppwise serve`).

Read throughput and latency come from wrk (Debian's package) with 16 connections for a few
seconds per URL, on a fresh SQLite file: a static file (the reference: the cheapest thing the
server does), a cached answer page, its JSON twin, and `/api/v1/ask`.

Diary writes run on each backend asked for (SQLite, PostgreSQL or both), each run on a fresh
server and a fresh database: a new SQLite file, or a PostgreSQL schema of its own, dropped
afterwards. 50 writers, each with its own account and a new trial per run (its first day logged
untimed), are driven by wrk with one connection each: every request posts a distinct day of one
writer's trial, writers in turn, for a fixed time. The table gives writes/s, wrk's p50/p99 latency
of one write, and afterwards the database must hold every accepted day once (nothing lost, nothing
duplicated). wrk, not a Python client, drives the load because on this two-core machine an httpx
client spent 4.4 ms of CPU per write, as much as the server: it capped the rate it measured and
took the core the server needed. Runs are interleaved (SQLite, PostgreSQL, SQLite, ...) and
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
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx2 as httpx
import psutil
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from benchlib import median, table

ROOT = Path(__file__).resolve().parents[1]
SEED = "/q/does-glutamine-increase-pain-in-fibromyalgia"
CLIENTS = 50
PASSWORD = "correct horse battery"
PG_URL = (
    os.environ.get("SUPPWISE_BENCH_POSTGRES_URL")
    or os.environ.get("SUPPWISE_TEST_POSTGRES_URL")
    or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
POOL_PER_WORKER = 16  # PostgreSQL connections each worker process keeps when there are several
MAX_DAYS = 340  # days a writer's trial offers; 50 writers x 340 days outlast any timed run here
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
    refused: int
    stored: int
    duplicated: int
    server_cpu_s: float
    db_cpu_s: float | None

    timed: int

    @property
    def server_ms_per_write(self) -> float:
        """CPU of every server process (the workers included) per write accepted in the timed run."""
        return 1000 * self.server_cpu_s / max(1, self.timed)

    @property
    def db_ms_per_write(self) -> float | None:
        """CPU of the PostgreSQL backends serving this server per write accepted in the timed run."""
        return None if self.db_cpu_s is None else 1000 * self.db_cpu_s / max(1, self.timed)


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


@dataclass(frozen=True)
class Served:
    """A running `suppwise serve`: its base URL and the process id of the command (uvicorn's
    worker processes, when there are several, are its children)."""

    base: str
    pid: int


def _cpu(pids: Sequence[int]) -> dict[int, float]:
    """User + system CPU seconds of each process still running."""
    seconds = {}
    for pid in pids:
        try:
            times = psutil.Process(pid).cpu_times()
        except psutil.Error:
            continue
        seconds[pid] = times.user + times.system
    return seconds


def _tree(pid: int) -> list[int]:
    """The process and all its descendants (uvicorn's supervisor and its workers)."""
    try:
        return [pid, *(child.pid for child in psutil.Process(pid).children(recursive=True))]
    except psutil.Error:
        return [pid]


def _backends_of(server: Served, pg_url: str) -> list[int]:
    """Process ids of the PostgreSQL backends serving the server's connections, found by the
    server's local ports in `pg_stat_activity` (only for a server on this machine; else [])."""
    url = make_url(pg_url)
    if url.host not in (None, "", "127.0.0.1", "localhost", "::1"):
        return []
    ports = set()
    for pid in _tree(server.pid):
        try:
            connections = psutil.Process(pid).net_connections(kind="tcp")
        except psutil.Error:
            continue
        ports |= {c.laddr.port for c in connections if c.raddr and c.raddr.port == (url.port or 5432)}
    if not ports:
        return []
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT pid, client_port FROM pg_stat_activity").fetchall()
    finally:
        engine.dispose()
    return [pid for pid, port in rows if port in ports]


@contextmanager
def _server(db_url: str, workers: int = 1, pythonpath: str | None = None) -> Iterator[Served]:
    """`suppwise serve` on a free loopback port with a private cache folder (serving the suppwise
    in `pythonpath`, another checkout's `src`, when given)."""
    port = _port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        # Every benchmark client signs up from 127.0.0.1: lift the per-address sign-up limit.
        env = {**os.environ, "SUPPWISE_CACHE_DIR": folder, "SUPPWISE_SIGNUPS_PER_ADDRESS": "1000000"}
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        if workers > 1:
            # Each process keeps its own pool: three servers at the default 40 (+10) would pass the
            # server's 100 connections (docs/security.md, "Throughput").
            env["SUPPWISE_DATABASE_POOL_SIZE"] = str(POOL_PER_WORKER)
        log = Path(folder) / "server.log"  # uvicorn's own messages (the access log, on stdout, is dropped)
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/suppwise"), "serve", "--port", str(port), "--db", db_url, "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
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
            yield Served(base, server.pid)
        except BaseException:
            lines = log.read_text(errors="replace").splitlines()
            errors = [line for line in lines if "ERROR" in line or "Error" in line]
            print("\n".join(["server log (errors, last 20):", *errors[-20:]]), file=sys.stderr)
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


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
    """Send again when the server says it is busy or to slow down (503 or 429 with Retry-After), as a
    polite client does: fifty simultaneous sign-ups are more password hashes than the server queues
    at once, and fifty sign-ins from one address are slowed down (docs/security.md)."""
    for _ in range(100):
        response = await send()
        if response.status_code not in (429, 503) or "retry-after" not in response.headers:
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
            raise RuntimeError(f"setup failed: register {registered.status_code}, token {issued.text[-300:]}")
        return str(issued.json()["token"])


WRITE_SCRIPT = """
-- One POST per (writer, day), writers in turn, so each of the connections writes to a
-- different trial at any moment; every status is counted, and the run stops when every
-- writer's days are used up (it is sized never to).
local writers, days = {WRITERS}, {DAYS}
local sent = 0
ok, refused = 0, 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  local writer = writers[sent % #writers + 1]
  local day = math.floor(sent / #writers) + 1
  sent = sent + 1
  if day > #days then
    wrk.thread:stop()
    day = #days
  end
  local body = '{"day":"' .. days[day] .. '","pain":' .. (day % 11) .. '}'
  local headers = {["Authorization"] = "Bearer " .. writer[1], ["Content-Type"] = "application/json"}
  return wrk.format("POST", "/api/v1/trials/" .. writer[2] .. "/entries", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
  else
    refused = refused + 1
    if refused <= 3 then io.stderr:write("refused: " .. status .. " " .. body .. "\\n") end
  end
end

function done(summary, latency)
  for _, thread in ipairs(threads) do
    io.write(string.format("ok=%d refused=%d\\n", thread:get("ok"), thread:get("refused")))
  end
  io.write(string.format("seconds=%f p50=%f p99=%f\\n", summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
"""


async def _trial(client: httpx.AsyncClient, start: date) -> str:
    """A trial long enough that the timed writes never run out of days: 14 baseline days, then six
    pairs of 28-day blocks, starting `start` (in the past, since future days are refused)."""
    body = {
        "substance": "glutamine",
        "condition": "depression",
        "outcomes": ["pain"],
        "start_date": start.isoformat(),
        "baseline_days": 14,
        "block_days": 28,
        "pairs": 6,
        "titration": {"start": "5 g", "step": "5 g", "target": "10 g"},
    }
    created = await client.post("/api/v1/trials", json=body)
    if created.status_code != 201:
        raise RuntimeError(f"setup failed: new trial {created.status_code} {created.text[-300:]}")
    return str(created.json()["trial"]["id"])


async def _opened_trial(base: str, api: str, start: date) -> str:
    """A new trial of this writer's with its first day logged (the trial becomes active)."""
    async with httpx.AsyncClient(base_url=base, timeout=60, headers={"Authorization": f"Bearer {api}"}) as client:
        trial = await _trial(client, start)
        opened = await client.post(f"/api/v1/trials/{trial}/entries", json={"day": start.isoformat(), "pain": 0})
        if opened.status_code != 201:
            raise RuntimeError(f"first diary write failed: {opened.status_code} {opened.text[-300:]}")
        return trial


def _lua_strings(values: Sequence[str]) -> str:
    return "{" + ", ".join(f'"{v}"' for v in values) + "}"


def _wrk_writes(base: str, writers: list[tuple[str, str]], days: list[str], seconds: int) -> dict[str, float]:
    """wrk posting the writers' days for `seconds` with one connection per writer; its counts."""
    script = WRITE_SCRIPT.replace("{WRITERS}", "{" + ", ".join(_lua_strings(w) for w in writers) + "}").replace(
        "{DAYS}", _lua_strings(days)
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as file:
        file.write(script)
        file.flush()
        done = subprocess.run(
            ["wrk", "-t1", f"-c{len(writers)}", f"-d{seconds}s", "--timeout", "30s", "-s", file.name, base],
            capture_output=True,
            text=True,
            check=True,
        )
    if done.stderr:  # the first few refusals, as the server worded them
        print(done.stderr, file=sys.stderr, end="")
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", done.stdout)}


async def _stored(base: str, writers: list[tuple[str, str]]) -> tuple[int, int]:
    """Entries the database holds for the writers' trials, and how many of them are duplicates
    (a day twice, or a version other than the first: every day was posted once)."""
    stored = duplicated = 0
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for api, trial in writers:
            entries = (
                await client.get(f"/api/v1/trials/{trial}/entries", headers={"Authorization": f"Bearer {api}"})
            ).json()
            stored += len(entries)
            duplicated += len(entries) - len({e["day"] for e in entries}) + sum(e["version"] != 1 for e in entries)
    return stored, duplicated


def _writes(server: Served, tokens: list[str], seconds: int, pg_url: str | None) -> WriteRun:
    """One timed round: wrk writes distinct days into a new trial per writer for `seconds`, with
    the CPU the server's processes (and, on PostgreSQL, its backends) spent meanwhile."""
    base = server.base
    start = date.today() - timedelta(days=MAX_DAYS + 1)
    days = [(start + timedelta(days=k)).isoformat() for k in range(1, MAX_DAYS + 1)]

    async def opened() -> list[str]:
        return list(await asyncio.gather(*(_opened_trial(base, api, start) for api in tokens)))

    writers = list(zip(tokens, asyncio.run(opened()), strict=True))
    app_before = _cpu(_tree(server.pid))
    db_before = _cpu(_backends_of(server, pg_url)) if pg_url else {}
    counts = _wrk_writes(base, writers, days, seconds)
    app_after = _cpu(_tree(server.pid))
    # A backend opened during the run counts from zero; one closed during it (pool overflow) is missed.
    db_after = _cpu(_backends_of(server, pg_url)) if pg_url else {}
    stored, duplicated = asyncio.run(_stored(base, writers))
    return WriteRun(
        rate=counts["ok"] / counts["seconds"],
        p50_ms=counts["p50"],
        p99_ms=counts["p99"],
        accepted=int(counts["ok"]) + len(writers),
        refused=int(counts["refused"]),
        stored=stored,
        duplicated=duplicated,
        server_cpu_s=sum(app_after[p] - app_before.get(p, 0.0) for p in app_after),
        db_cpu_s=sum(db_after[p] - db_before.get(p, 0.0) for p in db_after) if db_after else None,
        timed=int(counts["ok"]),
    )


async def _accounts(server: Served) -> list[str]:
    base = server.base
    return list(await asyncio.gather(*(_account(base, n) for n in range(CLIENTS))))


@dataclass(frozen=True)
class Setup:
    """A server to write to: its backend and how many worker processes serve it."""

    backend: str
    workers: int = 1
    pythonpath: str | None = None

    @property
    def label(self) -> str:
        label = LABELS[self.backend] + (f", {self.workers} workers" if self.workers > 1 else "")
        return label + (f" [{self.pythonpath}]" if self.pythonpath else "")


def setups(backends: list[str], workers: int, compare: str | None = None) -> list[Setup]:
    """SQLite with its one worker; PostgreSQL with one and, when asked, with `workers`; each also
    served from the `compare` checkout when given."""
    chosen = [Setup(b) for b in backends]
    if "postgresql" in backends and workers > 1:
        chosen.append(Setup("postgresql", workers))
    if compare:
        chosen = [twin for s in chosen for twin in (Setup(s.backend, s.workers, compare), s)]
    return chosen


def write_runs(chosen: list[Setup], seconds: int, repeats: int, pg_url: str = PG_URL) -> dict[Setup, list[WriteRun]]:
    """`repeats` timed rounds per setup, interleaved (so a busy moment hits every setup), each on a
    server and database of its own; the accounts are made once per setup (sign-up hashes
    passwords, which takes longer than the rounds), each round writes into new trials."""
    runs: dict[Setup, list[WriteRun]] = {s: [] for s in chosen}
    with ExitStack() as stack:
        bases = {
            s: stack.enter_context(_server(stack.enter_context(_database(s.backend, pg_url)), s.workers, s.pythonpath))
            for s in chosen
        }
        tokens = {s: asyncio.run(_accounts(bases[s])) for s in chosen}
        for _ in range(repeats):
            for s in chosen:
                runs[s].append(_writes(bases[s], tokens[s], seconds, pg_url if s.backend == "postgresql" else None))
    return runs


def _reads(seconds: int) -> str:
    with _database("sqlite", PG_URL) as db_url, _server(db_url) as server:
        base = server.base
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


def writes_table(runs: dict[Setup, list[WriteRun]], seconds: int) -> str:
    """The per-setup medians, the totals checked, and each PostgreSQL setup over SQLite."""
    rows = []
    for setup, done in runs.items():
        accepted = sum(r.accepted for r in done)
        stored = sum(r.stored for r in done)
        # wrk stops with requests in flight: the server may store some it never answered.
        lost = max(0, accepted - stored)
        rows.append(
            [
                setup.label,
                f"{median([r.rate for r in done]):,.0f}",
                ", ".join(f"{r.rate:,.0f}" for r in done),
                f"{median([r.p50_ms for r in done]):,.0f}",
                f"{median([r.p99_ms for r in done]):,.0f}",
                f"{median([r.server_ms_per_write for r in done]):.2f}",
                _db_ms(done),
                str(accepted),
                str(sum(r.refused for r in done)),
                str(stored),
                str(lost),
                str(sum(r.duplicated for r in done)),
            ]
        )
    for setup, done in runs.items():
        lite_runs = runs.get(Setup("sqlite", 1, setup.pythonpath))
        if lite_runs is None or setup.backend != "postgresql":
            continue
        lite = median([r.rate for r in lite_runs])
        lite_cpu = median([r.server_ms_per_write for r in lite_runs])
        if lite:
            ratio = median([r.rate for r in done]) / lite
            cpu = median([r.server_ms_per_write for r in done]) / lite_cpu if lite_cpu else 0.0
            rows.append([f"{setup.label} / SQLite", f"{ratio:.2f}x", "", "", "", f"{cpu:.2f}x", *[""] * 6])
    count = len(next(iter(runs.values())))
    return table(
        f"Diary writes: {CLIENTS} concurrent API clients (wrk connections) for {seconds} s each, new trials "
        f"per run (median of {count} run{'s' * (count != 1)})",
        [
            "backend",
            "writes/s",
            "runs",
            "p50 ms",
            "p99 ms",
            "app CPU ms/write",
            "db CPU ms/write",
            "accepted",
            "refused",
            "stored",
            "lost",
            "duplicated",
        ],
        rows,
        note="target: >= 300 writes/s on each backend with none lost or duplicated (accepted/stored: all runs); "
        "app CPU: every server process, workers included; db CPU: the PostgreSQL backends serving them "
        f"(medians per timed write); load average at the end {_load()}",
    )


def _db_ms(done: list[WriteRun]) -> str:
    measured = [r.db_ms_per_write for r in done if r.db_ms_per_write is not None]
    return f"{median(measured):.2f}" if measured else ""


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def run(
    quick: bool,
    *,
    backend: str = "auto",
    repeat: int | None = None,
    writes_only: bool = False,
    pg_url: str = PG_URL,
    workers: int = 2,
    compare: str | None = None,
) -> str:
    if shutil.which("wrk") is None:
        return "web benchmark skipped: wrk is not installed (tools/debian-packages --bench)"
    seconds = 3 if quick else 5
    write_seconds = 4 if quick else 10
    repeats = repeat if repeat is not None else (1 if quick else 3)
    backends, skip = _backends(backend, pg_url)
    parts = [] if writes_only else [_reads(seconds)]
    runs = write_runs(setups(backends, workers, compare), write_seconds, repeats, pg_url)
    if runs:
        parts.append(writes_table(runs, write_seconds))
    if skip:
        parts.append(skip)
    return "\n\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="shorter wrk runs (reads 3 s, writes 4 s), one write run")
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default="auto",
        help="diary-write backends; auto: both when PostgreSQL is reachable, else SQLite with a skip line",
    )
    parser.add_argument("--repeat", type=int, default=None, help="write runs per backend (default 3, quick 1)")
    parser.add_argument("--writes-only", action="store_true", help="skip the wrk read measurements")
    parser.add_argument("--pg-url", default=PG_URL, help="PostgreSQL server for the writes (a schema is made there)")
    parser.add_argument(
        "--workers", type=int, default=2, help="PostgreSQL is also measured with this many server processes (1: not)"
    )
    parser.add_argument(
        "--compare",
        metavar="SRC",
        help="also serve the suppwise in this src folder (another checkout) with this venv, interleaved, to compare",
    )
    args = parser.parse_args()
    print(
        run(
            args.quick,
            backend=args.backend,
            repeat=args.repeat,
            writes_only=args.writes_only,
            pg_url=args.pg_url,
            workers=args.workers,
            compare=args.compare,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
