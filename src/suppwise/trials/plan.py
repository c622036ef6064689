"""A personal trial's protocol and the day-by-day schedule it implies.

The protocol is what the person and their clinician agreed: how long to measure before starting
(baseline), how to build up the dose (titration), and then either one long "on" phase (AB) or
randomised pairs of on/off blocks (ABAB), with washout days after each switch that are kept in the
diary but left out of the analysis, because a supplement's effect neither starts nor stops on the
day the tins are swapped. The randomisation seed is part of the protocol, so the schedule can be
rebuilt and audited. Nothing here chooses a dose: the doses are the person's; the safety screen
checks them.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from suppwise.contract import Model
from suppwise.errors import ProfileError
from suppwise.safety.dose import Dose, convert_amount, format_daily, parse_dose
from suppwise.trials import plan_defaults as defaults
from suppwise.trials.custom_outcomes import MAX_CUSTOM_OUTCOMES, CustomOutcome, CustomOutcomeError, check_distinct
from suppwise.trials.plan_defaults import Design as Design

MAX_TRIAL_DAYS = 366
MAX_TITRATION_STEPS = 60
"""More dose steps than a titration ever needs (a step every day for two months). The number of
steps is computed before any list is built, so a step a million times smaller than the target is
refused at once instead of looping ~10¹³ times (which pinned a web worker until it ran out of memory)."""
EARLIEST_START = date(2000, 1, 1)
LATEST_START = date(2100, 1, 1)
"""The absolute range of a start date. Services also hold it to a window around today
(`trials.dates`); this bound keeps date arithmetic (start + 366 days) away from year 1 and 9999."""
DoseText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
DaysPerStep = Annotated[int, Field(ge=1, le=28)]


class Phase(StrEnum):
    BASELINE = "baseline"
    TITRATION = "titration"
    ON = "on"
    OFF = "off"
    WASHOUT = "washout"


class Titration(Model):
    """Build up from `start` by `step` every `days_per_step` days until `target`.

    The doses may be in g, mg, mcg or IU (vitamin D is dosed in IU). IU and the mass units meet
    only through the substance's IU-per-microgram factor (`iu_per_mcg`, recorded here from the
    evidence base when the plan is made): a titration with a dose in IU for a substance without one
    is refused. The plan is shown in the unit of its target."""

    start: DoseText
    step: DoseText
    target: DoseText
    days_per_step: DaysPerStep = defaults.DAYS_PER_STEP
    iu_per_mcg: float | None = Field(default=None, gt=0)
    """The substance's IU per microgram when it has one (vitamin D: 40); None otherwise."""

    @field_validator("start", "step", "target")
    @classmethod
    def _readable(cls, value: str) -> str:
        try:
            dose = parse_dose(value)
        except ProfileError as error:
            raise ValueError(error.message) from error
        if dose.per_kg:
            raise ValueError(f"{value!r}: titration doses must be in g, mg, mcg or IU per day, not per kg")
        return value

    @model_validator(mode="after")
    def _convertible(self) -> Titration:
        unit = self.unit
        for name in ("start", "step", "target"):
            text = getattr(self, name)
            dose = parse_dose(text)
            if "IU" in (dose.unit, unit) and self.iu_per_mcg is None:
                raise ValueError(_not_convertible(text if dose.unit == "IU" else self.target))
        return self

    @property
    def unit(self) -> str:
        """The unit the plan is written and shown in: the target's (g, mg, mcg or IU)."""
        return parse_dose(self.target).unit

    def amounts(self) -> list[float]:
        """Daily amounts in the plan's `unit`, from the start up to and including the target. At
        most `MAX_TITRATION_STEPS`: the count is worked out first, so the work is bounded whatever
        the doses say."""
        unit = self.unit
        start, step, target = (
            _in_unit(parse_dose(v), unit, self.iu_per_mcg) for v in (self.start, self.step, self.target)
        )
        if start > target:
            raise ValueError(f"the start dose ({self.start}) is above the target ({self.target})")
        rises = math.ceil((target - start) / step - 1e-9) if target - start > 1e-9 * target else 0
        if rises + 1 > MAX_TITRATION_STEPS:
            shown = f"{rises + 1:,}" if rises < 10**9 else "more than a billion"
            raise ValueError(
                f"steps of {self.step} from {self.start} to {self.target} make {shown} dose steps; "
                f"at most {MAX_TITRATION_STEPS} are allowed (make the step larger)"
            )
        return [*(round(start + k * step, 9) for k in range(rises)), target]

    def steps(self) -> list[float]:
        """`amounts()` in grams per day (what the schedule and the diary checks compare)."""
        return [self.grams(amount) for amount in self.amounts()]

    def grams(self, amount: float) -> float:
        """An amount in the plan's unit, in grams (rounded to 12 places, so 300 mg is exactly 0.3 g)."""
        grams = convert_amount(amount, self.unit, "g", iu_per_mcg=self.iu_per_mcg)
        assert grams is not None  # _convertible: an IU plan always has its factor
        return round(grams, 12)

    def in_iu(self, grams: float) -> float | None:
        """A daily amount in grams restated in IU when the plan is written in IU; None otherwise."""
        if self.unit != "IU":
            return None
        iu = convert_amount(grams, "g", "IU", iu_per_mcg=self.iu_per_mcg)
        return None if iu is None else round(iu, 6)


def _in_unit(dose: Dose, unit: str, iu_per_mcg: float | None) -> float:
    amount = dose.daily_in(unit, iu_per_mcg=iu_per_mcg)
    if amount is None:
        raise ValueError(_not_convertible(dose.text))
    return amount


