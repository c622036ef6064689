"""The voices and question-word tables run behind a word gate (suppwise.questions.word_tables): each
rewrite is skipped only where it cannot match, so a text comes out as the plain loop gives it."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions import intent, voices
from suppwise.questions.accuracy import load_items
from suppwise.questions.word_tables import WordTable

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_i_dev.yaml")
TEXTS = [normalise(item.text) for name in READABLE for item in load_items(CORPUS / name)]
TABLES = [voices._FOREIGN_TABLE.pairs, intent._QUESTION_WORD_TABLE.pairs]
INDEXED = [WordTable(pairs, index_after=0) for pairs in TABLES]
WORDS = sorted({w for pairs in TABLES for p, _ in pairs for w in re.findall(r"[a-z]+", p.pattern)} - {"w", "b"})


def _loop(pairs: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    for pattern, replacement in pairs:
        text = pattern.sub(replacement, text)
    return text


def test_the_tables_rewrite_the_readable_questions_as_the_plain_loop_does() -> None:
    for text in TEXTS:
        for table, pairs in zip(INDEXED, TABLES, strict=True):
            assert table.apply(text) == _loop(pairs, text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "zzsubstance", "melatonin", "it", "y", "2"]), min_size=1, max_size=10))
def test_the_tables_agree_on_texts_of_their_own_words(words: list[str]) -> None:
    text = " ".join(words)
    for table, pairs in zip(INDEXED, TABLES, strict=True):
        assert table.apply(text) == _loop(pairs, text)


def test_foreign_question_words_still_read_as_english() -> None:
    assert voices.plain_voice("y does melatonin make me groggy") == "why does melatonin make me groggy"
    assert "how many" in intent._plain_question_words("cuantos mg de magnesio")
