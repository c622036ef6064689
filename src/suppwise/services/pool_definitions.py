"""Which trials a pool of a trial's own outcome may hold: one scale, never a silent mix.

Trials in the database may each define an outcome of their own (`energy:0-10:higher-better`,
`suppwise.trials.custom_outcomes`), and two people may give the same name different scales: energy
0-10 for one, 1-5 for another, or 0-10 with higher meaning worse. Pooled together, a point would
mean different things in different diaries and a benefit could count as a harm. So a pool of such
an outcome reads only the trials that define it on one scale (docs/pooling.md, "A trial's own
outcome"):

- **The scale** is the range and the direction. Two definitions with the same range and direction
  are the same scale whatever else they say: `decimals` only says whether a day's value may hold a
  fraction (whole points are values of the same scale), and the important difference is each
  person's judgement of what matters, not a property of the scores.
- **Which scale**: the one asked for (`--range` with a direction, both or neither), else the
  scale most people who shared a trial define the name on. A tie is refused, naming the scales:
  choosing between equally common scales would be a guess.
- **The others are excluded and counted**: people whose shared trials define the name only on
  another scale (`people_other_scale`), and people whose shared trials do not record it at all
  (`people_without_outcome`). The minimum number of people is counted on the chosen scale.
- **The important difference δ** of the pool: the one asked for; else the one every shared trial
  on the chosen scale states (the convention of 20% of the range when none states one); when they
  state different ones, the convention, and the outcome's description says why.

Everything here reads only plans, never a diary, and counts people, never names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from suppwise.errors import OutcomeKeyError, OutcomeSpecError, PoolingError
from suppwise.trials.custom_outcomes import CustomOutcome
from suppwise.trials.outcome_spec import OutcomeSpec
from suppwise.trials.outcomes import OutcomeScale, custom_scale

DIFFERENT_DELTAS: Final = (
    "The shared trials on this scale state different important differences; give --important-difference to use another."
)


@dataclass(frozen=True, order=True)
class Scale:
    """What a point of a trial's own outcome means: its range and which way is worse."""

    low: float
    high: float
    higher_is_worse: bool

    def describe(self) -> str:
        direction = "higher is worse" if self.higher_is_worse else "higher is better"
        return f"{self.low:g}-{self.high:g}, {direction}"

    def flags(self) -> str:
        """The command-line flags that ask for this scale."""
        direction = "--higher-is-worse" if self.higher_is_worse else "--higher-is-better"
        return f"--range {self.low:g}-{self.high:g} {direction}"


def defined(plan: Mapping[str, Any], name: str) -> CustomOutcome | None:
    """The trial's own outcome called `name`, as its stored plan defines it (None if it has none)."""
    for stored in plan.get("custom_outcomes", ()) or ():
        if stored.get("name") == name:
            return CustomOutcome.model_validate(stored)
    return None


def scale_of(outcome: CustomOutcome) -> Scale:
    return Scale(float(outcome.low), float(outcome.high), bool(outcome.higher_is_worse))


@dataclass
class Census:
    """How the people who shared a trial define one outcome name: people per scale (a person
    counts once for each scale one of their trials uses), and the important differences and
    decimals stated on each scale."""

    name: str
    people: Counter[Scale] = field(default_factory=Counter)
    defining: int = 0
    without: int = 0
    deltas: dict[Scale, set[float | None]] = field(default_factory=dict)
    decimals: dict[Scale, bool] = field(default_factory=dict)

    def add_person(self, plans: Iterable[Mapping[str, Any]]) -> None:
        """One person's shared trials' plans."""
        scales: set[Scale] = set()
        for plan in plans:
            outcome = defined(plan, self.name)
            if outcome is None:
                continue
            scale = scale_of(outcome)
            scales.add(scale)
            self.deltas.setdefault(scale, set()).add(outcome.important_difference)
            self.decimals[scale] = self.decimals.get(scale, False) or outcome.decimals
        self.people.update(scales)
        if scales:
            self.defining += 1
        else:
            self.without += 1


def census(plans_by_owner: Iterable[tuple[str, Mapping[str, Any]]], name: str) -> Census:
    """The census of `name` over (owner, plan) pairs grouped by owner (as `storage.pool_trial_plans`
    returns them: every trial of an owner together)."""
    counted = Census(name)
    owner: str | None = None
    plans: list[Mapping[str, Any]] = []
    for who, plan in plans_by_owner:
        if who != owner and plans:
            counted.add_person(plans)
            plans = []
        owner = who
        plans.append(plan)
    if plans:
        counted.add_person(plans)
    return counted


