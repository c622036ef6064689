"""Everyday questions about taking a supplement that the cue lists missed (issue 12, twentieth round).

Four families of wording, each read whatever else the question names, because each asks one thing:

- **when it is taken, or how it is carried**: "is it ok to take melatonin in the afternoon", "can i
  take my 5-htp at lunchtime instead of bedtime", "is bedtime ok for vitamin d", "can i pack glutamine
  in my hand luggage" ask how to take or keep it (administration), not whether it is safe, and
  "instead of bedtime" names no other option;
- **one more dose**: "can i take a second melatonin if i wake at 3am", "double up if i forgot" is an
  amount (dosing);
- **two supplements at once**: "can i stack melatonin and magnesium", "omega 3 and vitamin d at once"
  is taking them together (safety, guide rule 3);
- **getting hooked or gaining weight**: "is melatonin addictive", "habit forming", "does it make you
  put on weight" ask about an unwanted effect (side effects).

The text read is the predicate `intent` reads (lower case, substances as ``zzsubstance``). Each family
stands aside when something that outranks it is present (a medicine, a population, an amount or an
unwanted state for the timing family), so the ordinary rules and the guide's precedence decide there.
"""

from __future__ import annotations

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["taking_it_intent"]


_SLOTS = r"morning|mornings|afternoon|afternoons|evening|evenings|night|bedtime|lunchtime|lunch time|midday|daytime|day"
# A time of day it is taken at, said as a time rather than a frequency ("every night" is regular use).
_WHEN = _re(
    r"(in|during) the (early |late |mid )?(" + _SLOTS + r")|during the day|in the daytime|"
    r"at (lunch ?time|lunch|midday|noon|bedtime|night|\d{1,2}(:\d\d)? ?(am|pm|o ?clock))|\d{1,2} ?(am|pm)|"
    r"(bedtime|morning|night|evening|lunchtime|afternoon|daytime) (ok|okay|fine|alright|better|best|instead)|"
    r"instead of (at )?(the )?(bedtime|morning|night|evening|lunchtime|afternoon|at night|in the morning)"
)
# Taking or having it, or a time being fine for it.
_TAKING = _re(
    r"take|taking|have|having|pop|popping|use|using|switch|move|swap|change|(ok|okay|fine|alright) for zzsubstance"
)
_REGULAR = _re(r"every|each|daily|nightly|always|long term|for (years|months|weeks)")
# Carrying it on a trip: luggage, planes, security, abroad.
_CARRIED = _re(
    r"(pack|packing|bring|bringing|carry|carrying|take|taking|travel with|fly with|flying with) (\w+ ){0,4}"
    r"(on|in|through|into|onto) (the |a |my |an )?(plane|flight|hand luggage|carry ?on|cabin bag|suitcase|luggage|"
    r"airport|security|customs)|(does|do|will|would) (it|they|(my |the |your )?zzsubstance) travel|out of reach"
)

# One more dose on top of the one taken.
_ANOTHER_DOSE = _re(
    r"(take|have|pop|give) (a |an )?(second|another|extra|2nd|third|one more) (zzsubstance|dose|one|pill|capsule|"
    r"tablet|gummy|gummies|tab|cap|scoop|spray)|double up|top up (dose|with)|take (it|zzsubstance) again"
)

# Two supplements taken together in words `intent._TOGETHER` lacks.
_AT_ONCE = _re(
    r"(stack|stacking|combine|combining) zzsubstance (and|with|n|\+|&) zzsubstance|zzsubstance (\+|&|n|and) "
    r"zzsubstance (\w+ ){0,2}(at once|same day|on the same day|same time)(?! or)|(at once|on the same day|same day)"
    r"(?! or)|together|2gether|togther|togehter"
)

# A condition the question is asked under ("ok to take it at night with ibs", "... if i have fibro") or for
# ("... for my ibs") makes it a safety or effect question (guide rule 7); one told before the question is
# its preamble, already cut from the predicate read here, and leaves the question alone.
_UNDER_A_STATE = _re(r"with|if|while|whilst|when|since|because|for|given")

# Dependence and weight gain: unwanted effects asked about without a cue word of side effects.
_HOOKED = _re(
    r"addictive|addicting|addiction|habit ?forming|(get|become|be|getting|becoming) (hooked|addicted|dependent|"
    r"reliant)|hooked on|dependen(ce|cy) on|(get|cause|causes|give|gives|any) (\w+ )?withdrawal|withdrawal "
    r"(symptoms|effects)"
)
_WEIGHT = _re(
    r"(gain|gaining|put on|putting on|pile on|piling on|pack on|packing on) (\w+ )?(weight|pounds|lbs|kilos|stone)|"
    r"weight gain|make (me|you|u|people|her|him) (fat|fatter|heavier)"
)
# Wanting the change ("help me gain weight") or stopping it ("how to come off it without withdrawal") is
# another question: effect or dosing, read by the ordinary rules.
_WANTED_OR_STOPPING = _re(r"help|helps|helping|lose|losing|taper|tapering|come off|coming off|wean|how (do|to|can|"
                          r"should) (i )?(stop|quit)")


def taking_it_intent(
    t: str,
    *,
    substances: int,
    options: int,
    medicine: bool,
    population: bool,
    condition: bool,
    amount: bool,
    unwanted: bool,
) -> str | None:
    """The intent one of this module's families gives `t`, or None. `amount` is whether an amount is
    asked and `unwanted` whether an unwanted effect is named (both outrank when it is taken)."""
    if medicine or not substances:
        return None
    if _HOOKED.search(t) or _WEIGHT.search(t):
        return None if _WANTED_OR_STOPPING.search(t) or population else Intent.SIDE_EFFECTS
    if _ANOTHER_DOSE.search(t) and not population:
        return Intent.DOSING
    # a supplement the base lacks counts as the second ("zinc n vitamin d 2gether?")
    if max(substances, options) >= 2 and _AT_ONCE.search(t):
        return Intent.SAFETY
    if _CARRIED.search(t):
        return Intent.ADMINISTRATION  # carrying or keeping it is asked whoever takes it and whatever they have
    if population or (condition and _UNDER_A_STATE.search(t)) or amount or unwanted:
        return None
    # with two named, the time is only the setting of taking them together (safety, guide rule 3)
    if substances == 1 and _WHEN.search(t) and _TAKING.search(t) and not _REGULAR.search(t):
        return Intent.ADMINISTRATION
    return None
