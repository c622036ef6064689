"""An amount the question states, placed against the supplement's daily limit: "my GP put me on
50,000 IU vitamin D once a week, is that over the daily limit" (issue 12 §3; fifth try-out,
docs/question-understanding.md).

The dose answer quoted the limit ("The tolerable upper intake level of vitamin D is 4000 IU/day")
and stopped there: the person had to work out that 50,000 IU a week is about 7,100 IU a day, and
"2800 mg of magnesium a week" 400 mg a day, themselves, and a weekly figure set beside a daily one
reads as far above it or, the other way round, as harmless. The answer now does the arithmetic it
can do exactly: the amount and how often it is taken, as typed, turned into an average a day in
the limit's unit, and whether that is above, at or below the limit. Nothing is said when the
question gives no frequency (a single amount may be one dose of several), when the unit does not
convert (capsules, or IU of a substance with no IU factor), or when the limit is not the one for
the person asked about (children's limits are lower; the caller leaves those to the stage record).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from suppwise.errors import ProfileError
from suppwise.evidence.schema import ObservedSafeLevel
from suppwise.safety.dose import convert_amount, parse_dose

__all__ = ["Placed", "amount_against_limit"]


# Where an amount with its unit stands in the question: "50,000 IU", "10 000iu", "2800mg", "2.5 g", "400
# micrograms". The amount and its frequency, once found, are read by the profile's dose reader
# (`safety.dose.parse_dose`), so that a question and a profile turn "once a week" into the same figure.
_AMOUNT = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)\s?"
    r"(?P<u>ius?|mgs?|mcg|ug|micrograms?|milligrams?|grams?|g)(?![a-z])"
)
# Where how often is said, after the amount: "once a week", "twice a week", "3 times per week", "weekly", "a
# day", "daily", "every night".
_HOW_OFTEN = re.compile(
    r"\b(?:(?:once|twice|\d+ ?(?:x|times)) )?(?:(?:a|per|each|every|an?) (?P<w>week)|(?P<w2>weekly)|"
    r"(?:a|per|each|every) (?:day|night)|(?:daily|nightly))\b"
)
# Another count near the amount makes the daily figure uncertain ("2 x 300mg a day", "two 300 mg capsules
# a day", "300mg, sometimes double"): no figure is then worked out.
_OTHER_COUNT = re.compile(r"\d|\b(x|one|two|three|four|five|six|couple|double|triple|half)\b")
_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[, ]")
# The dose reader counts days, not nights.
_NIGHT = re.compile(r"\bnight(ly)?\b")


class Placed(NamedTuple):
    """A stated amount turned into a daily average in the limit's unit, and the sentence that says so."""

    per_day: float
    above: bool
    sentence: str


def _figure(value: float) -> str:
    """A figure as a person reads it: "400", "7,143", "2.5"."""
    if value >= 100 or value == round(value):
        return f"{round(value):,}"
    return f"{value:.2g}" if value < 1 else f"{value:.1f}".rstrip("0").rstrip(".")


def amount_against_limit(text: str, limit: ObservedSafeLevel, iu_per_mcg: float | None) -> Placed | None:
    """The question's stated amount and frequency against `limit`, or None when it cannot be placed
    exactly (no amount, no frequency, a unit that does not convert)."""
    lowered = text.lower().replace("µg", "mcg").replace("μg", "mcg")
    amount = _AMOUNT.search(lowered)
    if amount is None:
        return None
    often = _HOW_OFTEN.search(lowered, amount.end())
    if often is None:
        return None
    before = " ".join(lowered[: amount.start()].split()[-3:])
    between = lowered[amount.end() : often.start()]
    if _OTHER_COUNT.search(before) or _OTHER_COUNT.search(between) or _DIGITS.search(lowered, often.end()):
        return None
    number = _SEPARATORS.sub("", amount.group("n"))
    how_often = _NIGHT.sub(lambda night: "daily" if night.group(1) else "day", often.group(0))
    try:
        dose = parse_dose(f"{number} {amount.group('u')} {how_often}")
    except ProfileError:
        return None
    unit = dose.unit
    weekly = bool(often.group("w") or often.group("w2"))
    per_day = dose.low * dose.times_per_day
    limit_unit = limit.unit.removesuffix("/day")
    daily = convert_amount(per_day, unit, limit_unit, iu_per_mcg=iu_per_mcg)
    if daily is None:
        return None
    told = f"{_figure(dose.low)} {unit} {often.group(0).strip()}"
    relation = "above" if daily > limit.amount else "at" if daily == limit.amount else "below"
    exact = abs(daily - round(daily)) < 1e-9 or daily < 100
    average = f"{'' if exact else 'about '}{_figure(daily)} {limit_unit}"
    limit_said = f"the {limit.label} of {_figure(limit.amount)} {limit_unit} a day"
    told = f"{told[0].upper()}{told[1:]}"
    if weekly:
        sentence = f"{told} averages {average} a day, {relation} {limit_said}."
    elif dose.times_per_day == 1 and unit == limit_unit:
        sentence = f"{told} is {relation} {limit_said}."  # "600 mg daily", not "600 mg daily is 600 mg a day"
    else:
        sentence = f"{told} is {average} a day, {relation} {limit_said}."
    return Placed(daily, daily > limit.amount, sentence)
