"""Lead level, entities and population, eighth pass (issue 12 §2-§3, lead20; docs/question-understanding.md).

A vitamin's letter and number said aloud ("vitamin bee six", "bee twelve", "dee three") is that vitamin, and one
letter's name is never a slip of another's ("vitamin bee" is not "vitamin dee"); a supplement's name dictated in
pieces ("gluta mean", "mela tonin") is that supplement; a test result told as high or low ("my calcium came back
high") names the condition it implies where the base holds one, so its caution leads; an age told ahead of a
birthday ("67 in March") is the year below; the asker's own childhood ("as kids", "when we were little") places
nobody among the children; several conditions treated "all at once" is no stockpiling; a supplement the base
lacks (milk thistle) is said so.

Every example was written for this test, none copied from the corpus; the controls beside each family hold
what it must not override."""

from __future__ import annotations

import pytest

from tests.question_helpers import answered, answered_entities, answered_populations


@pytest.mark.parametrize(
    ("text", "vitamin"),
    [
        ("is vitamin bee six ok with levodopa", "vitamin-b6"),
        ("does bee six help pms", "vitamin-b6"),
        ("how much b six is too much", "vitamin-b6"),
        ("vitamin bee twelve shots for tiredness", "vitamin-b12"),
        ("is bee 12 better as a spray", "vitamin-b12"),
        ("dee three or plain vitamin d for my bones", "vitamin-d"),
        ("vitamin dee drops for a baby", "vitamin-d"),
    ],
)
def test_a_vitamins_letter_and_number_said_aloud_is_that_vitamin(text: str, vitamin: str) -> None:
    assert vitamin in answered_entities(text)


def test_b6_said_aloud_beside_levodopa_leads_with_its_caution() -> None:
    answer = answered("can i take vitamin bee six and my levodopa together")
    assert answered_entities("can i take vitamin bee six and my levodopa together") == {"levodopa", "vitamin-b6"}
    assert answer.safety_level == "caution"


@pytest.mark.parametrize(
    "text",
    [
        "is vitamin see good for a cold",
        "is bee pollen ok with sertraline",
        "will i be six months along by then, is glutamine ok",
        "we see three doctors between us, is magnesium ok",
    ],
)
def test_another_letter_or_a_plain_bee_is_no_vitamin_the_base_holds(text: str) -> None:
    entities = answered_entities(text)
    assert not entities & {"vitamin-d", "vitamin-b6", "vitamin-b12"}


@pytest.mark.parametrize(
    ("text", "supplement"),
    [
        ("does gluta mean heal the gut lining", "glutamine"),
        ("is mela tonin safe every night", "melatonin"),
        ("mela tone in for my jet lag", "melatonin"),
        ("magne see um before bed for cramps", "magnesium"),
    ],
)
def test_a_name_dictated_in_pieces_is_that_name(text: str, supplement: str) -> None:
    assert supplement in answered_entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "what does gluten free mean for my ibs",
        "does it mean anything if my glutes ache after squats",
        "does glutamine mean i can skip the probiotic",
    ],
)
def test_pieces_that_open_no_name_stay_words(text: str) -> None:
    entities = answered_entities(text)
    assert "melatonin" not in entities
    if "glutamine" not in text:
        assert "glutamine" not in entities


@pytest.mark.parametrize(
    ("text", "condition", "level"),
    [
        ("is vit d ok for me, my calcium came back high", "hypercalcaemia", "avoid"),
        ("calcium levels were high at my check up, is vitamin d still fine", "hypercalcaemia", "avoid"),
        ("my b12 came back low, is folate alone ok", "vitamin-b12-deficiency", "avoid"),
        ("my bee twelve is low, can i take folic acid", "vitamin-b12-deficiency", "avoid"),
        ("creatinine came back high, is magnesium safe", "kidney-disease", "avoid"),
    ],
)
def test_a_result_told_high_or_low_names_the_condition_and_its_caution_leads(
    text: str, condition: str, level: str
) -> None:
    assert condition in answered_entities(text)
    assert answered(text).safety_level == level


@pytest.mark.parametrize(
    "text",
    [
        "my bloods came back fine, is vitamin d worth it",
        "my iron came back low, would magnesium help",
        "the pain keeps coming back, would magnesium help",
    ],
)
def test_a_result_with_no_condition_in_the_base_names_none(text: str) -> None:
    assert not answered_entities(text) & {"hypercalcaemia", "kidney-disease", "liver-disease",
                                          "vitamin-b12-deficiency"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("getting on a bit, 67 in march, would fish oil help my knees", {"older adults"}),
        ("my mum will be 80 next month, is melatonin ok", {"older adults"}),
        ("she will be twelve next week, is melatonin ok", {"children"}),
        ("i ll be 18 in june, can i take melatonin", {"children"}),
        ("im 65 in may, is vitamin d ok", set()),
        ("my vitamin d was 30 in march, should i take more", set()),
        ("i bought 90 in january, how long will the magnesium last", set()),
        ("ive taken 12 this week, is that too much magnesium", set()),
    ],
)
def test_an_age_told_ahead_of_a_birthday_is_the_year_below(text: str, expected: set[str]) -> None:
    assert answered_populations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my mum swears cod liver oil kept us well as kids, does it help immunity",
        "we had malt and cod liver oil when we were little, was it doing anything",
        "my dad had rickets when he was a kid, is vitamin d ok for him now",
        "we were brought up on cod liver oil, is it worth taking",
    ],
)
def test_the_askers_own_childhood_places_nobody_among_the_children(text: str) -> None:
    assert "children" not in answered_populations(text)


