"""Shapes of question that ask how it acts, which of two, whether it cures, what else, what it is, or which
foods hold it (issue 12, nineteenth round; docs/question-understanding.md, `questions.asked_shapes`).

Every example was written for this test, none copied from the corpus; the controls hold the rules a shape
must not override (a medicine taken alongside is interaction, two questions joined by "and" are read by
the guide's precedence, how it is made in the body is mechanism)."""

from __future__ import annotations

import pytest

from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from tests.question_helpers import bundled_base


def _answered_intent(text: str) -> str:
    """The intent of the answer a person gets."""
    return str(build_answer(bundled_base(), parse(text, bundled_base())).intent)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # what it does in the body or an organ, asked to explain how, likened to a medicine: mechanism
        ("what does magnesium actually do to your muscles", "mechanism"),
        ("wat is melatonin doing in my brain exactly", "mechanism"),
        ("pls explain how saffron lifts your mood", "mechanism"),
        ("so does 5-htp basically act like an ssri", "mechanism"),
        # set against each other, "between X and Y which": comparison
        ("between omega 3 and saffron which one has more going for it for depression", "comparison"),
        ("how does melatonin stack up against magnesium for sleep", "comparison"),
        # fix or only hide, free of the condition, cure in another language: cure
        ("does omega 3 fix ulcerative colitis or just cover it up", "cure"),
        ("could i ever be free of ibs with glutamine", "cure"),
        ("¿el magnesio puede curar la fibromialgia?", "cure"),
        # besides X in Spanish, Portuguese, Italian; unnamed options; cheaper or more natural: alternatives
        ("que mas puedo tomar para la ansiedad ademas de la melatonina", "alternatives"),
        ("o que posso tomar para dormir além do magnésio", "alternatives"),
        ("natural remedies for fibro fatigue?", "alternatives"),
        ("saffron costs a fortune, any cheaper alternatives", "alternatives"),
        ("what do other folks with ibs take for the bloating", "alternatives"),
        # what it is made from, "what is it" in another language, the deal with it: definition
        ("what is omega 3 made from", "definition"),
        ("qué es la melatonina", "definition"),
        ("whats the story with sam-e", "definition"),
        ("saffron, what is it", "definition"),
        # a food holding it, where to get it from food: sources
        ("do almonds have much magnesium in them", "sources"),
        ("where can vegans get omega 3 without eating fish", "sources"),
    ],
)
def test_a_shape_of_question_says_what_is_asked(text: str, intent: str) -> None:
    assert _answered_intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # two questions joined by "and": the guide's precedence picks dosing over mechanism
        ("what does melatonin do in the brain and how much should i take", "dosing"),
        # how the body makes it is how it acts, not what it is
        ("how is glutamine made in the body", "mechanism"),
        # a medicine taken alongside leaves it to the interaction rules
        ("does saffron fix depression or just mask it, and can i take it with my sertraline", "interaction"),
        # what it does for a condition is whether it helps, not how it acts
        ("what does magnesium do for fibro pain", "effect"),
    ],
)
def test_a_shape_does_not_override_the_rules_beside_it(text: str, intent: str) -> None:
    assert _answered_intent(text) == intent
