"""Everyday phrases for a symptom or a body measure that the reader keeps only in part: "hair
loss" came out as the unknown word 'loss' ("hair" is an everyday word), "make you lose hair" as
nothing at all, so a side-effect answer said "Loss is not among the side effects recorded". A
side-effect answer names the symptom as the phrase says it ("Hair loss is not among ..."), and the
phrase's words are never named on their own. A body measure the base has no entity for ("blood
pressure") is looked up in the supplement's records instead of being passed over
(`everyday_measures`).
"""

from __future__ import annotations

from typing import Final

from suppwise.questions.word_pattern import word_regex

_PHRASES: Final = (
    (
        "hair loss",
        ("hair", "loss", "lose", "losing", "bald", "baldness", "thinning", "fall"),
        "hair loss",
        word_regex(
            r"hair ?loss|los(e|ing) (\w+ )?hair|hair (\w+ )?(fall|falls|falling|fell|coming|come) out|"
            r"go(ing)? bald|baldness|thinning hair|hair (is )?thinning"
        ),
    ),
    # melatonin's record says "drowsiness, including the next day", never "groggy"
    ("grogginess", ("groggy", "grogginess", "hungover"), "drowsiness", word_regex(r"groggy|grogginess|hungover")),
)


# Body measures the base has no entity or study for, which its records still mention (magnesium's
# "low blood pressure" when the blood level is too high).
# Each with the word the records use for it: omega-3's records speak of bleeding, not "thin blood"
# ("blood thinners" are medicines, named by the reader, not this).
_MEASURES: Final = (
    ("blood pressure", "blood pressure", word_regex(r"blood pressure")),
    ("thinning the blood", "bleeding", word_regex(r"thins? (\w+ ){0,2}blood|thinner blood")),
)


def everyday_measures(normalised: str) -> list[tuple[str, str]]:
    """The body measures a (normalised) question names, each with the word the records use."""
    return [(name, lookup) for name, lookup, pattern in _MEASURES if pattern.search(normalised)]


def everyday_symptoms(normalised: str) -> list[tuple[str, tuple[str, ...]]]:
    """The symptoms a (normalised) question names by an everyday phrase, each with the words of it
    that must not be named on their own ("loss", "hair fall")."""
    return [(name, words) for name, words, _, pattern in _PHRASES if pattern.search(normalised)]


def record_words(normalised: str) -> list[str]:
    """The words the records use for the everyday symptoms a question names ("drowsiness" for
    "groggy"), to find the records that name them."""
    return [lookup for _, _, lookup, pattern in _PHRASES if pattern.search(normalised)]
