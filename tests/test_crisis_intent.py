"""The intent of a crisis message is the question it asks, and `unknown` only when it asks nothing
(docs/question-corpus.md, section 2; issue 12). Crisis resources are shown either way; what is
tested here is that a despairing message which also asks about a supplement gets that question
answered, and one that only tells never gets an answer to a question it did not ask."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.intent import Intent
from suppwise.questions.parse import parse
from tests.question_helpers import bundled_base

NAMES = ("glutamine", "magnesium", "melatonin", "St John's wort", "5-HTP", "vitamin D", "omega 3", "saffron")
DESPAIR = (
    "i dont want to be here anymore",
    "i want to die",
    "i keep thinking about ending my life",
    "i want to kill myself",
)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # asks nothing: a statement of despair that names a supplement or symptom
        ("Been stockpiling melatonin for weeks. Tonight is the night I end it.", Intent.UNKNOWN),
        ("magnesium doesnt help my headaches and nothing does, i want to die", Intent.UNKNOWN),
        # despair that opens any way, or a wish not to go on beside what someone takes, asks nothing
        ("my wife keeps saying she wants to disappear for good. she takes st johns wort for her mood", Intent.UNKNOWN),
        ("my husband says he wants to end it, he stopped his lithium", Intent.UNKNOWN),
        # help or an amount asked however it is typed
        ("please give me a crisis line number, i have the tablets out", Intent.RESOURCES),
        ("cn u od on melatonin gummies", Intent.DOSING),
        # a question run on after the despair without punctuation
        ("i dont want to be here anymore but is st johns wort safe while pregnant", Intent.SAFETY),
        # an amount asked of nothing named is still an amount question
        ("can i take it all in one go", Intent.DOSING),
        ("i want to die. how many 5htp capsules is too many", Intent.DOSING),
    ],
)
def test_a_crisis_message_keeps_the_question_it_asks(text: str, intent: Intent) -> None:
    query = parse(text, bundled_base())
    assert query.crisis
    assert query.intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "my dog ate a whole pack of melatonin gummies, is she going to die",
        "our cat got into the vitamin d, will she die",
    ],
)
def test_a_pets_mishap_is_an_amount_question_and_no_crisis(text: str) -> None:
    """A short question leaning on the mishap told before it asks about that amount; its subject is the
    animal, so it is no crisis (docs/crisis.md, "Sixth round"), and the story is still read for intent."""
    query = parse(text, bundled_base())
    assert not query.crisis
    assert query.intent is Intent.DOSING


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DESPAIR), st.sampled_from(NAMES))
def test_despair_beside_a_supplement_that_did_not_help_asks_nothing(despair: str, name: str) -> None:
    query = parse(f"{name} hasnt helped at all. {despair}", bundled_base())
    assert query.crisis
    assert query.intent is Intent.UNKNOWN


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DESPAIR), st.sampled_from(NAMES))
def test_a_safety_question_run_on_after_despair_is_read(despair: str, name: str) -> None:
    query = parse(f"{despair} but is {name} safe while pregnant", bundled_base())
    assert query.crisis
    assert query.intent is Intent.SAFETY


# Second round (issue 12): the constructions our own new questions (x1000-x1099) showed the rules missing.
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a short question that names the supplement and what it asks of it stands alone: the despair
        # before it lends it no words ("die" is no safety word there)
        ("i want to die. does magnesium help depression", Intent.EFFECT),
        ("ive had enough of living. what even is sam-e", Intent.DEFINITION),
        ("im in a dark place and want to die, any evidence saffron works", Intent.EFFECT),
        # a question whose own words are despair, naming only where it comes from, asks nothing answered
        ("is it normal to want to die when the pain flares", Intent.UNKNOWN),
        ("would my kids be better off without me and my fibro?", Intent.UNKNOWN),
        # ... but a question about something taken is still asked
        ("i want to die, is melatonin safe with my cirrhosis", Intent.SAFETY),
        # wanting to let someone know tells
        ("Hey. Just wanted to let someone know I've got 40 sleeping pills saved and tonight's the night",
         Intent.UNKNOWN),
        # amounts: all of a supply, enough of it for an end, a toxic level, the most one can take
        ("would i die if i took all my melatonin gummies", Intent.DOSING),
        ("is there enough glutamine in one tub to kill me", Intent.DOSING),
        ("do you know the toxic level of vitamin d? i want to end things", Intent.DOSING),
        ("i want to end it, whats the most melatonin i can take", Intent.DOSING),
        ("Could a big handful of magnesium tablets stop my heart", Intent.DOSING),
        # lowering a risk is a benefit; a wish it brings on is a side effect
        ("does magnesium lower suicide risk", Intent.EFFECT),
        ("can st johns wort make you want to kill yourself", Intent.SIDE_EFFECTS),
        # whether to stop it after what was told is safety; a medicine overdosed on, named in the question,
        # is still one taken beside the supplement
        ("my son has been self harming, should he stop taking melatonin", Intent.SAFETY),
        ("my sister overdosed on her sertraline, can she still take omega 3", Intent.INTERACTION),
        # a question of one's own life that wants no answer is the despair put as a question
        ("nothing helps, not omega 3, not magnesium. why do i even try. i want to die", Intent.UNKNOWN),
        ("i want to die. whats the point of magnesium if it doesnt help", Intent.EFFECT),
        # how many, asked in German
        ("wie viele Melatonin Tabletten sind tödlich", Intent.DOSING),
        # whether anything still matters, naming nothing, is the despair; named, it asks about what it names
        ("i wrote letters to my kids tonight. does it matter what supplements i take now", Intent.UNKNOWN),
        ("not gonna be around much longer so does it even matter if i take glutamine with my lithium",
         Intent.INTERACTION),
        # something asked for a goal with no supplement named
        ("i just want it all to be over. is there anything for the pain", Intent.ALTERNATIVES),
    ],
)
def test_a_crisis_message_is_read_by_how_its_question_is_built(text: str, intent: Intent) -> None:
    query = parse(text, bundled_base())
    assert query.crisis
    assert query.intent is intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # idioms of death and despair beside an ordinary question, and questions asked inside a sentence
        ("dying to know how melatonin actually makes you sleepy", Intent.MECHANISM),
        ("im dying to know what sam-e actually is", Intent.DEFINITION),
        ("hopeless at swallowing pills, does vitamin d come as drops", Intent.ADMINISTRATION),
        ("the fatigue is crushing me, i feel half dead by lunch, would b12 help", Intent.EFFECT),
        ("what happens if my toddler eats my whole pot of vitamin d gummies", Intent.DOSING),
        ("my gut is killing me, should i stop glutamine", Intent.SAFETY),
        ("been on glutamine 8 weeks, should i stop it", Intent.DOSING),
        ("do i have to keep taking magnesium forever", Intent.DOSING),
        ("had way too much coffee today, is it ok to still take my melatonin", Intent.SAFETY),
        ("i drank a whole pot of coffee, will melatonin still work", Intent.EFFECT),
        ("my head is killing me, magnesium or melatonin for migraines", Intent.COMPARISON),
        ("my doctor said there is no cure, what's the point of b12 then", Intent.EFFECT),
        ("is melatonin toxic to dogs", Intent.SAFETY),
        ("how much ibuprofen is lethal for a dog", Intent.DOSING),
        ("is it ok to take all three of my supplements together in the morning", Intent.SAFETY),
    ],
)
def test_an_idiom_beside_a_question_leaves_the_question_its_intent(text: str, intent: Intent) -> None:
    query = parse(text, bundled_base())
    assert not query.crisis
    assert query.intent is intent


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DESPAIR), st.sampled_from(NAMES))
def test_despair_before_a_whole_effect_question_lends_it_no_words(despair: str, name: str) -> None:
    query = parse(f"{despair}. does {name} help depression", bundled_base())
    assert query.crisis
    assert query.intent is Intent.EFFECT


OPENERS = ("i want to know", "can you tell me", "im dying to know", "no idea", "wondering", "can someone explain")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(OPENERS), st.sampled_from(NAMES))
def test_a_question_asked_inside_a_sentence_is_read_as_the_plain_one(opener: str, name: str) -> None:
    assert parse(f"{opener} what {name} is", bundled_base()).intent is Intent.DEFINITION
    assert parse(f"{opener} how {name} works", bundled_base()).intent is Intent.MECHANISM


# A search typed after the despair is the question (the guide's rule 10, bare keywords), and a question
# that names what it asks of needs nothing from the despair before it.
ASKED_AFTER_DESPAIR = (
    ("glutamine dose", Intent.DOSING),
    ("glutamine vs probiotics", Intent.COMPARISON),
    ("vegan sources of glutamine", Intent.SOURCES),
    ("what is central sensitisation", Intent.DEFINITION),
    ("is melatonin safe in pregnancy", Intent.SAFETY),
)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(("i want to die", "everyone would be better off without me", "i want to kill myself")),
       st.sampled_from(ASKED_AFTER_DESPAIR))
def test_what_is_asked_after_despair_keeps_its_intent(despair: str, asked: tuple[str, Intent]) -> None:
    text, intent = asked
    query = parse(f"{despair}. {text}", bundled_base())
    assert query.crisis
    assert query.intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "8 months of no sleep and i wanna unalive. melatonin does nothing",
        "tried 5-htp, tried saffron, tried st johns wort. still want to kill myself every single day",
        "another sleepless night on melatonin. thinking the kids would cope fine without me",
    ],
)
def test_a_supplement_told_of_beside_despair_is_no_search(text: str) -> None:
    query = parse(text, bundled_base())
    assert query.crisis
    assert query.intent is Intent.UNKNOWN
