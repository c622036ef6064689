"""`suppwise serve --workers N`: several processes on one port for PostgreSQL, refused for SQLite,
each worker building its app with the options `serve` was given (src/suppwise/web/server.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from typer.testing import CliRunner

from suppwise.cli import app as cli_app
from suppwise.web import server

on_postgresql = pytest.mark.parametrize("url", ["postgresql"], indirect=True)
on_sqlite = pytest.mark.parametrize("url", ["sqlite"], indirect=True)


@pytest.mark.parametrize("workers", [0, -1, server.MAX_WORKERS + 1])
def test_a_worker_count_out_of_range_is_refused_before_anything_starts(workers: int) -> None:
    with pytest.raises(server.ServeError, match=f"--workers must be 1 to {server.MAX_WORKERS}"):
        server.serve(workers=workers)


@on_sqlite
def test_several_workers_on_sqlite_are_refused_with_the_way_out(url: str) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", url, "--workers", "2"])
    assert result.exit_code == 2
    flat = " ".join(result.output.split())
    assert "several workers need PostgreSQL" in flat and "one worker (the default)" in flat


@on_postgresql
def test_each_worker_builds_its_app_with_the_options_serve_was_given(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setenv(server.WORKER_OPTIONS_VARIABLE, "")  # restored after the test, whatever serve sets
    server.serve(port=8765, workers=3, behind_https=True, database=url)
    (target,), options = calls[0]
    assert target == server.WORKER_APP and options["factory"] is True and options["workers"] == 3
    assert options["proxy_headers"] is True
    worker = server.worker_app()  # what each worker process calls, with the environment it inherits
    try:
        assert worker.state.database.backend == "postgresql" and worker.state.behind_https is True
    finally:
        worker.state.database.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="counts worker processes through /proc")
@on_postgresql
def test_two_worker_processes_share_the_port_and_answer(url: str, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SUPPWISE_CACHE_DIR": str(tmp_path)}
    command = [
        str(Path(sys.executable).parent / "suppwise"),
        "serve",
        "--port",
        str(port),
        "--db",
        url,
        "--workers",
        "2",
    ]
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=sink)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(base + "/static/site.css", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        with ThreadPoolExecutor(8) as pool:
            statuses = list(
                pool.map(lambda _: httpx.get(base + "/api/v1/ask?q=magnesium", timeout=30).status_code, range(24))
            )
        assert statuses == [200] * 24
        deadline = time.monotonic() + 30
        while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(_children(process.pid)) >= 2
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
