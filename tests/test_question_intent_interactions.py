"""Where rules from separate rounds met, the shape of the question decides (issue 12, seventeenth round;
docs/question-understanding.md). Each family below was read by a rule of another round:

- an amount of a medicine on its own ("how many of X would be fatal", "would 40 be enough") stays
  interaction (guide rule 2, kept by the lead at the merge), and the crisis answer leads;
- in a crisis message, an amount asked without a question's shape keeps that question's intent (dosing of
  a supplement, interaction of a medicine), and the crisis answer still leads (`questions.amount_asked`);
- whether either of two named options helps, no ranking asked, is effect, not comparison
  (`questions.either_option`);
- too little of a substance blamed for a symptom is effect, not side effects (`questions.lack_as_cause`).

Every example was written for this test, none copied from the corpus; the controls beside each family hold
the rule it must not override."""

from __future__ import annotations

import pytest

from suppwise.questions.answer import build_answer
from suppwise.questions.intent import Intent
from suppwise.questions.parse import parse
from tests.question_helpers import bundled_base


def _intent(text: str) -> Intent:
    return parse(text, bundled_base()).intent


@pytest.mark.parametrize(
    "text",
    [
        "how many of my sertraline tablets would be lethal",
        "what is the deadly dose of gabapentin",
        "would 80 of my dads tramadol be enough",
        "how much lithium would it take",
        "how many keppra is an overdose",
    ],
)
def test_an_amount_of_a_medicine_alone_is_interaction_and_the_crisis_answer_leads(text: str) -> None:
    answer = build_answer(bundled_base(), parse(text, bundled_base()))
    assert answer.intent == Intent.INTERACTION
    assert answer.crisis


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # combined with something else it stays the combination (guide rule 2)
        ("how many lyrica would be fatal with vodka", Intent.INTERACTION),
        ("how much melatonin is too much with my sertraline", Intent.INTERACTION),
        # no amount asked: taking it with a medicine
        ("can i take magnesium with my gabapentin", Intent.INTERACTION),
    ],
)
def test_a_medicine_combined_or_without_an_amount_keeps_its_reading(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("honestly just wondering how much amitriptyline is fatal", Intent.INTERACTION),
        ("tbh whats a deadly amount of magnesium", Intent.DOSING),
    ],
)
def test_a_lethal_amount_asked_without_a_question_shape_keeps_its_intent(text: str, intent: Intent) -> None:
    answer = build_answer(bundled_base(), parse(text, bundled_base()))
    assert answer.intent == intent
    assert answer.crisis


def test_an_amount_someone_else_searched_for_is_told_not_asked() -> None:
    base = bundled_base()
    answer = build_answer(base, parse("my flatmate keeps googling how much paracetamol is fatal", base))
    assert answer.crisis
    assert answer.intent != Intent.DOSING


@pytest.mark.parametrize(
    "text",
    [
        "does magnesium or melatonin help you sleep",
        "would fish oil or vitamin d do anything for achy joints",
        "can glutamine or probiotics help with ibs",
        "do saffron or 5-htp actually help depression",
    ],
)
def test_whether_either_option_helps_is_effect(text: str) -> None:
    assert _intent(text) == Intent.EFFECT


@pytest.mark.parametrize(
    "text",
    [
        "is magnesium or melatonin better for sleep",
        "which helps depression more, saffron or 5-htp",
        "omega 3 vs vitamin d for joint pain",
    ],
)
def test_a_ranking_between_options_stays_comparison(text: str) -> None:
    assert _intent(text) == Intent.COMPARISON


@pytest.mark.parametrize(
    "text",
    [
        "could low vitamin d be causing my aches",
        "can a lack of magnesium cause poor sleep",
        "is not getting enough omega 3 behind my low mood",
        "could being deficient in b12 give me brain fog",
    ],
)
def test_a_lack_blamed_for_a_symptom_is_effect(text: str) -> None:
    assert _intent(text) == Intent.EFFECT


@pytest.mark.parametrize(
    "text",
    [
        "can glutamine cause low mood",
        "could a low dose of magnesium cause diarrhoea",
        "can melatonin cause headaches",
    ],
)
def test_an_unwanted_effect_of_taking_it_stays_side_effects(text: str) -> None:
    assert _intent(text) == Intent.SIDE_EFFECTS
