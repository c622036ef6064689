"""Turning away from one option and asking for the next: an alternatives question (issue 12, twenty-first
round, docs/question-understanding.md).

Why a frame of its own: a person who has given up on what they take says so before they ask ("vitamin d
does nothing for my mood, any better ideas", "done with magnesium, it gives me the runs, what else for
cramps", "b12 jabs did nothing, what's the next thing to try"), and the rules read the words of the
complaint instead of the ask: "gives me the runs" as a side effect, "does nothing for my mood" as an
effect. What is asked is an option not named (guide: alternatives). Three ways of asking carry it:

- **a complaint, then an open ask**: the complaint turns away from what was taken ("isn't cutting it",
  "stopped working", "had it with", "took me off", "time to switch"), and the ask names no option ("what
  next", "any ideas", "which one actually works", "what could take its place");
- **something that is not it**: "something to help sleep that isn't melatonin", "what can I take that's
  not a med";
- **a version without the trouble**: "a probiotic that doesn't make me gassy, any recs", "any capsules
  without the fishy taste".

A second option named in the message makes it a comparison (guide rule 9: "I gave up on sertraline, can
st johns wort replace it"), so every frame here needs at most one option named. The text read is the
predicate `intent` reads (``zzsubstance``, ``zzmedicine``); the complaint is looked for in the whole
message too, since a story before the question is cut from the predicate.
"""

from __future__ import annotations

from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asks_for_next_option"]

# The forms a supplement is sold in.
_FORMS = r"capsules?|caps|tablets?|tabs|pills?|softgels?|soft gels?|gummies|gummy|liquids?|drops|sprays?|powders?"
# Giving up on what was taken: it does nothing, it stopped, it was stopped, or the person is done with it.
_TURNED_AWAY = _re(
    r"(does|did|do|is doing|has done|s done|been doing) (absolutely |literally |jack |sod |bugger )?(nothing|zero|"
    r"zilch|nada|f all|fuck all)|(isn t|isnt|is not|not|aren t|arent|wasn t|wasnt) (\w+ )?(cutting it|doing it|doing "
    r"anything|doing much|working|helping|enough)|(stopped|stops|quit|quits|has stopped|ceased) (working|helping|"
    r"doing anything)|(doesn t|doesnt|does not|didn t|didnt|did not|don t|dont) (\w+ )?(work|help|do anything|do a "
    r"thing|agree with me)|(hasn t|hasnt|has not|haven t|havent|have not|never) (\w+ )?(done|helped|worked|made (a|"
    r"any) "
    r"difference)|(had it|done|fed up|sick|sick and tired|over it|finished) with|(sick|tired|fed up) of|"
    r"(gave|given|giving) up on|"
    r"(took|taken|taking|take) (me|him|her|them) off|time to (switch|change|move on|try something)|waste of (money|"
    r"time|space)|(useless|rubbish|no good|a dud) for me|(not|never) (again|for me)"
)
# An ask that names no option: the next thing, any ideas, which one works, what could take its place.
_OPEN_ASK = _re(
    r"(what|whats|what s|what is) (comes )?next|next (thing|step|option|supplement|best thing) (to try|i (could|can|"
    r"should) try)?|(any|other|better|some|more) (\w+ )?(ideas|suggestions|recs|recommendations|tips|options)$|"
    r"which (one|ones|brand|brands|kind|type|sort|make) (\w+ )?(works|work|is better|is best|s better|s best|"
    r"should i (try|get|buy|take))|which (is|s) (better|best)$|(what|which) (would|could|will|can|might) (take|"
    r"fill) (its|their|it s) place|(what|anything) (else|instead)|what (now|then)$"
)
# Something sought that is not the option named, or not a medicine at all.
_NOT_IT = _re(
    r"(something|anything|options?|supplements?|stuff|things?|what (can|could|should|would) (i|we|he|she|they) (take|"
    r"use|try|have))\b.*\b(that|which|thats|that s|but) (isn t|isnt|is not|s not|aren t|arent|are not|not) (a |an )?"
    r"(zzsubstance|zzmedicine|med|meds|medication|medications|medicine|medicines|drug|drugs|prescription|"
    r"pills?|tablets?)\b"
)
# A version of it without the trouble it gave: "a probiotic that doesn't make me gassy", "capsules without it".
_WITHOUT_THE_TROUBLE = _re(
    r"(zzsubstance|" + _FORMS + r"|brand|kind|type|version|form)s? (that|which) "
    r"(doesn t|doesnt|does not|won t|wont|will not|don t|dont|do not|wouldn t|wouldnt) (make|give|leave|upset|taste|"
    r"smell|repeat)"
)
# A version asked for by itself: "any capsules without it" (not "can i take any of it without food").
_ANY_WITHOUT = _re(
    r"(?<!take )(?<!have )(?<!use )(?<!taking )(?<!having )(?<!using )(any|some) (\w+ )?(zzsubstance|" + _FORMS
    + r"|brands?|versions?) without\b"
)
# Asking for recommendations or what works, closing a wish for such a version.
_ASKS_FOR_ONE = _re(
    r"(any|some) (\w+ )?(recs|recommendations|suggestions|ideas)|(which|what) (one|brand|kind|type)|"
    r"(is there|are there|do they make|does anyone (make|sell|know))"
)


def asks_for_next_option(t: str, whole: str, *, options: int) -> bool:
    """Whether the predicate `t` (with `whole`, the message folded, for a complaint told before it) asks
    for an option other than the one given up on. `options`: how many options (substances, medicines,
    foods) the message names; two or more leave it to the comparison rules."""
    if options > 1:
        return False
    if _NOT_IT.search(t):
        return True
    if _ANY_WITHOUT.search(t) or (
        _WITHOUT_THE_TROUBLE.search(t) and (_ASKS_FOR_ONE.search(t) or _ASKS_FOR_ONE.search(whole))
    ):
        return True
    return bool(_OPEN_ASK.search(t)) and bool(_TURNED_AWAY.search(t) or _TURNED_AWAY.search(whole))
