"""Consent to pooling, and pools read from the trial database (issue 15, docs/pooling.md).

Pooling is opt-in per trial: a person gives consent for one trial and may withdraw it at any time;
both are stored with their time (`storage.repository.give_pool_consent`). `pool_from_database`
reads only trials whose consent is open at the moment of the pool, so a withdrawn trial is in no
later pool.

One person, one diary: trials are grouped by their owner (the CLI's trials belong to the local
owner, whoever holds the database file, and so count as one person), and each person contributes
the consented trial with the most scored days of the outcome (then the latest). A person who ran
the same trial twice therefore cannot make a pool look bigger than the number of people in it; the
minimum number of people (10, configurable upwards only) is counted in people.

What the pool reads of a diary is the outcome's daily scores and the planned phase of each day
(on, off, baseline, washout, titration), up to today or the day the trial was stopped. The result
is `pool_service.pooled_from_effects`'s: no trial id, owner, date or note ever enters it.

Nothing is read all at once: the people are read in partitions (`TrialPartition`: the consented
trials of a range of owners, `storage.pool_owner_ranges`), each analysed before the next is read,
here or, with a Dask scheduler, by the worker that analyses it. Consent is checked as each
partition is read.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from suppwise.errors import OutcomeKeyError, PoolingError
from suppwise.evidence.base import EvidenceBase
from suppwise.pooling import MIN_PEOPLE, CohortBatch, PersonEffects, PoolResult, batch_from_rows
from suppwise.pooling.cohort import FloatArray, IntArray
from suppwise.pooling.partitions import batch_effects
from suppwise.safety.recognise import find_substance
from suppwise.services.pool import person_step, pooled_from_effects, resolve_outcome, scores_row
from suppwise.services.pool_definitions import (
    PooledDefinition,
    Scale,
    asked_scale,
    census,
    check_enough,
    choose,
    defined,
    scale_of,
    spec_for_builtin,
    unknown_outcome,
)
from suppwise.services.trials import find_condition, stored_plan
from suppwise.storage import (
    ConsentRecord,
    Database,
    EntryRecord,
    OwnerRange,
    TrialRecord,
    get_trial,
    give_pool_consent,
    open_database,
    pool_consents,
    pool_owner_ranges,
    pool_people_count,
    pool_trial_plans,
    pool_trials,
    withdraw_pool_consent,
)
from suppwise.trials.custom_outcomes import NAME_PATTERN, outcome_name, reserved_names
from suppwise.trials.outcome_spec import OutcomeSpec
from suppwise.trials.outcomes import OutcomeScale
from suppwise.trials.plan import Phase, schedule
from suppwise.trials.trial_model import ConsentOut

WHAT_IS_SHARED: Final = (
    "If you agree, this trial's diary can be pooled with other people's trials of the same supplement "
    "for the same condition. What is shared: your daily scores and which phase each day was in (on, off, "
    "baseline, washout). What is never shared: your notes, the dates, your trial's id and who you are. "
    f"A pooled result is only made once at least {MIN_PEOPLE} people have agreed, and it describes the "
    "group, never one person. You can withdraw at any time: your diary is then left out of every pool "
    "made after that."
)


DATABASE_PARTITION_PEOPLE: Final = 1024
"""People read from the database at a time. Smaller than a batch of diary files (4,096): a
partition's diaries are read as entry records, a few hundred bytes per day each (about 90 days a
person), while the per-person step works 1,024 people at a time whatever the partition."""


def consent_status(db: Database, base: EvidenceBase, trial_id: str, *, owner: str) -> ConsentOut:
    """Whether the trial is shared for pooling now, and since when (or when it was withdrawn)."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    periods = pool_consents(db, trial_id=trial.id, owner=owner)
    return _consent_out(base, trial, periods[-1] if periods else None, changed=False)


