#!/usr/bin/env python3
"""Compare spelling correctors for the question's non-name words (docs/question-understanding.md,
"Misspelt cue words"): pyspellchecker, symspellpy, RapidFuzz over a word list derived from Debian's
`wamerican-large` (ties to the word the corpus uses most, which favours the very words tested: an upper
bound), and the layer suppwise ships (`suppwise.questions.spelling`).

The typo benchmark: every distinct lower-case word of four letters or more in the TUNED corpus parts
that `wamerican-large` holds, each given one deterministic slip (benchmarks/bench_typos.py's `slip`:
deletion, transposition, doubling, neighbouring key). A corrector scores when it gives the word back;
it harms when it gives another word. Its dictionary is judged too: the share of the clean words it
does not know (each would be "corrected"). Then load time, time per lookup and memory.

    python tools/compare_spellers.py

Needs pyspellchecker and symspellpy installed beside suppwise (not dependencies of it) and the word list
(`tools/debian-packages --test`).
"""

from __future__ import annotations

import importlib.resources
import random
import re
import sys
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import DamerauLevenshtein  # noqa: E402

from bench_typos import slip  # noqa: E402
from suppwise.questions.accuracy import PARTS, TUNED, load_items  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
WORDS = Path("/usr/share/dict/american-english-large")
_WORD = re.compile(r"[a-z]+")


def corpus_words() -> Counter[str]:
    counts: Counter[str] = Counter()
    for part in TUNED:
        for name in PARTS[part]:
            for item in load_items(CORPUS / name):
                counts.update(_WORD.findall(item.text.lower()))
    return counts


Corrector = tuple[Callable[[str], bool], Callable[[str], str]]


def pyspellchecker(distance: int) -> Corrector:
    from spellchecker import SpellChecker

    checker = SpellChecker(distance=distance)
    return (lambda w: w in checker), (lambda w: checker.correction(w) or w)


def symspell() -> Corrector:
    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2)
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    sym.load_dictionary(str(path), term_index=0, count_index=1)
    known = sym.words

    def correct(word: str) -> str:
        found = sym.lookup(word, Verbosity.TOP, max_edit_distance=2)
        return found[0].term if found else word

    return (lambda w: w in known), correct


def rapidfuzz_list(dictionary: list[str], counts: Counter[str]) -> Corrector:
    """The closest word by Damerau-Levenshtein distance (at most 2) among words of similar length,
    ties to the word the corpus uses most."""
    known = frozenset(dictionary)
    by_length: dict[int, list[str]] = {}
    for word in dictionary:
        by_length.setdefault(len(word), []).append(word)

    def correct(word: str) -> str:
        pool = [w for n in range(len(word) - 2, len(word) + 3) for w in by_length.get(n, [])]
        hits = process.extract(word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=20)
        if not hits:
            return word
        best = min(hit[1] for hit in hits)
        return max((hit[0] for hit in hits if hit[1] == best), key=lambda w: counts.get(w, 0))

    return (lambda w: w in known), correct


def shipped() -> Corrector:
    """suppwise's own layer: one slip (two for long words) over the derived list, by frequency."""
    from suppwise.questions.spelling import correction, english_counts

    known = english_counts()
    return (lambda w: w in known), (lambda w: correction(w) or w)


def main() -> int:
    if not WORDS.exists():
        print(f"{WORDS} is missing: install Debian's wamerican-large", file=sys.stderr)
        return 2
    dictionary = sorted({w for w in WORDS.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()})
    english = frozenset(dictionary)
    counts = corpus_words()
    clean = sorted(w for w in counts if len(w) >= 4 and w in english)
    cases = []
    for word in clean:
        typed = slip(word, random.Random(zlib.crc32(word.encode())))
        if typed != word and typed not in english:
            cases.append((word, typed))
    print(f"{len(clean)} clean corpus words; {len(cases)} slips that make no English word\n")
    makers: dict[str, Callable[[], Corrector]] = {
        "pyspellchecker (distance 1)": lambda: pyspellchecker(1),
        "pyspellchecker (distance 2)": lambda: pyspellchecker(2),
        "symspellpy (82,765 words)": symspell,
        "rapidfuzz + wamerican-large": lambda: rapidfuzz_list(dictionary, counts),
        "suppwise.questions.spelling": shipped,
    }
    header = f"{'corrector':<30} {'load s':>7} {'MiB':>6} {'unknown clean':>14} {'recovered':>10} {'wrong':>7}"
    header += f" {'µs/word':>8}"
    print(header)
    print("-" * len(header))
    for name, make in makers.items():
        tracemalloc.start()
        start = time.perf_counter()
        known, correct = make()
        load = time.perf_counter() - start
        memory = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        unknown = sum(1 for w in clean if not known(w))
        start = time.perf_counter()
        got = [(word, correct(typed)) for word, typed in cases]
        per_word = (time.perf_counter() - start) / len(cases) * 1e6
        right = sum(1 for word, out in got if out == word)
        wrong = sum(1 for word, out in got if out != word and out in english)
        print(
            f"{name:<30} {load:7.2f} {memory:6.1f} {100 * unknown / len(clean):13.1f}% "
            f"{100 * right / len(cases):9.1f}% {100 * wrong / len(cases):6.1f}% {per_word:8.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
