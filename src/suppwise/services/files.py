"""A trial's downloads, the same bytes for every shell: the clinician's report in each format and
the schedule as iCalendar, each with its media type and file name.

The CLI writes them to a file or the screen, the pages and the API send them; none of them picks
a renderer or names a file itself. The formats and the file type live in `services.downloads`,
which costs nothing to import; this module loads the renderers and the database, so the CLI binds
it through `suppwise.lazy`.
"""

from __future__ import annotations

import json

from suppwise.evidence.base import EvidenceBase
from suppwise.render.trial_fhir import report_fhir_bundle
from suppwise.render.trial_report import render_report_html, render_report_pdf
from suppwise.services.downloads import DownloadFile, ReportFormat
from suppwise.services.trials import stored_plan
from suppwise.storage import Database, get_trial
from suppwise.trials.calendar import schedule_calendar
from suppwise.trials.report_model import TrialReport

__all__ = ["DownloadFile", "ReportFormat", "calendar_file", "report_file"]


def report_file(report: TrialReport, fmt: ReportFormat) -> DownloadFile:
    """The report in `fmt`. A PDF takes seconds for a long trial (the web app draws it in a slot
    of its own, `web.views.report_files`); the others take milliseconds."""
    name = f"suppwise-report-{report.trial.id}"
    if fmt is ReportFormat.JSON:
        return DownloadFile((report.model_dump_json(indent=2) + "\n").encode(), "application/json", f"{name}.json")
    if fmt is ReportFormat.FHIR:
        body = json.dumps(report_fhir_bundle(report), indent=2, ensure_ascii=False) + "\n"
        return DownloadFile(body.encode(), "application/fhir+json", f"{name}.fhir.json")
    if fmt is ReportFormat.PDF:
        return DownloadFile(render_report_pdf(report), "application/pdf", f"{name}.pdf")
    return DownloadFile(render_report_html(report).encode(), "text/html; charset=utf-8", f"{name}.html")


def calendar_file(db: Database, base: EvidenceBase, trial_id: str, *, owner: str) -> DownloadFile:
    """The trial's schedule as iCalendar: a daily diary reminder and every dose change."""
    record = get_trial(db, trial_id=trial_id, owner=owner)
    plan = stored_plan(record)
    body = schedule_calendar(plan, trial_id=record.id, substance_name=base.name(plan.substance))
    return DownloadFile(body, "text/calendar; charset=utf-8", f"suppwise-{record.id}.ics")