def give_consent(
    db: Database, base: EvidenceBase, trial_id: str, *, now: datetime, owner: str
) -> ConsentOut:
    """Share the trial for pooling from `now` on (consent already open is kept with its own date)."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    consent = give_pool_consent(db, trial_id=trial.id, at=now, owner=owner)
    return _consent_out(base, trial, consent, changed=consent.given_at == now)


def withdraw_consent(
    db: Database, base: EvidenceBase, trial_id: str, *, now: datetime, owner: str
) -> ConsentOut:
    """Stop sharing the trial: it is left out of every pool made after `now`."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    withdrawn = withdraw_pool_consent(db, trial_id=trial.id, at=now, owner=owner)
    if withdrawn is not None:
        return _consent_out(base, trial, withdrawn, changed=True)
    periods = pool_consents(db, trial_id=trial.id, owner=owner)
    return _consent_out(base, trial, periods[-1] if periods else None, changed=False)


def _consent_out(base: EvidenceBase, trial: TrialRecord, consent: ConsentRecord | None, *, changed: bool) -> ConsentOut:
    return ConsentOut(
        trial_id=trial.id,
        substance_name=base.name(trial.substance),
        shared=consent is not None and consent.open,
        given_at=consent.given_at if consent is not None else None,
        withdrawn_at=consent.withdrawn_at if consent is not None else None,
        changed=changed,
        what_is_shared=WHAT_IS_SHARED,
    )


def check_min_people(min_people: int) -> int:
    """The minimum as asked, refused below the floor: it can be raised, never lowered."""
    if isinstance(min_people, bool) or not isinstance(min_people, int) or min_people < MIN_PEOPLE:
        raise PoolingError(
            f"the minimum number of people is {MIN_PEOPLE} or more, not {min_people!r}",
            hint=f"pools of fewer than {MIN_PEOPLE} people are never made; raise the minimum, never lower it",
        )
    return min_people


def pool_from_database(
    db: Database,
    base: EvidenceBase,
    substance: str,
    condition: str,
    outcome: str,
    min_people: int = MIN_PEOPLE,
    *,
    today: date,
    own_trial: str | None = None,
    scheduler: str | None = None,
    people_per_partition: int = DATABASE_PARTITION_PEOPLE,
    spec: OutcomeSpec | None = None,
) -> dict[str, Any]:
    """The pooled result of every consented trial of `substance` for `condition` on one outcome, one
    diary per person; refused (PoolingError, the minimum stated) below `min_people` people.

    `outcome` is a built-in outcome or one the trials define themselves (`energy`): then only the
    trials that define it on one scale are pooled, the one `spec` asks for (range and direction)
    or else the most common, and the others are counted (`pool_definitions`, docs/pooling.md).

    The people are read `people_per_partition` at a time; with `scheduler` (a Dask scheduler's
    address) each partition is read and analysed by a worker, which opens the database itself (it
    must reach the same URL), and the result is the same to floating point.

    `own_trial` is for `own_pooled_estimate` only (in this process): it adds that trial's shrunken
    estimate (`own`), which must be shown to nobody but the trial's owner."""
    minimum = check_min_people(min_people)
    substance_id = find_substance(base, substance)
    condition_id = find_condition(base, condition)
    what = _shared_trials(base, substance_id, condition_id)
    field, scale, definition = database_outcome(
        db, substance_id, condition_id, outcome, spec or OutcomeSpec(), what=what, people=people_per_partition
    )
    if definition is not None:
        check_enough(definition, minimum, what=what)
    else:
        consented = pool_people_count(db, substance=substance_id, condition=condition_id)
        if consented < minimum:
            raise PoolingError(
                f"a pool needs at least {minimum} people who agreed to share a trial of "
                f"{base.name(substance_id)} for {base.name(condition_id)}; {consented} have",
                hint=f"{minimum - consented} more people need to share such a trial",
            )
    only = definition.scale if definition is not None else None
    partitions = _partitions(db, substance_id, condition_id, field, today, people_per_partition, only)
    own_row = None
    if scheduler is None:
        effects, own_row = _effects_here(db, partitions, scale.score_range, own_trial)
    elif own_trial is not None:
        raise ValueError("a person's own estimate is computed in process, never on a cluster")
    else:
        effects = person_step(partitions, scale=scale, scheduler=scheduler)
    pooled, result = pooled_from_effects(effects, field=field, scale=scale, min_people=minimum)
    if own_trial is not None:
        pooled["own"] = _own_estimate(result, own_row)
    pooled["source"] = {
        "kind": "database",
        "substance": substance_id,
        "substance_name": base.name(substance_id),
        "condition": condition_id,
        "condition_name": base.name(condition_id),
        "people_consented": int(effects.status.size),
        "outcome_definition": definition.to_dict() if definition is not None else None,
    }
    return pooled


