"""Magnesium in the bundled evidence base, as a person meets it: graded verdicts with their sources,
interactions that open with the gap to keep between doses, kidney disease as a reason to avoid it,
the upper limit for supplements, and the salts people name instead of "magnesium"."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen import resolve_profile, screen

from .evidence_helpers import ask, cited, flat

runner = CliRunner()



def test_fibromyalgia_pain_is_a_low_certainty_benefit_with_its_trials_cited(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does magnesium help fibromyalgia pain?")
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == ("magnesium", "pain", "fibromyalgia")
    assert verdict.direction == "helps" and verdict.certainty == "low"
    assert {"macian2022_mg_fibromyalgia", "bagis2013_mg_citrate_fibromyalgia"} <= cited(answer)
    assert "low certainty" in answer.summary
    assert any("risk of bias" in point for point in answer.key_points)


def test_depression_is_graded_low_not_borrowed_from_the_meta_analysis_design(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "magnesium for depression")
    verdict = answer.verdict
    assert verdict is not None and verdict.outcome == "mood" and verdict.condition == "depression"
    assert verdict.direction == "helps" and verdict.certainty == "low"
    assert {"moabedi2023_mg_depression_ma", "tarleton2017_mg_depression"} <= cited(answer)


def test_fatigue_in_fibromyalgia_is_unclear_rather_than_a_benefit(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "Does magnesium help fatigue in fibromyalgia?").verdict
    assert verdict is not None and verdict.direction == "unknown" and verdict.answer == "unclear"


@pytest.mark.parametrize(
    ("text", "drug_class", "hours"),
    [
        ("can I take magnesium with doxycycline", "tetracycline-antibiotics", 4),
        ("is magnesium citrate ok with cipro?", "quinolone-antibiotics", 6),
        ("magnesium and Fosamax", "bisphosphonates", 4),
        ("can I take mag glycinate with my levothyroxine", "levothyroxine", 4),
        ("magnesium with gabapentin", "gabapentin", 2),
    ],
)
def test_interaction_questions_lead_with_the_gap_between_doses(
    bundled: EvidenceBase, text: str, drug_class: str, hours: int
) -> None:
    answer = ask(bundled, text)
    first = answer.cautions[0]
    assert first.kind == "interaction" and first.entity == drug_class and first.matches_question
    assert first.reason.split(": ", 1)[1].startswith(f"Separate the doses by at least {hours} hours.")
    assert f"separate the doses by at least {hours} hours" in answer.summary.split(". ")[0].lower()
    assert answer.safety_level == "caution"


def test_long_term_ppis_are_a_monitoring_caution_without_a_timing_rule(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "I take omeprazole every day, can I add magnesium?")
    first = answer.cautions[0]
    assert first.entity == "proton-pump-inhibitors" and first.matches_question
    assert "Separate the doses" not in first.reason and "fda2011_ppi_hypomagnesaemia" in first.sources
    assert answer.safety_level == "caution"


def test_check_with_ciprofloxacin_says_to_separate_and_by_how_many_hours() -> None:
    result = runner.invoke(app, ["check", "magnesium", "--med", "ciprofloxacin", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "caution"
    reason = data["reasons"][0]
    assert reason["entity"] == "quinolone-antibiotics"
    assert reason["why"].startswith("Separate the doses by at least 6 hours.")
    assert "2 hours before magnesium" in reason["why"]
    assert "cipro_antacid_timing_1989" in reason["sources"]

    text = flat(runner.invoke(app, ["check", "magnesium", "--med", "Cipro"]).output)
    assert "CAUTION Quinolone antibiotics" in text and "Separate the doses by at least 6 hours" in text


def test_check_with_kidney_disease_says_avoid() -> None:
    result = runner.invoke(app, ["check", "magnesium", "--condition", "kidney-disease", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "avoid"
    assert data["reasons"][0]["entity"] == "kidney-disease"
    assert "ods_magnesium_factsheet" in data["reasons"][0]["sources"]


def test_kidney_disease_however_written_reaches_the_avoid_record(bundled: EvidenceBase) -> None:
    for written in ("CKD", "chronic kidney disease", "renal impairment"):
        result = screen(bundled, resolve_profile(bundled, profile_from_data({"conditions": [written]})), "magnesium")
        assert result.level == "avoid", written


def test_dose_answer_gives_the_upper_limit_for_supplements(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much magnesium should I take")
    summary = flat(answer.summary)
    assert "350 mg a day" in summary and "supplements and medicines (not food)" in summary
    assert "250 mg a day" in summary
    dosing = next(s for s in answer.sections if s.key == "dosing")
    assert any("Tolerable upper intake level: 350 mg/day" in item for item in dosing.items)
    assert not any("Observed safe level" in item for item in dosing.items)
    assert {"vkm2016_magnesium", "bfr2017_magnesium_maximum"} <= set(dosing.sources)


def test_the_limit_question_names_the_upper_intake_level_not_an_observed_safe_level(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "what is the max magnesium per day")
    assert answer.summary.startswith("The tolerable upper intake level of magnesium is 350 mg/day")
    assert "food does not count" in answer.summary


def test_a_dose_above_the_upper_limit_is_a_caution() -> None:
    result = runner.invoke(app, ["check", "magnesium", "--dose", "250 mg twice a day", "--format", "json"])
    data = json.loads(result.output)
    assert data["dose_check"]["status"] == "above_observed_safe_level"
    assert "tolerable upper intake level of 350 mg/day" in data["dose_check"]["why"]
    ok = json.loads(runner.invoke(app, ["check", "magnesium", "--dose", "200 mg a day", "-f", "json"]).output)
    assert ok["dose_check"]["status"] != "above_observed_safe_level"


def test_side_effects_lead_with_diarrhoea(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "magnesium side effects")
    assert "diarrhoea" in answer.summary.lower()
    section = next(s for s in answer.sections if s.key == "side_effects")
    assert "vkm2016_magnesium" in section.sources


@pytest.mark.parametrize("text", ["does magnesium cause diarrhea", "does magnesium cause diarrhoea"])
def test_a_diarrhoea_question_finds_only_the_diarrhoea_record(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "side_effects"
    recorded = next(p for p in answer.key_points if p.startswith("Recorded among"))
    assert "diarrhoea" in recorded and "hypermagnesaemia" not in recorded


def test_pregnancy_question_is_a_caution_with_sources(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take magnesium while pregnant")
    assert answer.safety_level == "caution"
    first = answer.cautions[0]
    assert first.kind == "population" and first.entity == "magnesium-pregnancy" and first.matches_question


@pytest.mark.parametrize(
    "name",
    ["mag glycinate", "magnesium glycinate", "magnesium citrate", "Epsom salts", "magnesium oxide",
     "magnesium malate", "magnesium L-threonate", "magnesium supplement", "Magnesium"],
)
def test_the_salts_people_name_are_magnesium(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"is {name} safe with sertraline?", bundled)
    assert query.entities.get("substance") == ("magnesium",), query.entities
    assert name.lower() not in {t.lower() for t in query.unrecognised}


def test_food_sources_answer_names_amounts_per_serving(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "what foods contain magnesium?")
    items = " ".join(item for s in answer.sections for item in s.items)
    assert "317 mg" in items and "83 mg" in items


def test_magnesium_joins_the_existing_depression_comparison_rather_than_a_second_one(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "magnesium vs fish oil for depression")
    with_magnesium = [c for c in answer.comparisons if "magnesium" in {row.substance for row in c.rows}]
    assert [c.id for c in with_magnesium if "depression" in c.id] == ["mood-support-in-depression"]
    assert {"magnesium", "omega-3"} <= {row.substance for row in with_magnesium[0].rows}


def test_doxy_is_doxycycline(bundled: EvidenceBase) -> None:
    assert ask(bundled, "mag citrate and doxy").cautions[0].entity == "tetracycline-antibiotics"