@pytest.mark.parametrize(
    "text",
    [
        "i grew up on cod liver oil, is it safe for my kids",
        "is cod liver oil good for kids",
        "my son is 9, can he have cod liver oil",
    ],
)
def test_children_asked_about_still_count(text: str) -> None:
    assert "children" in answered_populations(text)


@pytest.mark.parametrize(
    "text",
    [
        "is there one supplement that helps fibro, ibs and depression all at once",
        "anything for my anxiety, sleep and gut all at once",
        "something that treats my pain and fatigue all at once",
    ],
)
def test_several_conditions_treated_all_at_once_is_no_crisis(text: str) -> None:
    assert not answered(text).crisis


@pytest.mark.parametrize(
    "text",
    [
        "can i take all my sertraline at once",
        "what if i took all my pills at once",
        "something for my pain and sleep all at once, i have a stash of tramadol",
        "would my pregabalin help all my pain at once if i took the lot",
    ],
)
def test_a_whole_medicine_at_once_stays_crisis(text: str) -> None:
    assert answered(text).crisis


@pytest.mark.parametrize(
    "text", ["is milk thistle safe with my sertraline", "does milk thistle help a fatty liver"]
)
def test_milk_thistle_is_said_to_be_missing_never_read_as_milk(text: str) -> None:
    answer = answered(text)
    assert answer.code == "SUBSTANCE_NOT_FOUND"
    assert "milk thistle" in answer.summary.lower()
    assert "milk" not in answered_entities(text)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("which supplements to avoid on lamotrigine", "glutamine"),
        ("which supplements interact with sertraline", "5-HTP"),
        ("what supplements should i avoid with epilepsy", "glutamine"),
        ("what should i avoid taking if i have kidney disease", "magnesium"),
        ("what supplements should i avoid when pregnant", "St John's wort"),
    ],
)
def test_a_medicine_or_condition_first_safety_question_lists_what_the_base_records(text: str, listed: str) -> None:
    answer = answered(text)
    assert answer.code == "ANSWERED"
    assert "names no supplement" not in answer.summary
    assert listed in answer.summary
    # no supplement was asked about: none of the listed cautions leads the answer
    assert answer.safety_level in (None, "none")


def test_a_supplement_the_base_lacks_beside_a_medicine_is_still_said_to_be_missing() -> None:
    assert answered("is milk thistle safe with sertraline").code == "SUBSTANCE_NOT_FOUND"


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("is it safe to take supplements with warfarin", "St John's wort"),
        ("is it ok to take supplements with my sertraline", "5-HTP"),
        ("is it safe to take vitamins with warfarin", "St John's wort"),
        ("are herbs safe with warfarin", "omega-3"),
        ("is it ok to take vitamins while pregnant", "St John's wort"),
    ],
)
def test_supplements_asked_about_as_a_class_are_not_taken_for_glutamine(text: str, listed: str) -> None:
    # "it" here is no supplement left unnamed: the answer once said "this answer is about glutamine" and
    # found no interaction with warfarin, while the base records several across its supplements
    answer = answered(text)
    assert "this answer is about glutamine" not in answer.summary
    assert listed in answer.summary


def test_an_unnamed_it_is_still_read_as_the_main_supplement() -> None:
    assert "this answer is about glutamine" in answered("is it safe in pregnancy").summary


@pytest.mark.parametrize(
    "text",
    [
        "is vitamin a and zinc safe in pregnancy",
        "can i take vitamin e and fish oil together",
        "is a vitamin and mineral supplement safe with warfarin",
        "which vitamin do you recommend for tiredness",
    ],
)
def test_a_vitamin_the_base_lacks_is_never_heard_as_vitamin_d(text: str) -> None:
    # the sound-alike reading of names dictated in pieces once ran "vitamin a and" together into "vitamin d"
    # and answered a pregnancy question about vitamin A with vitamin D's upper level (review, stop 32)
    assert "vitamin-d" not in answered_entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "he is 5 next week, can he take melatonin",
        "she s 3 this year is vitamin d ok",
        "my son turns 7 in may can he have fish oil",
    ],
)
def test_a_small_child_s_age_ahead_of_a_birthday_is_still_a_child(text: str) -> None:
    # the birthday rule once blocked the ordinary age patterns for single digits too, and the children's
    # caution vanished (review, stop 32)
    assert answered_populations(text) == {"children"}


def test_a_single_digit_ahead_of_a_month_is_no_age_without_a_child() -> None:
    assert answered_populations("my dose is 5 next week is that ok") == set()


def test_a_test_result_told_at_length_still_names_its_condition() -> None:
    # seven words: longer than the reader's longest phrase once was, so the derived name was never found
    assert "kidney-disease" in answered_entities("my creatinine came back a bit too high, can i take magnesium")
