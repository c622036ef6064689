"""Misspelt cue words: the words of a question that are not names, read as the English word they slip from.

People type with typos ("dosege", "interfer", "pregant", "side efects", "reccomend"). The entity
recogniser already reads a misspelt *name* as the name (`vocabulary`, kept from real English words by
`near_names`), but the intent rules read the other words as typed, so one slip in a cue word lost the
intent. This layer corrects such a word before the rules read the question; the entities are still
found on the text as typed.

A word is corrected only when all of these hold (docs/question-understanding.md, "Misspelt cue words"):

- it has at least `MIN_CHARS` letters and only letters (a short word is too ambiguous: "kil", "mg");
- it is no English word of the derived list (`data/english_words.tsv.gz`, from Debian's
  `wamerican-large`: tools/derive_english_words.py), no common or text-speak word the parser knows
  (`common_words`), no word of a name, a synonym or an everyday form of one in the evidence base, no
  medicine or supplement the base lacks (the caller passes those), and no word the voices module or
  the question-word table reads in another language (`PROTECTED`);
- exactly one best English word is one slip away (a deleted, inserted, changed or swapped letter; or,
  for a word of `MIN_TWO_SLIP_CHARS` letters or more, two such slips), by the word's frequency in
  SymSpell's English dictionary; a tie, or no frequent word, leaves the word alone;
- the word is no cue of the population reader ("nonna" is a grandmother, `safety.populations`);
- neither the word nor its correction is read by the crisis rules (a slip into or out of a crisis word
  is the crisis layer's own question: "kil" is not "kill" here), and the correction names nothing in
  the base (a slip of a name is the recogniser's to read, never this layer's).

Corrections are cached per word (`correction`), so a question pays one set look-up per word it has
seen before.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.intent import QUESTION_WORD_PATTERNS
from suppwise.questions.vocabulary import Lexicon, closest_name_word
from suppwise.questions.voices import VOICE_PATTERNS
from suppwise.safety.crisis import read_rules
from suppwise.safety.dose import COUNT_WORDS, UNIT_SPELLINGS
from suppwise.safety.populations import populations_in

__all__ = ["MIN_CHARS", "Correction", "correct_words", "correction", "english_counts"]

MIN_CHARS = 4
MIN_TWO_SLIP_CHARS = 7
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

Correction = tuple[str, str]


@lru_cache(maxsize=1)
def english_counts() -> dict[str, str]:
    """The English words and their frequency as written in the list ("0" for a word the frequency
    dictionary lacks); read as a number only for the few candidates compared (`_count`), which halves
    the time the list takes to load on a process's first misspelt word."""
    raw = resources.files("suppwise.questions").joinpath("data", "english_words.tsv.gz").read_bytes()
    fields = gzip.decompress(raw).decode("utf-8").split()
    return dict(zip(fields[0::2], fields[1::2], strict=True))


def _count(counts: dict[str, str], word: str) -> int:
    return int(counts.get(word, "0"))


def _pattern_words(patterns: Iterable[re.Pattern[str]]) -> frozenset[str]:
    """Every word spelt out in a set of patterns (the foreign and text-speak words they read)."""
    return frozenset(w for p in patterns for w in re.findall(r"[a-z]+", p.pattern.replace("\\b", " ")))


# Portuguese, Italian, Spanish and text-speak words the voices module and the question-word table read
FOREIGN = _pattern_words(VOICE_PATTERNS) | _pattern_words(QUESTION_WORD_PATTERNS)
# the dose parser's units and household measures ("softgels", "tbsp")
UNITS = frozenset(COUNT_WORDS.split("|")) | frozenset(w for u in UNIT_SPELLINGS for w in u.split())
PROTECTED = COMMON_WORDS | FOREIGN | UNITS
# Words that are no slip: an abbreviation typed in lower case has no vowel but its first ("adhd", "ptsd"); laughter
# repeats one syllable ("haha", "hehehe").
_VOWEL = re.compile(r"[aeiouy]")
_NOT_A_SLIP = re.compile(r"^[aeiou]?[^aeiouy]+$|^(\w{1,2})\1+$")
# Function words of Spanish, Portuguese, Italian and German that English questions never use: a message with
# two of them is written in another language, whose words are no slips of English ones ("quiere" is not
# "quire", "dormire" not "dormer"); the voices module and the question-word table read its cue words.
_OTHER_LANGUAGE = frozenset(
    """
    el la de que para por con mi mis una puede pode unos unas los las del della dello delle alla alle al nel nella
    sono ho um uma meu minha nao mais tambem esta estou tengo tiene tienen muy pero ma anche perche quien cual
    cosa come dove quando mio mia suo sua oltre alem aparte despues depois dopo
    ist und mein meine meinen meiner ich nicht mit kann auch oder wie fur ein eine einen sehr bei nach
    """.split()
)


@lru_cache(maxsize=1)
def _frequent_by_shape() -> dict[tuple[str, int], list[str]]:
    """The words with a frequency, by first letter and length: where a word two slips away is looked for."""
    pools: dict[tuple[str, int], list[str]] = {}
    for word, count in english_counts().items():
        if count != "0" and len(word) >= MIN_CHARS:
            pools.setdefault((word[0], len(word)), []).append(word)
    return pools


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = "aeiouy"


