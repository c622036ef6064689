"""A lack of a substance named as the cause of a symptom: an effect question (issue 12, seventeenth round,
docs/question-understanding.md).

Why: the side-effects round reads "could X cause Y" as asking whether X brings on an unwanted effect
(guide rule 6). But "could low b12 cause that", "can a lack of vitamin d cause muscle pain", "is a
magnesium deficiency behind my bad sleep" ask whether having too little of it changes the outcome,
which is the question of its effect (what taking it would do), not of an unwanted effect of taking it.
The family is read from a lack word said of the substance (low, lack of, deficient, not enough, too
little) together with a cause word; "low" said of a symptom ("can glutamine cause low mood") or of a
dose ("can a low dose cause side effects") is no lack of the substance.

The text read is the predicate `intent.detect_intent` reads (``zzsubstance`` for named substances).
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["blames_a_lack"]


# A lack said of the substance itself.
_LACK = _re(
    r"(low|lower|lack of|lacking( in)?|short (of|on)|low on|low levels? of|low in|too little|"
    r"not (having|getting|eating|taking) enough( of)?|not enough) (my |your |the )?"
    r"(zzsubstance|iron|ferritin|folate|b\d+|vitamin [a-z]\d*|vit [a-z]\d*)"
    r"(?! (dose|doses|dosage|amount|mg|tablets?|capsules?|supplements?))|deficien\w*|insufficien\w*"
)
_CAUSE = _re(
    r"cause|causes|causing|caused|give|gives|giving|behind|the reason|to blame|responsible|explain|explains|lead to|"
    r"leads to|why i|be why|make (me|you|him|her|them)|making (me|you)"
)
_CAUSED_BY = _re(r"caused by|due to|because of|down to|from")
_SIDE = _re(r"side ?effects?")


def blames_a_lack(t: str) -> bool:
    """Whether `t` asks if too little of a substance is behind a symptom ("could low b12 cause that", "is my
    tiredness down to low iron"). A lack caused by it ("can glutamine cause a b12 deficiency") is an unwanted
    effect of taking it: the cause word then comes first."""
    lack = _LACK.search(t)
    if not lack or _SIDE.search(t):
        return False
    before = t[: lack.start()]
    cause_first = _CAUSE.search(before)
    if cause_first and not _CAUSED_BY.search(before[cause_first.start():]):
        return False
    return bool(_CAUSE.search(t[lack.end():]) or _CAUSED_BY.search(before))
