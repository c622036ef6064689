"""The verdict of one outcome in words, saying both things the posterior knows.

A personal trial answers two questions, and they can have different answers: did the score move on
supplement days at all (the direction), and did it move by a clinically important amount δ (the
size)? With pain 2.1 points higher (95% interval 1.2 to 3.1) and δ = 2, the direction is almost
certain while the size is a coin toss; a verdict that only says "unclear" hides the first, and one
that only says "worse" overstates the second. So the words state the direction whenever it is
at least likely, and then what is known about its size.

The rules (docs/trial-json.md, "Verdict wording"), with P(any) the probability of a change of any
size in the harmful or helpful direction and P(≥δ) that of an important one:

- the verdict code decides the opening: `likely_worse`/`likely_better` (P(≥δ) ≥ 0.9) "likely
  worsened/improved your pain", `no_meaningful_change` (P(within ±δ) ≥ 0.9) "no meaningful change
  likely", `unclear` otherwise;
- the direction is named when P(any) in one direction is at least 90%, with a word for how sure:
  99% "almost certainly", 95% "very likely", 90% "likely" (on the whole percentage shown);
- the size is named with its own probability: at least δ, smaller than δ, or "uncertain" when
  neither reaches 0.9;
- probabilities are whole percentages, never 0% or 100% (shown as "<1%" and ">99%"): a posterior
  is never certain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

DIRECTION_PROBABILITY: Final = 0.9  # as a whole percentage, the last floor of _SURENESS
_SURENESS: Final = ((99, "almost certainly"), (95, "very likely"), (90, "likely"))


@dataclass(frozen=True)
class Probabilities:
    """What the words are made from, all oriented to harm and help (not to higher and lower)."""

    any_worse: float
    any_better: float
    worse: float  # P(worse by at least delta)
    better: float
    within: float


def percent(p: float) -> str:
    """A probability as a whole percentage that never claims certainty."""
    value = round(p * 100)
    if value > 99:
        return ">99%"
    if value < 1:
        return "<1%"
    return f"{value:d}%"


def sureness(p: float) -> str | None:
    """The word for how sure a direction is, or None below `DIRECTION_PROBABILITY`. Judged on the
    whole percentage shown beside it, so that "likely (95%)" can never be printed."""
    shown = round(p * 100)
    return next((word for floor, word in _SURENESS if shown >= floor), None)


def verdict_words(
    verdict: str, outcome: str, delta: str, p: Probabilities, *, higher_is_worse: bool, when: str
) -> str:
    """The verdict sentence. `verdict` is the code (`Verdict.value`), `delta` the important
    difference as shown, `when` how the contrast reads ("on supplement days")."""
    worse = p.any_worse >= p.any_better
    p_direction = p.any_worse if worse else p.any_better
    word = sureness(p_direction)
    higher = worse == higher_is_worse
    moved = f"{'higher' if higher else 'lower'} ({'worse' if worse else 'better'})"
    if verdict == "likely_worse":
        return f"likely worsened your {outcome}: by at least the important {delta} points ({percent(p.worse)})"
    if verdict == "likely_better":
        return f"likely improved your {outcome}: by at least the important {delta} points ({percent(p.better)})"
    if verdict == "no_meaningful_change":
        if word is None:
            return (
                f"no meaningful change likely: any difference is under the important {delta} points "
                f"({percent(p.within)})"
            )
        return (
            f"no meaningful change likely: your {outcome} was slightly {moved} {when}, {word} "
            f"({percent(p_direction)}), but by less than the important {delta} points ({percent(p.within)})"
        )
    if word is None:
        return (
            f"unclear — the data cannot tell yet which way your {outcome} moved "
            f"(worse {percent(p.any_worse)}, better {percent(p.any_better)})"
        )
    important = p.worse if worse else p.better
    return (
        f"your {outcome} was {moved} {when} — {word} ({percent(p_direction)}); "
        f"whether by the important {delta} points is uncertain ({percent(important)})"
    )
