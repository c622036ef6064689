"""The fixed question set the `ask` benchmark times.

Why templates: the same 30 questions must hit entities in the bundled base and in the synthetic
one, where replica k renames "fibro" to "fibroxk". A `{phrase}` slot names an entity (name,
synonym, abbreviation or a deliberate typo); on a synthetic base each slot gets the replica suffix
fused to its last word, so the question keeps its words, its grammar and its intent.

The set covers every intent the parser knows, typos, and an unknown substance (whose answer
searches the whole lexicon for "did you mean", the costliest path on a large base).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from synthetic import name_suffix

# Questions naming something the evidence base does not hold: their answer is a clear "not
# found" (SUBSTANCE_NOT_FOUND, CONDITION_NOT_FOUND), never a verdict.
MEANT_TO_MISS: tuple[str, ...] = (
    "Does ashwagandha help {fibromyalgia}?",
    "Is kratom safe with {gabapentin}?",
    "Does {glutamine} help lupus?",
)

TEMPLATES: tuple[str, ...] = (
    # effect, with direction and condition
    "Does {glutamine} increase {pain} in {fibromyalgia}?",
    "What does {glutamine} do for {depression}?",
    "Does {L-glutamine} help {fibro}?",
    "Can {glutamine} make {IBS} worse?",
    "Does {MSG} worsen {pain} in {fibromyalgia}?",
    "Does {omega-3} improve {mood} in {depression}?",
    "Do {probiotics} help {anxiety}?",
    "Does {vitamin D} reduce {fatigue} in {chronic fatigue syndrome}?",
    # cure, mechanism
    "Can {glutamine} cure {leaky gut}?",
    "How does {glutamine} affect {brain fog}?",
    # safety, interaction
    "Is {glutamine} safe in {bipolar disorder}?",
    "Is {glutamine} safe with {lamotrigine}?",
    "Does {glutamine} interact with {anticonvulsants}?",
    "Can I take {glutamine} with my {chemo}?",
    # side effects, dosing, administration, food sources
    "What are the side effects of {glutamine}?",
    "How much {glutamine} should I take?",
    "Is {glutamine} better taken with meals or on an empty stomach?",
    "Which foods contain {glutamine}?",
    # comparison, alternatives, definition, resources
    "{glutamine} vs {probiotics} for {IBS}",
    "What are the alternatives to {glutamine} for {depression}?",
    "Is {glutamine} the same as {glutamate}?",
    "Where can I find reliable information about {glutamine}?",
    # typos and abbreviations
    "Does {glutamin} help {fibromialgia}?",
    "Is {L-glutamne} safe with {lamotrigene}?",
    "Does {fish oil} help {low mood}?",
    "Does {Gln} worsen {migraine}?",
    # unknown substance or condition: no verdict, a "did you mean" search instead
    *MEANT_TO_MISS,
    # a long, chatty question
    "I have {fibromyalgia} and {IBS} and I'm on {pregabalin}; would {glutamine} powder make my {pain} worse?",
)

_SLOT = re.compile(r"\{([^{}]+)\}")


def render(template: str, suffix: str = "") -> str:
    """The question with every `{phrase}` slot filled, each phrase given `suffix`."""
    return _SLOT.sub(lambda match: match.group(1) + suffix, template)


def question_set(replica_of: Callable[[int], int] | None = None) -> list[str]:
    """The questions as asked of the bundled base (no `replica_of`), or of a synthetic base where
    question i names the entities of replica `replica_of(i)`."""
    if replica_of is None:
        return [render(t) for t in TEMPLATES]
    return [render(t, name_suffix(replica_of(i))) for i, t in enumerate(TEMPLATES)]


def spread_replicas(factor: int) -> Callable[[int], int]:
    """Question i asks about a replica far from question i-1's, so no replica's records stay hot."""
    if factor <= 1:
        return lambda _index: 0
    return lambda index: 1 + (index * 37) % (factor - 1)
