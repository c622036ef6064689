"""Consent to pooling, and pools read from the trial database (issue 15, docs/pooling.md).

Pooling is opt-in per trial: a person gives consent for one trial and may withdraw it at any time;
both are stored with their time (`storage.repository.give_pool_consent`). `pool_from_database`
reads only trials whose consent is open at the moment of the pool, so a withdrawn trial is in no
later pool.

One person, one diary: trials are grouped by their owner (the CLI's trials, which have no owner,
belong to whoever holds the database file and so count as one person), and each person contributes
the consented trial with the most scored days of the outcome (then the latest). A person who ran
the same trial twice therefore cannot make a pool look bigger than the number of people in it; the
minimum number of people (10, configurable upwards only) is counted in people.

What the pool reads of a diary is the outcome's daily scores and the planned phase of each day
(on, off, baseline, washout, titration), up to today or the day the trial was stopped. The result
is `pool_service.pool_rows`'s: no trial id, owner, date or note ever enters it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime
from typing import Any, Final

from suppwise.errors import PoolingError
from suppwise.evidence.base import EvidenceBase
from suppwise.pooling import MIN_PEOPLE, PoolResult
from suppwise.safety.recognise import find_substance
from suppwise.services.pool import diary_row, pool_rows_and_people, resolve_outcome
from suppwise.services.trials import diary_entry, find_condition, stored_plan
from suppwise.storage import (
    ConsentRecord,
    Database,
    EntryRecord,
    TrialRecord,
    consented_trials,
    entries_of_trials,
    get_trial,
    give_pool_consent,
    pool_consents,
    withdraw_pool_consent,
)
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


def consent_status(db: Database, base: EvidenceBase, trial_id: str, *, owner: str | None = None) -> ConsentOut:
    """Whether the trial is shared for pooling now, and since when (or when it was withdrawn)."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    periods = pool_consents(db, trial_id=trial.id, owner=owner)
    return _consent_out(base, trial, periods[-1] if periods else None, changed=False)


def give_consent(
    db: Database, base: EvidenceBase, trial_id: str, *, now: datetime, owner: str | None = None
) -> ConsentOut:
    """Share the trial for pooling from `now` on (consent already open is kept with its own date)."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    consent = give_pool_consent(db, trial_id=trial.id, at=now, owner=owner)
    return _consent_out(base, trial, consent, changed=consent.given_at == now)


def withdraw_consent(
    db: Database, base: EvidenceBase, trial_id: str, *, now: datetime, owner: str | None = None
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
) -> dict[str, Any]:
    """The pooled result of every consented trial of `substance` for `condition` on one outcome, one
    diary per person; refused (PoolingError, the minimum stated) below `min_people` people.

    `own_trial` is for `own_pooled_estimate` only: it adds that trial's shrunken estimate (`own`),
    which must be shown to nobody but the trial's owner."""
    minimum = check_min_people(min_people)
    field, scale = resolve_outcome(outcome)
    substance_id = find_substance(base, substance)
    condition_id = find_condition(base, condition)
    chosen, diaries = _consented_people(db, substance_id, condition_id, field)
    if len(chosen) < minimum:
        raise PoolingError(
            f"a pool needs at least {minimum} people who agreed to share a trial of "
            f"{base.name(substance_id)} for {base.name(condition_id)}; {len(chosen)} have",
            hint=f"{minimum - len(chosen)} more people need to share such a trial",
        )
    rows = [_trial_row(trial, diaries[trial.id], field, today) for trial in chosen]
    pooled, result = pool_rows_and_people(rows, field=field, scale=scale, min_people=minimum)
    if own_trial is not None:
        own = next((i for i, trial in enumerate(chosen) if trial.id == own_trial), None)
        pooled["own"] = _own_estimate(result, own)
    pooled["source"] = {
        "kind": "database",
        "substance": substance_id,
        "substance_name": base.name(substance_id),
        "condition": condition_id,
        "condition_name": base.name(condition_id),
        "people_consented": len(chosen),
    }
    return pooled


