"""The intentx20 round's families (issue 12 §3; docs/question-understanding.md): the question after a
story read on its own, a benefit blamed on a supplement, all of one's supplements taken together, two
supplements the base lacks, bare keywords with a name the base lacks, a change of diet, a drink's jitters
eased, and damage to an organ. Each family holds new wordings and the neighbours that must keep theirs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.question_helpers import answered, answered_intent, parsed_intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a story with a death, killing or farewell word, then the question
        ("the main character died in the last episode, anyway does melatonin help with sleep", "effect"),
        ("my commute is killing me. does vitamin d help with tiredness", "effect"),
        ("our goldfish died on sunday, could saffron help my mood", "effect"),
        ("saying goodbye to my old job for good next week, does magnesium help headaches", "effect"),
        ("random question, is fish oil good for joint pain", "effect"),
        # neighbours: the story is part of the question, or two questions are asked
        ("my alarm died so i missed my magnesium this morning, should i take it now", "dosing"),
        ("this migraine is killing me, how much magnesium can i take", "dosing"),
        ("is 5-htp safe in pregnancy? also how much would you take", "safety"),
        # a benefit blamed on it
        ("my bloating has settled since starting probiotics, coincidence?", "effect"),
        ("in that trial how many got better on magnesium", "effect"),
        ("two months on saffron and im no better, does it actually work", "effect"),
        ("got heartburn after the fish oil, coincidence?", "side_effects"),
        # all of one's supplements together
        ("can i take all my supplements together at bedtime", "administration"),
        ("took all my vitamins in one go by accident, is that ok", "safety"),
        # two supplements the base lacks, taken together
        ("can i take zinc with calcium", "safety"),
        ("zinc or calcium for tiredness, which is better", "comparison"),
        # bare keywords
        ("spirulina for brain fog", "effect"),
        ("spirulina dose for brain fog", "dosing"),
        # a change of diet, and whether a supplement is needed
        ("cutting out meat, will i need to take extra iron", "effect"),
        ("cutting out gluten, do i need to take b vitamins", "effect"),
        ("cutting out meat, how much iron should i take", "dosing"),
        ("cutting out gluten, can i get enough b vitamins from my diet", "sources"),
        # the jitters: a drink's, eased by a supplement, or brought on by one
        ("coffee makes me jittery, would magnesium help with that", "effect"),
        ("can melatonin give you the jitters", "side_effects"),
        # another time of day, or the skin as the route, whatever the reason told
        ("fish oil gives me heartburn in the morning, when else can i take it", "administration"),
        ("can magnesium cream absorb through the skin", "administration"),
        ("does magnesium cream cause a rash", "side_effects"),
        # reaction time is an outcome
        ("can 5-htp improve reaction time", "effect"),
        # damage to an organ (guide rule 6)
        ("can kava cause liver damage", "safety"),
        ("why does kava cause liver damage", "mechanism"),
        ("can fish oil cause headaches", "side_effects"),
    ],
)
def test_each_family_reads_what_is_asked(text: str, intent: str) -> None:
    assert parsed_intent(text) == intent
    assert answered_intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "i wish i was dead. anyway does magnesium help sleep",
        "everyone would be better off without me. also is vitamin d good for tiredness",
    ],
)
def test_a_crisis_message_keeps_the_question_it_asks(text: str) -> None:
    answer = answered(text)
    assert answer.crisis
    assert str(answer.intent) == "effect"


def test_the_story_does_not_lose_what_it_names() -> None:
    """The question is read alone, but the child named in the story still makes its caution lead."""
    answer = answered("my son nearly killed me with worry today, anyway is melatonin ok for him")
    assert "children" in answer.populations
    assert str(answer.intent) == "safety"


_STORIES = st.sampled_from(
    [
        "everyone died at the end of the film",
        "my old laptop died on me",
        "this heat is killing me",
        "the deadline will be the death of me",
        "my houseplant is dead",
    ]
)
_QUESTIONS = st.sampled_from(
    [
        ("does magnesium help with headaches", "effect"),
        ("would saffron help my mood", "effect"),
        ("can glutamine cause bloating", "side_effects"),
        ("what is 5-htp", "definition"),
        ("does spinach contain magnesium", "sources"),
    ]
)


@settings(max_examples=25, deadline=None)
@given(story=_STORIES, asked=_QUESTIONS, joint=st.sampled_from([". ", ", anyway ", ". anyway, ", ". btw "]))
def test_a_death_word_in_the_story_never_picks_the_intent(story: str, asked: tuple[str, str], joint: str) -> None:
    question, intent = asked
    assert parsed_intent(f"{story}{joint}{question}") == intent
