"""A symptom the base lacks, asked about inside a condition it knows.

"Does magnesium do anything for fibro cramps" names fibromyalgia and cramps of a muscle, which the
base has no entity for. The answer took fibromyalgia's own measure and said "Yes: the evidence leans
towards magnesium improving pain in fibromyalgia" (sixth try-out, 6 December 2026): a yes to a
question not asked, with the word asked about never mentioned. When the symptom slot of the question
("for <condition> X", "help X") holds a name the base lacks and no outcome is named, the answer says
so first and gives the verdict on the condition's measure without the yes or no.
"""

from __future__ import annotations

import re


def unknown_goals(normalised: str, unrecognised: tuple[str, ...] | list[str]) -> list[str]:
    """The names the base lacks that stand where the question's goal is: after "for", "help" or
    "with", allowing a possessive and one word of a condition between ("for my fibro cramps")."""
    spaced = f" {normalised} "
    found = []
    for term in unrecognised:
        slot = rf" (for|help|helps|helped|with|ease|eases|relieve|relieves) (my |his |her |their |the )?(\w+ )?{re.escape(term)} "
        if re.search(slot, spaced):
            found.append(term)
    return found


def unknown_goal_sentence(terms: list[str], substance: str, measured: str) -> str:
    """ "I don't recognise 'cramps'; ..." before the verdict on the measure the base has."""
    quoted = ", ".join(f"'{t}'" for t in terms[:2])
    return (
        f"I don't recognise {quoted}, so the evidence base has no verdict on {substance} for it; "
        f"what it records is on {measured}."
    )
