"""The crisis detector (docs/crisis.md): every way a person in crisis writes is caught, in typos,
text-speak and other languages; ordinary idioms made of the same words are not; and an answer to a
question about amounts or methods is withheld while crisis resources come first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from suppwise.evidence import EvidenceBase
from suppwise.questions.answer import WITHHELD, build_answer
from suppwise.questions.parse import parse
from suppwise.safety.crisis import SUPPORT_LINE, mentions_self_harm, read_crisis
from suppwise.safety.crisis_signals import SignalKind
from suppwise.safety.crisis_text import CRISIS_WORDS, NOT_TYPOS, fold

PHRASES = yaml.safe_load((Path(__file__).parent / "corpus" / "crisis_phrases.yaml").read_text(encoding="utf-8"))
WORDS = Path("/usr/share/dict/words")


@pytest.mark.parametrize("text", PHRASES["crisis"])
def test_what_people_in_crisis_write_is_caught(text: str) -> None:
    assert mentions_self_harm(text), fold(text)


@pytest.mark.parametrize("text", PHRASES["not_crisis"])
def test_ordinary_idioms_made_of_crisis_words_are_not_crisis(text: str) -> None:
    assert not mentions_self_harm(text), (fold(text), read_crisis(text).signals)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I feel suicidal, does glutamine help?", SignalKind.EXPLICIT),
        ("sometimes I want to die", SignalKind.WISH_TO_DIE),
        ("I can't see a future for me", SignalKind.HOPELESSNESS),
        ("they would cope better without me", SignalKind.BURDEN),
        ("this is my final message", SignalKind.GOODBYE),
        ("I've been stockpiling my pregabalin", SignalKind.STOCKPILING),
        ("what's a lethal amount of glutamine", SignalKind.LETHALITY),
        ("what is the least painful way to go", SignalKind.METHOD),
        ("quiero morir", SignalKind.OTHER_LANGUAGE),
    ],
)
def test_each_family_of_signal_is_named(text: str, kind: SignalKind) -> None:
    assert kind in read_crisis(text).signals


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("sucide", "suicide"), ("suicdal", "suicidal"), ("overdoes", "overdoes"), ("overdoze", "overdose"),
     ("myslef", "myself"), ("hopless", "hopeless"), ("lethel", "lethal")],
)
def test_a_slip_in_a_crisis_word_is_read_as_the_word(typed: str, meant: str) -> None:
    assert fold(typed) == meant


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("jus want 2 sleep n never wake up", "just want to sleep and never wake up"),
        ("I dont wanna be here", "i do not want to be here"),
        ("im gona end it", "i am going to end it"),
        ("i'm thinkin about killin myself", "i am thinking about killing myself"),
        ("DEPRESIÓN", "depresion"),
        ("I take 2 capsules", "i take 2 capsules"),
    ],
)
def test_text_speak_and_contractions_are_spelled_out(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.skipif(not WORDS.exists(), reason="no English word list installed (Debian: wamerican-large)")
def test_no_english_word_is_mistaken_for_a_crisis_word() -> None:
    """NOT_TYPOS lists every English word within a typo of a crisis word; it is derived here."""
    words = {w.strip().lower() for w in WORDS.read_text(encoding="utf-8", errors="ignore").split()}
    close = set()
    for word in words:
        if len(word) < 5 or not word.isalpha() or not word.isascii() or word in CRISIS_WORDS:
            continue
        for target in CRISIS_WORDS:
            allowed = 2 if len(target) >= 9 else 1
            if abs(len(target) - len(word)) <= 2 and OSA.distance(word, target, score_cutoff=allowed) <= allowed:
                close.add(word)
    assert close <= NOT_TYPOS, sorted(close - NOT_TYPOS)


def test_an_idiom_never_hides_a_real_signal_beside_it() -> None:
    assert mentions_self_harm("this pain is killing me and I want to die")
    assert mentions_self_harm("I'm dying to know how many pills would kill me")
    assert mentions_self_harm("the pain makes me think about killing myself")


def test_hyperbole_about_pain_earns_a_support_line_not_a_crisis(bundled: EvidenceBase) -> None:
    answer = build_answer(bundled, parse("my back is killing me, does glutamine help back pain", bundled))
    assert not answer.crisis and answer.support == SUPPORT_LINE
    assert answer.verdicts, "the question is still answered"
    assert build_answer(bundled, parse("does glutamine help back pain", bundled)).support is None


@pytest.mark.parametrize(
    "text",
    [
        "what's the lethal dose of glutamine",
        "what happens if I take a whole tub of glutamine at once",
        "how many glutamine capsules would it take to never wake up",
    ],
)
def test_a_question_that_could_serve_self_harm_is_withheld(bundled: EvidenceBase, text: str) -> None:
    answer = build_answer(bundled, parse(text, bundled))
    assert answer.crisis and answer.crisis_resources
    assert answer.summary == WITHHELD
    assert not answer.sections and not answer.verdicts and not answer.references
    assert "14" not in answer.model_dump_json().replace("116 123", "")  # no dose figure anywhere


def test_a_crisis_answer_keeps_the_answer_but_no_dose_figures(bundled: EvidenceBase) -> None:
    answer = build_answer(bundled, parse("I hate my life. Does glutamine help depression?", bundled))
    assert answer.crisis and answer.verdicts
    assert all(section.key != "dosing" for section in answer.sections)


@given(st.text(max_size=300))
def test_any_text_is_read(text: str) -> None:
    reading = read_crisis(text)
    assert reading.crisis == bool(reading.signals)
    assert not (reading.crisis and reading.distress)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_folding_is_stable(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