def _not_convertible(text: str) -> str:
    return (
        f"{text!r} is in IU, but the evidence base gives this substance no IU-to-microgram factor to "
        "convert it with; give the titration doses in g, mg or mcg (the label states the amount)"
    )


class ProtocolChoices(Model):
    """The protocol's numbers, each with its default (`plan_defaults`) and limits, declared once: the
    stored plan and the plan request every shell sends (`suppwise.trials.requests.PlanRequest`)
    inherit them."""

    baseline_days: int = Field(default=defaults.BASELINE_DAYS, ge=0, le=90)
    design: Design = defaults.DESIGN
    block_days: int = Field(default=defaults.BLOCK_DAYS, ge=3, le=90)
    pairs: int = Field(default=defaults.PAIRS, ge=1, le=6)
    washout_days: int = Field(default=defaults.WASHOUT_DAYS, ge=0, le=30)


class TrialPlan(ProtocolChoices):
    """The protocol, as stored with the trial (JSON) and shown in the clinician's report."""

    substance: str
    condition: str | None = None
    outcomes: tuple[str, ...] = ()
    custom_outcomes: tuple[CustomOutcome, ...] = Field(default=(), max_length=MAX_CUSTOM_OUTCOMES)
    """The trial's own outcomes (`suppwise.trials.custom_outcomes`), measured beside `outcomes`."""
    start_date: date
    titration: Titration
    seed: int | None = None

    @field_validator("start_date")
    @classmethod
    def _plausible_start(cls, value: date) -> date:
        if not EARLIEST_START <= value < LATEST_START:
            raise ValueError(
                f"{value.isoformat()} is not a plausible first day; it must lie between "
                f"{EARLIEST_START.isoformat()} and {LATEST_START.isoformat()}"
            )
        return value

    @model_validator(mode="after")
    def _coherent(self) -> TrialPlan:
        if not self.outcomes and not self.custom_outcomes:
            raise ValueError("a trial measures at least one outcome (a built-in one or one of its own)")
        try:
            check_distinct(self.custom_outcomes, self.outcomes)
        except CustomOutcomeError as error:
            raise ValueError(error.message) from None
        if self.washout_days >= self.block_days:
            raise ValueError(
                f"washout ({self.washout_days} days) must be shorter than a block ({self.block_days} days)"
            )
        self.titration.steps()
        if self.design is Design.ABAB and self.seed is None:
            raise ValueError("a randomised ABAB design needs its seed recorded")
        if self.total_days() > MAX_TRIAL_DAYS:
            raise ValueError(f"the plan runs {self.total_days()} days; keep it within {MAX_TRIAL_DAYS}")
        return self

    def block_order(self) -> list[Phase]:
        """The on/off blocks after titration. AB: one on block. ABAB: each pair is on-off or off-on,
        drawn from the recorded seed, so neither the person nor time trends decide the order."""
        if self.design is Design.AB:
            return [Phase.ON]
        rng = random.Random(self.seed)
        order: list[Phase] = []
        for _ in range(self.pairs):
            pair = [Phase.ON, Phase.OFF]
            rng.shuffle(pair)
            order.extend(pair)
        return order

    def total_days(self) -> int:
        titration_days = len(self.titration.steps()) * self.titration.days_per_step
        return self.baseline_days + titration_days + len(self.block_order()) * self.block_days


@dataclass(frozen=True)
class ScheduledDay:
    """One day of the protocol: its phase, the planned daily amount in grams (0 when off; also in IU
    for a plan written in IU), and
    whether it counts in the analysis (washout and titration days do not)."""

    day: date
    index: int
    phase: Phase
    planned_g: float
    block: int | None
    analysed: bool
    planned_iu: float | None = None
    """The planned amount in IU when the plan is written in IU (vitamin D); None otherwise."""

    @property
    def exposure(self) -> int:
        return 1 if self.phase is Phase.ON else 0

    @property
    def planned_text(self) -> str:
        """The planned daily amount in the unit the person planned in ("1000 IU/day", "5 g/day")."""
        return format_daily(self.planned_g, iu=self.planned_iu)


def schedule(plan: TrialPlan) -> list[ScheduledDay]:
    days: list[ScheduledDay] = []

    in_iu = plan.titration.unit == "IU"

    def add(phase: Phase, planned: float, block: int | None, analysed: bool) -> None:
        index = len(days)
        iu = plan.titration.in_iu(planned) if in_iu else None
        days.append(ScheduledDay(plan.start_date + timedelta(days=index), index, phase, planned, block, analysed, iu))

    for _ in range(plan.baseline_days):
        add(Phase.BASELINE, 0.0, None, True)
    steps = plan.titration.steps()
    for amount in steps:
        for _ in range(plan.titration.days_per_step):
            add(Phase.TITRATION, amount, None, False)
    target = steps[-1]
    previous = Phase.TITRATION
    for block, phase in enumerate(plan.block_order(), start=1):
        switched = phase is Phase.OFF if previous in (Phase.TITRATION, Phase.ON) else phase is Phase.ON
        for offset in range(plan.block_days):
            in_washout = switched and offset < plan.washout_days
            amount = target if phase is Phase.ON else 0.0
            add(Phase.WASHOUT if in_washout else phase, amount, block, not in_washout)
        previous = phase
    return days


@functools.lru_cache(maxsize=1024)
def planned_days(plan: TrialPlan) -> tuple[ScheduledDay, ...]:
    """`schedule(plan)`, computed once per plan: every diary write needs it, and a plan never
    changes once stored (plans are frozen, so equal plans share one schedule)."""
    return tuple(schedule(plan))
