"""Everyday questions about taking a supplement read as what they ask (issue 12, twentieth round;
docs/question-understanding.md): when it is taken or how it is carried is administration, one more dose
is dosing, two supplements at once is safety, getting hooked or gaining weight is a side effect
(`questions.taking_it`), and a line to ring or whom to tell is resources.

Every example was written for this test, none copied from the corpus; the controls beside each family hold
the rule it must not override (an amount, a population, a medicine, two named supplements)."""

from __future__ import annotations

import pytest

from suppwise.questions.intent import Intent
from tests.question_helpers import answered_intent as _intent


@pytest.mark.parametrize(
    "text",
    [
        "would it be fine to take magnesium in the early evening",
        "is it okay to have melatonin at 9pm",
        "can i switch my saffron to the morning instead of at night",
        "is lunchtime ok for omega 3",
        "can i take glutamine through airport security",
        "will my fish oil travel ok in the heat",
    ],
)
def test_when_it_is_taken_or_how_it_is_carried_is_administration(text: str) -> None:
    assert _intent(text) == Intent.ADMINISTRATION


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # an amount beside the time is dosing, a population safety, two named supplements taken together safety
        ("is 3 mg of melatonin ok to take in the afternoon", Intent.DOSING),
        ("is it ok to take melatonin in the afternoon when pregnant", Intent.SAFETY),
        # a condition asked under is safety (guide rule 7); one told before the question is its preamble
        ("is it ok to take melatonin in the afternoon if i have fibro", Intent.SAFETY),
        ("i have ibs, is it ok to take magnesium in the evening", Intent.ADMINISTRATION),
        ("can i take melatonin and magnesium together at bedtime", Intent.SAFETY),
        # regular use is a frequency (guide rule 4)
        ("is it ok to take melatonin every night", Intent.DOSING),
    ],
)
def test_the_time_of_day_leaves_what_outranks_it(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    ["can i have another 5-htp if the first did nothing", "is it ok to double up on vitamin d if i missed one"],
)
def test_one_more_dose_is_dosing(text: str) -> None:
    assert _intent(text) == Intent.DOSING


@pytest.mark.parametrize(
    "text",
    ["can i stack saffron and 5-htp", "magnesium and omega 3 on the same day, alright?", "zinc and glutamine 2gether?"],
)
def test_two_supplements_at_once_is_safety(text: str) -> None:
    assert _intent(text) == Intent.SAFETY


@pytest.mark.parametrize(
    "text",
    [
        "is st johns wort habit forming",
        "could i become dependent on melatonin",
        "will saffron make me put on weight",
        "does 5-htp cause weight gain",
        "does magnesium give everybody the runs",
    ],
)
def test_getting_hooked_or_heavier_is_a_side_effect(text: str) -> None:
    assert _intent(text) == Intent.SIDE_EFFECTS


def test_weight_wanted_is_not_a_side_effect() -> None:
    assert _intent("can omega 3 help me lose weight") != Intent.SIDE_EFFECTS


@pytest.mark.parametrize(
    "text",
    [
        "is there an advice line for people with ibs",
        "who can the parents of kids with epilepsy talk to",
        "should i mention the magnesium to my surgeon",
        "do i have to tell my doctor i take saffron",
    ],
)
def test_a_line_to_ring_or_whom_to_tell_is_resources(text: str) -> None:
    assert _intent(text) == Intent.RESOURCES
