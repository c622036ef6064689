"""A pooled result of personal trials written as evidence: one source and one finding, in the format
of the evidence files (docs/evidence-format.md), so that `suppwise ask` grades it beside the
published studies once the file is in the evidence folder.

What the file says and why:

- The **source** (study type `pooled_personal_trials`) describes the pool, never a person: how many
  people and diary days, the outcome scale, the command (without its file or folder names, which
  can name people) and the date it was run. Its `n` is the number of people, so the reasoner's
  imprecision rule reads it like any study's sample size.
- The **finding** states the claim the pooled population effect mu supports, on the evidence
  base's outcome entity: `increases` or `decreases` when mu's 95% credible interval leaves out 0
  (oriented to the entity: a lower PHQ-2 score means mood *increases*); `no_effect` when the
  interval holds 0 and lies within the important difference either way (the pool rules out an
  effect that matters); otherwise `no_clear_effect`. The interval is recorded under `statistics`,
  so the validator's check that an effect agrees with its own numbers applies to it as to any
  curated finding.

How such a finding is graded (docs/reasoning.md): it starts moderate (on/off blocks randomised
within each person), always loses a level for risk of bias (self-selected, unblinded,
self-rated), loses one for imprecision below 200 people, and one for indirectness when asked
about another condition than the one the pool was filed under.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

import yaml

from suppwise.errors import SuppwiseError
from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import normalise
from suppwise.evidence.schema import (
    Effect,
    Entity,
    EntityKind,
    EvidenceFile,
    Finding,
    Interval,
    IntervalKind,
    Source,
    Statistic,
    StudyType,
    Verification,
    VerificationStatus,
)

# Diary field -> the evidence base's outcome entity it measures.
OUTCOME_ENTITIES: Final[dict[str, str]] = {
    "pain": "pain",
    "fatigue": "fatigue",
    "sleep": "sleep",
    "gi": "gut-symptoms",
    "phq2": "mood",
    "phq9": "mood",
}
_MAX_ID: Final = 80


class PoolEvidenceError(SuppwiseError):
    """The pool cannot be written as evidence (an unknown substance, condition or outcome)."""

    code = "pool_evidence_invalid"


def resolve_entity(base: EvidenceBase, text: str, kind: EntityKind) -> Entity:
    """An entity of `kind` named by its id, name or a synonym."""
    wanted = normalise(text)
    for entity in base.entities.values():
        if entity.kind is not kind:
            continue
        if entity.id == text.strip().lower() or wanted in {normalise(n) for n in (entity.name, *entity.synonyms)}:
            return entity
    known = sorted(e.id for e in base.entities.values() if e.kind is kind)
    raise PoolEvidenceError(
        f"no {kind.value} called {text!r} in the evidence base",
        hint=f"use one of: {', '.join(known)}" if known else f"add the {kind.value} to the evidence base first",
    )


def pooled_claim(pooled: dict[str, Any], outcome: Entity) -> Effect:
    """The effect on `outcome` the pooled mu supports (see the module docstring)."""
    mu = pooled["mu"]
    low, high, delta = float(mu["ci_low"]), float(mu["ci_high"]), float(pooled["delta"])
    if low <= 0.0 <= high:
        return Effect.NO_EFFECT if -delta < low and high < delta else Effect.NO_CLEAR_EFFECT
    score_rises = low > 0.0
    # The scale measures the entity itself (pain score, pain) unless their orientations differ
    # (PHQ-2, where higher is worse, measures mood, where higher is better).
    same_orientation = bool(pooled["higher_is_worse"]) == (not outcome.higher_is_better)
    return Effect.INCREASES if score_rises == same_orientation else Effect.DECREASES


def pooled_evidence(
    pooled: dict[str, Any],
    *,
    substance: Entity,
    condition: Entity,
    outcome: Entity,
    command: str,
    today: date,
) -> EvidenceFile:
    """One source describing the pool and one finding of what it shows; nothing about any person."""
    scale = pooled["outcome"]
    people, days = int(pooled["people_used"]), int(pooled["days_used"])
    mu, tau, new = pooled["mu"], pooled["tau"], pooled["new_person"]
    effect = pooled_claim(pooled, outcome)
    source_id = _clip(f"suppwise-pool-{substance.id}-{scale['field']}-{condition.id}-{today:%Y%m%d}")
    source = Source(
        id=source_id,
        year=today.year,
        title=(
            f"Pooled personal trials of {substance.name} on {scale['name']} in {condition.name}: "
            f"{people} people, {days} diary days"
        ),
        venue=f"suppwise pool, run on {today.isoformat()}",
        study_type=StudyType.POOLED_PERSONAL_TRIALS,
        population=(
            f"{people} people with {condition.name} who ran their own on/off trials of {substance.name} "
            "and shared their diaries"
        ),
        n=people,
        verification=Verification(
            status=VerificationStatus.VERIFIED,
            how=(
                f"Written by `{command}` on {today.isoformat()}: the numbers are that computation's own "
                "(docs/pooling.md), not read from a publication. No person's id, dates or notes are recorded."
            ),
        ),
    )
    direction = "fell" if float(mu["mean"]) < 0 else "rose"
    finding = Finding(
        id=_clip(f"pooled-{substance.id}-{effect.value.replace('_', '-')}-{outcome.id}-in-{condition.id}"),
        subject=substance.id,
        effect=effect,
        object=outcome.id,
        context=condition.id,
        sources=(source_id,),
        summary=(
            f"Across {people} people's own trials of {substance.name} in {condition.name}, the {scale['field']} "
            f"score ({scale['name']}) {direction} by {abs(float(mu['mean'])):.2g} points on average on the "
            f"supplement (95% credible interval {_signed(mu['ci_low'])} to {_signed(mu['ci_high'])}; an important "
            f"change is {float(pooled['delta']):g} points)."
        ),
        magnitude=(
            f"mu {_signed(mu['mean'])} points (sd {float(mu['sd']):.2g}); between-person sd tau "
            f"{float(tau['mean']):.2g} (95% interval {float(tau['ci_low']):.2g} to {float(tau['ci_high']):.2g}); "
            f"a new person improves by at least {float(pooled['delta']):g} points with probability "
            f"{float(new['p_improve']):.2f} and worsens by as much with probability {float(new['p_worsen']):.2f}"
        ),
        statistics=(
            Statistic(
                source=source_id,
                measure=f"population mean change in {scale['name']}, on minus off the supplement (random effects)",
                interval=Interval(
                    kind=IntervalKind.CREDIBLE,
                    level=float(pooled["interval_probability"]),
                    low=_rounded(mu["ci_low"]),
                    high=_rounded(mu["ci_high"]),
                ),
            ),
        ),
    )
    return EvidenceFile(sources=(source,), findings=(finding,))


def evidence_yaml(evidence: EvidenceFile) -> str:
    """The file as YAML in the layout curators write (sections of records, defaults left out)."""
    data = evidence.model_dump(mode="json", exclude_defaults=True)
    header = (
        "# Written by `suppwise pool --write-evidence`: a pooled result of personal trials.\n"
        "# Rerun the pool to update it rather than editing the numbers by hand.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _signed(value: Any) -> str:
    return f"{float(value):+.2g}"


def _rounded(value: Any) -> float:
    """Four significant digits: finer than the posterior's own precision is noise in a data file."""
    return float(f"{float(value):.4g}")


def _clip(identifier: str) -> str:
    """Ids are at most 80 characters and never end in a hyphen."""
    return identifier[:_MAX_ID].rstrip("-")
