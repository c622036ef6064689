"""An amount asked: of a medicine on its own (how much, how many, whether a number would be enough or
fatal), and of a named thing in a message without a question's shape (issue 12, seventeenth round,
docs/question-understanding.md).

Why a module of its own: two rounds met here. The interaction round reads any safety-shaped question
that names a medicine as interaction (guide rule 2), and only a starting or usual dose of a medicine
(`intent._DOSING_ASK`) was let through as dosing. So "how much lithium is deadly", "would 50 of my
pregabalin be enough" or "whats the fatal amount of paracetamol" were read as questions about taking two
things together, although nothing else is named and the question is an amount's limit (guide: dosing is
amount, limits, whether an amount is enough). A limit word alone is not enough ("is lithium deadly with
ibuprofen" combines two things); the question has to ask an amount, a count or a dose.

In a crisis message the guide keeps the intent of the question asked, and the crisis convention
(`parse._crisis_intent`) looks for that question by its shape: a question mark, a question word first.
Lethal amounts are often asked without one ("roughly how much amitriptyline is fatal, asking for a friend",
"quick q whats a deadly amount of vitamin d", "been putting my pregabalin aside, is 40 enough"), and were
read as asking nothing. Where the rules read an amount question of something named, an amount cue in the
message (`asks_an_amount`) is the question asked.

The text read is the predicate `intent.detect_intent` reads: lower case, substances written
``zzsubstance``, medicines ``zzmedicine``.
"""

from __future__ import annotations

import re

__all__ = ["asks_amount_of_a_medicine", "asks_an_amount"]


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(" + pattern + r")(?![\w])")


# What asks an amount: how much or how many, a number of them, or an amount, dose or number named.
_AMOUNT = _re(
    r"how (much|many)|\d+( of (them|those|these|my|his|her|the))?( (zzmedicine|pills|tablets|capsules|caps|of them))?|"
    r"(amount|dose|dosage|number|quantity|overdose level)"
)
# The limit asked of that amount: fatal, enough, too many, what it would take.
_LIMIT = _re(
    r"fatal|lethal|deadly|mortal|enough|(an |a )?overdose|od|"
    r"stop (your|my|his|her|their|a|someone s|a person s) heart|too (much|many)|"
    r"(would|does|did|will|could) (it|that|this|they) take|it takes|it would take|"
    r"(would|will|do|does) (i|you|he|she|someone|a person) need|"
    r"to (die|kill|not wake|never wake|not come back|end it)|kill (you|me|someone|a person)"
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


# An amount asked in any form: how much or many, an amount, dose or number, whether it is enough.
_AMOUNT_ASKED = _re(
    r"how (much|many)|(amount|dose|dosage|doses|number|quantity|overdose level)|enough|the most (\w+ )?(you|i|one|a "
    r"person|someone) (can|could)"
)


# An amount someone else asked or searched for, told ("i keep googling how many paracetamol is fatal", "a
# patient asked me how much it would take"): the message tells of the question, it does not ask it.
_REPORTED = _re(
    r"(googl\w*|search\w*|look\w* up|looked up|asked|asks|asking (me|him|her|us|them)|read|saw|heard) (\w+ ){0,3}"
    r"(how (much|many)|what (amount|dose)|(the |a )?(fatal|lethal|deadly|toxic) (amount|dose))"
)


def asks_an_amount(folded: str) -> bool:
    """Whether a message (normalised) asks an amount in any form: "whats a deadly amount of vitamin d", "is
    40 enough", "how much glutamine"; not when it tells of an amount someone else asked or searched for."""
    return bool(_AMOUNT_ASKED.search(folded)) and not _REPORTED.search(folded)
