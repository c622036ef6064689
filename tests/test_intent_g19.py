"""The twenty-eighth round's families (issue 12 §3, intentG19; docs/question-understanding.md): whether a
thing is safe, common or worth it, read from what is asked rather than from the word that misled the
rules ("how often", "which supplements", "cut", a medicine told as the reason, a shop)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.evidence_helpers import ask
from tests.question_helpers import answered_intent, bundled_base, parsed_intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # how common an unwanted effect is
        ("how common is heartburn with fish oil", "side_effects"),
        ("how often does magnesium cause diarrhoea", "side_effects"),
        ("do most people get headaches on 5-htp", "side_effects"),
        ("is nausea a normal thing on glutamine", "side_effects"),
        # the same frames asking about a benefit or a schedule
        ("how often should i take fish oil", "dosing"),
        ("how many people does melatonin help", "effect"),
        ("do most people get relief from magnesium", "effect"),
        # reports and blame
        ("are there any reports of 5-htp causing mania", "side_effects"),
        ("my ankles are swollen, could it be down to the glutamine", "side_effects"),
        ("could low b12 be the reason im so tired", "effect"),
        # a supplement the base lacks, asked whether it is safe
        ("is maca safe", "safety"),
        ("is maca good for energy", "effect"),
        # an operation ahead
        ("should i stop taking omega 3 before my hip operation", "safety"),
        # supplements to avoid
        ("which supplements should i stay away from on carbamazepine", "interaction"),
        ("what supplements should i avoid with liver disease", "safety"),
        # less, more or a break
        ("should i cut back on the melatonin", "dosing"),
        ("is it ok to have two weeks off the st johns wort", "dosing"),
        ("should i stop the fish oil", "safety"),
        # options asked for
        ("tried fish oil for my joints, any other ideas", "alternatives"),
        ("anything you'd recommend for ibs bloating", "alternatives"),
        # a medicine as the reason for asking whether it works
        ("i dont want to go on sertraline, does saffron work", "effect"),
        ("is it worth trying magnesium before going on pregabalin", "effect"),
        ("can i take magnesium with my pregabalin", "interaction"),
        # errands, shopping and the app
        ("need to order more fish oil", "unknown"),
        ("which chemist near me sells melatonin", "unknown"),
        ("is magnesium on sale anywhere", "unknown"),
        ("what time should i take magnesium", "administration"),
        ("keppra is wrecking my sleep, would magnesium help me nod off", "effect"),
        ("can omega 3 stop me getting migraines", "effect"),
        ("can i keep taking fish oil up to my operation", "safety"),
        ("what vitamins shouldnt be taken with lithium", "interaction"),
        ("can i export my glutamine log", "unknown"),
        ("where can i buy melatonin online", "unknown"),
        ("where can i get magnesium from food", "sources"),
        ("does anybody get tingling with fish oil", "side_effects"),
        ("what herbs are bad when pregnant", "safety"),
        ("should i take less melatonin", "dosing"),
        ("glutamine powder arrived this morning", "unknown"),
        ("does tesco sell 5-htp", "unknown"),
        # not knowing how much is asking it
        ("i dont know how much fish oil to take", "dosing"),
        ("ive given up on melatonin, anything better for sleep", "alternatives"),
        ("the pharmacist said to try magnesium but didnt say how much", "dosing"),
        ("i dont know if the fish oil is helping my joints", "effect"),
        # how long a condition has lasted, told of someone else, is no time it has been taken
        ("my dad has had kidney problems for years and a friend gave him magnesium, is it safe for him", "safety"),
        ("my dad has taken magnesium for years, is it safe for him", "dosing"),
    ],
)
def test_the_question_asked_decides_the_intent(text: str, intent: str) -> None:
    assert parsed_intent(text) == intent


def test_a_safety_question_about_an_unlisted_supplement_says_it_is_not_recognised() -> None:
    """Read as safety, the answer says the base lacks it rather than reading as reassurance."""
    answer = ask(bundled_base(), "is spirulina safe")
    assert answer.intent == "safety"
    assert "spirulina" in answer.summary
    assert "safe" not in answer.summary.lower().split("spirulina")[0]


def test_a_medicine_told_as_the_reason_still_leads_with_its_warning() -> None:
    """The question is whether melatonin works (effect); the sleeping pills named are still screened."""
    answer = ask(bundled_base(), "id rather not take sleeping pills, does melatonin actually work")
    assert answer.intent == "effect"
    assert answer.safety_level == "caution"


def test_how_common_an_effect_is_gets_the_side_effect_list() -> None:
    answer = ask(bundled_base(), "how common is constipation with glutamine")
    assert answer.intent == "side_effects"
    assert "constipation" in answer.summary.lower()


_SUPPLEMENT = st.sampled_from(["glutamine", "magnesium", "melatonin", "fish oil", "5-htp", "st johns wort"])
_SYMPTOM = st.sampled_from(["nausea", "headaches", "bloating", "diarrhoea", "stomach cramps", "wind"])
_HOW_COMMON = st.sampled_from([
    "how common is {s} with {x}",
    "how often does {x} cause {s}",
    "does everyone get {s} on {x}",
    "how many people get {s} from {x}",
    "are {s} a usual thing on {x}",
])
_ERRAND = st.sampled_from([
    "picking up my {x} from the chemist later",
    "need to remember to order more {x}",
    "which shop near me sells {x}",
])


@settings(max_examples=40, deadline=None)
@given(frame=_HOW_COMMON, x=_SUPPLEMENT, s=_SYMPTOM)
def test_how_common_an_unwanted_effect_is_is_side_effects(frame: str, x: str, s: str) -> None:
    assert answered_intent(frame.format(x=x, s=s)) == "side_effects"


@settings(max_examples=20, deadline=None)
@given(frame=_ERRAND, x=_SUPPLEMENT)
def test_an_errand_asks_nothing_of_the_supplement(frame: str, x: str) -> None:
    assert parsed_intent(frame.format(x=x)) == "unknown"
