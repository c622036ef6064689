"""A claim about safety that someone made, brought to be checked: "the lady in the health food shop told
me X is totally fine in pregnancy. is she right?", "my aunt says X is perfectly safe while
breastfeeding, true?", "read online that X is harmless for kids - is that right" (issue 12 §3,
intentB15 round).

Why: what is asked is whether the claim holds, and the claim is that X is safe (or harmful) for
someone, so the question is a safety question (docs/question-corpus.md, section 2). Read word by word
it was routed by the teller's story: a "health food shop" read as foods (sources), a "health food
store" as storage (administration). A claim that X helps is left to the ordinary rules (effect).

The text read is the predicate `intent.detect_intent` reads: lower case, named substances written
``zzsubstance``.
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["checks_a_safety_claim"]

_TOLD = (
    r"(told|tell|tells|telling) (me|us|him|her|them|my \w+)( that)?|said|says|saying|reckons|reckoned|claims|claimed|"
    r"insists|insisted|swears|swore|assured (me|us)|keeps saying|read (online |somewhere |on \w+ )?(that )?|"
    r"heard (that )?|saw (online |on \w+ )?that"
)
_SAFE_OR_NOT = (
    r"safe|fine|ok|okay|alright|all right|harmless|no problem|not a problem|dangerous|unsafe|risky|toxic|harmful|"
    r"bad for|rough on|hard on"
)
_CLAIM = _re(r"(" + _TOLD + r") (\w+ ){0,4}?(is|are|s|was|were) (\w+ ){0,2}?(" + _SAFE_OR_NOT + r")")
_CHECKED = _re(
    r"(is|was) (she|he|that|it|this|they|this guy|the \w+) (really )?(right|true|correct|wrong|accurate|legit)|"
    r"(true|right|correct|accurate|legit|really)$|(can|should) i (trust|believe) (that|this|her|him|them|it)"
)


# The question put as a bare check of what was said before it: "true for someone with CKD stage 3?"
_BARE_CHECK = _re(r"^(is (that|this|it|she|he|they) )?(really )?(true|right|correct|accurate|legit)")


def checks_a_safety_claim(t: str, message: str = "") -> bool:
    """Whether `t` reports someone's claim that a thing is safe or harmful and asks whether it holds.
    Where `t` (the sentence asked) is a bare check ("true for someone with CKD?"), the claim it checks is
    looked for in `message`, the whole message normalised ("podcast guy said X is rough on the kidneys")."""
    claim = _CLAIM.search(t)
    if claim is not None:
        return _CHECKED.search(t, claim.end()) is not None
    return bool(message) and _BARE_CHECK.search(t) is not None and _CLAIM.search(message) is not None
