"""Set f's voices (issue 12, the eighteenth round: docs/question-understanding.md): a pasted label
before the question, Portuguese and Italian, text-speak, and a child's or a grown child's message.

Every wording here was written for these tests: none is a corpus item or one of the extra questions
x2400-x2432, so they hold the way a question is built, not one sentence. What is asserted is what a
person sees in the answer: its intent, the entities it speaks of, the populations it screens and the
level it leads with.
"""

from __future__ import annotations

import pytest

from tests.question_helpers import answered, entity_ids

# ---- a pasted label before the question --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "entity"),
    [
        (
            "Supplement Facts: Serving Size 1 softgel. Omega-3 fish oil 1000 mg (as ethyl esters). "
            "-- how many of these a day is sensible",
            "dosing",
            "omega-3",
        ),
        (
            "'Adults: take 2 tablets daily. Keep out of reach of children. Do not exceed the stated dose.' "
            "the magnesium i bought - can i crush them into porridge",
            "administration",
            "magnesium",
        ),
        (
            "WARNING: Not suitable for pregnant or breastfeeding women. Consult your doctor if taking "
            "medication. -- would this melatonin actually help with jet lag sleep",
            "effect",
            "melatonin",
        ),
        (
            "the label says: Each capsule provides 300 mg St John's wort extract (0.3% hypericin). why "
            "does it need to be standardised like that",
            "mechanism",
            "st-johns-wort",
        ),
    ],
)
def test_a_pasted_label_is_not_the_question(text: str, intent: str, entity: str) -> None:
    answer = answered(text)
    assert answer.intent == intent
    assert entity in entity_ids(answer)  # the label's substance still counts
    assert not answer.populations  # the label's "children", "pregnant", "breastfeeding" are bystanders


def test_a_population_asked_after_a_label_is_screened() -> None:
    answer = answered(
        "Directions: take 1 capsule daily with food. Store below 25C. -- can my 10 year old have this magnesium"
    )
    assert answer.intent == "safety"
    assert set(answer.populations) == {"children"}
    assert answer.safety_level == "caution"


def test_an_ordinary_question_with_a_dose_is_not_a_label() -> None:
    answer = answered("Take 2 capsules of magnesium daily - is that too much?")
    assert answer.intent == "dosing"


# ---- Portuguese and Italian ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "entities", "populations"),
    [
        ("posso tomar ômega 3 grávida de 5 meses?", "safety", {"omega-3"}, {"pregnancy"}),
        ("posso prendere il magnesio se allatto?", "safety", {"magnesium"}, {"breastfeeding"}),
        ("o chá verde em cápsulas faz mal ao fígado?", "safety", {"liver-disease"}, set()),
        ("la vitamina D fa male ai reni?", "safety", {"kidney-disease", "vitamin-d"}, set()),
        ("posso tomar melatonina com antidepressivos?", "interaction", {"antidepressants", "melatonin"}, set()),
        (
            "l'iperico e la pillola anticoncezionale insieme?",
            "interaction",
            {"hormonal-contraceptives", "st-johns-wort"},
            set(),
        ),
        ("quanto magnésio para a minha mãe de 80 anos", "dosing", {"magnesium"}, {"older adults"}),
        ("magnesio o vitamina D per la fibromialgia?", "comparison", {"fibromyalgia", "magnesium", "vitamin-d"}, set()),
        ("melatonina ou magnésio, qual é melhor para dormir?", "comparison", {"magnesium", "melatonin"}, set()),
    ],
)
def test_portuguese_and_italian_questions(text: str, intent: str, entities: set[str], populations: set[str]) -> None:
    answer = answered(text)
    assert answer.intent == intent
    assert entities <= entity_ids(answer)
    assert set(answer.populations) == populations


def test_an_italian_pregnancy_question_leads_with_the_avoid() -> None:
    assert answered("l'iperico in gravidanza va bene?").safety_level == "avoid"


# ---- text-speak ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("5htp makes me so sleepy in the day y", "mechanism"),
        ("green tea extract kidney dmg??", "safety"),
        ("magnesium n melatonin 2gether ok?", "safety"),
    ],
)
def test_text_speak(text: str, intent: str) -> None:
    assert answered(text).intent == intent


# ---- a wish for a goal, told of a child ---------------------------------------------------------------


def test_a_childs_wish_to_take_it_for_a_goal_is_effect_and_still_screens_the_child() -> None:
    answer = answered("my 13 year old wants to take magnesium for his growing pains")
    assert answer.intent == "effect"
    assert set(answer.populations) == {"children"}
    assert answer.safety_level == "caution"


def test_a_childs_wish_with_a_safety_question_stays_safety() -> None:
    assert answered("my 12yo wants to try melatonin for sleep, is that ok at her age").intent == "safety"
