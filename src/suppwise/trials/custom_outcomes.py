"""A trial's own outcomes: what a person and their clinician choose to track beside the built-in
instruments (energy 0-10, headache hours, steps), described once in the plan and checked the same
way everywhere a value arrives (the CLI, the web form, the API, a diary file).

One outcome is written as a short spec, so it fits on a command line and in a profile:

    NAME:LOW-HIGH:DIRECTION[:decimals|:whole][:delta=D]

- NAME: letters, digits and `_` (spaces and dashes read as `_`, upper case as lower), starting
  with a letter, at most 40 characters; not a built-in outcome or diary column (`pain`, `mood`,
  `note`, ...), so a diary file's columns stay unambiguous.
- LOW-HIGH: the scale's range, as `analyze --range` reads it (`0-10`, `-5-5`, `0-24`).
- DIRECTION: `higher-better` or `higher-worse` (never guessed: a wrong one would call a harm a
  benefit).
- `whole` (the default) or `decimals`: whether a day's value may hold a fraction.
- `delta=D`: the smallest change that matters, in the outcome's points. Without it the analysis
  uses the documented convention (20% of the range) and says so wherever it shows the outcome.

Examples: `energy:0-10:higher-better`, `headache_hours:0-24:higher-worse:decimals:delta=2`.
docs/trial-json.md describes the same outcome as JSON for the API.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Final

from pydantic import field_validator, model_validator

from suppwise.contract import Model
from suppwise.errors import OutcomeSpecError
from suppwise.trials.outcome_spec import MAX_SCORE_MAGNITUDE, parse_range

if TYPE_CHECKING:
    from suppwise.trials.outcomes import OutcomeScale

MAX_CUSTOM_OUTCOMES: Final = 10
"""More than a daily diary can ask of a person; it also bounds the work of every report."""
MAX_NAME_CHARS: Final = 40
NAME_PATTERN: Final = re.compile(rf"^[a-z][a-z0-9_]{{0,{MAX_NAME_CHARS - 1}}}$")
DIRECTIONS: Final = {
    "higher-better": False,
    "higher-is-better": False,
    "higher-worse": True,
    "higher-is-worse": True,
}
SPEC_FORMAT: Final = "NAME:LOW-HIGH:higher-better|higher-worse[:decimals|:whole][:delta=D]"
SPEC_EXAMPLE: Final = "energy:0-10:higher-better"


class CustomOutcomeError(OutcomeSpecError):
    """A trial's own outcome described incompletely or inconsistently; names the part at fault."""


def outcome_name(text: str) -> str:
    """A name as the diary reads it: trimmed, lower case, spaces and dashes as underscores (the way
    a CSV header is read, so `Headache hours` in a file finds `headache_hours`)."""
    return "_".join(text.strip().lower().replace("-", " ").split())


@cache
def reserved_names() -> frozenset[str]:
    """Names a trial's own outcome cannot take: the built-in outcomes and their words, every diary
    column and every column alias (a file's `dose` column must stay the dose)."""
    from suppwise.trials.diary import COLUMN_ALIASES, CSV_COLUMNS
    from suppwise.trials.outcome_keys import FIELD_SCALES, OUTCOME_FIELDS

    return frozenset({*OUTCOME_FIELDS, *FIELD_SCALES, *CSV_COLUMNS, *COLUMN_ALIASES, "custom"})


def check_name(text: str) -> str:
    """The outcome's key, or an error saying what a name may hold."""
    name = outcome_name(text)
    if not NAME_PATTERN.match(name):
        raise CustomOutcomeError(
            f"{text.strip()[:60]!r} is not an outcome name",
            hint=f"start with a letter; use letters, digits and _ only, at most {MAX_NAME_CHARS} characters "
            "(e.g. energy, headache_hours)",
        )
    if name in reserved_names():
        raise CustomOutcomeError(
            f"{name!r} is a built-in outcome or diary column",
            hint="name built-in outcomes with --outcomes (pain, fatigue, sleep, mood, gi); give your own outcome "
            "another name, e.g. my_" + name,
        )
    return name


