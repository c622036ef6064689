"""What the trial commands return, as data: the JSON contracts of plan, log, import, list and show.

The CLI's `--format json` prints these and the web API will return the same shapes, so they are
documented (docs/trial-json.md) and versioned like the answer and the screen.
"""

from __future__ import annotations

from datetime import date, datetime

from suppwise.contract import Model
from suppwise.safety.crisis import CrisisResourceOut
from suppwise.safety.screen_model import Screen
from suppwise.trials.report_model import AdherenceOut, AlertEpisodeOut, AlertOut, ProtocolOut, TrialOut

SCHEMA_VERSION = 1


class PlannedOut(Model):
    """A stored plan: the trial, its protocol day by day in phases, and the screen that let it start."""

    schema_version: int = SCHEMA_VERSION
    trial: TrialOut
    protocol: ProtocolOut
    screen: Screen
    crisis: bool = False
    crisis_resources: list[CrisisResourceOut] = []


class EntryOut(Model):
    day: date
    version: int
    pain: int | None
    fatigue: int | None
    sleep: int | None
    gi: int | None
    phq2: int | None
    phq9: int | None
    phq9_item9: int | None
    custom: dict[str, int | float] = {}
    dose_taken: str | None
    dose_daily: float | None
    dose_unit: str | None
    note: str | None


class FiredAlert(Model):
    """An alert that fired on this entry (or import): what the rules (`suppwise.trials.alerts`)
    return, and what the log and import results show. `new` is False when it had fired on that day
    before (the trial service marks those once the write has said which were stored)."""

    day: date
    rule_id: str
    level: str
    message: str
    detail: str
    rationale: str
    sources: list[str]
    new: bool = True


class DayPlan(Model):
    day: date
    phase: str
    planned_g: float
    planned: str | None
    block: int | None
    analysed: bool


class LoggedOut(Model):
    schema_version: int = SCHEMA_VERSION
    trial_id: str
    substance_name: str
    entry: EntryOut
    corrected: bool
    unchanged: bool
    scheduled: DayPlan | None
    alerts: list[FiredAlert]
    crisis: bool
    crisis_resources: list[CrisisResourceOut]


class ImportedOut(Model):
    schema_version: int = SCHEMA_VERSION
    trial_id: str
    substance_name: str
    rows: int
    added: int
    corrected: int
    unchanged: int
    alerts: list[FiredAlert]
    crisis: bool
    crisis_resources: list[CrisisResourceOut]


class StoppedOut(Model):
    """What `trial stop` prints: the trial, now stopped, with the day and the reason."""

    schema_version: int = SCHEMA_VERSION
    trial: TrialOut
    crisis: bool = False
    crisis_resources: list[CrisisResourceOut] = []


class TrialSummary(Model):
    trial: TrialOut
    start_date: date
    end_date: date
    diary_days: int
    alerts: int


class OverviewOut(Model):
    """Where a trial stands on `as_of`: today's phase and dose, the next change, adherence, alerts."""

    schema_version: int = SCHEMA_VERSION
    as_of: date
    trial: TrialOut
    protocol: ProtocolOut
    today: DayPlan | None
    next_change: DayPlan | None
    adherence: AdherenceOut
    recent_entries: list[EntryOut]
    alerts: list[AlertOut]
    alert_episodes: list[AlertEpisodeOut]


class ConsentOut(Model):
    """Whether a trial's diary is shared for pooling: the period of consent now open (or the last
    one, withdrawn), whether this call changed anything, and in plain words what is shared."""

    schema_version: int = SCHEMA_VERSION
    trial_id: str
    substance_name: str
    shared: bool
    given_at: datetime | None
    withdrawn_at: datetime | None
    changed: bool
    what_is_shared: str
