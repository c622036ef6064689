"""What is asked, read by question family before the word-by-word rules (issue 12, dose and mechanism round).

Why families: the rules in `intent` read cue words in a fixed order, so a dosing or mechanism question
whose wording carries a symptom or a safety word ("is magnesium the culprit behind my loose stools",
"what dose of 5-htp for someone my size") was routed by the symptom. A family is a shape of question
people use for one thing whatever else it names: an amount per body weight is dosing, "is X the culprit
for Y" asks whether X brought Y on, "worth switching from X to Y" compares two options, "... does that
mean ..." asks the question after it, and two questions joined by "and" are each read and the guide's
precedence picks the primary one (docs/question-corpus.md, section 2). Each family is narrow on purpose:
when none fits, the ordinary rules decide.

The text read here is the predicate `detect_intent` reads: lower case, with named substances written
``zzsubstance`` and medicines ``zzmedicine``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

if TYPE_CHECKING:
    from suppwise.questions.intent import Signals


__all__ = ["PRECEDENCE", "family_intent", "primary"]


# The guide's precedence for two questions in one message, highest first.
PRECEDENCE: tuple[str, ...] = (
    Intent.INTERACTION,
    Intent.SAFETY,
    Intent.SIDE_EFFECTS,
    Intent.DOSING,
    Intent.CURE,
    Intent.COMPARISON,
    Intent.ALTERNATIVES,
    Intent.MECHANISM,
    Intent.EFFECT,
    Intent.SOURCES,
    Intent.ADMINISTRATION,
    Intent.DEFINITION,
    Intent.RESOURCES,
    Intent.UNKNOWN,
)


def primary(intents: list[str]) -> str:
    """The intent the guide's precedence puts first among those asked."""
    return min(intents, key=PRECEDENCE.index)


# An amount scaled to the body: per kilo, by body weight, for someone of a size.
_PER_BODY = _re(
    r"per (kg|kilo|kilos|kilogram|kilograms|pound|lb)( of (body ?weight|weight))?|\w*/kg|"
    # "put on weight" is gaining it, an unwanted effect (questions.taking_it), not a dose by weight
    r"(?<!put )(?<!putting )(?<!pile )(?<!piling )(?<!pack )(by|on|to) "
    r"(body ?weight|weight|my weight|my size|someone my size|(your|my|his|her) size)|for (my|your|his|her) (size|"
    r"weight|body ?weight)|based on (how heavy|weight|"
    r"body ?weight|your weight|size)|how heavy (you|i|he|she) (are|am|is)"
)
# Size told without a unit of dose: dosing only beside a word for the amount.
_SIZE_TOLD = _re(
    r"i weigh|(he|she) weighs|is \d+ ?(kg|kilos?|stone)|someone (my|your|his|her) size|bigger (person|people)|"
    r"smaller (person|people)|(petite|heavier|lighter|bigger|smaller) (than|person|people)|quite (petite|small|big|"
    r"heavy|tall)"
)
_DOSE_WORD = _re(r"dose|doses|dosage|amount|how much|how many|mg|grams?|g|take less|take more|need more|need less")

# Splitting or halving one dose.
_SPLIT = _re(
    r"(split|splitting|divide|dividing|break|breaking|spread|spreading|cut|cutting|halve|halving) (\w+ ){0,4}"
    r"(into|in half|in two|through|across|over|smaller|doses?|dose|tablet|capsule)|half an? (capsule|tablet|pill|"
    r"softgel|scoop|dose|zzsubstance)|all at once or (spread|split)|halving (my|the) (\w+ )?dose"
)

# How long to stay on it, when to stop, courses, breaks and cycling.
_DURATION_ASK = _re(
    r"how long is a course|a course of|when (do|should|can) i (stop|come off|quit)|when to (stop|come off)|"
    r"(a point|a time) (where|when) i should (stop|come off)|take breaks from|"
    r"cycle (zzsubstance|it)|take (it|zzsubstance) (indefinitely|forever|continuously)|stay on (it|zzsubstance) "
    r"before i stop"
)

# Time of day or food, asked in words the cue lists miss.
_TIMING_OR_FOOD = _re(
    r"(at night|in the morning|in the evening|before bed) instead|eat (something|anything) before (taking|i take)|"
    r"(food|eating|a meal|meals) (stop|stops|block|blocks|affect|affects) (\w+ ){0,3}(from working|absorb\w*|"
    r"working)|(with|after|before) (a|my)? ?(meal|breakfast|dinner|lunch)"
)

_AMOUNT_TOLD = _re(r"\d+(\.\d+)? ?\w*|too (little|much|many)|enough|how (much|many)")

# Whether X brought on something: the culprit, to blame, responsible for, behind.
_CULPRIT = _re(
    r"(be |is |was |the )?(the )?(culprit|to blame|responsible for|what s behind|whats behind|what is behind)"
)
_LACK = _re(r"low|lack of|lacking|deficien\w*|not enough|shortage of")

# Switching from one option to another.
_SWITCH = _re(r"switch|switching|swap|swapping|change over|changing over")
_FORMS = _re(r"glycinate|citrate|oxide|malate|threonate|powder|capsules?|tablets?|gummies|liquid|softgels?|form")
_UNNAMED = _re(r"something|anything|what else|another")

# What it does in the body, in words the mechanism cues miss.
_DOES_INSIDE = _re(
    r"what (does|do|is) (zzsubstance|it) (\w+ )?(do|doing) (inside (you|me)|(inside|in|to) (your|my|the) (body|cells?|"
    r"brain|gut))|what happens to (zzsubstance|it) (once|when|after)"
)

