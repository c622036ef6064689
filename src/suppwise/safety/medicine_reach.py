"""Which safety records a question's medicines reach, and how: the one rule shared by the answer's
lead (`questions/compose.py`) and the corpus's expected lead level (`questions/corpus_levels.py`),
so that the labels and the answers can never read the base two ways (docs/question-corpus.md,
section 7).

A medicine reaches its own records and its classes' records (Tegretol reaches the anticonvulsants'
record). A medicine *class* named also reaches every record about one of its members, conditionally:
"fish oil with blood thinners" must warn about warfarin, because the person may well take warfarin,
and the answer says so as "if one of your anticoagulants is warfarin". The class is what the person
named; which member they take is theirs to check, and the box in their hand tells them.

Conditions are not read this way: the base's narrower conditions are complications or stages
(hepatic encephalopathy within liver disease), which a person need not know they have, and the
broader condition carries its own record.
"""

from __future__ import annotations

from collections.abc import Iterable

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.schema import EntityKind

MEDICINE_KINDS = frozenset({EntityKind.DRUG, EntityKind.DRUG_CLASS})


def medicine_reach(base: EvidenceBase, named: Iterable[str]) -> dict[str, str | None]:
    """Every entity a record may be about that the named medicines reach, mapped to None when it is
    reached directly (the medicine itself or one of its classes) or to the named class it is reached
    through (a member of that class, or one of the member's own classes). A direct reach wins."""
    named = list(dict.fromkeys(named))
    reached: dict[str, str | None] = {}
    for entity_id in named:
        for ancestor in base.ancestors(entity_id):
            reached[ancestor] = None
    for entity_id in named:
        entity = base.entities.get(entity_id)
        if entity is None or entity.kind not in MEDICINE_KINDS:
            continue
        for member in base.members(entity_id):
            for target in base.ancestors(member):
                reached.setdefault(target, entity_id)
    return reached
