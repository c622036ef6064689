"""Correctly spelt English words near a name are read as themselves, never as that name.

A typo match once read "lactose intolerant" as lactulose (and led with the avoid for hepatic
encephalopathy), "confusion" as a convulsion and "overnight" as overweight; a profile entry of "-" or
"" was read as MSG sensitivity. These tests ask what a user would see: which entities the answer
screens, what it leads with, what a profile entry is read as; and that real typos still reach their
names. The list of near names is derived (tools/derive_near_names.py); the last test re-derives it
when the English word list is installed (tools/debian-packages --test installs it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.errors import ConditionNotFoundError
from suppwise.evidence import EvidenceBase
from suppwise.questions.near_names import NEAR_NAMES, same_stem
from suppwise.safety.recognise import Recognised, Unrecognised, find_condition, recognise
from tests.evidence_helpers import ask
from tests.question_helpers import entity_ids as _ids

ROOT = Path(__file__).resolve().parent.parent
WORDS = Path("/usr/share/dict/american-english-large")


@pytest.mark.parametrize(
    ("text", "not_read_as"),
    [
        ("i'm lactose intolerant, is glutamine ok for me", "lactulose"),
        ("does lactose in the capsules matter if i have ibs", "lactulose"),
        ("brain fog and confusion since starting magnesium, normal?", "seizure-disorder"),
        ("had a concussion last year, can i take omega 3", "seizure-disorder"),
        ("should i take melatonin overnight or just before bed", "obesity"),
        ("is there a program to help me remember my vitamin d", "tacrolimus"),
        ("my reflexes feel slow on magnesium", "gut-symptoms"),
    ],
)
def test_an_english_word_near_a_name_is_not_that_name(bundled: EvidenceBase, text: str, not_read_as: str) -> None:
    answer = ask(bundled, text)
    assert not_read_as not in _ids(answer)


def test_lactose_intolerance_does_not_lead_with_a_liver_warning(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "im lactose intolerant can i take glutamine")
    assert "hepatic-encephalopathy" not in _ids(answer)
    assert answer.safety_level != "avoid"
    assert "glutamine" in _ids(answer)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("magnesum for sleep?", "magnesium"),
        ("does melatonim help fibromialgia", "fibromyalgia"),
        ("is glutamine ok with keprra", "levetiracetam"),
        ("vitamin d and depresion", "depression"),
        ("glutamine and lactulose together", "lactulose"),
    ],
)
def test_real_typos_still_reach_their_names(bundled: EvidenceBase, text: str, entity: str) -> None:
    assert entity in _ids(ask(bundled, text))


@pytest.mark.parametrize("term", ["lactose intolerance", "lactose", "sensitivity", "allergy", "", "  ", "-", "?"])
def test_a_profile_entry_that_names_nothing_is_not_guessed(bundled: EvidenceBase, term: str) -> None:
    assert isinstance(recognise(bundled, "sensitivities", term), Unrecognised)
    assert isinstance(recognise(bundled, "conditions", term), Unrecognised)


@pytest.mark.parametrize(("term", "entity"), [("msg allergy", "msg-sensitivity"), ("fibromyalga", "fibromyalgia")])
def test_a_profile_entry_with_a_name_or_a_slip_is_still_read(bundled: EvidenceBase, term: str, entity: str) -> None:
    found = recognise(bundled, "conditions", term)
    assert isinstance(found, Recognised)
    assert found.entity == entity


@pytest.mark.parametrize("term", ["", "   ", "--"])
def test_an_empty_trial_condition_is_refused(bundled: EvidenceBase, term: str) -> None:
    with pytest.raises(ConditionNotFoundError):
        find_condition(bundled, term)


STEMS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=12)


@given(stem=STEMS, ending=st.sampled_from(["", "s", "ed", "ing", "ion", "ive", "al"]))
def test_a_word_is_a_form_of_its_stem_with_an_everyday_ending(stem: str, ending: str) -> None:
    assert same_stem(stem + ending, stem)
    assert same_stem(stem, stem + ending)


@given(word=STEMS)
def test_changing_the_first_letter_is_never_the_same_stem(word: str) -> None:
    other = ("b" if word[0] == "a" else "a") + word[1:]
    assert not same_stem(word, other)


def test_the_near_names_are_lower_case_words_that_names_do_not_claim(bundled: EvidenceBase) -> None:
    assert NEAR_NAMES, "the derived list is empty"
    assert all(w.isalpha() and w.islower() for w in NEAR_NAMES)
    assert {"lactose", "confusion", "overnight", "program"} <= NEAR_NAMES
    assert not {"depressing", "cognitive", "glutamines", "magnesum"} & NEAR_NAMES


@pytest.mark.skipif(not WORDS.exists(), reason="no English word list installed (Debian: wamerican-large)")
def test_the_shipped_near_names_are_derived_from_the_current_base() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "derive_near_names.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr + "\nrun: python tools/derive_near_names.py"


@pytest.mark.parametrize("term", ["react baldy to MSG", "liver relaetd confusion"])
def test_a_slip_inside_a_longer_name_keeps_its_context(bundled: EvidenceBase, term: str) -> None:
    """An English word typed for a word of a longer name is still a slip: the other words match."""
    assert isinstance(recognise(bundled, "sensitivities" if "MSG" in term else "conditions", term), Recognised)
