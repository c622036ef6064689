"""`taken_beside` reads the words around each place a term stands instead of compiling a pattern per
term (docs/question-understanding.md, "Speed, sixth pass"): it must say exactly what the pattern said.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from suppwise.questions.accuracy import load_items
from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.parse import parse
from suppwise.questions.record_mentions import _BESIDE, taken_beside
from suppwise.services import answers as services

CORPUS = Path(__file__).parent / "corpus"


def pattern_says(normalised: str, term: str) -> bool:
    """The definition: the whole pattern compiled for the term."""
    if len(term) < 4 or term.lower() in COMMON_WORDS:
        return False
    word = re.escape(term.lower())
    return bool(re.search(rf"\b{_BESIDE} {word}\b|\b{word}( tablets| drinks?| supplements?)? with\b", normalised))


def test_every_word_of_the_dev_and_extra_questions() -> None:
    base = services.evidence_base()
    checked = 0
    for name in ("questions_dev.yaml", "questions_extra.yaml"):
        for item in load_items(CORPUS / name)[::3]:
            text = parse(item.text, base).normalised
            for term in set(text.split()):
                assert taken_beside(text, term) == pattern_says(text, term), (text, term)
                checked += 1
    assert checked > 5000


def test_people_say_what_they_take_it_with() -> None:
    assert taken_beside("can i drink a glass of wine with melatonin", "wine")
    assert taken_beside("is it ok with alcohol", "alcohol")
    assert taken_beside("calcium tablets with vitamin d", "calcium")
    assert taken_beside("grapefruit with st john's wort", "grapefruit")
    assert not taken_beside("pcos and low vitamin d", "low")
    assert not taken_beside("my gaba levels", "gaba")
    assert not taken_beside("winery tours with ashwagandha", "wine")
    assert not taken_beside("drink wines", "wine")


_WORDS = ["with", "and", "plus", "drink", "drinks", "eating", "a", "the", "glass of", "cup", "of", "tablets",
          "supplements", "drink", "wine", "wines", "coffee", "coffeehouse", "my", "-", "'s", "x"]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=12),
    st.sampled_from(["wine", "coffee", "coffee with", "glass", "cups", "s wine", "wine-", "ines"]),
    st.sampled_from([" ", "", "-", "."]),
)
def test_any_text_of_the_patterns_own_words(words: list[str], term: str, joint: str) -> None:
    text = joint.join(words) if joint else " ".join(words).replace(" x", "x")
    for cut in range(0, len(text) + 1, max(1, len(text) // 4 or 1)):
        sample = text[cut:] + " " + text[:cut]
        assert taken_beside(sample, term) == pattern_says(sample, term)
