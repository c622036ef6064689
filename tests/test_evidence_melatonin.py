"""Melatonin in the bundled evidence base, as a person meets it: a low-certainty, cited verdict for
fibromyalgia pain, no clear effect on depression, sleeping pills and fluvoxamine as the interactions
that lead, liver disease and pregnancy as reasons to avoid it, the doses studied, and the sleep
comparison in fibromyalgia."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse

from .evidence_helpers import ask, cited, flat

runner = CliRunner()



def test_fibromyalgia_is_a_low_certainty_benefit_on_pain_with_its_trials_cited(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does melatonin help fibromyalgia")
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == ("melatonin", "pain", "fibromyalgia")
    assert verdict.direction == "helps" and verdict.certainty == "low"
    assert {"dezanette2014_melatonin_fibromyalgia", "hussain2011_melatonin_fibromyalgia"} <= cited(answer)
    assert "low certainty" in answer.summary
    assert any("risk of bias" in point and "placebo" in point for point in answer.key_points)


def test_sleep_in_fibromyalgia_rests_on_one_heterogeneous_review_and_is_very_low(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "does melatonin help sleep in fibromyalgia").verdict
    assert verdict is not None and verdict.outcome == "sleep" and verdict.condition == "fibromyalgia"
    assert verdict.direction == "helps" and verdict.certainty == "very_low" and verdict.answer == "unclear"


def test_sleep_in_general_is_helped_by_the_meta_analysis(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does melatonin help you sleep")
    assert answer.verdict is not None and answer.verdict.direction == "helps"
    assert "ferracioli2013_melatonin_sleep_ma" in cited(answer)


def test_depression_shows_no_clear_effect_and_is_never_called_a_benefit(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "melatonin for depression")
    verdict = answer.verdict
    assert verdict is not None and verdict.outcome == "mood" and verdict.condition == "depression"
    assert verdict.direction == "unknown" and verdict.answer == "unclear"
    assert {"li2022_melatonin_depression_ma", "hansen2014_melatonin_depression_sr"} <= cited(answer)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("can I take melatonin with zopiclone", "z-drugs"),
        ("melatonin and Ambien together?", "z-drugs"),
        ("is melatonin safe with diazepam", "benzodiazepines"),
    ],
)
def test_sleeping_pill_questions_lead_with_the_sedation_interaction(
    bundled: EvidenceBase, text: str, entity: str
) -> None:
    answer = ask(bundled, text)
    first = answer.cautions[0]
    assert first.kind == "interaction" and first.entity == entity and first.matches_question
    assert "sedation" in first.reason and "circadin_smpc" in first.sources
    assert answer.safety_level == "caution"
    assert "sedation" in answer.summary.split(". ")[0]


def test_check_with_fluvoxamine_says_avoid_with_the_cyp1a2_mechanism_and_action() -> None:
    result = runner.invoke(app, ["check", "melatonin", "--med", "fluvoxamine", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "avoid"
    reason = data["reasons"][0]
    assert reason["entity"] == "fluvoxamine"
    assert "CYP1A2" in reason["mechanism"] and "17 times" in reason["mechanism"]
    assert "should be avoided" in reason["why"] and "prescriber" in reason["why"]
    assert {"circadin_smpc", "hartter2000_fluvoxamine_melatonin"} <= set(reason["sources"])

    text = flat(runner.invoke(app, ["check", "melatonin", "--med", "Luvox"]).output)
    assert "AVOID Fluvoxamine" in text and "you wrote 'Luvox'" in text


def test_other_ssris_do_not_borrow_the_fluvoxamine_warning() -> None:
    data = json.loads(runner.invoke(app, ["check", "melatonin", "--med", "sertraline", "-f", "json"]).output)
    assert all(r["entity"] != "fluvoxamine" for r in data["reasons"])


def test_warfarin_is_a_case_report_level_caution_with_inr_monitoring(bundled: EvidenceBase) -> None:
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, "melatonin")}
    assert records["warfarin"].evidence_level.value == "C"
    assert records["fluvoxamine"].evidence_level.value == "A" and records["fluvoxamine"].severity.value == "major"
    answer = ask(bundled, "can I take melatonin with warfarin")
    assert answer.cautions[0].entity == "warfarin" and "INR" in answer.cautions[0].reason


def test_liver_disease_means_avoid_and_autoimmune_disease_means_care() -> None:
    liver = json.loads(runner.invoke(app, ["check", "melatonin", "--condition", "cirrhosis", "-f", "json"]).output)
    assert liver["level"] == "avoid" and liver["reasons"][0]["entity"] == "liver-disease"
    autoimmune = json.loads(
        runner.invoke(app, ["check", "melatonin", "--condition", "autoimmune disease", "-f", "json"]).output
    )
    assert autoimmune["level"] == "caution" and autoimmune["reasons"][0]["entity"] == "autoimmune-disease"


@pytest.mark.parametrize(
    ("text", "entity", "level"),
    [
        ("can I take melatonin while pregnant", "melatonin-pregnancy", "avoid"),
        ("is melatonin ok when breastfeeding", "melatonin-breastfeeding", "avoid"),
    ],
)
def test_pregnancy_and_breastfeeding_are_reasons_to_avoid(
    bundled: EvidenceBase, text: str, entity: str, level: str
) -> None:
    answer = ask(bundled, text)
    first = answer.cautions[0]
    assert (first.kind, first.entity, first.level) == ("population", entity, level)
    assert answer.summary.startswith("Avoid")


def test_dose_answer_gives_the_licensed_dose_timing_and_the_trial_range(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much melatonin should I take")
    summary = flat(answer.summary)
    assert "2 mg" in summary and "1-2 hours before bedtime" in summary
    assert "3 to 10 mg a day in the fibromyalgia trials" in summary
    assert "prescription" in summary
    dosing = next(s for s in answer.sections if s.key == "dosing")
    assert {"circadin_smpc", "hussain2011_melatonin_fibromyalgia", "dezanette2014_melatonin_fibromyalgia"} <= set(
        dosing.sources
    )


def test_side_effects_lead_with_next_day_drowsiness(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "melatonin side effects")
    assert "drowsiness" in answer.summary.lower()
    section = next(s for s in answer.sections if s.key == "side_effects")
    assert "nhs_melatonin" in section.sources


@pytest.mark.parametrize("name", ["Circadin", "melatonin gummies", "slow-release melatonin", "Melatonin"])
def test_the_names_people_use_are_melatonin(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"is {name} safe with sertraline?", bundled)
    assert query.entities.get("substance") == ("melatonin",), query.entities


def test_the_sleep_comparison_in_fibromyalgia_leads_and_holds_melatonin_and_magnesium(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "melatonin vs magnesium for sleep in fibromyalgia")
    assert answer.comparisons[0].id == "sleep-in-fibromyalgia"
    assert {row.substance for row in answer.comparisons[0].rows} == {"melatonin", "magnesium"}


def test_melatonin_joins_the_existing_fibromyalgia_pain_comparison(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "melatonin or magnesium for fibromyalgia pain")
    ids = [c.id for c in answer.comparisons]
    assert ids[0] == "supplements-for-fibromyalgia-pain"
    assert "melatonin" in {row.substance for row in answer.comparisons[0].rows}


def test_a_childs_dose_question_leads_with_the_childrens_caution_and_the_licensed_range(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "what dose of melatonin for my child")
    first = answer.cautions[0]
    assert (first.kind, first.entity, first.matches_question) == ("population", "melatonin-children", True)
    assert "2 mg at first" in first.reason and "at most 10 mg" in first.reason
    assert "slenyto_smpc" in first.sources
