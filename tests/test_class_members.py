"""A medicine class named reaches its members' safety records, and lay names for groups of medicines
are classes (docs/question-corpus.md, section 7; safety/medicine_reach.py). The answer leads with
such a caution worded as the condition it is; the corpus labels follow the same function."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.corpus_levels import expected_lead_level
from suppwise.questions.name_slots import in_name_slot
from suppwise.safety.medicine_reach import medicine_reach
from suppwise.safety.profile import profile_from_data
from suppwise.safety.screen import resolve_profile, screen
from suppwise.safety.screen_model import Screen

from .evidence_helpers import ask

ROOT = Path(__file__).resolve().parent.parent


def test_a_class_reaches_its_members_through_itself(bundled: EvidenceBase) -> None:
    reached = medicine_reach(bundled, ["anticoagulants"])
    assert reached["anticoagulants"] is None
    assert reached["warfarin"] == "anticoagulants"
    assert reached["doacs"] == "anticoagulants"


def test_a_members_other_classes_are_reached_through_the_class_named(bundled: EvidenceBase) -> None:
    # aspirin is a painkiller and an antiplatelet: "painkillers" reaches the antiplatelet record
    assert medicine_reach(bundled, ["painkillers"])["antiplatelets"] == "painkillers"


def test_a_direct_reach_wins_over_one_through_a_class(bundled: EvidenceBase) -> None:
    reached = medicine_reach(bundled, ["anticoagulants", "warfarin"])
    assert reached["warfarin"] is None


def test_a_condition_never_reaches_its_narrower_conditions(bundled: EvidenceBase) -> None:
    assert "hepatic-encephalopathy" not in medicine_reach(bundled, ["liver-disease"])
    assert expected_lead_level(bundled, ["glutamine", "liver-disease"], []) == "caution"


def test_every_record_on_a_member_reaches_every_class_above_it(bundled: EvidenceBase) -> None:
    """Over the whole base: whatever class a recorded medicine belongs to, naming that class with
    the supplement gives at least the record's level, as the labels and the answer both read it."""
    checked = 0
    for record in bundled.interactions:
        for cls in bundled.ancestors(record.drug)[1:]:
            level = expected_lead_level(bundled, [record.substance, cls], [])
            assert level in ("caution", "avoid"), (record.substance, record.drug, cls)
            checked += 1
    assert checked > 10


@pytest.mark.parametrize(
    ("question", "level", "opening"),
    [
        ("can i have fish oil if i'm on blood thinners", "caution",
         "Take care: if one of your anticoagulants (blood thinners) is warfarin, omega-3"),
        ("5-htp and painkillers, safe combo?", "avoid",
         "Avoid: 5-HTP (5-hydroxytryptophan) is advised against if one of your painkillers (analgesics) is tramadol"),
        ("melatonin with my ssri", "avoid", "Avoid: melatonin is advised against if one of your SSRIs"),
        ("green tea extract with my blood pressure tablets", "caution",
         "Take care: if one of your blood pressure medicines is nadolol"),
        ("st john's wort and heart tablets", "avoid",
         "Avoid: St John's wort is advised against if one of your heart medicines is among the anticoagulants"),
        ("what if i take my levodopa with 5htp", "caution", "Take care: if your levodopa is carbidopa with levodopa"),
    ],
)
def test_a_caution_on_a_member_leads_as_a_condition(
    bundled: EvidenceBase, question: str, level: str, opening: str
) -> None:
    answer = ask(bundled, question)
    assert answer.safety_level == level
    assert answer.summary.startswith(opening), answer.summary
    leading = [c for c in answer.cautions if c.matches_question]
    assert leading and all(c.through for c in leading)


def test_a_medicine_named_itself_is_not_worded_as_a_condition(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "omega 3 with warfarin")
    assert answer.summary.startswith("Take care: omega-3") and "if one of your" not in answer.summary
    assert [c.through for c in answer.cautions if c.matches_question] == [None]


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("does vitamin d clash with my bp meds", "blood-pressure-medicines"),
        ("mum takes heart pills, can she have omega 3", "heart-medicines"),
        ("can st johns wort be taken with pain killers", "painkillers"),
        ("is magnesium ok with my pain medication", "painkillers"),
    ],
)
def test_lay_names_for_groups_of_medicines_are_classes(bundled: EvidenceBase, question: str, entity: str) -> None:
    answer = ask(bundled, question)
    assert entity in answer.entities.get(EntityKind.DRUG_CLASS.value, []), answer.entities


def test_a_lay_class_with_no_member_record_leads_with_nothing(bundled: EvidenceBase) -> None:
    assert ask(bundled, "glutamine and heart meds").safety_level == "none"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(st.sampled_from(["is", "take", "glutamine", "with", "and", "i", "how", "much"]), max_size=4),
    determiner=st.sampled_from(["the", "this", "that", "it", "its", "exactly", "a"]),
    after=st.lists(st.sampled_from(["safe", "and", "with", "for", "helps", "time", "as", "dose"]), max_size=4),
)
def test_after_a_determiner_an_everyday_word_is_never_a_name(
    before: list[str], determiner: str, after: list[str]
) -> None:
    words = [*before, determiner, "same", *after]
    assert not in_name_slot(words, len(before) + 1)


