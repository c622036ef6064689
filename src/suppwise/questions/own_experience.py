"""A person telling what is happening to them and asking whether a supplement or medicine is behind it:
"glutamine and headaches - anyone else get them?", "could the magnesium be bringing on my hot flushes",
"is it the st johns wort or my citalopram making me shaky", "low mood since going on the pill, is it the
hormones", "is metformin draining my b12" (issue 12 §3, intentB15 round).

Why a module of its own: the word-by-word rules in `intent` read these by their parts. "X and
headaches" with nothing else is the bare keyword pair (effect); two names beside "or" read as a
comparison; a medicine named makes a combining question (interaction). What the person asks is
whether what they feel came from what they take, which the guide calls side effects
(docs/question-corpus.md, section 2: "whether something that happened after starting it came from
it"), whoever made the thing taken.

Each shape is narrow: an own report ("anyone else get them", "doing this to me", "since starting")
tied to a question of blame ("is it", "could it be", "be bringing on"). "Anyone else get relief from
it" asks about a benefit and is left to the ordinary rules.

The text read is the predicate `intent.detect_intent` reads: lower case, named substances written
``zzsubstance`` and medicines ``zzmedicine``.
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["reports_own_experience"]

_OTHERS = r"(anyone|anybody|any one|someone|somebody|others|other people)"
_NAMED = r"(zzsubstance|zzmedicine)"
_HAD = r"(get|gets|got|getting|had|have|has|experience|experienced|experiencing|notice|noticed|suffer|suffered|find)"
_THAT = r"(this|that|them|it|these|those|the same|similar|something similar)"
# "zzsubstance and headaches anyone else get them": the same symptom shared, asked of others.
_ANYONE_ELSE = _re(
    _OTHERS + r" else (\w+ )?" + _HAD + r"( " + _THAT + r")?( (too|as well|from it|on it|with it))?$|"
    # "anyone else feel really flat on saffron?": a state felt on it, asked of others
    + _OTHERS + r" else (\w+ ){1,4}?(on|from|after|since) (the |my |taking )?" + _NAMED + r"$|"
    # "has anyone felt more on edge and restless on zzsubstance": the same, asked without "else"
    r"(has|have|did) (anyone|anybody|any of you|someone|somebody) (ever )?(felt|feel|got|gotten|become|been|"
    r"noticed|had|found) (\w+ ){1,6}?(on|from|after|since) (the |my |taking |starting )?" + _NAMED + r"$"
)
_A_BENEFIT = _re(
    r"relief|better|help|helps|helped|benefit\w*|improve\w*|works?|worked|good results?|results|calmer|happier|"
    r"relaxed|brighter|less (anxious|tired|stressed|achy|foggy|low|down|pain)|more (energy|energetic|focused)"
)

_BLAMED = _re(
    # "is it the iron tablets doing this to me", "is it the zzsubstance or my zzmedicine making me shaky"
    r"(is|was|could|might|would|can) (it|this|that) (really )?(be )?(the|my|these|those) (\w+ ){0,5}?"
    r"(doing (this|that|it)|making (me|my|him|her)|causing|giving (me|him|her)|bringing (on|about)|behind (this|it|my)|"
    r"to blame)|"
    # "could the zzsubstance be bringing on my hot flushes", "could the zzsubstance be what s bringing on"
    r"(is|are|could|might|can|would) (the |my |this |these )?" + _NAMED + r"( \w+)? (be )?(what s |what is |whats |"
    r"what )?(bringing (on|about)|setting off|triggering) (my|me|these|this|the|them|it|all)|"
    # "is zzmedicine draining my zzsubstance": a medicine or supplement using up another
    r"(is|are|could|might) (my |the |this )?" + _NAMED + r" (be )?(draining|depleting|eating up|eating into|using up|"
    r"robbing me of|sapping|wiping out|stealing) (my|me|the|all)|"
    # "is zzmedicine lowering my zzsubstance": what is lowered is a nutrient taken, not a symptom
    r"(is|are|could|might) (my |the |this )?zzmedicine (be )?(lowering|reducing|dropping|knocking down) (my |the )?"
    r"zzsubstance"
)
_SINCE = _re(
    r"since (i )?(starting|started|going on|went on|began|beginning|getting on|got on) (on |taking )?(\w+ ){0,3}"
    + _NAMED
)
_IS_IT = _re(r"(is|could|might) (it|that|this) (be )?(the|it|them|my|because of|from|down to)\b")


def reports_own_experience(t: str, *, named: bool) -> bool:
    """Whether `t` tells a person's own experience and asks whether a thing they take caused it
    (side effects). `named` is whether the question names something taken (a substance, a medicine
    or a supplement the base lacks): "is it the stress doing this to me" blames nothing taken."""
    if not named:
        return False
    if _ANYONE_ELSE.search(t) and not _A_BENEFIT.search(t):
        return True
    if _BLAMED.search(t):
        return True
    return bool(_SINCE.search(t) and _IS_IT.search(t))
