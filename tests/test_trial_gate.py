"""A trial starts only when the person's screen allows it, at the plan's highest dose."""

from __future__ import annotations

from datetime import date

import pytest

from suppwise.errors import TrialBlockedError
from suppwise.evidence.base import EvidenceBase
from suppwise.safety.profile import Profile
from suppwise.trials.gate import check_can_start, screen_plan
from suppwise.trials.plan import Titration, TrialPlan


def plan(target: str) -> TrialPlan:
    return TrialPlan(
        substance="glutamine",
        outcomes=("pain",),
        start_date=date(2026, 12, 1),
        titration=Titration(start="1 g a day", step="1 g a day", target=target, days_per_step=3),
        seed=1,
    )


def test_avoid_blocks_the_start_whatever_is_acknowledged(bundled: EvidenceBase) -> None:
    result = screen_plan(bundled, Profile(conditions=("bipolar disorder",)), plan("5 g a day"))
    with pytest.raises(TrialBlockedError, match="cannot start") as caught:
        check_can_start(result, "I accept every risk and my clinician agrees")
    assert caught.value.envelope()["screen"]["level"] == "avoid"  # type: ignore[index]


def test_caution_needs_an_acknowledgement_which_is_returned_for_storage(bundled: EvidenceBase) -> None:
    result = screen_plan(bundled, Profile(conditions=("fibromyalgia",)), plan("5 g a day"))
    assert result.level == "caution"
    with pytest.raises(TrialBlockedError, match="acknowledgement"):
        check_can_start(result, None)
    with pytest.raises(TrialBlockedError):
        check_can_start(result, "ok")
    assert (
        check_can_start(result, "  Read the cautions; agreed with Dr Lee  ") == "Read the cautions; agreed with Dr Lee"
    )


def test_the_plan_target_dose_is_what_gets_screened(bundled: EvidenceBase) -> None:
    low = screen_plan(bundled, Profile(), plan("5 g a day"))
    high = screen_plan(bundled, Profile(dose="1 g a day"), plan("10 g twice a day"))
    assert low.level == "no_known_issue" and check_can_start(low, None) is None
    assert high.level == "caution" and high.dose_check is not None
    assert high.dose_check.status == "above_observed_safe_level"
