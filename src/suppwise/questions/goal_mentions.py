"""What a supplement's records say of a goal the base grades no verdict for.

"Does green tea extract burn fat" asks about overweight and obesity, which the base holds as a
condition with no symptom measure, so the answer says there is no graded verdict and that none of its
warnings is about the condition. Its records still speak of the goal: concentrated extracts "in
weight-loss blends" have caused serious liver injury (sixth try-out, 6 December 2026). Left unsaid,
"none of the warnings is about it" reads as reassurance about the very products the person means, so
the sentences naming the goal are quoted.
"""

from __future__ import annotations

from suppwise.evidence.base import EvidenceBase
from suppwise.questions.record_mentions import Quote, sentences_mentioning


def goal_sentences(base: EvidenceBase, substance: str, condition: str, *, limit: int = 1) -> list[Quote]:
    """Up to `limit` sentences of the substance's own records (advice, guidance, side effects: what a
    person acts on, not its description) naming the condition by a name of two or more words (a single
    word like "obese" is too loose to quote on), written with spaces or hyphens."""
    entity = base.entities[condition]
    names = [n.lower() for n in (entity.name, *entity.synonyms) if " " in n]
    found: list[Quote] = []
    for name in names:
        for word in dict.fromkeys((name, name.replace(" ", "-"))):
            for quote in sentences_mentioning(base, substance, word, limit=limit):
                if quote.text not in {x.text for x in found}:
                    found.append(quote)
                if len(found) == limit:
                    return found
    return found
