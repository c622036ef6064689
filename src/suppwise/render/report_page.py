"""The trial report as one standalone HTML page, and the same page as a PDF.

Standalone because it is handed to a clinician: one file, styles inside, no scripts, nothing
fetched from anywhere (WeasyPrint is given a fetcher that refuses every URL). The PDF is the HTML
laid out on A4 by WeasyPrint, so the two never disagree. Verdicts carry a symbol and words as well
as a colour, so they survive a greyscale printer and colour-blind readers.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
from functools import lru_cache
from importlib.resources import files
from typing import Any, Final, NoReturn

from jinja2 import Environment, PackageLoader, select_autoescape

from suppwise.render.trial_chart import outcome_chart_svg
from suppwise.trials.calendar import format_amount
from suppwise.trials.report_model import TrialReport

VERDICT_MARKS: Final = {
    "likely_worse": "▲",
    "likely_better": "▼",
    "no_meaningful_change": "=",
    "unclear": "?",
    "not_enough_data": "…",
    "no_contrast": "–",
    "no_variation": "–",
}
STATUS_WORDS: Final = {
    "verified": "published value for this scale",
    "verified_proxy": "published for a related scale or population",
    "unverified_convention": "a convention; no published value was found",
}
CSS: Final = (files("suppwise.render") / "templates" / "report_page.css").read_text(encoding="utf-8")


def style_hash() -> str:
    """The CSP source that allows exactly this page's style block (`'sha256-…'`), so a server can
    send the report with a policy that still forbids every other inline style and all scripts."""
    digest = hashlib.sha256(CSS.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text.replace("-", "−")


def _fixed2(value: float) -> str:
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text.replace("-", "−")


def _prob(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("suppwise.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["amount"] = format_amount
    env.globals.update(
        signed=_signed,
        prob=_prob,
        fixed2=_fixed2,
        percent=_percent,
        verdict_mark=lambda code: VERDICT_MARKS.get(code, ""),
        status_words=lambda status: STATUS_WORDS.get(status, status),
    )
    return env


def render_report_html(report: TrialReport) -> str:
    charts = {o.field: outcome_chart_svg(o, list(report.protocol.phases), width=780) for o in report.outcomes}
    return _environment().get_template("report_page.html.j2").render(r=report, charts=charts, css=CSS)


def _refuse(url: str, *_: Any, **__: Any) -> NoReturn:
    raise ValueError(f"the report fetches nothing from outside ({url!r} refused)")


def render_report_pdf(report: TrialReport) -> bytes:
    """The same page on A4. WeasyPrint is imported here: it takes about half a second to load."""
    weasyprint: Any = importlib.import_module("weasyprint")
    document = weasyprint.HTML(string=render_report_html(report), url_fetcher=_refuse)
    pdf: bytes = document.write_pdf()
    return pdf
