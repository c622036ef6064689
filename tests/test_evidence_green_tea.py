"""Green tea extract in the bundled evidence base, as a person meets it: the liver caution leads,
liver disease is a reason to avoid it, nadolol's blood level falls with green tea, the EU limit on
EGCG and the warning against fasting use answer dose questions, and nothing is claimed for mood
that a study did not show. The drink itself is a food, not the supplement."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse

from .evidence_helpers import ask, flat

runner = CliRunner()
GTE = "green-tea-extract"



def test_the_liver_question_leads_with_the_liver_caution(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is green tea extract bad for the liver")
    assert answer.safety_level == "avoid"
    assert answer.summary.startswith("Avoid") and "liver" in answer.summary.split(". ")[0]
    first = answer.cautions[0]
    assert (first.kind, first.entity, first.matches_question) == ("contraindication", "liver-disease", True)
    assert {"oketchrabah2020_usp_green_tea_hepatotoxicity", "livertox_green_tea"} <= set(first.sources)


def test_check_with_liver_disease_says_avoid_with_sources() -> None:
    result = runner.invoke(app, ["check", "green-tea-extract", "--condition", "liver-disease", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "avoid"
    reason = data["reasons"][0]
    assert reason["entity"] == "liver-disease"
    assert "liver failure" in reason["why"]
    assert "efsa2018_green_tea_catechins" in reason["sources"]


def test_liver_injury_is_a_recorded_side_effect_with_the_efsa_threshold(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "green tea extract side effects")
    section = next(s for s in answer.sections if s.key == "side_effects")
    items = flat(" ".join(section.items))
    assert "Liver injury" in items and "800 mg EGCG" in items
    assert "efsa2018_green_tea_catechins" in section.sources


@pytest.mark.parametrize("text", ["can I take EGCG with nadolol", "green tea extract and Corgard"])
def test_nadolol_questions_lead_with_the_measured_fall_in_its_level(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    first = answer.cautions[0]
    assert (first.kind, first.entity, first.matches_question) == ("interaction", "nadolol", True)
    assert "85%" in first.reason and "misaka2014_green_tea_nadolol" in first.sources
    assert answer.safety_level == "caution"


def test_the_nadolol_record_is_a_controlled_pharmacokinetic_finding_at_the_drug_not_the_class(
    bundled: EvidenceBase,
) -> None:
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, GTE)}
    assert set(records) == {"nadolol"}
    assert records["nadolol"].evidence_level.value == "A"
    assert "beta-blockers" in bundled.ancestors("nadolol")


def test_dose_answer_names_the_eu_limit_and_the_intake_from_tea(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much green tea extract can I take")
    summary = flat(answer.summary)
    assert "less than 800 mg EGCG" in summary and "90 to 300 mg EGCG" in summary
    assert "no safe intake could be set" in summary
    dosing = next(s for s in answer.sections if s.key == "dosing")
    assert any("with food" in item.lower() for item in dosing.items)
    assert {"efsa2018_green_tea_catechins", "eu2022_2340_green_tea_extracts"} <= set(dosing.sources)


def test_how_to_take_it_warns_against_an_empty_stomach(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "when should I take green tea extract")
    assert "empty stomach" in flat(answer.summary)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("can I take green tea extract while pregnant", "green-tea-extract-pregnancy"),
        ("is EGCG safe when breastfeeding", "green-tea-extract-breastfeeding"),
    ],
)
def test_pregnancy_and_breastfeeding_are_reasons_to_avoid(bundled: EvidenceBase, text: str, entity: str) -> None:
    first = ask(bundled, text).cautions[0]
    assert (first.kind, first.entity, first.level) == ("population", entity, "avoid")


def test_depression_is_unclear_and_says_no_study_tested_it_in_depression(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does green tea extract help depression")
    verdict = answer.verdict
    assert verdict is not None and verdict.outcome == "mood" and verdict.condition == "depression"
    assert verdict.direction == "unknown" and verdict.certainty == "very_low" and verdict.answer == "unclear"
    assert any(p.startswith("No study has tested") for p in answer.key_points)


def test_nothing_is_claimed_for_fibromyalgia(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "does green tea extract help fibromyalgia pain").verdict
    assert verdict is not None and verdict.direction == "unknown" and verdict.certainty is None


@pytest.mark.parametrize("name", ["EGCG", "green tea extract", "green tea capsules", "epigallocatechin gallate"])
def test_the_extract_is_recognised_by_its_names(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"is {name} safe with sertraline?", bundled)
    assert query.entities.get("substance") == (GTE,), query.entities


def test_the_drink_is_a_food_that_carries_the_catechins(bundled: EvidenceBase) -> None:
    assert bundled.entities["green-tea"].kind.value == "food"
    answer = ask(bundled, "what foods contain EGCG?")
    items = " ".join(item for s in answer.sections for item in s.items)
    assert "90-300 mg EGCG" in items
