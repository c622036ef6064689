"""Names said aloud: a vitamin's letter and number spelt out as they sound ("vitamin bee six"), and a
name typed by voice in pieces, one of them another word that sounds the same ("gluta mean").

Why: questions typed by voice, or by people who write a name as they hear it, spell out the letter and
the number of a vitamin: "vitamin bee six", "bee twelve", "dee three", "vitamin dee". None of these is
a slip of the name a typo reader could undo (a whole short word changes), and the fuzzy reader took
"vitamin bee" for "vitamin dee", so a question about B6 and levodopa was answered about vitamin D
(docs/question-understanding.md, "Lead level, entities and population, eighth pass"). The forms are
made from the base's own names, so only a vitamin the base holds is read, and a letter's spoken name
is never a slip of another letter's.

A name dictated in pieces ("gluta mean" for glutamine, "mela tone in" for melatonin) is read only where
its first piece is the start of one of the base's one-word names, at least four letters long and no
everyday word, and the pieces run together sound like that name (`sound_key`): the consonants in order,
vowels dropped, letters that sound alike folded. A typo reader cannot reach it (a whole word differs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["LETTER_NAMES", "is_letter_name", "sound_key", "spelled_forms"]

# How a vitamin's letter is written when it is spelt as said. Only letters whose spoken name is no
# everyday word on its own in a name's place ("be", "see" and "sea" are; "vitamin see" still reads as a
# letter's name beside the others, `is_letter_name`, but no form is made from it).
LETTER_NAMES: dict[str, tuple[str, ...]] = {
    "b": ("bee",),
    "d": ("dee",),
    "k": ("kay",),
    "e": ("ee",),
}
# Every letter's spoken name, told apart from one another: "vitamin bee" is never "vitamin dee".
_SPOKEN_LETTERS = frozenset({"bee", "dee", "kay", "ee", "see", "cee", "sea", "ay", "eff", "aitch"})
_NUMBER_WORDS: dict[str, str] = {
    "1": "one", "2": "two", "3": "three", "5": "five", "6": "six", "7": "seven", "9": "nine", "12": "twelve",
}
# a letter and its number, run together or apart ("b6", "b 12"), as normalised names hold them
_LETTERED = re.compile(r"\b([bdke]) ?(\d{1,2})\b")
# a vitamin named by its letter alone: "vitamin d", "vit d"
_VITAMIN_LETTER = re.compile(r"\b(vitamin|vit) ([bdke])$")


def is_letter_name(word: str) -> bool:
    """Whether `word` is a letter's spoken name ("bee", "dee", "see"): one such word beside another is
    another letter, never a slip of it."""
    return word in _SPOKEN_LETTERS


def spelled_forms(terms: Iterable[str]) -> list[str]:
    """The forms of (normalised) names said aloud: the letter by its spoken name, the number in words
    or in digits ("b6" → "bee six", "b six", "bee 6"; "vitamin b 12" → "vitamin bee twelve", ...), and a
    vitamin named by its letter alone with the letter's name ("vitamin d" → "vitamin dee")."""
    out: list[str] = []
    for term in terms:
        match = _LETTERED.search(term)
        if match is not None and match.group(2) in _NUMBER_WORDS:
            letter, number = match.group(1), match.group(2)
            for spoken in LETTER_NAMES[letter]:
                for said in (f"{spoken} {_NUMBER_WORDS[number]}", f"{letter} {_NUMBER_WORDS[number]}",
                             f"{spoken} {number}"):
                    out.append(f"{term[: match.start()]}{said}{term[match.end() :]}")
        alone = _VITAMIN_LETTER.search(term)
        if alone is not None:
            out.extend(f"{term[: alone.start(2)]}{spoken}" for spoken in LETTER_NAMES[alone.group(2)])
    return out


_SOFT_C = re.compile(r"c(?=[eiy])")
_QUIET = re.compile(r"[aeiouyhw]")
_DOUBLED = re.compile(r"(.)\1+")


def sound_key(word: str) -> str:
    """A word's consonants as they sound, in order: the first letter kept, "ph" as f, a soft c as s,
    c, ck and q as k, z as s, vowels (and h, w, y) dropped, a doubled sound once. "glutamean" and
    "glutamine" are both "gltmn"."""
    folded = _SOFT_C.sub("s", word.replace("ph", "f")).replace("ck", "k")
    folded = folded.replace("c", "k").replace("q", "k").replace("z", "s").replace("x", "ks")
    if not folded:
        return ""
    return _DOUBLED.sub(r"\1", folded[0] + _QUIET.sub("", folded[1:]))
