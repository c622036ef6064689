"""Six narrow ways of asking that the word-by-word rules in `intent` read by the wrong part (issue 12
§3, the twenty-fourth round, intentC16: docs/question-understanding.md).

- A question passed on from someone else: "my gran asked whether magnesium is safe for her". The
  "asked whether" reads as a story told (nothing asked), yet the message asks that very question:
  whether it is safe for her (guide: safety).
- An allergy told, then whether it may be taken: "im allergic to dairy, can i still take probiotics".
  The allergy word reads as a reaction (side effects) and a food named as a source question; what is
  asked is whether this person should avoid it (guide: safety, "who should avoid it").
- Harm named as damage to an organ: "can green tea extract cause liver damage". "Cause" reads as a
  side effect, but the guide's rule 6 files damage to an organ under safety ("kidney damage"); a
  condition brought on ("kidney stones") stays a side effect.
- A medicine wiping out the good gut bacteria: "do antibiotics kill off the good bacteria". Two
  options named beside "vs" read as a comparison and a medicine as a combining question; what is asked
  is whether it does harm it was not taken for (guide: side effects).
- How high one can go: "how high can i go on vitamin d before it harms my kidneys". The harm named
  reads as safety; what is asked is the most that may be taken, a limit (guide: dosing). A medicine's
  own amount is left to the interaction rules.
- Going on after a spell on it: "been on magnesium since april, is it safe to keep going". "Safe"
  reads as safety; the guide files "is it safe to stay on it" under dosing (how long to stay on it).
  A stage of life, a condition or a medicine told makes it the safety or interaction question it is.

The text read is the predicate `intent.detect_intent` reads: lower case, fillers gone, named
substances written ``zzsubstance`` and medicines ``zzmedicine``.
"""

from __future__ import annotations

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["harms_an_organ", "leftover_intent", "passes_on_a_safety_question"]

_OK = r"(safe|unsafe|ok|okay|fine|alright|all right|bad|dangerous|risky|harmful)"
_IT = r"(zzsubstance|it|they|them|this|that)"

# "asked (me) whether X is safe for her", "wants to know if it would be ok for him"
_PASSED_ON = _re(
    r"(asked|asks|asking|wants to know|wanted to know|wondered|wonders|was wondering|is wondering) (me |us )?"
    r"(if|whether) " + _IT + r" (is|s|are|would be|will be|might be|could be) (\w+ )?" + _OK + r" (for|to)"
)
_PASSED_ON_AS_TYPED = _re(
    r"(asked|asks|asking|wants to know|wanted to know|wondered|wonders|was wondering|is wondering) (me |us )?"
    r"(if|whether) (\w+ ){1,4}?(is|s|are|would be|will be|might be|could be) (\w+ )?" + _OK + r" (for|to)"
)
# "i m allergic to dairy", "i have a soy allergy", a message opening "allergic to bees"
_ALLERGY_TOLD = _re(
    r"(i m|im|i am|am|i have|i ve got|ive got|have got|got|i get) (an? |bad |severe |really )?(\w+ )?"
    r"(allergic|allergy|allergies)|^(allergic|allergy) to"
)
_MAY_I_TAKE = _re(
    r"(can|could|may|should|shall) i (still |safely |even )?(take|have|use|try|get|be on)|"
    r"(is|are) " + _IT + r" (still )?" + _OK + r"( for me| to take)?$"
)
# Not the nerves: nerve damage is a condition a supplement's records list as a side effect (vitamin B6's
# sensory neuropathy), so "could b6 give me nerve damage" asks for that side effect (guide rule 6)
_ORGAN = r"(liver|kidney|kidneys|renal|hepatic|heart|brain|stomach lining)"
_ORGAN_DAMAGE = _re(
    r"(cause|causes|caused|causing|give|gives|lead to|leads to|result in) (\w+ ){0,2}?(permanent |lasting )?"
    + _ORGAN + r" (damage|injury|harm)|"
    r"(do|does|cause|causes) (any |lasting |permanent )?(damage|harm|injury) to (my |your |the |his |her )?" + _ORGAN
)
# why it harms, how much it takes to, undoing harm done, or harm blamed on a lack of it are other
# questions (mechanism, dosing, cure, effect)
_NOT_PLAIN_HARM = _re(
    r"why|how come|too much|too many|how much|how many|upper limit|limit|ceiling|before it|repair|reverse|undo|heal|"
    r"low|lack|lacking|deficien\w*|shortage|not enough|too little"
)
_GOOD_BACTERIA_KILLED = _re(
    r"(kill|kills|killing|kill off|kills off|wipe out|wipes out|wiping out|destroy|destroys|destroying|strip|"
    r"strips|deplete|depletes|damage|damages) (off |out )?(all )?(the |my |your |our |his |her )?(good|friendly|"
    r"healthy|beneficial|helpful) (gut )?(bacteria|bugs|flora|microbes|gut bacteria)"
)
# "how high can i go on vitamin d", "how far can i push the b12": the most that may be taken
_HOW_HIGH = _re(
    r"how (high|far) (can|could|should|may) (i|you|u|we|he|she|they|one|my \w+) (safely |actually )?(go|push (it|them|"
    r"the zzsubstance|my zzsubstance|zzsubstance)|take (it|them))"
)
_GO_ON_SAFELY = _re(
    r"(safe|ok|okay|fine|alright|all right) (for me )?to (keep going|carry on|keep at it|keep it up|continue)"
    r"( with it| on it)?$"
)


def passes_on_a_safety_question(text: str) -> bool:
    """Whether a message (lower case, names as typed) passes on someone's question of safety: "my gran
    asked whether magnesium is safe for her" asks it, though it reads as a story; "my doctor asked if i
    take magnesium" tells what happened."""
    return bool(_PASSED_ON_AS_TYPED.search(text))


def leftover_intent(
    t: str, message: str, *, substances: int, medicine: bool, population: bool, condition: bool, amount: bool
) -> str | None:
    """The intent one of the module's shapes reads from `t` (the asked part, names written as their
    kind), or None. `message` is the whole message in lower case, where an allergy told in a
    clause of its own and the good bacteria (a process named, so gone from `t`) are read.
    `substances` counts what the base names, `medicine` and `population` say whether a medicine or a
    stage of life is named, `condition` whether a condition is and `amount` whether an amount or a
    spell of regular use is told (a question of dosing):
    each shape holds only where what it names fits it."""
    if substances and not medicine and _HOW_HIGH.search(t):
        return Intent.DOSING
    if substances and not (medicine or amount) and _PASSED_ON.search(t):
        return Intent.SAFETY
    if substances and not medicine and _ALLERGY_TOLD.search(message) and _MAY_I_TAKE.search(t):
        return Intent.SAFETY
    if substances and not medicine and not amount and harms_an_organ(t):
        return Intent.SAFETY
    if _GOOD_BACTERIA_KILLED.search(message) and (medicine or "antibiotic" in message):
        return Intent.SIDE_EFFECTS
    if substances and not (medicine or population or condition) and _GO_ON_SAFELY.search(t):
        return Intent.DOSING
    return None


def harms_an_organ(t: str) -> bool:
    """Whether `t` asks about plain damage to an organ ("can X cause liver damage"), not why, how much or
    undoing it: guide rule 6 files that under safety, whatever names the supplement (asked_plainly reads
    it for a supplement the base lacks)."""
    return bool(_ORGAN_DAMAGE.search(t)) and not _NOT_PLAIN_HARM.search(t)
