"""The sentences of one substance's own safety and use records that mention a word.

A word suppwise has no entity for ("is it ok to drink alcohol with St John's wort", "vitamin D with
calcium tablets") may still appear in the records about the supplement: melatonin's advice says
alcohol makes it work less well. Quoting those sentences answers from the records instead of only
saying "I don't recognise"; finding none is worth saying too, because it tells the person that the
base holds nothing on it rather than leaving them to read silence as "no warning".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache
from typing import Final, NamedTuple

from suppwise.evidence.base import EvidenceBase
from suppwise.questions.common_words import COMMON_WORDS
from suppwise.safety.populations import record_populations

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
# what is taken beside the supplement: "with alcohol", "and a glass of wine", "drink alcohol", "calcium
# tablets with": a thing the person would combine with it, not any word suppwise does not know
# ("GABA levels", "a history of mania")
_BESIDE = r"(with|and|plus|alongside|drink|drinking|drinks|eat|eating)( (a|an|some|my|the|glass of|cup of|bit of))*"


# The two ways of naming a thing taken beside, read around each place the term stands, so that no
# pattern is compiled per term (a question's unknown words are new to the process: compiling
# `\b{beside} {term}\b|\b{term}( tablets| drinks?| supplements?)? with\b` for each cost about 0.5 ms).
_BESIDE_BEFORE = re.compile(rf"\b{_BESIDE} \Z")
_WITH_AFTER = re.compile(r"( tablets| drinks?| supplements?)? with\b")
_BOUNDARY = re.compile(r"\b")


# Drinks that are alcohol. The records name alcohol, never a drink ("Alcohol and smoking make it work
# less well"), so "a glass of red wine with melatonin" is looked up as alcohol. Not "spirits", which
# is also mood ("in low spirits"), nor the drinks named like them that hold none (ginger beer, root beer,
# apple cider, cider vinegar).
_ALCOHOL_DRINKS = re.compile(
    r"\b((?:red |white |rose |mulled )?wine|(?<!ginger )(?<!root )beers?|lagers?|(?<!apple )ciders?(?! vinegar)|"
    r"vodka|gin|whiske?y|rum|prosecco|champagne|booze|cocktails?|(?<!non )alcoholic drinks?)\b"
)
ALCOHOL: Final = "alcohol"


def alcohol_drink(normalised: str) -> str | None:
    """The alcoholic drink a (normalised) question names, as written ("red wine"), or None."""
    found = _ALCOHOL_DRINKS.search(normalised)
    return found.group(1) if found else None


def looked_up_as(term: str) -> str:
    """The word the records use for `term`: "alcohol" for a drink that is alcohol, else the term."""
    return ALCOHOL if _ALCOHOL_DRINKS.fullmatch(term.lower()) else term


def taken_beside(normalised: str, term: str) -> bool:
    """True when the (normalised) question names `term` as something taken with the supplement; a
    short or everyday word ("low" in "PCOS and low vitamin D") is never taken to be one.

    The term's whole-word matches are `"drink " + term` (a word of `_BESIDE` then the term, ending at a
    word boundary) or `term + " with"` (the term starting at a word boundary): each place the term
    stands is tested for the words before it and after it."""
    if len(term) < 4 or term.lower() in COMMON_WORDS:
        return False
    word = term.lower()
    at = normalised.find(word)
    while at >= 0:
        end = at + len(word)
        if _BOUNDARY.match(normalised, end) and _BESIDE_BEFORE.search(normalised[:at]):
            return True
        if _BOUNDARY.match(normalised, at) and _WITH_AFTER.match(normalised, end):
            return True
        at = normalised.find(word, at + 1)
    return False


class RecordText(NamedTuple):
    """One text of a record: what it is about when not the supplement alone, and its sources."""

    about: str
    text: str
    sources: tuple[str, ...]


class Quote(NamedTuple):
    """A sentence quoted from a record, with the sources to cite for it."""

    text: str
    sources: tuple[str, ...]


def record_texts(base: EvidenceBase, substance: str) -> Iterator[RecordText]:
    """The texts a person acts on, most practical first, each with what it is about when that is
    not the supplement alone (an interaction's medicine, a warning's condition), so that a quoted
    sentence ("Avoid the combination") says which: how to take it, the usual dose and its advice,
    the general guidance, the side effects, then the warnings with what to do."""
    for advice in base.for_substance(base.administration, substance):
        yield RecordText("", advice.advice, advice.sources)
    for dosing in base.for_substance(base.dosing, substance):
        yield RecordText("", dosing.standard_dose, dosing.sources)
        for line in dosing.guidance:
            yield RecordText("", line, dosing.sources)
    for guidance in base.for_substance(base.guidance, substance):
        yield RecordText("", guidance.text, guidance.sources)
    for effect in base.for_substance(base.side_effects, substance):
        for part in (effect.effect, effect.frequency, effect.note):
            if part:
                yield RecordText("", part, effect.sources)
    for interaction in base.for_substance(base.interactions, substance):
        text = f"{interaction.mechanism} {interaction.management}"
        yield RecordText(base.name(interaction.drug), text, interaction.sources)
    for contraindication in base.for_substance(base.contraindications, substance):
        yield RecordText(base.name(contraindication.condition), contraindication.reason, contraindication.sources)


def stage_texts(base: EvidenceBase, substance: str, stages: Collection[str] | None = None) -> Iterator[RecordText]:
    """Its records for stages of life (children, pregnancy, breastfeeding, older adults), each led by
    the stage it is about; with `stages`, only those for the stages named. Melatonin's record for
    children names ADHD: "how much melatonin for a 10 year old with adhd" must find it there."""
    for record in base.for_substance(base.populations, substance):
        if stages is None or record_populations(record.population) & set(stages):
            yield RecordText(record.population, record.reason, record.sources)


def quotes(record: RecordText) -> list[Quote]:
    """A record text's sentences, each led by what the record is about when that is not the
    supplement alone ("Warfarin: Tell the anticoagulation clinic ...")."""
    return [Quote(f"{record.about}: {x}" if record.about else x, record.sources) for x in sentences(record.text)]


def sentences(text: str) -> list[str]:
    """A record text cut into its sentences, each ending with a full stop."""
    return [
        x if x.endswith((".", "!", "?")) else x.rstrip(";:,") + "." for x in _SENTENCE_END.split(" ".join(text.split()))
    ]


@lru_cache(maxsize=512)
def naming(word: str) -> re.Pattern[str]:
    """`word` as a whole word, a plural "s" either way ("tablets" finds "tablet"); a hyphen joins
    words, so "harm" is not found in "self-harm". One final "s" is dropped, not all: "loss" stripped
    to "lo" never found "weight-loss"."""
    return re.compile(rf"(?<![\w-]){re.escape(word.lower().removesuffix('s'))}s?(?![\w-])")


def everything_recorded(base: EvidenceBase, substance: str) -> list[RecordText]:
    """Its description, its records (warnings included, `record_texts`), then what its studies found."""
    entity = base.entities[substance]
    return [
        RecordText("", entity.description or "", ()),
        *record_texts(base, substance),
        *stage_texts(base, substance),
        *(RecordText("", f.summary, f.sources) for f in base.findings_by_subject.get(substance, ())),
    ]


def sentences_mentioning(
    base: EvidenceBase, substance: str, word: str, *, limit: int = 2, stages: Collection[str] = ()
) -> list[Quote]:
    """Up to `limit` whole sentences of the substance's own records (not its warnings about one
    medicine or condition) naming `word` (`naming`), each once, in record order; then those of its
    records for the stages of life in `stages`, the ones the question places the person in."""
    pattern = naming(word)
    found: list[Quote] = []
    # a warning about one medicine or condition ("Levothyroxine: magnesium, like calcium and iron,
    # binds it") would answer a question the person did not ask; a stage of life named is asked about
    own = (record for record in record_texts(base, substance) if not record.about)
    for record in (*own, *(stage_texts(base, substance, stages) if stages else ())):
        for quote in quotes(record):
            if pattern.search(quote.text.lower()) and quote.text not in {x.text for x in found}:
                found.append(quote)
                if len(found) == limit:
                    return found
    return found


def mentioned_anywhere(base: EvidenceBase, substance: str, word: str) -> bool:
    """Whether anything recorded about the substance names `word`: its description, its records
    (warnings included) and its findings. Only when nothing does may an answer say so."""
    pattern = naming(word)
    return any(pattern.search(record.text.lower()) for record in everything_recorded(base, substance))


def sentences_anywhere(base: EvidenceBase, substance: str, word: str, *, limit: int = 2) -> list[Quote]:
    """Up to `limit` sentences naming `word` in anything recorded about the substance (description,
    records with their warnings, findings), each once: for a measure the base has no study of
    ("blood pressure"), where a warning is the very thing to quote."""
    pattern = naming(word)
    found: list[Quote] = []
    for record in everything_recorded(base, substance):
        for quote in quotes(record):
            if pattern.search(quote.text.lower()) and quote.text not in {x.text for x in found}:
                found.append(quote)
                if len(found) == limit:
                    return found
    return found
