"""A dose asked for a stage of life: "how much vitamin D should a 4 year old have", "what's the dose
of omega 3 in pregnancy", "how much melatonin for a 10 year old".

The dose records of the base are written for adults and for the conditions studied ("There is no
established dose for fibromyalgia or depression ..."). Given as the answer to a parent asking about
a four-year-old, that text reads as if it were the child's dose. When the question places the
person in a stage of life the supplement has a record for (children, pregnancy, breastfeeding,
older adults), that record is the answer: the answer opens with its first sentence (the safety
lead), so the rest of it follows here, where children's limits and licensed doses usually are.
Then the answer says plainly that the base holds no other dose for that stage; for a child it does
not go on to adult amounts at all, for an adult stage it gives the adult record as "for adults in
general".
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import mid_sentence
from suppwise.questions.record_mentions import sentences
from suppwise.safety.populations import record_populations


class StageDose(NamedTuple):
    """The population record a dose question's stage of life reaches."""

    stage: str  # the record's population, as the base names it ("Children and adolescents")
    child: bool
    rest: tuple[str, ...]  # its sentences after the first, which the answer's lead already gives
    sources: tuple[str, ...]


def stage_dose(base: EvidenceBase, substance: str, populations: Collection[str]) -> StageDose | None:
    """The substance's first population record for a stage of life the question names, if any."""
    if not populations:
        return None
    for record in base.for_substance(base.populations, substance):
        named = record_populations(record.population) & set(populations)
        if named:
            rest = tuple(sentences(record.reason)[1:])
            return StageDose(record.population, "children" in named, rest, record.sources)
    return None


def stage_dose_sentence(dose: StageDose, subject: str, adult: str) -> str:
    """The dose answer for a stage of life: the rest of its record, then that the base holds no
    other dose for it; `adult` (the usual dose, or the limit asked about) follows only for an adult
    stage, said to be for adults in general."""
    who = mid_sentence(dose.stage)
    said = " ".join(dose.rest)
    said = f"{said} " if said else ""
    if dose.child:
        return (
            f"{said}The evidence base holds no other dose of {subject} for {who}: the amounts in its dose "
            "record are for adults, and a child's amount is for the child's doctor to set."
        )
    return f"{said}The evidence base holds no other dose of {subject} for {who}. For adults in general: {adult}"
