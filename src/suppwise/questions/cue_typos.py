"""Cue words typed wrong, read as the words meant (issue 12 §3, intentA15 round).

Why: the intent rules read a few cue words ("what", "than") whatever else the question says, so a
slip in one of them sends a comparison or an alternatives question to the default for what it names
(effect): "is saffron better then st john's wort", "if not SAMe then wat for joint pain". The spelling
layer (`questions.spelling`) corrects slips of four letters or more ("insted", "wich", "waht") but
leaves these alone on purpose: "then" is a word of its own, and "wat" is too short to correct safely. The
twenty-sixth round (intentE17) added "wy" for "why" before a verb, "effect" for the verb "affect" after
its subject, and "side affects".
Each slip here is read as the cue only in the position the cue takes, so "better then" becomes "better
than" only before what it is compared with, never in "it got better then worse".

The text read is the normalised predicate `intent.detect_intent` reads (lower case, ``zzsubstance``
for named substances).
"""

from __future__ import annotations

import re

__all__ = ["plain_cues"]

_COMPARED = r"better|worse|stronger|weaker|safer|gentler|milder|cheaper|more effective|less effective"

_SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "what" typed short: "wat for joint pain", "wot does it do", "wht would you suggest"
    (re.compile(r"\b(wat|wot|wht)\b"), "what"),
    # "than" typed "then" (or short) after a comparative, before the option it is set against
    (re.compile(
        r"\b(" + _COMPARED + r") (then|thn|tha|den)\b"
        r"(?= (zz\w+|a|an|the|my|taking|using|(?!(worse|better)\b)\w+ (for|at|in)\b))"
    ),
     r"\1 than"),
    # "why" typed short, before the verb it asks about: "wy does glutamine effect the brain" (intentE17)
    (re.compile(r"\b(wy|wyh|y)\b(?= (does|do|did|is|are|would|could|can|will) )"), "why"),
    # "affect" typed "effect" as the verb after its subject: "does glutamine effect the brain" (intentE17);
    # "side affects" for side effects
    (re.compile(r"\b(does|do|did|can|could|would|will|might|zzsubstance|it|they) effect\b(?= (the|my|your|his|her|"
                r"their|our|how|mood|sleep|pain|zz\w+)\b)"), r"\1 affect"),
    (re.compile(r"\bside affects?\b"), "side effects"),
)


def plain_cues(text: str) -> str:
    """Normalised text with the slips of the intent rules' cue words read as the cues meant."""
    for pattern, cue in _SLIPS:
        text = pattern.sub(cue, text)
    return text
