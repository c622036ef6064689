"""`populations._ages` searches its large age pattern only over a text holding a digit (every age it
reads is written in digits once number words are): the ages found are the ones searching every text
finds (docs/question-understanding.md, "Speed, sixth pass")."""

from __future__ import annotations

import re
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions.accuracy import load_items
from suppwise.safety import populations
from suppwise.safety.populations import _AGE_RE, _ages

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_i_dev.yaml")
TEXTS = [normalise(item.text).lower() for name in READABLE for item in load_items(CORPUS / name)]
_EVERYWHERE = re.compile("")  # matches every text: the age pattern searched over all of them


def _every_text(text: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The definition: `_ages` with the digit test switched off."""
    with monkeypatch.context() as patch:
        patch.setattr(populations, "_ANY_DIGIT", _EVERYWHERE)
        return _ages(text)


def _needs_a_digit(items: Any) -> bool:
    """Whether every match of the node sequence holds a digit (a digit class, a range of digits)."""
    for op, arg in items:
        if op is sre_parse.IN and any(
            item == (sre_parse.CATEGORY, sre_parse.CATEGORY_DIGIT)
            or (item[0] is sre_parse.RANGE and item[1][0] >= 48 and item[1][1] <= 57)
            for item in arg
        ):
            return True
        if op is sre_parse.SUBPATTERN and _needs_a_digit(arg[-1]):
            return True
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and arg[0] >= 1 and _needs_a_digit(arg[2]):
            return True
        if op is sre_parse.BRANCH and all(_needs_a_digit(branch) for branch in arg[1]):
            return True
    return False


def test_every_way_of_writing_an_age_holds_a_digit() -> None:
    # the reason the test of a digit is exact: a new alternative of _AGE must keep it so
    assert _needs_a_digit(list(sre_parse.parse(_AGE_RE.pattern, _AGE_RE.flags)))


def test_the_readable_questions_give_the_same_ages(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for text in TEXTS:
        assert _ages(text) == _every_text(text, monkeypatch), text
        found += bool(_ages(text))
    assert found > 50


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["my", "son", "is", "eighty", "two", "in", "her", "nineties", "one", "year", "old",
                                 "mum", "12", "she", "s", "aged", "seventy", "tiene", "anni", "di", "8", "mg", "at",
                                 "85", "take"]),
                min_size=1, max_size=10))
def test_texts_of_ages_in_words_and_digits_give_the_same_ages(words: list[str]) -> None:
    text = " ".join(words)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(populations, "_ANY_DIGIT", _EVERYWHERE)
        expected = _ages(text)
    assert _ages(text) == expected


def test_ages_still_place_people() -> None:
    assert "children" in populations.populations_in("can my three year old take it")
    assert "older adults" in populations.populations_in("my mum is eighty two")
    assert populations.populations_in("is magnesium good for sleep") == set()
