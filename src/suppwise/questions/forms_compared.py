"""Questions that set two forms of one supplement against each other ("b12 injections vs tablets",
"magnesium glycinate vs citrate", "fish oil or krill oil").

Both forms are names of the same entity, so the question reads as one supplement: it was answered
with the definition, or with a comparison of different supplements for mood. What the base can say
is what its own records say about those forms (the administration record on magnesium salts, the
dose record's "before choosing tablets or injections with the doctor"), and whether any of its
findings compares them; this module finds both, never adding a word of its own about the forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from suppwise.evidence.base import EvidenceBase
from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.parse import Query
from suppwise.questions.record_mentions import Quote, everything_recorded, quotes
from suppwise.questions.vocabulary import normalise
from suppwise.questions.word_pattern import whole_words, word_regex

_CONTRAST = whole_words(r"vs|versus|or|compared (to|with)|better than|difference between|differences between")
_NOT_FORMS = frozenset({"versus", "compared", "better", "best", "difference", "differences", "between", "which"})
# ways a product is made up, which the common-word list holds because they name no entity
_PRODUCT_FORMS = frozenset(
    {
        "tablet", "tablets", "capsule", "capsules", "gummy", "gummies", "powder", "liquid", "drops", "spray",
        "shot", "shots", "injection", "injections", "sublingual", "patch", "patches",
    }
)


@dataclass(frozen=True)
class FormsCompared:
    """The form words the question names (in its order), those the records speak of, those they do not, the record
    sentences about the first, and whether a finding speaks of two of them together."""

    asked: tuple[str, ...]
    forms: tuple[str, ...]
    unsaid: tuple[str, ...]
    said: tuple[Quote, ...]
    compared_in_a_study: bool


@lru_cache(maxsize=512)
def _pattern(word: str) -> re.Pattern[str]:
    return word_regex(re.escape(word.rstrip("s")) + "s?")


def forms_compared(base: EvidenceBase, query: Query, substance: str) -> FormsCompared | None:
    """The forms a question contrasts, or None when it does not contrast forms of one supplement
    (another supplement, a condition, a symptom or a medicine named; no contrast word; or no word
    beside the supplement's own name that its records know)."""
    if list(query.substances) != [substance]:
        return None
    if query.conditions or query.outcomes or query.drugs or not _CONTRAST.search(query.normalised):
        return None
    if query.reading.tier is not None or query.crisis:
        return None  # a message read as a possible crisis is answered as docs/crisis.md says
    entity = base.entities[substance]
    # the words of its own name ("omega", "fatty", "vitamin", "b12"), not the forms its synonyms add
    own = set(re.findall(r"[a-z0-9]+", entity.name.lower())) | set(normalise(entity.name).split())
    words = [
        w
        for w in re.findall(r"\b[a-z][a-z0-9]{3,}|\b[a-z]\d+\b", query.normalised)
        if (w in _PRODUCT_FORMS or w not in COMMON_WORDS) and w not in own and w.rstrip("s") not in own
        and w not in _NOT_FORMS
    ]
    # at least one side must be a form: a word of the name the supplement was called by ("b12
    # injections", "magnesium glycinate") or a kind of product ("tablets"); "is SAMe a medicine or a
    # vitamin" and "saffron, a herb or a spice" ask what it is, which the definition answers
    named = {w for m in query.mentions if m.entity_id == substance for w in m.text.lower().split()}
    if not any(w in named or w in _PRODUCT_FORMS for w in words):
        return None
    findings = base.findings_by_subject.get(substance, ())
    # its description, its records, then what its studies found ("300 mg/day magnesium citrate ...")
    texts = everything_recorded(base, substance)
    said: list[Quote] = []
    forms: list[str] = []
    unsaid: list[str] = []
    for word in dict.fromkeys(words):
        pattern = _pattern(word)
        found = [q for record in texts for q in quotes(record) if pattern.search(q.text.lower())]
        (forms if found else unsaid).append(word)
        said.extend(x for x in found if x.text not in {y.text for y in said})
    if not forms:
        return None
    # a word the records never mention is named only when it is such a form, or a word of another of
    # the supplement's names ("glycinate" of "magnesium glycinate"): never "suicidal"
    known = named | _PRODUCT_FORMS | {w for x in entity.synonyms for w in x.lower().split()}
    unsaid = [w for w in unsaid if w in known]
    # a sentence naming two of the forms says most about the choice between them: it goes first
    said.sort(key=lambda q: -sum(bool(_pattern(f).search(q.text.lower())) for f in forms))
    together = len(forms) > 1 and any(
        sum(bool(_pattern(f).search(x.summary.lower())) for f in forms) > 1 for x in findings
    )
    asked = tuple(w for w in dict.fromkeys(words) if w in forms or w in unsaid)
    return FormsCompared(asked, tuple(forms), tuple(unsaid), tuple(said[:3]), together)
