"""Speed work that must not change what a question means (issue 12 §5, docs/question-understanding.md
"Speed, third pass"): the intent rules' largest patterns searched branch by branch behind a word gate
(`regex_gate.Alternatives`) say yes exactly where the whole pattern does, and the fuzzy searches of
the lexicon over only the keys whose length can reach the cutoff find what a search of every key
finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from suppwise.evidence.names import normalise
from suppwise.questions import intent, vocabulary
from suppwise.questions.accuracy import load_items
from suppwise.questions.parse import parse
from suppwise.regex_gate import Alternatives, top_level_branches
from suppwise.services import answers as services

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_a_dev.yaml", "questions_fresh_b_dev.yaml",
            "questions_fresh_c_dev.yaml", "questions_fresh_d_dev.yaml", "questions_fresh_e_dev.yaml",
            "questions_fresh_f_dev.yaml")
LARGE = {"_ADMIN_STRONG": intent._ADMIN_STRONG, "_DOSING": intent._DOSING}


def _texts() -> list[str]:
    return [normalise(item.text) for name in READABLE for item in load_items(CORPUS / name)]


def test_a_body_is_split_only_at_its_top_level_bars() -> None:
    assert top_level_branches(r"a|b(c|d)|[|]x|\|y|[]|]z") == ["a", "b(c|d)", "[|]x", r"\|y", "[]|]z"]


@pytest.mark.parametrize("name", sorted(LARGE))
def test_branch_by_branch_says_what_the_whole_pattern_says_on_every_readable_question(name: str) -> None:
    pattern = LARGE[name]
    gated = Alternatives(pattern, index_after=0)
    texts = _texts()
    assert [gated.holds(t) for t in texts] == [bool(pattern.search(t)) for t in texts]
    assert any(gated.holds(t) for t in texts)  # the patterns do match some questions


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("take it with food or without at night how much mg a day dose mix in water "
                                "should i before bed capsules powder , 5g twice".split()), max_size=12))
def test_texts_made_of_the_patterns_words_get_the_same_answer(words: list[str]) -> None:
    text = " ".join(words)
    for pattern in LARGE.values():
        assert Alternatives(pattern, index_after=0).holds(text) == bool(pattern.search(text))


def test_a_text_that_is_not_folded_is_searched_whole() -> None:
    gated = Alternatives(intent._ADMIN_STRONG, index_after=0)
    assert gated.holds("Take it WITH FOOD?") == bool(intent._ADMIN_STRONG.search("Take it WITH FOOD?"))
    assert Alternatives(re.compile(r"(?<![\w])(a|b)\1(?![\w])"))._gate is None  # a back reference: whole


def test_the_same_administration_question_is_still_read_as_one() -> None:
    base = services.evidence_base()
    assert parse("should I take glutamine with food or on an empty stomach?", base).intent.value == "administration"
    assert parse("how much glutamine per day is too much?", base).intent.value == "dosing"


def test_fuzzy_searches_over_the_keys_within_reach_find_what_every_key_finds() -> None:
    lexicon = vocabulary.lexicon_for(services.evidence_base())
    typed = {"glutamin", "keppra", "fibromyalgai", "vitamin d3"}
    phrases = sorted({w for t in _texts()[:600] for w in t.split()} | typed)
    for phrase in phrases:
        for words, cutoff, limit in ((False, 70.0, 5), (True, 70.0, 5), (False, vocabulary.SUGGEST_CUTOFF, 15)):
            every = lexicon.words if words else lexicon.keys
            reach = vocabulary._within_reach(lexicon, words, len(phrase), cutoff)
            found = [(k, s) for k, s, _ in process.extract(phrase, every, scorer=fuzz.ratio, limit=limit,
                                                           score_cutoff=cutoff)]
            assert [(k, s) for k, s, _ in process.extract(phrase, reach, scorer=fuzz.ratio, limit=limit,
                                                          score_cutoff=cutoff)] == found, phrase
