"""The trial report as the person and their clinician see it: HTML, PDF, chart and FHIR bundle."""

from __future__ import annotations

import io
import json
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from html import escape

import pytest

from suppwise.render.trial_chart import outcome_chart_svg
from suppwise.render.trial_fhir import report_fhir_bundle
from suppwise.render.trial_report import render_report_html, render_report_pdf
from suppwise.services.answers import evidence_base
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.plan import Titration, TrialPlan, schedule
from suppwise.trials.report import alert_out, build_report
from suppwise.trials.report_model import AlertOut, OutcomeReport, PhaseSpan, SeriesPoint, TrialOut, TrialReport

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'
FIVE_OUTCOMES = ("pain", "fatigue", "sleep", "mood", "gi")


def _plan(outcomes: Iterable[str], block_days: int = 12) -> TrialPlan:
    return TrialPlan(
        substance="glutamine",
        condition="fibromyalgia",
        outcomes=tuple(outcomes),
        start_date=date(2026, 6, 1),
        baseline_days=14,
        titration=Titration(start="5 g/day", step="5 g/day", target="15 g/day", days_per_step=2),
        design="abab",
        block_days=block_days,
        pairs=2,
        washout_days=3,
        seed=7,
    )


def _report(
    outcomes: Iterable[str] = ("pain", "sleep", "mood"),
    *,
    alerts: Iterable[AlertOut] = (),
    acknowledgement: str | None = None,
    empty: Iterable[str] = (),
    block_days: int = 12,
    substance_name: str = "Glutamine",
) -> TrialReport:
    """A 68-day ABAB trial (80 with 15-day blocks) with about one day in ten missing; pain rises
    by two points on supplement days. Fields in `empty` are never scored."""
    plan = _plan(outcomes, block_days)
    rng = random.Random(1)
    entries = []
    for day in schedule(plan):
        if rng.random() < 0.1:
            continue
        bump = 2 if day.phase.value == "on" else 0
        scores = {
            "pain": min(10, max(0, round(4 + bump + rng.gauss(0, 1)))),
            "fatigue": rng.randint(3, 7),
            "sleep": rng.randint(3, 8),
            "gi": rng.randint(0, 4),
            "phq2": rng.randint(0, 3),
            "phq9": rng.randint(3, 9) if day.day.weekday() == 0 else None,
        }
        kept = {k: v for k, v in scores.items() if k not in set(empty)}
        entries.append(
            DiaryEntry(day=day.day, dose_taken=f"{day.planned_g:g} g/day" if day.planned_g else "none", **kept)
        )
    trial = TrialOut(
        id="t-test01",
        substance="glutamine",
        substance_name=substance_name,
        condition="fibromyalgia",
        condition_name="Fibromyalgia",
        outcomes=list(plan.outcomes),
        status="active",
        created_at=datetime(2026, 5, 30, tzinfo=UTC),
        screen_level="caution" if acknowledgement else "no_known_issue",
        acknowledgement=acknowledgement,
        acknowledged_at=datetime(2026, 5, 30, 9, tzinfo=UTC) if acknowledgement else None,
    )
    return build_report(
        evidence_base(),
        trial,
        plan,
        entries,
        list(alerts),
        today=date(2026, 9, 30),
        generated_at=datetime(2026, 9, 30, 12, tzinfo=UTC),
    )


def _pain_alert(detail: str = "pain 7, 8, 7 against a baseline mean of 4.1") -> AlertOut:
    return alert_out(
        evidence_base(),
        day=date(2026, 7, 10),
        rule_id="pain-sustained-rise",
        level="warning",
        message="Your pain has been high",
        detail=detail,
        recorded_at=datetime(2026, 7, 10, 20, tzinfo=UTC),
    )


def _crisis_alert(detail: str = "PHQ-9 question 9 answered 2") -> AlertOut:
    return alert_out(
        evidence_base(),
        day=date(2026, 7, 6),
        rule_id="phq9-self-harm",
        level="crisis",
        message="You said you have had thoughts of hurting yourself",
        detail=detail,
        recorded_at=datetime(2026, 7, 6, 21, tzinfo=UTC),
    )


@lru_cache(maxsize=1)
def _sample() -> TrialReport:
    return _report(alerts=[_pain_alert()])


@lru_cache(maxsize=1)
def _five() -> TrialReport:
    return _report(FIVE_OUTCOMES, alerts=[_pain_alert()], block_days=15)