def _shared_trials(base: EvidenceBase, substance: str, condition: str) -> str:
    return f"shared trials of {base.name(substance)} for {base.name(condition)}"


def database_outcome(
    db: Database,
    substance: str,
    condition: str,
    outcome: str,
    spec: OutcomeSpec,
    *,
    what: str,
    people: int = DATABASE_PARTITION_PEOPLE,
) -> tuple[str, OutcomeScale, PooledDefinition | None]:
    """The outcome a database pool is of: a built-in one with its cited scale (no scale flags),
    or one the shared trials define themselves, on the scale `pool_definitions.choose` picks from
    the trials' plans (read `people` owners at a time, no diary)."""
    name = outcome_name(outcome)
    own_name = bool(NAME_PATTERN.match(name)) and name not in reserved_names()
    if own_name:
        # A name the trials define is theirs, even when it is also a word for a built-in outcome
        # (`energy`), as a column of diary files is (docs/pooling.md).
        plans = (
            pair
            for owners in pool_owner_ranges(db, substance=substance, condition=condition, people=people)
            for pair in pool_trial_plans(db, substance=substance, condition=condition, owners=owners)
        )
        counted = census(plans, name)
        if counted.people or spec.given:
            asked = asked_scale(spec, name)
            definition = choose(counted, asked=asked, important_difference=spec.important_difference, what=what)
            return name, definition.outcome_scale(), definition
    try:
        field, scale = resolve_outcome(outcome)
    except OutcomeKeyError:
        if own_name:
            raise unknown_outcome(name, what) from None
        raise
    spec_for_builtin(spec, outcome)
    return field, scale, None


@dataclass(frozen=True)
class TrialPartition:
    """One partition of a pool from the trial database: the consented trials of the owners in
    `owners`, one diary per person, as rows of the outcome `outcome_field`. It pickles (a Dask worker
    receives it and reads the trials itself, `load`); the URL, which may hold a password, is kept
    out of its repr (and so out of logs)."""

    url: str = dataclasses.field(repr=False)
    substance: str
    condition: str
    outcome_field: str
    today: date
    owners: OwnerRange
    scale: Scale | None = None
    """For a trial's own outcome: the one scale pooled (trials defining it otherwise are skipped)."""

    def read(self, db: Database) -> tuple[list[str], CohortBatch]:
        """The chosen trials' ids (for this process only) and their rows, in the same order."""
        found = pool_trials(db, substance=self.substance, condition=self.condition, owners=self.owners)
        trials = found.trials
        if self.scale is not None:
            trials = [t for t in trials if (own := defined(t.plan, self.outcome_field)) and scale_of(own) == self.scale]
        custom = self.scale is not None
        chosen = _one_per_person(trials, found.entries, self.outcome_field, custom=custom)
        rows = [
            _trial_row(trial, found.entries[trial.id], self.outcome_field, self.today, custom=custom)
            for trial in chosen
        ]
        return [trial.id for trial in chosen], batch_from_rows(rows)

    def load(self) -> CohortBatch:
        """On a worker: read the partition through a connection of its own (the schema is the
        client's, already migrated)."""
        with open_database(self.url, migrate=False, pool_size=1) as db:
            return self.read(db)[1]


