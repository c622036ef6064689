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
