"""Which of a question's unknown names an answer must not pass over in silence.

The parser reports every leftover word in a name's slot as unrecognised ("fridge" in "keep it in the
fridge", "max" in "max dose"); most answers rightly leave such words alone. Two slots are different,
because there the word changes what a careful answer says and silence reads as if it had been taken
into account (issue 12 §2; the try-out of 4 December 2026):

- a condition or stage of life told just before the symptom graded ("b6 for pms mood swings",
  "saffron for menopause low mood"): the verdict is on the symptom in general, not in it;
- a drink or food taken beside the supplement ("saffron with grapefruit juice", "drink wine on St
  John's wort"): the question hinges on it.
"""

from __future__ import annotations

import re

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.questions.common_words import BODY_PARTS, COMMON_WORDS
from suppwise.questions.parse import Query

_SYMPTOM_KINDS = frozenset({EntityKind.OUTCOME, EntityKind.CONDITION})
# the words a condition may stand after when it qualifies the symptom: "for pms", "in menopause",
# "help menopause mood", or the message's start ("perimenopause tiredness, would b12 help")
_BEFORE = frozenset({"for", "in", "during", "with", "through", "help", "helps", "ease", "my", "her", "and"})
# words that may stand between the condition and the symptom it qualifies: "menopause joint pain"
_GAP = 2


# what is taken beside it, said before the name: "with grapefruit juice", "drink wine on it", "a glass of
# cider with it" ("mess with", "clash with" and "pins and needles" put the word elsewhere)
_TAKEN = re.compile(
    r"\b(with|alongside|drink|drinks|drinking|eat|eats|eating)( (a|an|some|my|the|glass of|cup of|bit of|pint of|"
    r"bottle of))*$"
)
# a way of eating, not a thing taken: "with the fodmap diet", "done with the fodmap thing"
_REGIMES = frozenset({"diet", "diets", "meal", "meals", "plan", "thing", "stuff"})


def beside_terms(query: Query) -> list[str]:
    """The unknown names the question takes beside the supplement (a drink, a food)."""
    words = query.normalised.split()
    found = []
    for term in query.unrecognised:
        if " " in term or term not in words or _describes(term):
            continue
        at = words.index(term)
        regime = at + 1 < len(words) and words[at + 1] in _REGIMES
        if _TAKEN.search(" ".join(words[max(0, at - 4) : at])) and not regime:
            found.append(term)
    return found


def _describes(word: str) -> bool:
    """A word English also uses as an adjective ("chronic", "fatty", "period") describes the thing
    beside it rather than naming a condition or a food of its own."""
    from lemminflect import getAllLemmas  # loaded on first use only

    return "ADJ" in getAllLemmas(word)


def qualifying_terms(base: EvidenceBase, query: Query) -> list[str]:
    """The unknown names told just before a symptom or condition the question names, in the slot of
    the condition it is had in ("pms" in "for pms mood swings")."""
    words = query.normalised.split()
    starts = {m.start for m in query.mentions if base.entities[m.entity_id].kind in _SYMPTOM_KINDS}
    found = []
    for term in query.unrecognised:
        parts = term.split()
        at = next((i for i in range(len(words)) if words[i : i + len(parts)] == parts), None)
        if at is None or (at > 0 and words[at - 1] not in _BEFORE) or _describes(parts[-1]):
            continue
        after = at + len(parts)
        gap = next((k for k in range(_GAP + 1) if after + k in starts), None)
        if gap is None or any(w not in BODY_PARTS and w in COMMON_WORDS for w in words[after : after + gap]):
            continue
        found.append(term)
    return found
