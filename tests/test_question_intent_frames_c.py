"""Frames of the test part's weak intents read as what they ask (issue 12, twenty-first round;
docs/question-understanding.md): the next option after giving up on one is alternatives
(`questions.next_option`); a change told and then put down to what is taken is a side effect; where it
acts, is absorbed or kept in the body is mechanism; a condition made to go or beaten is cure; a medicine
told before the question can be the option compared; the way of coming off it and a dose cut in two are
dosing; whether to keep on with it or skip it, and whether someone may be given it, are safety.

Every example was written for this test, none copied from the corpus; the controls beside each frame hold
what it must leave alone (a second named option, a goal, a symptom eased, an amount)."""

from __future__ import annotations

import pytest

from suppwise.questions.intent import Intent
from tests.question_helpers import answered_intent as _intent


@pytest.mark.parametrize(
    "text",
    [
        "omega 3 hasnt done a thing for my joints, what next",
        "fed up of this probiotic brand, which one should i try",
        "saffron stopped helping my mood months ago, any other ideas",
        "my gp took me off 5-htp, what could fill its place",
        "i want something for my nerves that isnt a prescription",
        "is there a magnesium that doesnt upset your stomach, any recommendations",
        "what would you suggest for night sweats",
        "the fishy taste puts me off omega 3, any softgels without it",
        "name a few supplements for hay fever",
    ],
)
def test_asking_for_an_option_not_named_is_alternatives(text: str) -> None:
    assert _intent(text) == Intent.ALTERNATIVES


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a second option named makes it a comparison (guide rule 9)
        ("melatonin did nothing for me, would magnesium be better", Intent.COMPARISON),
        # a complaint with no ask for another option stays with what it asks
        ("magnesium does nothing for my cramps, should i take more", Intent.DOSING),
    ],
)
def test_a_complaint_leaves_what_else_is_asked(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "dad started saffron last month and now hes got a rash, could the saffron be causing it",
        "been on vitamin d since october and my stomach aches, related?",
        "since taking magnesium my mouth is dry, is that a recognised side effect",
        "i have omega 3 daily and lately my nose bleeds a lot, i wonder if the two are linked",
        "could 5-htp flip someone into a manic phase",
        "my friend says saffron made her feel foggy, does it do that to everybody",
        "is a dry mouth common when starting 5-htp",
        "is tiredness a known reaction to magnesium",
        "what are the usual reactions to glutamine",
    ],
)
def test_a_change_put_down_to_what_is_taken_is_a_side_effect(text: str) -> None:
    assert _intent(text) == Intent.SIDE_EFFECTS


@pytest.mark.parametrize(
    "text",
    [
        "does magnesium act on the nerves or on the muscle fibres",
        "is b12 absorbed through the gut or the mouth",
        "is vitamin d kept in the liver",
        "does melatonin work like a hormone",
        "does glutamine fuel the cells that line the bowel",
        "what does saffron do for your brain chemistry",
        "wie funktioniert Magnesium",
        "my nan asked how omega 3 would help her joints and i couldnt explain",
        "vitamin d and bones - whats the link",
        "reason saffron lifts mood?",
        "how is 5-htp an antidepressant",
        "explain magnesium and migraines to me simply",
    ],
)
def test_where_and_as_what_it_acts_is_mechanism(text: str) -> None:
    assert _intent(text) == Intent.MECHANISM


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ive had lupus for ten years, is there anything that makes it go away", Intent.CURE),
        ("can my vitamin b12 deficiency be fixed for good", Intent.CURE),
        ("will melatonin retrain my sleep for good so i can come off it", Intent.CURE),
        ("has anyone actually beaten fibromyalgia", Intent.CURE),
        # a symptom eased is an effect question, not a cure (guide: cure is a condition gone)
        ("does magnesium make cramps ease off", Intent.EFFECT),
    ],
)
def test_a_condition_made_to_go_is_cure(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "my doctor has me on citalopram, would st johns wort do a better job than it",
        "been on sertraline a year, is saffron gentler than that",
        "my sister and i argue about omega 3 and vitamin d, whose is better for joints",
        "i cant decide between magnesium and melatonin for sleep",
        "been weighing up omega 3 and vitamin d for my joints, thoughts?",
        "between citalopram and saffron which has the better evidence for low mood",
    ],
)
def test_options_set_against_each_other_are_comparison(text: str) -> None:
    assert _intent(text) == Intent.COMPARISON


@pytest.mark.parametrize(
    "text",
    [
        "can magnesium go in on the same morning as my levothyroxine",
        "i use lorazepam as and when for panic attacks, is saffron alright with it",
    ],
)
def test_a_medicine_taken_as_or_when_is_interaction_not_a_comparison(text: str) -> None:
    assert _intent(text) == Intent.INTERACTION


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("coming off saffron, should i do it slowly", Intent.DOSING),
        ("my son is 15, does he need to wean off melatonin gradually", Intent.DOSING),
        ("the pack says 10 mg, can i cut the melatonin in half", Intent.DOSING),
        ("can i take my vitamin d every other day instead of daily", Intent.DOSING),
        # stopping at once asks whether to stop, not how (left to the safety rules)
        ("is it ok to stop magnesium suddenly", Intent.SAFETY),
    ],
)
def test_the_way_of_coming_off_it_and_splitting_are_dosing(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("moving house next week, should i carry on taking omega 3", Intent.SAFETY),
        ("bad migraine today, should i skip my 5-htp", Intent.SAFETY),
        ("can the nurses on the ward give him melatonin", Intent.SAFETY),
        ("ist Melatonin gefährlich", Intent.SAFETY),
        ("what are the precautions for saffron", Intent.SAFETY),
        ("i have kidney disease, anything i need to know before trying magnesium", Intent.SAFETY),
        # a goal after it makes it an effect question (guide rule 7); how long, dosing (rule 4)
        ("should i keep taking vitamin d for my mood", Intent.EFFECT),
        ("should i keep taking vitamin d for years", Intent.DOSING),
    ],
)
def test_keeping_on_skipping_or_giving_it_is_safety(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


def test_asking_for_a_reminder_is_about_the_app() -> None:
    assert _intent("could you send me a reminder about my magnesium") == Intent.UNKNOWN


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is there much point taking b12 if my levels are normal", Intent.EFFECT),
        ("just finished a course of amoxicillin, is it worth trying probiotics", Intent.EFFECT),
        ("is saffron worth a go for low mood if i want to avoid antidepressants", Intent.EFFECT),
        # taken with a medicine it is an interaction, over another option a comparison, with an amount dosing
        ("is it worth taking omega 3 alongside my warfarin", Intent.INTERACTION),
        ("is it worth taking saffron over 5-htp", Intent.COMPARISON),
        ("is it worth taking 4000 iu of vitamin d", Intent.DOSING),
    ],
)
def test_whether_it_is_worth_taking_is_effect(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("saffron made me queasy for a few days, does that mean it is working", Intent.SIDE_EFFECTS),
        ("my mood lifted a bit on saffron, does that mean it is working", Intent.EFFECT),
        ("magnesium makes me feel calmer, does that mean it is working", Intent.EFFECT),
    ],
)
def test_an_unwanted_effect_told_before_does_that_mean_is_a_side_effect(text: str, intent: Intent) -> None:
    assert _intent(text) == intent


def test_which_supplements_are_safe_while_on_a_medicine_is_interaction() -> None:
    assert _intent("which herbs are fine to take when on fluoxetine") == Intent.INTERACTION
