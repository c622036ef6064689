"""Honest but unhelpful answers from the sixth try-out (6 December 2026, tests/corpus/tryout_2026_12_06.md,
rows 36, 38, 39, 50 and 67): each test holds one general cause; the wordings are written for these tests."""

from __future__ import annotations

import pytest

from suppwise.questions.lacked_supplements import is_lacked_supplement
from suppwise.questions.story_foods import story_foods_only
from suppwise.questions.unheld_goals import unheld_goal
from tests.question_helpers import answered

# -- a goal the base holds no outcome for is named, never a verb left over (row 39) ------------------


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("does glutamine build muscle", "building muscle"),
        ("will glutamine help me bulk up", "building muscle"),
        ("can glutamine help me gain muscle", "building muscle"),
        ("glutamine for muscle mass", "building muscle"),
        ("does magnesium help build muscle", "building muscle"),
        ("does glutamine help with muscle strength", "strength"),
    ],
)
def test_a_muscle_building_goal_is_named_and_said_unstudied(text: str, goal: str) -> None:
    summary = answered(text).summary
    assert "records no study of" in summary and f"for {goal}" in summary
    assert "I don't recognise" not in summary


@pytest.mark.parametrize(
    "text",
    [
        "glutamine post workout for recovery does it work",  # a process the base holds
        "does glutamine help muscle cramps",  # a symptom the base lacks, not a goal
        "does glutamine help sjogrens",
    ],
)
def test_other_unknowns_and_held_processes_are_not_read_as_goals(text: str) -> None:
    assert "no study of glutamine for" not in answered(text).summary


def test_a_goal_is_read_only_when_every_unknown_word_lies_inside_it() -> None:
    assert unheld_goal("does glutamine build muscle", ["build"]) == "building muscle"
    assert unheld_goal("does glutamine build muscle in lupus", ["build", "lupus"]) is None
    assert unheld_goal("does glutamine help lupus", ["lupus"]) is None
    assert unheld_goal("does glutamine build muscle", []) is None


# -- a well-known supplement the base lacks is said to be one (row 38) -------------------------------


@pytest.mark.parametrize(
    ("text", "lacked", "held"),
    [
        ("creatine and glutamine together ok?", "creatine", "glutamine"),
        ("can i take whey with my magnesium", "whey", "magnesium"),
        ("is ashwagandha ok with melatonin", "ashwagandha", "melatonin"),
        ("is milk thistle safe with glutamine", "milk thistle", "glutamine"),
    ],
)
def test_a_lacked_supplement_is_said_to_be_one_and_the_held_one_still_answered(
    text: str, lacked: str, held: str
) -> None:
    answer = answered(text)
    assert f"'{lacked}' is a supplement the evidence base does not hold" in answer.summary
    assert f"what it holds on {held} is below" in answer.summary
    assert "I don't recognise" not in answer.summary
    assert answer.sections  # what it holds on the known supplement follows


@pytest.mark.parametrize("text", ["is it ok to take spirulina", "my nephew swears by creatine, is it safe at my age"])
def test_a_lacked_supplement_asked_about_alone_is_not_set_beside_an_implied_one(text: str) -> None:
    assert "is a supplement the evidence base does not hold" not in answered(text).summary


def test_only_supplement_names_are_read_as_lacked_supplements() -> None:
    assert is_lacked_supplement("creatine") and is_lacked_supplement("milk thistle")
    assert not is_lacked_supplement("dementia") and not is_lacked_supplement("coffee")


# -- a human finding on the process asked about is not followed by "ask about a symptom" (row 36) ----


@pytest.mark.parametrize(
    "text",
    ["glutamine post workout for recovery does it work", "does glutamine help leaky gut", "glutamine for doms?"],
)
def test_a_human_finding_on_the_process_is_the_answer(text: str) -> None:
    summary = answered(text).summary
    assert summary.startswith("On ") and "the evidence base records:" in summary
    assert "ask about a symptom" not in summary


# -- a why-question answered by its warning has no "no symptom measure" boilerplate (row 50) ---------


@pytest.mark.parametrize(
    "text",
    [
        "why would glutamine be a problem for someone with liver cirrhosis",
        "why is glutamine risky in bipolar",
        "why shouldnt people with epilepsy take glutamine",
    ],
)
def test_a_why_question_answered_by_a_warning_ends_without_boilerplate(text: str) -> None:
    summary = answered(text).summary
    assert "no symptom measure" not in summary
    assert "The reasons, with their sources, are in the warnings below" in summary


@pytest.mark.parametrize("text", ["why is melatonin bad for people with epilepsy", "does glutamine help lupus?"])
def test_without_a_warning_on_the_condition_the_measure_is_still_said(text: str) -> None:
    assert "no symptom measure" in answered(text).summary


# -- a food told in the story follows the answer on the supplement (row 67) --------------------------


@pytest.mark.parametrize(
    ("text", "food", "held"),
    [
        ("I overdosed on coffee lol, can I still take my melatonin tonight", "coffee", "melatonin"),
        ("i drank a lot of tea today, can i take my magnesium", "tea", "magnesium"),
        ("had way too much coffee this morning, is glutamine ok later", "coffee", "glutamine"),
        ("had 4 cups of coffee today, is magnesium still ok for me", "coffee", "magnesium"),
    ],
)
def test_a_food_told_in_the_story_comes_after_the_answer(text: str, food: str, held: str) -> None:
    summary = answered(text).summary
    assert not summary.startswith("I don't recognise")
    assert summary.index(held) < summary.index(f"'{food}'")


@pytest.mark.parametrize(
    "text",
    [
        "Can I drink coffee with my glutamine?",  # taken with it: the drink is what the question hinges on
        "is melatonin safe with dementia",  # a condition the base lacks, not a food
    ],
)
def test_a_food_taken_with_it_or_an_unknown_condition_still_leads(text: str) -> None:
    assert answered(text).summary.startswith("I don't recognise")


def test_story_foods_are_a_closed_list() -> None:
    assert story_foods_only("i had coffee can i take melatonin", ["coffee"])
    assert not story_foods_only("i had coffee can i take melatonin", [])
    assert not story_foods_only("is melatonin ok with dementia", ["dementia"])
