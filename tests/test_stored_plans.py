"""A trial's stored plan is validated once per process (`suppwise.services.stored_plans`): the same
stored document gives the same validated plan without validating again, and a different document
under the same trial id and creation time (an id reused after a deletion, a record built by hand)
never gets the plan kept for the first one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from suppwise.services import stored_plans
from suppwise.services.stored_plans import validated_plan
from suppwise.storage import TrialRecord
from suppwise.trials.plan import Titration, TrialPlan

CREATED = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)


def document(**changes: Any) -> dict[str, Any]:
    plan = TrialPlan(
        substance="glutamine",
        outcomes=("pain",),
        start_date=date(2026, 9, 1),
        baseline_days=7,
        titration=Titration(start="2 g", step="2 g", target="4 g", days_per_step=3),
        seed=20260901,
    )
    return {**plan.model_dump(mode="json"), **changes}


def record(plan: dict[str, Any], trial_id: str = "t-0a1b2c") -> TrialRecord:
    return TrialRecord(
        id=trial_id,
        created_at=CREATED,
        substance="glutamine",
        condition=None,
        outcomes=("pain",),
        plan=plan,
        seed=None,
        start_date=date(2026, 9, 1),
        status="active",
        screen_level="no_known_issue",
        acknowledgement=None,
        acknowledged_at=None,
    )


@pytest.fixture(autouse=True)
def _no_kept_plans() -> Iterator[None]:
    stored_plans.forget_plans()
    yield
    stored_plans.forget_plans()


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Each document `TrialPlan.model_validate` is asked to validate."""
    seen: list[dict[str, Any]] = []
    validate = TrialPlan.model_validate

    def counted(obj: Any, *args: Any, **kwargs: Any) -> TrialPlan:
        seen.append(obj)
        return validate(obj, *args, **kwargs)

    monkeypatch.setattr(TrialPlan, "model_validate", counted)
    return seen


def test_a_stored_plan_is_validated_once_and_equals_a_fresh_validation(validations: list[dict[str, Any]]) -> None:
    trial = record(document())
    first = validated_plan(trial)
    again = validated_plan(replace(trial, plan=document(), status="stopped"))  # a fresh read of the same row
    assert again is first
    assert first == TrialPlan.model_validate(document())
    assert len(validations) == 2  # the first call, and the comparison just above


def test_another_plan_under_the_same_trial_id_and_time_is_validated_on_its_own(
    validations: list[dict[str, Any]],
) -> None:
    trial = record(document())
    assert validated_plan(trial).baseline_days == 7
    reused = record(document(baseline_days=21))
    assert validated_plan(reused).baseline_days == 21
    assert validated_plan(trial).baseline_days == 7
    assert len(validations) == 3


def test_a_change_to_the_record_after_validation_is_not_mistaken_for_the_validated_plan() -> None:
    plan = document()
    trial = record(plan)
    assert validated_plan(trial).baseline_days == 7
    plan["baseline_days"] = 14  # the record's own dict, changed in place
    assert validated_plan(trial).baseline_days == 14


def test_an_invalid_plan_is_refused_every_time() -> None:
    trial = record(document(baseline_days=-1))
    for _ in range(2):
        with pytest.raises(ValidationError, match="baseline_days"):
            validated_plan(trial)


def test_the_kept_plans_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored_plans, "PLANS_KEPT", 3)
    trials = [record(document(), trial_id=f"t-00000{k}") for k in range(5)]
    plans = [validated_plan(t) for t in trials]
    assert len(stored_plans._plans) == 3
    assert validated_plan(trials[-1]) is plans[-1]  # the most recent are kept
    assert validated_plan(trials[0]) == plans[0]  # an old one validated again, equal
