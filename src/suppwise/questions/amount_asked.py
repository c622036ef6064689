"""An amount asked in a crisis message without a question's shape (issue 12, seventeenth round,
docs/question-understanding.md).

In a crisis message the guide keeps the intent of the question asked, and the crisis convention
(`parse._crisis_intent`) looks for that question by its shape: a question mark, a question word first.
Lethal amounts are often asked without one ("roughly how much amitriptyline is fatal, asking for a friend",
"quick q whats a deadly amount of vitamin d", "been putting my pregabalin aside, is 40 enough"), and were
read as asking nothing. Where the rules read an amount question of something named (dosing for a
supplement; interaction for a medicine's own amount, guide rule 2), an amount cue in the message
(`asks_an_amount`) is the question asked. The seventeenth round also read a medicine's own amount as
dosing; the lead kept the guide's rule 2 instead (interaction, as the independent writers of sets a and
c labelled it) when the rounds were merged.
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asks_an_amount"]


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
