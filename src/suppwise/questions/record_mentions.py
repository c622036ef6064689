"""The sentences of one substance's own safety and use records that mention a word.

A word suppwise has no entity for ("is it ok to drink alcohol with St John's wort", "vitamin D with
calcium tablets") may still appear in the records about the supplement: melatonin's advice says
alcohol makes it work less well. Quoting those sentences answers from the records instead of only
saying "I don't recognise"; finding none is worth saying too, because it tells the person that the
base holds nothing on it rather than leaving them to read silence as "no warning".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from suppwise.evidence.base import EvidenceBase
from suppwise.questions.word_pattern import whole_words

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")


def record_texts(base: EvidenceBase, substance: str) -> Iterator[tuple[str, str]]:
    """The texts a person acts on, most practical first, each with what it is about when that is
    not the supplement alone (an interaction's medicine, a warning's condition), so that a quoted
    sentence ("Avoid the combination") says which: how to take it, the usual dose and its advice,
    the side effects, the general guidance, then the warnings with what to do."""
    for advice in base.for_substance(base.administration, substance):
        yield "", advice.advice
    for dosing in base.for_substance(base.dosing, substance):
        yield "", dosing.standard_dose
        for line in dosing.guidance:
            yield "", line
    for effect in base.for_substance(base.side_effects, substance):
        for part in (effect.effect, effect.frequency, effect.note):
            if part:
                yield "", part
    for guidance in base.for_substance(base.guidance, substance):
        yield "", guidance.text
    for interaction in base.for_substance(base.interactions, substance):
        yield base.name(interaction.drug), f"{interaction.mechanism} {interaction.management}"
    for contraindication in base.for_substance(base.contraindications, substance):
        yield base.name(contraindication.condition), contraindication.reason


def sentences(text: str) -> list[str]:
    """A record text cut into its sentences, each ending with a full stop."""
    return [
        x if x.endswith((".", "!", "?")) else x.rstrip(";:,") + "."
        for x in _SENTENCE_END.split(" ".join(text.split()))
    ]


def sentences_mentioning(base: EvidenceBase, substance: str, word: str, *, limit: int = 2) -> list[str]:
    """Up to `limit` whole sentences of the substance's records naming `word` (a plural "s" either
    way: "calcium" finds "calcium", "tablets" finds "tablet"), each once, in record order."""
    stem = re.escape(word.lower().rstrip("s"))
    pattern = whole_words(stem + "s?")
    found: list[str] = []
    for about, text in record_texts(base, substance):
        for sentence in sentences(text):
            said = f"{about}: {sentence}" if about else sentence
            if pattern.search(sentence.lower()) and said not in found:
                found.append(said)
                if len(found) == limit:
                    return found
    return found
