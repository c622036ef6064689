"""Reading an intended dose as people write it ("5 g twice a day", "500mg tid", "2 x 5 g daily",
"0.3 g/kg/day") into an amount per day that can be compared with what studies used.

A dose that cannot be read exactly is an error that says why, never a guess: a wrong unit could
make a dose look a thousand times smaller than it is. The one assumption made, a bare amount
("5 g") taken once a day, is recorded on the result so the screen can say it made it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from suppwise.errors import ProfileError

MAX_DOSE_CHARS = 100
# Far beyond any real intake; above this the text is a slip (a missing decimal point), not a dose.
MAX_GRAMS_PER_INTAKE = 1_000.0
MAX_IU_PER_INTAKE = 1e9
MAX_TIMES_PER_DAY = 24.0

# Mass units in grams; IU is kept apart because converting it needs a substance-specific factor.
GRAMS_PER_UNIT = {"g": 1.0, "mg": 1e-3, "mcg": 1e-6}
UNIT_SPELLINGS = {
    "g": "g",
    "gm": "g",
    "gms": "g",
    "gram": "g",
    "grams": "g",
    "gramme": "g",
    "grammes": "g",
    "mg": "mg",
    "mgs": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "mcg": "mcg",
    "ug": "mcg",
    "microgram": "mcg",
    "micrograms": "mcg",
    "iu": "IU",
    "ius": "IU",
    "international units": "IU",
    "international unit": "IU",
}
# Units people use that cannot be compared with studied doses without knowing the product.
_NOT_COMPARABLE = {
    "kg": "kg is a body weight, not a dose; for a dose by weight write it as '0.3 g/kg a day'",
    "kilo": "kg is a body weight, not a dose; for a dose by weight write it as '0.3 g/kg a day'",
    "gr": "'gr' can mean grams or grains; write 'g' for grams",
    "grain": "grains are not used for supplement doses here; give the amount in g or mg",
    "grains": "grains are not used for supplement doses here; give the amount in g or mg",
    "ml": "a volume depends on the product; give the amount in g or mg (the label says how much one serving holds)",
    "l": "a volume depends on the product; give the amount in g or mg (the label says how much one serving holds)",
}
# Household and product measures: what a dose is counted in when it is not weighed ("2 caps", "a scoop").
# The question parser reads the same words as amounts (questions/intent.py), so both read one list.
COUNT_WORDS = (
    "scoop|scoops|teaspoon|teaspoons|tsp|tablespoon|tablespoons|tbsp|spoon|spoons|spoonful|spoonfuls|"
    "capsule|capsules|caps|cap|tablet|tablets|tabs|tab|pill|pills|sachet|sachets|serving|servings|drop|drops|"
    "softgel|softgels|gummy|gummies"
)

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MULTIPLIERS = {"once": 1, "twice": 2, "thrice": 3}
_LATIN = {"od": 1, "qd": 1, "bd": 2, "bid": 2, "tds": 3, "tid": 3, "qds": 4, "qid": 4}

_NUMBER = r"(?:\d+(?:\.\d+)?|\.\d+)"
_AMOUNT = re.compile(
    rf"^(?P<low>{_NUMBER})(?:\s*(?:-|to)\s*(?P<high>{_NUMBER}))?\s*(?P<unit>[a-z]+(?:\s+units?)?)(?P<rest>.*)$"
)
_PER_KG = re.compile(r"^\s*(?:/|per|a|each)\s*(?:kg|kilo|kilogram)s?\b(?: of body ?weight)?(?P<rest>.*)$")
_LEADING_TIMES = re.compile(rf"^(?P<n>{_NUMBER})\s*(?:x|times)\s*(?P<rest>\d.*)$")
_DAY = r"(?:day|days|daily|d|24 ?h|24 ?hours?)"
_WEEK = r"(?:week|weeks|weekly|wk|w)"
_PER = r"(?:/|per|an|a|each|every|in a|x)?"
_TIMES = r"(?:x|times|doses|servings)"


def convert_amount(amount: float, unit: str, to: str, *, iu_per_mcg: float | None = None) -> float | None:
    """`amount` of `unit` in `to` (g, mg, mcg or IU); across mass and IU only through the
    substance's `iu_per_mcg` (40 for vitamin D), None without it."""
    if unit == to:
        return amount
    if unit in GRAMS_PER_UNIT and to in GRAMS_PER_UNIT:
        return amount * GRAMS_PER_UNIT[unit] / GRAMS_PER_UNIT[to]
    if iu_per_mcg is None:
        return None
    if unit == "IU":
        return convert_amount(amount / iu_per_mcg, "mcg", to)
    mcg = convert_amount(amount, unit, "mcg")
    return None if mcg is None else mcg * iu_per_mcg


