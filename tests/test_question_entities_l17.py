"""Lead level, entities and population, sixth pass (issue 12 §2-§3, lead17; docs/question-understanding.md).

A son or daughter told with a state ("my daughter is epileptic") is the child asked about, so the children's
caution leads; one who only talks, reads or recommends ("my son keeps going on about it") is not. Sport's
age groups ("under-14s", "a u15 swimmer") are children; pumping milk for one's baby is breastfeeding; an age
told after a condition ("has dementia and is 82") is the person's. Recovery beside training is muscle
recovery, "concentrate" as a verb is concentration, the neuropathy named in words ("nerve pain from chemo")
is the neuropathy only, the gut named as a cancer's site is no gut symptom, pumped milk is no food and the
pain of a way to die is no outcome.

Every example was written for this test, none copied from the corpus; the controls beside each family hold
what it must not override."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.parse import parse
from tests.question_helpers import answered, answered_entities, answered_populations, bundled_base

_CHILD = st.sampled_from(["son", "daughter", "boy", "girl"])
_PRONOUN = {"son": "him", "daughter": "her", "boy": "him", "girl": "her"}
_STATE = st.sampled_from(
    [
        "is anxious all the time",
        "is always worn out",
        "has ibs",
        "gets tummy aches",
        "is struggling at school",
        "keeps getting colds",
        "is really moody lately",
    ]
)


@settings(max_examples=30, deadline=None)
@given(child=_CHILD, state=_STATE)
def test_a_child_told_with_a_state_is_the_one_asked_about(child: str, state: str) -> None:
    text = f"my {child} {state}, is glutamine safe for {_PRONOUN[child]}"
    assert "children" in answered_populations(text)
    assert answered(text).safety_level == "caution"


_TALK = st.sampled_from(
    ["keeps going on about", "keeps banging on about", "mentioned", "recommended", "read about", "keeps talking about"]
)


@settings(max_examples=30, deadline=None)
@given(child=st.sampled_from(["son", "daughter", "grandson", "granddaughter"]), talk=_TALK)
def test_a_child_who_only_talks_about_it_is_no_population(child: str, talk: str) -> None:
    text = f"my {child} {talk} glutamine, what even is it"
    assert answered_populations(text) == set()
    assert (answered(text).safety_level or "none") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "would my kids even notice if i was gone",
        "the kids are with their dad this week, can i take melatonin tonight",
        "my daughter is allergic to our cat, is omega 3 ok for my joints",
    ],
)
def test_children_in_the_speakers_story_are_bystanders(text: str) -> None:
    assert "children" not in answered_populations(text)


@settings(max_examples=30, deadline=None)
@given(
    group=st.sampled_from(["under 14s", "under-16s", "under 12 football", "u15", "under-18s", "u13s"]),
    sport=st.sampled_from(["team", "squad", "players"]),
)
def test_sports_age_groups_are_children(group: str, sport: str) -> None:
    text = f"is glutamine ok for my {group} {sport}"
    assert "children" in answered_populations(text)
    assert answered(text).safety_level == "caution"


@pytest.mark.parametrize(
    "text", ["is it ok to keep my glutamine under 25 degrees", "under 10 g of glutamine a day, is that safe"]
)
def test_an_amount_under_a_figure_is_no_age_group(text: str) -> None:
    assert answered_populations(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "im pumping for my baby, is glutamine ok",
        "i pump milk at work for my 4 month old, is glutamine safe",
        "still feeding my baby myself, can i take glutamine",
    ],
)
def test_pumping_for_a_baby_is_breastfeeding_and_avoid_leads(text: str) -> None:
    assert answered_populations(text) == {"breastfeeding"}
    assert answered(text).safety_level == "avoid"
    assert "milk" not in answered_entities(text)


def test_pumping_at_the_gym_is_no_life_stage() -> None:
    assert answered_populations("i pump at the gym four times a week, is glutamine worth taking") == set()


@settings(max_examples=20, deadline=None)
@given(
    who=st.sampled_from(["she's got dementia", "my grandad has parkinsons", "my mum has fibro"]),
    age=st.integers(min_value=66, max_value=99),
)
def test_an_age_told_after_a_condition_is_the_persons(who: str, age: int) -> None:
    assert "older adults" in answered_populations(f"{who} and is {age}, is omega 3 ok")


@settings(max_examples=30, deadline=None)
@given(
    substance=st.sampled_from(["glutamine", "magnesium", "whey"]),
    context=st.sampled_from(
        ["after leg day", "between training sessions", "after football", "after a long run", "i lift 5 days a week"]
    ),
)
def test_recovery_beside_training_is_muscle_recovery(substance: str, context: str) -> None:
    assert "muscle-recovery" in answered_entities(f"is {substance} good for recovery {context}")


@pytest.mark.parametrize("text", ["glutamine for recovery after surgery", "can omega 3 help recovery from depression"])
def test_other_recoveries_are_not_muscle_recovery(text: str) -> None:
    assert "muscle-recovery" not in answered_entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "can't concentrate at work, would glutamine help",
        "does magnesium help you concentrate",
        "struggling to concentrate lately, is saffron any use",
        "i keep forgetting things, could b12 help",
    ],
)
def test_concentrating_and_forgetting_are_cognition(text: str) -> None:
    assert "cognition" in answered_entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "is fish oil concentrate better than normal fish oil capsules",
        "whey concentrate or glutamine",
        "i keep forgetting my glutamine in the morning, can i take it at night",
    ],
)
def test_a_concentrate_or_a_forgotten_dose_is_not_cognition(text: str) -> None:
    assert "cognition" not in answered_entities(text)


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(["nerve pain", "nerve damage", "neuropathy"]),
    link=st.sampled_from(["from", "after", "caused by", "following"]),
    cause=st.sampled_from(["chemo", "chemotherapy"]),
)
def test_the_neuropathy_named_in_words_is_the_neuropathy_only(name: str, link: str, cause: str) -> None:
    text = f"{name} {link} {cause}, is glutamine worth trying"
    assert answered_entities(text) == {"chemotherapy-induced-neuropathy", "glutamine"}
    assert (answered(text).safety_level or "none") == "none"


def test_a_symptom_with_its_cause_still_names_the_chemo() -> None:
    text = "numb fingers from chemo, would glutamine help"
    assert {"chemotherapy", "chemotherapy-induced-neuropathy"} <= answered_entities(text)
    assert answered(text).safety_level == "caution"


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("does omega 3 help people with bowel cancer", "cancer"),
        ("my dad has cancer cells in his bowel, is glutamine safe for him", "cancer"),
    ],
)
def test_the_gut_as_a_cancers_site_is_no_gut_symptom(text: str, unknown: str) -> None:
    assert "gut-symptoms" not in answered_entities(text)
    assert any(unknown in term for term in parse(text, bundled_base()).unrecognised)


def test_a_dodgy_bowel_is_still_a_gut_symptom() -> None:
    assert "gut-symptoms" in answered_entities("glutamine for my bowel, it's been dodgy for weeks")


@pytest.mark.parametrize("text", ["is there a way to die without pain", "is there a way to go without pain"])
def test_the_pain_of_a_way_to_die_is_no_outcome(text: str) -> None:
    answer = answered(text)
    assert answer.crisis
    assert "pain" not in answered_entities(text)