@lru_cache(maxsize=1)
def _five_pdf_text() -> tuple[bytes, int, str]:
    """The PDF, its page count, and the text of its first two and last pages (the glance table with
    every verdict, which the verdicts' two statements make run onto the second; extracting every
    page would double the test's time)."""
    from pypdf import PdfReader

    pdf = render_report_pdf(_five())
    reader = PdfReader(io.BytesIO(pdf))
    pages = (reader.pages[0], reader.pages[1], reader.pages[-1])
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    return pdf, len(reader.pages), text


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def _runs_of_two_or_more(outcome: OutcomeReport) -> int:
    days = sorted(p.day for p in outcome.series if p.value is not None)
    runs, length = 0, 0
    for i, day in enumerate(days):
        length = length + 1 if i and day - days[i - 1] == timedelta(days=1) else 1
        if length == 2:
            runs += 1
    return runs


# --- HTML ---------------------------------------------------------------------------------------


def test_html_shows_every_verdict_with_a_chart_per_outcome() -> None:
    report = _sample()
    html = render_report_html(report)
    assert html.startswith("<!doctype html>") and '<html lang="en">' in html
    assert "Personal trial report: Glutamine for Fibromyalgia" in html
    svgs = _svgs(html)
    assert len(svgs) == len(report.outcomes) >= 4  # mood is PHQ-2 and PHQ-9
    for outcome, svg in zip(report.outcomes, svgs, strict=True):
        assert escape(outcome.analysis.verdict_text, quote=False) in html
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        assert title is not None and outcome.name in (title.text or "")
        if outcome.baseline_mean is not None:
            assert f"baseline mean {outcome.baseline_mean:.1f}" in "".join(svg.itertext())
    band_labels = {t.text for svg in svgs for g in svg.iter(f"{SVG}g") if g.get("class") == "band-labels" for t in g}
    assert {"B", "T", "On", "Off", "W"} <= band_labels
    for heading in ("At a glance", "Alerts", "Protocol", "Adherence", "Evidence summary", "Method", "References"):
        assert f">{heading}</h2>" in html
    assert report.disclaimer in html
    assert "Generated 2026-09-30 12:00 UTC from suppwise; data as of 2026-09-30" in html


def test_chart_description_says_what_it_shows() -> None:
    outcome = _sample().outcomes[0]
    desc = ET.fromstring(outcome_chart_svg(outcome, _sample().protocol.phases)).find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    recorded = sum(p.value is not None for p in outcome.series)
    assert outcome.name in desc.text and f"{recorded} of {len(outcome.series)} days" in desc.text
    assert f"baseline mean {outcome.baseline_mean:.1f}" in desc.text
    assert outcome.analysis.verdict_text in desc.text
    assert "higher is worse" in desc.text


def test_crisis_panel_comes_first_only_when_a_crisis_alert_fired() -> None:
    crisis = _report(alerts=[_crisis_alert(), _pain_alert()])
    assert crisis.crisis and crisis.crisis_resources
    html = render_report_html(crisis)
    panel = html.index('class="crisis"')
    assert panel < html.index("<h1>") < html.index("At a glance")
    for resource in crisis.crisis_resources:
        assert escape(resource.name) in html[panel : html.index("<h1>")]
    assert 'class="crisis"' not in render_report_html(_sample())


def test_hostile_text_is_escaped() -> None:
    hostile = f"I accept {HOSTILE_SCRIPT} {HOSTILE_IMG}"
    report = _report(
        ("pain",),
        alerts=[_crisis_alert(detail=hostile), _pain_alert(detail=hostile)],
        acknowledgement=hostile,
        substance_name=f"Glutamine {HOSTILE_SCRIPT}",
    )
    html = render_report_html(report)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert not re.search(r"<[^<>]*\bonerror\s*=", html, flags=re.I)  # only as inert, escaped text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "I accept" in html  # the acknowledgement is quoted, only escaped


def test_html_loads_nothing_from_outside() -> None:
    html = render_report_html(_sample())
    assert "<link" not in html and "<script" not in html and "@import" not in html
    assert not re.search(r"""<(img|iframe|object|embed|audio|video|source)\b""", html, flags=re.I)
    assert not re.search(r"""url\(\s*['"]?(https?:)?//""", html, flags=re.I)
    assert not re.search(r"\ssrc\s*=", html, flags=re.I)
    assert not re.search(r"<(?!a\s)\w+[^<>]*\shref\s*=", html)  # links to references are fine, loads are not
    assert 'href="https://doi.org/' in html


def test_html_stays_small_for_a_long_five_outcome_report() -> None:
    assert len(render_report_html(_five()).encode()) < 400_000


