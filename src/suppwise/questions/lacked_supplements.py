"""Supplements the base lacks whose names are several words: "milk thistle", "black cohosh", "evening
primrose oil" (issue 12 §2; fifth try-out, docs/question-understanding.md).

The parser reports a name the base lacks one word at a time, from the slot it stands in. A name of
two or three everyday words falls through that: "is milk thistle safe with fatty liver disease" read
"milk" as the food and reported "thistle"; "black cohosh for hot flushes" reported "flushes";
"ginkgo biloba and lamictal together?" and "lion's mane for brain fog" were answered "The question
names no supplement that the evidence base knows"; and "evening primrose oil for fibro pain" was
answered with the list of supplements studied for fibromyalgia, never saying that evening primrose
oil is not among them, which reads as if it had been considered.

Such names are a closed, well-known set (herbal and supplement names people type whole), so they are
listed here, each with the spellings people use once the apostrophe and hyphen are gone ("lions
mane", "devils claw", "l theanine"). A listed name wins over a base entity found inside it ("milk"
in "milk thistle"), never over one the base knows whole. Names the base holds under another name
(cod liver oil is omega-3) and seed oils (the base's "seeds" are a food) are not listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from suppwise.questions.word_pattern import word_regex

__all__ = ["LackedName", "is_lacked_supplement", "lacked_names"]


# Each name as the answer says it, with the patterns of the words people type for it (normalised text:
# lower case, apostrophes and hyphens gone, "lion's" read as "lion").
_NAMES: dict[str, str] = {
    "milk thistle": r"milk thistle",
    "ginkgo biloba": r"(ginkgo|gingko|ginko) biloba",
    "black cohosh": r"black cohosh",
    "psyllium husk": r"psyllium husks?",
    "evening primrose oil": r"evening primrose( oil)?",
    "lion's mane": r"lions? mane( mushroom)?",
    "devil's claw": r"devils? claw",
    "cat's claw": r"cats? claw",
    "l-theanine": r"l theanine",
    "lemon balm": r"lemon balm",
    "rhodiola rosea": r"rhodiola rosea",
    "saw palmetto": r"saw palmetto",
    "holy basil": r"holy basil",
    "red clover": r"red clover",
    "dong quai": r"dong quai",
    "passion flower": r"passion flower",
    "slippery elm": r"slippery elm",
    "tart cherry": r"tart cherry( juice)?",
    "apple cider vinegar": r"apple cider vinegar",
    "alpha lipoic acid": r"alpha lipoic acid",
    "korean ginseng": r"korean ginseng",
    "siberian ginseng": r"siberian ginseng",
    "bacopa monnieri": r"bacopa monnieri",
    "aloe vera": r"aloe vera",
}
_PATTERN = word_regex("|".join(f"(?P<n{i}>{p})" for i, p in enumerate(_NAMES.values())))
_SAID = tuple(_NAMES)
# The words a listed name can open with: a question with none of them is not searched (the search is
# ten times dearer than this look-up, on every question).
_FIRST_WORDS = frozenset(
    {"milk", "ginkgo", "gingko", "ginko", "black", "psyllium", "evening", "lion", "lions", "devil", "devils", "cat",
     "cats", "l", "lemon", "rhodiola", "saw", "holy", "red", "dong", "passion", "slippery", "tart", "apple", "alpha",
     "korean", "siberian", "bacopa", "aloe"}
)


class LackedName(NamedTuple):
    """A listed name found in the question: its words' positions [start, end) and how it is said."""

    start: int
    end: int
    name: str


def lacked_names(normalised: str, words: Sequence[str]) -> list[LackedName]:
    """The listed names in a normalised question (`words` is its split), by word position ("is milk
    thistle ok" -> milk thistle at words 1-3)."""
    if len(words) < 2 or _FIRST_WORDS.isdisjoint(words):
        return []
    found = []
    for match in _PATTERN.finditer(normalised):
        which = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None and k.startswith("n"))
        start = normalised.count(" ", 0, match.start())
        found.append(LackedName(start, start + len(match.group(0).split()), _SAID[which]))
    return found


# Well-known supplements of one word that the base lacks (sixth try-out, row 38): "creatine and
# glutamine together ok?" was answered "I don't recognise 'creatine'", which is honest but reads as if
# the word were a typing slip. A word reported as unrecognised is never one the base holds, so this
# list only says which unknown words are supplements by name; it makes no reading of its own.
_SINGLE_WORD = frozenset(
    {"creatine", "whey", "ashwagandha", "bcaa", "bcaas", "coq10", "biotin", "taurine", "spirulina", "chlorella",
     "carnitine", "arginine", "glycine", "lysine", "theanine", "valerian", "chamomile", "cbd", "nac", "tryptophan",
     "collagen", "turmeric", "curcumin", "ginseng", "kava", "echinacea", "elderberry", "quercetin", "resveratrol",
     "berberine", "inositol", "glucosamine", "chondroitin", "kratom"}
)


def is_lacked_supplement(term: str) -> bool:
    """Whether an unrecognised term is a supplement by name (listed above or among the names of several
    words), so the answer can say it is a supplement the base does not hold."""
    return term.lower() in _SINGLE_WORD or term.lower() in _NAMES
