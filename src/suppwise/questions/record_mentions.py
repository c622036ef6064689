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
from suppwise.questions.common_words import COMMON_WORDS

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
# what is taken beside the supplement: "with alcohol", "and a glass of wine", "drink alcohol", "calcium
# tablets with": a thing the person would combine with it, not any word suppwise does not know
# ("GABA levels", "a history of mania")
_BESIDE = r"(with|and|plus|alongside|drink|drinking|drinks|eat|eating)( (a|an|some|my|the|glass of|cup of|bit of))*"


def taken_beside(normalised: str, term: str) -> bool:
    """True when the (normalised) question names `term` as something taken with the supplement; a
    short or everyday word ("low" in "PCOS and low vitamin D") is never taken to be one."""
    if len(term) < 4 or term.lower() in COMMON_WORDS:
        return False
    word = re.escape(term.lower())
    return bool(re.search(rf"\b{_BESIDE} {word}\b|\b{word}( tablets| drinks?| supplements?)? with\b", normalised))


def record_texts(base: EvidenceBase, substance: str) -> Iterator[tuple[str, str]]:
    """The texts a person acts on, most practical first, each with what it is about when that is
    not the supplement alone (an interaction's medicine, a warning's condition), so that a quoted
    sentence ("Avoid the combination") says which: how to take it, the usual dose and its advice,
    the general guidance, the side effects, then the warnings with what to do."""
    for advice in base.for_substance(base.administration, substance):
        yield "", advice.advice
    for dosing in base.for_substance(base.dosing, substance):
        yield "", dosing.standard_dose
        for line in dosing.guidance:
            yield "", line
    for guidance in base.for_substance(base.guidance, substance):
        yield "", guidance.text
    for effect in base.for_substance(base.side_effects, substance):
        for part in (effect.effect, effect.frequency, effect.note):
            if part:
                yield "", part
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
    """Up to `limit` whole sentences of the substance's own records (not its warnings about one
    medicine or condition) naming `word` (a plural "s" either way: "tablets" finds "tablet"), each
    once, in record order."""
    stem = re.escape(word.lower().rstrip("s"))
    # a hyphen joins words: "harm" is not found in "self-harm"
    pattern = re.compile(rf"(?<![\w-]){stem}s?(?![\w-])")
    found: list[str] = []
    for about, text in record_texts(base, substance):
        if about:
            # a warning about one medicine or condition ("Levothyroxine: magnesium, like calcium and
            # iron, binds it") would answer a question the person did not ask
            continue
        for sentence in sentences(text):
            if pattern.search(sentence.lower()) and sentence not in found:
                found.append(sentence)
                if len(found) == limit:
                    return found
    return found


def mentioned_anywhere(base: EvidenceBase, substance: str, word: str) -> bool:
    """Whether anything recorded about the substance names `word`: its description, its records
    (warnings included) and its findings. Only when nothing does may an answer say so."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word.lower().rstrip('s'))}s?(?![\w-])")
    entity = base.entities[substance]
    texts = [entity.description or "", *(t for _, t in record_texts(base, substance))]
    texts += [f.summary for f in base.findings_by_subject.get(substance, ())]
    return any(pattern.search(t.lower()) for t in texts)
