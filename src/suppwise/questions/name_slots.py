"""When an everyday word is a name typed in lower case: "is same safe with my sertraline" asks about
SAMe, "is it the same as glutamine" does not. The base lists such names with their capitals
("SAMe"), and the lexicon reads them as written (`vocabulary._case_marks_a_name`); people type
them in lower case too. The word is then read as the name only in a name's slot, by the grammar
around it, never by the question's topic:

- the adjective "same" follows a determiner ("the same", "that same", "it's same"); a name does not;
- a name is followed by what follows a noun that is a subject or an object: a verb ("same helps",
  "does same worsen", "can same lift my mood"),
  a conjunction joining another thing ("same and 5-HTP"), a preposition of use ("same for low mood",
  "same with my sertraline"); the adjective by a noun it describes ("same time", "same dose") or by
  "as", "here", "again";
- at the end of a clause a name needs a verb of taking before it ("should I try same");
- first in a message, "same with me", "same for my mum", "same, is it safe" are the reply idiom, so
  only a stricter set of followers counts there ("same and 5-htp together?").

Pronoun names ("ME", "HE") are never read in lower case: their everyday word is far too common.
"""

from __future__ import annotations

from collections.abc import Sequence

PRONOUNS = frozenset({"me", "he", "i", "it", "us", "we", "you", "she", "him", "her", "them", "they"})

_DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "a", "an", "its", "it", "exactly", "very", "all", "one", "same"}
)
# Words that follow a name used as a subject or an object.
_FOLLOWERS = frozenset(
    """is was safe ok okay with and or vs versus for help helps helped work works worked cause causes
    caused interact interacts interacted supplement supplements tablet tablets pill pills capsules
    really actually any worth good bad better make makes made do does did trigger triggers give gives
    gave raise raises lower lowers affect affects alongside together instead too if while when be
    been should can could would will might may dosage worsen worsens improve improves boost boosts lift
    lifts ease eases relieve relieves reduce reduces treat treats cure cures""".split()
)
# First in a message, only these: "same with ..." and "same for ..." there are the reply idiom.
_FIRST_FOLLOWERS = frozenset(
    """and or vs versus supplement supplements tablets pills capsules help helps work works safe ok
    okay dosage""".split()
)
# After "with" or "for", a person makes the idiom ("same with me", "same for my mum").
_PEOPLE = frozenset("me you us him her them mine everyone everybody all my".split())
# "same is true", "same or different", "same as ever".
_IDIOM_SECOND = frozenset({"true", "different", "similar", "the"})
_TAKING = frozenset(
    """take taking took takes try trying tried start starting started stop stopping stopped add adding
    added use using used on about with and or vs versus buy bought""".split()
)


def in_name_slot(words: Sequence[str], i: int) -> bool:
    """Whether the everyday word at `words[i]` (normalised, lower case) stands where a name would."""
    before = words[i - 1] if i > 0 else None
    after = words[i + 1] if i + 1 < len(words) else None
    second = words[i + 2] if i + 2 < len(words) else None
    if before in _DETERMINERS:
        return False
    if after is None:
        return before in _TAKING
    if second in _IDIOM_SECOND or (after in ("with", "for") and second in _PEOPLE):
        return False
    return after in (_FIRST_FOLLOWERS if before is None else _FOLLOWERS)
