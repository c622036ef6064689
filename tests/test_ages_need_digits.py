"""`populations._ages` searches its large age pattern only over a text holding a digit (every age it
reads is written in digits once number words are): the ages found are the ones searching every text
finds (docs/question-understanding.md, "Speed, sixth pass")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions.accuracy import load_items
from suppwise.safety import populations
from suppwise.safety.populations import _AGE_RE, _LIKE_AN_AGE, _ages, _digits

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_i_dev.yaml")
TEXTS = [normalise(item.text).lower() for name in READABLE for item in load_items(CORPUS / name)]


def _every_text(text: str) -> list[int]:
    """The definition: the age pattern searched over every text."""
    ages: list[int] = []
    for match in _AGE_RE.finditer(_LIKE_AN_AGE.sub(" ", _digits(text))):
        if match.group("decade"):
            ages.append(int(match.group("decade")))
            continue
        groups = ("age", "age2", "age3", "age4", "age5", "age6", "age7", "age8", "age9")
        value = next((match.group(g) for g in groups if match.group(g)), None)
        if value is not None and 0 < int(value) < 120:
            ages.append(int(value))
    return ages


def test_the_readable_questions_give_the_same_ages() -> None:
    found = 0
    for text in TEXTS:
        assert _ages(text) == _every_text(text), text
        found += bool(_ages(text))
    assert found > 50


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["my", "son", "is", "eighty", "two", "in", "her", "nineties", "one", "year", "old",
                                 "mum", "12", "she", "s", "aged", "seventy", "tiene", "anni", "di", "8", "mg"]),
                min_size=1, max_size=10))
def test_texts_of_ages_in_words_and_digits_give_the_same_ages(words: list[str]) -> None:
    text = " ".join(words)
    assert _ages(text) == _every_text(text)


def test_ages_still_place_people() -> None:
    assert "children" in populations.populations_in("can my three year old take it")
    assert "older adults" in populations.populations_in("my mum is eighty two")
    assert populations.populations_in("is magnesium good for sleep") == set()
