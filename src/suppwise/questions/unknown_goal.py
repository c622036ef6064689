"""A symptom the base lacks, asked about inside a condition it knows.

"Does magnesium do anything for fibro cramps" names fibromyalgia and cramps of a muscle, which the
base has no entity for. The answer took fibromyalgia's own measure and said "Yes: the evidence leans
towards magnesium improving pain in fibromyalgia" (sixth try-out, 6 December 2026): a yes to a
question not asked, with the word asked about never mentioned. When a name the base lacks is tied to
a condition the question names ("fibro cramps", "stiffness with my fibro", "muscle cramps in
fibromyalgia") and no outcome is named, the answer says so first and gives the verdict on the
condition's measure without the yes or no. A lacked word anywhere else ("a chap of 67 with ibs", "for
my dissertation") is left to the usual answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def unknown_goals(normalised: str, unrecognised: Iterable[str], condition_names: Iterable[str]) -> list[str]:
    """The names the base lacks that are said of a named condition: right after one of its names
    ("fibro cramps"), or before "in", "with" or "from" and one of them ("cramps in fibromyalgia")."""
    names = "|".join(re.escape(n) for n in sorted({n.lower() for n in condition_names if n}, key=len, reverse=True))
    if not names:
        return []
    spaced = f" {normalised} "
    found = []
    for term in unrecognised:
        t = re.escape(term)
        tied = rf" ({names}) {t} | {t} (in|with|from) (my |his |her |their |the )?({names}) "
        if re.search(tied, spaced):
            found.append(term)
    return found


def unknown_goal_sentence(terms: list[str], substance: str, measured: str) -> str:
    """ "I don't recognise 'cramps'; ..." before the verdict on the measure the base has."""
    quoted = ", ".join(f"'{t}'" for t in terms[:2])
    return (
        f"I don't recognise {quoted}, so the evidence base has no verdict on {substance} for it; "
        f"what it records is on {measured}."
    )