def _typed_for() -> dict[str, str]:
    """The letters a letter is mistyped as: a key beside it on a QWERTY keyboard, or another vowel (the
    spelling of a sound: "dosege", "seperate")."""
    out: dict[str, str] = {}
    for r, row in enumerate(_KEYBOARD_ROWS):
        for c, letter in enumerate(row):
            near = {row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)}
            near |= {
                _KEYBOARD_ROWS[o][i]
                for o in (r - 1, r + 1)
                if 0 <= o < len(_KEYBOARD_ROWS)
                for i in (c - 1, c, c + 1)
                if 0 <= i < len(_KEYBOARD_ROWS[o])
            }
            if letter in _VOWELS:
                near |= set(_VOWELS) - {letter}
            out[letter] = "".join(sorted(near))
    return out


_TYPED_FOR = _typed_for()


def _one_slip(word: str) -> set[str]:
    """Every word `word` may be one slip of: a letter inserted, left out, swapped with the next, or typed
    as a neighbouring key or another vowel. A letter typed as one far off on the keyboard is no slip
    ("pcos" is no "pros")."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _TYPED_FOR.get(b[0], "")}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    return out


def _may_be_meant(word: str, candidate: str, counts: dict[str, str]) -> bool:
    """A frequent word with a vowel (one without is an abbreviation: "pcos" is no "pcs"), of four letters
    or more unless the typed word is it with a letter doubled ("annd" is "and", "pcos" no "pos")."""
    if counts.get(candidate, "0") == "0" or not _VOWEL.search(candidate):
        return False
    return len(candidate) >= MIN_CHARS or any(
        word[i] == word[i + 1] and word[:i] + word[i + 1 :] == candidate for i in range(len(word) - 1)
    )


def _best(word: str, candidates: Iterable[str], counts: dict[str, str]) -> str | None:
    """The most frequent candidate that keeps the typed first letter, or swaps it with the second
    (people rarely slip on it: "inot" is "into", not "not"; "nonna" is no "gonna"); None on a tie."""
    ranked = sorted(
        (_count(counts, c), c)
        for c in candidates
        if (c[0] == word[0] or c[:2] == word[1::-1]) and _may_be_meant(word, c, counts)
    )
    ranked.reverse()
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


@lru_cache(maxsize=4096)
def correction(word: str) -> str | None:
    """The English word `word` (normalised, lower case) is most likely a slip of, or None when it is
    a word in its own right, too short, or no one word is clearly meant."""
    if len(word) < MIN_CHARS or not word.isascii() or not word.isalpha() or word in PROTECTED:
        return None
    if _NOT_A_SLIP.match(word):
        return None
    counts = english_counts()
    if word in counts:
        return None
    one_slip = [c for c in _one_slip(word) if counts.get(c, "0") != "0"]
    best = _best(word, one_slip, counts)
    if not one_slip and len(word) >= MIN_TWO_SLIP_CHARS:
        # two slips, among the frequent words that open with the same letter (people rarely miss the first)
        pools = _frequent_by_shape()
        pool = [w for size in range(len(word) - 2, len(word) + 3) for w in pools.get((word[0], size), [])]
        hits = process.extract(word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=None)
        best = _best(word, (hit[0] for hit in hits), counts)
    if best is None or _crisis_word(word) or _crisis_word(best) or populations_in(word):
        return None
    return best


@lru_cache(maxsize=4096)
def _crisis_word(word: str) -> bool:
    """A word the crisis rules read on its own: never a slip's source or its correction."""
    return bool(read_rules(word).signals)


@lru_cache(maxsize=8)
def _name_words(lexicon: Lexicon) -> frozenset[str]:
    """The names, synonyms and everyday forms in the base that are one word: never a correction's result
    (the words inside a longer name, "from" or "pills", are everyday words that the rules read)."""
    return frozenset(key for key in (*lexicon.phrases, *lexicon.forms) if " " not in key)


@lru_cache(maxsize=4096)
def _near_a_name(lexicon: Lexicon, word: str) -> bool:
    """A word one slip from a name word: a misspelt name the recogniser left (two names as close), which
    this layer must not turn into an English word ("magnesim" is no "magnesia")."""
    return closest_name_word(lexicon, word) is not None


def correct_words(
    words: list[str], keep: set[int], lexicon: Lexicon, raw: list[str] | None = None
) -> tuple[list[str], tuple[Correction, ...]]:
    """`words` (normalised) with each misspelt cue word corrected, and the corrections made
    ((typed, read as), once each). `keep` holds the indices never to touch (the names found, the names
    the base lacks); `raw` the words as typed, when aligned: a word typed with capitals inside or all in
    capitals ("SSRI", "CoQ", "IBS") is an abbreviation or a brand, never a slip."""
    found = [(i, fixed) for i, word in enumerate(words) if i not in keep and (fixed := correction(word)) is not None]
    if not found or len(_OTHER_LANGUAGE.intersection(words)) >= 2:
        return words, ()
    out = list(words)
    made: dict[str, str] = {}
    kept = {words[i] for i in keep}
    for i, fixed in found:
        word = words[i]
        if word in kept or fixed in _name_words(lexicon) or _near_a_name(lexicon, word):
            continue
        if raw is not None and not raw[i][1:].islower() and raw[i][1:].isalpha():
            continue
        out[i] = fixed
        made.setdefault(word, fixed)
    return (out, tuple(made.items())) if made else (words, ())
