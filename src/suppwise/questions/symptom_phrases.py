"""Everyday phrases for a symptom that the reader keeps only in part: "hair loss" came out as the
unknown word 'loss' ("hair" is an everyday word), "make you lose hair" as nothing at all, so a
side-effect answer said "Loss is not among the side effects recorded". A side-effect answer names
the symptom as the phrase says it ("Hair loss is not among ..."), and the phrase's words are never
named on their own.
"""

from __future__ import annotations

from typing import Final

from suppwise.questions.word_pattern import word_regex

_PHRASES: Final = (
    (
        "hair loss",
        ("hair", "loss", "lose", "losing", "bald", "baldness", "thinning", "fall"),
        word_regex(
            r"hair ?loss|los(e|ing) (\w+ )?hair|hair (\w+ )?(fall|falls|falling|fell|coming|come) out|"
            r"go(ing)? bald|baldness|thinning hair|hair (is )?thinning"
        ),
    ),
)


def everyday_symptoms(normalised: str) -> list[tuple[str, tuple[str, ...]]]:
    """The symptoms a (normalised) question names by an everyday phrase, each with the words of it
    that must not be named on their own ("loss", "hair fall")."""
    return [(name, words) for name, words, pattern in _PHRASES if pattern.search(normalised)]
