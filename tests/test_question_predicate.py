"""Intent is read from what the question asks, whatever it is asked about (issue 12, second round):
a substance's name is never read as a cue, the story told before a question does not change what
it asks, and the same question about any substance gets the same reading."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.accuracy import Item, load_items
from suppwise.questions.parse import parse
from suppwise.questions.vocabulary import normalise
from suppwise.safety.populations import populations_in
from tests.question_helpers import bundled_base

CORPUS = Path(__file__).parent / "corpus"
# How people write the substances the base gained after the corpus was written. "SAMe" is left
# out of the property: after "the" it reads as "the same" (the case rule in vocabulary.py).
WRITTEN_NAMES = (
    "5-HTP", "green tea extract", "magnesium", "melatonin", "omega-3", "fish oil", "St John's wort",
    "vitamin D", "probiotics", "bone broth",
)


@cache
def glutamine_questions() -> list[Item]:
    """Open-part questions about glutamine alone, named once, with no crisis signal."""
    base = bundled_base()
    return [
        item
        for part in ("questions_dev.yaml", "questions_extra.yaml")
        for item in load_items(CORPUS / part)
        if not item.crisis
        and [e for e in item.entities if base.entities[e].kind is EntityKind.SUBSTANCE] == ["glutamine"]
        and len(re.findall(r"\bglutamine\b", item.text, re.IGNORECASE)) == 1
    ]


def test_there_are_enough_questions_to_swap() -> None:
    assert len(glutamine_questions()) > 300


@settings(deadline=None, max_examples=150)
@given(st.data(), st.sampled_from(WRITTEN_NAMES))
def test_the_same_question_about_another_substance_asks_the_same(data: st.DataObject, name: str) -> None:
    """The name asked about never changes what is asked: the swapped question is read as the
    original is (whether that reading is right is the corpus's measure, not this property's: a
    development item the rules still miss would otherwise fail here whenever it is drawn)."""
    item = data.draw(st.sampled_from(glutamine_questions()))
    text = re.sub(r"\bglutamine\b", name, item.text, flags=re.IGNORECASE)
    assert parse(text, bundled_base()).intent == parse(item.text, bundled_base()).intent, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a name's own words are no cue: "tea" is no drink to take it with, "SAMe" is not "the same"
        ("green tea extract for depression", "effect"),
        ("how does SAMe work for depression", "mechanism"),
        ("what is SAMe", "definition"),
        ("is ademetionine an antidepressant", "definition"),
        ("is 5-HTP or St John's wort better for low mood", "comparison"),
        ("can I take 5-HTP with St John's wort", "safety"),
        # giving it to someone is no side effect
        ("how much melatonin can I give my child", "dosing"),
        ("does melatonin give you headaches", "side_effects"),
        # bone broth is a food only when it holds another substance
        ("can bone broth ease my gut", "effect"),
        ("does bone broth contain glutamine", "sources"),
        ("my cat ate a glutamine capsule off the floor, should I worry", "dosing"),
    ],
)
def test_intent_is_read_from_the_frame_not_the_name(bundled: EvidenceBase, text: str, intent: str) -> None:
    assert parse(text, bundled).intent.value == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the story's verbs ask nothing
        ("My GP upped my pregabalin and my IBS is worse than ever. Can glutamine be taken with pregabalin or not?",
         "interaction"),
        ("my brother says he's killing it at the gym since starting glutamine. does it really help recovery "
         "after exercise", "effect"),
        # "my medication" in the story is what happened, not a medicine to combine
        ("I tried to end my life last year with my medication. Is glutamine safe for someone like me?", "safety"),
        # a medicine named in the story is still taken alongside
        ("I'm on gabapentin. Can I take glutamine?", "interaction"),
        # a question that leans on the sentence before it is read with it
        ("My toddler got into my glutamine tub and ate a spoonful. Should I worry?", "dosing"),
        ("I've been taking 5g of magnesium a day for a month with no change. Should I increase it?", "dosing"),
    ],
)
def test_the_question_not_the_story_before_it_decides(bundled: EvidenceBase, text: str, intent: str) -> None:
    assert parse(text, bundled).intent.value == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what's fibro fog", "definition"),  # "what's" loses its apostrophe: "what fibro fog"
        ("Can glutamine undo kidney damage from diabetes?", "cure"),  # the damage is what it would cure
        ("does magnesium become toxic if you take loads", "dosing"),  # "become" + a state is no conversion
        ("how does glutamine become glutamate", "mechanism"),
        ("should I take glutamine in divided doses with meals or all at once at breakfast", "dosing"),
        ("should I take melatonin with meals", "administration"),
        ("my GP put me on mebeverine for IBS, can I still take glutamine", "interaction"),
        ("I'm done with the glutamine trial, how do I close it", "unknown"),
        ("can I take melatonin and magnesium together at bedtime", "safety"),  # together outranks when
        ("how does glutamine stack up against prebiotics for gut health", "comparison"),
        ("does melatonin lose its strength if I keep the tablets in the bathroom", "administration"),
        ("what does SAMe stand for", "definition"),
        # question words said another way
        ("in what way does glutamine feed the gut lining", "mechanism"),
        ("how come magnesium makes me so sleepy", "mechanism"),
        ("what makes glutamine bad for people with liver disease", "mechanism"),
        # options not named, options named
        ("is there something that works better than glutamine for fibro fog", "alternatives"),
        ("what natural things can I try for low mood", "alternatives"),
        ("any recommendations for supplements for IBS", "alternatives"),
        ("would you recommend probiotics over glutamine for IBS", "comparison"),
        ("glutamine versus l-glutamine", "definition"),
        ("could taking glutamine mean I never have depression again", "cure"),
        # amounts said another way, harm in general
        ("at what point does vitamin D become too much", "dosing"),
        ("what strength of melatonin should I buy", "dosing"),
        ("when should I increase my glutamine", "dosing"),
        ("Could glutamine raise glutamate in my brain and make pain worse?", "effect"),
        ("can glutamine hurt me", "safety"),
        ("could magnesium do me any harm", "safety"),
        # which form of one substance, a drink to take it with, hiding it in food: how to take it
        ("is liquid vitamin D better than tablets", "administration"),
        ("gummies or tablets for melatonin, does it matter", "administration"),
        ("can I take my probiotics with hot coffee", "administration"),
        ("can I bury the fish oil capsule in yogurt for my son", "administration"),
        # options not named
        ("best supplements for brain fog", "alternatives"),
        ("anything natural for IBS bloating?", "alternatives"),
        ("is there anything natural that reverses fibromyalgia", "cure"),
        # the app, and where to report
        ("can I change the reminder time for my vitamin D", "unknown"),
        ("where do I report a bad reaction to 5-HTP", "resources"),
    ],
)
def test_the_verb_and_its_object_decide(bundled: EvidenceBase, text: str, intent: str) -> None:
    assert parse(text, bundled).intent.value == intent


def test_a_prescribed_name_is_a_medicine_the_base_lacks(bundled: EvidenceBase) -> None:
    assert parse("my GP put me on mebeverine for IBS, can I still take glutamine", bundled).unknown_medicines == (
        "mebeverine",
    )


def test_a_grammar_word_is_never_part_of_a_name_run_together(bundled: EvidenceBase) -> None:
    query = parse("is melatonin a steroid", bundled)
    assert [m.text for m in query.mentions] == ["melatonin"]
    assert query.intent.value == "definition"


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("Is it alright to keep taking it now I'm expecting?", True),
        ("my wife's expecting again, can she have magnesium", True),
        ("I'm expecting a parcel of glutamine tomorrow", False),
        ("what should I be expecting from vitamin D", False),
    ],
)
def test_expecting_is_pregnancy_only_when_said_of_a_person(text: str, pregnant: bool) -> None:
    assert ("pregnancy" in populations_in(normalise(text))) is pregnant
