"""A usual-dose answer led by the dose, not by conditions the question never named.

Three dose records open with what is missing for the product's own conditions: "There is no
established dose for fibromyalgia or depression." A gym-goer asking "how many grams of glutamine
should i take after the gym" and a student asking "how many melatonin is possible for take in one
night" were answered first about fibromyalgia and depression, which neither named (sixth try-out, 6
December 2026), and the amount they asked for came second. When the question names no condition or
symptom, that opening sentence moves to the end: nothing is dropped, and the person asked about
fibromyalgia still reads it first.
"""

from __future__ import annotations

import re
from typing import Final

from suppwise.questions.record_mentions import sentences

# "There is no established dose for ...", "There is no standard or recommended dose of glutamine for ..."
# (the conditions are the words after "for"; "no agreed dose: ... quoted for consumers" is no such sentence)
_NO_DOSE_FOR: Final = re.compile(
    r"^There is no [\w ]*?\bdose (of [\w-]+( [\w-]+)? )?for (?P<conditions>[^.;]+)", re.IGNORECASE
)


def dose_first(standard_dose: str, *, names_a_setting: bool) -> str:
    """`standard_dose` with an opening "no dose for <conditions>" sentence moved last, when the
    question names no condition or symptom (`names_a_setting` False), more follows it, and the
    sentence that would lead does not name those conditions itself."""
    said = sentences(standard_dose)
    opening = _NO_DOSE_FOR.match(said[0]) if said else None
    if names_a_setting or len(said) < 2 or opening is None:
        return standard_dose
    # moved only when what would lead is not about those conditions too (vitamin D's next sentence is
    # "The fibromyalgia trial adjusted the dose ...": leading with it would gain nothing)
    conditions = {w for w in re.findall(r"[a-z]{4,}", opening["conditions"].lower()) if w not in _LIST_WORDS}
    if conditions & set(re.findall(r"[a-z]{4,}", said[1].lower())):
        return standard_dose
    return " ".join([*said[1:], said[0]])


_LIST_WORDS: Final = frozenset({"other", "medical", "use", "uses", "with"})


# What the dose records call an upper level when they restate it ("The adult tolerable upper intake level is 4,000 IU").
UPPER_LEVEL: Final = "tolerable upper intake level"
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def dose_sentences(text: str) -> list[str]:
    """A dose record's sentences as written (`sentences` would end a clause at a semicolon with a full stop)."""
    return _SENTENCE_END.split(text)


def without_limit(standard_dose: str, label: str = UPPER_LEVEL) -> str:
    """`standard_dose` without its sentences that name the limit by `label`, for an answer that led with that
    limit: the vitamin D answer said the 4,000 IU upper level twice, in the lead and in the record."""
    return " ".join(s for s in dose_sentences(standard_dose) if label.lower() not in s.lower())
