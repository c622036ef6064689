"""Entity reading leftovers (issue 12 §2, entB16 round; docs/question-understanding.md, "Entities, fifth
pass").

Two unknown words in a row are one name the base lacks ("jet lag", "sunflower lecithin"); "bung me up" is
constipation (gut symptoms), and making it happen is a side effect; a vitamin letter other than D, typed
short or in another language ("vit c", "vitamina c"), is a vitamin the base lacks, never vitamin D;
vitamin K by its code ("k2", "mk7") is a supplement the base lacks and "d3" alone is vitamin D; "migrane"
reaches headache.

Every example was written for this test, none copied from the corpus; the controls beside each family hold
what it must not override."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.questions.answer import build_answer
from suppwise.questions.parse import Query, parse
from tests.question_helpers import bundled_base


def _query(text: str) -> Query:
    return parse(text, bundled_base())


def _entities(text: str) -> set[str]:
    return {e for ids in _query(text).entities.values() for e in ids}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("is melatonin any use for jet lag", "jet lag"),
        ("Melatonin for jet-lag??", "jet lag"),
        ("can i have sunflower lecithin with fish oil", "sunflower lecithin"),
        ("is sunflower lecithin ok when nursing", "sunflower lecithin"),
    ],
)
def test_two_unknown_words_in_a_row_are_one_name(text: str, name: str) -> None:
    query = _query(text)
    assert name in query.unrecognised
    assert not set(name.split()) & set(query.unrecognised)


def test_the_answer_names_the_whole_unknown_name() -> None:
    answer = build_answer(bundled_base(), _query("would melatonin help with jet lag"))
    assert "'jet lag'" in answer.summary
    assert "'jet'" not in answer.summary


def test_unknown_names_apart_stay_apart() -> None:
    # joined by "or": two names, not one
    assert {"zinc", "vitamine c"} <= set(_query("is zinc or vitamine c better for colds").unrecognised)


@pytest.mark.parametrize(
    "text",
    ["will magnesium bung me up", "does iron bung you up, and glutamine?", "glutamine bunged me up, is that it"],
)
def test_bung_me_up_is_constipation_and_a_side_effect(text: str) -> None:
    assert "gut-symptoms" in _entities(text)
    assert build_answer(bundled_base(), _query(text)).intent == "side_effects"


def test_words_near_bung_are_not_constipation() -> None:
    assert "gut-symptoms" not in _entities("i bungled my dose of magnesium, should i take another")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("vitamina c para la fatiga?", "vitamina c"),
        ("is vitamine c safe with vitamin d", "vitamine c"),
        ("does vit c help tiredness", "vit c"),
    ],
)
def test_another_vitamin_letter_is_never_vitamin_d(text: str, name: str) -> None:
    query = _query(text)
    assert name in query.unrecognised
    assert ("vitamin-d" in _entities(text)) == ("vitamin d" in text)


@given(st.sampled_from(["vitamina", "vitamine", "vitamin"]), st.sampled_from("abcefghijklmnpqrstuvwxyz"))
def test_no_other_letter_reaches_vitamin_d(word: str, letter: str) -> None:
    assert "vitamin-d" not in _entities(f"is {word} {letter} good for tiredness")


def test_the_vitamin_d_spellings_still_reach_it() -> None:
    for text in ("vitamina d para el cansancio", "vitamine d dose", "how much d3 for an adult"):
        assert "vitamin-d" in _entities(text)


@pytest.mark.parametrize("text", ["vit d n k2 2gether", "should i take k2 with my d3", "mk7 or k2, which is better"])
def test_vitamin_k_by_its_code_is_a_supplement_the_base_lacks(text: str) -> None:
    query = _query(text)
    assert {"k2", "mk7"} & set(query.unknown_supplements)
    assert "k2" in text.split() or "mk7" in query.unrecognised


def test_vitamin_k2_said_whole_is_named_whole() -> None:
    query = _query("is vitamin k2 ok with vitamin d")
    assert "vitamin k2" in query.unrecognised
    assert "k2" not in query.unrecognised
    assert "vitamin-d" in _entities("is vitamin k2 ok with vitamin d")


@pytest.mark.parametrize("text", ["magnesium for migrane?", "my migranes are awful, would melatonin help", "migrane"])
def test_migrane_reaches_headache(text: str) -> None:
    assert "headache" in _entities(text)

