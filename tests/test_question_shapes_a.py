"""Comparison, mechanism, cure, alternatives, definition and resources questions built in the shapes the
fresh sets showed the rules missing (issue 12 §3, the twenty-second round, intentA15:
docs/question-understanding.md).

The wordings here are new (none is a corpus item; the corpus items of these families are x4000-x4081).
Each family is held by what `ask` routes the question to, with a neighbour that must keep its own
reading, and the typed slips of cue words by properties: a cue typed wrong reads as the cue typed right,
in any case.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.cue_typos import plain_cues
from suppwise.questions.parse import parse
from tests.question_helpers import bundled_base
from tests.question_helpers import parsed_intent as _intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # heal with what it heals as its object is a cure; helping healing, or how it heals, is not
        ("could probiotics heal my ulcerative colitis", "cure"),
        ("will vitamin d heal lupus", "cure"),
        ("heal ibs with glutamine, realistic?", "cure"),
        ("does saffron heal anxiety", "cure"),
        ("can omega 3 help my sprained ankle heal quicker", "effect"),
        ("why would glutamine heal the gut lining", "mechanism"),
    ],
)
def test_heal_with_an_object_is_a_cure(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a second option the base does not know, ranked or set bare against a named one for a goal
        ("is glutamine or creatine better for muscle recovery", "comparison"),
        ("would melatonin or chamomile be best for my insomnia", "comparison"),
        ("saffron or lavender for anxiety", "comparison"),
        ("is omega 3 stronger than vitamin d for low mood", "comparison"),
        ("oily fish or an omega 3 capsule - which does more for stiff joints?", "comparison"),
        # whether either helps, nothing ranked, stays an effect question
        ("does magnesium or chamomile help sleep", "effect"),
        # two salts of one mineral are forms of one supplement (guide rule 9)
        ("magnesium glycinate or oxide for migraines", "administration"),
        ("is magnesium citrate gentler than oxide", "administration"),
    ],
)
def test_options_set_against_each_other(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how does inflammation tie in with fibromyalgia", "mechanism"),
        ("how do probiotics link with mood", "mechanism"),
        ("how vitamin d works in the body? sorry for my english", "mechanism"),
        ("how 5-htp is acting, please explain", "mechanism"),
    ],
)
def test_how_it_is_linked_or_works(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what is saffron, my friend mentioned it", "definition"),
        ("whats gaba, saw it in a shop", "definition"),
        ("what is ubiquinol", "definition"),
        # a cue word is not a name: these ask another thing, or nothing
        ("whats happening", "unknown"),
        ("whats up", "unknown"),
    ],
)
def test_what_is_it(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "who licenses herbal remedies",
        "how do i know if a fish oil brand is reputable",
        "any good facebook groups for people with ibs",
        "forum recommendations for fibro",
    ],
)
def test_who_oversees_and_where_to_ask_are_resources(text: str) -> None:
    assert _intent(text) == "resources"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("wat can i take instead of 5-htp for mood", "alternatives"),
        ("if not saffron then wot for anxiety", "alternatives"),
        ("insted of melatonin what helps sleep", "alternatives"),
        ("wondering if anything at all works for ibs", "alternatives"),
    ],
)
def test_alternatives_with_typed_cues(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "my flatmate says she has pills saved up to end it, what should i do",
        "my dad keeps saying goodbye to everyone and gave his dog away, what do we do",
    ],
)
def test_a_crisis_that_asks_what_to_do_is_resources(text: str) -> None:
    query = parse(text, bundled_base())
    assert query.crisis
    assert query.intent.value == "resources"


def test_an_ordinary_what_to_do_keeps_its_reading() -> None:
    assert _intent("forgot my vitamin d this morning, what should i do") == "dosing"


def test_a_limit_becoming_risky_is_dosing() -> None:
    assert _intent("at what amount does magnesium become risky") == "dosing"


_SLIPS = st.sampled_from(
    [
        ("wat", "what"),
        ("wot", "what"),
        ("wht", "what"),
    ]
)


@settings(max_examples=30)
@given(_SLIPS, st.sampled_from(["else can i take for sleep", "helps with ibs pain instead of glutamine"]),
       st.booleans())
def test_a_typed_what_reads_as_what(slip: tuple[str, str], rest: str, upper: bool) -> None:
    typed, meant = slip
    text = f"{typed} {rest}"
    right = f"{meant} {rest}"
    if upper:
        text = text.upper()
    assert _intent(text) == _intent(right)


@settings(max_examples=30)
@given(
    st.sampled_from(["better", "worse", "stronger", "gentler", "more effective"]),
    st.sampled_from(["then", "thn"]),
    st.sampled_from(["zzsubstance", "a placebo", "the tablets", "my zzmedicine"]),
)
def test_than_typed_then_before_an_option(comparative: str, slip: str, option: str) -> None:
    assert plain_cues(f"is zzsubstance {comparative} {slip} {option}") == f"is zzsubstance {comparative} than {option}"


def test_then_keeps_its_meaning_in_a_sequence() -> None:
    assert plain_cues("it got better then worse again") == "it got better then worse again"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a kind of product asked for a goal, none named, is a request for options
        ("which mineral is good for restless legs", "alternatives"),
        ("what gummies would help me sleep", "alternatives"),
        ("any vitamins for low mood", "alternatives"),
        # ... unless it weighs whether one is safe
        ("my gp said to try a supplement for my ibs pain, is that ok", "safety"),
    ],
)
def test_a_kind_of_product_for_a_goal(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("is omega 3 a food or a supplement", "definition"),
        ("is 5-htp a drug or a supplement", "definition"),
        ("a resident keeps hiding his melatonin, should we report that to the nurse", "resources"),
        ("been on a ppi for ages, could it lower my b12 or magnesium", "interaction"),
        ("is sertraline or saffron better for my mood", "comparison"),
    ],
)
def test_kinds_reports_and_a_medicine_on_either(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("need something for my ibs, any suggestions", "alternatives"),
        ("is there anything i can give my son for his anxiety", "alternatives"),
        ("anything left to try for ibs pain", "alternatives"),
        # doing anything for sleep is a wish, the question after it names its own subject
        ("i'd do anything for a proper nights sleep, would magnesium help", "effect"),
    ],
)
def test_anything_for_a_goal(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # an unnamed second option asks for options, not a ranking
        ("is melatonin or something else better for sleep", "alternatives"),
        # whether a product is safe is a safety question, not where to check a brand
        ("how do i know if this product is safe for my kid", "safety"),
    ],
)
def test_neighbours_of_the_new_shapes(text: str, intent: str) -> None:
    assert _intent(text) == intent


@settings(max_examples=25)
@given(
    st.sampled_from(
        [
            ("can probiotics heal ulcerative colitis", "cure"),
            ("is melatonin or valerian better for sleep", "comparison"),
            ("how does the gut microbiome tie in with mood", "mechanism"),
            ("which vitamin is good for fatigue", "alternatives"),
            ("who regulates supplements", "resources"),
        ]
    ),
    st.sampled_from(["lower", "upper", "title"]),
    st.booleans(),
)
def test_the_shapes_hold_in_any_case_and_with_a_question_mark(case: tuple[str, str], how: str, mark: bool) -> None:
    text, intent = case
    typed = getattr(text, how)() + ("?" if mark else "")
    assert _intent(typed) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("any instagram accounts about living with lupus", "resources"),
        ("what type of specialist treats ulcerative colitis", "resources"),
        ("how can i get a referral to a neurologist", "resources"),
        ("can we talk to a nurse about his melatonin", "resources"),
        ("is there any help for families of people with bipolar disorder", "resources"),
        ("where can i find out if a supplement brand is banned", "resources"),
        # a specialist told of, then a safety question: the question decides
        ("i'm seeing a specialist next month, is saffron ok until then", "safety"),
    ],
)
def test_whom_to_see_and_where_to_follow(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("between omega 3 and saffron, what would you pick for depression", "comparison"),
        ("which one should i start with, glutamine or probiotics", "comparison"),
        ("what would you take for sleep", "alternatives"),
        ("will he ever be rid of his depression with st johns wort", "cure"),
    ],
)
def test_picked_of_two_and_rid_of_it(text: str, intent: str) -> None:
    assert _intent(text) == intent


@pytest.mark.parametrize("text", ["it got better then worse at night", "it got worse then better in the end"])
def test_a_change_over_time_keeps_its_then(text: str) -> None:
    assert plain_cues(text) == text
