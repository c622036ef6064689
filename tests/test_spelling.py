"""Misspelt cue words (questions/spelling.py): the words around the names are read as the English word
meant, the names never change, and one slip in a cue word leaves the reading what it was."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.evidence.base import EvidenceBase
from suppwise.questions.answer import build_answer
from suppwise.questions.parse import parse
from suppwise.questions.spelling import correction, english_counts
from suppwise.render.text import render_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def base() -> EvidenceBase:
    from suppwise.services import answers

    return answers.evidence_base()


@pytest.mark.parametrize(
    ("question", "intent", "typed", "meant"),
    [
        ("how much magnesium is a normal dosege", "dosing", "dosege", "dosage"),
        ("are there any side efects from taking saffron daily", "side_effects", "efects", "effects"),
        ("whats the diffrence between b12 and folate", "definition", "diffrence", "difference"),
        ("got any alternatves to melatonin", "alternatives", "alternatves", "alternatives"),
        ("is omega 3 benefical for my mood", "effect", "benefical", "beneficial"),
    ],
)
def test_a_misspelt_cue_word_keeps_the_intent(
    base: EvidenceBase, question: str, intent: str, typed: str, meant: str
) -> None:
    query = parse(question, base)
    assert query.intent.value == intent
    assert (typed, meant) in query.corrections


def test_the_answer_says_what_it_read(base: EvidenceBase) -> None:
    answer = build_answer(base, parse("would glutamine be benefical for my sleep", base))
    assert answer.read_as == {"benefical": "beneficial"}
    assert "Read 'benefical' as 'beneficial'." in render_text(answer, width=100)
    from suppwise.web.routes.answer_pages import answer_html

    page = answer_html(base, answer, "would-glutamine-be-benefical-for-my-sleep", found=True)
    assert "Read &#39;benefical&#39; as &#39;beneficial&#39;." in page


def test_names_are_read_as_typed_and_never_corrected(base: EvidenceBase) -> None:
    # a misspelt name is the recogniser's (magnesium), an abbreviation in capitals is kept, and so is a
    # medicine's name, known or not
    query = parse("can magnesum be taken with an SSRI and mebeverine", base)
    assert "magnesium" in query.substances
    assert "ssris" in query.drugs
    assert query.corrections == ()


def test_words_that_are_no_slip_are_left_alone() -> None:
    assert correction("adhd") is None  # an abbreviation in lower case
    assert correction("hahaha") is None  # laughter
    assert correction("softgels") is None  # a unit the dose parser reads
    assert correction("posso") is None  # Portuguese the voices module reads
    assert correction("tak") is None  # too short to tell
    assert correction("sleepy") is None  # an English word


def test_crisis_words_are_the_crisis_layers_own(base: EvidenceBase) -> None:
    assert correction("suicde") is None


def test_a_word_the_population_reader_knows_is_its_own(base: EvidenceBase) -> None:
    # "nonna" is a grandmother to the population reader, not a slip of "gonna" (nor is "pregant" a slip
    # to correct: the population reader folds it itself)
    assert correction("nonna") is None
    assert correction("pregant") is None
    assert "older adults" in parse("my nonna is 92, can she take vitamin d", base).populations
    query = parse("i want to kil myself with my magnesium", base)
    assert query.crisis


def test_a_message_in_another_language_is_not_corrected(base: EvidenceBase) -> None:
    query = parse("que puedo tomar para dormir ademas de la melatonina", base)
    assert query.corrections == ()


# ---------------------------------------------------------------------------------------------------
# One slip in one cue word, on questions written for this test

CLEAN = (
    "what dosage of magnesium should an adult take",
    "could glutamine interfere with my sertraline",
    "does melatonin have any side effects",
    "is saffron better than omega 3 for depression",
    "how does vitamin d actually work",
    "which foods contain folate",
    "should probiotics be taken before breakfast",
    "would you recommend glutamine for fibromyalgia",
)
ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keys_near(letter: str) -> str:
    for r, row in enumerate(ROWS):
        if letter in row:
            c = row.index(letter)
            near = [row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)]
            near += [ROWS[o][i] for o in (r - 1, r + 1) if 0 <= o < len(ROWS) for i in (c - 1, c, c + 1)
                     if 0 <= i < len(ROWS[o])]
            return "".join(near)
    return ""


@st.composite
def slipped(draw: st.DrawFn) -> tuple[str, str, str]:
    """(clean question, slipped question, slipped word): one realistic slip in one word of four
    letters or more that names nothing, never on its first letter."""
    question = draw(st.sampled_from(CLEAN))
    words = question.split()
    index = draw(st.sampled_from([i for i, w in enumerate(words) if len(w) >= 4]))
    word = words[index]
    at = draw(st.integers(1, len(word) - 1))
    kind = draw(st.sampled_from(("delete", "swap", "double", "neighbour")))
    if kind == "delete":
        typed = word[:at] + word[at + 1 :]
    elif kind == "swap" and at + 1 < len(word):
        typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif kind == "neighbour":
        typed = word[:at] + draw(st.sampled_from(_keys_near(word[at]))) + word[at + 1 :]
    else:
        typed = word[: at + 1] + word[at] + word[at + 1 :]
    words[index] = typed
    return question, " ".join(words), typed


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(slipped())
def test_a_slip_read_back_reads_as_the_clean_question(
    base: EvidenceBase, case: tuple[str, str, str]
) -> None:
    clean_text, typed_text, typed = case
    clean, got = parse(clean_text, base), parse(typed_text, base)
    named = {w for m in clean.mentions for w in clean.normalised.split()[m.start : m.end]}
    # a name is never corrected, and a correction is always an English word the typed one is not
    for was, meant in got.corrections:
        assert was not in named
        assert was not in english_counts() and meant in english_counts()
    # when the layer reads the slip back as the word typed right, the reading is the clean one
    if dict(got.corrections).get(typed) == clean_text.split()[typed_text.split().index(typed)]:
        assert (got.intent, got.entities, got.crisis, got.asked) == (clean.intent, clean.entities, clean.crisis,
                                                                    clean.asked)


@pytest.mark.skipif(
    not Path("/usr/share/dict/american-english-large").exists()
    or not Path("/usr/share/dict/british-english-large").exists()
    or importlib.util.find_spec("symspellpy") is None,
    reason="needs Debian's wamerican-large and wbritish-large, and symspellpy (pip install -e '.[reference]')",
)
def test_the_shipped_word_list_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "derive_english_words.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
