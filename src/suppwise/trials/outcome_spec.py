"""What a person says about an outcome suppwise has no instrument for: its range, which way is
worse, and (optionally) the smallest change that matters to them.

Nothing is guessed: a range or a direction left out is an error naming the missing flag, because
reading a 0-10 "energy" column as higher-is-worse would turn a benefit into a harm. Only the
important difference has a default, the documented convention (`CONVENTION_FRACTION` of the
range), and the output says when it was used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from suppwise.errors import OutcomeSpecError
from suppwise.trials.outcomes import OutcomeScale, custom_scale

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*(?:-|–|—|\.\.|to)\s*({_NUMBER})\s*$", re.IGNORECASE)
MAX_SCORE_MAGNITUDE = 1e9
"""Larger bounds are refused: no rating scale or daily count reaches them, and beyond them float
arithmetic in the analysis would lose the resolution a score needs."""


def parse_range(text: str, *, what: str = "--range") -> tuple[float, float]:
    """`LOW-HIGH` as two numbers, low first: `0-10`, `1-5`, `-5-5`, `0.5-4.5`, `0 to 10`, `0–10`.
    `what` names the range in an error (the `analyze` flag, or a trial outcome's range)."""
    example = "--range 0-10" if what == "--range" else "0-10"
    match = _RANGE.match(text)
    if match is None:
        raise OutcomeSpecError(f"{what} {text!r} is not a range", hint=f"write it as LOW-HIGH, for example {example}")
    low, high = float(match.group(1)), float(match.group(2))
    if not all(math.isfinite(v) and abs(v) <= MAX_SCORE_MAGNITUDE for v in (low, high)):
        raise OutcomeSpecError(f"{what} {text!r} is out of reach", hint=f"bounds within ±{MAX_SCORE_MAGNITUDE:g}")
    if not low < high:
        prefix = "--range " if what == "--range" else ""
        raise OutcomeSpecError(
            f"{what} {text!r}: the low end must come first and be below the high end",
            hint=f"for example {prefix}{min(low, high):g}-{max(low, high):g}" if low != high else None,
        )
    return low, high


@dataclass(frozen=True)
class OutcomeSpec:
    """The flags of `suppwise analyze` for a column the evidence base does not describe."""

    score_range: tuple[float, float] | None = None
    higher_is_worse: bool | None = None
    important_difference: float | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in (self.score_range, self.higher_is_worse, self.important_difference))

    def scale(self, name: str) -> OutcomeScale:
        """The scale for column `name`; an error naming whatever is missing or inconsistent."""
        if self.score_range is None:
            raise OutcomeSpecError(
                f"{name!r} is not an outcome suppwise has an instrument for: give its range",
                hint=f"for example --outcome {name} --range 0-10 --higher-is-better",
            )
        if self.higher_is_worse is None:
            raise OutcomeSpecError(
                f"say which way {name!r} runs: --higher-is-better or --higher-is-worse",
                hint="suppwise never guesses a direction: a wrong one would call a harm a benefit",
            )
        low, high = self.score_range
        difference = self.important_difference
        if difference is not None and not (math.isfinite(difference) and 0 < difference < high - low):
            raise OutcomeSpecError(
                f"--important-difference {difference:g} must be above 0 and below the range's width ({high - low:g})"
            )
        return custom_scale(
            name, low=low, high=high, higher_is_worse=self.higher_is_worse, important_difference=difference
        )
