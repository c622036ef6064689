"""A trial's protocol becomes a day-by-day schedule: phases, planned doses, washout, and a
randomisation that the recorded seed reproduces."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from suppwise.trials.plan import Design, Phase, Titration, TrialPlan, schedule
from suppwise.trials.report import next_change

TITRATION = Titration(start="2 g a day", step="2 g a day", target="5 g twice a day", days_per_step=3)


def plan(**changes: object) -> TrialPlan:
    fields: dict[str, object] = {
        "substance": "glutamine",
        "outcomes": ("pain",),
        "start_date": date(2026, 12, 1),
        "titration": TITRATION,
        "baseline_days": 7,
        "block_days": 7,
        "washout_days": 2,
        "seed": 42,
    }
    fields.update(changes)
    return TrialPlan.model_validate(fields)


def letters(days: list) -> str:  # type: ignore[type-arg]
    return "".join({"baseline": "B", "titration": "T", "on": "A", "off": "o", "washout": "w"}[d.phase] for d in days)


def test_titration_builds_up_to_the_target() -> None:
    assert TITRATION.steps() == [2.0, 4.0, 6.0, 8.0, 10.0]
    days = schedule(plan())
    titration = [d.planned_g for d in days if d.phase is Phase.TITRATION]
    assert titration == [2.0] * 3 + [4.0] * 3 + [6.0] * 3 + [8.0] * 3 + [10.0] * 3


def test_ab_design_is_baseline_titration_then_on() -> None:
    days = schedule(plan(design=Design.AB, seed=None))
    assert letters(days) == "B" * 7 + "T" * 15 + "A" * 7
    assert all(d.analysed for d in days if d.phase in (Phase.BASELINE, Phase.ON))


def test_washout_follows_every_switch_and_is_not_analysed() -> None:
    days = schedule(plan())
    text = letters(days)
    assert text.startswith("B" * 7 + "T" * 15)
    blocks = [text[22 + 7 * i : 29 + 7 * i] for i in range(4)]
    for block, phase in zip(blocks, plan().block_order(), strict=True):
        assert block.replace("w", "") == ("A" if phase is Phase.ON else "o") * len(block.replace("w", ""))
    assert all(not d.analysed for d in days if d.phase is Phase.WASHOUT)
    assert all(d.planned_g == 0 for d in days if d.phase is Phase.OFF)


def test_the_seed_reproduces_the_order_and_different_seeds_differ() -> None:
    assert plan(seed=7).block_order() == plan(seed=7).block_order()
    orders = {tuple(plan(seed=s, pairs=3).block_order()) for s in range(40)}
    assert len(orders) > 1


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"washout_days": 7}, "washout"),
        ({"seed": None}, "seed recorded"),
        ({"titration": {"start": "10 g", "step": "1 g", "target": "5 g", "days_per_step": 3}}, "above the target"),
        ({"titration": {"start": "5 scoops", "step": "1 g", "target": "5 g", "days_per_step": 3}}, "differ between"),
        ({"titration": {"start": "0.1 g/kg", "step": "1 g", "target": "5 g", "days_per_step": 3}}, "not per kg"),
        ({"outcomes": ()}, "at least one outcome"),
        ({"block_days": 90, "pairs": 6}, "within 366"),
    ],
)
def test_impossible_plans_are_refused(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        plan(**changes)


@given(
    seed=st.integers(min_value=0, max_value=2**32),
    pairs=st.integers(min_value=1, max_value=4),
    block=st.integers(min_value=3, max_value=21),
    washout=st.integers(min_value=0, max_value=2),
)
def test_any_schedule_is_balanced_and_contiguous(seed: int, pairs: int, block: int, washout: int) -> None:
    p = plan(seed=seed, pairs=pairs, block_days=block, washout_days=washout)
    days = schedule(p)
    assert len(days) == p.total_days()
    assert [d.index for d in days] == list(range(len(days)))
    on = sum(1 for d in days if d.phase is Phase.ON)
    off = sum(1 for d in days if d.phase is Phase.OFF)
    assert on + off + sum(1 for d in days if d.phase is Phase.WASHOUT) == 2 * pairs * block
    assert abs(on - off) <= 2 * washout  # washout eats at most one block start per switch


def test_the_next_change_is_what_the_person_does_differently() -> None:
    """Two "on" blocks in a row are one stretch for the person: the next change skips the block
    boundary between them and lands on the first day of the next phase or dose."""
    plan = TrialPlan(
        substance="glutamine",
        outcomes=("pain",),
        start_date=date(2026, 9, 1),
        baseline_days=3,
        titration=Titration(start="2 g", step="2 g", target="4 g", days_per_step=1),
        design="abab",
        block_days=4,
        washout_days=1,
        pairs=2,
        seed=4,
    )
    assert [b.value for b in plan.block_order()] == ["off", "on", "on", "off"]
    days = schedule(plan)
    first_on = next(d for d in days if d.phase is Phase.ON)
    change = next_change(days, first_on.day)
    assert change is not None and change.phase is Phase.WASHOUT and change.planned_g == 0
    assert change.day == first_on.day + timedelta(days=7)  # 3 more "on" days in this block, 4 in the next
    assert next_change(days, days[0].day - timedelta(days=1)) == days[0]  # before the start: the start
    assert next_change(days, days[-1].day) is None
