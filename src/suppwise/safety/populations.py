"""Recognising special populations (pregnancy, breastfeeding, children, older adults) in a question
and in a population record, so "is it safe while pregnant?" reaches the pregnancy caution."""

from __future__ import annotations

import re

POPULATION_CUES: dict[str, re.Pattern[str]] = {
    "pregnancy": re.compile(r"\b(pregnan\w*|expecting a baby|trying to conceive)\b"),
    "breastfeeding": re.compile(r"\b(breast ?feed\w*|breast milk|nursing|lactat\w*|chest ?feed\w*)\b"),
    "children": re.compile(r"\b(child\w*|kids?|teen\w*|adolescen\w*|infants?|toddlers?|my (son|daughter))\b"),
    "older adults": re.compile(r"\b(elderly|older (adults?|people)|seniors?)\b"),
}


def populations_in(text: str) -> set[str]:
    """The special populations a piece of (normalised, lower-case) text speaks of."""
    return {name for name, pattern in POPULATION_CUES.items() if pattern.search(text)}


def population_matches(record_text: str, question: str) -> bool:
    """True when a population record and a question speak of the same population."""
    return bool(populations_in(record_text.lower()) & populations_in(question))
