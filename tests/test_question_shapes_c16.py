"""Leftovers of the merged rounds: a question passed on from someone else, an allergy told before
asking whether it may be taken, damage to an organ, a medicine killing the good gut bacteria, going on
after a spell on it, how high one can go, "b4" in a how-soon question and "has anyone felt ... on X" (issue 12 §3, the
twenty-fourth round, intentC16: docs/question-understanding.md).

The wordings here are new (none is a corpus item; the corpus items of these families are x5000-x5030).
Each family is held by what `ask` routes the question to, with a neighbour that must keep its own
reading, and by properties over the words that vary inside a family.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.leftover_shapes import passes_on_a_safety_question
from tests.question_helpers import parsed_intent as _intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a question passed on is the question asked; what a doctor asked of you is a story told
        ("my aunt asked whether saffron is ok for her", "safety"),
        ("my grandad wants to know if vitamin d is safe for him", "safety"),
        ("my doctor asked if i was taking fish oil", "unknown"),
        # an allergy told, then whether it may be taken
        ("im allergic to fish, can i still take vitamin d", "safety"),
        ("I have a bad dairy allergy. could i take probiotics", "safety"),
        ("can probiotics cause an allergic reaction", "side_effects"),
        # damage to an organ is safety; a condition brought on is a side effect; why, how much and
        # undoing it are other questions
        ("could melatonin cause kidney damage", "safety"),
        ("can 5-htp lead to heart damage", "safety"),
        ("can magnesium cause diarrhoea", "side_effects"),
        ("why does green tea extract cause liver damage", "mechanism"),
        ("can sam-e reverse liver damage", "cure"),
        # a medicine killing the good gut bacteria asks after its unwanted effect
        ("do antibiotics wipe out all the good bacteria", "side_effects"),
        ("doxycycline vs probiotics, does the doxycycline kill the friendly bacteria", "side_effects"),
        # going on after a spell on it is dosing; a stage of life told keeps it safety
        ("been on saffron since june, is it ok to keep going", "dosing"),
        ("took melatonin all winter, safe to carry on?", "dosing"),
        ("im breastfeeding now, is it safe to keep taking magnesium", "safety"),
        # how high one can go is a limit (dosing), even with harm named; a medicine's own is interaction
        ("how high can you go on melatonin before it harms you", "dosing"),
        ("how far can i safely push saffron", "dosing"),
        ("how high can i go on my lithium with magnesium", "interaction"),
        # "b4" in a how-soon question is "before"
        ("how many weeks b4 vitamin d starts working", "effect"),
        ("how much vitamin d b4 bed", "dosing"),
        # others asked about a state felt on it: a side effect, unless the state is a benefit
        ("has anyone felt really jittery on green tea extract", "side_effects"),
        ("has anyone felt happier on saffron", "effect"),
    ],
)
def test_family_reads_as_the_question_asked(text: str, intent: str) -> None:
    assert _intent(text) == intent


_RELATIVES = ["my gran", "my uncle", "my 85 year old dad", "my neighbour", "a friend"]
_SAFE_WORDS = ["safe", "ok", "okay", "alright", "fine"]
_SUBSTANCES = ["magnesium", "fish oil", "melatonin", "vitamin d", "saffron"]


@settings(max_examples=25)
@given(st.sampled_from(_RELATIVES), st.sampled_from(_SAFE_WORDS), st.sampled_from(_SUBSTANCES), st.booleans())
def test_a_passed_on_question_of_safety_is_safety(relative: str, safe: str, substance: str, upper: bool) -> None:
    text = f"{relative} asked if {substance} is {safe} for them"
    assert passes_on_a_safety_question(text)
    assert _intent(text.upper() if upper else text) == "safety"


@settings(max_examples=25)
@given(
    st.sampled_from(["liver", "kidney", "heart"]),
    st.sampled_from(["cause", "lead to", "give you"]),
    st.sampled_from(_SUBSTANCES),
)
def test_damage_to_an_organ_is_safety(organ: str, verb: str, substance: str) -> None:
    assert _intent(f"can {substance} {verb} {organ} damage") == "safety"


@settings(max_examples=10)
@given(st.sampled_from(["cause", "lead to", "give you"]), st.sampled_from(_SUBSTANCES))
def test_nerve_damage_from_a_supplement_is_its_side_effect(verb: str, substance: str) -> None:
    # Nerve damage is a harm a supplement itself can bring (B6 neuropathy), listed among its
    # side effects, not a named organ's disease that a safety screen would look up.
    assert _intent(f"can {substance} {verb} nerve damage") == "side_effects"
