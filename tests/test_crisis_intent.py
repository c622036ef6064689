"""The intent of a crisis message is the question it asks, and `unknown` only when it asks nothing
(docs/question-corpus.md, section 2; issue 12). Crisis resources are shown either way; what is
tested here is that a despairing message which also asks about a supplement gets that question
answered, and one that only tells never gets an answer to a question it did not ask."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase, bundled_data_dir, load_evidence
from suppwise.questions.intent import Intent
from suppwise.questions.parse import parse

NAMES = ("glutamine", "magnesium", "melatonin", "St John's wort", "5-HTP", "vitamin D", "omega 3", "saffron")
DESPAIR = (
    "i dont want to be here anymore",
    "i want to die",
    "i keep thinking about ending my life",
    "i want to kill myself",
)


@cache
def _base() -> EvidenceBase:
    return load_evidence(bundled_data_dir())


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
    query = parse(text, _base())
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
    query = parse(text, _base())
    assert not query.crisis
    assert query.intent is Intent.DOSING


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DESPAIR), st.sampled_from(NAMES))
def test_despair_beside_a_supplement_that_did_not_help_asks_nothing(despair: str, name: str) -> None:
    query = parse(f"{name} hasnt helped at all. {despair}", _base())
    assert query.crisis
    assert query.intent is Intent.UNKNOWN


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DESPAIR), st.sampled_from(NAMES))
def test_a_safety_question_run_on_after_despair_is_read(despair: str, name: str) -> None:
    query = parse(f"{despair} but is {name} safe while pregnant", _base())
    assert query.crisis
    assert query.intent is Intent.SAFETY
