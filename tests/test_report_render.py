"""The clinician's report as a reader gets it: HTML (standalone, escaped, crisis first), the same as
a PDF, and a FHIR R4 Bundle that a record system accepts."""

from __future__ import annotations

import html as html_text
import io
import json
import random
import re
from datetime import UTC, date, datetime

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from suppwise.evidence import EvidenceBase
from suppwise.render.trial_fhir import report_fhir_bundle
from suppwise.render.trial_report import CSS, render_report_html, render_report_pdf, style_hash
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.plan import Phase, Titration, TrialPlan, schedule
from suppwise.trials.report import alert_out, build_report
from suppwise.trials.report_model import TrialOut, TrialReport

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
PLAN = TrialPlan(
    substance="glutamine",
    condition="fibromyalgia",
    outcomes=("pain", "mood", "gi"),
    start_date=date(2026, 6, 1),
    baseline_days=10,
    titration=Titration(start="5 g/day", step="5 g/day", target="10 g/day", days_per_step=2),
    block_days=10,
    pairs=2,
    washout_days=2,
    seed=3,
)


def make_report(bundled: EvidenceBase, *, crisis: bool = False, harm: float = 3.0) -> TrialReport:
    rng = random.Random(2)
    entries = []
    for day in schedule(PLAN):
        if rng.random() < 0.1:
            continue
        pain = round(min(10, max(0, 4 + (harm if day.phase is Phase.ON else 0) + rng.gauss(0, 0.8))))
        dose = f"{day.planned_g:g} g" if day.planned_g else "none"
        entries.append(
            DiaryEntry(day=day.day, pain=pain, gi=rng.randint(0, 3), phq2=rng.randint(0, 2), dose_taken=dose)
        )
    alerts = [
        alert_out(
            bundled,
            day=date(2026, 7, 2),
            rule_id="pain-sustained-rise",
            level="warning",
            message="Pain rose.",
            detail=HOSTILE,
            recorded_at=datetime.now(UTC),
        )
    ]
    if crisis:
        alerts.append(
            alert_out(
                bundled,
                day=date(2026, 7, 3),
                rule_id="phq9-self-harm",
                level="crisis",
                message="Reach out.",
                detail="phq9_item9 1",
                recorded_at=datetime.now(UTC),
            )
        )
    trial = TrialOut(
        id="t-abc123",
        substance="glutamine",
        substance_name="Glutamine",
        condition="fibromyalgia",
        condition_name="Fibromyalgia",
        outcomes=list(PLAN.outcomes),
        status="active",
        created_at=datetime(2026, 5, 30, tzinfo=UTC),
        screen_level="caution",
        acknowledgement=HOSTILE,
        acknowledged_at=datetime(2026, 5, 30, tzinfo=UTC),
    )
    return build_report(
        bundled, trial, PLAN, entries, alerts, today=date(2026, 8, 31), generated_at=datetime(2026, 8, 31, tzinfo=UTC)
    )


@pytest.fixture(scope="module")
def report(bundled: EvidenceBase) -> TrialReport:
    return make_report(bundled)


def test_the_page_shows_every_verdict_chart_and_source(report: TrialReport) -> None:
    page = render_report_html(report)
    pain = next(o for o in report.outcomes if o.field == "pain")
    assert pain.analysis.verdict == "likely_worse"
    assert "likely worsened your pain" in page
    for outcome in report.outcomes:
        shown = html_text.escape(outcome.analysis.verdict_text, quote=False)
        assert shown in page or shown.capitalize() in page
        assert f'id="outcome-{outcome.field}"' in page
    assert page.count("<svg") == len(report.outcomes)
    assert len(re.findall(r'<title id="[^"]+-title">', page)) == len(report.outcomes)  # each chart is named
    assert "Farrar JT" in page and "https://doi.org/10.1016/S0304-3959(01)00349-9" in page
    assert report.disclaimer in page


def test_what_people_typed_is_shown_not_run(report: TrialReport) -> None:
    page = render_report_html(report)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_page_loads_nothing_from_anywhere(report: TrialReport) -> None:
    page = render_report_html(report)
    assert "<script" not in page.replace("&lt;script", "") and "<link" not in page
    assert not re.search(r"""<img[^>]+src=["']?https?:""", page)
    assert f"<style>{CSS}</style>" in page  # the block a CSP hash allows, byte for byte
    assert style_hash().startswith("'sha256-")


def test_a_crisis_comes_first(bundled: EvidenceBase, report: TrialReport) -> None:
    page = render_report_html(make_report(bundled, crisis=True))
    assert page.index("Please reach out for help now") < page.index("At a glance")
    assert "988" in page
    assert "Please reach out for help now" not in render_report_html(report)


def test_the_pdf_says_the_same(report: TrialReport) -> None:
    pdf = render_report_pdf(report)
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert len(reader.pages) > 1
    assert "Personal trial report: Glutamine for Fibromyalgia" in text
    assert "likely worsened your pain" in text
    assert "not medical advice" in text.lower()


def test_the_fhir_bundle_is_valid_r4_with_loinc_codes(report: TrialReport) -> None:
    bundle = report_fhir_bundle(report)
    Bundle.model_validate(bundle)
    json.dumps(bundle)
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls))
    codes = {
        e["resource"]["code"]["coding"][0]["code"]
        for e in bundle["entry"]
        if e["resource"]["code"]["coding"][0]["system"] == "http://loinc.org"
    }
    assert codes == {"72514-3", "55758-7"}  # pain, PHQ-2; gut symptoms have no LOINC code
    displays = {
        e["resource"]["code"]["coding"][0].get("display")
        for e in bundle["entry"]
        if e["resource"]["code"]["coding"][0]["code"] == "72514-3"
    }
    assert displays == {"Pain severity - 0-10 verbal numeric rating [Score] - Reported"}  # from outcome-scales.yaml
    recorded = sum(1 for o in report.outcomes for p in o.series if p.value is not None)
    daily = [e for e in bundle["entry"] if "valueInteger" in e["resource"]]
    assert len(daily) == recorded
    for entry in bundle["entry"]:
        for ref in entry["resource"].get("derivedFrom", []):
            assert ref["reference"] in urls
    assert report_fhir_bundle(report) == bundle  # the same trial exports the same Bundle
