"""5-HTP as a person meets it: the serotonin interactions lead every answer that names an
antidepressant, tramadol or another serotonergic supplement; the depression and fibromyalgia
verdicts are graded as the weak studies allow and cite them; the dose answer says there is no agreed
dose; the Parkinson's tablet reaches the carbidopa record."""

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
HTP = "5-htp"



def check(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), HTP)



# -- interactions lead -------------------------------------------------------------------------


def test_tramadol_question_leads_with_avoid_and_serotonin(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take 5-HTP with tramadol")
    assert not answer.crisis
    assert answer.safety_level == "avoid"
    assert answer.summary.startswith("Avoid")
    assert "serotonin" in answer.summary.lower()
    first = answer.cautions[0]
    assert (first.entity, first.level, first.matches_question) == ("tramadol", "avoid", True)
    assert "adam_5htp_interactions" in first.sources


def test_check_with_zoloft_says_avoid_because_of_serotonin() -> None:
    result = runner.invoke(app, ["check", "5-htp", "--med", "Zoloft"])
    assert result.exit_code == 0, result.output
    text = words(result.output)
    assert text.startswith("avoid") and "you wrote 'zoloft'" in text and "serotonin syndrome" in text


@pytest.mark.parametrize(
    ("medicine", "reached", "level", "why"),
    [
        ("sertraline", "antidepressants", "avoid", "serotonin syndrome"),
        ("my antidepressant", "antidepressants", "avoid", "serotonin"),
        ("Cymbalta", "antidepressants", "avoid", "snris"),
        ("Nardil", "maois", "avoid", "serotonin syndrome"),
        ("Imitrex", "triptans", "avoid", "serotonin"),
        ("Ultram", "tramadol", "avoid", "serotonin syndrome"),
        ("St John's wort", "st-johns-wort", "avoid", "serotonin"),
        ("Sinemet", "carbidopa", "caution", "scleroderma"),
        ("SAMe", "same", "caution", "serotonin"),
    ],
)
def test_each_serotonergic_partner_is_screened_with_its_level(
    bundled: EvidenceBase, medicine: str, reached: str, level: str, why: str
) -> None:
    result = check(bundled, medications=[medicine])
    assert result.level == level, result.summary
    reason = next(r for r in result.reasons if r.entity == reached)
    assert reason.level == level and reason.sources
    assert why in words(f"{reason.why} {reason.mechanism}")


def test_the_interaction_records_carry_both_scales(bundled: EvidenceBase) -> None:
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, HTP)}
    assert records["maois"].severity.value == "contraindicated"
    assert records["tramadol"].evidence_level.value == "C"
    assert records["antidepressants"].evidence_level.value == "D"
    assert {"serotonergic", "enzyme_inhibition"} <= {k.value for k in records["carbidopa"].mechanism_kinds}
    assert all("serotonergic" in {k.value for k in r.mechanism_kinds} for r in records.values())


def test_both_sides_of_a_supplement_pair_say_the_same(bundled: EvidenceBase) -> None:
    """Each supplement pair is screened from either side, so its two records must agree."""
    by_pair = {(r.substance, r.drug): r for r in bundled.interactions}
    for pair in (("5-htp", "st-johns-wort"), ("5-htp", "same"), ("same", "st-johns-wort")):
        one, other = by_pair[pair], by_pair[(pair[1], pair[0])]
        assert (one.severity, one.evidence_level, one.actions, one.mechanism_kinds) == (
            other.severity,
            other.evidence_level,
            other.actions,
            other.mechanism_kinds,
        )
        assert set(one.sources) & set(other.sources)


def test_naming_two_serotonin_supplements_warns_about_the_pair_once(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take 5-HTP with St John's wort?")
    assert answer.safety_level == "avoid"
    assert answer.summary.startswith("Avoid: 5-HTP (5-hydroxytryptophan) is advised against for people taking St ")
    assert answer.summary.count("Avoid:") == 1
    matching = [x for x in answer.cautions if x.matches_question]
    assert [(x.substance, x.entity) for x in matching] == [(HTP, "st-johns-wort")]


def test_check_json_on_the_parkinson_tablet_names_carbidopa() -> None:
    result = runner.invoke(app, ["check", "5-HTP", "--med", "Sinemet", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["substance"] == HTP and data["level"] == "caution"
    reason = next(r for r in data["reasons"] if r["entity"] == "carbidopa")
    assert "drugscom_5htp_carbidopa" in reason["sources"]


# -- verdicts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["does 5-HTP help depression", "5-hydroxytryptophan for depression"])
def test_depression_verdict_is_very_low_and_cites_the_cochrane_review(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (HTP, "mood", "depression")
    assert verdict.certainty == "very_low" and verdict.answer == "unclear"
    assert "shaw2002_htp_trp_cochrane" in cited(answer)


@pytest.mark.parametrize("text", ["5-htp for fibromyalgia", "does 5-HTP help fibromyalgia pain"])
def test_fibromyalgia_verdict_rests_on_an_uncontrolled_study(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None
    assert (verdict.substance, verdict.outcome, verdict.condition) == (HTP, "pain", "fibromyalgia")
    assert verdict.direction == "helps" and verdict.certainty == "very_low" and verdict.answer == "unclear"
    assert "sarzi1992_htp_fibromyalgia_open" in cited(answer)
    assert any("no control group" in point for point in answer.key_points)


def test_griffonia_extract_is_5htp(bundled: EvidenceBase) -> None:
    for name in ("Griffonia simplicifolia extract", "oxitriptan", "5 HTP", "5HTP"):
        assert parse(f"is {name} safe?", bundled).substances == (HTP,), name


# -- dose, side effects, populations ------------------------------------------------------------


def test_dose_answer_says_there_is_no_agreed_dose(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "how much 5-HTP should I take")
    summary = words(answer.summary)
    assert "no agreed dose" in summary and "50 to 500 mg a day" in summary
    dosing = next(s for s in answer.sections if s.key == "dosing")
    assert "poisoncontrol_5htp_safety" in dosing.sources


def test_side_effects_include_the_contamination_history(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "5-HTP side effects")
    section = next(s for s in answer.sections if s.key == "side_effects")
    joined = words(" ".join(section.items))
    assert "30%" in joined and "eosinophilia-myalgia" in joined and "not established for 5-htp" in joined
    assert {"sarzi1992_htp_fibromyalgia_open", "poisoncontrol_5htp_safety"} <= set(section.sources)


def test_pregnancy_is_a_caution_for_lack_of_data(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can I take 5-HTP while pregnant")
    assert answer.safety_level == "caution"
    first = answer.cautions[0]
    assert first.kind == "population" and first.entity == "5-htp-pregnancy" and first.matches_question


def test_a_serotonin_syndrome_question_finds_the_record(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "can 5-HTP cause serotonin syndrome")
    assert answer.intent == "side_effects"
    recorded = next(p for p in answer.key_points if p.startswith("Recorded among"))
    assert "serotonin syndrome" in recorded
