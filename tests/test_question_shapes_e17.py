"""The twenty-sixth round's frames (issue 12 §3, intentE17; docs/question-understanding.md): what a
person asks is read from the frame of the question, whatever words fill it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import bundled_data_dir, load_evidence
from suppwise.questions.parse import Intent, parse

BASE = load_evidence(bundled_data_dir())


def intent_of(text: str) -> Intent:
    return parse(text, BASE).intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a supplement the base lacks, asked whether it helps or what it is
        ("could glucosamine help", Intent.EFFECT),
        ("is garlic worth a go", Intent.EFFECT),
        ("is maca any good", Intent.EFFECT),
        ("does rhodiola really work for burnout or is it hype", Intent.EFFECT),
        ("what is spirulina", Intent.DEFINITION),
        ("any negatives to turmeric", Intent.SIDE_EFFECTS),
        ("best food sources of zinc", Intent.SOURCES),
        ("what fruit has the most vitamin c", Intent.SOURCES),
        # how too much of it harms: the way the harm comes about
        ("how does too much glutamate kill brain cells", Intent.MECHANISM),
        ("how can too much glutamate hurt brain cells", Intent.MECHANISM),
        ("how exactly does too much iron harm the liver", Intent.MECHANISM),
        ("how much is too much vitamin b6", Intent.DOSING),
        # how it works, told as not knowing it
        ("i dont understand how melatonin works", Intent.MECHANISM),
        ("never really understood what glutamine does for the gut", Intent.MECHANISM),
        ("my mum asked me how glutamine affects pain signals and i couldnt tell her", Intent.MECHANISM),
        ("Would love to know what probiotics actually do in there.", Intent.MECHANISM),
        ("idk if fish oil even works", Intent.EFFECT),
        # cue words typed wrong
        ("wy does glutamine effect the brain", Intent.MECHANISM),
        ("glutamine side affects", Intent.SIDE_EFFECTS),
        # to blame, or a symptom from it
        ("is taurine to blame for the shakes", Intent.SIDE_EFFECTS),
        ("could the 5-htp be to blame for my nightmares", Intent.SIDE_EFFECTS),
        ("are my nightmares from the melatonin", Intent.SIDE_EFFECTS),
        ("is low vitamin d the culprit for my tiredness", Intent.EFFECT),
        # healed, or ever gone
        ("is it possible to heal ibs naturally", Intent.CURE),
        ("will my fibro ever go away if i take glutamine", Intent.CURE),
        ("is my leaky gut healed yet after 3 months on glutamine", Intent.CURE),
        ("how does glutamine heal the gut lining", Intent.MECHANISM),
        # what a word means
        ("what do they mean by excitotoxicity", Intent.DEFINITION),
        ("what does the word hepatic mean", Intent.DEFINITION),
        # which supplements the research looked at, none named
        ("which supplements have been studied for migraines", Intent.ALTERNATIVES),
        ("any supplements with good evidence for fatigue", Intent.ALTERNATIVES),
        ("any trials on glutamine for ibs", Intent.EFFECT),
        # a statement that asks nothing
        ("just bought a huge tub of magnesium powder", Intent.UNKNOWN),
        ("my gp thinks fish oil is a waste of time", Intent.UNKNOWN),
        ("the nurse said my b12 was on the low side", Intent.UNKNOWN),
        ("saw a video saying glutamine is a waste of money, is that true", Intent.EFFECT),
        ("the doctor said my vitamin d was low, how much should i take", Intent.DOSING),
        ("my doctor says glutamine is it safe", Intent.SAFETY),
    ],
)
def test_the_frame_decides_what_is_asked(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


_UNLISTED = st.sampled_from(["glucosamine", "rhodiola", "garlic", "maca", "ashwagandha", "berberine", "spirulina"])
_HELPS = st.sampled_from(["could {} help", "is {} worth it", "does {} actually work", "is {} any good"])


@settings(max_examples=30, deadline=None)
@given(name=_UNLISTED, frame=_HELPS)
def test_an_effect_asked_of_a_supplement_the_base_lacks_is_an_effect(name: str, frame: str) -> None:
    assert intent_of(frame.format(name)) is Intent.EFFECT


_HARM = st.sampled_from(["harm the liver", "hurt the kidneys", "damage brain cells", "lead to nerve pain"])
_HOW = st.sampled_from(["how does", "how can", "how exactly does", "why would"])
_TOO_MUCH_OF = st.sampled_from(["glutamate", "vitamin d", "magnesium", "glutamine"])


@settings(max_examples=40, deadline=None)
@given(how=_HOW, what=_TOO_MUCH_OF, harm=_HARM)
def test_how_too_much_of_it_harms_is_mechanism(how: str, what: str, harm: str) -> None:
    assert intent_of(f"{how} too much {what} {harm}") is Intent.MECHANISM


_NOT_KNOWING = st.sampled_from(["i dont understand", "idk", "im curious", "no idea", "never understood"])
_HOW_IT = st.sampled_from(["how melatonin works", "how saffron lifts mood", "how fish oil works"])


@settings(max_examples=30, deadline=None)
@given(lead=_NOT_KNOWING, rest=_HOW_IT)
def test_how_it_works_told_as_not_knowing_it_is_mechanism(lead: str, rest: str) -> None:
    assert intent_of(f"{lead} {rest}") is Intent.MECHANISM