class CustomOutcome(Model):
    """One outcome of a trial's own, as stored in its plan."""

    name: str
    low: float
    high: float
    higher_is_worse: bool
    decimals: bool = False
    important_difference: float | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        try:
            return check_name(value)
        except CustomOutcomeError as error:
            raise ValueError(f"{error.message} ({error.hint})") from None

    @model_validator(mode="after")
    def _coherent(self) -> CustomOutcome:
        for bound in (self.low, self.high):
            if not (math.isfinite(bound) and abs(bound) <= MAX_SCORE_MAGNITUDE):
                raise ValueError(f"{self.name}: the range's bounds must lie within ±{MAX_SCORE_MAGNITUDE:g}")
        if not self.low < self.high:
            raise ValueError(f"{self.name}: the low end of the range ({self.low:g}) must be below the high end")
        if not self.decimals and not (self.low.is_integer() and self.high.is_integer()):
            raise ValueError(
                f"{self.name}: a range of whole points needs whole bounds (or mark the outcome as decimals)"
            )
        delta = self.important_difference
        if delta is not None and not (math.isfinite(delta) and 0 < delta < self.high - self.low):
            raise ValueError(
                f"{self.name}: the important difference {delta:g} must be above 0 and below the range's width "
                f"({self.high - self.low:g})"
            )
        return self

    def spec(self) -> str:
        """The outcome written back as its spec (`parse_outcome_spec(o.spec()) == o`)."""
        parts = [self.name, f"{_written(self.low)}-{_written(self.high)}"]
        parts.append("higher-worse" if self.higher_is_worse else "higher-better")
        if self.decimals:
            parts.append("decimals")
        if self.important_difference is not None:
            parts.append(f"delta={_written(self.important_difference)}")
        return ":".join(parts)

    def scale(self) -> OutcomeScale:
        """The scale the analysis takes: δ as given, else the stated convention."""
        from suppwise.trials.outcomes import custom_scale

        return custom_scale(
            self.name,
            low=self.low,
            high=self.high,
            higher_is_worse=self.higher_is_worse,
            important_difference=self.important_difference,
            decimals=self.decimals,
            how_to_change="Add delta=D to the outcome's description in the plan to use another.",
            given_where="in the trial's plan",
        )

    def describe(self) -> str:
        """One line for a person: `energy, 0-10, higher is better, whole points, δ 2 (default)`."""
        from suppwise.trials.outcomes import CONVENTION_FRACTION

        default = round(CONVENTION_FRACTION * (self.high - self.low), 9)
        delta = (
            f"important difference {self.important_difference:g}"
            if self.important_difference is not None
            else f"important difference not given: {default:g} by default ({CONVENTION_FRACTION:.0%} of the range)"
        )
        direction = "higher is worse" if self.higher_is_worse else "higher is better"
        values = "decimals allowed" if self.decimals else "whole points"
        return f"{self.name}, {self.low:g}-{self.high:g}, {direction}, {values}, {delta}"


