"""Conditions a side-effect question tells as the person's own, not as the effect asked about.

"Does glutamine cause anxiety in people with IBS?" asks about anxiety; IBS is who takes it. "Side
effects of saffron for someone with bipolar" asks for the list, for a person with bipolar disorder.
Read as effects asked about, both got "Irritable bowel syndrome is not among the side effects
recorded", which answers a question nobody asked. A condition is told as the person's own when
the words just before it say whose it is: "with", "have", "has", "if you have", "people with",
"someone with", "in people with". "Can melatonin cause depression?" has none of them, and there
depression stays the effect asked about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Protocol

# the words just before a condition that make it the person's own (normalised text, up to 3 words)
_OWNER: Final = re.compile(
    r"\b(with|have|has|having|had|got|diagnosed with|suffer from|suffers from|living with|sufferers?|"
    r"with my|with his|with her|with their|have got|has got)$"
)


class _Mention(Protocol):
    @property
    def entity_id(self) -> str: ...
    @property
    def start(self) -> int: ...


def told_conditions(words: list[str], mentions: Iterable[_Mention], conditions: Iterable[str]) -> set[str]:
    """The named conditions (ids in `conditions`) whose mention follows words that make them the
    person's own ("in people with IBS", "if you have IBS", "someone with bipolar")."""
    wanted = set(conditions)
    told: set[str] = set()
    for mention in mentions:
        if mention.entity_id in wanted:
            before = " ".join(words[max(0, mention.start - 3) : mention.start])
            if _OWNER.search(before):
                told.add(mention.entity_id)
    return told