def _partitions(
    db: Database, substance: str, condition: str, field: str, today: date, people: int, scale: Scale | None
) -> Iterator[TrialPartition]:
    url = db.url.render_as_string(hide_password=False)
    for owners in pool_owner_ranges(db, substance=substance, condition=condition, people=people):
        yield TrialPartition(url, substance, condition, field, today, owners, scale)


def _effects_here(
    db: Database, partitions: Iterator[TrialPartition], score_range: tuple[float, float], own_trial: str | None
) -> tuple[PersonEffects, int | None]:
    """Every partition read through `db` and analysed, one after the other; and the row of
    `own_trial` among all the people, if it is in the pool."""
    parts: list[PersonEffects] = []
    own_row = None
    people = 0
    for partition in partitions:
        ids, batch = partition.read(db)
        if own_trial in ids:
            own_row = people + ids.index(own_trial)
        parts.append(batch_effects(batch, score_range=score_range))
        people += len(ids)
    return PersonEffects.concatenate(parts), own_row


def own_pooled_estimate(
    db: Database,
    base: EvidenceBase,
    trial_id: str,
    outcome: str,
    min_people: int = MIN_PEOPLE,
    *,
    today: date,
    owner: str,
) -> dict[str, Any]:
    """For the trial's owner only: their own effect as the pool estimates it, pulled towards the
    population in proportion to how uncertain their own diary is (`status` `shown`), or why there is
    none: `not_shared`, `too_few_people` (with `more_needed`), `not_in_pool` (another of their
    trials represents them, or their diary cannot be analysed yet).

    For an outcome of the trial's own, the pool is of the trials that define it on the same scale
    as this one, with this trial's important difference when it states one."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    spec = OutcomeSpec()
    own = defined(trial.plan, outcome_name(outcome))
    if own is None:
        field, scale = resolve_outcome(outcome)
    else:
        field, scale = own.name, own.scale()
        spec = OutcomeSpec((own.low, own.high), own.higher_is_worse, own.important_difference)
    answer: dict[str, Any] = {
        "schema_version": 1,
        "trial_id": trial.id,
        "outcome": field,
        "outcome_name": scale.name,
        "delta": scale.delta,
        "higher_is_worse": scale.higher_is_worse,
        "status": "not_shared",
        "more_needed": None,
        "estimate": None,
        "population": None,
    }
    periods = pool_consents(db, trial_id=trial.id, owner=owner)
    if not periods or not periods[-1].open or trial.condition is None:
        return answer
    minimum = check_min_people(min_people)
    if spec.given:
        what = _shared_trials(base, trial.substance, trial.condition)
        definition = database_outcome(db, trial.substance, trial.condition, field, spec, what=what)[2]
        assert definition is not None  # a trial's own outcome
        consented = definition.people_on_scale
    else:
        consented = pool_people_count(db, substance=trial.substance, condition=trial.condition)
    if consented < minimum:
        return {**answer, "status": "too_few_people", "more_needed": minimum - consented}
    try:
        pooled = pool_from_database(
            db, base, trial.substance, trial.condition, field, minimum, today=today, own_trial=trial.id, spec=spec
        )
    except PoolingError:
        return {**answer, "status": "too_few_people", "more_needed": None}
    own_estimate = pooled["own"]
    population = {"mu": pooled["mu"], "tau": pooled["tau"], "people_used": pooled["people_used"]}
    shown = "shown" if own_estimate else "not_in_pool"
    return {**answer, "delta": pooled["delta"], "status": shown, "estimate": own_estimate, "population": population}


def _own_estimate(result: PoolResult, row: int | None) -> dict[str, float] | None:
    if row is None or not math.isfinite(float(result.shrunken.mean[row])):
        return None
    shrunken = result.shrunken
    return {
        "mean": float(shrunken.mean[row]),
        "sd": float(shrunken.sd[row]),
        "p_improve": float(shrunken.p_improve[row]),
        "p_worsen": float(shrunken.p_worsen[row]),
    }


def pooled_page(
    db: Database,
    base: EvidenceBase,
    substance: str,
    condition: str,
    outcome: str,
    min_people: int = MIN_PEOPLE,
    *,
    today: date,
) -> dict[str, Any]:
    """What the public page of one supplement, condition and outcome shows: the pooled result once
    enough people consented, else how many more are needed (`status`: `pooled`, `too_few_people`,
    `too_few_analysable` when enough people consented but too few diaries can be analysed yet, or
    `scales_differ` when the shared trials define an outcome of their own on different scales
    equally often). For an outcome of the trials' own, the people counted are those on the most
    common scale (`outcome_definition` says which, and how many are left out)."""
    minimum = check_min_people(min_people)
    substance_id = find_substance(base, substance)
    condition_id = find_condition(base, condition)
    what = _shared_trials(base, substance_id, condition_id)
    page: dict[str, Any] = {
        "schema_version": 1,
        "substance": substance_id,
        "substance_name": base.name(substance_id),
        "condition": condition_id,
        "condition_name": base.name(condition_id),
        "outcome": outcome_name(outcome),
        "outcome_name": outcome,
        "outcome_definition": None,
        "minimum_people": minimum,
        "people_consented": 0,
        "more_needed": minimum,
        "status": "too_few_people",
        "message": None,
        "pooled": None,
        "what_is_shared": WHAT_IS_SHARED,
    }
    try:
        field, scale, definition = database_outcome(db, substance_id, condition_id, outcome, OutcomeSpec(), what=what)
    except PoolingError as differ:
        return {**page, "status": "scales_differ", "message": differ.message, "more_needed": None}
    if definition is not None:
        consented = definition.people_on_scale
        page["outcome_definition"] = definition.to_dict()
    else:
        consented = pool_people_count(db, substance=substance_id, condition=condition_id)
    page.update(
        outcome=field, outcome_name=scale.name, people_consented=consented, more_needed=max(0, minimum - consented)
    )
    if consented < minimum:
        return page
    try:
        page["pooled"] = pool_from_database(db, base, substance_id, condition_id, field, minimum, today=today)
        page["status"] = "pooled"
    except PoolingError as refused:
        page["status"] = "too_few_analysable"
        page["message"] = refused.message
    return page


def _one_per_person(
    trials: list[TrialRecord], diaries: dict[str, list[EntryRecord]], field: str, *, custom: bool = False
) -> list[TrialRecord]:
    """Each owner's consented trial with the most scored days of `field` (then the latest start)."""
    by_owner: dict[str | None, list[TrialRecord]] = defaultdict(list)
    for trial in trials:
        by_owner[trial.owner_id].append(trial)

    def weight(trial: TrialRecord) -> tuple[int, date, datetime]:
        scored = sum(1 for entry in diaries[trial.id] if _value(entry, field, custom) is not None)
        return scored, trial.start_date, trial.created_at

    return [max(group, key=weight) for group in by_owner.values()]


def _value(entry: EntryRecord, field: str, custom: bool) -> float | None:
    """The day's value of a built-in field, or of one of the trial's own outcomes."""
    return entry.custom.get(field) if custom else getattr(entry, field)


def _trial_row(
    trial: TrialRecord, entries: list[EntryRecord], field: str, today: date, *, custom: bool = False
) -> tuple[IntArray, FloatArray, FloatArray]:
    """The trial's pooling input: its scores and planned phases up to today or its stop day."""
    last = min(today, trial.stopped_on) if trial.stopped_on is not None else today
    phases: dict[date, Phase] = {d.day: d.phase for d in schedule(stored_plan(trial)) if d.day <= last}
    # The stored values as they are (checked when they were saved): no diary entry is rebuilt per
    # day, which was a quarter of a database pool's time.
    kept = [entry for entry in entries if entry.day <= last]
    scores = {entry.day: float(value) for entry in kept if (value := _value(entry, field, custom)) is not None}
    return scores_row(scores, phases, (entry.day for entry in kept))
