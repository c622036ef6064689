"""Vitamin D as a person meets it: an honest "unclear" for fibromyalgia pain, where one small trial
and two meta-analyses disagree; a graded depression verdict beside the large null prevention trial;
the 4,000 IU (100 microgram) upper level, which counts food too; high blood calcium as the harm;
and the thiazide, orlistat and resin interactions."""

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

from .evidence_helpers import ask, cited, flat

runner = CliRunner()
VITD = "vitamin-d"



def check(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), VITD)



def test_fibromyalgia_pain_is_unclear_because_the_meta_analyses_found_no_clear_effect(
    bundled: EvidenceBase,
) -> None:
    answer = ask(bundled, "does vitamin D help fibromyalgia")
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (VITD, "pain", "fibromyalgia")
    assert verdict.answer == "unclear" and verdict.certainty == "very_low"
    assert {"wepner2014_vitd_fibromyalgia", "yang2023_vitd_fm_ma", "qu2022_vitd_fm_ma"} <= cited(answer)
    assert any("inconsistency" in point for point in answer.key_points)


def test_the_fiq_improvement_is_shown_but_not_counted_as_pain(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does vitamin D help fibromyalgia pain")
    fiq = next(item for item in answer.evidence if item.finding_id == "vitamin-d-decreases-fibromyalgia-impact")
    assert not fiq.direct


def test_depression_verdict_is_graded_and_the_null_prevention_trial_is_listed(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "vit d for depression")
    verdict = answer.verdict
    assert verdict is not None and (verdict.outcome, verdict.condition) == ("mood", "depression")
    assert verdict.direction == "helps" and verdict.certainty == "moderate"
    assert {"xie2022_vitd_ma", "okereke2020_vital_dep_vitd"} <= cited(answer)


def test_mood_in_people_without_depression_shows_no_effect(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "does vitamin D improve mood").verdict
    assert verdict is not None and verdict.direction == "no_effect" and verdict.answer == "no"


def test_too_much_is_answered_with_the_upper_level_that_counts_food(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much vitamin D is too much")
    summary = flat(answer.summary)
    assert summary.startswith("The tolerable upper intake level of vitamin D is 4000 IU/day")
    assert "food and supplements together" in summary and "100 micrograms" in summary
    assert {"iom2011_vitd_dri", "efsa2023_vitd_ul"} <= cited(answer)


def test_a_dose_above_the_upper_level_is_flagged(bundled: EvidenceBase) -> None:
    result = runner.invoke(app, ["check", "vitamin D", "--dose", "10000 IU a day", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "caution"
    dose = data["dose_check"]
    assert dose["ratio_to_safe_level"] == pytest.approx(2.5)
    assert "tolerable upper intake level of 4000 IU/day" in dose["why"]


def test_a_usual_dose_is_within_the_upper_level(bundled: EvidenceBase) -> None:
    result = check(bundled, dose="2000 IU a day")
    assert result.dose_check is not None and result.dose_check.status == "within_observed_safe_level"
    assert result.level == "no_known_issue"


@pytest.mark.parametrize(
    ("medicine", "reached", "level"),
    [
        ("hydrochlorothiazide", "thiazide-diuretics", "moderate"),
        ("Xenical", "orlistat", "minor"),
        ("Questran", "bile-acid-sequestrants", "minor"),
    ],
)
def test_medicine_interactions_are_screened(bundled: EvidenceBase, medicine: str, reached: str, level: str) -> None:
    result = check(bundled, medications=[medicine])
    reason = next(r for r in result.reasons if r.kind == "interaction")
    assert result.level == "caution" and reason.entity == reached
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, VITD)}
    assert records[reached].severity.value == level


def test_high_blood_calcium_is_a_reason_to_avoid(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take vitamin D with hypercalcemia")
    assert answer.safety_level == "avoid"
    assert answer.cautions[0].entity == "hypercalcaemia"


def test_side_effects_name_high_calcium(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "vit d side effects")
    assert "hypercalcaemia" in answer.summary.lower()


@pytest.mark.parametrize(
    "name",
    ["vitamin D3", "cholecalciferol", "ergocalciferol", "vit D", "vitamin D2", "vitamin d drops"],
)
def test_every_common_name_is_recognised(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"is {name} safe in pregnancy", bundled)
    assert VITD in query.substances


def test_a_dose_in_micrograms_is_checked_against_the_level_in_iu(bundled: EvidenceBase) -> None:
    result = check(bundled, dose="250 mcg a day")
    dose = result.dose_check
    assert dose is not None and dose.understood == "250 mcg once a day = 10000 IU/day"
    assert dose.ratio_to_safe_level == pytest.approx(2.5) and result.level == "caution"
    assert any("40 IU of Vitamin D are 1 microgram" in note for note in dose.notes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=2_000_000))
def test_iu_and_micrograms_give_the_same_verdict(bundled: EvidenceBase, iu: int) -> None:
    """The same amount written in IU or in micrograms (40 IU each) is judged alike."""
    in_iu = check(bundled, dose=f"{iu} IU a day").dose_check
    in_mcg = check(bundled, dose=f"{iu / 40:g} mcg a day").dose_check
    assert in_iu is not None and in_mcg is not None
    assert in_iu.status == in_mcg.status
    assert in_iu.ratio_to_safe_level == pytest.approx(in_mcg.ratio_to_safe_level, rel=1e-3)
