"""SAMe as a person meets it: the depression verdict is graded as the disagreeing reviews allow and
cites both, the fibromyalgia verdict rests on one small trial, bipolar disorder is a reason to
avoid it, antidepressants and levodopa need the prescriber, and the dose answer gives the amounts
studied."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen

from .evidence_helpers import ask, cited, words

runner = CliRunner()
SAME = "same"



def check(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), SAME)



# -- verdicts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["does SAMe help depression", "SAMe for depression", "is SAM-e good for low mood"])
def test_depression_verdict_is_mixed_low_and_cites_both_reviews(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (SAME, "mood", "depression")
    assert verdict.direction == "mixed" and verdict.certainty == "low" and verdict.answer == "unclear"
    assert {"galizia2016_same_cochrane", "cuomo2020_same_mdd_review"} <= cited(answer)
    assert "low certainty" in answer.summary


def test_fibromyalgia_pain_is_a_low_certainty_benefit_from_one_trial(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does SAMe help fibromyalgia pain")
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (SAME, "pain", "fibromyalgia")
    assert verdict.direction == "helps" and verdict.certainty == "low"
    assert {"jacobsen1991_same_fibromyalgia", "desilva2010_cam_fibromyalgia_review"} <= cited(answer)
    assert any("44" in point for point in answer.key_points)


# -- safety ------------------------------------------------------------------------------------


def test_check_with_bipolar_disorder_says_avoid() -> None:
    result = runner.invoke(app, ["check", "same", "--condition", "bipolar-disorder"])
    assert result.exit_code == 0, result.output
    text = words(result.output)
    assert text.startswith("avoid") and "mania" in text


@pytest.mark.parametrize("written", ["bipolar", "manic depression", "bipolar 2"])
def test_bipolar_however_written_reaches_the_avoid_record(bundled: EvidenceBase, written: str) -> None:
    result = check(bundled, conditions=[written])
    assert result.level == "avoid"
    reason = next(r for r in result.reasons if r.entity == "bipolar-disorder")
    assert "msd_same_consumer" in reason.sources


@pytest.mark.parametrize(
    ("medicine", "reached", "why"),
    [
        ("Zoloft", "antidepressants", "serotonin syndrome"),
        ("clomipramine", "antidepressants", "clomipramine"),
        ("Sinemet", "levodopa", "levodopa levels"),
        ("5-HTP", "5-htp", "serotonin"),
        ("St John's wort", "st-johns-wort", "serotonin"),
    ],
)
def test_medicines_that_need_the_prescriber(bundled: EvidenceBase, medicine: str, reached: str, why: str) -> None:
    result = check(bundled, medications=[medicine])
    assert result.level == "caution", result.summary
    reason = next(r for r in result.reasons if r.entity == reached)
    assert why in words(f"{reason.why} {reason.mechanism}") and reason.sources


def test_the_antidepressant_record_is_graded_as_a_case_report() -> None:
    result = runner.invoke(app, ["check", "SAMe", "--med", "sertraline", "--format", "json"])
    data = json.loads(result.output)
    assert data["substance"] == SAME and data["level"] == "caution"
    reason = next(r for r in data["reasons"] if r["entity"] == "antidepressants")
    assert "msd_same_consumer" in reason["sources"]


def test_antidepressant_question_leads_with_the_caution(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is SAMe safe with sertraline?")
    assert answer.safety_level == "caution"
    first = answer.cautions[0]
    assert (first.entity, first.level, first.matches_question) == ("antidepressants", "caution", True)


# -- dose, side effects, populations, names ------------------------------------------------------


def test_dose_answer_gives_the_amounts_studied(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much SAMe should I take")
    summary = words(answer.summary)
    assert "200 to 1600 mg a day" in summary and "800 mg a day" in summary
    dosing = next(s for s in answer.sections if s.key == "dosing")
    assert {"drugscom_same_monograph", "jacobsen1991_same_fibromyalgia"} <= set(dosing.sources)


def test_side_effects_lead_with_the_stomach(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "SAMe side effects")
    section = next(s for s in answer.sections if s.key == "side_effects")
    assert "nausea" in words(" ".join(section.items))
    assert "mayo_same_safety" in section.sources


def test_pregnancy_is_a_caution(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take SAMe while pregnant")
    assert answer.safety_level == "caution"
    first = answer.cautions[0]
    assert first.kind == "population" and first.entity == "same-pregnancy" and first.matches_question


@pytest.mark.parametrize("name", ["SAMe", "SAM-e", "S-adenosylmethionine", "ademetionine", "S-adenosyl methionine"])
def test_the_names_people_use_are_same(bundled: EvidenceBase, name: str) -> None:
    assert parse(f"is {name} safe?", bundled).substances == (SAME,)


def test_the_everyday_word_same_is_not_the_supplement(bundled: EvidenceBase) -> None:
    assert SAME not in parse("is it the same as 5-HTP?", bundled).substances


def test_a_mania_question_leads_with_the_bipolar_warning(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does SAMe cause mania")
    assert answer.intent == "side_effects" and answer.safety_level == "avoid"
    assert answer.cautions[0].entity == "bipolar-disorder"
    recorded = next(p for p in answer.key_points if p.startswith("Recorded among"))
    assert "mania" in recorded
