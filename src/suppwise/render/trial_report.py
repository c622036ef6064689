"""TrialReport → a standalone HTML page, and the same page as a PDF for the clinician.

One template serves both: the screen reads it on a phone, WeasyPrint lays it out on A4 with the
print rules in the same stylesheet, so what a person sees and what their clinician files cannot
drift apart. The page loads nothing (no scripts, fonts, images or stylesheets from anywhere), and
the PDF renderer is given a URL fetcher that refuses every request, so a hostile string that
slipped into a note could not make either of them reach the network.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib.resources import files
from typing import Any, Final

from markupsafe import Markup

from suppwise.render.html import environment
from suppwise.render.trial_chart import outcome_chart_svg
from suppwise.safety.crisis import CRISIS_MESSAGE
from suppwise.trials.report_model import AlertEpisodeOut, AnalysisOut, TrialReport

DASH: Final = "—"

VERDICT_CLASSES: Final[dict[str, str]] = {
    "likely_worse": "v-worse",
    "likely_better": "v-better",
    "no_meaningful_change": "v-same",
}
"""Verdict → the cell's style; every other verdict (unclear, not enough data, …) is neutral."""

DIFFERENCE_STATUS: Final[dict[str, str]] = {
    "verified": "published value",
    "verified_proxy": "published for a related scale",
    "unverified_convention": "convention; no published value",
}

DESIGN_WORDS: Final[dict[str, str]] = {
    "ab": "AB: baseline, then one block on the supplement",
    "abab": "ABAB: pairs of on and off blocks, each pair's order drawn at random from the recorded seed",
}

SCREEN_WORDS: Final[dict[str, str]] = {"no_known_issue": "no known issue", "caution": "caution", "avoid": "avoid"}


def _unsigned_zero(text: str) -> str:
    """ "-0.0" and "+0.00" are rounding artefacts, not directions."""
    return text.lstrip("+-") if not text.strip("+-0.") else text


def points(value: float | None, *, signed: bool = False) -> str:
    """Score points with one decimal (the diary's resolution does not support more)."""
    if value is None:
        return DASH
    return _unsigned_zero(f"{value:+.1f}" if signed else f"{value:.1f}")


def correlation(value: float) -> str:
    return _unsigned_zero(f"{value:.2f}")


def probability(value: float | None) -> str:
    """Two decimals, but never "0.00" or "1.00": a posterior probability is not a certainty."""
    if value is None:
        return DASH
    if value < 0.005:
        return "<0.01"
    if value > 0.995:
        return ">0.99"
    return f"{value:.2f}"


def share(part: int, whole: int) -> str:
    """ "69 of 79 (87%)"; the percentage is whole because the counts are small."""
    if whole == 0:
        return f"{part} of {whole}"
    return f"{part} of {whole} ({100 * part / whole:.0f}%)"


def answered(analysis: AnalysisOut) -> bool:
    """True when the analysis has a posterior to show (its verdict may still be "unclear")."""
    return analysis.mean is not None and analysis.ci_low is not None and analysis.ci_high is not None


def words(code: str | None) -> str:
    return code.replace("_", " ") if code else DASH


def stamp(moment: datetime) -> str:
    """A timestamp to the minute, with its zone when known ("2026-09-30 12:00 UTC")."""
    offset = moment.utcoffset()
    zone = "" if offset is None else " UTC" if offset == timedelta(0) else f" {moment:%z}"
    return f"{moment:%Y-%m-%d %H:%M}{zone}"


def report_title(report: TrialReport) -> str:
    condition = f" for {report.trial.condition_name}" if report.trial.condition_name else ""
    return f"Personal trial report: {report.trial.substance_name}{condition}"


CSS: Final = (files("suppwise.render") / "templates" / "trial_report.css").read_text(encoding="utf-8")
"""The report's only styles, inlined as one `<style>` block so the file stands alone."""


def style_hash() -> str:
    """The CSP source that allows exactly this page's style block (`'sha256-…'`), so a server can
    send the report with a policy that still forbids every other inline style and all scripts."""
    digest = hashlib.sha256(CSS.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


MAX_ALERT_ROWS: Final = 40
"""Alert episodes a report lists. A diary of random scores can fire rules on most of its days, in
many short episodes (175 alert rows, each with its rationale, made a 47-page PDF that took
WeasyPrint 16 s); past this many episodes, the least severe are summarised in a sentence. Crisis
and urgent episodes are always listed."""
ALWAYS_LISTED: Final = frozenset({"crisis", "urgent"})
LEVEL_ORDER: Final = {"crisis": 0, "urgent": 1, "warning": 2, "info": 3}


@dataclass(frozen=True)
class RuleNote:
    rule_id: str
    rationale: str | None
    sources: list[str]


@dataclass(frozen=True)
class AlertTable:
    """The alert episodes as a report shows them: the rows listed, how many were left out (and
    their levels), and each rule's reason once."""

    rows: list[AlertEpisodeOut]
    hidden: int
    hidden_levels: list[str]
    rules: list[RuleNote]


def alert_table(episodes: list[AlertEpisodeOut], *, max_rows: int = MAX_ALERT_ROWS) -> AlertTable:
    must = [e for e in episodes if e.level in ALWAYS_LISTED]
    rest = sorted(
        (e for e in episodes if e.level not in ALWAYS_LISTED),
        key=lambda e: (LEVEL_ORDER.get(e.level, 9), e.first_day),
    )
    kept = {id(e) for e in [*must, *rest[: max(0, max_rows - len(must))]]}
    rows = [e for e in episodes if id(e) in kept]
    left_out = [e for e in episodes if id(e) not in kept]
    rules: dict[str, RuleNote] = {}
    for episode in episodes:
        rules.setdefault(episode.rule_id, RuleNote(episode.rule_id, episode.rationale, list(episode.sources)))
    levels = sorted({e.level for e in left_out}, key=lambda level: LEVEL_ORDER.get(level, 9))
    return AlertTable(rows, len(left_out), levels, list(rules.values()))


def render_report_html(report: TrialReport) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    # The charts come out of an autoescaped template, so they are safe to insert as markup.
    charts = [Markup(outcome_chart_svg(o, report.protocol.phases)) for o in report.outcomes]
    return (
        environment()
        .get_template("trial_report.html.j2")
        .render(
            r=report,
            css=CSS,
            title=report_title(report),
            charts=charts,
            alerts=alert_table(report.alert_episodes),
            stamp=stamp,
            crisis_message=CRISIS_MESSAGE,
            verdict_classes=VERDICT_CLASSES,
            difference_status=DIFFERENCE_STATUS,
            design_words=DESIGN_WORDS,
            screen_words=SCREEN_WORDS,
            points=points,
            probability=probability,
            correlation=correlation,
            share=share,
            answered=answered,
            words=words,
            dash=DASH,
        )
    )


def _refusing_fetcher() -> Any:
    """A WeasyPrint URL fetcher that fetches nothing: the report is complete in itself."""
    urls = importlib.import_module("weasyprint.urls")
    if hasattr(urls, "URLFetcher"):  # WeasyPrint 68 and later
        return urls.URLFetcher(allowed_protocols=())

    def refuse(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
        raise ValueError(f"suppwise reports load no external resources (refused {url[:80]!r})")

    return refuse


def render_report_pdf(report: TrialReport) -> bytes:
    """The same page laid out on A4 by WeasyPrint (imported here: it is slow to import)."""
    weasyprint = importlib.import_module("weasyprint")
    document = weasyprint.HTML(string=render_report_html(report), url_fetcher=_refusing_fetcher())
    pdf: bytes = document.write_pdf()
    return pdf
