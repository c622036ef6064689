"""Does a flood of sign-ups starve everyone else? (issue 11, item 6)

Serves the app (`suppwise serve`, one uvicorn worker, a fresh SQLite file), signs one person in,
then times their requests to a personal API route (`GET /api/v1/trials`: a worker thread and the
database) one after another: first alone (the reference), then while 50 strangers sign up at the
same moment (each sign-up hashes a password with Argon2id, about a quarter of a second of both
cores). Prints the person's latency p50/p99/max against the reference, how the sign-ups were
answered (made, or told to retry: 503 with Retry-After) and how long the flood took.

    .venv/bin/python benchmarks/bench_signup_flood.py [--signups 50] [--pythonpath DIR]

`--pythonpath` serves another checkout's `src` (e.g. an older commit) with this venv, to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _sign_up(base: str, email: str) -> int:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        page = await client.get("/register")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        form = {"email": email, "password": PASSWORD, "csrf_token": token}
        return (await client.post("/register", data=form)).status_code


async def _timed_gets(client: httpx.AsyncClient, headers: dict[str, str], until: asyncio.Event | int) -> list[float]:
    samples: list[float] = []
    while (len(samples) < until) if isinstance(until, int) else not until.is_set():
        start = time.perf_counter()
        response = await client.get("/api/v1/trials", headers=headers)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200, response.text
    return samples


async def measure(base: str, signups: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        status = await _sign_up(base, "person@example.org")
        issued = await client.post("/api/v1/tokens", json={"email": "person@example.org", "password": PASSWORD})
        assert issued.status_code == 201, (status, issued.text)
        headers = {"Authorization": f"Bearer {issued.json()['token']}"}
        await _timed_gets(client, headers, 20)  # warm up
        alone = await _timed_gets(client, headers, 200)
        done = asyncio.Event()
        start = time.perf_counter()
        flood = asyncio.gather(*(_sign_up(base, f"stranger{n}@example.org") for n in range(signups)))
        during_task = asyncio.create_task(_timed_gets(client, headers, done))
        outcomes = await flood
        took = time.perf_counter() - start
        done.set()
        during = await during_task
    reference = statistics.median(alone)
    print("| the person's GET /api/v1/trials | p50 ms | p99 ms | max ms | p50 × alone |")
    print("| --- | --- | --- | --- | --- |")
    for label, samples in (("alone (reference)", alone), (f"during {signups} sign-ups", during)):
        p50, p99, worst = (_percentile(samples, 0.5), _percentile(samples, 0.99), max(samples))
        print(f"| {label} | {p50 * 1000:.1f} | {p99 * 1000:.1f} | {worst * 1000:.0f} | {p50 / reference:.2f} |")
    counts = Counter(outcomes)
    made = counts.pop(303, 0)  # redirected to their trials: signed up and in
    told = ", ".join(f"{n} × {status}" for status, n in sorted(counts.items())) or "none"
    print(f"\nsign-ups: {made} made, refused: {told}; the flood took {took:.1f} s ({len(during)} timed requests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signups", type=int, default=50)
    parser.add_argument("--pythonpath", help="serve the suppwise in this src folder instead")
    args = parser.parse_args()
    port = _port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "SUPPWISE_CACHE_DIR": folder, "SUPPWISE_SIGNUPS_PER_ADDRESS": "1000000"}
        if args.pythonpath:
            env["PYTHONPATH"] = args.pythonpath
        command = [sys.executable, "-c", "from suppwise.cli import main; main()"]
        server = subprocess.Popen(
            [*command, "serve", "--port", str(port), "--db", f"sqlite:///{folder}/bench.db"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/static/site.css", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            asyncio.run(measure(base, args.signups))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
