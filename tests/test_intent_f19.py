"""The twenty-seventh round's families (issue 12 §3, intentF19; docs/question-understanding.md): how a
thing is asked decides the intent a person's answer is built for, whatever names fill the question."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.asked_how import asked_how_intent
from suppwise.questions.parse import parse
from tests.evidence_helpers import ask
from tests.question_helpers import answered_intent, bundled_base, entity_ids, parsed_intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # reaching a helpline: how to get hold of a line or a person is where to find help
        ("how can i get in touch with samaritans", "resources"),
        ("whats the phone number for the samaritans", "resources"),
        ("can i text a crisis line instead of ringing", "resources"),
        ("is there a chat service for when talking out loud is too hard", "resources"),
        ("who else could i speak to about my tablets, my doctor is away", "resources"),
        ("how do you get hold of a helpline in the middle of the night", "resources"),
        # a line told as the source of advice: the amount checked is the question
        ("the pharmacy line said 3 g, is that a normal dose of glutamine", "dosing"),
        # which is better, the named options last
        ("which is better for my headaches, magnesium or b2", "comparison"),
        ("which is better for sleep, melatonin or magnesium", "comparison"),
        ("does magnesium or melatonin help sleep", "effect"),
        ("magnesium bisglycinate or magnesium oxide, which is better", "administration"),
        # one form against another
        ("are vitamin d sprays as good as the tablets", "administration"),
        ("is magnesium better than melatonin", "comparison"),
        # why too little of it causes something
        ("why does low magnesium cause cramps at night", "mechanism"),
        ("could low magnesium be behind my cramps", "effect"),
        # a condition made to go away
        ("is there a herb that makes fibromyalgia go away for good", "cure"),
        ("is there a supplement that helps ibs", "alternatives"),
        # what a word means, or "X = ?"
        ("excitotoxicity = just too much glutamate?", "definition"),
        ("what does hepatic encephalopathy mean", "definition"),
        # opening it, what it goes in, where it is kept
        ("can i open up a melatonin capsule and stir it into water", "administration"),
        ("what is the best drink to take magnesium powder in", "administration"),
        ("is it fine to swallow my vitamin d without water", "administration"),
        ("can i leave my probiotics in a hot car", "administration"),
        ("is it ok to keep fish oil at room temperature", "administration"),
        ("is it safe to open a capsule of melatonin if im pregnant", "safety"),
        ("how much magnesium powder should i put in my juice", "dosing"),
        ("can i take my magnesium with my vitamin d", "safety"),
        ("can i stir the probiotic powder into my toddlers milk", "administration"),
        ("can i have it without a drink of water", "administration"),
        ("does the helpline number work from abroad", "resources"),
        ("why does folate deficiency make you so tired", "mechanism"),
        # the other option told before: "is Y any better"
        ("i couldnt get on with sertraline, is citalopram any better", "comparison"),
        # whether a food counts towards it
        ("would a portion of salmon count towards my vitamin d", "sources"),
        ("is salmon good for my mood", "effect"),
    ],
)
def test_how_it_is_asked_decides_the_intent(text: str, intent: str) -> None:
    assert answered_intent(text) == intent


@pytest.mark.parametrize(
    "predicate",
    [
        "the dog chewed my empty zzsubstance tub",
        "we keep the empty zzsubstance tubs for recycling can they go in the green bin",
    ],
)
def test_an_empty_tub_is_no_capsule_opened(predicate: str) -> None:
    """"Empty" as an adjective opens nothing: the family leaves the question to the other rules."""
    read = asked_how_intent(
        predicate, predicate, predicate, substances=1, options=1, medicine=False, population=False, condition=False,
        named=True, amount=lambda: False,
    )
    assert read is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what does self harm mean", "definition"),
        ("what does suicidal ideation actually mean", "definition"),
        ("how do i contact the samaritans, i want to end my life", "resources"),
        ("i want to die. which is better for low mood, saffron or 5-htp", "comparison"),
        ("which is more lethal in a big dose, saffron or magnesium", "comparison"),
    ],
)
def test_a_crisis_message_keeps_the_question_it_asks(text: str, intent: str) -> None:
    """Crisis resources lead, and the question asked keeps its intent (guide section 2)."""
    answer = ask(bundled_base(), text)
    assert answer.crisis
    assert answer.intent == intent


def test_despair_put_as_a_meaning_is_no_definition() -> None:
    answer = ask(bundled_base(), "i want to die, what does life even mean anymore")
    assert answer.crisis
    assert answer.intent != "definition"


def test_named_last_keeps_both_named_options() -> None:
    answer = ask(bundled_base(), "which is better for sleep, magnesium or melatonin")
    assert answer.intent == "comparison"
    assert {"magnesium", "melatonin", "sleep"} <= entity_ids(answer)


_LINES = ["samaritans", "the samaritans", "a crisis line", "the helpline", "a text line"]
_REACH = ["contact", "reach", "ring", "call", "text", "get hold of", "talk to"]


@settings(max_examples=30, deadline=None)
@given(line=st.sampled_from(_LINES), reach=st.sampled_from(["contact", "reach", "ring", "text", "talk to"]),
       opener=st.sampled_from(["how do i", "how can i", "how would i"]))
def test_reaching_any_line_is_resources(line: str, reach: str, opener: str) -> None:
    assert parsed_intent(f"{opener} {reach} {line}") == "resources"


_SUPPLEMENTS = ["magnesium", "melatonin", "saffron", "5-htp", "omega 3", "vitamin d", "st johns wort", "probiotics"]
_GOALS = ["sleep", "low mood", "fibro pain", "ibs", "tiredness", "anxiety"]


@settings(max_examples=40, deadline=None)
@given(pair=st.lists(st.sampled_from(_SUPPLEMENTS), min_size=2, max_size=2, unique=True),
       goal=st.sampled_from(_GOALS), opener=st.sampled_from(["which is better", "whats best", "what works better"]))
def test_two_named_options_last_are_compared(pair: list[str], goal: str, opener: str) -> None:
    assert parsed_intent(f"{opener} for {goal}, {pair[0]} or {pair[1]}") == "comparison"


@settings(max_examples=30, deadline=None)
@given(name=st.sampled_from(["excitotoxicity", "central sensitisation", "leaky gut", "neuroinflammation",
                             "the glutamate-glutamine cycle", "hepatic encephalopathy"]),
       tail=st.sampled_from([" = ?", " = ??", "= ?"]))
def test_a_name_equals_nothing_asks_what_it_is(name: str, tail: str) -> None:
    assert parse(f"{name}{tail}", bundled_base()).intent.value == "definition"


@settings(max_examples=30, deadline=None)
@given(supplement=st.sampled_from(["5-htp", "melatonin", "saffron", "glutamine", "magnesium"]),
       verb=st.sampled_from(["open", "pull apart", "break open", "split open"]),
       vehicle=st.sampled_from(["water", "juice", "yogurt", "a smoothie", "porridge"]))
def test_a_capsule_opened_into_something_is_administration(supplement: str, verb: str, vehicle: str) -> None:
    assert parsed_intent(f"can i {verb} the {supplement} capsule and mix it into {vehicle}") == "administration"
