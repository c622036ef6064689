"""An amount of a medicine asked on its own: how much, how many, or whether a number would be enough or
fatal (issue 12, seventeenth round, docs/question-understanding.md).

Why a module of its own: two rounds met here. The interaction round reads any safety-shaped question
that names a medicine as interaction (guide rule 2), and only a starting or usual dose of a medicine
(`intent._DOSING_ASK`) was let through as dosing. So "how much lithium is deadly", "would 50 of my
pregabalin be enough" or "whats the fatal amount of paracetamol" were read as questions about taking two
things together, although nothing else is named and the question is an amount's limit (guide: dosing is
amount, limits, whether an amount is enough). A limit word alone is not enough ("is lithium deadly with
ibuprofen" combines two things); the question has to ask an amount, a count or a dose.

The text read is the predicate `intent.detect_intent` reads: lower case, substances written
``zzsubstance``, medicines ``zzmedicine``.
"""

from __future__ import annotations

import re

__all__ = ["asks_amount_of_a_medicine"]


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(" + pattern + r")(?![\w])")


# What asks an amount: how much or how many, a number of them, or an amount, dose or number named.
_AMOUNT = _re(
    r"how (much|many)|\d+ (of (them|those|these|my|his|her|the) )?(zzmedicine|pills|tablets|capsules|caps|of them)?|"
    r"(amount|dose|dosage|number|quantity|overdose level)"
)
# The limit asked of that amount: fatal, enough, too many, what it would take.
_LIMIT = _re(
    r"fatal|lethal|deadly|mortal|enough|(an |a )?overdose|od|stop (your|my|his|her|their|a|someone s|a person s) heart|too (much|many)|(would|does|did|will|could) (it|that|this|they) take|"
    r"it takes|it would take|(would|will|do|does) (i|you|he|she|someone|a person) need|to (die|kill|not wake|never wake|not come back|end it)|kill (you|me|someone|a person)"
)
# Taking it with something else is the combination the interaction rules read.
_COMBINED = _re(r"with|together|alongside|mix\w*|combin\w*|interact\w*|on top of|and (zzmedicine|alcohol|vodka|wine)")


def asks_amount_of_a_medicine(t: str, *, substances: int, medicine: bool) -> bool:
    """Whether `t` asks an amount of a medicine alone and its limit: "how many keppra would be fatal",
    "is 50 sleeping pills enough", "whats the lethal dose of sertraline"."""
    if not medicine or substances or _COMBINED.search(t):
        return False
    amount = _AMOUNT.search(t)
    return bool(amount) and bool(_LIMIT.search(t))