def own_pooled_estimate(
    db: Database,
    base: EvidenceBase,
    trial_id: str,
    outcome: str,
    min_people: int = MIN_PEOPLE,
    *,
    today: date,
    owner: str | None = None,
) -> dict[str, Any]:
    """For the trial's owner only: their own effect as the pool estimates it, pulled towards the
    population in proportion to how uncertain their own diary is (`status` `shown`), or why there is
    none: `not_shared`, `too_few_people` (with `more_needed`), `not_in_pool` (another of their
    trials represents them, or their diary cannot be analysed yet)."""
    trial = get_trial(db, trial_id=trial_id, owner=owner)
    field, scale = resolve_outcome(outcome)
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
    chosen, _ = _consented_people(db, trial.substance, trial.condition, field)
    if len(chosen) < minimum:
        return {**answer, "status": "too_few_people", "more_needed": minimum - len(chosen)}
    try:
        pooled = pool_from_database(
            db, base, trial.substance, trial.condition, field, minimum, today=today, own_trial=trial.id
        )
    except PoolingError:
        return {**answer, "status": "too_few_people", "more_needed": None}
    own = pooled["own"]
    population = {"mu": pooled["mu"], "tau": pooled["tau"], "people_used": pooled["people_used"]}
    return {**answer, "status": "shown" if own else "not_in_pool", "estimate": own, "population": population}


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
    or `too_few_analysable` when enough people consented but too few diaries can be analysed yet)."""
    minimum = check_min_people(min_people)
    field, scale = resolve_outcome(outcome)
    substance_id = find_substance(base, substance)
    condition_id = find_condition(base, condition)
    chosen, _ = _consented_people(db, substance_id, condition_id, field)
    page: dict[str, Any] = {
        "schema_version": 1,
        "substance": substance_id,
        "substance_name": base.name(substance_id),
        "condition": condition_id,
        "condition_name": base.name(condition_id),
        "outcome": field,
        "outcome_name": scale.name,
        "minimum_people": minimum,
        "people_consented": len(chosen),
        "more_needed": max(0, minimum - len(chosen)),
        "status": "too_few_people",
        "message": None,
        "pooled": None,
        "what_is_shared": WHAT_IS_SHARED,
    }
    if len(chosen) < minimum:
        return page
    try:
        page["pooled"] = pool_from_database(db, base, substance_id, condition_id, field, minimum, today=today)
        page["status"] = "pooled"
    except PoolingError as refused:
        page["status"] = "too_few_analysable"
        page["message"] = refused.message
    return page


def _consented_people(
    db: Database, substance: str, condition: str, field: str
) -> tuple[list[TrialRecord], dict[str, list[EntryRecord]]]:
    trials = consented_trials(db, substance=substance, condition=condition)
    diaries = entries_of_trials(db, trial_ids=[t.id for t in trials])
    return _one_per_person(trials, diaries, field), diaries


def _one_per_person(trials: list[TrialRecord], diaries: dict[str, list[EntryRecord]], field: str) -> list[TrialRecord]:
    """Each owner's consented trial with the most scored days of `field` (then the latest start)."""
    by_owner: dict[str | None, list[TrialRecord]] = defaultdict(list)
    for trial in trials:
        by_owner[trial.owner_id].append(trial)

    def weight(trial: TrialRecord) -> tuple[int, date, datetime]:
        scored = sum(1 for entry in diaries[trial.id] if getattr(entry, field) is not None)
        return scored, trial.start_date, trial.created_at

    return [max(group, key=weight) for group in by_owner.values()]


def _trial_row(trial: TrialRecord, entries: list[EntryRecord], field: str, today: date) -> Any:
    """The trial's pooling input: its scores and planned phases up to today or its stop day."""
    last = min(today, trial.stopped_on) if trial.stopped_on is not None else today
    phases: dict[date, Phase] = {d.day: d.phase for d in schedule(stored_plan(trial)) if d.day <= last}
    kept = [diary_entry(entry) for entry in entries if entry.day <= last]
    return diary_row(kept, phases, field)
