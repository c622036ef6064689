"""The clinician's report as a file (HTML, PDF or FHIR), for the trial pages and the API alike.

A PDF is the one expensive thing a person can ask for: WeasyPrint lays out every page in Python
(seconds for a long trial). So PDFs are kept by content (the report without its generation time:
the same diary gives the same file until something changes, including the day it is "as of"), at
most `PDF_CACHE_BYTES` of them; one is drawn at a time, in a slot of its own so no worker thread
waits for it; a request for a PDF already being drawn waits for that one; and beyond
`MAX_WAITING_RENDERS` waiting, more are refused with 503 and Retry-After.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final

import anyio
from fastapi import Request

from suppwise.trials.report_model import TrialReport
from suppwise.web.api_errors import BusyError
from suppwise.web.slots import Slots

PDF_CACHE_BYTES: Final = 64 * 1024 * 1024
RENDERS_AT_ONCE: Final = 1
MAX_WAITING_RENDERS: Final = 2
FORMATS: Final = ("html", "pdf", "fhir")


@dataclass(frozen=True)
class ReportFile:
    body: bytes
    media_type: str
    filename: str


class PdfCache:
    """Finished PDFs by content key, least recently used out first, within a byte budget."""

    def __init__(self, budget: int = PDF_CACHE_BYTES) -> None:
        self.budget = budget
        self.size = 0
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self.in_flight: dict[str, anyio.Event] = {}

    def get(self, key: str) -> bytes | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: str, pdf: bytes) -> None:
        if len(pdf) > self.budget:
            return
        if key in self._items:
            self.size -= len(self._items.pop(key))
        self._items[key] = pdf
        self.size += len(pdf)
        while self.size > self.budget:
            _, dropped = self._items.popitem(last=False)
            self.size -= len(dropped)


def content_key(report: TrialReport) -> str:
    """What a PDF depends on: the whole report but the moment it was generated."""
    document = report.model_dump(mode="json", exclude={"generated_at"})
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


async def report_pdf(request: Request, report: TrialReport) -> bytes:
    """The report as PDF: from the cache, from a render already under way, or drawn now."""
    from suppwise.render.trial_report import render_report_pdf

    state = request.app.state
    cache: PdfCache | None = getattr(state, "pdf_cache", None)
    if cache is None:
        cache = state.pdf_cache = PdfCache()
    key = content_key(report)
    while (pending := cache.in_flight.get(key)) is not None:
        await pending.wait()
    if (found := cache.get(key)) is not None:
        return found
    slots: Slots | None = getattr(state, "pdf_slots", None)
    if slots is None:
        slots = state.pdf_slots = Slots(at_once=RENDERS_AT_ONCE, waiting=MAX_WAITING_RENDERS)
    done = cache.in_flight[key] = anyio.Event()
    try:
        pdf = await slots.run(
            lambda: render_report_pdf(report),
            busy=lambda: BusyError(
                "the server is busy drawing other reports",
                hint="try again in a minute, or download the HTML report, which is ready at once",
                retry_after_seconds=30,
            ),
        )
        cache.put(key, pdf)
    finally:
        del cache.in_flight[key]
        done.set()
    return pdf


async def report_file(request: Request, report: TrialReport, fmt: str) -> ReportFile:
    """The report in `fmt` (html, pdf or fhir) with its media type and file name."""
    name = f"suppwise-report-{report.trial.id}"
    if fmt == "pdf":
        return ReportFile(await report_pdf(request, report), "application/pdf", f"{name}.pdf")
    if fmt == "fhir":
        from suppwise.render.trial_fhir import report_fhir_bundle

        body = json.dumps(report_fhir_bundle(report), indent=2).encode()
        return ReportFile(body, "application/fhir+json", f"{name}.fhir.json")
    from suppwise.render.trial_report import render_report_html

    return ReportFile(render_report_html(report).encode(), "text/html; charset=utf-8", f"{name}.html")
