"""A pooled result (`suppwise pool`) → plain text for the terminal.

Plain strings rather than Rich markup: nothing here comes from what a person typed, and the text
reads the same piped into a file. Probabilities with two decimals, points with one: diary scores
are whole points, so finer digits would be noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_EXCLUDED = {
    "no_contrast": "without both on and comparison days",
    "not_enough_data": "with too few usable days",
    "no_variation": "whose scores never varied",
}


def _points(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _share(value: float) -> str:
    return f"{100.0 * value:.0f}%"


# Above this skewness a person's posterior is visibly lopsided, and treating it as normal (as the
# pooling step does) moves a 95% interval's end by about half a posterior sd for that person.
SKEWNESS_WORTH_SAYING = 1.0


def _normality_warning(check: dict[str, float]) -> list[str]:
    skew = check["max_abs_skewness"]
    if skew <= SKEWNESS_WORTH_SAYING:
        return []
    return [
        f"Check: at least one person's own result is lopsided (skewness {skew:.1f}); the pool treats it as "
        "symmetric, so figures near a threshold deserve some caution."
    ]


def _other_scales(definition: dict[str, Any] | None) -> str:
    """For a database pool of the trials' own outcome: who was left out for recording it otherwise."""
    if not definition or not (definition["people_other_scale"] or definition["people_without_outcome"]):
        return ""
    how = " (the scale most people use)" if definition["chosen"] == "most_common" else ""
    others = [
        f"{n} {what}"
        for n, what in (
            (definition["people_other_scale"], "who record it on another scale"),
            (definition["people_without_outcome"], "who do not record it"),
        )
        if n
    ]
    return f" Only trials recording {definition['name']} on this scale{how} are pooled; left out: {', '.join(others)}."


@dataclass(frozen=True)
class PoolParts:
    """The sentences of a pooled result, shared by the text and the HTML page so both say the same."""

    title: str
    people: str
    findings: list[str]
    closing: list[str]


def pool_parts(result: dict[str, Any]) -> PoolParts:
    outcome = result["outcome"]
    delta = outcome["delta"]
    d = f"{delta:g}"
    direction = "higher is worse" if outcome["higher_is_worse"] else "higher is better"
    mu, tau, new = result["mu"], result["tau"], result["new_person"]
    up, down = result["share_improving"], result["share_worsening"]
    left_out = [f"{n} {_EXCLUDED[why]}" for why, n in result["people_excluded"].items() if n]
    return PoolParts(
        title=f"Pooled personal trials: {outcome['name']} ({outcome['score_low']:g}-{outcome['score_high']:g}, "
        f"{direction}; important difference {d} points)",
        people=f"People: {result['people_used']} used"
        + (f" (left out: {', '.join(left_out)})" if left_out else "")
        + f"; {result['days_used']} diary days."
        + _other_scales((result.get("source") or {}).get("outcome_definition")),
        findings=[
            f"Average effect in the population (on minus off): {_points(mu['mean'])} points "
            f"(95% credible interval {_points(mu['ci_low'])} to {_points(mu['ci_high'])}).",
            f"  Probability the average is an improvement of at least {d} points: {mu['p_benefit']:.2f}; "
            f"a worsening of at least {d}: {mu['p_harm']:.2f}.",
            f"Spread between people (sd): {_points(tau['mean'])} points "
            f"(95% credible interval {_points(tau['ci_low'])} to {_points(tau['ci_high'])}).",
            f"Someone new like these people: improves by at least {d} points with probability "
            f"{new['p_improve']:.2f}, worsens by at least {d} with probability {new['p_worsen']:.2f}.",
            f"Share of people who improve by at least {d} points: {_share(up['mean'])} "
            f"(95% credible interval {_share(up['ci_low'])} to {_share(up['ci_high'])}); "
            f"who worsen by at least {d}: {_share(down['mean'])} "
            f"({_share(down['ci_low'])} to {_share(down['ci_high'])}).",
            *_normality_warning(result["normal_summary_check"]),
        ],
        closing=[result["note"], f"Method: {result['method']}.", result["disclaimer"]],
    )


def pool_text(result: dict[str, Any]) -> str:
    parts = pool_parts(result)
    return "\n".join([parts.title, parts.people, "", *parts.findings, "", *parts.closing])
