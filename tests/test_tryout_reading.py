"""Everyday words the 2026-12-03 try-out found unread (tests/corpus/tryout_2026_12_03.md, issue 12 §2):
an unknown condition word gets "I don't recognise", a deficiency said of the person ("low on b12")
and a symptom said with its cause ("nerve pain from chemo") reach their entities, a part of the
body is never an unknown name, and a name of several nouns is named whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.common_words import BODY_PARTS
from suppwise.questions.parse import parse
from tests.evidence_helpers import ask
from tests.question_helpers import entity_ids as _ids


@pytest.mark.parametrize("question", ["saffron for pms", "saffron pms", "is 5-htp any good for endometriosis"])
def test_an_unknown_condition_word_is_said_to_be_unrecognised(bundled: EvidenceBase, question: str) -> None:
    answer = ask(bundled, question)
    assert answer.summary.startswith("I don't recognise '")
    assert "MedlinePlus" in answer.summary
    # never a definition of the supplement, which would read as if the question were answered
    assert answer.intent != "definition"


def test_a_bare_everyday_word_after_a_supplement_is_not_called_unknown(bundled: EvidenceBase) -> None:
    for question in ("melatonin gummies", "magnesium timing", "vitamin d dosage"):
        assert parse(question, bundled).unrecognised == ()


@pytest.mark.parametrize(
    "question",
    [
        "my wife is low on b12, can she take folic acid",
        "she's low in vitamin b12, can she take folic acid",
        "can i take folic acid, im deficient in b12",
        "my wife is short of b12, can she take folic acid",
        "folic acid ok if lacking in cobalamin?",
    ],
)
def test_a_person_short_of_b12_has_b12_deficiency(bundled: EvidenceBase, question: str) -> None:
    answer = ask(bundled, question)
    assert "vitamin-b12-deficiency" in _ids(answer)
    # and the folic-acid warning for untreated B12 deficiency leads
    assert answer.safety_level == "avoid"
    assert answer.summary.startswith("Avoid")


@pytest.mark.parametrize(
    "question",
    [
        "can vitamin b6 help with nerve pain from chemo",
        "does omega 3 help nerve damage caused by chemo",
        "glutamine for numbness after my chemotherapy",
    ],
)
def test_nerve_symptoms_from_chemo_are_the_chemotherapy_neuropathy(bundled: EvidenceBase, question: str) -> None:
    answer = ask(bundled, question)
    assert "chemotherapy-induced-neuropathy" in _ids(answer)
    assert "chemotherapy-induced peripheral neuropathy" in answer.summary.lower()
    assert answer.intent == "effect"


def test_a_supplement_said_to_be_low_in_a_food_is_still_a_sources_question(bundled: EvidenceBase) -> None:
    """Only a condition's phrase reads "low in b12" as a deficiency; "rich in" stays a food cue."""
    query = parse("which foods are rich in b12", bundled)
    assert query.intent.value == "sources"
    assert "vitamin-b12-deficiency" not in query.conditions


@settings(max_examples=40, deadline=None)
@given(part=st.sampled_from(sorted(BODY_PARTS)), owner=st.sampled_from(["my", "your", "her", "his", "the"]))
def test_a_part_of_the_body_is_never_an_unknown_name(bundled: EvidenceBase, part: str, owner: str) -> None:
    query = parse(f"is fish oil good for {owner} {part}", bundled)
    assert not any(part in term.split() for term in query.unrecognised)


def test_joints_in_a_long_question_are_not_reported(bundled: EvidenceBase) -> None:
    question = (
        "my mother is 82 with kidney disease and takes warfarin, her friend told her fish oil and vitamin d "
        "are good for her joints, are they safe"
    )
    answer = ask(bundled, question)
    assert "joints" not in answer.summary


@pytest.mark.parametrize(
    "question", ["does gaba even cross the blood brain barrier", "does 5-htp cross the blood-brain barrier"]
)
def test_a_name_of_several_nouns_is_named_whole(bundled: EvidenceBase, question: str) -> None:
    answer = ask(bundled, question)
    assert "I don't recognise 'blood brain barrier'" in answer.summary


def test_a_food_low_in_b12_is_not_a_deficiency(bundled: EvidenceBase) -> None:
    """"low in" is said of foods too: only a person low in B12 is deficient."""
    assert "vitamin-b12-deficiency" not in parse("is spinach low in b12", bundled).conditions
    assert "vitamin-b12-deficiency" in parse("im low in b12, what should i eat", bundled).conditions


def test_an_everyday_compound_is_not_an_unknown_name(bundled: EvidenceBase) -> None:
    assert parse("can i take melatonin on the night shift", bundled).unrecognised == ()
    # a body-part compound is named once, whole, not also word by word
    assert parse("does fish oil raise my blood sugar levels", bundled).unrecognised == ("blood sugar levels",)
