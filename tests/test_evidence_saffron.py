"""Saffron as a person meets it: a low-certainty benefit for mood in depression with its
meta-analyses cited, an honest "unclear" for fibromyalgia (the only trial had no placebo), theoretical
interactions that ask for the prescriber's agreement rather than forbid, the amounts studied and the
level above which a dose is questioned, and pregnancy and bipolar disorder as reasons to avoid it."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen

from .evidence_helpers import ask, cited, flat, words

runner = CliRunner()
SAFFRON = "saffron"


def check(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), SAFFRON)


# -- verdicts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Does saffron help depression?", "saffron for low mood", "Does Crocus sativus help my depression?"]
)
def test_depression_is_a_low_certainty_benefit_resting_on_the_meta_analyses(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (SAFFRON, "mood", "depression")
    assert (verdict.direction, verdict.certainty, verdict.answer) == ("helps", "low", "yes")
    meta_analyses = {"yang2018_saffron_mdd_ma", "marx2019_saffron_depression_anxiety_ma",
                     "hausenblas2013_saffron_mdd_ma"}
    assert meta_analyses <= cited(answer)
    assert any("publication" in point for point in answer.key_points)


def test_fibromyalgia_is_unclear_because_the_only_trial_had_no_placebo(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does saffron help fibromyalgia pain?")
    verdict = answer.verdict
    assert verdict is not None and (verdict.outcome, verdict.condition) == ("pain", "fibromyalgia")
    assert (verdict.direction, verdict.answer) == ("unknown", "unclear")
    assert "shakiba2018_saffron_duloxetine_fibromyalgia" in cited(answer)
    assert "no placebo" in words(" ".join(answer.key_points))


def test_nothing_is_invented_for_fibromyalgia_fatigue(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "Does saffron help fatigue in fibromyalgia?").verdict
    assert verdict is not None and verdict.direction == "unknown" and verdict.certainty is None


@pytest.mark.parametrize(
    ("text", "outcome", "source"),
    [
        ("Does saffron help anxiety?", "anxiety-symptoms", "jafarnia2017_saffron_sertraline_gad"),
        ("Does saffron help sleep?", "sleep", "lopresti2020_affron_sleep"),
    ],
)
def test_anxiety_and_sleep_are_low_certainty_benefits(
    bundled: EvidenceBase, text: str, outcome: str, source: str
) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None and verdict.outcome == outcome
    assert (verdict.direction, verdict.certainty) == ("helps", "low")
    assert source in cited(answer)


def test_the_depression_overview_lists_saffron_with_its_grade(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "What supplements help depression?")
    assert answer.overview is not None
    row = next(r for r in answer.overview.rows if r.substance == SAFFRON)
    mood = next(c for c in row.cells if c.outcome == "mood")
    assert (mood.direction, mood.certainty) == ("helps", "low")


# -- interactions: theoretical, so caution with the prescriber, never a ban ------------------------


@pytest.mark.parametrize(
    ("medicine", "reached", "why"),
    [
        ("sertraline", "antidepressants", "serotonin"),
        ("Zoloft", "antidepressants", "in theory"),
        ("Cymbalta", "antidepressants", "snris"),
        ("my antidepressant", "antidepressants", "serotonin"),
        ("Coumadin", "anticoagulants", "clotting tests"),
        ("aspirin", "antiplatelets", "platelet"),
    ],
)
def test_medicines_get_a_caution_with_the_mechanism_and_sources(
    bundled: EvidenceBase, medicine: str, reached: str, why: str
) -> None:
    result = check(bundled, medications=[medicine])
    assert result.level == "caution", result.summary
    reason = next(r for r in result.reasons if r.entity == reached)
    assert reason.matched_term == medicine
    assert why in words(f"{reason.why} {reason.mechanism}")
    assert reason.sources


def test_the_interaction_records_say_how_weak_the_evidence_is(bundled: EvidenceBase) -> None:
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, SAFFRON)}
    assert set(records) == {"antidepressants", "anticoagulants", "antiplatelets"}
    assert all(r.evidence_level.value == "D" for r in records.values())
    assert records["antidepressants"].severity.value == "moderate"
    assert {"serotonergic"} <= {k.value for k in records["antidepressants"].mechanism_kinds}
    assert records["anticoagulants"].severity.value == "minor"
    assert {"bleeding"} == {k.value for k in records["antiplatelets"].mechanism_kinds}


def test_the_sertraline_question_leads_with_the_prescribers_agreement(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Is saffron safe with sertraline?")
    assert answer.safety_level == "caution" and answer.summary.startswith("Take care")
    first = answer.cautions[0]
    assert (first.entity, first.matches_question) == ("antidepressants", True)
    assert {"lopresti2019_affron_adjunct", "jafarnia2017_saffron_sertraline_gad"} <= set(first.sources)
    assert "no case of serotonin syndrome" in words(first.reason)


def test_check_command_on_a_brand_name() -> None:
    result = runner.invoke(app, ["check", "saffron", "--med", "Zoloft", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["substance"] == SAFFRON and data["level"] == "caution"
    assert data["reasons"][0]["entity"] == "antidepressants"
    assert "lopresti2019_affron_adjunct" in data["reasons"][0]["sources"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["saffron", "Saffron", "affron", "Crocus sativus", "saffron extract", "saffron capsules"]),
    medicine=st.sampled_from(["Zoloft", "Prozac", "Lexapro", "Celexa", "Cymbalta", "Effexor", "sertraline"]),
    frame=st.sampled_from(["Is {s} safe with {m}?", "can I take {s} and {m}", "{m} plus {s} ok?"]),
)
def test_any_saffron_name_with_any_serotonergic_antidepressant_is_a_caution(
    bundled: EvidenceBase, name: str, medicine: str, frame: str
) -> None:
    answer = ask(bundled, frame.format(s=name, m=medicine))
    assert answer.safety_level == "caution"
    assert answer.cautions[0].entity == "antidepressants"


# -- amounts, side effects, populations --------------------------------------------------------


@pytest.mark.parametrize("text", ["How much saffron should I take?", "saffron dose"])
def test_dose_answer_gives_the_amounts_studied(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "dosing"
    dosing = next(s for s in answer.sections if s.key == "dosing")
    seen = words(" ".join(dosing.items))
    assert "30 mg a day" in seen and "14 mg twice a day" in seen and "not a recommendation" in seen


def test_the_limit_question_gives_the_observed_safe_level(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "what is the max saffron per day")
    assert flat(answer.summary).startswith("The observed safe level of saffron is 100 mg/day")


@pytest.mark.parametrize(("dose", "above"), [("450 mg a day", True), ("15 mg twice a day", False)])
def test_a_dose_above_the_observed_safe_level_is_questioned(dose: str, above: bool) -> None:
    result = runner.invoke(app, ["check", "saffron", "--dose", dose, "--format", "json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.output)["dose_check"]["status"]
    assert (status == "above_observed_safe_level") is above


def test_side_effects_include_the_poisoning_from_grams(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "saffron side effects")
    assert answer.intent == "side_effects"
    listed = words(" ".join(next(s for s in answer.sections if s.key == "side_effects").items))
    assert "nausea" in listed and "5 g" in listed and "no more common than with placebo" in listed


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Can I take saffron while pregnant?", "avoid"),
        ("Is saffron safe while breastfeeding?", "avoid"),
        ("Can I take saffron if I have bipolar?", "avoid"),
        ("Can my 15 year old take saffron?", "caution"),
    ],
)
def test_populations_and_bipolar_disorder(bundled: EvidenceBase, text: str, level: str) -> None:
    answer = ask(bundled, text)
    assert answer.safety_level == level
    assert answer.cautions[0].matches_question and answer.cautions[0].sources


def test_postnatal_depression_while_breastfeeding_leads_with_avoid(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Can I take saffron for postnatal depression while breastfeeding?")
    assert answer.safety_level == "avoid" and answer.summary.startswith("Avoid")
    first = answer.cautions[0]
    assert "kashani2017_saffron_fluoxetine_postpartum" in first.sources
    assert "excluded breastfeeding women" in words(first.reason)


# -- comparisons and names ---------------------------------------------------------------------


def test_the_choice_between_saffron_and_an_antidepressant_is_compared(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Saffron or fluoxetine for depression?")
    table = next(c for c in answer.comparisons if c.id == "saffron-or-an-antidepressant-for-depression")
    assert [row.substance for row in table.rows] == [SAFFRON, "ssris", "tricyclic-antidepressants"]
    assert "khaksarian2019_saffron_fluoxetine_ma" in table.rows[0].sources


def test_the_fibromyalgia_comparison_with_duloxetine_says_there_was_no_placebo(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "saffron or duloxetine for fibromyalgia")
    table = next(c for c in answer.comparisons if c.id == "saffron-or-duloxetine-for-fibromyalgia")
    assert "without a placebo" in words(table.rows[0].research_strength)
    assert answer.safety_level == "caution"  # duloxetine is an antidepressant: the caution still leads


@pytest.mark.parametrize(
    "name",
    ["saffron", "Crocus sativus", "affron", "saffron extract", "saffron capsules", "safron", "saffaron", "kesar"],
)
def test_every_common_name_is_recognised(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"Is {name} safe with Prozac?", bundled)
    assert query.substances == (SAFFRON,)
    assert query.drugs == ("fluoxetine",)
