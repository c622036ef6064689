"""Foods a sources question leaves out: "which foods give you omega 3 if you don't eat fish", "good
magnesium foods without nuts", "i dont eat meat, where can i get glutamine".

Read as a food asked about, the fish in "if you don't eat fish" got "Yes: a checked source lists fish
and seafood among the foods that provide omega-3", the one answer that person cannot use. A food
named right after words that exclude it (don't/never/can't eat, without, no, not, avoid) is left
out: the answer gives the recorded sources that are not that food or a kind of it, or says that
every recorded source is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Protocol

# words just before a food that leave it out (normalised text: "don't" is "don t")
_LEAVING_OUT: Final = re.compile(
    r"\b(((don t|dont|do not|doesn t|doesnt|does not|can t|cant|cannot|never|won t|wont|no longer|stopped|"
    r"avoid|avoiding|allergic to) (eat|eating|have|having|drink|drinking|like|touch|do|take)( any)?)|"
    r"avoid|avoiding|without|no|not|except|allergic to|other than|instead of)$"
)


# Someone who does not eat meat most often eats no poultry or fish either: those are left out too, and
# the answer names them, so a pescatarian reads what was left out rather than a silent guess.
_ALSO_LEFT_OUT: Final = {"meat": ("poultry", "fish-and-seafood")}


class _Mention(Protocol):
    @property
    def entity_id(self) -> str: ...
    @property
    def start(self) -> int: ...


def left_out_foods(words: list[str], mentions: Iterable[_Mention], foods: Iterable[str]) -> list[str]:
    """The foods (ids in `foods`, the question's food entities) named right after words that leave
    them out, in the order named."""
    wanted = set(foods)
    out: list[str] = []
    for mention in mentions:
        if mention.entity_id in wanted and mention.entity_id not in out:
            before = " ".join(words[max(0, mention.start - 5) : mention.start])
            if _LEAVING_OUT.search(before):
                out.append(mention.entity_id)
                out.extend(x for x in _ALSO_LEFT_OUT.get(mention.entity_id, ()) if x not in out)
    return out
