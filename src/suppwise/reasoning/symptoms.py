"""Opposite symptoms: why a laxative's diarrhoea is not evidence that it worsens constipation.

The base files every bowel complaint under one outcome, gut symptoms, so a recorded side effect
"diarrhoea" votes as harm on gut symptoms. That is right for "does magnesium upset the stomach?"
and wrong for "does magnesium help constipation?": loose stools are the opposite of the complaint
asked about, and if anything the same action that eases it. Likewise a trial that eased
diarrhoea-type IBS says nothing about easing constipation. When a question names one side of such
a pair, evidence about the other side is set aside rather than counted, and evidence about a third
complaint (nausea) is not evidence about the one named either. Only the symptom pairs below are
read; every other question is graded as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Relation(StrEnum):
    """How a piece of evidence stands to the symptom a question names."""

    SAME = "same"  # it names the symptom asked about: it counts
    OPPOSITE = "opposite"  # it names only the opposite symptom: set aside, and said so
    OTHER = "other"  # it names neither: about another complaint, not counted for this one


@dataclass(frozen=True)
class Symptom:
    """One side of an opposite pair, with the words people and records use for it."""

    name: str
    opposite: str
    outcome: str  # the outcome the base files both sides under
    words: re.Pattern[str]
    # whether verdicts weigh evidence by it; mood's pair is used only to match side-effect records,
    # since mania in bipolar disorder is a harm a verdict on mood must keep hearing
    in_verdicts: bool = True


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(" + "|".join(phrases) + r")(?![\w])", re.IGNORECASE)


# Bowel habit is the pair the base's records split: magnesium's and 5-HTP's diarrhoea against
# glutamine's constipation, and a trial in diarrhoea-type IBS against questions on IBS-C.
SYMPTOMS: Final[dict[str, Symptom]] = {
    s.name: s
    for s in (
        Symptom(
            "constipation",
            "diarrhoea",
            "gut-symptoms",
            _words(
                r"constipat\w*",
                r"ibs[ -]?c",
                r"hard (?:stools?|poos?)",
                r"can'?t (?:poo|go to the toilet)",
                r"blocked up",
                r"bunged up",
            ),
        ),
        Symptom(
            "diarrhoea",
            "constipation",
            "gut-symptoms",
            _words(
                r"diarrh\w*",
                r"loose (?:stools?|bowels?|poos?)",
                r"runny (?:stools?|poos?)",
                r"watery stools?",
                r"the runs",
                r"ibs[ -]?d",
            ),
        ),
        # a record of mania or hypomania is no answer to "can it cause depression", nor the reverse
        Symptom(
            "depression",
            "mania",
            "mood",
            _words(r"depress\w*", r"low mood", r"feel(ing)? (low|down)"),
            in_verdicts=False,
        ),
        Symptom("mania", "depression", "mood", _words(r"mani(a|c|cs)", r"hypomani(a|c)"), in_verdicts=False),
    )
}


def asked_symptom(text: str, outcome: str) -> Symptom | None:
    """The one symptom of a pair the question names ("does magnesium help constipation") when the
    verdict is on the outcome it is filed under; None when it names none, or both ("IBS with
    constipation and diarrhoea"), since then both sides count."""
    named = [s for s in SYMPTOMS.values() if s.in_verdicts and s.outcome == outcome and s.words.search(text)]
    return named[0] if len(named) == 1 else None


def misses_the_symptom(text: str, described: str, outcome: str) -> bool:
    """Whether a record described by `described` fails to name a symptom of a pair that the (folded)
    question names: "mania or hypomania" (its opposite) for "can SAMe cause depression", "nausea and
    stomach pain" (another complaint) for "can green tea extract cause diarrhoea". Only a record
    filed under the pair's own `outcome` can miss it: restlessness (anxiety symptoms) still answers
    "does it cause anxiety in depression"."""
    return any(
        s.outcome == outcome and s.words.search(text) and relation(s, described) is not Relation.SAME
        for s in SYMPTOMS.values()
    )


# An IBS subtype named for its bowel habit ("IBS-C", "diarrhoea-predominant") is a condition, not one
# symptom: its other gut complaints (nausea, bloating) still count; only the opposite habit is set aside.
_SUBTYPE = re.compile(r"(?<![\w])(ibs ?[cd]|ibs[cd]|(constipation|diarrh\w*)[ -](predominant|type))(?![\w])")


def names_a_subtype(text: str) -> bool:
    """Whether the (folded) question names an IBS subtype rather than the symptom alone."""
    return _SUBTYPE.search(text) is not None


def relation(symptom: Symptom, described: str) -> Relation:
    """How evidence described by `described` (a side effect's wording, a subgroup's name) stands to
    the symptom asked about: naming it counts even beside its opposite ("diarrhoea, constipation or
    other bowel upset" can be either)."""
    if symptom.words.search(described):
        return Relation.SAME
    if SYMPTOMS[symptom.opposite].words.search(described):
        return Relation.OPPOSITE
    return Relation.OTHER


def named_symptoms(text: str) -> list[str]:
    """The symptoms of the pairs that the (folded) question names, by their names ("diarrhoea" for
    "does it give you the runs"), for an answer that says which one is or is not recorded."""
    return [s.name for s in SYMPTOMS.values() if s.words.search(text)]
