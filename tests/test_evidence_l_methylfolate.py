"""L-methylfolate, folate (folic acid) and vitamins B12 and B6 in the bundled evidence base, as a person
meets them: a low-certainty add-on benefit for L-methylfolate, a mixed picture for folic acid, only
uncontrolled evidence in fibromyalgia, folic acid hiding B12 deficiency, the upper limits, the
medicines that interact, pregnancy, foods, and the brand and chemical names people use."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse

from .evidence_helpers import ask, cited, flat, words

runner = CliRunner()


def _check(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_l_methylfolate_in_depression_is_a_low_certainty_benefit_with_the_null_trial_named(
    bundled: EvidenceBase,
) -> None:
    answer = ask(bundled, "Does L-methylfolate help depression?")
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == ("l-methylfolate", "mood", "depression")
    assert verdict.direction == "helps" and verdict.certainty == "low"
    assert "papakostas2012_lmf_ssri" in cited(answer)
    points = words(" ".join(answer.key_points))
    assert "7.5 mg" in points and "no difference from placebo" in points


def test_folic_acid_in_depression_is_mixed_because_the_largest_trial_found_nothing(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does folic acid help depression")
    verdict = answer.verdict
    assert verdict is not None and verdict.substance == "folate"
    assert verdict.direction == "mixed" and verdict.answer == "unclear"
    assert {"folated2014", "coppen2000_fluoxetine_folic_acid", "altaf2021_folate_adjunct_ma"} <= cited(answer)


def test_b12_for_fibromyalgia_pain_rests_on_uncontrolled_evidence_only(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does B12 help fibromyalgia pain")
    verdict = answer.verdict
    assert verdict is not None and verdict.substance == "vitamin-b12" and verdict.condition == "fibromyalgia"
    assert verdict.direction != "helps" and verdict.certainty == "very_low"
    assert "gharibpoor2022_b12_fibromyalgia" in cited(answer)


def test_b12_for_depression_is_unclear_not_a_benefit(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "does vitamin B12 help depression").verdict
    assert verdict is not None and verdict.answer == "unclear" and verdict.direction != "helps"


def test_folic_acid_is_avoided_with_untreated_b12_deficiency_however_it_is_written() -> None:
    for written in ("pernicious anaemia", "B12 deficiency", "low B12"):
        data = _check("folic acid", "--condition", written)
        assert data["level"] == "avoid", written
        reasons = data["reasons"]
        assert isinstance(reasons, list)
        assert reasons[0]["entity"] == "vitamin-b12-deficiency"
        assert "accord_folic_acid_smpc" in reasons[0]["sources"]


def test_l_methylfolate_with_low_b12_or_bipolar_disorder_is_a_caution_not_an_avoid() -> None:
    for condition in ("B12 deficiency", "bipolar disorder"):
        assert _check("Deplin", "--condition", condition)["level"] == "caution", condition


def test_the_folic_acid_limit_is_the_upper_intake_level_for_supplements_and_fortified_food(
    bundled: EvidenceBase,
) -> None:
    answer = ask(bundled, "what is the max folic acid per day")
    summary = flat(answer.summary)
    assert summary.startswith("The tolerable upper intake level of folate (folic acid) is 1000 mcg/day")
    assert "fortified foods" in summary
    dosing = next(s for s in answer.sections if s.key == "dosing")
    assert "iom1998_b_vitamin_dri" in dosing.sources


def test_folic_acid_above_the_upper_limit_is_flagged_and_5_mg_also_as_beyond_the_studied_doses() -> None:
    data = _check("folate", "--dose", "1500 mcg a day")
    dose_check = data["dose_check"]
    assert isinstance(dose_check, dict)
    assert dose_check["status"] == "above_observed_safe_level"
    assert "tolerable upper intake level of 1000 mcg/day" in dose_check["why"]
    high = _check("folic acid", "--dose", "5 mg a day")["dose_check"]
    assert isinstance(high, dict) and high["status"] == "above_studied_doses"
    assert "5 times the tolerable upper intake level" in high["why"]
    ok = _check("folate", "--dose", "400 mcg a day")["dose_check"]
    assert isinstance(ok, dict) and ok["status"] != "above_observed_safe_level"


def test_b6_above_the_eu_limit_is_a_caution_and_the_answer_names_both_limits(bundled: EvidenceBase) -> None:
    dose_check = _check("vitamin B6", "--dose", "50 mg a day")["dose_check"]
    assert isinstance(dose_check, dict) and dose_check["status"] == "above_observed_safe_level"
    summary = flat(ask(bundled, "how much B6 is safe").summary)
    assert "100 mg a day in the US" in summary and "12 mg a day in the EU" in summary
    limit = flat(ask(bundled, "what happens if I take too much B6").summary)
    assert limit.startswith("The tolerable upper intake level of vitamin B6 is 12 mg/day")
    assert "food and supplements together" in limit


def test_b6_side_effects_lead_with_nerve_damage(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "B6 side effects")
    assert "neuropathy" in answer.summary.lower()
    section = next(s for s in answer.sections if s.key == "side_effects")
    assert "efsa2023_vitamin_b6_ul" in section.sources


def test_folic_acid_side_effects_name_the_hidden_b12_deficiency(bundled: EvidenceBase) -> None:
    assert "hiding a vitamin b12 deficiency" in ask(bundled, "folic acid side effects").summary.lower()


@pytest.mark.parametrize(
    ("text", "drug", "severity_word"),
    [
        ("folic acid and methotrexate", "methotrexate", "prescriber directs"),
        ("folic acid with phenytoin", "phenytoin", "phenytoin level"),
        ("can I take B12 with metformin", "metformin", "B12 check"),
        ("b12 and nexium", "proton-pump-inhibitors", "B12 check"),
        ("can I take B6 with levodopa", "levodopa", "carbidopa"),
    ],
)
def test_interaction_questions_find_the_medicine_and_say_what_to_do(
    bundled: EvidenceBase, text: str, drug: str, severity_word: str
) -> None:
    answer = ask(bundled, text)
    first = answer.cautions[0]
    assert first.kind == "interaction" and first.entity == drug and first.matches_question
    assert severity_word in flat(first.reason)
    assert answer.safety_level == "caution"


def test_cholestyramine_opens_with_the_gap_between_doses(bundled: EvidenceBase) -> None:
    first = ask(bundled, "folic acid with Questran").cautions[0]
    assert first.entity == "cholestyramine"
    assert first.reason.split(": ", 1)[1].startswith("Separate the doses by at least 4 hours.")


def test_l_methylfolate_with_sertraline_has_no_recorded_interaction() -> None:
    data = _check("l-methylfolate", "--med", "sertraline")
    assert data["level"] == "no_known_issue"


def test_pregnancy_answer_describes_the_recommendation_without_prescribing(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take folic acid while pregnant")
    first = answer.cautions[0]
    assert first.kind == "population" and first.entity == "folate-pregnancy" and first.matches_question
    reason = flat(first.reason)
    assert "0.4-0.8 mg" in reason and "neural tube" in reason and "midwife or doctor" in reason
    assert "uspstf_folic_acid_ntd" in first.sources


@pytest.mark.parametrize(
    ("text", "amount"),
    [("what foods have folate", "131 micrograms"), ("what foods contain B12", "70.7 micrograms")],
)
def test_food_sources_give_amounts_per_serving(bundled: EvidenceBase, text: str, amount: str) -> None:
    answer = ask(bundled, text)
    items = " ".join(item for s in answer.sections for item in s.items)
    assert amount in items


def test_folate_food_sources_reuse_the_shared_spinach_and_legume_entities(bundled: EvidenceBase) -> None:
    foods = {record.food for record in bundled.food_sources if record.substance == "folate"}
    assert {"spinach", "leafy-greens", "legumes"} <= foods


def test_the_two_folates_are_compared_in_their_own_comparison(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "L-methylfolate vs folic acid for depression")
    comparison = next(c for c in answer.comparisons if c.id == "folic-acid-or-l-methylfolate-with-an-antidepressant")
    assert {row.substance for row in comparison.rows} == {"l-methylfolate", "folate"}
    mood = next(c for c in answer.comparisons if c.id == "mood-support-in-depression")
    assert {"l-methylfolate", "folate", "omega-3"} <= {row.substance for row in mood.rows}


@pytest.mark.parametrize(
    ("name", "substance"),
    [
        ("Deplin", "l-methylfolate"),
        ("L-5-MTHF", "l-methylfolate"),
        ("levomefolic acid", "l-methylfolate"),
        ("methylfolate", "l-methylfolate"),
        ("methyl folate", "l-methylfolate"),
        ("folic acid", "folate"),
        ("vitamin B9", "folate"),
        ("methylcobalamin", "vitamin-b12"),
        ("cyanocobalamin", "vitamin-b12"),
        ("B12 shots", "vitamin-b12"),
        ("pyridoxine", "vitamin-b6"),
        ("P5P", "vitamin-b6"),
    ],
)
def test_the_names_people_use_reach_the_right_substance(bundled: EvidenceBase, name: str, substance: str) -> None:
    query = parse(f"is {name} safe with sertraline?", bundled)
    assert query.entities.get("substance") == (substance,), query.entities
    assert name.lower() not in {t.lower() for t in query.unrecognised}


def test_b_vitamin_combinations_did_not_prevent_depression_in_large_trials(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "B vitamins for mood")
    verdict = answer.verdict
    assert verdict is not None and verdict.substance == "b-vitamins"
    assert verdict.direction == "no_effect"
    assert {"okereke2015_b_vitamins_depression_women", "walker2010_beyond_ageing_depression"} <= cited(answer)


def test_b6_for_depression_is_indirect_evidence_of_no_effect_not_a_benefit(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does pyridoxine help depression")
    verdict = answer.verdict
    assert verdict is not None and verdict.substance == "vitamin-b6"
    assert verdict.direction != "helps" and verdict.certainty == "very_low"
    assert any("indirect" in point.lower() for point in answer.key_points)


def test_b12_joins_the_fibromyalgia_pain_comparison_with_its_weak_evidence(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "B12 vs magnesium for fibromyalgia pain")
    comparison = next(c for c in answer.comparisons if c.id == "supplements-for-fibromyalgia-pain")
    b12 = next(row for row in comparison.rows if row.substance == "vitamin-b12")
    assert "Very low certainty" in flat(b12.research_strength)
