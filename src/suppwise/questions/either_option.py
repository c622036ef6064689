"""Whether either of two named options helps, with no ranking asked: an effect question (issue 12,
seventeenth round, docs/question-understanding.md).

Why: the comparison round reads two named options joined by "or" as a comparison (guide rule 9: "X or
Y for Z"), and the message parser marks the options as contrasted. But "does iron or b12 help
fatigue", "would 5-htp or saffron help my low mood" ask whether either does anything, a yes or no for
each; nobody asks which is better. The guide's comparison needs a ranking or a comparing word
("better", "which", "vs", "compare", "more than"); without one the question is the effect one. A
ranking word anywhere keeps the comparison ("does magnesium or melatonin help more").

The text read is the predicate `intent.detect_intent` reads (``zzsubstance`` for named substances).
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asks_whether_either_helps"]


_OPTION = r"(zzsubstance|[a-z][\w]*( [a-z][\w]*)?)"
# "<does|can|would ...> <option> or <option> <help|work|do anything|ease ...>"
_EITHER_HELPS = _re(
    r"(does|do|can|could|would|will|might|did) " + _OPTION + r" or " + _OPTION + r" (really |actually |even )?"
    r"(help|helps|work|works|do anything|do much|ease|improve|reduce|lift|boost|relieve|make a difference)"
)
_RANKED = _re(
    r"better|best|more|most|less|least|which|vs|versus|compare\w*|comparison|than|stronger|weaker|difference|"
    r"either or|instead|rather|or both|prefer\w*"
)
# a pronoun or a way of taking it is not an option ("does taking it or skipping it help")
_NOT_AN_OPTION = _re(r"it|them|this|that|taking|skipping|stopping|morning|night|food|powder|capsules?|tablets?")


def asks_whether_either_helps(t: str, *, named: bool) -> bool:
    """Whether `t` asks if either of two named options helps, without asking which is better. `named`: a
    substance the base knows is named, or the message sets two options against each other."""
    match = _EITHER_HELPS.search(t)
    if not match or not named or _RANKED.search(t):
        return False
    return not (_NOT_AN_OPTION.search(match.group(3)) or _NOT_AN_OPTION.search(match.group(5)))
