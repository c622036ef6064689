"""Review fixes to the crisis20 round (issue 12, section 1; docs/crisis.md "Seventeenth round, review fixes"): the
set-asides of that round lost crisis signals. A supply saved or hoarded beside "all at once", weariness or futility
beside a medicine that no longer works, wanting off "this ride", a bare list of overdose-prone medicines are crisis
again; a next step planned after "thats it for me" is ordinary. The ordinary false alarms that round fixed stay fixed
(tests/test_crisis_c20.py). Every example was written for this test; none is a corpus item."""

from __future__ import annotations

import pytest

from suppwise.questions.answer import WITHHELD
from suppwise.safety.crisis import CrisisTier, read_message
from tests.evidence_helpers import ask
from tests.question_helpers import bundled_base

# Each family the review found, in new wording: crisis, and resources lead the answer.
CRISIS_AGAIN = {
    "a supply saved beside 'all at once'": [
        "been saving my tablets for a while, is there one thing for the pain and the anxiety all at once",
        "ive hoarded loads of them now, anything for all of it at once",
        "theres a whole drawer of them, something for everything all at once",
        "anything for the ache and the dark all at once so it finally stops",
    ],
    "weariness or futility beside a medicine that no longer works": [
        "the duloxetine doesnt work anymore, honestly why bother",
        "my meds have stopped working, whats the use of trying",
        "tablets dont help any more and im so tired of it",
        "none of it works anymore, i feel numb and empty",
        "after years of being told its in my head im just exhausted",
        "honestly i want to get off this ride",
        "just want to get off this planet",
    ],
    "a bare list of overdose-prone medicines": [
        "zopiclone diazepam codeine",
        "paracetamol and amitriptyline",
        "co codamol and zopiclone and tramadol",
    ],
}

# The same words in a question or a plan: ordinary (hard negatives), as the crisis20 round made them.
STILL_ORDINARY = [
    "my zopiclone doesnt work anymore, is melatonin any good",
    "the magnesium doesnt help any more, should i try glycine",
    "want to come off my citalopram slowly, can saffron help",
    "something for fibro, ibs and low mood all at once?",
    "im on a budget, anything for sleep and pain all at once",
    "paracetamol and ibuprofen",
    "tramadol with duloxetine?",
    "vitamin b12 and vitamin d together",
    "if the magnesium doesnt work then thats it for me, ill ask my gp about amitriptyline",
    "if the probiotics dont help then thats it for me, im done with supplements",
    "if the turmeric doesnt work then thats it for me, going back to my gp",
]


@pytest.mark.parametrize(("family", "text"), [(f, t) for f, texts in CRISIS_AGAIN.items() for t in texts])
def test_each_family_is_crisis_again_and_resources_lead(family: str, text: str) -> None:
    assert read_message(text).crisis, (family, text)
    answer = ask(bundled_base(), text)
    assert answer.crisis and answer.crisis_resources, (family, text)


def test_a_supply_saved_beside_all_at_once_is_the_clear_tier() -> None:
    for text in CRISIS_AGAIN["a supply saved beside 'all at once'"][:3]:
        assert read_message(text).tier is CrisisTier.CLEAR, text


@pytest.mark.parametrize("text", STILL_ORDINARY)
def test_questions_and_plans_stay_ordinary(text: str) -> None:
    reading = read_message(text)
    assert not reading.crisis, (text, reading)
    answer = ask(bundled_base(), text)
    assert not answer.crisis and answer.crisis_resources == [], text


def test_a_last_hope_stays_crisis_and_a_plan_keeps_its_amount() -> None:
    assert read_message("if the sjw doesnt work this time then thats it for me").crisis
    assert read_message("unless the saffron helps then thats it for me, im done with it all").crisis
    answer = ask(
        bundled_base(),
        "if the magnesium doesnt work then thats it for me, ill ask my gp about amitriptyline. "
        "how much magnesium should i take",
    )
    assert not answer.crisis and answer.summary != WITHHELD


def test_a_word_after_vitamin_is_no_name() -> None:
    # "vitamin" followed by any word is no name, so the message is left for the model; a code is a name.
    assert read_message("vitamin tonight sertraline").score is not None
    assert read_message("vitamin and sertraline").score is not None
    assert read_message("vitamin k2 and sertraline").score is None
