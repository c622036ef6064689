"""The word gate (suppwise.regex_gate): running only the idioms whose opening word a text holds gives
the text that running every idiom gives, on every question one may read and on texts made of the
idioms' own words (where the gate has the most to decide)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions.accuracy import load_items
from suppwise.regex_gate import WordGated, opening_literals
from suppwise.safety.crisis_signals import IDIOMS

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_a_dev.yaml", "questions_fresh_b_dev.yaml",
            "questions_fresh_c_dev.yaml")
PATTERNS = [idiom.pattern for idiom in IDIOMS]
GATED = WordGated(PATTERNS)


def every_idiom(text: str) -> str:
    for pattern in PATTERNS:
        text = pattern.sub(" ", text)
    return text


def set_aside_gated(text: str) -> str:
    return GATED.run(text, lambda index, current: IDIOMS[index].set_aside(current, " "))


def set_aside_all(text: str) -> str:
    for idiom in IDIOMS:
        text = idiom.set_aside(text, " ")
    return text


@pytest.mark.parametrize("part", READABLE)
def test_the_gate_changes_no_question(part: str) -> None:
    texts = [normalise(item.text) for item in load_items(CORPUS / part)]
    assert [GATED.sub_all(" ", t) for t in texts] == [every_idiom(t) for t in texts]
    # as the intent rules run it: an idiom set aside only where what it needs beside it holds too
    assert [set_aside_gated(t) for t in texts] == [set_aside_all(t) for t in texts]
    assert any(every_idiom(t) != t for t in texts) or part != "questions_dev.yaml"  # the idioms do occur


# The idioms' own words, so that random texts hit their openings, half-openings and near misses.
IDIOM_WORDS = sorted({w for p in PATTERNS for w in re.findall(r"[a-z]{2,}", p.pattern)} - {"w"})


@given(st.lists(st.sampled_from([*IDIOM_WORDS[:400], "i", "am", "so", "my", "is", "the", "x"]), max_size=12))
def test_the_gate_changes_no_text_of_idiom_words(words: list[str]) -> None:
    text = " ".join(words)
    assert GATED.sub_all(" ", text) == every_idiom(text)
    assert set_aside_gated(text) == set_aside_all(text)


@given(st.text(alphabet="abcdefgkilmnorst ,'’-0123456789", max_size=40))
def test_a_text_that_is_not_folded_runs_every_idiom(text: str) -> None:
    assert GATED.sub_all(" ", text) == every_idiom(text)


def test_opening_literals_name_what_a_match_starts_with() -> None:
    assert opening_literals(re.compile(r"(?<![\w])((keeps|keep) (really )?killing me)")) == (
        "keep kil", "keep rea", "keeps ki", "keeps re"
    )
    assert opening_literals(re.compile(r"(the )?(burden|burdens) of")) == ("burden o", "burdens ", "the burd")
    assert opening_literals(re.compile(r"(ha)+ no")) == ("ha",)  # a second "ha" may follow the first
    assert opening_literals(re.compile(r"(\w+ )?tired")) is None  # any word may open it
    assert opening_literals(re.compile(r"dead tired", re.IGNORECASE)) is None


def test_an_ordinary_question_runs_few_idioms() -> None:
    assert len(GATED.may_match("does glutamine help my fibro pain at night")) < len(PATTERNS) // 4


def test_the_index_is_made_only_after_the_texts_it_is_told_to_wait_for() -> None:
    gate = WordGated(PATTERNS, index_after=1)
    text = "does glutamine help my fibro pain at night"
    assert gate.sub_all(" ", text) == every_idiom(text)
    assert len(gate.may_match(text)) == len(PATTERNS)  # one text read: no index yet, every idiom runs
    assert gate.sub_all(" ", text) == every_idiom(text)
    assert len(gate.may_match(text)) < len(PATTERNS) // 4
