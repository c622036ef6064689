"""The safety-bearing intents and their neighbours, asked the ways people ask them (issue 12, the
safety-family round; docs/question-understanding.md, "The safety family").

Safety, side effects, dosing, interaction and administration share their words ("is it ok", "with",
"too much", "every day"); what decides between them is how the question is built: what is taken with
what (a drink, another supplement, a medicine), whether a frequency or an amount is weighed, whether
an unwanted state is asked about, and whether a state of the person is told beside going on with it.
The wordings here are not corpus items; each family has controls that must keep their reading.
"""

from __future__ import annotations

from itertools import product

import pytest

from suppwise.questions.accuracy import predict
from tests.question_helpers import bundled_base
from tests.question_helpers import parsed_intent as _intent

# Regular use is a frequency (guide, section 2, rule 4): every safety frame with every way of saying it.
_SAFETY_FRAMES = (
    "is it safe to take {s} {f}",
    "is it ok to take {s} {f}?",
    "would it be bad to use {s} {f}",
    "is taking {s} {f} harmful",
)
_FREQUENCIES = ("every day", "every night", "each morning", "daily", "nightly", "every single day")


@pytest.mark.parametrize(
    ("frame", "frequency", "substance"), list(product(_SAFETY_FRAMES, _FREQUENCIES, ("magnesium", "melatonin")))
)
def test_regular_use_in_a_safety_question_is_dosing(frame: str, frequency: str, substance: str) -> None:
    assert _intent(frame.format(s=substance, f=frequency)) == "dosing"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # regular use said other ways, and frequencies that are not of taking it
        ("is daily vitamin d bad for your kidneys", "dosing"),
        ("my 9 year old has omega 3 gummies, is it ok to give her them every day", "dosing"),
        ("ive used 5-htp every night for a year, is that risky", "dosing"),
        ("every day is hard with this pain, is magnesium safe for me", "safety"),
        ("i get headaches every day, is magnesium safe to try", "safety"),
        ("i take vitamin d every day, is it ok with my levothyroxine", "interaction"),
        ("every night or only when i can't sleep for melatonin?", "dosing"),
        # a story before "is it safe?" about an unnamed supplement: the question decides
        ("my physio mentioned a supplement for muscle cramps. is it safe?", "safety"),
        ("i have a glass of wine most evenings, is it ok with that?", "safety"),
        ("my friend doubled her dose. is it safe?", "dosing"),
        # what is taken with it: a drink (how), another supplement or alcohol (safety), a medicine
        ("can i have my vitamin d with my morning tea", "administration"),
        ("omega 3 with orange juice ok?", "administration"),
        ("can i take melatonin with a glass of wine", "safety"),
        ("can i take magnesium with my blood pressure tablets", "interaction"),
        ("im on so many pills for my blood pressure, can i add omega 3", "interaction"),
        # an unwanted state it would bring on outranks when it is taken; a wanted one is an effect
        ("will magnesium make me too drowsy to work", "side_effects"),
        ("could 5-htp keep me awake if i take it before bed", "side_effects"),
        ("should i take magnesium before bed", "administration"),
        ("will magnesium help me get drowsy at night", "effect"),
        # amounts: doubling, another dose, the most one can take, a mishap told before "is she ok"
        ("i doubled my melatonin last night, is that dangerous", "dosing"),
        ("i take one vitamin d in the morning, can i have another at lunch", "dosing"),
        ("what's the most vitamin d an adult can safely take", "dosing"),
        ("my toddler got into the magnesium gummies, is he going to be ok", "dosing"),
        # going on with it or stopping it: beside a state (safety), with a duration (dosing)
        ("my kidney function is poor now, can i carry on with magnesium", "safety"),
        ("found out i'm pregnant, should i come off the vitamin d", "safety"),
        ("can i stay on magnesium long term for my migraines", "dosing"),
        ("should i stop vitamin d before my blood test", "safety"),
        # combining words with a condition and no medicine; with a medicine
        ("does st johns wort interfere with bipolar", "safety"),
        ("does st johns wort interfere with my bipolar meds", "interaction"),
        # a goal after "can I take X for" with no state named is the effect; with a state it is safety
        ("can i use magnesium for leg cramps", "effect"),
        ("could i take melatonin for jet lag", "effect"),
        ("my lad is 15, can he take magnesium for cramps", "safety"),
        ("can i take melatonin for 3 months", "dosing"),
        # unwanted effects in other words; "make worse" stays an effect (guide rule 6)
        ("will magnesium mess up my tummy", "side_effects"),
        ("any negatives to taking saffron", "side_effects"),
        ("can melatonin make my tinnitus worse", "effect"),
        # bad around an event, taken with a condition; more of it doing more is an amount
        ("is st johns wort bad before an operation", "safety"),
        ("what would happen if my son took 5-htp with his bipolar", "safety"),
        ("is more vitamin d better", "dosing"),
        ("would taking more saffron lift my mood faster", "dosing"),
        # a medicine told as context for whether the supplement would help (guide rule 2); the time of day
        ("i'm on fluoxetine and still flat, would saffron help", "effect"),
        ("i'm on fluoxetine, is saffron ok", "interaction"),
        ("does melatonin work better at night or in the morning", "administration"),
        # an unnamed supplement asked about in short follow-ups after a story
        ("how long will i have to take it for?", "dosing"),
        ("how long does saffron take to work?", "effect"),
        ("any reason she shouldn't?", "safety"),
        ("could it interfere with my tablets?", "interaction"),
        ("my 2 year old swallowed a few, should i be worried?", "dosing"),
        ("i have kidney disease, any risks?", "safety"),
        ("breastfeeding at the moment, what about it", "safety"),
        # supplements named only as such, and one taken too beside what is told
        ("is it safe to take all my supplements at the same time", "safety"),
        ("my vitamin d is low, should i take magnesium too", "safety"),
    ],
)
def test_safety_family_routing(text: str, intent: str) -> None:
    assert _intent(text) == intent


def test_an_amount_asked_with_its_object_left_out_names_the_supplement_for_the_lead_level() -> None:
    """"How much could I give her?" after a child's age asks about the supplement suppwise covers, so
    the child's record leads (docs/question-corpus.md, section 7)."""
    reading = predict(bundled_base(), "my 7 year old has a lot of bloating. how much should i give him?")
    assert reading.intent == "dosing"
    assert reading.population == frozenset({"children"})
    assert reading.lead_level == "caution"


def test_a_relative_opening_the_message_with_an_age_is_the_subject() -> None:
    assert predict(bundled_base(), "dad's 91 and forgets his pills, is it safe for him").population == frozenset(
        {"older adults"}
    )
    assert predict(bundled_base(), "son 2 tablets a day ok?").population == frozenset()
