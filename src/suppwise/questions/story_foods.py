"""A food, drink or diet the base lacks, told in the story around a safety question (sixth try-out,
rows 67 and 69).

"I overdosed on coffee lol, can I still take my melatonin tonight" asks about melatonin; coffee is
what happened before. The answer was "I don't recognise 'coffee'" and nothing more, so the question
asked was never answered. When every name the base lacks is such a food, drink or diet, and it is not
taken with the supplement ("can I drink coffee with my glutamine", where the drink is what the
question hinges on and its note still leads), the answer on the supplement comes first and the note
follows it. The list is closed: everyday foods and drinks, and any diet named by the word "diet".
"""

from __future__ import annotations

from collections.abc import Iterable

from suppwise.questions.record_mentions import taken_beside

_FOODS = frozenset(
    {"coffee", "coffees", "caffeine", "espresso", "latte", "cappuccino", "tea", "teas", "cola", "coke", "pepsi",
     "chocolate", "sugar", "sweets", "candy", "cake", "crisps", "chips", "pizza", "burger", "takeaway", "fast food",
     "energy drink", "energy drinks", "redbull", "monster", "soda", "fizzy drinks"}
)


# what a food is counted in, left over beside it by the reader ("4 cups of coffee" reports 'cups')
_MEASURES = frozenset({"cup", "cups", "mug", "mugs", "can", "cans", "shot", "shots", "glass", "glasses", "bar", "bars"})


def story_foods_only(normalised: str, terms: Iterable[str]) -> bool:
    """Whether every term is a food, drink or diet told in the story, not taken with the supplement (a
    measure it is counted in, "cups", goes with it)."""
    foods = [t for t in terms if t.lower() not in _MEASURES]
    return bool(foods) and all(
        (t.lower() in _FOODS or t.lower().endswith(" diet")) and not taken_beside(normalised, t) for t in foods
    )