# A run-on question: "<what happened> does that mean <the question>".
_DOES_THAT_MEAN = _re(r"(so )?(does|do|would|could) (that|this|it) mean")
_MEANS_DOSE = _re(r"dose|take more|take less|higher|lower|more of it|increase|up (it|the dose)")
_MEANS_CURE = _re(r"for good|healed|cured|gone for good|once and for all|permanently|fixed")
_MEANS_MECHANISM = _re(
    r"works? (like|by|as|through)|anti ?inflammatory|in the brain|acts? (like|on|as)|is an? (\w+ )?(blocker|"
    r"booster|antioxidant)"
)

# Two questions joined: "<question> and <question word> ...".
_JOIN = re.compile(
    r"^(.{8,}?),? and (?=(is|are|does|do|how|what|when|why|should|can|could|will|would|which|where)\b)(.{6,})$"
)
_QUESTION_START = re.compile(r"^(is|are|does|do|how|what|when|why|should|can|could|will|would|which|where)\b")


def _two_questions(t: str, signals: Signals, read: Callable[[str, Signals], str]) -> str | None:
    """Both questions of "<question> and <question>", read alone, the primary by the guide's precedence."""
    match = _JOIN.match(t)
    if not match or not _QUESTION_START.match(t):
        return None
    first, second = match.group(1), match.group(3)
    intents = []
    for clause in (first, second):
        # a medicine named in the other clause is not this clause's concern
        medicine = signals.medicine and ("zzmedicine" in clause or "zzmedicine" not in t)
        intents.append(read(clause, replace(signals, medicine=medicine)))
    if Intent.UNKNOWN in intents or intents[0] == intents[1]:
        return None
    return primary(intents)


# An unwanted effect told before "does that mean it's working" ("gave me a headache the first week", "made me
# queasy"): the question is about that effect (side effects), not about whether it works.
_SYMPTOMS = (
    r"headaches?|nausea|sick|queasy|nauseous|dizzy|rash|diarrhoea|diarrhea|the runs|cramps|bloated|gassy|jittery|"
    r"anxious|worse|groggy|nightmares|heartburn|insomnia|palpitations|shaky|itchy|spotty|a migraine|migraines|awful|"
    r"rough"
)
_UNWANTED_TOLD = _re(
    r"(gave|gives|giving|made|makes|making|left|leaves) (me|him|her|them|us|my \w+) (feel |feeling )?(a |an |the |"
    r"really |"
    r"so |very |quite |a bit )?(" + _SYMPTOMS + r")|(felt|feel|feeling|been|got|getting|had|having) (really |so |very |"
    r"quite |a bit )?(a |an )?(" + _SYMPTOMS + r")"
)


def _after_does_that_mean(t: str, signals: Signals) -> str | None:
    """What a run-on question asks after "does that mean"."""
    match = _DOES_THAT_MEAN.search(t)
    if not match or match.start() < 10 or not signals.substances:
        return None
    asked = t[match.end():]
    if _MEANS_DOSE.search(asked):
        return Intent.DOSING
    if _MEANS_CURE.search(asked):
        return Intent.CURE
    if _MEANS_MECHANISM.search(asked):
        return Intent.MECHANISM
    if re.search(r"\b(working|works|help|helps|helping|deficient|doesn t help|does not help|not working)\b", asked):
        # an unwanted effect told before it ("it gave me a headache the first week, does that mean it's working")
        # is what is asked about: a side effect
        working = re.search(r"\b(working|works)\b", asked)
        return Intent.SIDE_EFFECTS if working and _UNWANTED_TOLD.search(t[: match.start()]) else Intent.EFFECT
    return None


def family_intent(t: str, signals: Signals, read: Callable[[str, Signals], str]) -> str | None:
    """The intent a question's family gives, or None when it is of no family here. `read` reads one
    clause with the ordinary rules (for two questions in one message)."""
    if signals.medicine:
        # a medicine makes most questions interaction ones (guide rule 2) and may be context only
        # ("does lithium in tap water lower suicide rates, and could a supplement do the same"): the rules decide
        return None
    two = _two_questions(t, signals, read)
    if two is not None:
        return two
    per_body = (_PER_BODY.search(t) and signals.substances) or (_SIZE_TOLD.search(t) and _DOSE_WORD.search(t))
    if per_body or _SPLIT.search(t):
        return Intent.DOSING
    if _DURATION_ASK.search(t) and signals.substances:
        return Intent.DOSING
    if _TIMING_OR_FOOD.search(t) and signals.substances and not _CULPRIT.search(t) and not _AMOUNT_TOLD.search(t):
        # an amount beside when it is taken ("1g with breakfast ok or too little?") is dosing (guide precedence)
        return Intent.ADMINISTRATION
    if _CULPRIT.search(t) and signals.substances and re.search(r"\b(culprit|blame|responsible|behind)\b", t):
        return Intent.EFFECT if _LACK.search(t) else Intent.SIDE_EFFECTS
    if _SWITCH.search(t) and signals.substances:
        if signals.substances >= 2 or signals.options >= 2:
            return Intent.COMPARISON
        if _FORMS.search(t):
            return Intent.ADMINISTRATION  # forms of one substance (guide rule 9)
        if _UNNAMED.search(t):
            return Intent.ALTERNATIVES
    if _DOES_INSIDE.search(t) and signals.substances:
        return Intent.MECHANISM
    return _after_does_that_mean(t, signals)
