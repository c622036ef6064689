"""The verdict sentence: every branch of the wording rules (docs/trial-json.md, "Verdict wording"),
and percentages that never claim certainty."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.stats.verdict_words import Probabilities, percent, sureness, verdict_words


def words(verdict: str, p: Probabilities, higher_is_worse: bool = True) -> str:
    return verdict_words(verdict, "pain", "2.0", p, higher_is_worse=higher_is_worse, when="on supplement days")


@pytest.mark.parametrize(
    ("verdict", "p", "expected"),
    [
        ("likely_worse", Probabilities(0.999, 0.001, 0.93, 0.0, 0.07),
         "likely worsened your pain: by at least the important 2.0 points (93%)"),
        ("likely_better", Probabilities(0.001, 0.999, 0.0, 0.95, 0.05),
         "likely improved your pain: by at least the important 2.0 points (95%)"),
        ("no_meaningful_change", Probabilities(0.96, 0.04, 0.08, 0.0, 0.92),
         "no meaningful change likely: your pain was slightly higher (worse) on supplement days, very likely (96%), "
         "but by less than the important 2.0 points (92%)"),
        ("no_meaningful_change", Probabilities(0.6, 0.4, 0.03, 0.03, 0.94),
         "no meaningful change likely: any difference is under the important 2.0 points (94%)"),
        ("unclear", Probabilities(0.999, 0.001, 0.6, 0.0, 0.4),
         "your pain was higher (worse) on supplement days — almost certainly (>99%); "
         "whether by the important 2.0 points is uncertain (60%)"),
        ("unclear", Probabilities(0.71, 0.29, 0.3, 0.05, 0.65),
         "unclear — the data cannot tell yet which way your pain moved (worse 71%, better 29%)"),
        ("unclear", Probabilities(0.05, 0.95, 0.0, 0.5, 0.5),
         "your pain was lower (better) on supplement days — very likely (95%); "
         "whether by the important 2.0 points is uncertain (50%)"),
    ],
)
def test_each_branch_reads_as_documented(verdict: str, p: Probabilities, expected: str) -> None:
    assert words(verdict, p) == expected


def test_when_higher_is_better_a_rise_is_an_improvement() -> None:
    """Sleep quality: higher scores are better, so 'better' goes with 'higher'."""
    text = words("unclear", Probabilities(0.02, 0.98, 0.0, 0.4, 0.6), higher_is_worse=False)
    assert text.startswith("your pain was higher (better) on supplement days — very likely (98%)")


def test_sureness_words_follow_the_thresholds() -> None:
    assert [sureness(p) for p in (0.995, 0.99, 0.97, 0.95, 0.92, 0.9, 0.89)] == [
        "almost certainly", "almost certainly", "very likely", "very likely", "likely", "likely", None,
    ]


@given(st.floats(0.0, 1.0))
def test_a_percentage_never_claims_certainty(p: float) -> None:
    shown = percent(p)
    assert shown not in {"0%", "100%"}
    match = re.fullmatch(r"([<>]?)(\d+)%", shown)
    assert match is not None
    value = int(match.group(2))
    if match.group(1) == "":
        assert 1 <= value <= 99 and abs(value - p * 100) <= 0.5 + 1e-9


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.sampled_from(["likely_worse", "likely_better",
                                                                   "no_meaningful_change", "unclear"]))
def test_the_named_direction_is_the_more_probable_one(any_worse: float, share: float, verdict: str) -> None:
    worse = any_worse * share
    better = (1 - any_worse) * share
    text = words(verdict, Probabilities(any_worse, 1 - any_worse, worse, better, 1 - worse - better))
    if "(worse) on" in text:  # judged on the whole percentage shown
        assert round(any_worse * 100) >= 90
    if "(better) on" in text:
        assert round((1 - any_worse) * 100) >= 90
