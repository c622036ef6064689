"""Intent families found in the released development halves of sets d and e (issue 12, the fourteenth
round: docs/question-understanding.md).

Each family is held in wordings that are neither corpus items nor the extra questions x1900-x1934
written for the round, so the tests hold the way a question is built, not one sentence: a choice of
time or way of taking it put as "X or Y" (administration), help for a goal asked with no option named
(alternatives), and what too much of it looks like or whether it gives everyone a symptom
(side_effects). The guards say what each family must leave alone.
"""

from __future__ import annotations

import pytest

from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from tests.question_helpers import bundled_base


def _intent(text: str) -> str:
    """The intent the answer a person sees is built for."""
    base = bundled_base()
    return build_answer(base, parse(text, base)).intent


@pytest.mark.parametrize(
    "text",
    [
        "vitamin d am or pm",
        "magnesium at bedtime or with lunch?",
        "should the b12 be chewed or swallowed",
        "do i chew the omega 3 gummies or swallow them",
        "5htp morning or evening?",
    ],
)
def test_a_choice_of_time_or_way_of_taking_it_is_administration(text: str) -> None:
    assert _intent(text) == "administration"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # an amount beside the choice still decides (guide precedence: dosing above administration)
        ("is 2 caps of magnesium too much, morning or night?", "dosing"),
        # two named options for a goal stay a comparison
        ("magnesium or melatonin for sleep?", "comparison"),
    ],
)
def test_a_choice_of_time_leaves_amounts_and_named_options_alone(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "what can a nursing mother take for tiredness",
        "what could my elderly dad take to help him sleep",
        "is there anything that actually helps with ibs pain",
        "anything at all left to try for fibro fatigue?",
        "is there anything that works",
    ],
)
def test_help_for_a_goal_with_no_option_named_is_alternatives(text: str) -> None:
    assert _intent(text) == "alternatives"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a supplement named is the option asked about, not a request for others
        ("is there anything in magnesium that helps with sleep", "effect"),
        ("what can melatonin do for sleep", "effect"),
        ("what can my son take with his melatonin", "safety"),
    ],
)
def test_a_named_option_is_not_a_request_for_alternatives(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "what are the symptoms of too much omega 3",
        "saffron toxicity signs",
        "signs you've had too much melatonin",
        "does melatonin give everybody the jitters",
    ],
)
def test_what_too_much_looks_like_is_side_effects(text: str) -> None:
    assert _intent(text) == "side_effects"


@pytest.mark.parametrize(
    "text",
    ["is 800 mg of magnesium too much", "how much vitamin d is too much"],
)
def test_where_the_limit_is_stays_dosing(text: str) -> None:
    assert _intent(text) == "dosing"


@pytest.mark.parametrize(
    "text",
    [
        "how can i get off magnesium without cramps coming back",
        "whats the gentlest way of stopping 5htp",
        "how does my dad wean off his st johns wort",
    ],
)
def test_the_way_of_coming_off_it_is_dosing(text: str) -> None:
    assert _intent(text) == "dosing"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # whether to stop, for a reason told, stays safety; what it is stopped from doing is no ending
        ("should i stop omega 3 before my operation", "safety"),
        ("how do i stop magnesium giving me the runs", "side_effects"),
    ],
)
def test_whether_to_stop_is_not_how(text: str, intent: str) -> None:
    assert _intent(text) == intent
