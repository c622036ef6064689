"""The web app under load, on loopback, with one uvicorn worker (`suppwise serve`) and a fresh SQLite file.

Read throughput and latency come from wrk (Debian's package) with 16 connections for a few
seconds per URL: a static file (the reference: the cheapest thing the server does), a cached answer
page, its JSON twin, and `/api/v1/ask`. Writes come from 50 concurrent httpx clients, each with its
own account and trial, posting distinct diary days (the first one untimed: it opens the connection);
afterwards the database must hold exactly one
entry per posted day (nothing lost, nothing duplicated).

Run: ``.venv/bin/python benchmarks/bench_web.py [--quick]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx2 as httpx

from benchlib import table

ROOT = Path(__file__).resolve().parents[1]
SEED = "/q/does-glutamine-increase-pain-in-fibromyalgia"
CLIENTS = 50
PASSWORD = "correct horse battery"


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


async def _writer(base: str, n: int, days: int) -> tuple[str, str, int]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        email = f"bench{n}@example.org"
        page = await client.get("/register")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        registered = await client.post("/register", data={"email": email, "password": PASSWORD, "csrf_token": token})
        issued = await client.post("/api/v1/tokens", json={"email": email, "password": PASSWORD})
        if issued.status_code != 201:
            raise RuntimeError(f"setup failed: register {registered.status_code} {registered.text[-700:]}")
        api = issued.json()["token"]
        headers = {"Authorization": f"Bearer {api}"}
        start = (date.today() - timedelta(days=days + 1)).isoformat()
        body = {
            "substance": "glutamine",
            "condition": "depression",
            "outcomes": ["pain"],
            "start_date": start,
            "titration": {"start": "5 g", "step": "5 g", "target": "10 g"},
        }
        trial = (await client.post("/api/v1/trials", json=body, headers=headers)).json()["trial"]["id"]
        return api, trial, days


async def _post_days(base: str, api: str, trial: str, days: int, ready: asyncio.Barrier) -> int:
    """Posts day 0 untimed (it opens the connection), waits until every client has, then posts the rest."""
    first = date.today() - timedelta(days=days)
    async with httpx.AsyncClient(base_url=base, timeout=60, headers={"Authorization": f"Bearer {api}"}) as client:
        opened = await client.post(f"/api/v1/trials/{trial}/entries", json={"day": first.isoformat(), "pain": 0})
        if opened.status_code != 201:
            raise RuntimeError(f"first diary write failed: {opened.status_code} {opened.text[-300:]}")
        await ready.wait()
        ok = 0
        for k in range(1, days):
            day = (first + timedelta(days=k)).isoformat()
            response = await client.post(f"/api/v1/trials/{trial}/entries", json={"day": day, "pain": k % 11})
            ok += response.status_code == 201
        return ok


async def _writes(base: str, days: int) -> tuple[float, int, int, int]:
    setups = await asyncio.gather(*(_writer(base, n, days) for n in range(CLIENTS)))
    ready = asyncio.Barrier(CLIENTS + 1)
    tasks = [asyncio.create_task(_post_days(base, api, trial, d, ready)) for api, trial, d in setups]
    await ready.wait()
    start = time.perf_counter()
    accepted = sum(await asyncio.gather(*tasks))
    elapsed = time.perf_counter() - start
    stored = duplicated = 0
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for api, trial, _ in setups:
            entries = (
                await client.get(f"/api/v1/trials/{trial}/entries", headers={"Authorization": f"Bearer {api}"})
            ).json()
            stored += len(entries)
            duplicated += len(entries) - len({e["day"] for e in entries}) + sum(e["version"] != 1 for e in entries)
    return accepted / elapsed, accepted + CLIENTS, stored, duplicated


def run(quick: bool) -> str:
    if shutil.which("wrk") is None:
        return "web benchmark skipped: wrk is not installed (apt-get install wrk)"
    seconds, days = (3, 12) if quick else (5, 40)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "SUPPWISE_CACHE_DIR": folder}
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/suppwise"), "serve", "--port", str(port), "--db", f"sqlite:///{folder}/bench.db"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/static/app.css", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            httpx.get(base + SEED)
            reference = _wrk(base + "/static/app.css", seconds)
            rows = [["static file (reference)", f"{reference[0]:,.0f}", f"{reference[1]:.1f}", "1.00"]]
            for label, path in [
                ("answer page, cached", SEED),
                ("answer JSON twin, cached", SEED + ".json"),
                ("/api/v1/ask", "/api/v1/ask?q=Does+glutamine+increase+pain+in+fibromyalgia%3F"),
            ]:
                rps, p99 = _wrk(base + path, seconds)
                rows.append([label, f"{rps:,.0f}", f"{p99:.1f}", f"{rps / reference[0]:.2f}"])
            rate, accepted, stored, duplicated = asyncio.run(_writes(base, days))
        finally:
            server.terminate()
            server.wait(timeout=20)
    reads = table(
        "Web reads: one uvicorn worker, wrk 16 connections, loopback",
        ["request", "req/s", "p99 ms", "x reference"],
        rows,
        note="targets: cached answer pages >= 1,000 req/s and p99 < 50 ms",
    )
    writes = table(
        f"Diary writes: {CLIENTS} concurrent API clients, SQLite",
        ["writes/s", "accepted", "stored", "lost", "duplicated"],
        [[f"{rate:,.0f}", str(accepted), str(stored), str(accepted - stored), str(duplicated)]],
        note="target: >= 300 writes/s with none lost or duplicated",
    )
    return reads + "\n\n" + writes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    print(run(parser.parse_args().quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