@dataclass(frozen=True)
class PooledDefinition:
    """The scale a pool of a trial's own outcome holds, how it was chosen, and who it leaves out."""

    name: str
    scale: Scale
    chosen: Literal["asked", "most_common"]
    people_on_scale: int
    people_other_scale: int
    people_without_outcome: int
    important_difference: float | None
    deltas_differ: bool
    decimals: bool
    delta_asked: bool = False

    def outcome_scale(self) -> OutcomeScale:
        """The scale the pool is analysed and reported on."""
        return custom_scale(
            self.name,
            low=self.scale.low,
            high=self.scale.high,
            higher_is_worse=self.scale.higher_is_worse,
            important_difference=self.important_difference,
            decimals=self.decimals,
            how_to_change=DIFFERENT_DELTAS if self.deltas_differ else "Give --important-difference to use another.",
            given_where="for this pool" if self.delta_asked else "in the shared trials' plans",
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `source.outcome_definition` (docs/pooling.md)."""
        return {
            "name": self.name,
            "score_low": self.scale.low,
            "score_high": self.scale.high,
            "higher_is_worse": self.scale.higher_is_worse,
            "chosen": self.chosen,
            "people_on_scale": self.people_on_scale,
            "people_other_scale": self.people_other_scale,
            "people_without_outcome": self.people_without_outcome,
        }


def asked_scale(spec: OutcomeSpec, name: str) -> Scale | None:
    """The scale `--range` and a direction ask for (both or neither; δ alone asks for none)."""
    if spec.score_range is None and spec.higher_is_worse is None:
        return None
    outcome = spec.scale(name)  # names whichever of the two is missing, and checks δ against the range
    return Scale(outcome.low, outcome.high, outcome.higher_is_worse)


def choose(
    counted: Census,
    *,
    asked: Scale | None,
    important_difference: float | None,
    what: str,
) -> PooledDefinition:
    """The scale to pool `counted.name` on, from the census; `what` names the trials ("shared trials
    of glutamine for fibromyalgia") in errors."""
    name = counted.name
    if not counted.people:
        raise unknown_outcome(name, what)
    how: Literal["asked", "most_common"]
    if asked is None:
        ranked = counted.people.most_common()
        top = ranked[0][1]
        tied = sorted(scale for scale, people in ranked if people == top)
        if len(tied) > 1:
            listed = "; ".join(f"{scale.describe()} ({top} people)" for scale in tied)
            raise PoolingError(
                f"the {what} define {name!r} on different scales, equally often: {listed}",
                hint=f"choose one, e.g. --outcome {name} {tied[0].flags()}; trials on other scales are left out",
            )
        scale, how = tied[0], "most_common"
    else:
        scale, how = asked, "asked"
    width = scale.high - scale.low
    if important_difference is not None and not 0 < important_difference < width:
        raise OutcomeSpecError(
            f"--important-difference {important_difference:g} must be above 0 and below the range's width "
            f"({width:g}, {name} {scale.describe()})"
        )
    on_scale = counted.people.get(scale, 0)
    # A person with trials on two scales is on the chosen one if any of their trials is.
    other = counted.defining - on_scale
    stated = counted.deltas.get(scale, set())
    delta = important_difference
    differ = False
    if delta is None and len(stated) == 1:
        delta = next(iter(stated))
    elif delta is None and len(stated) > 1:
        differ = True
    return PooledDefinition(
        name=name,
        scale=scale,
        chosen=how,
        people_on_scale=on_scale,
        people_other_scale=other,
        people_without_outcome=counted.without,
        important_difference=delta,
        deltas_differ=differ,
        decimals=counted.decimals.get(scale, False),
        delta_asked=important_difference is not None,
    )


def unknown_outcome(name: str, what: str) -> OutcomeKeyError:
    """The error for a name that is neither a built-in outcome nor one the trials define."""
    return OutcomeKeyError(
        f"{name!r} is neither an outcome suppwise has a scale for nor an outcome any {what} records",
        hint="pool pain, fatigue, sleep, gi, phq2 or mood, or an outcome of the trials' own by its name",
    )


def check_enough(definition: PooledDefinition, minimum: int, *, what: str) -> None:
    """Refuse a pool below the minimum on the chosen scale, counting those left out."""
    if definition.people_on_scale >= minimum:
        return
    left_out = []
    if definition.people_other_scale:
        left_out.append(f"{definition.people_other_scale} more record it on another scale")
    if definition.people_without_outcome:
        left_out.append(f"{definition.people_without_outcome} do not record it")
    raise PoolingError(
        f"a pool needs at least {minimum} people who shared {what} recording {definition.name} on "
        f"{definition.scale.describe()}; {definition.people_on_scale} have"
        + (f" ({'; '.join(left_out)}, left out)" if left_out else ""),
        hint=f"{minimum - definition.people_on_scale} more people need to share such a trial",
    )


def spec_for_builtin(spec: OutcomeSpec, name: str) -> None:
    """The scale flags describe a trial's own outcome; a built-in one carries its cited scale."""
    if spec.given:
        raise OutcomeSpecError(
            "--range, --higher-is-better/--higher-is-worse and --important-difference describe an outcome "
            f"suppwise has no instrument for; {name!r} has its own cited scale",
            hint="name a trial's own outcome with --outcome, e.g. --outcome energy --range 0-10 --higher-is-better",
        )
