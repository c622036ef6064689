"""The caution level a labelled corpus item should lead with, derived from the base's safety records
(docs/question-corpus.md, 'lead_level'). One definition shared by the corpus test, which fails when
labels go stale, and by `tools/relabel_for_base.py`, which brings them up to date: a label that
follows the records must never be decided twice in two ways."""

from __future__ import annotations

from collections.abc import Iterable

from suppwise.evidence import EvidenceBase
from suppwise.evidence.schema import EntityKind
from suppwise.safety.cautions import interaction_level
from suppwise.safety.medicine_reach import medicine_reach
from suppwise.safety.populations import record_populations

RANK = {"none": 0, "caution": 1, "avoid": 2}


def expected_lead_level(base: EvidenceBase, entities: Iterable[str], population: Iterable[str]) -> str | None:
    """The most severe level the named substances' safety records give the other things the item
    names, a class's members included; None when it names no substance (the guide's reading of the
    subject decides then)."""
    named = list(entities)
    substances = [e for e in named if base.entities[e].kind is EntityKind.SUBSTANCE]
    if not substances:
        return None
    # A medicine reaches its classes' records, and a class named reaches its members' records
    # ("blood thinners" reaches warfarin's): the answer leads with those too (safety/medicine_reach.py).
    # A medicine named also reaches the conditions it is prescribed for, as the answer reads it.
    reached = set(medicine_reach(base, named)) | set(base.implied_conditions(named, named))
    levels = ["none"]
    for substance in substances:
        contraindications = base.for_substance(base.contraindications, substance)
        levels += [r.level.value for r in contraindications if r.condition in reached]
        levels += [
            interaction_level(r.severity).value
            for r in base.for_substance(base.interactions, substance)
            if r.drug in reached
        ]
        # A population record reaches the corpus's population it speaks of, read as the answer reads
        # it ("Adults aged 55 and over" reaches older adults).
        named_populations = set(population)
        levels += [
            p.level.value
            for p in base.for_substance(base.populations, substance)
            if record_populations(p.population) & named_populations
        ]
    return max(levels, key=RANK.__getitem__)
