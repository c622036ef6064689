"""A cohort of consenting people in a trial database, shared by the consent and database-pool tests.

Each person is an account with one glutamine trial for depression (no caution, so no
acknowledgement is needed), a diary of pain scores lowered by `effect` on supplement days, a note on
every day (which must never reach a pool), and, unless asked otherwise, consent to pooling.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np

from suppwise.evidence import EvidenceBase
from suppwise.safety.profile import Profile
from suppwise.services import consent as consent_service
from suppwise.services import trials as trial_service
from suppwise.storage import Database, save_entries
from suppwise.storage.accounts import create_user
from suppwise.trials.plan import Phase, schedule

TODAY = date(2026, 11, 23)
START = date(2026, 9, 1)
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
NOTE = "private: argued with my sister"
ACKNOWLEDGED = "I have read the cautions and agreed this plan with my clinician"


@dataclass(frozen=True)
class Person:
    user_id: str
    email: str
    trial_id: str


def plan_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "substance": "glutamine",
        "condition": "depression",
        "outcomes": ("pain",),
        "start_date": START,
        "baseline_days": 14,
        "titration": {"start": "5 g", "step": "5 g", "target": "10 g", "days_per_step": 2},
        "design": "abab",
        "block_days": 10,
        "pairs": 2,
        "washout_days": 2,
        "seed": 11,
    }
    data.update(changes)
    return data


def add_trial(
    db: Database,
    base: EvidenceBase,
    owner: str,
    rng: np.random.Generator,
    *,
    effect: float = -1.0,
    **plan: object,
) -> str:
    """A planned trial of `owner` with a complete pain diary (notes on every day)."""
    made = trial_service.make_plan(plan_data(**plan))
    trial = trial_service.store_plan(db, base, made, Profile(), acknowledgement=ACKNOWLEDGED, today=TODAY, owner=owner)
    rows = []
    level = rng.uniform(4.0, 6.0)
    for day in schedule(made):
        if day.day > TODAY:
            break
        shift = effect if day.phase is Phase.ON else 0.0
        pain = int(np.clip(np.rint(level + shift + rng.normal(0.0, 1.0)), 0, 10))
        rows.append((day.day, {"pain": pain, "note": NOTE}))
    save_entries(db, trial_id=trial.trial.id, rows=rows, source="csv", owner=owner)
    return trial.trial.id


def cohort(db: Database, base: EvidenceBase, people: int, *, consent: bool = True, seed: int = 5) -> list[Person]:
    rng = np.random.default_rng(seed)
    made = []
    for number in range(people):
        email = f"person{seed}-{number}@example.org"
        user = create_user(db, email=email, password_hash="x", now=NOW - timedelta(days=100))
        trial_id = add_trial(db, base, user.id, rng)
        if consent:
            consent_service.give_consent(db, base, trial_id, now=NOW, owner=user.id)
        made.append(Person(user.id, email, trial_id))
    return made


def add_own_outcome_trial(
    db: Database,
    base: EvidenceBase,
    owner: str,
    rng: np.random.Generator,
    spec: str,
    *,
    effect: float = 1.5,
    consent: bool = True,
    **plan: object,
) -> str:
    """A trial of `owner` that defines an outcome of its own (`spec`, e.g. `energy:0-10:higher-better`)
    and records it every day, raised by `effect` points on supplement days (clipped to the range,
    whole points unless the spec says decimals), beside a complete pain diary."""
    from suppwise.trials.custom_outcomes import parse_outcome_spec

    own = parse_outcome_spec(spec)
    made = trial_service.make_plan(plan_data(custom_outcomes=[own.model_dump()], **plan))
    trial = trial_service.store_plan(db, base, made, Profile(), acknowledgement=ACKNOWLEDGED, today=TODAY, owner=owner)
    middle = own.low + 0.5 * (own.high - own.low)
    level = rng.uniform(middle - 1.0, middle + 1.0)
    rows = []
    for day in schedule(made):
        if day.day > TODAY:
            break
        shift = effect if day.phase is Phase.ON else 0.0
        value = float(np.clip(level + shift + rng.normal(0.0, 1.0), own.low, own.high))
        value = round(value, 1) if own.decimals else float(np.rint(value))
        pain = int(np.clip(np.rint(5 + rng.normal(0.0, 1.0)), 0, 10))
        rows.append((day.day, {"pain": pain, "note": NOTE, "custom": {own.name: value}}))
    save_entries(db, trial_id=trial.trial.id, rows=rows, source="csv", owner=owner)
    if consent:
        consent_service.give_consent(db, base, trial.trial.id, now=NOW, owner=owner)
    return trial.trial.id


def own_outcome_cohort(
    db: Database, base: EvidenceBase, specs: list[str], *, seed: int = 21, effect: float = 1.5
) -> list[Person]:
    """One consenting person per spec, each with one trial defining that outcome."""
    rng = np.random.default_rng(seed)
    made = []
    for number, spec in enumerate(specs):
        email = f"own{seed}-{number}@example.org"
        user = create_user(db, email=email, password_hash="x", now=NOW - timedelta(days=100))
        made.append(Person(user.id, email, add_own_outcome_trial(db, base, user.id, rng, spec, effect=effect)))
    return made