@dataclass(frozen=True)
class Dose:
    """An intended dose: the amount per intake (a range when one was given), how often a day, and
    whether it scales with body weight."""

    text: str
    low: float
    high: float
    unit: str
    times_per_day: float
    per_kg: bool = False
    assumed_once_daily: bool = False

    @property
    def is_range(self) -> bool:
        return self.high != self.low

    def daily(self, *, high: bool = True) -> float:
        """Amount per day in `unit` (per kg when `per_kg`); the top of a range by default, because a
        safety check must look at the most a person may take."""
        return (self.high if high else self.low) * self.times_per_day

    def daily_in(self, unit: str, *, weight_kg: float | None = None, iu_per_mcg: float | None = None) -> float | None:
        """Amount per day converted to `unit` (g, mg, mcg or IU, per day); None when that needs a
        factor we do not have (IU to grams, or a per-kg dose without a body weight)."""
        amount = self.daily()
        if self.per_kg:
            if weight_kg is None:
                return None
            amount *= weight_kg
        return convert_amount(amount, self.unit, unit, iu_per_mcg=iu_per_mcg)

    def describe(self) -> str:
        """The dose in one canonical wording (what the screen says it understood)."""
        unit = f"{self.unit}/kg" if self.per_kg else self.unit
        amount = f"{_num(self.low)}-{_num(self.high)}" if self.is_range else _num(self.low)
        total = f"{_num(self.daily(high=False))}-{_num(self.daily())}" if self.is_range else _num(self.daily())
        times = self.times_per_day
        if times == 1:
            return f"{amount} {unit} once a day"
        if times < 1:
            weekly = times * 7
            how_often = "every other day" if weekly == 3.5 else f"{_num(weekly)} times a week"
            return f"{amount} {unit} {how_often} ({total} {unit}/day on average)"
        how_often = {2.0: "twice", 3.0: "three times", 4.0: "four times"}.get(times, f"{_num(times)} times")
        return f"{amount} {unit} {how_often} a day ({total} {unit}/day)"


def _num(value: float) -> str:
    return f"{round(value, 3):g}"


def _error(text: str, why: str, hint: str | None = None) -> ProfileError:
    return ProfileError(
        f"cannot read the dose {text!r}: {why}",
        hint=hint or "write it like '5 g twice a day', '500 mg three times daily' or '10 g/day'",
        field="dose",
    )


def _number(token: str) -> float | None:
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    try:
        value = float(token)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _frequency(rest: str, text: str) -> tuple[float, bool]:
    """Times per day from the words after the amount, and whether once a day was assumed."""
    rest = rest.strip()
    if not rest:
        return 1.0, True
    if rest in _LATIN:
        return float(_LATIN[rest]), False
    patterns: tuple[tuple[str, float], ...] = (
        (rf"^{_PER}\s*{_DAY}$", 1.0),
        (rf"^{_PER}\s*{_WEEK}$", 1 / 7),
    )
    for pattern, per_day in patterns:
        if re.match(pattern, rest):
            return per_day, False
    counted = re.match(
        rf"^(?:(?P<word>once|twice|thrice)|(?P<lead>x\s*)?(?P<n>{_NUMBER}|one|two|three|four|five|six)"
        rf"\s*(?P<times>{_TIMES})?)\s*(?P<per>{_PER})\s*(?:(?P<day>{_DAY})|(?P<week>{_WEEK}))?$",
        rest,
    )
    if counted:
        # "3 days" or "2 weeks" is a duration, not a frequency: a count needs "times", "x", "a" or "/".
        if not (counted["word"] or counted["lead"] or counted["times"] or counted["per"]):
            raise _error(text, f"{rest!r} does not say how often", "write e.g. '3 times a day'")
        n = float(_MULTIPLIERS[counted["word"]]) if counted["word"] else _number(counted["n"])
        if n is None or n <= 0:
            raise _error(text, "the number of doses a day must be more than zero")
        if counted["week"]:
            return n / 7, False
        return n, False
    hourly = re.match(rf"^every\s*(?P<h>{_NUMBER})\s*(?:h|hr|hrs|hours?)$", rest)
    if hourly:
        hours = float(hourly["h"])
        if not 1 <= hours <= 24:
            raise _error(text, "'every N hours' needs N between 1 and 24")
        return 24 / hours, False
    if re.match(rf"^every\s*(other|second)\s*{_DAY}$", rest):
        return 0.5, False
    raise _error(text, f"{rest!r} is not a frequency suppwise understands")