def test_the_relabel_tool_moves_an_everyday_form_of_a_name(bundled: EvidenceBase) -> None:
    """An unknown term the parser now reads through a derived form ("blood pressure pills" from
    "blood pressure medication") moves to the entities, and the lead level follows."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import relabel_for_base as relabel
    finally:
        sys.path.remove(str(ROOT / "tools"))
    item = {
        "id": "t1", "text": "is vitamin d ok with my blood pressure pills", "intent": "interaction",
        "entities": ["vitamin-d"], "population": [], "unknown_terms": ["blood pressure pills"],
        "crisis": False, "hard_negative": False, "lead_level": "none",
    }
    new, change = relabel.relabelled(item, bundled, relabel.lexicon(bundled))
    assert new["entities"] == ["blood-pressure-medicines", "vitamin-d"] and new["unknown_terms"] == []
    assert change.level == ("none", "caution")


def test_the_relabel_tool_follows_a_name_the_base_moved(bundled: EvidenceBase) -> None:
    """ "Sleeping tablets" now names the prescribed hypnotics (Z-drugs and temazepam), not the
    Z-drugs alone: an item labelled z-drugs for that phrase moves; one that names the Z-drugs
    themselves keeps them."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import relabel_for_base as relabel
    finally:
        sys.path.remove(str(ROOT / "tools"))
    item = {
        "id": "t2", "text": "melatonin with my sleeping tablets?", "intent": "interaction",
        "entities": ["melatonin", "z-drugs"], "population": [], "unknown_terms": [],
        "crisis": False, "hard_negative": False, "lead_level": "caution",
    }
    new, change = relabel.relabelled(item, bundled, relabel.lexicon(bundled))
    assert new["entities"] == ["melatonin", "sleeping-pills"] and change.level is None
    named = {**item, "text": "melatonin with z-drugs like my sleeping tablets?"}
    assert relabel.relabelled(named, bundled, relabel.lexicon(bundled))[0]["entities"] == ["melatonin", "z-drugs"]


def test_sleeping_tablets_reach_the_z_drugs_and_the_benzodiazepines_for_sleep(bundled: EvidenceBase) -> None:
    reached = medicine_reach(bundled, ["sleeping-pills"])
    assert reached["z-drugs"] == reached["temazepam"] == reached["benzodiazepines"] == "sleeping-pills"
    # diazepam and alprazolam are benzodiazepines for anxiety, not what "sleeping tablets" names
    assert "diazepam" not in reached and "alprazolam" not in reached
    result = _screen_with(bundled, "melatonin", ["sleeping tablets"])
    assert {r.entity for r in result.reasons} >= {"z-drugs", "benzodiazepines"}


# -- the profile screen (`suppwise check`) holds the same rule ------------------------------------


def _screen_with(base: EvidenceBase, substance: str, medicines: list[str]) -> Screen:
    return screen(base, resolve_profile(base, profile_from_data({"medications": medicines})), substance)


def test_a_class_listed_among_a_persons_medicines_reaches_its_members_records(bundled: EvidenceBase) -> None:
    # was "no known issue" for someone who listed "SSRIs": fluvoxamine's record was left among the
    # general cautions although the person may well take fluvoxamine
    result = _screen_with(bundled, "melatonin", ["SSRIs"])
    assert result.level == "avoid"
    reason = next(r for r in result.reasons if r.entity == "fluvoxamine")
    assert (reason.through, reason.matched_term) == ("ssris", "SSRIs")
    assert reason.entity_name.startswith("Fluvoxamine, if one of your SSRIs")
    assert reason.entity_name.endswith("is fluvoxamine")


def test_a_member_listed_itself_is_screened_directly(bundled: EvidenceBase) -> None:
    result = _screen_with(bundled, "melatonin", ["fluvoxamine"])
    reason = next(r for r in result.reasons if r.entity == "fluvoxamine")
    assert (reason.through, reason.entity_name) == (None, "Fluvoxamine")
    # a member of another class is not reached through a class the person did not list
    assert _screen_with(bundled, "melatonin", ["sertraline"]).level != "avoid"


@given(cls=st.sampled_from(["ssris", "anticoagulants", "painkillers", "anticonvulsants", "antidepressants"]))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_screen_and_the_answer_reach_the_same_records_through_a_class(bundled: EvidenceBase, cls: str) -> None:
    term = bundled.name(cls)
    for substance in ("melatonin", "omega-3", "glutamine", "5-htp", "st-johns-wort"):
        reached = medicine_reach(bundled, [cls])
        recorded = {r.drug for r in bundled.for_substance(bundled.interactions, substance) if r.drug in reached}
        screened = {r.entity for r in _screen_with(bundled, substance, [term]).reasons if r.kind == "interaction"}
        assert recorded == screened, (cls, substance)
