"""The shared word gate of the rule patterns and the required strings (suppwise.regex_gate): a rule
pattern skipped by the gate, or a signal skipped because the text lacks a string its matches need,
is one that could not have matched, so every question reads as it did before."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.names import normalise
from suppwise.questions import word_pattern
from suppwise.questions.accuracy import load_items
from suppwise.questions.intent import Intent
from suppwise.questions.parse import parse
from suppwise.regex_gate import SharedGate, required_strings
from suppwise.safety.crisis_signals import SIGNALS
from suppwise.services import answers as services

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_f_dev.yaml", "questions_fresh_g_dev.yaml")
TEXTS = [normalise(item.text) for name in READABLE for item in load_items(CORPUS / name)]
RULES = list(word_pattern._GATE.patterns)  # every whole-word pattern of the question rules
GATE = SharedGate(index_after=0)
GATED = [GATE.add(pattern) for pattern in RULES]
RULE_WORDS = sorted({w for p in RULES for w in re.findall(r"[a-z]{2,}", p.pattern)} - {"w"})


def _spans(text: str) -> list[tuple[int, int] | None]:
    return [None if (m := p.search(text)) is None else m.span() for p in RULES]


def _gated_spans(text: str) -> list[tuple[int, int] | None]:
    return [None if (m := p.search(text)) is None else m.span() for p in GATED]


def test_gated_rule_patterns_find_what_the_patterns_find_on_the_readable_questions() -> None:
    skipped = 0
    for text in TEXTS:
        assert _gated_spans(text) == _spans(text), text
        skipped += sum(not GATE.mask(text) >> bit & 1 for bit in range(len(RULES)))
    assert skipped > len(TEXTS) * len(RULES) // 4  # the gate does skip: a question lacks most openings


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*RULE_WORDS, "i", "it", "zzsubstance", "2", "mg"]), min_size=1, max_size=12))
def test_gated_rule_patterns_agree_on_texts_of_their_own_words(words: list[str]) -> None:
    text = " ".join(words)
    assert _gated_spans(text) == _spans(text)
    for gated, pattern in zip(GATED[:40], RULES[:40], strict=True):
        assert gated.sub("_", text) == pattern.sub("_", text)
        assert gated.findall(text) == pattern.findall(text)


def test_a_window_of_the_text_is_never_gated() -> None:
    gate = SharedGate(index_after=0)
    food = gate.add(re.compile(r"(?<![\w])(food)(?![\w])"))
    assert food.search("foodie and more") is None  # "food" is not a word of the text
    assert food.search("foodie and more", 0, 4) is not None  # but it is all of the window's first word


def test_required_strings_name_what_every_match_holds() -> None:
    assert required_strings(re.compile(r"(?<![\w])((is|are) (\w+ ){0,4}(be )?poisonous)")) == ("poisonous",)
    assert required_strings(re.compile(r"(took|take) (all of|every one of) them")) == ("all of", "every one of")
    assert required_strings(re.compile(r"(\w+ )?tired", re.IGNORECASE)) is None
    assert required_strings(re.compile(r"\d{2,}\w*")) is None  # classes and repeats alone


def test_every_signal_that_matches_holds_its_required_strings() -> None:
    from suppwise.safety.crisis_text import fold

    needed = [required_strings(signal.pattern) for signal in SIGNALS]
    for text in TEXTS:
        folded = fold(text)
        for signal, strings in zip(SIGNALS, needed, strict=True):
            if strings is not None and signal.pattern.search(folded):
                assert any(s in folded for s in strings), (text, signal.pattern.pattern[:60])


def test_questions_read_the_same_once_the_rule_gate_is_indexed() -> None:
    """Past the point where the shared gate is indexed, a question of each kind still reads so."""
    base = services.evidence_base()
    for day in range(1, 171):  # new texts (a parse is kept per text); the index is made after 300
        parse(f"how much tart cherry should i be on by day {day}", base)
        parse(f"any idea if turmeric thins the blood by day {day}", base)
    assert word_pattern._GATE._index is not None
    assert parse("how many mg of magnesium glycinate before sleep", base).intent is Intent.DOSING
    assert parse("is ashwagandha a bad idea alongside my sertraline", base).intent is Intent.INTERACTION
    assert parse("should my fish oil capsules live in the fridge", base).intent is Intent.ADMINISTRATION


def test_answering_adds_no_pattern_to_the_shared_gate() -> None:
    """Answers build some patterns from the question's own words (forms compared, stopping): those
    must not join the gate, which a server keeps for its whole life and re-indexes on each addition."""
    from suppwise.questions.answer import build_answer

    base = services.evidence_base()
    questions = [
        "b12 injections vs tablets",
        "magnesium glycinate or citrate for sleep",
        "what happens if i stop taking st johns wort suddenly",
        "can i drink alcohol with melatonin",
        "why does magnesium give me diarrhoea",
    ]
    for text in questions:
        build_answer(base, parse(text, base))
    before = len(word_pattern._GATE.patterns)
    for text in questions:
        build_answer(base, parse(text.upper(), base))
        build_answer(base, parse(text + " please", base))
    assert len(word_pattern._GATE.patterns) == before
