"""The word gates read a folded text's words as bit masks (suppwise.regex_gate, docs/
question-understanding.md "Speed, sixth pass"): which patterns may open at each word, which hold a
string their matches need, and a rule pattern matched only at the word starts its index files it
under. Each is exact: the same matches, with the same groups, as searching every pattern over the
whole text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions import word_pattern
from suppwise.questions.accuracy import load_items
from suppwise.regex_gate import SharedGate, WordGated
from suppwise.safety.crisis_signals import SIGNALS
from suppwise.safety.crisis_text import fold

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_i_dev.yaml")
TEXTS = [normalise(item.text) for name in READABLE for item in load_items(CORPUS / name)]
RULES = list(word_pattern._GATE.patterns)
GATE = SharedGate(index_after=0)
GATED = [GATE.add(pattern) for pattern in RULES]
RULE_WORDS = sorted({w for p in RULES for w in re.findall(r"[a-z]{2,}", p.pattern)} - {"w"})
SIGNAL_GATE = WordGated([signal.pattern for signal in SIGNALS])


def _found(match: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if match is None else (match.span(), match.groups())


def test_rule_patterns_matched_at_word_starts_find_the_same_match_and_groups() -> None:
    for text in TEXTS[::2]:
        for gated, pattern in zip(GATED, RULES, strict=True):
            assert _found(gated.search(text)) == _found(pattern.search(text)), (text, pattern.pattern[:60])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*RULE_WORDS, "i", "it", "zzsubstance", "2", "mg", ",", "x"]), min_size=1, max_size=14),
    st.sampled_from([" ", "  ", ", "]),
)
def test_rule_patterns_agree_on_texts_of_their_own_words(words: list[str], joint: str) -> None:
    text = joint.join(words)
    for gated, pattern in zip(GATED, RULES, strict=True):
        assert _found(gated.search(text)) == _found(pattern.search(text)), (text, pattern.pattern[:60])


def test_every_crisis_signal_that_matches_is_a_candidate() -> None:
    for text in TEXTS:
        folded = fold(text)
        candidates = list(SIGNAL_GATE.ordered(folded))
        assert candidates == sorted(candidates)
        matching = [i for i, signal in enumerate(SIGNALS) if signal.pattern.search(folded)]
        assert set(matching) <= set(candidates), (text, matching, candidates)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["take", "all", "of", "every", "one", "them", "nonpoisonous", "poisonous", "is",
                                 "it", "be", "tired", "dead", "so", "ive", "been"]), min_size=1, max_size=10))
def test_required_strings_inside_a_word_and_across_words(words: list[str]) -> None:
    patterns = [
        re.compile(r"(?<![\w])(take (all of|every one of) them)(?![\w])"),  # needs a string with a space
        re.compile(r"(?<![\w])((is|it) (\w+ ){0,4}(be )?\w*poisonous)"),  # needs "poisonous", inside a word
        re.compile(r"(?<![\w])(dead tired|so tired)(?![\w])"),
        re.compile(r"\b(been|be) (so )?(dead )?tired"),
    ]
    gate = WordGated(patterns)
    text = " ".join(words)
    matching = [i for i, pattern in enumerate(patterns) if pattern.search(text)]
    assert set(matching) <= set(gate.ordered(text))
    assert gate.sub_all("_", text) == _sub_every(patterns, text)


def _sub_every(patterns: list[re.Pattern[str]], text: str) -> str:
    for pattern in patterns:
        text = pattern.sub("_", text)
    return text


def test_a_pattern_is_not_run_where_its_opening_or_required_string_is_missing() -> None:
    patterns = [re.compile(r"(?<![\w])(take (all of|every one of) them)(?![\w])"),
                re.compile(r"(?<![\w])((is|it) (\w+ ){0,4}(be )?\w*poisonous)")]
    gate = WordGated(patterns)
    assert list(gate.ordered("take all of them")) == [0]
    assert list(gate.ordered("take them all")) == []  # "all of" nowhere
    assert list(gate.ordered("is it nonpoisonous")) == [1]
    assert list(gate.ordered("is it poison")) == []
    assert list(gate.ordered("Take all of them")) == [0]  # not folded: the required string on the text
