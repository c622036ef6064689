"""The `effect` fallback takes only what asks about an effect (issue 12, the "-> effect" round).

A question reaches the fallback when no earlier rule recognises its predicate, so the fallback used to
take anything that names a supplement and a goal: statements and thanks, questions about the app or
the person's own trial, and questions whose predicate was said in lay words (what it is "doing in my
body", "any good articles", "a no no for her", "the runs"). These tests hold the wider predicates and
the statement rule, and two properties: a greeting before a question, and a story run on into a
question without punctuation, leave the question's reading as it was.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.accuracy import Item, load_items
from suppwise.questions.parse import parse
from tests.question_helpers import bundled_base

CORPUS = Path(__file__).parent / "corpus"


@cache
def open_questions() -> list[Item]:
    """Open-part questions with no crisis signal, read today as they are labelled."""
    return [
        item
        for part in ("questions_dev.yaml", "questions_extra.yaml")
        for item in load_items(CORPUS / part)
        if not item.crisis and parse(item.text, bundled_base()).intent.value == item.intent
    ]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # told, not asked: the fallback must not make an effect question of them
        ("magnesium has been amazing for my headaches honestly", "unknown"),
        ("thanks, that was really useful about melatonin and sleep", "unknown"),
        ("hi! I take glutamine for IBS", "unknown"),
        ("After 3 weeks of glutamine my gut is no better.", "unknown"),
        ("the magnesium is helping my sleep a lot", "unknown"),
        # the app, the person's own trial, a shop
        ("does my trial show the saffron is helping my mood yet", "unknown"),
        ("day 12 of the magnesium trial, sleep 6/10 today", "unknown"),
        ("set a reminder for my magnesium every night", "unknown"),
        ("how much does glutamine cost", "unknown"),
        ("tell me a joke about melatonin", "unknown"),
        # lay wordings of the earlier rules' predicates
        ("what is 5-htp actually doing in my body", "mechanism"),
        ("what is the rationale for giving SAMe in depression", "mechanism"),
        ("which part of the brain does melatonin act on", "mechanism"),
        ("any good articles on vitamin d and fatigue", "resources"),
        ("who could i speak to about whether probiotics suit my ibs", "resources"),
        ("where are the references for this", "resources"),
        ("is magnesium something i should worry about with kidney disease", "safety"),
        ("my mum has liver disease, is glutamine a no no for her", "safety"),
        ("are there any dangers with green tea extract", "safety"),
        ("is glutamine better than a low FODMAP diet for IBS", "comparison"),
        ("is it worth taking glutamine over a probiotic", "comparison"),
        ("will probiotics sort my ibs out permanently", "cure"),
        ("melatonin stopped working for me, what now", "alternatives"),
        ("does it matter when in the day i take 5-htp", "administration"),
        ("does magnesium give you the runs", "side_effects"),
        ("could my rash be the st johns wort", "side_effects"),
        # and what asks about an effect stays there
        ("is saffron legit for depression or just hype", "effect"),
        ("will glutamine do more harm than good for my ibs", "effect"),
        ("can omega-3 reduce self harm in bipolar depression", "effect"),
        ("Does glutamine lower worry and tension?", "effect"),
        ("I read that magnesium helps with sleep, is that true?", "effect"),
        # a question run on after a story, and one asked after a greeting
        ("i have fibro does magnesium help", "effect"),
        ("i take 5g glutamine is that too much", "dosing"),
        ("hi what is glutamine", "definition"),
        ("hey there melatonin pcos", "effect"),  # bare keywords after a greeting are still a search
        # "this bad" says how much, it asks nothing
        ("I want to hurt myself when the pain is this bad", "unknown"),
    ],
)
def test_the_predicate_decides_not_the_names(text: str, intent: str) -> None:
    assert parse(text, bundled_base()).intent.value == intent


@settings(deadline=None, max_examples=120)
@given(st.data(), st.sampled_from(("hi ", "hello, ", "Hey there ", "good morning, ")))
def test_a_greeting_leaves_the_question_as_it_was(data: st.DataObject, greeting: str) -> None:
    item = data.draw(st.sampled_from([i for i in open_questions() if not re.match(r"(?i)(hi|hello|hey)\b", i.text)]))
    assert parse(greeting + item.text, bundled_base()).intent.value == item.intent, greeting + item.text


# Questions of one sentence and more than five words that open with an auxiliary and then a pronoun, a
# determiner, a number or a supplement: run on after a story with no punctuation, the auxiliary still
# opens the question. (A shorter one is read with the story, as a punctuated one is, because it may lean
# on it: "cutting my dose in half, will it still work"; and one that names nothing takes the story's
# condition as what it is about, as "i have fibro, can i take it with my coffee" does.)
_INVERTED_OPENING = re.compile(
    r"^(does|do|can|could|would|will|should|is|are) (a|an|the|my|your|it|i|you|he|she|they|we|\d+\w*|glutamine|"
    r"magnesium|melatonin)\b",
    re.IGNORECASE,
)


@settings(deadline=None, max_examples=120)
@given(st.data(), st.sampled_from(("i have fibro", "my mum has ibs", "ive had depression for years", "i have ibs")))
def test_a_story_run_on_into_a_question_leaves_the_question(data: st.DataObject, story: str) -> None:
    item = data.draw(
        st.sampled_from(
            [
                i
                for i in open_questions()
                if _INVERTED_OPENING.match(i.text)
                and len(i.text.split()) > 5
                and not re.search(r"[.?!]\s", i.text)
                and i.entities
            ]
        )
    )
    text = f"{story} {item.text[0].lower()}{item.text[1:]}"
    assert parse(text, bundled_base()).intent.value == item.intent, text


# Draws the properties above once failed on (stop 32): kept as plain cases so that a run whose random
# draws miss them still checks them.
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a story run on into an errand: where it is on offer asks nothing of the supplement
        ("i have fibro is glutamine on offer anywhere this week", "unknown"),
        ("my mum has ibs is magnesium on sale at boots", "unknown"),
        # what to take it in, with its form named after a name the base holds without that form
        ("whats the best drink to take 5-HTP powder in", "administration"),
        ("whats the best drink to take saffron capsules with", "administration"),
    ],
)
def test_draws_that_once_failed_are_read_as_asked(text: str, intent: str) -> None:
    assert parse(text, bundled_base()).intent.value == intent
