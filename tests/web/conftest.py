"""Fixtures for the public side of the web app: one app on the bundled evidence base (and a trial
database it never touches on public pages), shared by a test session because public pages keep no
state between requests."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from suppwise.web.app import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

SEED_QUESTION = "Does glutamine increase pain in fibromyalgia?"
SEED_PAGE = "/q/does-glutamine-increase-pain-in-fibromyalgia"
XSS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("public-site") / "web.db"
    with TestClient(create_app(database=f"sqlite:///{db}")) as client:
        yield client


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'web.db'}"


def csrf_token(client: TestClient, path: str = "/check") -> str:
    """The token a page's form carries (the client keeps the matching cookie)."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def assert_no_raw_tags(page: str) -> None:
    """None of the hostile strings came back as markup."""
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page


@contextmanager
def served(app: FastAPI, *, log_level: str = "warning") -> Iterator[str]:
    """`app` served by uvicorn in this process on a free localhost port (so a test can still patch
    it); yields the base URL and stops the server afterwards."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app served by uvicorn on a free localhost port (for a real browser), on its own SQLite file."""
    with served(create_app(database=f"sqlite:///{tmp_path / 'served.db'}")) as base_url:
        yield base_url


def fill_plan_wizard(page: Page, start: str) -> None:
    """The plan wizard filled for a glutamine trial for fibromyalgia from `start`, with a medicine
    (Lyrica) that makes the screen say caution, and submitted."""
    page.get_by_label("Supplement", exact=True).select_option("glutamine")
    page.get_by_label("Condition", exact=True).select_option("fibromyalgia")
    page.get_by_label("Gut symptoms", exact=True).check()
    page.get_by_label("Starting dose").fill("5 g")
    page.get_by_label("Increase each step by").fill("5 g")
    page.get_by_label("Target dose").fill("10 g")
    page.get_by_label("First day").fill(start)
    page.get_by_label("Medicines you take").fill("Lyrica")
    page.get_by_role("button", name="Check and plan").click()
