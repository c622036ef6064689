"""The intentk20 round's families (issue 12 §3; docs/question-understanding.md, "Thirtieth round"): a
shape of asking that outweighs a stray cue word elsewhere in the message (suppwise.questions.
asked_despite_cues). Each family has wordings the corpus items do not hold, and look-alikes that must
keep the intent the other rules give them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.question_helpers import answered_intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # two amounts of one supplement weighed: how much
        ("melatonin 1mg or 5mg for jet lag", "dosing"),
        ("fish oil 500 mg vs 2000 mg, is more better", "dosing"),
        ("is a bigger dose of magnesium better for cramps", "dosing"),
        ("melatonin or magnesium for jet lag", "comparison"),
        # options not named, with a caution about a medicine
        ("alternatives to melatonin that won't interfere with my lamotrigine", "alternatives"),
        ("safer options for my nan's low mood, she takes warfarin", "alternatives"),
        ("what are some non-drug options for fibro pain", "alternatives"),
        ("will melatonin interfere with my lamotrigine", "interaction"),
        # where to have a level tested
        ("where can my son get his vitamin d tested", "resources"),
        ("where do i get a b12 test done without waiting weeks", "resources"),
        ("where can vegans get b12 from", "sources"),
        # a time asked, a reason told
        ("when should i take 5-htp if it gives me nausea", "administration"),
        ("best time to have magnesium since it makes me sleepy", "administration"),
        ("can 5-htp give you nausea", "side_effects"),
        # a benefit given
        ("will omega 3 give my daughter more focus", "effect"),
        ("could magnesium give me a bit more energy after work", "effect"),
        ("could magnesium give me the runs", "side_effects"),
        # whether it works, a form asked beside it
        ("does vitamin d do anything for tiredness or do i need the spray", "effect"),
        ("does glutamine do anything for my gut or is it dangerous with my liver disease", "safety"),
        # evidence for it as an add-on
        ("any studies on omega 3 as an adjunct for depression", "effect"),
        # how one did against another
        ("how did saffron fare against sertraline in the trials", "comparison"),
        ("how does saffron act on serotonin", "mechanism"),
        # a deficiency put right
        ("will vitamin d tablets sort out a deficiency", "cure"),
        ("does magnesium help with my cramps", "effect"),
        # whether two names differ
        ("fish oil or omega 3, any real difference", "definition"),
        ("fish oil or magnesium, which is better for my joints", "comparison"),
        # one form against another
        ("should my son have the chewable vitamin d rather than the drops", "administration"),
        # ok for someone to have it
        ("is it ok for my mum with liver disease to have glutamine smoothies", "safety"),
        ("is it ok for my son to have magnesium every night", "dosing"),
        # sources besides one
        ("omega 3 sources other than fish", "sources"),
        # anything left to try
        ("is there anything else i could try for the brain fog", "alternatives"),
        # what a condition is and what it is like
        ("what is me/cfs and is it the same as fibromyalgia", "definition"),
        # better or worse with a medicine in the story
        ("I take lithium. can omega 3 make my mood better or worse", "effect"),
        # an organ named bare
        ("green tea extract liver", "safety"),
        ("green tea extract weight loss", "effect"),
        # an errand in the app
        ("how do i finish my melatonin trial in the app", "unknown"),
    ],
)
def test_the_shape_of_asking_decides(text: str, intent: str) -> None:
    assert answered_intent(text) == intent


@settings(max_examples=25, deadline=None)
@given(
    substance=st.sampled_from(["vitamin d", "magnesium", "b12", "fish oil"]),
    low=st.sampled_from(["100", "400", "1000"]),
    high=st.sampled_from(["2000", "5000"]),
    unit=st.sampled_from(["mg", "mcg", "iu"]),
    joint=st.sampled_from(["vs", "or", "versus"]),
)
def test_two_amounts_of_one_supplement_ask_how_much(substance: str, low: str, high: str, unit: str, joint: str) -> None:
    assert answered_intent(f"{substance} {low}{unit} {joint} {high}{unit}") == "dosing"


@settings(max_examples=20, deadline=None)
@given(
    opener=st.sampled_from(["alternatives to", "any alternatives to", "natural alternatives to", "substitutes for"]),
    substance=st.sampled_from(["st johns wort", "5-htp", "melatonin"]),
    medicine=st.sampled_from(["sertraline", "lamotrigine", "warfarin"]),
    verb=st.sampled_from(["won't clash with", "don't interact with", "are safe with"]),
)
def test_unnamed_options_stay_alternatives_beside_a_medicine(
    opener: str, substance: str, medicine: str, verb: str
) -> None:
    assert answered_intent(f"{opener} {substance} that {verb} my {medicine}") == "alternatives"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my knees are killing me lol. anything for joint pain thats safe with kidney disease", "alternatives"),
        ("something i could give my mum for her nerves that is ok at 90", "alternatives"),
        ("is there anything natural for sleep that's safe when breastfeeding", "alternatives"),
        ("is magnesium safe for sleep when breastfeeding", "safety"),
    ],
)
def test_something_for_a_goal_that_must_be_safe_asks_for_options(text: str, intent: str) -> None:
    assert answered_intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my son took an overdose last year. should we lock up the 5-htp", "safety"),
        ("should i hide the melatonin from my daughter", "safety"),
        ("do i need to keep the magnesium locked away from my toddler", "safety"),
        ("should i keep the fish oil in the fridge once opened", "administration"),
    ],
)
def test_kept_out_of_reach_asks_whether_it_is_safe(text: str, intent: str) -> None:
    assert answered_intent(text) == intent


@pytest.mark.parametrize(
    ("text", "not_intent"),
    [
        # "any difference" asked of a way of taking it, not of two names
        ("does taking it at night make any difference", "definition"),
        ("does magnesium at night rather than morning make any real difference", "definition"),
        # "how does X get on with my medicine" is a combination, not one option against another
        ("how does 5-htp get on with my sertraline", "comparison"),
    ],
)
def test_look_alikes_the_families_leave_alone(text: str, not_intent: str) -> None:
    assert answered_intent(text) != not_intent
