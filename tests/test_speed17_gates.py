"""Speed, seventh pass (docs/question-understanding.md, speed17): the word gates file a pattern whose
match opens with a class (`\\d+ mg`, `\\w+er options`) under the characters the class stands for in a
folded text, and leave out openings a folded text cannot hold ("long-term", "normal?"). Both are
exact on a folded text, the only text an index is used on: every match opens with a listed opening,
and a gated pattern finds what the pattern itself finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions import word_pattern
from suppwise.questions.accuracy import load_items
from suppwise.regex_gate import _FOLDED, _WORD_STARTS, SharedGate, WordGated, opening_literals
from suppwise.safety.crisis_signals import SIGNALS
from suppwise.safety.crisis_text import fold

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml")
TEXTS = [normalise(item.text) for name in READABLE for item in load_items(CORPUS / name)]
RULES = list(word_pattern._GATE.patterns)
SIGNAL_PATTERNS = [signal.pattern for signal in SIGNALS]
# The patterns this pass newly files: no opening list for any text, one for a folded text.
NEWLY_FILED = [
    pattern
    for pattern in RULES + SIGNAL_PATTERNS
    if pattern.pattern.startswith(_WORD_STARTS)
    and opening_literals(pattern) is None
    and opening_literals(pattern, folded=True) is not None
]
GATE = SharedGate(index_after=0)
SIGNAL_GATE = WordGated(SIGNAL_PATTERNS)
GATED = [GATE.add(pattern) for pattern in NEWLY_FILED]
WORDS = sorted({w for p in NEWLY_FILED for w in re.findall(r"[a-z]{2,}", p.pattern)} - {"w"})
NUMBERS = ["2", "10", "2mg", "500mg", "1000iu", "3x", "5", "0", "1.5", "twice", "long term", "normal"]


def _found(match: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if match is None else (match.span(), match.groups())


def test_a_class_opening_a_match_is_read_as_its_characters_in_a_folded_text() -> None:
    digits = tuple("0123456789")
    assert opening_literals(re.compile(r"(?<![\w])(\d+ ?mg)")) is None  # any text: a digit of any script
    assert opening_literals(re.compile(r"(?<![\w])(\d+ ?mg)"), folded=True) == digits
    assert opening_literals(re.compile(r"(?<![\w])(\d+ mg|take)"), folded=True) == (*digits, "take")
    assert opening_literals(re.compile(r"(?<![\w])([0-3]x)"), folded=True) == ("0", "1", "2", "3")
    letters_digits = opening_literals(re.compile(r"(?<![\w])(\w+er options)"), folded=True)
    assert letters_digits is not None and len(letters_digits) == 36
    # a class that may stand for a space or a comma opens no word: not filed
    assert opening_literals(re.compile(r"(?<![\w])([ a]b)"), folded=True) is None
    assert opening_literals(re.compile(r"(?<![\w])(\W?x)"), folded=True) is None
    assert opening_literals(re.compile(r"(?<![\w])(.x)"), folded=True) is None
    # a class after the opening's first character ends the opening, as before
    assert opening_literals(re.compile(r"(?<![\w])(take \d+)"), folded=True) == ("take ",)


def test_openings_a_folded_text_cannot_hold_are_left_out() -> None:
    pattern = re.compile(r"(?<![\w])(taper\w*|long-term|normal\?|curará|U)(?![\w])")
    assert opening_literals(pattern) == ("U", "curará", "long-ter", "normal?", "taper")
    assert opening_literals(pattern, folded=True) == ("taper",)
    assert list(WordGated([pattern]).ordered("is long-term tapering ok")) == [0]  # not folded: run
    assert list(WordGated([pattern]).ordered("is long term ok")) == []
    assert list(WordGated([pattern]).ordered("tapering off")) == [0]


def test_the_pass_files_the_dosing_patterns_that_open_with_a_number() -> None:
    assert len(NEWLY_FILED) >= 5
    assert any(pattern.pattern.startswith(r"(?<![\w])((\d+|one|two|") for pattern in NEWLY_FILED)


LITERALS = {pattern.pattern: opening_literals(pattern, folded=True) for pattern in NEWLY_FILED}


def _opens_as_listed(pattern: re.Pattern[str], text: str) -> None:
    literals = LITERALS[pattern.pattern]
    assert literals is not None
    for match in pattern.finditer(text):
        start = match.start()
        assert start == 0 or not text[start - 1].isalnum(), (text, pattern.pattern[:60])
        assert any(text.startswith(literal, start) for literal in literals), (text, pattern.pattern[:60])


def test_every_match_of_a_newly_filed_pattern_opens_as_listed_on_the_corpus() -> None:
    for text in TEXTS:
        for folded in (text, fold(text)):
            if _FOLDED.fullmatch(folded):
                for pattern in NEWLY_FILED:
                    _opens_as_listed(pattern, folded)


def test_newly_filed_rule_patterns_find_the_same_match_and_groups_on_the_corpus() -> None:
    for text in TEXTS:
        for gated, pattern in zip(GATED, NEWLY_FILED, strict=True):
            assert _found(gated.search(text)) == _found(pattern.search(text)), (text, pattern.pattern[:60])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, *NUMBERS, "i", "it", "zzsubstance", ",", "x"]), min_size=1, max_size=14),
    st.sampled_from([" ", "  ", ", ", ","]),
)
def test_newly_filed_patterns_agree_with_themselves_on_texts_of_their_own_words(words: list[str], joint: str) -> None:
    text = joint.join(words)
    for gated, pattern in zip(GATED, NEWLY_FILED, strict=True):
        assert _found(gated.search(text)) == _found(pattern.search(text)), (text, pattern.pattern[:60])
        if _FOLDED.fullmatch(text):
            _opens_as_listed(pattern, text)
    matching = {i for i, pattern in enumerate(SIGNAL_PATTERNS) if pattern.search(text)}
    assert matching <= set(SIGNAL_GATE.ordered(text)), text
