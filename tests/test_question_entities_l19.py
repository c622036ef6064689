"""Lead level, entities and population, seventh pass (issue 12 §2-§3, lead19; docs/question-understanding.md).

An age said after a person with "of" ("a woman of 72") is that person's; "7 months gone" and "first tri" are
a pregnancy; "baby aspirin", "baby oil" and "baby steps" are no child, and a mother's "since the baby came"
places nobody; "my sons" and "my daughters" typed without the apostrophe, "the wee one", "the bairn", "my
youngest" and "my eldest" are children unless an adult age is given. Everyday words reach the evidence:
"the trots", "the squits" and "bunged up" are gut symptoms, "tossing and turning" and "slept" are sleep,
"scatterbrained" is cognition, a raised ALT or GGT and deranged LFTs are liver disease, a high creatinine and
an eGFR are kidney disease; "sleep on it" names no sleep.

Every example was written for this test, none copied from the corpus; the controls beside each family hold
what it must not override."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.question_helpers import answered, answered_entities, answered_populations

_PERSON = st.sampled_from(["man", "woman", "lady", "gentleman", "chap", "boy", "girl", "patient"])


@settings(max_examples=40, deadline=None)
@given(person=_PERSON, age=st.integers(min_value=1, max_value=105))
def test_an_age_said_with_of_is_the_persons(person: str, age: int) -> None:
    populations = answered_populations(f"is vitamin d ok for a {person} of {age}")
    expected = {"children"} if age < 18 else {"older adults"} if age >= 65 else set()
    assert populations == expected


@pytest.mark.parametrize(
    "text",
    [
        "a dose of 70 mg of saffron, too much?",
        "out of 80 people in the trial how many got better on 5-htp",
        "a score of 72 on the fatigue scale, would b12 help",
        "a pack of 90 capsules of magnesium, how long should that last me",
    ],
)
def test_an_amount_a_score_or_a_count_with_of_is_no_age(text: str) -> None:
    assert answered_populations(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "im 7 months gone, is glutamine ok",
        "shes five months gone, can she take glutamine",
        "first tri and feeling rough, is glutamine safe",
        "in my 2nd tri, can i keep taking glutamine",
    ],
)
def test_months_gone_and_a_trimester_cut_short_are_a_pregnancy(text: str) -> None:
    assert answered_populations(text) == {"pregnancy"}
    assert answered(text).safety_level == "avoid"


@pytest.mark.parametrize(
    "text",
    [
        "2 months gone and still no change from glutamine, does it take longer",
        "first triathlon coming up, would glutamine help my recovery",
        "training for my first tri, is glutamine worth it",
        "my first tri of glutamine went badly, should i try again",
        "new mum here, would glutamine help with the tiredness",
    ],
)
def test_time_gone_by_a_triathlon_and_a_new_mum_are_no_pregnancy(text: str) -> None:
    assert answered_populations(text) == set()


_BABY_THING = st.sampled_from(["baby aspirin", "baby oil", "baby wipes", "baby spinach", "baby steps"])


@settings(max_examples=20, deadline=None)
@given(thing=_BABY_THING)
def test_baby_as_a_size_or_a_product_is_no_child(thing: str) -> None:
    text = f"i use {thing} most days, is glutamine ok for me"
    assert answered_populations(text) == set()
    assert answered(text).safety_level == "none"


@pytest.mark.parametrize(
    "text",
    ["can my baby have glutamine", "my babys 8 months, can she have glutamine", "is glutamine safe for the baby"],
)
def test_a_baby_who_would_take_it_is_a_child(text: str) -> None:
    assert answered_populations(text) == {"children"}
    assert answered(text).safety_level == "caution"


def test_a_mother_since_the_baby_came_asks_for_herself() -> None:
    assert answered_populations("since the baby arrived my memory is shot, would glutamine help") == set()


@pytest.mark.parametrize(
    "text",
    [
        "my sons seizures have got worse, can he have magnesium",
        "my daughters ibs flares every exam, would glutamine help",
        "is melatonin ok for my sons sleep",
        "can the wee one have vitamin d drops",
        "the bairn has a dodgy tummy, can she have probiotics",
        "my youngest has ibs, could omega 3 help",
        "is fish oil safe for my eldest",
    ],
)
def test_a_son_or_daughter_told_without_an_age_is_a_child(text: str) -> None:
    assert answered_populations(text) == {"children"}


@pytest.mark.parametrize(
    "text",
    [
        "my eldest is 24 and has depression, would saffron help",
        "my youngest is 30 and has ibs, would glutamine help him",
        "who could help us with our daughters depression",
        "my eldest brother swears by fish oil, is it any good",
    ],
)
def test_an_adult_child_a_bystander_or_an_elder_sibling_is_no_child(text: str) -> None:
    assert answered_populations(text) == set()


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("glutamine for the trots", "gut-symptoms"),
        ("does fish oil give you the squits", "gut-symptoms"),
        ("totally bunged up, will magnesium sort me out", "gut-symptoms"),
        ("tossing and turning till 3am, would magnesium help", "sleep"),
        ("i havent slept properly in weeks, would melatonin help", "sleep"),
        ("scatterbrained since the fibro kicked in, would omega 3 help", "cognition"),
        ("raised ALT on my last bloods, is glutamine ok", "liver-disease"),
        ("my GGT came back high, is glutamine a bad idea", "liver-disease"),
        ("deranged LFTs, can i take glutamine", "liver-disease"),
        ("high creatinine on my blood test, is glutamine safe", "kidney-disease"),
        ("my egfr is 45, is glutamine safe", "kidney-disease"),
    ],
)
def test_everyday_and_lab_words_reach_the_evidence(text: str, entity: str) -> None:
    assert entity in answered_entities(text)


@pytest.mark.parametrize("text", ["raised ALT on my last bloods, is glutamine ok", "my egfr is 45, is glutamine safe"])
def test_a_liver_or_kidney_result_brings_its_caution(text: str) -> None:
    assert answered(text).safety_level == "caution"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("let me sleep on it, but is saffron safe with sertraline", "sleep"),
        ("creatine or glutamine for the gym", "kidney-disease"),
        ("my symptom diary says my ibs is worse on glutamine days", "gut-symptoms"),
    ],
)
def test_an_idiom_a_near_word_or_a_diary_names_nothing(text: str, absent: str) -> None:
    assert absent not in answered_entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "so worn out i could sleep for a week, is b12 worth a go",
        "id sleep for a week if i could, would magnesium help the tiredness",
        "i just want to sleep and skip tomorrow and every day after it",
    ],
)
def test_sleeping_for_a_week_or_skipping_the_waking_is_a_figure(text: str) -> None:
    assert "sleep" not in answered_entities(text)


def test_sleeping_for_days_after_starting_it_is_still_sleep() -> None:
    assert "sleep" in answered_entities("since starting melatonin i could sleep for days, is that normal")


def test_a_death_wish_said_as_sleep_keeps_the_crisis_reading() -> None:
    assert answered("wish i could go to sleep for a hundred years").crisis


@pytest.mark.parametrize(
    ("text", "populations"),
    [
        ("my daughters are 19 and 22, both have ibs, would glutamine help them", set()),
        ("my kids are 3 and 5, can they have vitamin d drops", {"children"}),
        ("my kids are 25 and 30, would omega 3 help them", set()),
    ],
)
def test_sons_daughters_and_kids_given_ages_take_them(text: str, populations: set[str]) -> None:
    assert answered_populations(text) == populations


def test_a_liver_enzyme_given_as_a_figure_is_liver_disease() -> None:
    assert "liver-disease" in answered_entities("my alt was 90 last month, is saffron safe")
    assert "liver-disease" not in answered_entities("alt rock keeps me going, would 5htp help my mood")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("i cant poo, would magnesium help", "gut-symptoms"),
        ("runny poo every morning, will probiotics help", "gut-symptoms"),
        ("zonked all day, would b12 help", "fatigue"),
        ("running on empty, would b12 help", "fatigue"),
        ("i cant think straight, would omega 3 help", "cognition"),
    ],
)
def test_more_everyday_words_reach_their_outcome(text: str, entity: str) -> None:
    assert entity in answered_entities(text)


@pytest.mark.parametrize(
    ("text", "populations"),
    [
        ("my grandad is nearly 80, can he take vitamin d", {"older adults"}),
        ("my nan is pushing 90, is magnesium safe", {"older adults"}),
        ("my son is nearly 18, can he have saffron", {"children"}),
        ("im nearly 65, is melatonin ok", set()),
        ("im nearly 40 and exhausted, would b12 help", set()),
    ],
)
def test_an_age_told_as_near_is_the_year_below(text: str, populations: set[str]) -> None:
    assert answered_populations(text) == populations


@pytest.mark.parametrize(
    ("text", "populations"),
    [
        ("my 6mo has colic, can she have probiotics", {"children"}),
        ("my 6 mth old has reflux, is vitamin d ok", {"children"}),
        ("been on it for 6mo, is that too long for magnesium", set()),
        ("im breastfeeding my 6mo, is vitamin d ok", {"breastfeeding"}),
    ],
)
def test_a_babys_age_with_the_unit_cut_short(text: str, populations: set[str]) -> None:
    assert answered_populations(text) == populations
