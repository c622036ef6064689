"""The crisis reader's word gates (suppwise.safety.crisis, suppwise.regex_gate): running only the
idioms and signals whose opening word a folded text holds gives the decision running all of them
gives, on every readable corpus question and on texts made of the signals' own words, commas and
all (the reader blanks an idiom set aside with " , ")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suppwise.questions.accuracy import load_items
from suppwise.regex_gate import WordGated
from suppwise.safety import crisis
from suppwise.safety.crisis_signals import IDIOMS, SIGNALS
from suppwise.safety.crisis_text import fold

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = ("questions_dev.yaml", "questions_extra.yaml", "questions_fresh_a_dev.yaml", "questions_fresh_b_dev.yaml",
            "questions_fresh_c_dev.yaml")
TEXTS = [item.text for name in READABLE for item in load_items(CORPUS / name)]
SIGNAL_GATE = WordGated([signal.pattern for signal in SIGNALS])  # indexed from the start
IDIOM_GATE = WordGated([idiom.pattern for idiom in IDIOMS])
WORDS = sorted({word for text in TEXTS for word in fold(text).split()})


def ungated(folded: str) -> tuple[str, bool, tuple[str, ...]]:
    """The idioms set aside and the signals read one by one, every pattern run."""
    distress = False
    for idiom in IDIOMS:
        if idiom.holds(folded):
            distress = distress or idiom.distress
            folded = idiom.set_aside(folded, " , ")
    kinds = tuple(dict.fromkeys(signal.kind.value for signal in SIGNALS if signal.pattern.search(folded)))
    return folded, distress, kinds


def gated(folded: str) -> tuple[str, bool, tuple[str, ...]]:
    distress = False

    def step(index: int, current: str) -> str:
        nonlocal distress
        if not IDIOMS[index].holds(current):
            return current
        distress = distress or IDIOMS[index].distress
        return IDIOMS[index].set_aside(current, " , ")

    folded = IDIOM_GATE.run(folded, step)
    candidates = SIGNAL_GATE.may_match(folded)
    kinds = tuple(dict.fromkeys(signal.kind.value for index, signal in enumerate(SIGNALS)
                                if index in candidates and signal.pattern.search(folded)))
    return folded, distress, kinds


def test_the_gate_never_skips_a_signal_on_the_readable_corpus() -> None:
    for text in TEXTS:
        folded = fold(text[: crisis.MAX_READ_CHARS])
        assert gated(folded) == ungated(folded), text


def test_a_signal_whose_words_are_present_is_run() -> None:
    """Every signal that matches a corpus text is among the ones the gate lets run."""
    for text in TEXTS:
        folded = ungated(fold(text))[0]
        candidates = SIGNAL_GATE.may_match(folded)
        for index, signal in enumerate(SIGNALS):
            if signal.pattern.search(folded):
                assert index in candidates, (text, signal.pattern.pattern[:60])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([",", "i", "want", "to", "die", "took", "all",
                                                                  "my", "pills", "killing", "me"])),
                min_size=1, max_size=14),
       st.sampled_from([" ", " , ", ","]))
def test_the_gate_agrees_on_texts_of_corpus_words(words: list[str], separator: str) -> None:
    folded = separator.join(words)
    assert gated(folded) == ungated(folded)


def test_crisis_messages_still_read_as_crisis_once_the_gate_is_indexed() -> None:
    """Read past the point where the reader's own gates are indexed: a clear message is still crisis,
    an idiom still is not."""
    for _ in range(320):
        crisis.read_rules("is magnesium safe with sertraline")
    assert crisis.read_rules("i want to die, i took all my pills").crisis
    assert not crisis.read_rules("this fibro pain is killing me, does magnesium help").crisis
