"""Cue words typed wrong, read as the words meant (issue 12 §3, intentA15 round).

Why: the intent rules read a few cue words ("what", "than", "which", "instead") whatever else the
question says, so a slip in one of them sends a comparison or an alternatives question to the
default for what it names (effect): "is saffron better then st john's wort", "if not SAMe then wat
for joint pain". The spelling layer (`questions.spelling`) leaves these alone on purpose: "then" and
"wich" are words of their own, and "wat" is too short to correct safely. Each slip here is read as the
cue only in the position the cue takes, so "better then" becomes "better than" only before what it is
compared with, never in "it got better then worse".

The text read is the normalised predicate `intent.detect_intent` reads (lower case, ``zzsubstance``
for named substances).
"""

from __future__ import annotations

import re

__all__ = ["CUE_TYPO_PATTERNS", "plain_cues"]

_COMPARED = r"better|worse|stronger|weaker|safer|gentler|milder|cheaper|more effective|less effective"

_SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "what" typed short or swapped: "wat for joint pain", "wot does it do", "waht is it"
    (re.compile(r"\b(wat|wot|wht|waht|whta)\b"), "what"),
    # "which" without its h: "wich is better", "whic one"
    (re.compile(r"\b(wich|whitch|whic|wihch)\b(?= (is|one|ones|of|would|should|works?|helps?|does|do|supplement))"),
     "which"),
    # "than" typed "then" (or short) after a comparative, before the option it is set against
    (re.compile(r"\b(" + _COMPARED + r") (then|thn|tha|den)\b(?= (zz\w+|a|an|the|my|taking|using|\w+ (for|at|in)\b))"),
     r"\1 than"),
    # "instead" and "alternative" misspelt: "insted of", "alternitive to"
    (re.compile(r"\b(insted|instaed|insead|instead) of\b"), "instead of"),
    (re.compile(r"\b(alternitive|alterative|alternitave|altenative|alternative)(s?)\b"), r"alternative\2"),
)
# The patterns alone, for a caller that must know which words this module reads.
CUE_TYPO_PATTERNS = tuple(pattern for pattern, _ in _SLIPS)


def plain_cues(text: str) -> str:
    """Normalised text with the slips of the intent rules' cue words read as the cues meant."""
    for pattern, cue in _SLIPS:
        text = pattern.sub(cue, text)
    return text