def _written(value: float) -> str:
    """A number as a spec writes it, read back exactly: `10`, not `10.0`; `0.1`, not `0.1000`."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise CustomOutcomeError(f"{what} {text.strip()[:40]!r} is not a number")
    return value


def parse_outcome_spec(text: str) -> CustomOutcome:
    """`energy:0-10:higher-better[:decimals][:delta=1.5]` as a `CustomOutcome`; an error naming the
    part at fault otherwise (see the module docstring for the format)."""
    parts = [p.strip() for p in text.split(":")]
    shown = text.strip()[:80]
    if len(parts) < 3 or not all(parts[:3]):
        raise CustomOutcomeError(
            f"outcome {shown!r} needs a name, a range and a direction",
            hint=f"write it as {SPEC_FORMAT}, e.g. {SPEC_EXAMPLE}",
        )
    name = check_name(parts[0])
    try:
        low, high = parse_range(parts[1], what=f"the range of {name}")
    except OutcomeSpecError as error:
        raise CustomOutcomeError(error.message, hint=f"e.g. {name}:0-10:higher-better") from None
    direction = parts[2].lower()
    if direction not in DIRECTIONS:
        raise CustomOutcomeError(
            f"{parts[2][:40]!r} is not a direction for {name}",
            hint=f"write higher-better or higher-worse, e.g. {name}:{parts[1]}:higher-better",
        )
    options: dict[str, str] = {}
    for option in parts[3:]:
        key, _, value = option.partition("=")
        key = key.strip().lower()
        if key in ("decimals", "whole") and not value:
            kind = "decimals"
        elif key in ("delta", "important-difference", "important_difference") and value:
            kind = "delta"
        else:
            raise CustomOutcomeError(
                f"{option[:40]!r} is not an option of outcome {name}",
                hint="options are decimals (or whole, the default) and delta=D, e.g. "
                f"{name}:{parts[1]}:{direction}:decimals:delta=1.5",
            )
        if kind in options:
            raise CustomOutcomeError(f"outcome {name} says {kind if kind == 'delta' else 'decimals or whole'} twice")
        options[kind] = value if kind == "delta" else key
    delta = _number(options["delta"], f"delta of {name}") if "delta" in options else None
    return custom_outcome(
        name=name,
        low=low,
        high=high,
        higher_is_worse=DIRECTIONS[direction],
        decimals=options.get("decimals") == "decimals",
        important_difference=delta,
    )


def custom_outcome(
    *,
    name: str,
    low: float,
    high: float,
    higher_is_worse: bool,
    decimals: bool = False,
    important_difference: float | None = None,
) -> CustomOutcome:
    """A checked `CustomOutcome` from its parts (a spec, a web form's row, an API body), or a
    `CustomOutcomeError` saying what is wrong with it."""
    from pydantic import ValidationError

    try:
        return CustomOutcome(
            name=name,
            low=low,
            high=high,
            higher_is_worse=higher_is_worse,
            decimals=decimals,
            important_difference=important_difference,
        )
    except ValidationError as invalid:
        message = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in invalid.errors())
        raise CustomOutcomeError(message, hint=f"describe an outcome as {SPEC_FORMAT}") from None


def parse_outcome_specs(texts: Iterable[str]) -> tuple[CustomOutcome, ...]:
    """Several specs (a repeated `--outcome`), each name once, at most `MAX_CUSTOM_OUTCOMES`."""
    outcomes = tuple(parse_outcome_spec(t) for t in texts)
    check_distinct(outcomes)
    return outcomes


def check_distinct(outcomes: Iterable[CustomOutcome], builtin: Iterable[str] = ()) -> None:
    """Each name once, not more than `MAX_CUSTOM_OUTCOMES`."""
    seen: set[str] = set(builtin)
    count = 0
    for outcome in outcomes:
        if outcome.name in seen:
            raise CustomOutcomeError(f"outcome {outcome.name!r} is given twice", hint="keep one description of it")
        seen.add(outcome.name)
        count += 1
    if count > MAX_CUSTOM_OUTCOMES:
        raise CustomOutcomeError(
            f"{count} outcomes of your own; at most {MAX_CUSTOM_OUTCOMES} fit in a trial",
            hint="track the ones that matter most to you and your clinician",
        )


def check_values(
    values: Mapping[str, float], outcomes: Iterable[CustomOutcome], *, row: int | None = None
) -> dict[str, float]:
    """A day's values of the trial's own outcomes, each in its range and whole where it must be;
    a `DiaryError` naming the (row and) outcome otherwise."""
    from suppwise.errors import DiaryError

    where = f"row {row}: " if row is not None else ""
    known = {o.name: o for o in outcomes}
    checked: dict[str, float] = {}
    for key, value in values.items():
        outcome = known.get(key)
        if outcome is None:
            tracked = ", ".join(known) or "none"
            raise DiaryError(
                f"{where}{key!r} is not an outcome of this trial",
                hint=f"this trial's own outcomes: {tracked}",
                row=row,
                field=key,
            )
        if not outcome.low <= value <= outcome.high:
            raise DiaryError(
                f"{where}{key} {value:g} is outside {outcome.low:g}-{outcome.high:g} ({outcome.describe()})",
                row=row,
                field=key,
            )
        if not outcome.decimals and not float(value).is_integer():
            raise DiaryError(
                f"{where}{key} must be a whole number, not {value:g}",
                hint=f"this trial records {key} in whole points ({outcome.low:g} to {outcome.high:g})",
                row=row,
                field=key,
            )
        checked[key] = float(value)
    return checked


def parse_value_options(texts: Iterable[str]) -> dict[str, float]:
    """`energy=6`, `headache_hours=1.5` (the CLI's repeated `--value`) as name → number; a
    `DiaryError` naming the option otherwise. Ranges are checked against the plan later."""
    from suppwise.errors import DiaryError
    from suppwise.trials.diary import parse_score

    values: dict[str, float] = {}
    for text in texts:
        name, equals, number = text.partition("=")
        key = outcome_name(name)
        if not equals or not key or not number.strip():
            raise DiaryError(
                f"--value {text[:60]!r} needs a name and a number",
                hint="write it as NAME=NUMBER, e.g. --value energy=6",
                field="custom",
            )
        if key in values:
            raise DiaryError(f"--value gives {key} twice", hint="give each outcome once", field=key)
        values[key] = parse_score(number, column=key)
    return values
