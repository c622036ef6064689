"""The same question typed differently gets the same reading (docs/question-understanding.md, "Typed
differently, read the same").

Questions written for this test (none taken from a corpus part), each retyped the ways people type:
lower case, capitals, no question mark or "!!", apostrophes dropped or contractions written out, a
greeting, a filler or a sign-off, "u"/"ur", "&" or "+", British or American spelling, extra spaces
and line breaks, a leading "Q:". The intent, the entities, the crisis flag and the level the answer
leads with must not move.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.questions.accuracy import predict
from suppwise.questions.retypings import RETYPINGS, Retyping, retyped
from tests.question_helpers import bundled_base

QUESTIONS = (
    "What is glutamine?",
    "What's SAMe used for?",
    "Does magnesium help with fibromyalgia pain?",
    "Can glutamine make my anxiety worse?",
    "Is it safe to take vitamin D when you're pregnant?",
    "How much melatonin should a 70 year old take?",
    "What's the most magnesium I can take in a day?",
    "Can I take St John's wort and sertraline together?",
    "Does fish oil interact with warfarin?",
    "Is saffron better than 5-HTP for low mood?",
    "Should I take glutamine before or after food?",
    "What time of day is best for magnesium?",
    "Why does glutamine affect the brain?",
    "How does vitamin D work for tiredness?",
    "Where can I find the studies on omega-3 and depression?",
    "What are the side effects of melatonin?",
    "I don't want to take pills, what else helps with my sleep?",
    "Are there natural alternatives to sertraline for anxiety and depression?",
    "Will magnesium cure my migraines?",
    "Is glutamine ok if you have bipolar disorder?",
    "Can glutamine cause headaches and tiredness?",
    "I'm on lithium, can I take magnesium?",
    "Does vitamin D help with anaemia?",
    "Does fibre help with IBS symptoms?",
    "Can a high fiber diet ease my constipation?",
    "Can my 10 year old take melatonin?",
    "Is glutamine safe for someone with liver disease?",
    "What does 5-HTP do to your serotonin?",
    "Who should avoid SAMe?",
    "Does omega-3 help your mood?",
    "How long does it take for magnesium to work?",
    "Can I drink coffee with my glutamine?",
    "Is it dangerous to double my dose of vitamin D?",
    "Does turmeric help with joint pain and swelling?",
    "Can saffron change your behaviour?",
    "Does glutamine raise glutamate in the brain?",
    "Is melatonin addictive?",
    "What are probiotics?",
    "Can you take vitamin D and magnesium at the same time?",
    "Is saffron ok with my antidepressants?",
    # hard negatives: words of risk that are not risk
    "I've been feeling really low, does omega-3 help with depression?",
    "This fibro pain is killing me, would magnesium help?",
    "I'm dying to know if glutamine helps with leaky gut",
    "I just want to sleep through the night without waking up, would magnesium help?",
    # crisis messages
    "I don't want to be here anymore, is there a supplement that helps?",
    "How many of my sleeping pills would it take to not wake up?",
    "I've had enough of everything, can melatonin help me sleep forever?",
)

Reading = tuple[str, frozenset[str], bool, str]


@cache
def reading(text: str) -> Reading:
    """What a person sees of the reading: intent, entities, crisis flag, the level the answer leads with."""
    got = predict(bundled_base(), text)
    return got.intent, got.entities, got.crisis, got.lead_level


@pytest.mark.parametrize("retyping", RETYPINGS, ids=lambda r: r.name)
def test_each_way_of_typing_keeps_every_reading(retyping: Retyping) -> None:
    moved = []
    for question in QUESTIONS:
        plain = reading(question)
        text = retyped(retyping, question, crisis=plain[2])
        if text is not None and reading(text) != plain:
            moved.append(f"{text!r}: {reading(text)} instead of {plain}")
    assert not moved, "\n".join(moved)


def test_the_ways_of_typing_reach_every_question() -> None:
    """Each way of typing changes some of the questions, so the test above tests something."""
    for retyping in RETYPINGS:
        assert any(retyped(retyping, q) for q in QUESTIONS), retyping.name


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(question=st.sampled_from(QUESTIONS), ways=st.lists(st.sampled_from(RETYPINGS), min_size=2, max_size=4))
def test_ways_of_typing_combined_keep_every_reading(question: str, ways: list[Retyping]) -> None:
    plain = reading(question)
    text = question
    for way in ways:
        text = retyped(way, text, crisis=plain[2]) or text
    assert reading(text) == plain, text


def test_the_tuned_corpus_retyped_keeps_its_readings() -> None:
    """The report's quick mode over a sample of the tuned parts (tools/invariance_report.py): no way of
    typing moves a crisis flag, and all of them together move under one reading in two hundred (main
    moved 2.0%, docs/question-understanding.md)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    try:
        from invariance_report import break_counts, tuned_items
    finally:
        sys.path.pop(0)
    right, tallies = break_counts(bundled_base(), tuned_items(every=25))
    applied = sum(t.applied for t in tallies)
    assert right > 100
    assert sum(t.changed["crisis"] for t in tallies) == 0
    assert sum(t.changed["any"] for t in tallies) <= applied / 200
