"""Omega-3 (fish oil, EPA and DHA) as a person meets it: a low-certainty benefit in depression that
rests on EPA-rich products, the warfarin interaction graded minor on case-report evidence, atrial
fibrillation at higher doses, the 5 g/day EPA+DHA amount judged safe, and nothing invented for
fibromyalgia."""

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

from .evidence_helpers import ask, cited, flat

runner = CliRunner()
OMEGA3 = "omega-3"



def check(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), OMEGA3)



@pytest.mark.parametrize(
    "text", ["does fish oil help depression", "omega 3s for depression", "krill oil for depression"]
)
def test_depression_is_a_low_certainty_benefit_with_both_reviews_cited(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (OMEGA3, "mood", "depression")
    assert verdict.direction == "helps" and verdict.certainty == "low"
    assert {"liao2019_omega3_ma", "appleton2021_omega3_cochrane"} <= cited(answer)
    assert any("EPA" in point for point in answer.key_points)


def test_the_epa_share_is_named_as_what_changes_the_answer(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does fish oil help depression")
    texts = [flat(" ".join(section.items)) for section in answer.sections]
    assert any("Whether the product is EPA-rich" in text for text in texts)


def test_nothing_is_invented_for_fibromyalgia(bundled: EvidenceBase) -> None:
    verdict = ask(bundled, "does omega-3 help fibromyalgia pain").verdict
    assert verdict is not None and verdict.code == "NO_EVIDENCE" and verdict.answer == "unclear"


def test_check_with_warfarin_gives_the_interaction_and_what_to_do() -> None:
    result = runner.invoke(app, ["check", "omega-3", "--med", "warfarin", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "caution"
    reason = next(r for r in data["reasons"] if r["kind"] == "interaction")
    assert reason["entity"] == "warfarin" and reason["level"] == "caution"
    assert "INR checked" in reason["why"]
    assert {"bender1998_fish_oil_warfarin", "buckley2004_fish_oil_warfarin"} <= set(reason["sources"])


def test_the_warfarin_record_is_minor_on_case_report_evidence(bundled: EvidenceBase) -> None:
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, OMEGA3)}
    warfarin = records["warfarin"]
    assert warfarin.severity.value == "minor" and warfarin.evidence_level.value == "C"
    assert {a.value for a in warfarin.actions} == {"monitor", "tell_prescriber"}
    assert records["antiplatelets"].evidence_level.value == "D"


def test_a_question_naming_warfarin_leads_with_it(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "is fish oil safe with warfarin")
    first = answer.cautions[0]
    assert first.kind == "interaction" and first.entity == "warfarin" and first.matches_question
    assert answer.safety_level == "caution"


def test_atrial_fibrillation_is_a_caution_with_its_meta_analysis(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take fish oil with atrial fibrillation")
    assert answer.safety_level == "caution"
    assert answer.cautions[0].entity == "atrial-fibrillation"
    assert "gencer2021_omega3_af_ma" in answer.cautions[0].sources


@pytest.mark.parametrize(
    ("dose", "status", "level"),
    [("2 g a day", "within_observed_safe_level", "no_known_issue"),
     ("4 g twice a day", "above_studied_doses", "caution")],
)
def test_doses_are_placed_against_the_5_g_efsa_level(
    bundled: EvidenceBase, dose: str, status: str, level: str
) -> None:
    result = check(bundled, dose=dose)
    assert result.dose_check is not None and result.dose_check.status == status
    assert result.level == level


def test_dose_answer_gives_the_guideline_range(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much fish oil should I take")
    summary = flat(answer.summary)
    assert "1 to 2 g of EPA a day" in summary
    assert "guu2019_isnpr_omega3_guideline" in cited(answer)


@pytest.mark.parametrize(
    "name", ["fish oil", "omega 3", "omega 3s", "krill oil", "algal oil", "EPA", "DHA", "cod liver oil"]
)
def test_every_common_name_is_recognised(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"is {name} safe with warfarin", bundled)
    assert query.substances == (OMEGA3,)
    assert query.drugs == ("warfarin",)


def test_mood_in_people_without_depression_shows_no_effect_in_the_large_trial(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does fish oil improve mood")
    verdict = answer.verdict
    assert verdict is not None and verdict.condition is None
    assert verdict.direction == "no_effect" and verdict.answer == "no"
    assert "okereke2021_vital_dep_omega3" in cited(answer)
