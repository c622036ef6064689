"""St John's wort as a person meets it: the interactions that make it one of the most dangerous
supplements to combine lead every answer that names the other medicine, the depression verdict is
graded and cited, and the amounts, side effects and populations come from their records."""

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

from .evidence_helpers import ask, words

runner = CliRunner()
SJW = "st-johns-wort"



def check(base: EvidenceBase, **fields: object) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data(fields)), SJW)



# -- interactions lead -------------------------------------------------------------------------


def test_sertraline_question_leads_with_avoid_and_serotonin(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Is St John's wort safe with sertraline?")
    assert answer.safety_level == "avoid"
    assert answer.summary.startswith("Avoid")
    assert "serotonin" in answer.summary.lower()
    first = answer.cautions[0]
    assert (first.entity, first.level, first.matches_question) == ("antidepressants", "avoid", True)
    assert "henderson2002_sjw_interactions" in first.sources


@pytest.mark.parametrize(
    ("medicine", "reached", "why"),
    [
        ("Zoloft", "antidepressants", "serotonin"),
        ("my antidepressant", "antidepressants", "serotonin syndrome"),
        ("SSRI", "antidepressants", "serotonin"),
        ("Tofranil", "antidepressants", "tricyclics"),
        ("the pill", "hormonal-contraceptives", "contraceptive hormones faster"),
        ("combined oral contraceptive", "hormonal-contraceptives", "breakthrough bleeding"),
        ("Microgynon", "hormonal-contraceptives", "cyp3a4"),
        ("Neoral", "immunosuppressants", "rejection"),
        ("Coumadin", "anticoagulants", "inr"),
        ("Eliquis", "anticoagulants", "rivaroxaban"),
        ("blood thinners", "anticoagulants", "clots"),
        ("Cymbalta", "antidepressants", "snris"),
        ("Imitrex", "triptans", "serotonin"),
        ("Ultram", "tramadol", "serotonin"),
        ("Nardil", "maois", "serotonin syndrome"),
        ("5-HTP", "5-htp", "serotonin"),
    ],
)
def test_check_says_avoid_with_the_mechanism(bundled: EvidenceBase, medicine: str, reached: str, why: str) -> None:
    result = check(bundled, medications=[medicine])
    assert result.level == "avoid", result.summary
    reason = next(r for r in result.reasons if r.entity == reached)
    assert reason.matched_term == medicine
    assert why in words(f"{reason.why} {reason.mechanism}")
    assert reason.sources


@pytest.mark.parametrize(
    ("medicine", "reached", "why"),
    [
        ("Xanax", "benzodiazepines", "alprazolam"),
        ("OxyContin", "opioids", "halved"),
        ("Ambien", "z-drugs", "zolpidem"),
        ("SAM-e", "same", "serotonin"),
    ],
)
def test_moderate_interactions_need_care(bundled: EvidenceBase, medicine: str, reached: str, why: str) -> None:
    result = check(bundled, medications=[medicine])
    assert result.level == "caution"
    reason = next(r for r in result.reasons if r.entity == reached)
    assert why in words(f"{reason.why} {reason.mechanism}") and reason.sources


def test_check_command_on_the_brand_name(bundled: EvidenceBase) -> None:
    result = runner.invoke(app, ["check", "St John's wort", "--med", "Zoloft"])
    assert result.exit_code == 0, result.output
    text = words(result.output)
    assert "avoid" in text and "you wrote 'zoloft'" in text and "serotonin syndrome" in text


def test_check_command_json_on_the_pill() -> None:
    result = runner.invoke(app, ["check", "SJW", "--med", "the pill", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["substance"] == SJW and data["level"] == "avoid"
    reason = next(r for r in data["reasons"] if r["entity"] == "hormonal-contraceptives")
    assert "pfrunder2003_sjw_low_dose_oc" in reason["sources"]


def test_the_interaction_records_carry_both_scales(bundled: EvidenceBase) -> None:
    records = {r.drug: r for r in bundled.for_substance(bundled.interactions, SJW)}
    assert records["immunosuppressants"].severity.value == "contraindicated"
    assert records["maois"].severity.value == "contraindicated"
    assert records["hormonal-contraceptives"].evidence_level.value == "A"
    assert {"enzyme_induction"} <= {k.value for k in records["anticoagulants"].mechanism_kinds}
    serotonergic = ("antidepressants", "maois", "triptans", "tramadol", "5-htp")
    assert all("serotonergic" in {k.value for k in records[d].mechanism_kinds} for d in serotonergic)


def test_one_medicine_gets_one_warning_per_record(bundled: EvidenceBase) -> None:
    result = check(bundled, medications=["sertraline"])
    assert [r.entity for r in result.reasons] == ["antidepressants"]


def test_a_second_supplement_in_the_question_is_screened_like_a_medicine(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Can I take hypericum with 5-HTP?")
    assert answer.safety_level == "avoid" and answer.summary.startswith("Avoid")
    assert answer.cautions[0].entity == "5-htp" and answer.cautions[0].matches_question


def test_naming_another_supplement_without_an_interaction_keeps_the_full_list(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does glutamine interact with probiotics?")
    interactions = next(s for s in answer.sections if s.key == "interactions")
    recorded = bundled.for_substance(bundled.interactions, "glutamine")
    assert len(interactions.items) == len(recorded) > 0


# -- the depression verdict --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["does st johns wort help depression", "St. John's wort for depression", "Does SJW improve mood in depression?"],
)
def test_depression_verdict_is_graded_and_cited(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    verdict = answer.verdict
    assert verdict is not None and (verdict.substance, verdict.condition) == (SJW, "depression")
    assert (verdict.direction, verdict.certainty, verdict.answer) == ("helps", "moderate", "yes")
    assert any("inconsistency" in reason.lower() for reason in verdict.reasons)
    cited = {item.source for item in answer.evidence if item.finding_id == "st-johns-wort-increases-mood-in-depression"}
    assert {"linde2008_sjw_cochrane", "apaydin2016_sjw_mdd"} <= cited
    assert all(item.direct for item in answer.evidence if item.source in cited)


def test_nothing_is_invented_for_fibromyalgia(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Does St John's wort help fibromyalgia pain?")
    assert answer.verdict is not None and answer.verdict.direction == "unknown"
    assert answer.verdict.certainty is None


# -- amounts, side effects, populations --------------------------------------------------------


@pytest.mark.parametrize("text", ["How much hypericum should I take?", "St John's wort dose"])
def test_dose_answer_gives_the_studied_range(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert answer.intent == "dosing"
    dosing = next(s for s in answer.sections if s.key == "dosing")
    text_seen = words(" ".join(dosing.items))
    assert "900 mg a day" in text_seen and "300 mg three times a day" in text_seen and "1500 mg" in text_seen
    assert "not a recommendation" in text_seen
    assert "hdtsg2002_sjw_mdd" in dosing.sources


def test_side_effects_include_sunlight_sensitivity_with_rates(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "St John's wort side effects")
    assert answer.intent == "side_effects"
    listed = words(" ".join(next(s for s in answer.sections if s.key == "side_effects").items))
    assert "sunlight" in listed and "0.6%" in listed


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Can I take St John's wort while pregnant?", "avoid"),
        ("Can I take SJW if I have bipolar?", "avoid"),
        ("Is St John's wort safe while breastfeeding?", "caution"),
    ],
)
def test_populations_and_bipolar_disorder(bundled: EvidenceBase, text: str, level: str) -> None:
    answer = ask(bundled, text)
    assert answer.safety_level == level
    assert answer.cautions[0].matches_question


@pytest.mark.parametrize(
    "name",
    ["St John's wort", "St. John's wort", "St Johns wort", "SJW", "hypericum", "Hypericum perforatum",
     "Saint John's wort", "st johns wart"],
)
def test_every_common_name_is_recognised(bundled: EvidenceBase, name: str) -> None:
    query = parse(f"Is {name} safe with Prozac?", bundled)
    assert query.substances == (SJW,)
    assert query.drugs == ("fluoxetine",)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Is St John's wort safe with SAMe?", True),
        ("Can I take St John's wort and glutamine at the same time?", False),
        ("Same question: is St John's wort safe?", False),
        ("is same safe with st johns wort", True),
        ("should i take st john's wort or same", True),
        ("same with me, is St John's wort safe?", False),
        ("st john's wort works the same for everyone?", False),
    ],
)
def test_same_names_the_supplement_as_written_or_in_a_names_slot(
    bundled: EvidenceBase, text: str, named: bool
) -> None:
    assert ("same" in parse(text, bundled).substances) is named


def test_same_with_st_johns_wort_needs_care(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "Is St John's wort safe with SAMe?")
    assert answer.safety_level == "caution"
    assert answer.cautions[0].entity == "same" and answer.cautions[0].matches_question


def test_the_choice_between_st_johns_wort_and_an_ssri_is_compared(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "St John's wort or sertraline for depression?")
    assert answer.safety_level == "avoid"  # never both: the interaction still leads
    table = next(c for c in answer.comparisons if c.id == "st-johns-wort-or-an-ssri-for-depression")
    assert [row.substance for row in table.rows] == [SJW, "ssris"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(st.sampled_from(["is", "it", "the", "at", "glutamine", "safe", "time", "dose", "I", "take"]),
                    max_size=5),
    marked=st.sampled_from(["the", "that", "it's", "exactly the"]),
    same=st.sampled_from(["same", "Same", "same,", "same?"]),
    after=st.lists(st.sampled_from(["time", "as", "before", "dose", "with", "SJW", "day"]), max_size=5),
)
def test_everyday_same_never_names_the_supplement(
    bundled: EvidenceBase, before: list[str], marked: str, same: str, after: list[str]
) -> None:
    """After a determiner "same" is the adjective, whatever surrounds it (questions/name_slots.py)."""
    query = parse(" ".join([*before, marked, same, *after]), bundled)
    assert "same" not in query.substances


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(st.sampled_from(["is", "glutamine", "safe", "I", "take", "with"]), max_size=4),
    described=st.sampled_from(["time", "as", "dose", "day", "thing", "here", "again", "old", "problem"]),
    after=st.lists(st.sampled_from(["with", "SJW", "glutamine", "for", "pain"]), max_size=4),
)
def test_same_describing_a_noun_never_names_the_supplement(
    bundled: EvidenceBase, before: list[str], described: str, after: list[str]
) -> None:
    """Before a word it describes ("same time", "same as", "same here") it is the adjective too."""
    query = parse(" ".join([*before, "same", described, *after]), bundled)
    assert "same" not in query.substances