def parse_dose(text: str) -> Dose:
    """The Dose that `text` describes; ProfileError saying what is wrong otherwise."""
    if len(text) > MAX_DOSE_CHARS:
        raise _error(text[:40] + "...", f"longer than {MAX_DOSE_CHARS} characters")
    folded = text.lower().replace("µ", "u").replace("μ", "u").replace("×", "x").replace("−", "-")
    folded = re.sub(r"\s+", " ", folded).strip().rstrip(".")
    if not folded:
        raise _error(text, "it is empty")
    if folded.startswith(("-", "minus ")):
        raise _error(text, "a dose cannot be negative")
    if re.search(r"\d,\d{1,2}(?!\d)", folded):
        raise _error(text, "use a point for decimals", "write 1.5 g rather than 1,5 g")
    folded = re.sub(r"(?<=\d),(?=\d{3}\b)", "", folded)
    multiplier = 1.0
    leading = _LEADING_TIMES.match(folded)
    if leading:
        multiplier = float(leading["n"])
        folded = leading["rest"]
    match = _AMOUNT.match(folded)
    if match is None:
        if re.match(rf"^{_NUMBER}\s*$", folded):
            raise _error(text, "no unit", "add a unit: g, mg, mcg or IU")
        if re.match(rf"^{_NUMBER}?\s*({COUNT_WORDS})\b", folded):
            raise _error(text, "scoops, capsules and spoons differ between products; give the amount in g or mg")
        raise _error(text, "it does not start with an amount and a unit")
    low, high = float(match["low"]), float(match["high"] or match["low"])
    unit_word = match["unit"].strip()
    rest = match["rest"]
    unit = UNIT_SPELLINGS.get(unit_word)
    if unit is None and " " in unit_word:
        first = unit_word.split(" ", 1)[0]
        unit = UNIT_SPELLINGS.get(first)
        rest = unit_word[len(first) :] + rest
    if unit is None:
        if unit_word in _NOT_COMPARABLE:
            raise _error(text, _NOT_COMPARABLE[unit_word])
        if re.fullmatch(COUNT_WORDS, unit_word):
            raise _error(text, "scoops, capsules and spoons differ between products; give the amount in g or mg")
        raise _error(text, f"unknown unit {unit_word!r}", "use g, mg, mcg (micrograms) or IU")
    if low <= 0 or high <= 0:
        raise _error(text, "a dose must be more than zero")
    if high < low:
        raise _error(text, f"the range {low:g}-{high:g} runs backwards")
    too_large = high > MAX_IU_PER_INTAKE if unit == "IU" else high * GRAMS_PER_UNIT[unit] > MAX_GRAMS_PER_INTAKE
    if too_large:
        raise _error(text, "the amount is too large to be a dose", "check for a missing decimal point")
    per_kg = False
    kg = _PER_KG.match(rest)
    if kg:
        per_kg = True
        rest = kg["rest"]
    times, assumed = _frequency(rest.strip(), text)
    times *= multiplier
    if times > MAX_TIMES_PER_DAY:
        raise _error(text, f"{times:g} doses a day is more than one an hour")
    return Dose(
        text=text.strip(),
        low=low,
        high=high,
        unit=unit,
        times_per_day=times,
        per_kg=per_kg,
        assumed_once_daily=assumed and multiplier == 1.0,
    )


def format_amount(grams: float) -> str:
    """A daily amount the way a label reads it: 7.5 g/day, 500 mg/day, 400 mcg/day."""
    grams = round(grams, 9)
    if grams >= 1:
        return f"{grams:g} g/day"
    if grams >= 0.001:
        return f"{grams * 1000:g} mg/day"
    return f"{grams * 1_000_000:g} mcg/day"


def format_daily(grams: float, *, iu: float | None = None) -> str:
    """A planned daily amount in the unit the person planned in: IU when `iu` gives it (a vitamin D
    plan written in IU), else as `format_amount` shows grams."""
    if iu is not None:
        return f"{iu:.3f}".rstrip("0").rstrip(".") + " IU/day"
    return format_amount(grams)
