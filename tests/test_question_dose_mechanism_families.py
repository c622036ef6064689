"""Dosing and mechanism questions by family, asked the ways people ask them (issue 12, section 3; the
dose and mechanism round in docs/question-understanding.md; `suppwise.questions.families`).

Each family is a shape of question that asks one thing whatever symptom or safety word it carries. The
intent asserted is the one the answer a person sees is routed by. The wordings here are not corpus
items; controls check that neighbouring questions keep their reading.
"""

from __future__ import annotations

import pytest

from suppwise.questions.accuracy import predict
from tests.question_helpers import bundled_base


def _intent(text: str) -> str:
    return predict(bundled_base(), text).intent


@pytest.mark.parametrize(
    "text",
    [
        "what's the glutamine dose per kilogram",
        "how much melatonin for my weight, I'm 50 kg",
        "is the omega-3 amount worked out by bodyweight",
        "mg of magnesium per kg for an adult?",
        "does a heavier person need a bigger dose of vitamin d",
    ],
)
def test_an_amount_scaled_to_the_body_is_dosing(text: str) -> None:
    assert _intent(text) == "dosing"


@pytest.mark.parametrize(
    "text",
    [
        "could I take half a magnesium tablet",
        "can the 5-htp be split across breakfast and tea",
        "is dividing my glutamine into three doses better",
        "should I spread the omega-3 over the day",
    ],
)
def test_splitting_a_dose_is_dosing(text: str) -> None:
    assert _intent(text) == "dosing"


@pytest.mark.parametrize(
    "text",
    [
        "when can I stop taking magnesium",
        "is there a time when I should come off 5-htp",
        "how long is a course of glutamine",
        "do you need to take breaks from melatonin",
    ],
)
def test_how_long_and_when_to_stop_are_dosing(text: str) -> None:
    assert _intent(text) == "dosing"


@pytest.mark.parametrize(
    "text",
    [
        "can I have my magnesium in the evening instead",
        "should I eat anything before taking glutamine",
        "does eating stop vitamin d from working",
    ],
)
def test_time_of_day_and_food_are_administration(text: str) -> None:
    assert _intent(text) == "administration"


@pytest.mark.parametrize(
    "text",
    [
        "is melatonin the culprit for my morning headaches",
        "could the omega-3 be to blame for my upset stomach",
        "is 5-htp responsible for my bad dreams",
    ],
)
def test_a_supplement_as_the_culprit_is_side_effects(text: str) -> None:
    assert _intent(text) == "side_effects"


@pytest.mark.parametrize(
    "text", ["could low vitamin d be the culprit for my aches", "is a lack of magnesium to blame for my tiredness"]
)
def test_a_shortage_as_the_culprit_is_effect(text: str) -> None:
    assert _intent(text) == "effect"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is it worth switching from magnesium to melatonin for my sleep", "comparison"),
        ("worth swapping 5-htp for saffron?", "comparison"),
        ("is it worth switching from glutamine capsules to the powder", "administration"),
        ("is there anything worth switching to from 5-htp", "alternatives"),
    ],
)
def test_switching_is_read_by_what_is_named(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "what does magnesium do inside your body",
        "what happens to glutamine after you swallow it",
        "why does 5-htp make me drowsy",
        "how does melatonin get into the brain",
    ],
)
def test_what_it_does_in_the_body_is_mechanism(text: str) -> None:
    assert _intent(text) == "mechanism"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("magnesium helped my cramps does that mean I should up the dose", "dosing"),
        ("my gut feels better on glutamine does that mean it's cured for good", "cure"),
        ("omega-3 lifted my mood does that mean it works by calming inflammation", "mechanism"),
        ("I've had vitamin d for months and no change does that mean it's not working", "effect"),
    ],
)
def test_a_run_on_question_is_read_after_does_that_mean(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how does melatonin work and how much should I take", "dosing"),
        ("is magnesium safe when pregnant and what dose", "safety"),
        ("what time should I take 5-htp and can it cause nausea", "side_effects"),
        ("does saffron help low mood and how does it do that", "mechanism"),
        ("what is glutamine and does it help IBS", "effect"),
    ],
)
def test_two_questions_in_one_take_the_guides_precedence(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("green tea extract for weight loss is it legit", "effect"),
        ("can I take glutamine with my sertraline", "interaction"),
        ("how much glutamine should I take", "dosing"),
        ("does glutamine help IBS", "effect"),
    ],
)
def test_controls_keep_their_reading(text: str, intent: str) -> None:
    assert _intent(text) == intent
