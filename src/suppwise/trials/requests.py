"""The commands a person sends about a trial, as typed data: the CLI, the web pages and the API
each build one of these from their own input and hand it to one service function
(`suppwise.services.trials`), so defaults, limits and policies live here and in the models they
derive from, not in each shell.

A plan request names things as the person does ("glutamine", "pain, sleep"); the service resolves
the names and builds the stored `TrialPlan`. Its numbers inherit the plan's own fields
(`ProtocolChoices`); the person's details are the safety screen's own `Profile`. A day's diary
entry is the diary's own `DiaryEntry`, the body of the API's diary write.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints

from suppwise.contract import Model
from suppwise.printable import PrintableText
from suppwise.safety.profile import Profile
from suppwise.trials.custom_outcomes import MAX_CUSTOM_OUTCOMES, CustomOutcome
from suppwise.trials.diary import DiaryEntry
from suppwise.trials.plan import DaysPerStep, ProtocolChoices
from suppwise.trials.plan_defaults import DAYS_PER_STEP, Design

__all__ = [
    "Design",
    "DiaryEntry",
    "NumberField",
    "PlanRequest",
    "StopRequest",
    "TitrationRequest",
    "plan_numbers",
]

Name = Annotated[PrintableText, StringConstraints(max_length=100)]
MAX_OUTCOMES = 5
MAX_OWN_WORDS = 2000
SEED_LIMIT = 2**31
"""Seeds are 31-bit: small enough for every database's integer and to read out in a report."""


class TitrationRequest(Model):
    """The agreed doses as the person wrote them; the plan reads and checks them
    (`trials.plan.Titration`), naming the field when one cannot be read."""

    start: Name = Field(examples=["5 g/day"])
    step: Name = Field(examples=["5 g/day"])
    target: Name = Field(examples=["15 g/day"])
    days_per_step: DaysPerStep = DAYS_PER_STEP


class PlanRequest(ProtocolChoices):
    """Plan a trial: what to test, for what, measured how, on which doses, screened with whose
    details; `acknowledgement` is needed when the screen says caution."""

    substance: Name = Field(examples=["glutamine"])
    condition: Name = Field(examples=["fibromyalgia"])
    outcomes: list[Name] = Field(
        default_factory=list,
        max_length=MAX_OUTCOMES,
        examples=[["pain", "sleep", "gi"]],
        description="built-in outcomes; may be empty when custom_outcomes names at least one",
    )
    custom_outcomes: list[CustomOutcome] = Field(
        default_factory=list,
        max_length=MAX_CUSTOM_OUTCOMES,
        examples=[[{"name": "energy", "low": 0, "high": 10, "higher_is_worse": False}]],
        description="outcomes of your own (docs/trial-json.md): name, range, direction, decimals, important difference",
    )
    start_date: date | None = Field(default=None, description="the first baseline day (default: today)")
    titration: TitrationRequest
    seed: int | None = Field(
        default=None, ge=0, lt=SEED_LIMIT, description="randomisation seed (default: a random one, recorded)"
    )
    profile: Profile = Field(default_factory=Profile)
    acknowledgement: Annotated[PrintableText, StringConstraints(max_length=MAX_OWN_WORDS)] | None = None

    def chosen_seed(self) -> int | None:
        """The seed policy: the one given, else a random one for a randomised (ABAB) design, which
        must record it so the schedule can be rebuilt; an AB design has nothing to randomise."""
        if self.seed is not None or self.design is Design.AB:
            return self.seed
        return secrets.randbits(31)


class StopRequest(Model):
    """Stop a trial early, today; the reason is kept in the person's words."""

    reason: Annotated[PrintableText, StringConstraints(max_length=MAX_OWN_WORDS)] | None = Field(
        default=None, description="Why you stopped, in your words."
    )


@dataclass(frozen=True)
class NumberField:
    """One of a plan request's numbers as a form shows it: its default and its range."""

    default: int
    lowest: int
    highest: int


def plan_numbers() -> dict[str, NumberField]:
    """The plan request's numbers, read from the fields that declare them, so a form's defaults
    and limits cannot drift from what the request accepts."""
    fields = {**PlanRequest.model_fields, "days_per_step": TitrationRequest.model_fields["days_per_step"]}
    numbers = {}
    for name in ("baseline_days", "days_per_step", "block_days", "pairs", "washout_days"):
        field = fields[name]
        lowest = next(m.ge for m in field.metadata if hasattr(m, "ge"))
        highest = next(m.le for m in field.metadata if hasattr(m, "le"))
        numbers[name] = NumberField(int(field.default), int(lowest), int(highest))
    return numbers