# --- the chart ----------------------------------------------------------------------------------


def test_chart_line_breaks_at_missing_days() -> None:
    report = _sample()
    for outcome in report.outcomes:
        svg = ET.fromstring(outcome_chart_svg(outcome, report.protocol.phases))
        polylines = list(svg.iter(f"{SVG}polyline"))
        circles = [c for g in svg.iter(f"{SVG}g") if g.get("class") == "points" for c in g]
        assert len(polylines) == _runs_of_two_or_more(outcome)
        assert len(circles) == sum(p.value is not None for p in outcome.series)
        joined = sum(len(line.get("points", "").split()) for line in polylines)
        assert joined <= len(circles)


def _synthetic(values: list[int | None], *, start: date = date(2026, 1, 1)) -> tuple[OutcomeReport, list[PhaseSpan]]:
    """The sample's pain outcome with a made-up series, and one baseline/on/off span per third."""
    base = _sample().outcomes[0]
    series = [SeriesPoint(day=start + timedelta(days=i), value=v, phase="on") for i, v in enumerate(values)]
    third = max(len(values) // 3, 1)
    phases = []
    for i, phase in enumerate(("baseline", "on", "off")):
        first, last = i * third, (len(values) - 1 if i == 2 else (i + 1) * third - 1)
        if first <= last:
            phases.append(
                PhaseSpan(
                    phase=phase,
                    start=start + timedelta(days=first),
                    end=start + timedelta(days=last),
                    days=last - first + 1,
                    block=None,
                    planned_g=0.0,
                    planned=None,
                    analysed=True,
                )
            )
    return base.model_copy(update={"series": series}), phases


def _plot_box(svg: ET.Element) -> tuple[float, float, float, float]:
    frame = next(r for r in svg.iter(f"{SVG}rect") if r.get("class") == "frame")
    x, y = float(frame.get("x", 0)), float(frame.get("y", 0))
    return x, y, x + float(frame.get("width", 0)), y + float(frame.get("height", 0))


def test_extreme_scores_are_drawn_inside_the_plot() -> None:
    outcome, phases = _synthetic([0, 10, 0, 10, None, 10, 0])
    svg = ET.fromstring(outcome_chart_svg(outcome, phases))
    left, top, right, bottom = _plot_box(svg)
    circles = list(svg.iter(f"{SVG}circle"))
    points = [c for c in circles if c.get("r") and float(c.get("cy", 0)) < bottom + 1]
    assert len(points) == 6
    for c in points:
        cx, cy, r = float(c.get("cx", 0)), float(c.get("cy", 0)), float(c.get("r", 0))
        assert left < cx - r and cx + r < right and top < cy - r and cy + r < bottom


def test_outcome_without_scores_renders_and_says_so() -> None:
    report = _report(("pain", "fatigue"), empty={"fatigue"})
    fatigue = next(o for o in report.outcomes if o.field == "fatigue")
    assert fatigue.analysis.mean is None
    svg = outcome_chart_svg(fatigue, report.protocol.phases)
    assert "no scores recorded" in svg and "<polyline" not in svg
    html = render_report_html(report)
    assert "no scores recorded" in html.lower()
    assert fatigue.analysis.explanation in html
    assert escape(fatigue.analysis.verdict_text, quote=False) in html


def test_single_value_no_phases_and_a_leap_year() -> None:
    outcome, _ = _synthetic([7])
    single = ET.fromstring(outcome_chart_svg(outcome, []))
    assert not list(single.iter(f"{SVG}polyline"))
    empty = outcome.model_copy(update={"series": [], "baseline_mean": None})
    assert "no scores recorded" in outcome_chart_svg(empty, [])

    rng = random.Random(3)
    values: list[int | None] = [None if rng.random() < 0.1 else rng.randint(0, 10) for _ in range(366)]
    long_outcome, phases = _synthetic(values, start=date(2028, 1, 1))
    svg_text = outcome_chart_svg(long_outcome, phases)
    svg = ET.fromstring(svg_text)
    assert len(list(svg.iter(f"{SVG}polyline"))) == _runs_of_two_or_more(long_outcome)
    numbers = re.findall(r'\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height|points)="([^"]*)"', svg_text)
    assert not [n for n in numbers if re.search(r"\d\.\d\d", n)]
    assert len(svg_text) < 60_000


def test_direction_label_follows_the_scale() -> None:
    report = _sample()
    sleep = next(o for o in report.outcomes if o.field == "sleep")
    pain = next(o for o in report.outcomes if o.field == "pain")
    assert "higher is better" in outcome_chart_svg(sleep, report.protocol.phases)
    assert "higher is worse" in outcome_chart_svg(pain, report.protocol.phases)


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_carries_title_verdicts_and_disclaimer() -> None:
    pdf, pages, text = _five_pdf_text()
    report = _five()
    assert pdf.startswith(b"%PDF")
    assert pages > 1
    assert "Personal trial report: Glutamine for Fibromyalgia" in text
    for outcome in report.outcomes:
        assert " ".join(outcome.analysis.verdict_text.split()) in text
    assert " ".join(report.disclaimer.split()) in text


def test_pdf_renderer_fetches_nothing() -> None:
    from suppwise.render.trial_report import _refusing_fetcher

    with pytest.raises(ValueError):
        _refusing_fetcher()("https://example.org/tracker.png")


# --- FHIR ---------------------------------------------------------------------------------------


def test_fhir_bundle_is_valid_r4_and_complete() -> None:
    from fhir.resources.R4B.bundle import Bundle

    report = _five()
    bundle = report_fhir_bundle(report)
    json.dumps(bundle)
    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection"
    assert bundle["identifier"] == {"system": "urn:suppwise:trial", "value": report.trial.id}
    assert bundle == report_fhir_bundle(report)  # deterministic

    entries = bundle["entry"]
    assert isinstance(entries, list)
    urls = [e["fullUrl"] for e in entries]
    assert len(urls) == len(set(urls)) and all(u.startswith("urn:uuid:") for u in urls)
    resources = [e["resource"] for e in entries]
    assert all(r["resourceType"] == "Observation" and "subject" not in r for r in resources)

    daily = [r for r in resources if "valueInteger" in r]
    assert len(daily) == sum(p.value is not None for o in report.outcomes for p in o.series)
    expected = {"pain": "72514-3", "phq2": "55758-7", "phq9": "44261-6"}
    for outcome in report.outcomes:
        mine = [r for r in daily if r["code"]["text"] == outcome.name]
        assert len(mine) == sum(p.value is not None for p in outcome.series)
        coding = mine[0]["code"]["coding"][0]
        if outcome.field in expected:
            assert coding["system"] == "http://loinc.org" and coding["code"] == expected[outcome.field]
        else:
            assert coding == {"system": "urn:suppwise:diary-field", "code": outcome.field}
    assert all(r["category"][0]["coding"][0]["code"] == "survey" and r["component"] for r in daily)

    results = [r for r in resources if r["code"]["text"].startswith("Personal trial effect estimate: ")]
    assert len(results) == len(report.outcomes)
    known = set(urls)
    for result in results:
        assert result["derivedFrom"] and all(ref["reference"] in known for ref in result["derivedFrom"])
    alerts = [r for r in resources if r["code"]["text"].startswith("Trial safety alert: ")]
    assert [a["interpretation"][0]["text"] for a in alerts] == [a.level for a in report.alerts]


def test_fhir_bundle_without_scores_or_alerts_is_still_valid() -> None:
    from fhir.resources.R4B.bundle import Bundle

    report = _report(("fatigue",), empty={"fatigue"})
    bundle = report_fhir_bundle(report)
    Bundle.model_validate(bundle)
    entries = bundle["entry"]
    assert isinstance(entries, list) and len(entries) == 1
    assert "derivedFrom" not in entries[0]["resource"]


def test_numbers_are_rounded_honestly() -> None:
    from suppwise.render.trial_report import points, probability, share

    assert probability(1.1e-13) == "<0.01" and probability(0.9989) == ">0.99" and probability(0.934) == "0.93"
    assert points(2.129, signed=True) == "+2.1" and points(-0.04, signed=True) == "0.0" and points(None) == "—"
    assert share(69, 79) == "69 of 79 (87%)" and share(0, 0) == "0 of 0"


def test_the_report_lists_exactly_the_references_it_cites() -> None:
    """Every reference is linked from the text that relies on it (a caution, a study behind the
    verdict, an alert rule), and nothing else is listed: the report once listed all ~56 sources of
    the reasoner's answer, most of them never mentioned."""
    report = _five()
    html = render_report_html(report)
    listed = [ref.id for ref in report.references]
    body = html.split('<h2 id="references">')[0]
    linked = set(re.findall(r'href="#ref-([^"]+)"', body))
    assert set(listed) == linked
    assert 0 < len(listed) < 20
    assert report.evidence is not None and report.evidence.studies
    assert {s.source for s in report.evidence.studies} <= set(listed)
