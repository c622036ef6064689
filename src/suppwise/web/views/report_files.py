"""The clinician's report as a file (HTML, PDF or FHIR), for the trial pages and the API alike, and
any download as a response. The bytes come from `services.files`; what is here is the web's own
concern, drawing PDFs a few at a time.

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
from typing import Final

import anyio
from fastapi import Request, Response

from suppwise.services.files import DownloadFile, ReportFormat
from suppwise.services.files import report_file as draw_report_file
from suppwise.trials.report_model import TrialReport
from suppwise.web.api_errors import BusyError
from suppwise.web.slots import Slots

PDF_CACHE_BYTES: Final = 64 * 1024 * 1024
RENDERS_AT_ONCE: Final = 1
MAX_WAITING_RENDERS: Final = 2


class PdfCache:
    """Finished PDFs by content key, least recently used out first, within a byte budget."""

    def __init__(self, budget: int = PDF_CACHE_BYTES) -> None:
        self.budget = budget
        self.size = 0
        self._items: OrderedDict[str, DownloadFile] = OrderedDict()
        self.in_flight: dict[str, anyio.Event] = {}

    def get(self, key: str) -> DownloadFile | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: str, pdf: DownloadFile) -> None:
        if len(pdf.body) > self.budget:
            return
        if key in self._items:
            self.size -= len(self._items.pop(key).body)
        self._items[key] = pdf
        self.size += len(pdf.body)
        while self.size > self.budget:
            _, dropped = self._items.popitem(last=False)
            self.size -= len(dropped.body)


def content_key(report: TrialReport) -> str:
    """What a PDF depends on: the whole report but the moment it was generated."""
    document = report.model_dump(mode="json", exclude={"generated_at"})
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


async def report_pdf(request: Request, report: TrialReport) -> DownloadFile:
    """The report as PDF: from the cache, from a render already under way, or drawn now."""
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
            lambda: draw_report_file(report, ReportFormat.PDF),
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


async def report_file(request: Request, report: TrialReport, fmt: ReportFormat) -> DownloadFile:
    """The report in `fmt`: a PDF through the cache and the drawing slot, the others at once."""
    if fmt is ReportFormat.PDF:
        return await report_pdf(request, report)
    return draw_report_file(report, fmt)


def download_response(file: DownloadFile, *, inline: bool = False, headers: dict[str, str] | None = None) -> Response:
    """A download as a response: shown in the browser (`inline`) or saved, under its file name."""
    disposition = f'{"inline" if inline else "attachment"}; filename="{file.filename}"'
    return Response(
        file.body, media_type=file.media_type, headers={**(headers or {}), "Content-Disposition": disposition}
    )
