"""The clinician's report at its largest: what one PDF costs, and what the web app does when many
are asked for.

A trial at the plan's limits (90 baseline days, a 30-step titration, two 90-day blocks: 360 days)
with a diary of random scores on every day up to 90 days after the schedule (the most the diary
accepts), which fires an alert on most days: the worst case a person can make. Then:

  - building the report model, the HTML page and the PDF (median of --repeats), against a
    reference PDF of a 30-day trial drawn in the same process (ratio);
  - the web app: the same PDF downloaded twice (drawn, then from the cache), and five different
    PDFs asked for at once (one drawn at a time, two waiting, the rest told when to retry);
  - peak resident memory.

    .venv/bin/python benchmarks/bench_report.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from suppwise.owners import LOCAL_OWNER
from suppwise.render.trial_report import render_report_html, render_report_pdf
from suppwise.safety.profile import profile_from_data
from suppwise.services import answers as services
from suppwise.services import trials as trial_service
from suppwise.storage import open_database

TODAY = date.today()


def timed(work: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def make_trial(db: Any, base: Any, *, baseline: int, target: str, block: int, follow_up: int, seed: int) -> str:
    start = TODAY - timedelta(days=baseline + 30 * 3 + 2 * block + follow_up - 1)
    plan = trial_service.make_plan(
        {
            "substance": "glutamine",
            "condition": "depression",
            "outcomes": ["pain", "fatigue", "sleep", "gi", "mood"],
            "start_date": start,
            "baseline_days": baseline,
            "titration": {"start": "1 g", "step": "1 g", "target": target, "days_per_step": 3},
            "design": "abab",
            "block_days": block,
            "pairs": 1,
            "washout_days": 3,
            "seed": seed,
        }
    )
    planned = trial_service.store_plan(
        db, base, plan, profile_from_data({}), acknowledgement="agreed with my doctor", today=TODAY
    , owner=LOCAL_OWNER)
    rng = random.Random(seed)
    last = min(TODAY, start + timedelta(days=plan.total_days() - 1 + follow_up))
    rows = ["date,pain,fatigue,sleep,gi,phq2,note"]
    day = start
    while day <= last:
        scores = [rng.randint(0, 10) for _ in range(3)] + [rng.randint(0, 9), rng.randint(0, 2)]
        rows.append(f"{day},{','.join(map(str, scores))},a note for {day}")
        day += timedelta(days=1)
    trial_service.import_diary(db, base, planned.trial.id, "\n".join(rows) + "\n", today=TODAY, owner=LOCAL_OWNER)
    return planned.trial.id


def page_count(pdf: bytes) -> str:
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        return "?"
    return str(len(PdfReader(io.BytesIO(pdf)).pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    base = services.evidence_base()
    folder = Path(tempfile.mkdtemp(prefix="suppwise-report-bench-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    db = open_database(url)
    small = make_trial(db, base, baseline=7, target="3 g", block=7, follow_up=0, seed=1)
    large = make_trial(db, base, baseline=90, target="30 g", block=90, follow_up=90, seed=2)
    now = datetime.now(UTC)

    def report(trial_id: str) -> Any:
        return trial_service.trial_report(db, base, trial_id, today=TODAY, now=now, owner=LOCAL_OWNER)

    render_report_pdf(report(small))  # untimed: WeasyPrint's first call loads fonts and caches
    reference, _ = timed(lambda: render_report_pdf(report(small)), args.repeats)
    model_s, large_report = timed(lambda: report(large), args.repeats)
    html_s, html = timed(lambda: render_report_html(large_report), args.repeats)
    pdf_s, pdf = timed(lambda: render_report_pdf(large_report), args.repeats)
    diary_days = len(trial_service.diary(db, large, owner=LOCAL_OWNER))
    print(f"# report benchmark — worst-case trial: {diary_days} diary days, {len(large_report.alerts)} alerts")
    print("| step | median | × a 30-day trial's PDF |")
    print("| --- | --- | --- |")
    print(f"| reference: PDF of a 30-day trial | {reference * 1000:,.0f} ms | 1.00 |")
    for name, seconds in (("report model", model_s), ("HTML page", html_s), ("PDF", pdf_s)):
        print(f"| {name} | {seconds * 1000:,.0f} ms | {seconds / reference:.2f} |")
    print(f"\nHTML {len(html) / 1024:,.0f} KiB; PDF {len(pdf) / 1024:,.0f} KiB, {page_count(pdf)} pages")
    web(url, large, args)
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


def web(url: str, trial_id: str, args: argparse.Namespace) -> None:
    """Download the PDF through the app: drawn, then cached; then five different ones at once."""
    try:
        from fastapi.testclient import TestClient

        from suppwise.storage import accounts
        from suppwise.web.app import create_app
        from suppwise.web.views.report_files import MAX_WAITING_RENDERS
    except ImportError as missing:  # an older suppwise without the PDF cache
        print(f"\n(web part skipped: {missing})")
        return
    db = open_database(url)
    with TestClient(create_app(database=url)) as client:
        page = client.get("/register").text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        client.post(
            "/register", data={"email": "bench@example.org", "password": "a long password", "csrf_token": token}
        )
        user = accounts.user_by_email(db, "bench@example.org")
        assert user is not None
        with db.transaction(write=True) as session:  # the benchmark's trials become this person's
            from sqlalchemy import update

            from suppwise.storage.tables import Trial

            session.execute(update(Trial).values(owner_id=user.id))
        first, _ = timed(lambda: client.get(f"/trials/{trial_id}/report.pdf"), 1)
        again, _ = timed(lambda: client.get(f"/trials/{trial_id}/report.pdf"), 3)
        print("\n| web: the same PDF | seconds |")
        print("| --- | --- |")
        print(f"| first download (drawn) | {first:.2f} |")
        print(f"| again (from the cache), median of 3 | {again:.3f} ({first / again:,.0f}× faster) |")
        base = services.evidence_base()
        others = [
            make_trial(db, base, baseline=14, target="10 g", block=28, follow_up=0, seed=10 + n) for n in range(5)
        ]
        with db.transaction(write=True) as session:
            session.execute(update(Trial).values(owner_id=user.id))
        statuses: list[int] = []
        start = time.perf_counter()

        def fetch(trial: str) -> None:
            statuses.append(client.get(f"/trials/{trial}/report.pdf").status_code)

        threads = [threading.Thread(target=fetch, args=(t,)) for t in others]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took = time.perf_counter() - start
        print(
            f"\nfive different PDFs at once: {sorted(statuses)} in {took:.1f} s "
            f"(one drawn at a time, {MAX_WAITING_RENDERS} waiting, the rest 503 with Retry-After)"
        )


if __name__ == "__main__":
    sys.exit(main())
