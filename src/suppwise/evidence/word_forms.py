"""Inflected forms of the words the evidence base names things with: "seizures" is the plural of
"seizure", "kidneys" of "kidney", "epileptics" of "epileptic", so a question that writes one form
finds a name written in another.

Why a morphology library, and why here: the forms come from LemmInflect's English inflection tables
(part-of-speech aware, so only noun forms are made: "worried" is not folded into the noun "worry",
which would turn "should I worry" into an anxiety symptom), not from hand-written suffix rules. They
are computed once when the evidence is loaded and stored with it in the evidence cache, so `suppwise
ask` never loads the library on a cache hit (docs/question-understanding.md has the comparison of
lemmatisers that led to this choice).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from suppwise.evidence.names import normalise
from suppwise.evidence.schema import Entity

# Plural names whose singular is an everyday word that names nothing: "fits" are seizures, "a fit"
# is mostly "fit for purpose" or "keep fit".
NO_SINGULAR = frozenset({"fits", "nerves", "wind"})


def _noun_forms(word: str) -> set[str]:
    from lemminflect import getAllInflections, getAllLemmas  # imported only when the cache misses

    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN", ()) if word not in NO_SINGULAR else ()
    lemma = lemmas[0] if lemmas else word
    forms = {word, lemma}
    for inflected in getAllInflections(lemma, upos="NOUN").values():
        forms.update(inflected)
    if word in NO_SINGULAR:
        forms = {word}
    return {f.lower() for f in forms if f.isalpha()}


def word_forms(entities: Iterable[Entity]) -> Mapping[str, str]:
    """Every noun form of every word in the entities' ids, names and synonyms, mapped to the one
    form the lexicon is keyed by (the word's lemma). Words already in a name keep their own form
    when another word's inflection would claim them."""
    words: set[str] = set()
    for entity in entities:
        for term in (entity.id.replace("-", " "), entity.name, *entity.synonyms):
            words.update(w for w in normalise(term).split() if w.isalpha() and len(w) > 2)
    canonical: dict[str, str] = {}
    for word in sorted(words):
        forms = _noun_forms(word)
        base = min(forms & words, key=len) if forms & words else word
        for form in forms:
            if form in NO_SINGULAR and form != word:
                continue
            if form in words and form != word and canonical.get(form) not in (None, base):
                continue
            canonical.setdefault(form, base)
    return {form: base for form, base in canonical.items() if form != base}
